"""Processing flows: one inbox object, a batch of them, or originals already stored.

Stages are Prefect tasks (ingest → read → translate → extract → record, or quarantine) with retries for transient
faults only. Prefect sees only object keys, hashes and counts: stage outputs live in MinIO, task
results are not persisted, and log lines name documents by hash.
"""

from __future__ import annotations

import time
from functools import partial

from evidence.config.settings import Settings, get_settings
from evidence.extractors.errors import InputRejected
from evidence.flows import stages
from evidence.flows.recovery import refuse_endless_reruns
from evidence.flows.retry import is_transient, retry_transient
from evidence.models.stages import DocumentOutcome, ProcessOptions, Status
from evidence.storage.client import make_client
from evidence.storage.store import EvidenceStore, StoredOriginal
from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.concurrency.sync import concurrency
from prefect.states import Completed
from prefect.task_runners import ThreadPoolTaskRunner

OCR_SLOTS = "evidence-ocr"
"""Global concurrency limit shared by every worker: how many documents are read at once."""

TRANSLATION_SLOTS = "evidence-translation"
"""Global concurrency limit: documents translated at once (a loaded model takes memory and every core)."""

SLOT_LEASE_S = 60.0
"""A slot held by a run whose worker died is freed after this long (the lease is renewed while alive)."""

TASK_OPTIONS = {
    "persist_result": False,
    "cache_policy": NO_CACHE,
    "retries": 3,
    "retry_delay_seconds": [1, 3, 10],
    "retry_condition_fn": retry_transient,
}


def _store(settings: Settings | None = None) -> EvidenceStore:
    settings = settings or get_settings()
    return EvidenceStore(make_client(settings), settings)


@task(name="ingest", **TASK_OPTIONS)
def ingest_task(inbox_key: str, case: str | None, force: bool) -> StoredOriginal:
    stored = stages.ingest(_store(), inbox_key, case, force)
    get_run_logger().info(
        "ingested sha256=%s size=%d new=%s", stored.digests.sha256, stored.digests.size, stored.newly_stored
    )
    return stored


@task(name="load-original", **TASK_OPTIONS)
def load_original_task(sha256: str) -> StoredOriginal:
    return stages.stored_original(_store(), sha256)


@task(name="read", **TASK_OPTIONS)
def read_task(
    stored: StoredOriginal, language_hints: list[str], password: str | None, force: bool
) -> stages.ReadSummary | InputRejected:
    """Returns the rejection instead of raising it: bad input is an outcome, not a task failure."""
    logger = get_run_logger()
    try:
        with concurrency(OCR_SLOTS, occupy=1, strict=False, lease_duration=SLOT_LEASE_S):
            summary = stages.read(_store(), get_settings(), stored, language_hints, password, force)
    except InputRejected as rejection:
        logger.warning("rejected sha256=%s reason=%s", stored.digests.sha256, rejection.reason.value)
        return rejection
    logger.info(
        "read sha256=%s pages=%d type=%s cached=%s",
        stored.digests.sha256,
        summary.page_count,
        summary.media_type,
        summary.cached,
    )
    return summary


@task(name="quarantine", **TASK_OPTIONS)
def quarantine_task(stored: StoredOriginal, rejection: InputRejected) -> None:
    record = stages.quarantine(_store(), stored, rejection)
    get_run_logger().warning("quarantined sha256=%s reason=%s", record.sha256, record.reason)


@task(name="translate", **TASK_OPTIONS)
def translate_task(stored: StoredOriginal, force: bool) -> int:
    """English translation of every page not in English already; returns the sentence count."""
    slot = partial(concurrency, TRANSLATION_SLOTS, occupy=1, strict=False, lease_duration=SLOT_LEASE_S)
    from evidence.flows import translate_stage  # imported when needed: a run starts sooner

    artefact = translate_stage.translate(_store(), stored.digests.sha256, force, slot=slot)
    sentences = sum(len(t.sentences) for t in artefact.translations)
    get_run_logger().info(
        "translated sha256=%s sentences=%d engines=%s notices=%d",
        stored.digests.sha256,
        sentences,
        ",".join(sorted({t.engine for t in artefact.translations})) or "none",
        len(artefact.notices),
    )
    return sentences


@task(name="extract", **TASK_OPTIONS)
def extract_task(stored: StoredOriginal, force: bool) -> str:
    from evidence.flows import extract_stage

    artefact = extract_stage.extract(_store(), stored.digests.sha256, force)
    get_run_logger().info(
        "extracted sha256=%s entities=%d type=%s", stored.digests.sha256, len(artefact.entities), artefact.document_type
    )
    return artefact.document_type


@task(name="record", **TASK_OPTIONS)
def record_task(stored: StoredOriginal, timings: dict[str, float], case: str | None, force: bool) -> str:
    record = stages.build_record(_store(), stored, timings, case, force)
    get_run_logger().info("stored record sha256=%s", record.document.sha256)
    return record.document.sha256


@task(name="derive", **TASK_OPTIONS)
def derive_task(stored: StoredOriginal, force: bool) -> bool:
    """Thumbnails, layout and searchable PDF; a failure here is logged, the record already stands."""
    sha256 = stored.digests.sha256
    try:
        with concurrency(OCR_SLOTS, occupy=1, strict=False, lease_duration=SLOT_LEASE_S):
            from evidence.flows import derive_stage

            derive_stage.derive(_store(), get_settings(), sha256, force)
    except Exception as exc:
        if is_transient(exc):
            raise
        get_run_logger().error("derive failed sha256=%s error=%s", sha256, type(exc).__name__)
        return False
    return True


def run_pipeline(inbox_key: str, options: ProcessOptions, password: str | None) -> DocumentOutcome:
    """Ingest an inbox object, then read and record it."""
    started = time.perf_counter()
    stored = ingest_task(inbox_key, options.case, options.force)
    return _read_and_record(stored, options, password, started)


def run_stored(sha256: str, options: ProcessOptions) -> DocumentOutcome:
    """Read and record an original that is already stored (reprocessing)."""
    started = time.perf_counter()
    return _read_and_record(load_original_task(sha256), options, None, started)


def _read_and_record(
    stored: StoredOriginal, options: ProcessOptions, password: str | None, started: float
) -> DocumentOutcome:
    outcome = DocumentOutcome(
        source_key=stored.source_key,
        status=Status.PROCESSED,
        sha256=stored.digests.sha256,
        size=stored.digests.size,
        duplicate=not stored.newly_stored,
    )
    timings = {"ingest": round(time.perf_counter() - started, 3)}
    step = time.perf_counter()
    summary = read_task(stored, options.language_hints, password, options.force)
    if isinstance(summary, InputRejected):
        quarantine_task(stored, summary)
        return outcome.model_copy(
            update={
                "status": Status.QUARANTINED,
                "reason": summary.reason.value,
                "message": summary.message,
                "media_type": summary.detected_type,
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    timings["read"] = round(time.perf_counter() - step, 3)
    step = time.perf_counter()
    translate_task(stored, options.force)
    timings["translate"] = round(time.perf_counter() - step, 3)
    step = time.perf_counter()
    document_type = extract_task(stored, options.force)
    timings["extract"] = round(time.perf_counter() - step, 3)
    record_task(stored, timings, options.case, options.force)
    step = time.perf_counter()
    derive_task(stored, options.force)
    timings["derive"] = round(time.perf_counter() - step, 3)
    return outcome.model_copy(
        update={
            "media_type": summary.media_type,
            "pages": summary.page_count,
            "languages": summary.languages,
            "sources": summary.sources,
            "document_type": document_type,
            "cached": summary.cached,
            "seconds": round(time.perf_counter() - started, 2),
        }
    )


def _final(outcome: DocumentOutcome) -> DocumentOutcome | Completed:
    """A quarantined document ends its run in a Completed state named "Quarantined"."""
    if outcome.status == Status.QUARANTINED:
        return Completed(data=outcome, name="Quarantined", message=f"reason={outcome.reason}")
    return outcome


@flow(name="process-document", persist_result=False, log_prints=False, validate_parameters=True)
def process_document(inbox_key: str, options: ProcessOptions | None = None) -> DocumentOutcome:
    """Turn one inbox object into a stored original and an evidence record (or a quarantine record)."""
    refuse_endless_reruns()
    return _final(run_pipeline(inbox_key, options or ProcessOptions(), password=None))


@task(name="process-one", persist_result=False, cache_policy=NO_CACHE)
def process_one_task(inbox_key: str, options: ProcessOptions) -> DocumentOutcome:
    """One document of a batch; a failure is reported in its outcome and never stops the batch."""
    try:
        return run_pipeline(inbox_key, options, password=None)
    except Exception as exc:
        get_run_logger().error("failed key=%s error=%s", inbox_key, type(exc).__name__)
        return DocumentOutcome(source_key=inbox_key, status=Status.FAILED, reason=type(exc).__name__)


@flow(
    name="process-batch",
    persist_result=False,
    log_prints=False,
    validate_parameters=True,
    task_runner=ThreadPoolTaskRunner(max_workers=4),
)
def process_batch(inbox_keys: list[str], options: ProcessOptions | None = None) -> list[DocumentOutcome]:
    """A burst of inbox objects in one run: reading is bounded by the global OCR slots."""
    refuse_endless_reruns()
    options = options or ProcessOptions()
    futures = process_one_task.map(inbox_keys, options=unmapped(options))
    outcomes = [future.result() for future in futures]
    counts = {status: sum(o.status == status for o in outcomes) for status in Status}
    get_run_logger().info("batch done: %s", ", ".join(f"{s.value}={n}" for s, n in counts.items()))
    return outcomes
