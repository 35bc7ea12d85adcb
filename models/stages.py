"""What each stage stores in MinIO and what it hands back to the flow (hashes and counts, no text)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from evidence.models.record import Entity, KeyFacts, Page, StageError, ToolVersion, Translation
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


class ProcessOptions(BaseModel):
    """Typed options of a processing run (a form in the Prefect UI). Stored by Prefect: no secrets, no names."""

    language_hints: list[str] = Field(
        default_factory=list, description="ISO 639-1 codes to OCR with (skips automatic identification)."
    )
    case: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,63}$",
        description="Case label the document belongs to. Use a case number, never a client's name.",
    )
    force: bool = Field(False, description="Redo every stage even if its output exists at the current version.")


class ExtractArtefact(BaseModel):
    """Output of the entity stage, stored at evidence/<sha256>/stages/entities.json."""

    stage_version: str
    inputs_sha256: str = Field(description="Hash of the read artefact the entities were found in.")
    entities: list[Entity]
    document_type: str
    document_type_confidence: float
    key_facts: KeyFacts
    tools: list[ToolVersion]
    started_at: datetime
    finished_at: datetime


class TranslateArtefact(BaseModel):
    """Output of the translation stage, stored at evidence/<sha256>/stages/translation.json."""

    stage_version: str
    inputs_sha256: str = Field(description="Hash of the read artefact that was translated.")
    parameters: dict[str, str] = Field(description="Engine order and installed models: part of the cache key.")
    translations: list[Translation]
    notices: list[StageError] = Field(description="Pages left untranslated and why (English already, no engine).")
    tools: list[ToolVersion]
    started_at: datetime
    finished_at: datetime


class Status(StrEnum):
    PROCESSED = "processed"
    SKIPPED = "skipped"
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
    document_type: str | None = None
    cached: bool = Field(False, description="The read stage's stored output was reused.")
    reason: str | None = None
    message: str | None = None
    seconds: float = 0.0
