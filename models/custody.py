"""Chain-of-custody events: one immutable object per event, never rewritten."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from evidence.models.record import ToolVersion
from pydantic import BaseModel, ConfigDict, Field


class CustodyAction(StrEnum):
    RECEIVED = "received"
    HASHED = "hashed"
    STAGE_RUN = "stage_run"
    RECORD_STORED = "record_stored"
    QUARANTINED = "quarantined"
    EXPORTED = "exported"
    INTEGRITY_FAILURE = "integrity_failure"


class CustodyEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="The original this event is about.")
    action: CustodyAction
    at: datetime
    actor: str = Field(description="Who or what acted: uploader identity, or pipeline user and host.")
    source_key: str | None = None
    intake: str | None = Field(
        None, description="Id of the upload (inbox key and content tag) that was taken in; one per upload."
    )
    sha512: str | None = None
    size: int | None = None
    stage: str | None = None
    stage_version: str | None = None
    pipeline_version: str | None = None
    tools: list[ToolVersion] = Field(default_factory=list)
    parameters: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    artefact_key: str | None = None
    artefact_sha256: str | None = Field(None, description="Hash of the artefact as written, checked by verify.")
    detail: str | None = Field(None, description="One line; never document text.")
