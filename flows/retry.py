"""Which failures are worth retrying: storage and network hiccups, never bad input or integrity alarms."""

from __future__ import annotations

from typing import Any

import httpx
from minio.error import S3Error, ServerError
from urllib3.exceptions import HTTPError as Urllib3Error

TRANSIENT_S3_CODES = frozenset(
    {
        "SlowDown",
        "InternalError",
        "ServiceUnavailable",
        "RequestTimeout",
        "XMinioServerNotInitialized",
        "XMinioStorageFull",
        "OperationTimedOut",
    }
)

TRANSIENT_HTTP_STATUS = frozenset({429, 500, 502, 503, 504})
"""Prefect's API answers 503 while SQLite is busy under many writers; it passes in seconds."""


def _is_transient_itself(exc: BaseException) -> bool:
    if isinstance(exc, S3Error):
        return exc.code in TRANSIENT_S3_CODES
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code in TRANSIENT_HTTP_STATUS
    return isinstance(exc, ServerError | Urllib3Error | httpx.TransportError | ConnectionError | TimeoutError)


def is_transient(exc: BaseException) -> bool:
    """True when the fault, or what caused it, passes by itself. Libraries wrap the cause (Prefect
    raises ConcurrencySlotAcquisitionError *from* the API's 503), so the chain of causes is judged
    (explicit ``raise ... from`` only: an error raised while handling a hiccup is not one)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if _is_transient_itself(current):
            return True
        seen.add(id(current))
        current = current.__cause__
    return False


def retry_transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Prefect ``retry_condition_fn``: retry only transient faults."""
    try:
        exc = state.result(raise_on_failure=False)
    except Exception as error:  # the result itself could not be loaded: judge that error
        exc = error
    return isinstance(exc, BaseException) and is_transient(exc)
