"""Finding and running the MinIO server binary (community edition, built from source)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from evidence.config.settings import Settings
from evidence.stack.processes import ManagedProcess

MINIO_MODULE = "github.com/minio/minio"


def cached_binary(settings: Settings) -> Path:
    """Where the setup's `go install` puts the build: outside the repository, reused across clones."""
    return settings.cache_dir / "bin" / "minio"


def find_binary(settings: Settings) -> Path | None:
    """Configured path, then `minio` on PATH, then the cached build."""
    if settings.minio_binary:
        return settings.minio_binary if settings.minio_binary.exists() else None
    on_path = shutil.which("minio")
    if on_path:
        return Path(on_path)
    cached = cached_binary(settings)
    return cached if cached.exists() else None


def build_command(settings: Settings) -> str:
    """The exact command that builds the pinned MinIO into the cache (what the setup runs)."""
    return f"GOBIN={cached_binary(settings).parent} go install -trimpath {MINIO_MODULE}@{settings.minio_version}"


def server_argv(binary: Path, settings: Settings) -> list[str]:
    return [
        str(binary),
        "server",
        str(settings.data_dir / "minio"),
        "--address",
        settings.minio_endpoint,
        "--console-address",
        settings.minio_console_address,
        "--quiet",
    ]


def server_env(settings: Settings) -> dict[str, str]:
    """Credentials and the at-rest key from settings; update checks and call-home off (offline)."""
    env = dict(os.environ)
    env.update(
        {
            "MINIO_ROOT_USER": settings.minio_root_user,
            "MINIO_ROOT_PASSWORD": settings.minio_password().get_secret_value(),
            "MINIO_BROWSER": "on",
            "MINIO_UPDATE": "off",
            "MINIO_CALLHOME_ENABLE": "off",
        }
    )
    if settings.encrypt_at_rest:
        env["MINIO_KMS_SECRET_KEY"] = settings.kms_key().get_secret_value()
    env.update(notification_env(settings))
    return env


WEBHOOK_TARGET = "EVIDENCE"
WEBHOOK_ARN = f"arn:minio:sqs::{WEBHOOK_TARGET}:webhook"


def notification_env(settings: Settings) -> dict[str, str]:
    """A webhook target for inbox events, sent the moment an upload completes.

    No MinIO queue directory: MinIO replays a queued target only every 3 s, which alone would
    cost up to 3 s of latency per drop. Events missed while the watcher is down are not lost:
    the watcher sweeps the inbox when it starts and on a schedule.
    """
    suffix = WEBHOOK_TARGET
    return {
        f"MINIO_NOTIFY_WEBHOOK_ENABLE_{suffix}": "on",
        f"MINIO_NOTIFY_WEBHOOK_ENDPOINT_{suffix}": f"http://{settings.watch_address}/minio-events",
        f"MINIO_NOTIFY_WEBHOOK_AUTH_TOKEN_{suffix}": settings.watch_token().get_secret_value(),
    }


def process(settings: Settings) -> ManagedProcess:
    return ManagedProcess("minio", settings.state_dir)
