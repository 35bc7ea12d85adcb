"""`evidence up` / `evidence down`: the embedded MinIO + Prefect stack on this machine."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass, field

from evidence.config.settings import Settings
from evidence.stack import minio_server, prefect_server
from evidence.stack.health import minio_live, prefect_healthy, wait_until
from evidence.storage.provision import provision


class StackError(RuntimeError):
    """A service could not be started; the message says how to fix it."""


@dataclass
class StackReport:
    lines: list[tuple[str, str]] = field(default_factory=list)

    def add(self, what: str, state: str) -> None:
        self.lines.append((what, state))


def up(settings: Settings, serve: bool = True, timeout_s: float = 60.0) -> StackReport:
    """Start what is not running yet, wait until healthy, create buckets, serve deployments."""
    report = StackReport()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    _start_minio(settings, report, timeout_s)
    provisioned = provision(settings)
    created = provisioned.created_buckets
    report.add("buckets", f"created {', '.join(created)}" if created else "present")
    report.add("originals", f"object lock, {provisioned.retention}")
    report.add("encryption", "SSE-S3 on every bucket" if provisioned.encrypted else "off (EVIDENCE_ENCRYPT_AT_REST)")
    report.add(
        "notifications",
        "inbox -> watcher webhook" if provisioned.notifications else "not configured on this MinIO (sweeps only)",
    )
    report.add("pipeline user", f"{provisioned.pipeline_user} (least privilege; root not used by the pipeline)")
    _start_prefect(settings, report, timeout_s)
    if serve:
        _deploy_and_start_worker(settings, report)
    return report


def down(settings: Settings) -> StackReport:
    report = StackReport()
    for proc in (
        prefect_server.watcher_process(settings),
        prefect_server.worker_process(settings),
        prefect_server.process(settings),
        minio_server.process(settings),
    ):
        report.add(proc.name, "stopped" if proc.stop() else "was not running")
    return report


def _start_minio(settings: Settings, report: StackReport, timeout_s: float) -> None:
    if minio_live(settings.minio_url):
        report.add("minio", f"running at {settings.minio_url}")
        return
    if not settings.minio_managed:
        raise StackError(f"MinIO is not reachable at {settings.minio_url} (EVIDENCE_MINIO_MANAGED=false)")
    binary = minio_server.find_binary(settings)
    if binary is None:
        raise StackError(f"no minio binary; build it with: {minio_server.build_command(settings)}")
    (settings.data_dir / "minio").mkdir(parents=True, exist_ok=True)
    proc = minio_server.process(settings)
    proc.start(minio_server.server_argv(binary, settings), minio_server.server_env(settings))
    if not wait_until(lambda: minio_live(settings.minio_url), timeout_s):
        raise StackError(f"MinIO did not become healthy; see {proc.log_file}")
    report.add("minio", f"started at {settings.minio_url} (console http://{settings.minio_console_address})")


def _start_prefect(settings: Settings, report: StackReport, timeout_s: float) -> None:
    api = settings.effective_prefect_api_url
    if prefect_healthy(api):
        report.add("prefect", f"running at {api}")
        return
    if not settings.prefect_managed:
        raise StackError(f"Prefect API is not reachable at {api} (EVIDENCE_PREFECT_MANAGED=false)")
    prefect_server.prefect_home(settings).mkdir(parents=True, exist_ok=True)
    proc = prefect_server.process(settings)
    proc.start(prefect_server.server_argv(settings), prefect_server.server_env(settings))
    if not wait_until(lambda: prefect_healthy(api), timeout_s):
        raise StackError(f"Prefect server did not become healthy; see {proc.log_file}")
    report.add("prefect", f"started at {api.removesuffix('/api')} (UI)")


def _deploy_and_start_worker(settings: Settings, report: StackReport) -> None:
    """Register deployments on the work pool, start one local worker and the inbox watcher."""
    from evidence.flows.deployments import deploy_all

    names = deploy_all(settings)
    report.add("deployments", ", ".join(names))
    env = prefect_server.worker_env(settings)
    worker = prefect_server.worker_process(settings)
    if worker.pid() is None:
        worker.start(prefect_server.worker_argv(settings, name=f"local-{platform.node()}"), env)
    report.add("worker", f"pool evidence, limit {settings.worker_limit} (log {worker.log_file})")
    watcher = prefect_server.watcher_process(settings)
    if watcher.pid() is None:
        watcher.start([sys.executable, "-m", "evidence.cli.main", "watch"], env)
    report.add("watcher", f"inbox bucket notifications + sweep every {settings.sweep_interval_s} s")
