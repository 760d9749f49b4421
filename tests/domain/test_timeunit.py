"""The engine's minute: a minute, or a second with the demo clock (app.domain.timeunit)."""

from datetime import timedelta

import pytest

from app.domain import escalation, schedule, timeunit
from app.domain.escalation import Failure, Health, on_failure


@pytest.fixture(autouse=True)
def _real_minutes():
    timeunit.reset()
    yield
    timeunit.reset()


def test_minutes_are_minutes_until_the_demo_clock_is_on():
    assert not timeunit.demo_clock_on()
    assert timeunit.minutes(5) == timedelta(minutes=5)
    assert timeunit.minutes(0.5) == timedelta(seconds=30)
    timeunit.use_demo_clock()
    assert timeunit.demo_clock_on()
    assert timeunit.minutes(5) == timedelta(seconds=5)
    assert timeunit.scaled(timedelta(minutes=10)) == timedelta(seconds=10)
    timeunit.reset()
    assert timeunit.minutes(5) == timedelta(minutes=5) and timeunit.scaled(timedelta(minutes=1)) == timedelta(minutes=1)


def test_intervals_back_offs_and_auth_spacing_follow_the_clock_when_used():
    assert (schedule.busy_interval(), schedule.normal_interval(), schedule.idle_interval()) == (
        timedelta(minutes=2),
        timedelta(minutes=5),
        timedelta(minutes=12),
    )
    timeunit.use_demo_clock()
    assert (schedule.busy_interval(), schedule.normal_interval(), schedule.idle_interval()) == (
        timedelta(seconds=2),
        timedelta(seconds=5),
        timedelta(seconds=12),
    )
    assert escalation.standard_backoff() == timedelta(seconds=5)
    assert escalation.auth_retry_spacing() == timedelta(seconds=5)
    busy = Failure("ErrorServerBusy", True, "busy", backoff_ms=600_000)  # the server's 10 minutes
    assert escalation.backoff_for(busy) == timedelta(seconds=10)
    refused = Failure("Unauthorized", False, "refused", authentication=True)
    assert on_failure(Health(), refused).retry_after == timedelta(seconds=5)


def test_toast_spacing_follows_the_clock():
    from app.domain.toast_policy import ToastPolicy

    assert ToastPolicy()._interval == 600
    timeunit.use_demo_clock()
    assert ToastPolicy()._interval == 10
