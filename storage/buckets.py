"""Creates the four buckets the pipeline works with, idempotently."""

from __future__ import annotations

from evidence.config.settings import Settings
from minio import Minio


def bucket_names(settings: Settings) -> dict[str, str]:
    return {
        "inbox": settings.bucket_inbox,
        "originals": settings.bucket_originals,
        "evidence": settings.bucket_evidence,
        "quarantine": settings.bucket_quarantine,
    }


def ensure_buckets(client: Minio, settings: Settings) -> list[str]:
    """Create missing buckets; returns the names created.

    The originals bucket is created with object lock (which implies versioning) because S3 only
    allows turning object lock on at creation time, and originals must be write-once.
    """
    created = []
    for role, name in bucket_names(settings).items():
        if client.bucket_exists(name):
            continue
        client.make_bucket(name, object_lock=(role == "originals"))
        created.append(name)
    return created
