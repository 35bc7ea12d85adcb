"""The evidence record: the one JSON document stored per original, keyed by its SHA-256.

A stage that has not run leaves its field as ``None`` (left out of the stored JSON), so a reader
can tell "not translated yet" from "translated, nothing found".
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"

Sha256 = str  # 64 lowercase hex digits; validated by pattern below where it is a field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PageSource(StrEnum):
    """Where a page's text came from."""

    TEXT_LAYER = "text_layer"
    OCR = "ocr"


class EntityOrigin(StrEnum):
    RULE = "rule"
    STATISTICAL = "statistical"


class Document(_Model):
    """The original as received: never modified, identified by its SHA-256."""

    key: str = Field(description="Object key of the original in the originals bucket (its SHA-256).")
    source_key: str = Field(description="Key (file name) it arrived under in the inbox.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    sha512: str = Field(pattern=r"^[0-9a-f]{128}$")
    size: int = Field(ge=0, description="Size in bytes.")
    media_type: str = Field(description="Media type sniffed from the content, not the file name.")
    page_count: int = Field(ge=0)


class Page(_Model):
    number: int = Field(ge=1, description="1-based page number in the original.")
    source: PageSource
    source_reason: str = Field(description="Why this source was used (e.g. 'text layer covers the page').")
    rotation: int = Field(0, description="Clockwise rotation in degrees applied before reading (0/90/180/270).")
    skew_angle: float | None = Field(None, description="Small-angle deskew applied, in degrees.")
    corrections: list[str] = Field(
        default_factory=list,
        description="Corrections besides rotation and deskew: to the image before OCR "
        "('background_flattened' for uneven lighting; 'scaled_for_reading:S', large text read at S times "
        "its size, the page's width and height staying the original's) or to its reading ('numbers_reread:N', "
        "N number words on an Arabic-script page re-read by the pipeline's digit reader).",
    )
    language: str | None = Field(None, description="ISO 639-1 code of the detected language.")
    script: str | None = Field(None, description="Writing system (Latin, Cyrillic, Arabic, Han, ...).")
    confidence: float | None = Field(None, ge=0, le=100, description="Mean OCR word confidence (0-100).")
    ocr_languages: str | None = Field(None, description="Tesseract language packs used, e.g. 'rus'.")
    width: int | None = Field(None, description="Width in pixels of the image that was read.")
    height: int | None = Field(None, description="Height in pixels of the image that was read.")
    text: str = Field(description="Text in logical (reading) order; right-to-left scripts stay logical.")
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds spent per step.")


class SentenceAlignment(_Model):
    """One source sentence and its translation, so a lawyer can check line by line."""

    page: int = Field(ge=1)
    source_start: int = Field(ge=0, description="Character offset of the sentence in the page text.")
    source_end: int = Field(ge=0)
    source_text: str
    target_text: str
    unreliable: bool = Field(False, description="A quality guard flagged this sentence.")
    flags: list[str] = Field(default_factory=list, description="Why it is unreliable, if it is.")


class Translation(_Model):
    engine: str
    model_id: str
    model_version: str
    source_language: str
    target_language: str
    sentences: list[SentenceAlignment]


class Entity(_Model):
    type: str = Field(description="CHARGE, AUTHORITY, CASE_NUMBER, DATE, PERSON, LOCATION, ...")
    text: str = Field(description="Surface text as it stands in the source.")
    normalized: str | None = Field(None, description="Canonical value (ISO date, charge id, ...).")
    language: str
    page: int = Field(ge=1)
    start: int = Field(ge=0, description="Character span in the page text.")
    end: int = Field(ge=0)
    origin: EntityOrigin
    confidence: float = Field(ge=0, le=1)
    attributes: dict[str, str] = Field(default_factory=dict)


class FactPerson(_Model):
    text: str = Field(description="Name in the original script.")
    translit: str | None = Field(None, description="Latin transliteration.")
    page: int


class FactAuthority(_Model):
    text: str
    english: str | None = None
    page: int


class FactCharge(_Model):
    id: str = Field(description="Canonical charge id, e.g. RU-CC-280.")
    text: str
    offence: str | None = Field(None, description="English name of the offence.")
    used_against_dissent: bool = Field(description="Human-rights reporting documents its use against dissent.")
    sources: list[str] = Field(default_factory=list, description="The reports that document it.")


class FactDate(_Model):
    date: str | None = Field(None, description="ISO 8601 Gregorian.")
    text: str = Field(description="As written, in its own calendar and digits.")
    role: str | None = Field(None, description="issued, appear_on, detained_on, hearing, ... when stated.")


class KeyFacts(_Model):
    """The facts a claim rests on, for the lawyer's first look."""

    targeted_person: FactPerson | None = None
    issuing_authority: FactAuthority | None = None
    charges: list[FactCharge] = Field(default_factory=list)
    dissent_flagged: bool = False
    case_numbers: list[str] = Field(default_factory=list)
    dates: list[FactDate] = Field(default_factory=list)


class ToolVersion(_Model):
    name: str
    version: str


class StageError(_Model):
    stage: str
    code: str = Field(description="Stable reason code, e.g. 'encrypted', 'empty', 'unsupported_type'.")
    message: str = Field(description="One line for a person; never document text.")
    page: int | None = None


class Provenance(_Model):
    pipeline_version: str
    tools: list[ToolVersion] = Field(description="Every program and model version that touched the record.")
    parameters: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    started_at: datetime
    finished_at: datetime
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per stage.")
    host: str = Field(description="Machine that produced the record.")


class EvidenceRecord(_Model):
    schema_version: str = SCHEMA_VERSION
    document: Document
    pages: list[Page]
    translations: list[Translation] | None = None
    entities: list[Entity] | None = None
    document_type: str | None = None
    document_type_confidence: float | None = Field(None, ge=0, le=1)
    key_facts: KeyFacts | None = None
    tags: dict[str, str] = Field(default_factory=dict)
    provenance: Provenance
    errors: list[StageError] = Field(default_factory=list)

    def to_json(self) -> bytes:
        """Stored form: stages that have not run are left out."""
        return self.model_dump_json(indent=2, exclude_none=True).encode("utf-8")


class QuarantineRecord(_Model):
    """Why an input was set aside; kept beside the untouched original in the quarantine bucket."""

    schema_version: str = SCHEMA_VERSION
    source_key: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    detected_type: str | None = None
    reason: str = Field(description="Stable reason code.")
    message: str
    pipeline_version: str
    quarantined_at: datetime
