"""Health probes for MinIO and the Prefect API (loopback HTTP only)."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx


def http_ok(url: str, timeout_s: float = 2.0) -> bool:
    try:
        return httpx.get(url, timeout=timeout_s).status_code == 200
    except httpx.HTTPError:
        return False


def minio_live(base_url: str) -> bool:
    return http_ok(f"{base_url}/minio/health/live")


def prefect_healthy(api_url: str) -> bool:
    return http_ok(f"{api_url.rstrip('/')}/health")


def wait_until(check: Callable[[], bool], timeout_s: float, interval_s: float = 0.3) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval_s)
    return check()
