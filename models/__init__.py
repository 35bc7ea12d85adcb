"""Pydantic models of what the pipeline stores."""

from evidence.models.record import (
    SCHEMA_VERSION,
    Document,
    Entity,
    EntityOrigin,
    EvidenceRecord,
    KeyFacts,
    Page,
    PageSource,
    Provenance,
    QuarantineRecord,
    SentenceAlignment,
    StageError,
    ToolVersion,
    Translation,
)

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "Entity",
    "EntityOrigin",
    "EvidenceRecord",
    "KeyFacts",
    "Page",
    "PageSource",
    "Provenance",
    "QuarantineRecord",
    "SentenceAlignment",
    "StageError",
    "ToolVersion",
    "Translation",
]
