"""One place that turns settings into a MinIO client."""

from __future__ import annotations

from evidence.config.settings import Settings
from minio import Minio


def make_client(settings: Settings) -> Minio:
    """Client for the pipeline; credentials come from settings and are never logged."""
    return Minio(
        settings.minio_endpoint,
        access_key=settings.minio_root_user,
        secret_key=settings.minio_password().get_secret_value(),
        secure=settings.minio_secure,
        region=settings.minio_region,
    )
