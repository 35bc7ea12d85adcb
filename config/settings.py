"""Typed settings for the whole pipeline.

Every setting is read from an ``EVIDENCE_``-prefixed environment variable or from an optional
TOML file (``EVIDENCE_CONFIG_FILE``, default ``~/.config/evidence-pipeline/config.toml``).
Environment variables win over the file.  Credentials are ``SecretStr`` so that printing the
settings object, or logging it, never shows them.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_cache_dir, user_config_dir, user_data_dir
from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "evidence-pipeline"
ENV_PREFIX = "EVIDENCE_"


def default_config_file() -> Path:
    """Where the optional TOML file is looked for unless EVIDENCE_CONFIG_FILE says otherwise."""
    return Path(os.environ.get(f"{ENV_PREFIX}CONFIG_FILE", Path(user_config_dir(APP_NAME)) / "config.toml"))


class Settings(BaseSettings):
    """All knobs of the pipeline; the field descriptions are the documentation (`evidence config`)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", validate_default=True)

    # --- where things live -------------------------------------------------------------------
    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir(APP_NAME)),
        description="User data directory: MinIO data, Prefect's SQLite database, logs, pid files, secrets.",
    )
    cache_dir: Path = Field(
        default_factory=lambda: Path(user_cache_dir(APP_NAME)),
        description="Cache outside the repository: the MinIO build, the Python environment, generated samples.",
    )

    # --- MinIO -------------------------------------------------------------------------------
    minio_endpoint: str = Field(
        "127.0.0.1:9000", description="host:port of the S3 API. Loopback by default (the embedded server)."
    )
    minio_console_address: str = Field(
        "127.0.0.1:9001", description="host:port of MinIO's web console when `evidence up` starts MinIO."
    )
    minio_managed: bool = Field(
        True,
        description="Start and stop a local MinIO with `evidence up`/`down`. False: use an existing endpoint.",
    )
    minio_secure: bool = Field(False, description="Use HTTPS to reach MinIO.")
    minio_region: str = Field("us-east-1", description="Region name given to MinIO clients.")
    minio_root_user: str = Field("evidence-admin", description="MinIO root user (only `evidence up` uses it).")
    minio_root_password: SecretStr | None = Field(
        None,
        description="MinIO root password. Unset: generated once and kept in DATA_DIR/secrets (mode 0600).",
    )
    minio_access_key: str = Field(
        "evidence-pipeline", description="Least-privilege MinIO user the pipeline works as (created by `up`)."
    )
    minio_secret_key: SecretStr | None = Field(
        None, description="Secret of the pipeline user. Unset: generated once and kept in DATA_DIR/secrets (0600)."
    )
    minio_kms_key: SecretStr | None = Field(
        None,
        description="MinIO KMS key `name:<base64 32 bytes>` for encryption at rest. Unset: generated once (0600).",
    )
    encrypt_at_rest: bool = Field(True, description="Default SSE-S3 encryption on every bucket.")
    originals_retention_days: int = Field(
        3650, description="Object-lock retention of originals and custody events, in days."
    )
    originals_retention_mode: Literal["GOVERNANCE", "COMPLIANCE"] = Field(
        "GOVERNANCE",
        description="GOVERNANCE: an administrator with bypass rights can still lift it; COMPLIANCE: nobody can.",
    )
    minio_binary: Path | None = Field(
        None, description="Path of the `minio` server binary. Unset: `minio` on PATH, then the cached build."
    )
    minio_version: str = Field(
        "v0.0.0-20260212201848-7aac2a2c5b7c",
        description="Pinned module version of github.com/minio/minio that the setup builds from source.",
    )

    # --- buckets -----------------------------------------------------------------------------
    bucket_inbox: str = Field("inbox", description="Drop zone for new scans.")
    bucket_originals: str = Field("originals", description="Write-once originals keyed by SHA-256.")
    bucket_evidence: str = Field("evidence", description="Records and derived artefacts keyed by SHA-256.")
    bucket_quarantine: str = Field("quarantine", description="Bad inputs, byte for byte, with a reason record.")

    # --- Prefect -----------------------------------------------------------------------------
    prefect_host: str = Field("127.0.0.1", description="Interface the local Prefect server binds to.")
    prefect_port: int = Field(4200, description="Port of the local Prefect server (API and UI).")
    prefect_managed: bool = Field(
        True, description="Start and stop a local Prefect server on SQLite with `evidence up`/`down`."
    )
    prefect_api_url: str | None = Field(
        None, description="Prefect API URL. Unset: the local server at prefect_host:prefect_port."
    )

    # --- flows ---------------------------------------------------------------------------------
    ocr_slots: int = Field(
        default_factory=lambda: max(1, os.cpu_count() or 1),
        description="Global concurrency limit: documents being read at once across every worker.",
    )
    translation_slots: int = Field(1, description="Global concurrency limit: documents translated at once.")
    sweep_interval_s: int = Field(300, description="Seconds between scheduled inbox sweeps.")
    stalled_after_s: int = Field(
        1800,
        ge=0,
        description="A document taken in this long ago with neither record nor quarantine is retaken by the sweep.",
    )
    max_retakes: int = Field(3, ge=0, description="Times the sweep retakes one stalled document before leaving it.")
    watch_address: str = Field(
        "127.0.0.1:9010", description="host:port where the watcher receives MinIO's inbox notifications."
    )
    watch_window_s: float = Field(1.0, description="The watcher collects drops this long into one batch run.")
    worker_limit: int = Field(2, description="Flow runs one `evidence worker` runs at once.")
    heartbeat_s: int = Field(30, ge=30, description="Seconds between heartbeats of a running flow run.")
    rerun_after_s: int = Field(
        90,
        ge=10,
        description="A run silent this long (its worker or machine died) is put back in the queue to run again.",
    )

    # --- reading -----------------------------------------------------------------------------
    ocr_dpi: int = Field(300, description="Resolution at which scanned PDF pages are rasterised for OCR.")
    searchable_pdf: bool = Field(
        True,
        description="After the record, store a searchable PDF and hOCR layout of every scan (one more OCR pass).",
    )
    ocr_workers: int = Field(
        default_factory=lambda: max(1, os.cpu_count() or 1),
        description="Pages OCR'd at once (Tesseract's own threading is switched off).",
    )
    ocr_default_languages: str = Field(
        "eng", description="Tesseract languages for the first pass when OSD cannot name a script."
    )
    max_file_bytes: int = Field(512 * 1024 * 1024, description="Largest input file accepted (bytes).")
    max_pages: int = Field(1000, description="Most pages accepted in one document.")
    max_page_pixels: int = Field(
        50_000_000,
        description="Most pixels in one page image, embedded or rendered (decompression bombs); A4 at 600 dpi: 35 MP.",
    )
    max_image_dpi: int = Field(1200, description="Highest resolution accepted for an image embedded in a PDF page.")
    ocr_page_timeout_s: int = Field(300, description="Longest Tesseract may spend on one page (seconds).")

    # --- translation -------------------------------------------------------------------------
    models_dir: Path | None = Field(
        None, description="Installed translation packages (`evidence models install`). Unset: DATA_DIR/models."
    )
    translation_engines: str = Field(
        "argos,apertium", description="Translation engines in order of preference, comma-separated."
    )
    translation_engine_for: dict[str, str] = Field(
        default_factory=dict,
        description='Engine per source language, overriding the order, e.g. {"es": "apertium"} (JSON in the env).',
    )
    translation_threads: int = Field(
        default_factory=lambda: max(1, os.cpu_count() or 1), description="CPU threads one translation model uses."
    )

    @property
    def minio_url(self) -> str:
        scheme = "https" if self.minio_secure else "http"
        return f"{scheme}://{self.minio_endpoint}"

    @property
    def effective_prefect_api_url(self) -> str:
        return self.prefect_api_url or f"http://{self.prefect_host}:{self.prefect_port}/api"

    @property
    def translation_models_dir(self) -> Path:
        """Where translation packages are installed and looked up."""
        return self.models_dir or self.data_dir / "models"

    @property
    def state_dir(self) -> Path:
        """Pid files and logs of the services `evidence up` started."""
        return self.data_dir / "run"

    @property
    def secrets_dir(self) -> Path:
        return self.data_dir / "secrets"

    def minio_password(self) -> SecretStr:
        """The MinIO root password: configured, or generated once and stored owner-only."""
        return self.minio_root_password or self._generated_secret("minio-root-password", _token)

    def pipeline_secret_key(self) -> SecretStr:
        return self.minio_secret_key or self._generated_secret("minio-pipeline-secret-key", _token)

    def watch_token(self) -> SecretStr:
        """Bearer token MinIO presents to the watcher, so nobody else can inject events."""
        return self._generated_secret("watch-token", _token)

    def kms_key(self) -> SecretStr:
        return self.minio_kms_key or self._generated_secret("minio-kms-key", _kms_key)

    def _generated_secret(self, name: str, make: Callable[[], str]) -> SecretStr:
        """Read a secret generated on first use; written with O_EXCL so two processes agree on one."""
        path = self.secrets_dir / name
        if not path.exists():
            self.secrets_dir.mkdir(parents=True, exist_ok=True)
            os.chmod(self.secrets_dir, 0o700)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "w") as handle:
                    handle.write(make())
        return SecretStr(path.read_text().strip())

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=default_config_file())
        return (init_settings, env_settings, toml, file_secret_settings)


def _token() -> str:
    return secrets.token_urlsafe(32)


def _kms_key() -> str:
    return "evidence-key:" + base64.b64encode(secrets.token_bytes(32)).decode()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings; tests build their own ``Settings(...)`` instead."""
    return Settings()
