"""When an alert deserves a tray toast: the pure policy, with an injected clock."""

from dataclasses import dataclass
from datetime import datetime, timezone

from app.domain.enums import AlertLevel
from app.domain.toast_policy import ToastPolicy

T0 = datetime(2026, 3, 2, tzinfo=timezone.utc)


@dataclass
class A:
    id: int
    level: AlertLevel
    mailbox_id: int | None = 1
    profile_id: int | None = None
    is_open: bool = True
    updated_on: datetime = T0


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_policy_toasts_new_errors_once_per_mailbox_per_ten_minutes():
    clock = Clock()
    policy = ToastPolicy(clock)
    policy.mark_seen([A(1, AlertLevel.ERROR)])
    assert policy.select([A(1, AlertLevel.ERROR)]) == []  # existed at start
    first = A(2, AlertLevel.ERROR)
    assert policy.select([first]) == [first]
    assert policy.select([first]) == []  # a repeat of the same alert
    clock.now += 60
    assert policy.select([A(3, AlertLevel.ERROR)]) == []  # same mailbox within 10 minutes
    other = A(4, AlertLevel.ERROR, mailbox_id=2)
    assert policy.select([other]) == [other]
    clock.now += 600
    later = A(5, AlertLevel.ERROR)
    assert policy.select([later]) == [later]


def test_policy_levels_follow_settings_and_escalation_counts_as_new():
    policy = ToastPolicy(Clock())
    warning = A(1, AlertLevel.WARNING)
    assert policy.select([warning, A(2, AlertLevel.INFORMATION, mailbox_id=3)]) == []
    assert policy.select([A(5, AlertLevel.WARNING, mailbox_id=5)], toast_warnings=True) != []
    escalated = A(1, AlertLevel.ERROR)  # the same alert, now an Error
    assert policy.select([escalated]) == [escalated]
    assert policy.select([A(9, AlertLevel.ERROR, mailbox_id=9)], toast_errors=False) == []
    assert policy.select([A(10, AlertLevel.ERROR, mailbox_id=None, profile_id=4, is_open=False)]) == []
