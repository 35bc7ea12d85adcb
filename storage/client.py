"""One place that turns settings into the pipeline's MinIO client."""

from __future__ import annotations

from evidence.config.settings import Settings
from minio import Minio


def make_client(settings: Settings) -> Minio:
    """Client with the pipeline's least-privilege credentials (never root); never logged."""
    return Minio(
        settings.minio_endpoint,
        access_key=settings.minio_access_key,
        secret_key=settings.pipeline_secret_key().get_secret_value(),
        secure=settings.minio_secure,
        region=settings.minio_region,
    )
