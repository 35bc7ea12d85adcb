"""Which failures are worth retrying: storage and network hiccups, never bad input or integrity alarms."""

from __future__ import annotations

from typing import Any

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


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, S3Error):
        return exc.code in TRANSIENT_S3_CODES
    return isinstance(exc, ServerError | Urllib3Error | ConnectionError | TimeoutError)


def retry_transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Prefect ``retry_condition_fn``: retry only transient faults."""
    try:
        exc = state.result(raise_on_failure=False)
    except Exception as error:  # the result itself could not be loaded: judge that error
        exc = error
    return isinstance(exc, BaseException) and is_transient(exc)
