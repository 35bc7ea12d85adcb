"""`evidence verify`: re-hash every original and check every record and custody log against it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from evidence.models.custody import CustodyAction, CustodyEvent
from evidence.models.record import EvidenceRecord
from evidence.storage.custody import PREFIX as CUSTODY_PREFIX
from evidence.storage.store import EvidenceStore, IntegrityError


@dataclass(frozen=True)
class Discrepancy:
    sha256: str
    problem: str


def verify_store(store: EvidenceStore) -> tuple[int, list[Discrepancy]]:
    """Returns how many originals were checked and every discrepancy found."""
    originals = _original_hashes(store)
    problems: list[Discrepancy] = []
    for sha256 in sorted(originals):
        problems.extend(_verify_one(store, sha256))
    for sha256 in store.custody.documents():
        if sha256 not in originals:
            problems.append(Discrepancy(sha256, "custody log exists but the original is missing (deleted?)"))
    return len(originals), problems


def _original_hashes(store: EvidenceStore) -> set[str]:
    objects = store.client.list_objects(store.settings.bucket_originals, recursive=False)
    return {
        o.object_name or "" for o in objects if not o.is_dir and not (o.object_name or "").startswith(CUSTODY_PREFIX)
    }


def _verify_one(store: EvidenceStore, sha256: str) -> Iterator[Discrepancy]:
    try:
        digests = store.verify_original(sha256)
    except IntegrityError as exc:
        yield Discrepancy(sha256, f"original altered: {exc}")
        return
    events = store.custody.events(sha256)
    actions = {event.action for event in events}
    for needed in (CustodyAction.RECEIVED, CustodyAction.HASHED):
        if needed not in actions:
            yield Discrepancy(sha256, f"custody log has no '{needed.value}' event")
    for event in events:
        if event.sha512 and event.sha512 != digests.sha512:
            yield Discrepancy(
                sha256, f"custody event {event.action.value} at {event.at:%Y-%m-%d %H:%M:%S} names another SHA-512"
            )
    yield from _verify_record(store, sha256, digests.sha512, events)


def _verify_record(store: EvidenceStore, sha256: str, sha512: str, events: list[CustodyEvent]) -> Iterator[Discrepancy]:
    stored_events = [e for e in events if e.action == CustodyAction.RECORD_STORED]
    data = store.get_record_bytes(sha256)
    if data is None:
        if stored_events:
            yield Discrepancy(sha256, "record was stored but is missing now")
        return
    if not stored_events:
        yield Discrepancy(sha256, "record exists but custody has no record_stored event")
        return
    if hashlib.sha256(data).hexdigest() != stored_events[-1].artefact_sha256:
        yield Discrepancy(sha256, "record was modified after it was stored (hash differs from the custody log)")
        return
    record = EvidenceRecord.model_validate_json(data)
    if record.document.sha256 != sha256 or record.document.sha512 != sha512:
        yield Discrepancy(sha256, "record names another original")
