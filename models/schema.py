"""JSON Schema of the stored record, exported into the repository so consumers can validate it."""

from __future__ import annotations

import json
from pathlib import Path

from evidence.models.record import EvidenceRecord, QuarantineRecord

SCHEMA_DIR = Path(__file__).parent
SCHEMAS = {
    "evidence_record.schema.json": EvidenceRecord,
    "quarantine_record.schema.json": QuarantineRecord,
}


def render(model: type) -> str:
    return json.dumps(model.model_json_schema(mode="serialization"), indent=2, ensure_ascii=False) + "\n"


def export(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema file; `evidence schema` and the setup call this."""
    written = []
    for name, model in SCHEMAS.items():
        path = directory / name
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written
