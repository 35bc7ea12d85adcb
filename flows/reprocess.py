"""reprocess_archive: re-run the pipeline over stored originals, skipping what is current.

Selection reads the search index (never the records); each document runs with bounded
concurrency and the shared OCR slots; the final report is stored in MinIO.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime

from evidence.config.versions import PIPELINE_VERSION
from evidence.flows.process_document import _store, run_stored
from evidence.models.stages import DocumentOutcome, ProcessOptions, Status
from evidence.storage.index import EvidenceIndex, IndexEntry, SearchFilter
from evidence.storage.store import EvidenceStore
from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from pydantic import BaseModel, Field

ProgressHook = Callable[[int, int], None]
progress_hook: ProgressHook | None = None
"""Set by `evidence reprocess` to draw a progress bar; runs in the same process as the flow."""


class ReprocessRequest(BaseModel):
    """What to reprocess (a typed form in the Prefect UI). Filters combine with AND."""

    case: str | None = Field(None, description="Only documents filed under this case label.")
    sha256_prefix: str | None = Field(
        None, pattern=r"^[0-9a-f]{1,64}$", description="Only originals whose hash starts so."
    )
    language: str | None = Field(None, description="Only documents with a page in this language (ISO 639-1).")
    document_type: str | None = Field(None, description="Only this document type.")
    pipeline_version_below: str | None = Field(None, description="Only records made by an older pipeline.")
    processed_after: datetime | None = Field(None, description="Only records made after this time.")
    processed_before: datetime | None = Field(None, description="Only records made before this time.")
    force: bool = Field(False, description="Redo documents already done at the current pipeline version.")
    language_hints: list[str] = Field(default_factory=list, description="ISO 639-1 codes to OCR with.")

    def filtered(self) -> bool:
        return any(
            (
                self.case,
                self.language,
                self.document_type,
                self.pipeline_version_below,
                self.processed_after,
                self.processed_before,
            )
        )

    def matches(self, entry: IndexEntry) -> bool:
        search = SearchFilter(
            language=self.language,
            document_type=self.document_type,
            case=self.case,
            pipeline_version_below=self.pipeline_version_below,
        )
        return (
            search.matches(entry)
            and (self.processed_after is None or entry.processed_at >= self.processed_after)
            and (self.processed_before is None or entry.processed_at < self.processed_before)
        )


class ReprocessReport(BaseModel):
    started_at: datetime
    finished_at: datetime
    pipeline_version: str
    selected: int
    processed: int
    skipped: int
    quarantined: int
    failed: int
    problems: list[dict[str, str]] = Field(description="sha256 and reason of every quarantined or failed document.")
    report_key: str = ""


def select_originals(store: EvidenceStore, request: ReprocessRequest) -> tuple[list[str], dict[str, IndexEntry]]:
    """Hashes to consider, from the originals listing and the index (no record is read)."""
    index = EvidenceIndex(store.client, store.settings).load()
    if request.filtered():
        chosen = [sha for sha, entry in index.items() if request.matches(entry)]
    else:
        chosen = _all_originals(store)
    if request.sha256_prefix:
        chosen = [sha for sha in chosen if sha.startswith(request.sha256_prefix)]
    return sorted(chosen), index


def _all_originals(store: EvidenceStore) -> list[str]:
    objects = store.client.list_objects(store.settings.bucket_originals, recursive=False)
    return [o.object_name or "" for o in objects if not o.is_dir]


@task(name="reprocess-one", persist_result=False, cache_policy=NO_CACHE)
def reprocess_one(sha256: str, options: ProcessOptions) -> DocumentOutcome:
    try:
        return run_stored(sha256, options)
    except Exception as exc:  # reported per document; the archive run goes on
        get_run_logger().error("failed sha256=%s error=%s", sha256, type(exc).__name__)
        return DocumentOutcome(source_key=sha256, sha256=sha256, status=Status.FAILED, reason=type(exc).__name__)


@flow(
    name="reprocess-archive",
    persist_result=False,
    log_prints=False,
    validate_parameters=True,
    task_runner=ThreadPoolTaskRunner(max_workers=4),
)
def reprocess_archive(request: ReprocessRequest | None = None) -> ReprocessReport:
    """Reprocess selected originals; documents already done at this pipeline version are skipped.

    Documents in flight are bounded by this run's threads and, across every worker, by the
    global OCR slots that the read stage takes.
    """
    request = request or ReprocessRequest()
    started = datetime.now(UTC)
    store = _store()
    chosen, index = select_originals(store, request)
    options = ProcessOptions(language_hints=request.language_hints, case=request.case, force=request.force)
    logger = get_run_logger()
    logger.info("reprocess: %d originals selected", len(chosen))
    progress_id = create_progress_artifact(progress=0.0, description="reprocess-archive progress")
    # Documents current at this pipeline version are skipped here, without a task run each:
    # rerunning an unchanged archive costs one index read, not one API round trip per document.
    todo = [sha for sha in chosen if request.force or not _is_current(index.get(sha))]
    pending = set(todo)
    outcomes: list[DocumentOutcome] = [
        DocumentOutcome(source_key=sha, sha256=sha, status=Status.SKIPPED) for sha in chosen if sha not in pending
    ]
    skipped = len(outcomes)
    if progress_hook and skipped:
        progress_hook(skipped, len(chosen))
    futures = reprocess_one.map(todo, options=unmapped(options))
    for done, future in enumerate(futures, start=skipped + 1):
        outcomes.append(future.result())
        if progress_hook:
            progress_hook(done, len(chosen))
        if done % 10 == 0 or done == len(chosen):
            update_progress_artifact(progress_id, progress=100.0 * done / max(1, len(chosen)))
    report = _report(store, started, outcomes)
    create_markdown_artifact(
        key="reprocess-report",
        markdown=(
            f"**reprocess-archive** selected {report.selected}: processed {report.processed}, "
            f"skipped {report.skipped}, quarantined {report.quarantined}, failed {report.failed}"
        ),
    )
    logger.info(
        "reprocess done: processed=%d skipped=%d quarantined=%d failed=%d",
        report.processed,
        report.skipped,
        report.quarantined,
        report.failed,
    )
    return report


def _is_current(entry: IndexEntry | None) -> bool:
    return entry is not None and entry.pipeline_version == PIPELINE_VERSION


def _report(store: EvidenceStore, started: datetime, outcomes: list[DocumentOutcome]) -> ReprocessReport:
    count = {status: sum(o.status == status for o in outcomes) for status in Status}
    report = ReprocessReport(
        started_at=started,
        finished_at=datetime.now(UTC),
        pipeline_version=PIPELINE_VERSION,
        selected=len(outcomes),
        processed=count[Status.PROCESSED],
        skipped=count[Status.SKIPPED],
        quarantined=count[Status.QUARANTINED],
        failed=count[Status.FAILED],
        problems=[
            {"sha256": o.sha256 or "", "status": o.status.value, "reason": o.reason or ""}
            for o in outcomes
            if o.status in (Status.QUARANTINED, Status.FAILED)
        ],
    )
    key = f"reports/reprocess-{started:%Y%m%dT%H%M%SZ}.json"
    report.report_key = key
    data = report.model_dump_json(indent=2).encode()
    store.client.put_object(
        store.settings.bucket_evidence, key, io.BytesIO(data), len(data), content_type="application/json"
    )
    return report
