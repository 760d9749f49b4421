from datetime import timedelta

from app.domain.enums import AlertLevel
from app.domain.escalation import (
    Failure,
    Health,
    auth_retry_spacing,
    backoff_for,
    most_mailboxes_failing,
    on_failure,
    on_success,
)

BUSY = Failure("ErrorServerBusy", True, "busy", backoff_ms=30_000)
TIMEOUT = Failure("Timeout", True, "timed out")
ACCESS_DENIED = Failure("AccessDenied", False, "access denied")
WRONG_PASSWORD = Failure("Unauthorized", False, "wrong password", authentication=True)


def test_transient_failures_warn_then_error_and_disable_at_the_limit():
    health = Health()
    levels, attempts = [], []
    for _ in range(10):
        decision = on_failure(health, TIMEOUT, limit=10)
        levels.append(decision.alert_level)
        attempts.append((decision.attempt, decision.attempts))
        health = decision.health
    assert levels == [AlertLevel.WARNING] * 9 + [AlertLevel.ERROR]
    assert attempts == [(n, 10) for n in range(2, 11)] + [(0, 0)], "each retry says which attempt it is"
    assert decision.disable and not health.enabled
    assert decision.retry_after is None
    assert on_success(health).alert_level is AlertLevel.INFORMATION, "recovery after the limit is reported"


def test_permanent_failure_errors_and_disables_at_once_without_retry():
    decision = on_failure(Health(consecutive_transient_failures=3, warned=True), ACCESS_DENIED)
    assert decision.alert_level is AlertLevel.ERROR
    assert decision.disable and decision.retry_after is None
    assert decision.health.enabled is False


def test_recovery_after_a_permanent_failure_gives_information_once():
    failed = on_failure(Health(), ACCESS_DENIED).health
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


def test_a_refused_logon_warns_and_retries_on_its_own_budget_then_errors():
    """The seed's path for a wrong password (issue 13): Warning, two retries at least 5 minutes apart,
    then Error and disabled; the transient budget is not used."""
    health = Health(consecutive_transient_failures=4)
    decisions = []
    for _ in range(3):
        decision = on_failure(health, WRONG_PASSWORD, limit=10, default_backoff=timedelta(minutes=1))
        decisions.append(decision)
        health = decision.health
    assert [d.alert_level for d in decisions] == [AlertLevel.WARNING, AlertLevel.WARNING, AlertLevel.ERROR]
    assert [(d.attempt, d.attempts) for d in decisions[:2]] == [(2, 3), (3, 3)]
    assert [d.retry_after for d in decisions] == [timedelta(minutes=5), timedelta(minutes=5), None], (
        "at least 5 minutes apart, even with a shorter back-off"
    )
    assert decisions[-1].disable and not health.enabled and health.authentication_failures == 3
    assert health.consecutive_transient_failures == 4, "its own budget"
    assert on_success(health).health == Health(), "a success starts both budgets again"


def test_the_auth_budget_is_a_setting_and_the_spacing_follows_a_longer_back_off():
    assert on_failure(Health(), WRONG_PASSWORD, auth_retries=0).alert_level is AlertLevel.ERROR
    third = on_failure(Health(authentication_failures=2), WRONG_PASSWORD, auth_retries=3)
    assert (third.alert_level, third.attempt, third.attempts) == (AlertLevel.WARNING, 4, 4)
    assert auth_retry_spacing(timedelta(minutes=15)) == timedelta(minutes=15)
    assert WRONG_PASSWORD.retryable and TIMEOUT.retryable and not ACCESS_DENIED.retryable
