from datetime import timedelta

from app.domain.enums import AlertLevel
from app.domain.escalation import (
    Failure,
    Health,
    backoff_for,
    most_mailboxes_failing,
    on_failure,
    on_success,
)

BUSY = Failure("ErrorServerBusy", True, "busy", backoff_ms=30_000)
TIMEOUT = Failure("Timeout", True, "timed out")
WRONG_PASSWORD = Failure("Unauthorized", False, "wrong password")


def test_transient_failures_warn_then_error_and_disable_at_the_limit():
    health = Health()
    levels = []
    for _ in range(10):
        decision = on_failure(health, TIMEOUT, limit=10)
        levels.append(decision.alert_level)
        health = decision.health
    assert levels == [AlertLevel.WARNING] * 9 + [AlertLevel.ERROR]
    assert decision.disable and not health.enabled
    assert decision.retry_after is None
    assert on_success(health).alert_level is AlertLevel.INFORMATION, "recovery after the limit is reported"


def test_permanent_failure_errors_and_disables_at_once_without_retry():
    decision = on_failure(Health(consecutive_transient_failures=3, warned=True), WRONG_PASSWORD)
    assert decision.alert_level is AlertLevel.ERROR
    assert decision.disable and decision.retry_after is None
    assert decision.health.enabled is False


def test_recovery_after_a_permanent_failure_gives_information_once():
    failed = on_failure(Health(), WRONG_PASSWORD).health
    assert failed.warned, "its Error is open"
    first = on_success(failed)
    assert first.alert_level is AlertLevel.INFORMATION
    assert on_success(first.health).alert_level is None


def test_recovery_after_warning_gives_information_once():
    warned = on_failure(Health(), TIMEOUT).health
    first = on_success(warned)
    assert first.alert_level is AlertLevel.INFORMATION
    assert first.health == Health()
    assert on_success(first.health).alert_level is None


def test_success_without_prior_warning_records_nothing():
    assert on_success(Health()).alert_level is None


def test_backoff_honours_server_busy_when_longer():
    default = timedelta(minutes=5)
    assert backoff_for(TIMEOUT, default) == default
    assert backoff_for(BUSY, default) == default  # 30 s < 5 min
    long_busy = Failure("ErrorServerBusy", True, "busy", backoff_ms=900_000)
    assert backoff_for(long_busy, default) == timedelta(minutes=15)
    assert on_failure(Health(), long_busy).retry_after == timedelta(minutes=15)


def test_more_than_half_failing():
    assert not most_mailboxes_failing(0, 0)
    assert not most_mailboxes_failing(5, 10)
    assert most_mailboxes_failing(6, 10)
    assert most_mailboxes_failing(1, 1)
