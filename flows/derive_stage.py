"""The derive stage: thumbnails, hOCR layout and a searchable PDF beside the record.

It runs after the record is stored, so the record is available as soon as possible, and it is
skipped when its input (the read artefact) and stage version are unchanged. Its summary lives at
``stages/derived.json``; each file it writes has its own custody event with its hash.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from evidence.config.settings import Settings
from evidence.config.versions import STAGE_VERSIONS
from evidence.exports.searchable_pdf import store_searchable_pdf
from evidence.exports.thumbnails import store_thumbnails
from evidence.flows.stages import READ_ARTEFACT
from evidence.storage.store import EvidenceStore

DERIVED_ARTEFACT = "stages/derived.json"


def derive(store: EvidenceStore, settings: Settings, sha256: str, force: bool = False) -> dict[str, object]:
    """Write the derived files for one recorded document; returns the stored summary."""
    read = store.get_stage_artefact(sha256, READ_ARTEFACT)
    if read is None:
        raise FileNotFoundError(f"read artefact missing for {sha256}")
    parameters = {"searchable_pdf": settings.searchable_pdf, "dpi": settings.ocr_dpi}
    inputs = hashlib.sha256(read + json.dumps(parameters, sort_keys=True).encode()).hexdigest()
    if not force and (cached := _cached(store, sha256, inputs)) is not None:
        return cached
    started = datetime.now(UTC)
    thumbnails = store_thumbnails(store, sha256)
    summary: dict[str, object] = {
        "stage_version": STAGE_VERSIONS["derive"],
        "inputs_sha256": inputs,
        "parameters": parameters,
        "thumbnails": [t.key for t in thumbnails],
    }
    if settings.searchable_pdf:
        searchable = store_searchable_pdf(store, sha256, dpi=settings.ocr_dpi)
        summary["searchable_pdf"] = {"key": searchable.key, "sha256": searchable.sha256}
    summary["started_at"] = started.isoformat()
    summary["finished_at"] = datetime.now(UTC).isoformat()
    store.put_stage_artefact(sha256, DERIVED_ARTEFACT, json.dumps(summary, indent=1).encode())
    return summary


def _cached(store: EvidenceStore, sha256: str, inputs: str) -> dict[str, object] | None:
    data = store.get_stage_artefact(sha256, DERIVED_ARTEFACT)
    if data is None:
        return None
    summary = json.loads(data)
    current = summary.get("inputs_sha256") == inputs and summary.get("stage_version") == STAGE_VERSIONS["derive"]
    return summary if current else None
