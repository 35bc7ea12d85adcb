"""Deployments on a process work pool: typed forms in the Prefect UI, run by `evidence worker`s.

Deployments use module-path entrypoints, so any machine with this package installed and access
to MinIO and the Prefect API can run them: scaling out is starting more workers.
"""

from __future__ import annotations

from evidence.config.settings import Settings
from evidence.flows.inbox import sweep_inbox
from evidence.flows.process_document import OCR_SLOTS, process_batch, process_document
from evidence.flows.recovery import ensure_rerun_automation
from evidence.flows.reprocess import reprocess_archive
from prefect import deploy
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate, GlobalConcurrencyLimitUpdate, WorkPoolCreate
from prefect.exceptions import ObjectNotFound
from prefect.types.entrypoint import EntrypointType
from prefect.workers.process import ProcessWorker

WORK_POOL = "evidence"
PROCESS_ONE = "process-document/process-one"
PROCESS_BATCH = "process-batch/process-batch"
REPROCESS = "reprocess-archive/reprocess-archive"
SWEEP = "sweep-inbox/sweep"
TRANSLATION_SLOTS = "evidence-translation"


def ensure_work_pool() -> None:
    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(WORK_POOL)
        except ObjectNotFound:
            client.create_work_pool(
                WorkPoolCreate(
                    name=WORK_POOL,
                    type="process",
                    base_job_template=ProcessWorker.get_default_base_job_template(),
                    description="Evidence pipeline workers (`evidence worker`)",
                )
            )


def ensure_concurrency_limits(settings: Settings) -> dict[str, int]:
    """Global slots shared by every worker: OCR per core of the machine running `up`, translation 1."""
    wanted = {OCR_SLOTS: settings.ocr_slots, TRANSLATION_SLOTS: settings.translation_slots}
    with get_client(sync_client=True) as client:
        for name, limit in wanted.items():
            try:
                client.read_global_concurrency_limit_by_name(name)
            except ObjectNotFound:
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=limit))
            else:
                client.update_global_concurrency_limit(name, GlobalConcurrencyLimitUpdate(limit=limit))
    return wanted


def deploy_all(settings: Settings) -> list[str]:
    ensure_work_pool()
    ensure_concurrency_limits(settings)
    ensure_rerun_automation(settings)
    module = EntrypointType.MODULE_PATH
    deployments = [
        process_document.to_deployment(
            name="process-one",
            entrypoint_type=module,
            tags=["evidence"],
            description="Process one inbox object into an evidence record.",
        ),
        process_batch.to_deployment(
            name="process-batch",
            entrypoint_type=module,
            tags=["evidence"],
            description="Process a burst of inbox objects (what the bucket watcher triggers).",
        ),
        reprocess_archive.to_deployment(
            name="reprocess-archive",
            entrypoint_type=module,
            tags=["evidence"],
            description="Reprocess stored originals with filters; skips what is current unless forced.",
        ),
        sweep_inbox.to_deployment(
            name="sweep",
            entrypoint_type=module,
            tags=["evidence"],
            interval=settings.sweep_interval_s,
            description="Process anything in the inbox that was missed (runs on a schedule).",
        ),
    ]
    deploy(*deployments, work_pool_name=WORK_POOL, build=False, push=False, print_next_steps_message=False)
    return [PROCESS_ONE, PROCESS_BATCH, REPROCESS, SWEEP]
