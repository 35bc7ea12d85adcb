"""The rerun automations are left alone by `evidence up` unless their definition really changed."""

from __future__ import annotations

import warnings

from evidence.config.settings import Settings
from evidence.flows.recovery import _definition, rerun_automation
from prefect.automations import Automation


def test_the_stored_automation_iterating_its_sets_in_another_order_is_not_seen_as_changed() -> None:
    """An update resets the automation's open windows: a run whose worker died just before
    `evidence up` would never be rerun. Sets iterate in hash order, which differs between the
    process that stored the automation and the one reading it back (3 of 20 seeds); the read
    back copy's sets are replaced by lists in reverse order to be another process's view."""
    wanted = rerun_automation(Settings())
    read_back = Automation.model_validate(wanted.model_dump(mode="json"))
    for name in ("expect", "after", "for_each"):
        object.__setattr__(read_back.trigger, name, list(reversed(list(getattr(read_back.trigger, name)))))
    assert list(read_back.trigger.expect) != list(wanted.trigger.expect)  # the orders really differ
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydantic notes the list where it expects a set
        assert _definition(read_back) == _definition(wanted)


def test_a_real_change_of_the_rerun_window_is_seen() -> None:
    assert _definition(rerun_automation(Settings(rerun_after_s=45))) != _definition(rerun_automation(Settings()))
