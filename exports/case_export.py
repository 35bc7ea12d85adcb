"""Case export: every document of a case in one zip a lawyer can file and anyone can re-check.

Layout: ``exhibits/Exhibit-NNN.pdf``, ``originals/<sha256>.<ext>`` (byte for byte),
``records/<sha256>.json`` (the stored record bytes, so they still hash to custody's
``record_stored``), ``custody/<sha256>.json``, ``searchable/<sha256>.pdf`` when one was made,
``index.html``, ``index.csv``, ``manifest.json`` and ``SHA256SUMS``. Each document gets an
``exported`` custody event naming the export and the exhibit's hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from evidence.config.versions import PIPELINE_VERSION
from evidence.exports.artefacts import (
    EXHIBIT_PDF,
    SEARCHABLE_PDF,
    fetch_original,
    get_artefact,
    put_artefact,
    require_record,
)
from evidence.exports.case_index import IndexRow, index_csv, index_html, index_row
from evidence.exports.exhibit import render_exhibit
from evidence.exports.keyfacts import document_date
from evidence.exports.manifest import MANIFEST, SUMS, FileEntry, manifest_json, sha256sums
from evidence.exports.searchable_pdf import store_searchable_pdf
from evidence.models.custody import CustodyAction, CustodyEvent
from evidence.models.record import EvidenceRecord
from evidence.storage.custody import local_actor
from evidence.storage.index import EvidenceIndex, SearchFilter
from evidence.storage.store import EvidenceStore, spool_directory

EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "image/heif": ".heif",
}
README = """This folder is an evidence export made by evidence-pipeline, entirely offline.

index.html / index.csv   the exhibits in order of the dates the documents state
exhibits/                one PDF per document: cover with SHA-256 and custody, page images,
                         extracted text, machine translation (uncertified), entities
originals/               each original byte for byte, named by its SHA-256
records/                 the evidence record (JSON) of each original
custody/                 the chain-of-custody log of each original
searchable/              page images with an invisible OCR text layer, where made

To check that nothing was changed: `sha256sum -c SHA256SUMS` in this folder, and
`sha256sum originals/*` (each file must hash to its own name).
"""


class EmptyCaseError(LookupError):
    """No processed document carries this case label."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    case: str
    export_id: str
    rows: list[IndexRow]
    manifest_sha256: str
    files: int


@dataclass(frozen=True)
class _Doc:
    record: EvidenceRecord
    events: list[CustodyEvent]
    received: datetime

    @property
    def sort_key(self) -> tuple[str, str, str]:
        stated = document_date(self.record)
        day = stated.isoformat() if stated else self.received.date().isoformat()
        return day, self.received.isoformat(), self.record.document.sha256


def export_case(
    store: EvidenceStore,
    case: str,
    out_zip: Path,
    exhibit_start: int = 1,
    make_searchable: bool = False,
    actor: str | None = None,
) -> ExportResult:
    """Write the case's zip to ``out_zip`` (atomically) and log an ``exported`` event per document."""
    out_zip = Path(out_zip)
    entries = EvidenceIndex(store.client, store.settings).find(SearchFilter(case=case))
    if not entries:
        raise EmptyCaseError(f"no processed documents in case {case!r}")
    docs = sorted((_load(store, entry.sha256) for entry in entries), key=lambda d: d.sort_key)
    export_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    files: list[FileEntry] = []
    rows: list[IndexRow] = []
    partial = out_zip.with_name(f".{out_zip.name}.partial")
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:

            def add(path: str, data: bytes) -> None:
                archive.writestr(path, data)
                files.append(FileEntry(path, hashlib.sha256(data).hexdigest(), len(data)))

            for number, doc in enumerate(docs, start=exhibit_start):
                sha256 = doc.record.document.sha256
                label = str(number)
                exhibit_path = f"exhibits/Exhibit-{number:03d}.pdf"
                with spool_directory() as spool:
                    original = fetch_original(store, sha256, spool)
                    exhibit = render_exhibit(doc.record, doc.events, original, label)
                    ext = EXTENSIONS.get(doc.record.document.media_type, "")
                    archive.write(original, f"originals/{sha256}{ext}")
                    files.append(FileEntry(f"originals/{sha256}{ext}", sha256, original.stat().st_size))
                stored = put_artefact(
                    store, sha256, EXHIBIT_PDF, exhibit, stage="exhibit", parameters={"exhibit": label, "case": case}
                )
                add(exhibit_path, exhibit)
                searchable = get_artefact(store, sha256, SEARCHABLE_PDF)
                if searchable is None and make_searchable:
                    store_searchable_pdf(store, sha256)
                    searchable = get_artefact(store, sha256, SEARCHABLE_PDF)
                if searchable is not None:
                    add(f"searchable/{sha256}.pdf", searchable)
                record_bytes = store.get_record_bytes(sha256)
                if record_bytes is not None:
                    add(f"records/{sha256}.json", record_bytes)
                store.custody.record(
                    sha256,
                    CustodyAction.EXPORTED,
                    actor=actor,
                    pipeline_version=PIPELINE_VERSION,
                    parameters={"case": case, "exhibit": label, "export_id": export_id, "zip": out_zip.name},
                    artefact_key=f"{out_zip.name}:{exhibit_path}",
                    artefact_sha256=stored.sha256,
                    detail=f"exported as Exhibit {label} of case export {export_id}",
                )
                events = store.custody.events(sha256)
                add(
                    f"custody/{sha256}.json",
                    json.dumps(
                        [json.loads(e.model_dump_json(exclude_none=True)) for e in events],
                        indent=2,
                        ensure_ascii=False,
                    ).encode("utf-8"),
                )
                rows.append(index_row(doc.record, label, doc.received.date().isoformat(), exhibit_path))
            add("index.csv", index_csv(rows))
            add("index.html", index_html(case, rows, generated))
            add("README.txt", README.encode("utf-8"))
            about: dict[str, object] = {
                "case": case,
                "export_id": export_id,
                "generated_at": generated,
                "generated_by": actor or local_actor(),
                "pipeline_version": PIPELINE_VERSION,
                "exhibits": [{"exhibit": r.exhibit, "sha256": r.sha256, "file": r.exhibit_file} for r in rows],
            }
            manifest = manifest_json(files, about)
            archive.writestr(MANIFEST, manifest)
            archive.writestr(SUMS, sha256sums(files))
        os.replace(partial, out_zip)
    finally:
        partial.unlink(missing_ok=True)
    return ExportResult(out_zip, case, export_id, rows, hashlib.sha256(manifest).hexdigest(), len(files) + 2)


def _load(store: EvidenceStore, sha256: str) -> _Doc:
    record = require_record(store, sha256)
    events = store.custody.events(sha256)
    received = next((e.at for e in events if e.action == CustodyAction.RECEIVED), record.provenance.started_at)
    return _Doc(record, events, received)
