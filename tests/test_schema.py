"""The JSON Schema committed in models/ is exactly what the models produce."""

from __future__ import annotations

import json

from evidence.models.schema import SCHEMA_DIR, SCHEMAS, render


def test_committed_schemas_match_models() -> None:
    for name, model in SCHEMAS.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == render(model), f"{name} is stale: run evidence schema"


def test_record_schema_names_every_part_of_the_record() -> None:
    schema = json.loads((SCHEMA_DIR / "evidence_record.schema.json").read_text())
    assert {"Document", "Page", "Translation", "SentenceAlignment", "Entity", "Provenance"} <= set(schema["$defs"])
    assert set(schema["required"]) >= {"document", "pages", "provenance"}
