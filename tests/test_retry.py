"""Which faults a stage retries: the ones that pass by themselves, judged through their causes."""

from __future__ import annotations

import httpx
import pytest
from evidence.flows.retry import is_transient
from prefect.concurrency._asyncio import ConcurrencySlotAcquisitionError


def _status_error(code: int) -> httpx.HTTPStatusError:
    request = httpx.Request("POST", "http://127.0.0.1:4200/api/v2/concurrency_limits/increment-with-lease")
    return httpx.HTTPStatusError(str(code), request=request, response=httpx.Response(code, request=request))


def _slot_error(code: int) -> ConcurrencySlotAcquisitionError:
    """What Prefect raises when its API refuses a concurrency slot (as in prefect.concurrency)."""
    try:
        try:
            raise _status_error(code)
        except httpx.HTTPStatusError as exc:
            raise ConcurrencySlotAcquisitionError("Unable to acquire concurrency slots") from exc
    except ConcurrencySlotAcquisitionError as wrapped:
        return wrapped


def test_a_slot_refused_because_the_api_is_busy_is_retried_but_a_refusal_on_its_merits_is_not() -> None:
    assert is_transient(_slot_error(503))  # SQLite busy under a burst: seen in CI, the document was lost
    assert not is_transient(_slot_error(422))
    assert is_transient(httpx.ConnectError("refused"))


def test_an_error_raised_while_handling_a_hiccup_is_judged_on_its_own() -> None:
    try:
        try:
            raise ConnectionError("storage away")
        except ConnectionError:
            raise ValueError("the page is corrupt")  # noqa: B904 -- context, not cause
    except ValueError as exc:
        assert not is_transient(exc)


@pytest.mark.integration
def test_a_stage_retries_the_busy_api_and_completes(prefect_harness: None) -> None:
    """Through Prefect's own retry machinery: the condition must still see the cause."""
    from evidence.flows.process_document import TASK_OPTIONS
    from prefect import flow, task

    calls: list[str] = []

    @task(**{**TASK_OPTIONS, "retry_delay_seconds": 0})
    def stage() -> str:
        calls.append("stage")
        if calls.count("stage") == 1:
            raise _slot_error(503)
        return "done"

    @task(**{**TASK_OPTIONS, "retry_delay_seconds": 0})
    def refused() -> str:
        calls.append("refused")
        raise _slot_error(422)

    @flow
    def run() -> tuple[str, str]:
        second = refused(return_state=True)
        return stage(), type(second.result(raise_on_failure=False)).__name__

    assert run() == ("done", "ConcurrencySlotAcquisitionError")
    assert sorted(calls) == ["refused", "stage", "stage"]  # the busy API retried, the refusal not
