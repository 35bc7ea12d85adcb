"""Lawyer-facing artefacts beside the record: ``evidence/<sha256>/<name>``, each logged in custody.

Every write gets a ``stage_run`` custody event with the SHA-256 of the bytes written, so an
exhibit handed to a court can be tied back to the original it was made from.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from evidence.config.versions import PIPELINE_VERSION
from evidence.models.custody import CustodyAction
from evidence.models.record import EvidenceRecord
from evidence.storage.store import EvidenceStore

EXPORTS_VERSION = "1.0.0"
SEARCHABLE_PDF = "searchable.pdf"
EXHIBIT_PDF = "exhibit.pdf"


@dataclass(frozen=True)
class StoredArtefact:
    key: str
    sha256: str
    size: int


class RecordNotFoundError(LookupError):
    """No record for this SHA-256: the document was never processed (or was quarantined)."""


def require_record(store: EvidenceStore, sha256: str) -> EvidenceRecord:
    record = store.get_record(sha256)
    if record is None:
        raise RecordNotFoundError(f"no record for {sha256}")
    return record


def fetch_original(store: EvidenceStore, sha256: str, directory: Path) -> Path:
    """Download the original with its hash checked on the way (IntegrityError on mismatch)."""
    path = directory / "original"
    store.download_original(sha256, path)
    return path


def put_artefact(
    store: EvidenceStore,
    sha256: str,
    name: str,
    data: bytes,
    stage: str,
    parameters: dict[str, str | int | float | bool | None] | None = None,
    content_type: str = "application/pdf",
) -> StoredArtefact:
    key = f"{sha256}/{name}"
    store.client.put_object(store.settings.bucket_evidence, key, io.BytesIO(data), len(data), content_type=content_type)
    digest = hashlib.sha256(data).hexdigest()
    store.custody.record(
        sha256,
        CustodyAction.STAGE_RUN,
        stage=stage,
        stage_version=EXPORTS_VERSION,
        pipeline_version=PIPELINE_VERSION,
        parameters=parameters or {},
        artefact_key=key,
        artefact_sha256=digest,
    )
    return StoredArtefact(key, digest, len(data))


def get_artefact(store: EvidenceStore, sha256: str, name: str) -> bytes | None:
    return store.get_stage_artefact(sha256, name)
