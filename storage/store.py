"""The evidence store: inbox, write-once originals, records and quarantine in MinIO, keyed by SHA-256.

Layout (documented in the README):
  inbox/<name>                       what a user dropped; never modified or removed by the pipeline
  originals/<sha256>                 the original, byte for byte, with sha512 and source key as metadata
  evidence/<sha256>/record.json      the EvidenceRecord (tagged: type, languages, charges, case ids)
  evidence/<sha256>/pages/0001.txt   each page's text
  evidence/<sha256>/stages/*.json    each stage's output
  evidence/index/                    the search index (entries + snapshot)
  originals/custody/<sha256>/*.json  the append-only custody log
  quarantine/<sha256>/original       a bad input, byte for byte
  quarantine/<sha256>/reason.json    its QuarantineRecord
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from evidence.config.settings import Settings
from evidence.models.custody import CustodyAction
from evidence.models.record import EvidenceRecord, QuarantineRecord
from evidence.storage.custody import CustodyLog, local_actor
from evidence.storage.hashing import CHUNK, Digests, HashingReader
from evidence.storage.index import EvidenceIndex, entry_for, tags_for
from minio import Minio
from minio.commonconfig import CopySource
from minio.error import S3Error

RECORD_NAME = "record.json"


@dataclass(frozen=True)
class InboxObject:
    key: str
    etag: str
    size: int
    uploader: str | None


class IntegrityError(Exception):
    """An original no longer hashes to its key: stop that document and raise the alarm, never retry."""


@dataclass(frozen=True)
class StoredOriginal:
    digests: Digests
    source_key: str
    newly_stored: bool
    already_taken: bool = False  # this very inbox object (key and ETag) was ingested before


def original_key(sha256: str) -> str:
    return sha256


def record_key(sha256: str) -> str:
    return f"{sha256}/{RECORD_NAME}"


def quarantine_reason_key(sha256: str) -> str:
    return f"{sha256}/reason.json"


class EvidenceStore:
    def __init__(self, client: Minio, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self.custody = CustodyLog(client, settings)

    # --- inbox -------------------------------------------------------------------------------
    def put_inbox_as(self, path: Path, key: str, uploader: str) -> str:
        """Upload with the uploader's identity as metadata, so custody can name who handed it in."""
        self.client.fput_object(
            self.settings.bucket_inbox, key, str(path), metadata={"uploader": _ascii_header(uploader)}
        )
        return key

    def inbox_object(self, key: str) -> InboxObject:
        stat = self.client.stat_object(self.settings.bucket_inbox, key)
        metadata = stat.metadata or {}
        uploader = metadata.get("x-amz-meta-uploader") or metadata.get("X-Amz-Meta-Uploader")
        return InboxObject(key=key, etag=stat.etag or "", size=stat.size or 0, uploader=uploader)

    def mark_inbox_seen(self, inbox: InboxObject, digests: Digests) -> None:
        """Remember that this inbox object (key and content tag) was taken in, for the sweep."""
        data = json.dumps(
            {
                "key": inbox.key,
                "etag": inbox.etag,
                "sha256": digests.sha256,
                "sha512": digests.sha512,
                "size": digests.size,
            }
        ).encode()
        self._put_bytes(self.settings.bucket_evidence, _seen_key(inbox.key), data, "application/json")

    def claim(self, name: str, ttl_s: float, owner: str) -> bool:
        """Atomically claim ``claims/<name>``: exactly one caller gets True.

        Uses S3 conditional writes (If-None-Match, and If-Match to take over a claim older than
        ``ttl_s`` left by a crashed run). minio-py exposes request headers only on its internal
        ``_put_object``, hence the one private call, pinned by the minio version in pyproject.
        The holder ``owner`` (a flow run) gets True again, so a retried task is not locked out.
        """
        key = f"claims/{name}.json"
        body = json.dumps({"at": time.time(), "by": local_actor(), "owner": owner}).encode()
        bucket = self.settings.bucket_evidence
        try:
            self.client._put_object(bucket, key, body, headers={"If-None-Match": "*"})
            return True
        except S3Error as exc:
            if exc.code != "PreconditionFailed":
                raise
        stat = self.client.stat_object(bucket, key)
        held = json.loads(self._get_bytes(bucket, key) or b"{}")
        if held.get("owner") == owner:
            return True
        if time.time() - float(held.get("at", 0)) < ttl_s:
            return False
        try:
            self.client._put_object(bucket, key, body, headers={"If-Match": stat.etag or ""})
        except S3Error as exc:
            if exc.code == "PreconditionFailed":
                return False
            raise
        return True

    def inbox_seen(self, key: str) -> dict[str, Any] | None:
        data = self._get_bytes(self.settings.bucket_evidence, _seen_key(key))
        return None if data is None else json.loads(data)

    def inbox_seen_age_s(self, key: str) -> float:
        """Seconds since this inbox object was taken in (or last retaken by the sweep)."""
        stat = self.client.stat_object(self.settings.bucket_evidence, _seen_key(key))
        modified = stat.last_modified or datetime.now(UTC)
        return (datetime.now(UTC) - modified).total_seconds()

    def mark_inbox_retaken(self, key: str, seen: dict[str, Any]) -> None:
        """Count one more retake of a stalled document (and restart its clock)."""
        data = json.dumps({**seen, "retakes": int(seen.get("retakes", 0)) + 1}).encode()
        self._put_bytes(self.settings.bucket_evidence, _seen_key(key), data, "application/json")

    def has_outcome(self, sha256: str) -> bool:
        """An evidence record or a quarantine record exists: the document's processing ended."""
        return self._exists(self.settings.bucket_evidence, record_key(sha256)) or self._exists(
            self.settings.bucket_quarantine, quarantine_reason_key(sha256)
        )

    def list_inbox(self) -> list[InboxObject]:
        return [
            InboxObject(key=o.object_name or "", etag=o.etag or "", size=o.size or 0, uploader=None)
            for o in self.client.list_objects(self.settings.bucket_inbox, recursive=True)
            if not o.is_dir
        ]

    def source_key_of(self, sha256: str) -> str:
        """The first key this original arrived under, from its custody log."""
        for event in self.custody.events(sha256):
            if event.source_key:
                return event.source_key
        return sha256

    # --- originals ---------------------------------------------------------------------------
    def ingest(self, inbox_key: str) -> StoredOriginal:
        """Copy an inbox object into originals under its SHA-256, hashing while streaming.

        A document dropped twice is stored once (``newly_stored`` False the second time). The
        stored copy is re-hashed after upload, so a corrupted write is caught at once.
        """
        with spool_directory() as spool_dir:
            spool = spool_dir / "original"
            response = self.client.get_object(self.settings.bucket_inbox, inbox_key)
            try:
                reader = HashingReader(response)
                with spool.open("wb") as out:
                    shutil.copyfileobj(reader, out, CHUNK)
            finally:
                response.close()
                response.release_conn()
            digests = reader.digests()
            newly = not self.has_original(digests.sha256)
            if newly:
                self.client.fput_object(
                    self.settings.bucket_originals,
                    original_key(digests.sha256),
                    str(spool),
                    metadata={"sha512": digests.sha512, "source-key": _ascii_header(inbox_key)},
                )
        self.verify_original(digests.sha256)
        return StoredOriginal(digests, inbox_key, newly)

    def has_original(self, sha256: str) -> bool:
        return self._exists(self.settings.bucket_originals, original_key(sha256))

    def verify_original(self, sha256: str) -> Digests:
        """Re-hash the stored original; raises IntegrityError on any mismatch."""
        return self._read_original(sha256, None)

    def download_original(self, sha256: str, path: Path) -> Digests:
        """Fetch the original for a stage, checking its hash on the way (IntegrityError on mismatch)."""
        with path.open("wb") as out:
            return self._read_original(sha256, out)

    def _read_original(self, sha256: str, out: BinaryIO | None) -> Digests:
        response = self.client.get_object(self.settings.bucket_originals, original_key(sha256))
        try:
            reader = HashingReader(response)
            while chunk := reader.read(CHUNK):
                if out is not None:
                    out.write(chunk)
        finally:
            response.close()
            response.release_conn()
        digests = reader.digests()
        if digests.sha256 != sha256:
            self.custody.record(sha256, CustodyAction.INTEGRITY_FAILURE, detail=f"now hashes to {digests.sha256}")
            raise IntegrityError(f"original {sha256} now hashes to {digests.sha256}")
        return digests

    # --- records -----------------------------------------------------------------------------
    def put_record(self, record: EvidenceRecord) -> tuple[str, str]:
        """Store the record (tagged), each page's text beside it, and its index entry.

        Returns the record's key and the SHA-256 of the bytes written, for the custody log.
        """
        sha256 = record.document.sha256
        key = record_key(sha256)
        data = record.to_json()
        entry = entry_for(record)
        self.client.put_object(
            self.settings.bucket_evidence,
            key,
            io.BytesIO(data),
            len(data),
            content_type="application/json",
            tags=tags_for(entry),
        )
        for page in record.pages:
            self._put_bytes(
                self.settings.bucket_evidence,
                f"{sha256}/pages/{page.number:04d}.txt",
                page.text.encode(),
                "text/plain; charset=utf-8",
            )
        EvidenceIndex(self.client, self.settings).put(entry)
        return key, hashlib.sha256(data).hexdigest()

    def get_record_bytes(self, sha256: str) -> bytes | None:
        return self._get_bytes(self.settings.bucket_evidence, record_key(sha256))

    def get_record(self, sha256: str) -> EvidenceRecord | None:
        data = self._get_bytes(self.settings.bucket_evidence, record_key(sha256))
        return None if data is None else EvidenceRecord.model_validate_json(data)

    def put_stage_artefact(self, sha256: str, name: str, data: bytes) -> str:
        key = f"{sha256}/{name}"
        self._put_bytes(self.settings.bucket_evidence, key, data, "application/json")
        return key

    def get_stage_artefact(self, sha256: str, name: str) -> bytes | None:
        return self._get_bytes(self.settings.bucket_evidence, f"{sha256}/{name}")

    # --- quarantine --------------------------------------------------------------------------
    def quarantine(self, inbox_key: str, record: QuarantineRecord) -> str:
        """Keep the bad input byte for byte (server-side copy) beside its reason record."""
        prefix = record.sha256
        self.client.copy_object(
            self.settings.bucket_quarantine, f"{prefix}/original", CopySource(self.settings.bucket_inbox, inbox_key)
        )
        self._put_bytes(
            self.settings.bucket_quarantine,
            quarantine_reason_key(prefix),
            record.model_dump_json(indent=2).encode(),
            "application/json",
        )
        return prefix

    def get_quarantine(self, sha256: str) -> QuarantineRecord | None:
        data = self._get_bytes(self.settings.bucket_quarantine, quarantine_reason_key(sha256))
        return None if data is None else QuarantineRecord.model_validate_json(data)

    # --- helpers -----------------------------------------------------------------------------
    def _exists(self, bucket: str, key: str) -> bool:
        try:
            self.client.stat_object(bucket, key)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject", "NotFound"):
                return False
            raise
        return True

    def _put_bytes(self, bucket: str, key: str, data: bytes, content_type: str) -> None:
        self.client.put_object(bucket, key, io.BytesIO(data), len(data), content_type=content_type)

    def _get_bytes(self, bucket: str, key: str) -> bytes | None:
        try:
            response = self.client.get_object(bucket, key)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject", "NotFound"):
                return None
            raise
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()


@contextmanager
def spool_directory() -> Iterator[Path]:
    """Private temporary directory for a document being read; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="evidence-") as name:
        yield Path(name)


def _seen_key(inbox_key: str) -> str:
    return f"inbox-seen/{hashlib.sha256(inbox_key.encode()).hexdigest()}.json"


def _ascii_header(value: str) -> str:
    """S3 metadata must be ASCII; non-ASCII names are kept JSON-escaped so nothing is lost."""
    return value if value.isascii() else json.dumps(value)[1:-1]
