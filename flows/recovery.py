"""Runs whose worker died are run again: heartbeats plus a Prefect automation, no extra service.

A flow run sends a heartbeat event every ``heartbeat_s``. When one stops without a final state
(the worker or its machine was killed), the automation puts the run back to Scheduled; any worker
picks it up, and because every stage is idempotent (intake claim held by the same run, stage
artefacts cached in MinIO) the rerun finishes the document exactly once.
"""

from __future__ import annotations

from datetime import timedelta

from evidence.config.settings import Settings
from prefect.automations import Automation
from prefect.client.schemas.objects import StateType
from prefect.events.actions import ChangeFlowRunState
from prefect.events.schemas.automations import EventTrigger, Posture
from prefect.events.schemas.events import ResourceSpecification

RERUN_AUTOMATION = "evidence: run again when a worker dies"
RERUN_CRASHED_AUTOMATION = "evidence: run again after a crash"
FINAL_EVENTS = {
    "prefect.flow-run.heartbeat",
    "prefect.flow-run.Completed",
    "prefect.flow-run.Failed",
    "prefect.flow-run.Cancelled",
    "prefect.flow-run.Crashed",
}


def rerun_automation(settings: Settings) -> Automation:
    return Automation(
        name=RERUN_AUTOMATION,
        description="A flow run that stopped sending heartbeats is scheduled to run again.",
        trigger=EventTrigger(
            after={"prefect.flow-run.heartbeat"},
            expect=FINAL_EVENTS,
            match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
            for_each={"prefect.resource.id"},
            posture=Posture.Proactive,
            threshold=1,
            within=timedelta(seconds=settings.rerun_after_s),
        ),
        actions=[
            ChangeFlowRunState(
                state=StateType.SCHEDULED,
                name="AwaitingRetry",
                message="Its worker stopped sending heartbeats; scheduled to run again.",
                force=True,
            )
        ],
    )


def rerun_crashed_automation() -> Automation:
    """A run whose process died (killed, out of memory, a native crash) is run again.

    Reruns are bounded by ``MAX_RUNS`` in the flows themselves, so a file that crashes its
    reader every time ends Failed instead of looping.
    """
    return Automation(
        name=RERUN_CRASHED_AUTOMATION,
        description="A crashed flow run is scheduled to run again (at most MAX_RUNS times).",
        trigger=EventTrigger(
            expect={"prefect.flow-run.Crashed"},
            match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
            for_each={"prefect.resource.id"},
            posture=Posture.Reactive,
            threshold=1,
        ),
        actions=[
            ChangeFlowRunState(
                state=StateType.SCHEDULED,
                name="AwaitingRetry",
                message="Its process crashed; scheduled to run again.",
                force=True,
            )
        ],
    )


def ensure_rerun_automation(settings: Settings) -> None:
    """Create the automations, or bring existing ones up to date with the settings."""
    for wanted in (rerun_automation(settings), rerun_crashed_automation()):
        try:
            existing = Automation.read(name=wanted.name)
        except ValueError:
            existing = None
        if existing is None:
            wanted.create()
        elif _definition(existing) != _definition(wanted):
            # Only on a real change: an update resets the automation's open windows, and a run
            # whose worker died just before `evidence up` would then never be noticed.
            wanted.id = existing.id
            wanted.update()


SET_VALUED_TRIGGER_FIELDS = ("expect", "after", "for_each")
"""Trigger fields that are sets: dumped in hash order, which differs between processes."""


def _definition(automation: Automation) -> dict[str, object]:
    """What decides whether the stored automation needs an update, in a process-independent form.

    Without sorting, `evidence up` saw the same automation as changed under 3 of 20 hash seeds (its sets
    iterate in another order), updated it, and so forgot a run whose worker had just died.
    """
    dumped = automation.model_dump(mode="json", include={"description", "enabled", "trigger", "actions"})
    trigger = dumped["trigger"]
    trigger.pop("id", None)
    for name in SET_VALUED_TRIGGER_FIELDS:
        if isinstance(trigger.get(name), list):
            trigger[name] = sorted(trigger[name])
    return dumped


MAX_RUNS = 4
"""A document whose run kills its worker every time (a hostile file) stops being rerun here."""


def refuse_endless_reruns() -> None:
    """Fail a run that was put back in the queue too often, instead of looping forever."""
    from prefect.runtime import flow_run

    if (flow_run.run_count or 0) > MAX_RUNS:
        raise RuntimeError(f"ran {flow_run.run_count} times without finishing; its worker died each time")
