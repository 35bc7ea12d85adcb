"""The inbox sweep: anything in the inbox without a matching intake is processed.

Runs when the watcher starts, after it reconnects, and on a schedule, so nothing dropped while
the watcher was down is missed. Only complete objects are listed (S3 never lists an upload in
progress), and an object is matched by key and content tag, so a replaced file is taken again.
"""

from __future__ import annotations

from evidence.flows.process_document import _store, process_batch
from evidence.models.stages import ProcessOptions
from evidence.storage.store import EvidenceStore
from prefect import flow, get_run_logger

SWEEP_BATCH = 100


def unseen_inbox_keys(store: EvidenceStore) -> list[str]:
    unseen = []
    for item in store.list_inbox():
        seen = store.inbox_seen(item.key)
        if seen is None or seen.get("etag") != item.etag:
            unseen.append(item.key)
    return unseen


@flow(name="sweep-inbox", persist_result=False, log_prints=False)
def sweep_inbox() -> int:
    """Process every inbox object that has not been taken in; returns how many were found."""
    keys = unseen_inbox_keys(_store())
    get_run_logger().info("sweep: %d unprocessed inbox objects", len(keys))
    for start in range(0, len(keys), SWEEP_BATCH):
        process_batch(keys[start : start + SWEEP_BATCH], ProcessOptions())
    return len(keys)
