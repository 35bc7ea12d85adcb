"""The pipeline's MinIO policy: what it needs and nothing more.

It may read the inbox (and upload to it, for `evidence process`), write originals, evidence and
quarantine, and never delete, re-time or unlock anything in originals.
"""

from __future__ import annotations

from evidence.config.settings import Settings

POLICY_NAME = "evidence-pipeline"


def pipeline_policy(settings: Settings) -> dict:
    inbox, originals = settings.bucket_inbox, settings.bucket_originals
    evidence, quarantine = settings.bucket_evidence, settings.bucket_quarantine
    buckets = [inbox, originals, evidence, quarantine]

    def arn(bucket: str, objects: bool = False) -> str:
        return f"arn:aws:s3:::{bucket}/*" if objects else f"arn:aws:s3:::{bucket}"

    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ListTheFourBuckets",
                "Effect": "Allow",
                "Action": [
                    "s3:GetBucketLocation",
                    "s3:ListBucket",
                    "s3:ListBucketVersions",
                    "s3:GetBucketObjectLockConfiguration",
                    "s3:GetBucketNotification",
                    "s3:ListenBucketNotification",
                ],
                "Resource": [arn(b) for b in buckets],
            },
            {
                "Sid": "ReadAndUploadInbox",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:GetObjectTagging"],
                "Resource": [arn(inbox, True)],
            },
            {
                "Sid": "WriteOnceOriginals",
                "Effect": "Allow",
                "Action": [
                    "s3:GetObject",
                    "s3:GetObjectVersion",
                    "s3:PutObject",
                    "s3:GetObjectRetention",
                    "s3:GetObjectTagging",
                ],
                "Resource": [arn(originals, True)],
            },
            {
                "Sid": "WriteEvidenceAndQuarantine",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:GetObjectTagging", "s3:PutObjectTagging"],
                "Resource": [arn(evidence, True), arn(quarantine, True)],
            },
            {
                "Sid": "NeverDeleteOrUnlockOriginals",
                "Effect": "Deny",
                "Action": [
                    "s3:DeleteObject",
                    "s3:DeleteObjectVersion",
                    "s3:BypassGovernanceRetention",
                    "s3:PutObjectRetention",
                    "s3:PutObjectLegalHold",
                    "s3:PutBucketObjectLockConfiguration",
                    "s3:PutBucketVersioning",
                    "s3:DeleteBucket",
                ],
                "Resource": [arn(originals), arn(originals, True)],
            },
        ],
    }
