"""The process_document flow: ingest → read → record, each stage a Prefect task.

Prefect sees only object keys, hashes and counts: stage outputs live in MinIO, task results are
not persisted, and log lines name documents by hash.
"""

from __future__ import annotations

import time

from evidence.config.settings import Settings, get_settings
from evidence.extractors.errors import InputRejected
from evidence.flows import stages
from evidence.flows.retry import retry_transient
from evidence.models.stages import DocumentOutcome, ProcessOptions, Status
from evidence.storage.client import make_client
from evidence.storage.store import EvidenceStore, StoredOriginal
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed

TASK_OPTIONS = {
    "persist_result": False,
    "cache_policy": NO_CACHE,
    "retries": 3,
    "retry_delay_seconds": [1, 3, 10],
    "retry_condition_fn": retry_transient,
}


def _store(settings: Settings) -> EvidenceStore:
    return EvidenceStore(make_client(settings), settings)


@task(name="ingest", **TASK_OPTIONS)
def ingest_task(inbox_key: str, case: str | None) -> StoredOriginal:
    stored = stages.ingest(_store(get_settings()), inbox_key, case)
    get_run_logger().info(
        "ingested sha256=%s size=%d new=%s", stored.digests.sha256, stored.digests.size, stored.newly_stored
    )
    return stored


@task(name="read", **TASK_OPTIONS)
def read_task(
    stored: StoredOriginal, language_hints: list[str], password: str | None
) -> stages.ReadSummary | InputRejected:
    """Returns the rejection instead of raising it: bad input is an outcome, not a task failure."""
    try:
        summary = stages.read(_store(get_settings()), get_settings(), stored, language_hints, password)
    except InputRejected as rejection:
        get_run_logger().warning("rejected sha256=%s reason=%s", stored.digests.sha256, rejection.reason.value)
        return rejection
    get_run_logger().info(
        "read sha256=%s pages=%d type=%s", stored.digests.sha256, summary.page_count, summary.media_type
    )
    return summary


@task(name="quarantine", **TASK_OPTIONS)
def quarantine_task(stored: StoredOriginal, rejection: InputRejected) -> None:
    record = stages.quarantine(_store(get_settings()), stored, rejection)
    get_run_logger().warning("quarantined sha256=%s reason=%s", record.sha256, record.reason)


@task(name="record", **TASK_OPTIONS)
def record_task(stored: StoredOriginal, timings: dict[str, float], case: str | None) -> str:
    record = stages.build_record(_store(get_settings()), stored, timings, case)
    get_run_logger().info("stored record sha256=%s", record.document.sha256)
    return record.document.sha256


@flow(name="process-document", persist_result=False, log_prints=False, validate_parameters=True)
def process_document(inbox_key: str, options: ProcessOptions | None = None) -> DocumentOutcome:
    """Turn one inbox object into a stored original and an evidence record (or a quarantine record).

    A quarantined document ends the run in a Completed state named "Quarantined", so it stands
    out in the UI without counting as a crash.
    """
    outcome = run_pipeline(inbox_key, options or ProcessOptions(), password=None)
    if outcome.status == Status.QUARANTINED:
        return Completed(data=outcome, name="Quarantined", message=f"reason={outcome.reason}")
    return outcome


def run_pipeline(inbox_key: str, options: ProcessOptions, password: str | None) -> DocumentOutcome:
    """Body of the flow; the password never becomes a flow parameter (Prefect stores those)."""
    started = time.perf_counter()
    stored = ingest_task(inbox_key, options.case)
    outcome = DocumentOutcome(
        source_key=inbox_key,
        status=Status.PROCESSED,
        sha256=stored.digests.sha256,
        size=stored.digests.size,
        duplicate=not stored.newly_stored,
    )
    timings = {"ingest": round(time.perf_counter() - started, 3)}
    step = time.perf_counter()
    summary = read_task(stored, options.language_hints, password)
    if isinstance(summary, InputRejected):
        rejection = summary
        quarantine_task(stored, rejection)
        return outcome.model_copy(
            update={
                "status": Status.QUARANTINED,
                "reason": rejection.reason.value,
                "message": rejection.message,
                "media_type": rejection.detected_type,
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    timings["read"] = round(time.perf_counter() - step, 3)
    record_task(stored, timings, options.case)
    return outcome.model_copy(
        update={
            "media_type": summary.media_type,
            "pages": summary.page_count,
            "languages": summary.languages,
            "sources": summary.sources,
            "seconds": round(time.perf_counter() - started, 2),
        }
    )
