"""Append-only custody log: each event is a new object under originals/custody/<sha256>/.

Events live in the object-locked originals bucket, so the retention that protects an original
protects its history too, and the pipeline's policy forbids deleting either.
"""

from __future__ import annotations

import getpass
import io
import platform
import uuid
from datetime import UTC, datetime

from evidence.config.settings import Settings
from evidence.models.custody import CustodyAction, CustodyEvent
from minio import Minio

PREFIX = "custody/"


def local_actor() -> str:
    """Identity of a person or process on this machine, e.g. `alice@laptop`."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{platform.node()}"


class CustodyLog:
    def __init__(self, client: Minio, settings: Settings) -> None:
        self.client = client
        self.bucket = settings.bucket_originals

    def append(self, event: CustodyEvent) -> str:
        """Write the event as a new object; names sort by time, a random suffix keeps them unique."""
        stamp = event.at.strftime("%Y%m%dT%H%M%S.%fZ")
        key = f"{PREFIX}{event.sha256}/{stamp}-{uuid.uuid4().hex[:8]}-{event.action.value}.json"
        data = event.model_dump_json(exclude_none=True).encode()
        self.client.put_object(self.bucket, key, io.BytesIO(data), len(data), content_type="application/json")
        return key

    def record(self, sha256: str, action: CustodyAction, actor: str | None = None, **fields: object) -> str:
        return self.append(
            CustodyEvent(sha256=sha256, action=action, at=datetime.now(UTC), actor=actor or local_actor(), **fields)
        )

    def events(self, sha256: str) -> list[CustodyEvent]:
        objects = sorted(
            self.client.list_objects(self.bucket, prefix=f"{PREFIX}{sha256}/", recursive=True),
            key=lambda o: o.object_name or "",
        )
        events = []
        for obj in objects:
            response = self.client.get_object(self.bucket, obj.object_name or "")
            try:
                events.append(CustodyEvent.model_validate_json(response.read()))
            finally:
                response.close()
                response.release_conn()
        return events

    def documents(self) -> list[str]:
        """Every SHA-256 that has a custody history."""
        prefixes = self.client.list_objects(self.bucket, prefix=PREFIX, recursive=False)
        return sorted((p.object_name or "").removeprefix(PREFIX).rstrip("/") for p in prefixes if p.is_dir)
