"""What each stage stores in MinIO and what it hands back to the flow (hashes and counts, no text)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from evidence.models.record import Page, ToolVersion
from pydantic import BaseModel, Field


class ReadArtefact(BaseModel):
    """Output of the read stage, stored at evidence/<sha256>/stages/read.json."""

    stage_version: str
    sha256: str
    media_type: str
    page_count: int
    pages: list[Page]
    tools: list[ToolVersion]
    parameters: dict[str, str | int | float | bool | None]
    started_at: datetime
    finished_at: datetime


class Status(StrEnum):
    PROCESSED = "processed"
    QUARANTINED = "quarantined"
    FAILED = "failed"


class DocumentOutcome(BaseModel):
    """What a run returns and the CLI prints: safe to keep in Prefect (no document text)."""

    source_key: str
    status: Status
    sha256: str | None = None
    size: int | None = None
    duplicate: bool = False
    media_type: str | None = None
    pages: int = 0
    languages: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    reason: str | None = None
    message: str | None = None
    seconds: float = 0.0
