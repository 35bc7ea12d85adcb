"""Pipeline and stage versions: bump a stage's version when its output would change."""

from __future__ import annotations

PIPELINE_VERSION = "0.6.1"

STAGE_VERSIONS: dict[str, str] = {
    "ingest": "1",
    "read": "5",
    "translate": "1",
    "extract": "3",
    "record": "1",
    "derive": "1",
}
