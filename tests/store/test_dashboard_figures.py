"""The dashboard's figures as the store reads them (app.store.dashboard): the tiles counted by
groups of facts agree with each mailbox's own state, and one read gathers every figure."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ApprovalStatus,
    MailboxState,
    RunStatus,
    SyncMethod,
    Workload,
)
from app.store import dashboard
from app.store.cycle_stats import CycleFigures, record_cycle
from app.store.db import open_database
from app.store.models import Alert, Mailbox, ServerProfile, SystemUser, WorkloadState

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
TESTED = {
    "incoming_status": RunStatus.SUCCESS,
    "outgoing_status": RunStatus.SUCCESS,
    "act_status": RunStatus.SUCCESS,
    "mailbox_status": RunStatus.SUCCESS,
    "test_completed_on": NOW - timedelta(days=1),
    "approval": ApprovalStatus.APPROVED,
}


def mailbox(name: str, *, owner_active: bool = True, **fields) -> Mailbox:
    owner = SystemUser.create(name=name, is_active=owner_active)
    profile = ServerProfile.get_or_none() or ServerProfile.create(name="Exchange")
    return Mailbox.create(name=name, email=f"{name}@contoso.com", owner_user=owner, profile=profile, **fields)


def alert(box: Mailbox, level: AlertLevel, *, is_open: bool = True) -> None:
    Alert.create(level=level, scope=AlertScope.MAILBOX, mailbox=box, error_code="E", message="m", is_open=is_open)


def test_the_tiles_count_each_mailbox_in_the_state_it_has_on_its_own(store):
    mailbox("pending")  # Pending approval by default
    mailbox("success", **TESTED)
    mailbox("success_too", **TESTED)
    mailbox("owner_gone", owner_active=False, **TESTED)
    mailbox("rejected", **{**TESTED, "approval": ApprovalStatus.REJECTED})
    mailbox("outlook_only", **TESTED, incoming_method=SyncMethod.OUTLOOK, outgoing_method=SyncMethod.NONE,
            act_method=SyncMethod.NONE)  # fmt: skip
    mailbox("test_failed", **{**TESTED, "outgoing_status": RunStatus.FAILURE})
    alert(mailbox("error_alert", **TESTED), AlertLevel.ERROR)
    warned = mailbox("warning_alert", **TESTED)
    alert(warned, AlertLevel.WARNING)
    alert(warned, AlertLevel.ERROR, is_open=False)  # closed: it no longer counts
    mailbox("retrying", **TESTED, transient_failure_count=2)
    mailbox("never_tested", approval=ApprovalStatus.APPROVED)

    states = dashboard.mailbox_states()
    names = {m.id: m.name for m in Mailbox.select()}
    assert {names[i]: s for i, s in states.items()} == {
        "pending": MailboxState.PENDING_APPROVAL,
        "success": MailboxState.SUCCESS,
        "success_too": MailboxState.SUCCESS,
        "owner_gone": MailboxState.DISABLED,
        "rejected": MailboxState.DISABLED,
        "outlook_only": MailboxState.DISABLED,
        "test_failed": MailboxState.ERROR,
        "error_alert": MailboxState.ERROR,
        "warning_alert": MailboxState.WARNING,
        "retrying": MailboxState.WARNING,
        "never_tested": MailboxState.NEVER_TESTED,
    }
    counts = dashboard.state_counts()
    assert counts == {state: list(states.values()).count(state) for state in MailboxState}
    assert sum(counts.values()) == len(states)


def test_one_read_gathers_the_tiles_the_hours_the_top_and_the_next_cycles(store):
    one_read_gathers_every_figure()


def test_the_figures_read_the_same_on_a_shared_postgresql_database(pg_url):
    """The console opens on its dashboard: its reads work on PostgreSQL too (no SQLite-only SQL)."""
    open_database(pg_url)
    one_read_gathers_every_figure()


def one_read_gathers_every_figure() -> None:
    box = mailbox("a", **TESTED)
    record_cycle(CycleFigures(box.id, Workload.INCOMING, NOW - timedelta(minutes=20), 120, items=3))
    record_cycle(CycleFigures(box.id, Workload.ACT, NOW - timedelta(minutes=10), 60, failure=AlertLevel.WARNING))
    WorkloadState.create(mailbox=box, workload=Workload.OUTGOING, next_run_on=NOW + timedelta(minutes=5))

    figures = dashboard.read_figures(NOW, timedelta(hours=24))
    assert figures.now == NOW and len(figures.hours) == 24
    assert figures.states[MailboxState.SUCCESS] == 1
    last = figures.hours[-1]
    assert (last.items, last.cycles, last.failures_warning) == ({Workload.INCOMING: 3}, 2, 1)
    assert [(f.name, f.warnings) for f in figures.top] == [("a", 1)]
    assert [(c.name, c.workload, c.retry) for c in figures.upcoming] == [("a", Workload.OUTGOING, False)]
