"""What `evidence up` sets up in MinIO with the root credentials, idempotently.

Buckets (originals with object lock and default retention), default SSE-S3 encryption, and the
pipeline's own least-privilege user. After this the pipeline never uses the root credentials.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from evidence.config.settings import Settings
from evidence.storage.policy import POLICY_NAME, pipeline_policy
from minio import Minio
from minio.credentials import StaticProvider
from minio.error import S3Error
from minio.minioadmin import MinioAdmin
from minio.notificationconfig import NotificationConfig, QueueConfig
from minio.objectlockconfig import COMPLIANCE, DAYS, GOVERNANCE, ObjectLockConfig
from minio.sseconfig import Rule, SSEConfig


@dataclass
class ProvisionReport:
    created_buckets: list[str] = field(default_factory=list)
    encrypted: bool = False
    retention: str = ""
    pipeline_user: str = ""
    notifications: bool = False


def bucket_names(settings: Settings) -> dict[str, str]:
    return {
        "inbox": settings.bucket_inbox,
        "originals": settings.bucket_originals,
        "evidence": settings.bucket_evidence,
        "quarantine": settings.bucket_quarantine,
    }


def root_client(settings: Settings) -> Minio:
    return Minio(
        settings.minio_endpoint,
        access_key=settings.minio_root_user,
        secret_key=settings.minio_password().get_secret_value(),
        secure=settings.minio_secure,
        region=settings.minio_region,
    )


def admin_client(settings: Settings) -> MinioAdmin:
    return MinioAdmin(
        endpoint=settings.minio_endpoint,
        credentials=StaticProvider(settings.minio_root_user, settings.minio_password().get_secret_value()),
        secure=settings.minio_secure,
        region=settings.minio_region,
    )


def provision(settings: Settings) -> ProvisionReport:
    report = ProvisionReport()
    client = root_client(settings)
    report.created_buckets = ensure_buckets(client, settings)
    mode = COMPLIANCE if settings.originals_retention_mode == "COMPLIANCE" else GOVERNANCE
    client.set_object_lock_config(
        settings.bucket_originals, ObjectLockConfig(mode, settings.originals_retention_days, DAYS)
    )
    report.retention = f"{settings.originals_retention_mode.lower()} {settings.originals_retention_days} days"
    if settings.encrypt_at_rest:
        for bucket in bucket_names(settings).values():
            client.set_bucket_encryption(bucket, SSEConfig(Rule.new_sse_s3_rule()))
        report.encrypted = True
    report.pipeline_user = ensure_pipeline_user(settings)
    report.notifications = ensure_inbox_notifications(client, settings)
    return report


def ensure_inbox_notifications(client: Minio, settings: Settings) -> bool:
    """Send the inbox's object-created events to the watcher; False when MinIO has no such target."""
    from evidence.stack.minio_server import WEBHOOK_ARN

    config = NotificationConfig(
        queue_config_list=[QueueConfig(events=["s3:ObjectCreated:*"], queue=WEBHOOK_ARN, config_id="evidence-watch")]
    )
    try:
        client.set_bucket_notification(settings.bucket_inbox, config)
    except S3Error as exc:
        if exc.code in ("InvalidArgument", "InvalidRequest", "ARNNotification"):
            return False
        raise
    return True


def ensure_buckets(client: Minio, settings: Settings) -> list[str]:
    """Create missing buckets; originals gets object lock, which S3 only allows at creation."""
    created = []
    for role, name in bucket_names(settings).items():
        if client.bucket_exists(name):
            continue
        client.make_bucket(name, object_lock=(role == "originals"))
        created.append(name)
    return created


def ensure_pipeline_user(settings: Settings) -> str:
    """Create (or refresh) the pipeline user and attach the least-privilege policy to it."""
    admin = admin_client(settings)
    admin.policy_add(POLICY_NAME, policy=pipeline_policy(settings))
    existing = json.loads(admin.user_list() or "{}")
    if settings.minio_access_key not in existing:
        admin.user_add(settings.minio_access_key, settings.pipeline_secret_key().get_secret_value())
    attached = json.loads(admin.user_info(settings.minio_access_key)).get("policyName", "")
    if POLICY_NAME not in attached.split(","):
        admin.attach_policy([POLICY_NAME], user=settings.minio_access_key)
    return settings.minio_access_key
