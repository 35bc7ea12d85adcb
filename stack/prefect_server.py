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


def serve_process(settings: Settings) -> ManagedProcess:
    return ManagedProcess("deployments", settings.state_dir)
