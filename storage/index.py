"""Search index for `evidence find`: fast on thousands of documents without reading records.

Each processed document writes its own small entry (`index/entries/<sha256>.json`), so parallel
workers never contend for one object. A snapshot (`index/snapshot.json`) folds all entries into
one object; a search reads the snapshot plus only the entries written since it was taken.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta

from evidence.config.settings import Settings
from evidence.models.record import EvidenceRecord
from minio import Minio
from minio.commonconfig import Tags
from minio.error import S3Error
from pydantic import BaseModel, Field

ENTRIES = "index/entries/"
SNAPSHOT = "index/snapshot.json"
SNAPSHOT_AFTER = 200
"""Fold entries into a new snapshot when a search had to read more than this many fresh ones."""
CLOCK_MARGIN = timedelta(seconds=2)


class IndexEntry(BaseModel):
    sha256: str
    source_key: str
    media_type: str
    pages: int
    languages: list[str] = Field(default_factory=list)
    document_type: str | None = None
    charges: list[str] = Field(default_factory=list)
    case_numbers: list[str] = Field(default_factory=list)
    pipeline_version: str
    processed_at: datetime
    case: str | None = None


class Snapshot(BaseModel):
    entries: dict[str, IndexEntry]


class SearchFilter(BaseModel):
    charge: str | None = None
    language: str | None = None
    document_type: str | None = None
    case_number: str | None = None
    pipeline_version_below: str | None = None
    case: str | None = None

    def matches(self, entry: IndexEntry) -> bool:
        return (
            (self.charge is None or self.charge in entry.charges)
            and (self.language is None or self.language in entry.languages)
            and (self.document_type is None or entry.document_type == self.document_type)
            and (self.case_number is None or self.case_number in entry.case_numbers)
            and (self.case is None or entry.case == self.case)
            and (
                self.pipeline_version_below is None
                or _version(entry.pipeline_version) < _version(self.pipeline_version_below)
            )
        )


def entry_for(record: EvidenceRecord) -> IndexEntry:
    entities = record.entities or []
    return IndexEntry(
        sha256=record.document.sha256,
        source_key=record.document.source_key,
        media_type=record.document.media_type,
        pages=record.document.page_count,
        languages=sorted({page.language for page in record.pages if page.language}),
        document_type=record.document_type,
        charges=sorted({e.normalized for e in entities if e.type == "CHARGE" and e.normalized}),
        case_numbers=sorted({e.normalized or e.text for e in entities if e.type == "CASE_NUMBER"}),
        pipeline_version=record.provenance.pipeline_version,
        processed_at=record.provenance.finished_at,
        case=record.tags.get("case"),
    )


def tags_for(entry: IndexEntry) -> Tags:
    """Object tags on the record (S3 allows 10, values of 256 safe characters)."""
    tags = Tags.new_object_tags()
    values = {
        "document_type": entry.document_type or "unknown",
        "languages": " ".join(entry.languages),
        "charges": " ".join(entry.charges),
        "case_numbers": " ".join(entry.case_numbers),
        "pipeline_version": entry.pipeline_version,
        "media_type": entry.media_type,
        "case": entry.case or "",
    }
    for key, value in values.items():
        safe = _TAG_UNSAFE.sub("_", value)[:256]
        if safe:
            tags[key] = safe
    return tags


_TAG_UNSAFE = re.compile(r"[^\w +\-=.:/@]", flags=re.ASCII)


class EvidenceIndex:
    def __init__(self, client: Minio, settings: Settings) -> None:
        self.client = client
        self.bucket = settings.bucket_evidence

    def put(self, entry: IndexEntry) -> None:
        data = entry.model_dump_json().encode()
        self.client.put_object(self.bucket, f"{ENTRIES}{entry.sha256}.json", io.BytesIO(data), len(data))

    def load(self) -> dict[str, IndexEntry]:
        entries, cutoff = self._snapshot()
        fresh = [
            obj.object_name or ""
            for obj in self.client.list_objects(self.bucket, prefix=ENTRIES, recursive=True)
            if cutoff is None or obj.last_modified is None or obj.last_modified >= cutoff - CLOCK_MARGIN
        ]
        for key in fresh:
            entry = IndexEntry.model_validate_json(self._read(key))
            entries[entry.sha256] = entry
        if len(fresh) > SNAPSHOT_AFTER:
            self.write_snapshot(entries)
        return entries

    def find(self, search: SearchFilter) -> list[IndexEntry]:
        return sorted((e for e in self.load().values() if search.matches(e)), key=lambda e: e.processed_at)

    def write_snapshot(self, entries: dict[str, IndexEntry]) -> None:
        data = Snapshot(entries=entries).model_dump_json().encode()
        self.client.put_object(self.bucket, SNAPSHOT, io.BytesIO(data), len(data))

    def _snapshot(self) -> tuple[dict[str, IndexEntry], datetime | None]:
        try:
            stat = self.client.stat_object(self.bucket, SNAPSHOT)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject"):
                return {}, None
            raise
        return dict(Snapshot.model_validate_json(self._read(SNAPSHOT)).entries), stat.last_modified

    def _read(self, key: str) -> bytes:
        response = self.client.get_object(self.bucket, key)
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))
