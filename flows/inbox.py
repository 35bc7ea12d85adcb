"""The inbox sweep: anything in the inbox without a matching intake is processed.

Runs when the watcher starts, after it reconnects, and on a schedule, so nothing dropped while
the watcher was down is missed. Only complete objects are listed (S3 never lists an upload in
progress), and an object is matched by key and content tag, so a replaced file is taken again.
A document taken in but never finished (its run failed after every retry, its batch was lost)
is retaken once it has been stalled for ``stalled_after_s``, at most ``max_retakes`` times; then it
is quarantined with reason ``processing_failed``, so it is set aside with a record, never lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evidence.config.settings import get_settings
from evidence.extractors.errors import InputRejected, Reason
from evidence.flows import stages
from evidence.flows.process_document import _store, process_batch
from evidence.models.record import QuarantineRecord
from evidence.models.stages import ProcessOptions
from evidence.storage.store import EvidenceStore
from prefect import flow, get_run_logger

SWEEP_BATCH = 100


@dataclass
class SweepPlan:
    unseen: list[str] = field(default_factory=list)
    stalled: list[str] = field(default_factory=list)
    abandoned: list[str] = field(default_factory=list)  # stalled, and retaken max_retakes times already

    @property
    def keys(self) -> list[str]:
        return self.unseen + self.stalled


def plan_sweep(store: EvidenceStore, stalled_after_s: float, max_retakes: int) -> SweepPlan:
    """Sort the inbox into never taken in, stalled (retake now) and given up on."""
    plan = SweepPlan()
    for item in store.list_inbox():
        seen = store.inbox_seen(item.key)
        if seen is None or seen.get("etag") != item.etag:
            plan.unseen.append(item.key)
        elif not store.has_outcome(seen["sha256"]) and store.inbox_seen_age_s(item.key) >= stalled_after_s:
            if int(seen.get("retakes", 0)) >= max_retakes:
                plan.abandoned.append(item.key)
            else:
                store.mark_inbox_retaken(item.key, seen)
                plan.stalled.append(item.key)
    return plan


def quarantine_abandoned(store: EvidenceStore, inbox_key: str, retakes: int) -> QuarantineRecord | None:
    """Set aside a document the pipeline gave up on (every retake stalled: it may crash its worker)."""
    stored = stages.original_from_intake(inbox_key, store.inbox_seen(inbox_key))
    if stored is None:
        return None
    rejection = InputRejected(
        Reason.PROCESSING_FAILED,
        f"taken in but not finished after {retakes} retakes (its runs failed or their worker died each time)",
    )
    return stages.quarantine(store, stored, rejection)


@flow(name="sweep-inbox", persist_result=False, log_prints=False)
def sweep_inbox() -> int:
    """Process every inbox object not taken in, or taken in and stalled; returns how many."""
    settings = get_settings()
    plan = plan_sweep(store := _store(), settings.stalled_after_s, settings.max_retakes)
    logger = get_run_logger()
    logger.info("sweep: %d unprocessed, %d stalled inbox objects", len(plan.unseen), len(plan.stalled))
    for key in plan.abandoned:
        if (record := quarantine_abandoned(store, key, settings.max_retakes)) is not None:
            logger.error("quarantined sha256=%s reason=%s", record.sha256, record.reason)
        else:
            logger.error("sweep: a stalled inbox object left after its retakes (its intake marker has no digests)")
    keys = plan.keys
    for start in range(0, len(keys), SWEEP_BATCH):
        process_batch(keys[start : start + SWEEP_BATCH], ProcessOptions())
    return len(keys)
