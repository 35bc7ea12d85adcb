"""Running a local Prefect server on SQLite, offline."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from evidence.config.settings import Settings
from evidence.stack.processes import ManagedProcess


def prefect_home(settings: Settings) -> Path:
    return settings.data_dir / "prefect"


def client_env(settings: Settings) -> dict[str, str]:
    """Environment every Prefect client of ours needs: the API URL and telemetry off."""
    return {
        "PREFECT_API_URL": settings.effective_prefect_api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_HOME": str(prefect_home(settings)),
    }


def server_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(client_env(settings))
    env.update(
        {
            "PREFECT_SERVER_API_HOST": settings.prefect_host,
            "PREFECT_SERVER_API_PORT": str(settings.prefect_port),
            "PREFECT_UI_API_URL": settings.effective_prefect_api_url,
        }
    )
    return env


def prefect_executable() -> str:
    """The `prefect` script installed beside this interpreter."""
    candidate = Path(sys.executable).parent / "prefect"
    return str(candidate) if candidate.exists() else "prefect"


def server_argv(settings: Settings) -> list[str]:
    return [
        prefect_executable(),
        "server",
        "start",
        "--host",
        settings.prefect_host,
        "--port",
        str(settings.prefect_port),
        "--analytics-off",
    ]


def process(settings: Settings) -> ManagedProcess:
    return ManagedProcess("prefect-server", settings.state_dir)


def worker_argv(settings: Settings, name: str | None = None) -> list[str]:
    """A process worker on the pipeline's pool: each flow run is a subprocess of it."""
    argv = [
        prefect_executable(),
        "worker",
        "start",
        "--pool",
        "evidence",
        "--type",
        "process",
        "--limit",
        str(settings.worker_limit),
    ]
    return [*argv, "--name", name] if name else argv


def worker_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(client_env(settings))
    env.setdefault("PREFECT_WORKER_QUERY_SECONDS", "1")
    env.setdefault("PREFECT_WORKER_PREFETCH_SECONDS", "5")
    # Flow runs send heartbeats; a silent one is rerun (see evidence.flows.recovery).
    env["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"] = str(settings.heartbeat_s)
    return env


def worker_process(settings: Settings) -> ManagedProcess:
    return ManagedProcess("worker", settings.state_dir)


def watcher_process(settings: Settings) -> ManagedProcess:
    return ManagedProcess("watcher", settings.state_dir)
