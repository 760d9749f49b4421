"""The dashboard's history: each cycle added to its hour, percentiles from the histograms, pruning by age."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.cycle_stats import bucket_of, percentile
from app.domain.enums import AlertLevel, Workload
from app.store import cycle_stats, dashboard, item_failures
from app.store.cycle_stats import CycleFigures, record_cycle
from app.store.models import Mailbox, MailboxHour, ServerProfile, SyncHistory, SyncHour, SystemUser

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def mailbox(name: str) -> Mailbox:
    owner = SystemUser.create(name=name)
    profile = ServerProfile.get_or_none() or ServerProfile.create(name="Exchange")
    return Mailbox.create(name=name, email=f"{name}@contoso.com", owner_user=owner, profile=profile)


def test_cycles_add_up_in_their_hour_per_workload_and_per_mailbox(store):
    a, b = mailbox("a"), mailbox("b")
    record_cycle(CycleFigures(a.id, Workload.INCOMING, NOW, 120, items=3, requests=4))
    record_cycle(CycleFigures(b.id, Workload.INCOMING, NOW + timedelta(minutes=10), 800, failure=AlertLevel.WARNING))
    record_cycle(CycleFigures(a.id, Workload.ACT, NOW + timedelta(minutes=20), 60, items=2, failure=AlertLevel.ERROR))
    record_cycle(CycleFigures(a.id, Workload.INCOMING, NOW + timedelta(hours=1), 50, items=1))
    assert SyncHour.select().count() == 3  # (9:00, incoming), (9:00, act), (10:00, incoming)
    hours = dashboard.hourly(NOW - timedelta(hours=2), NOW + timedelta(hours=1))
    assert [h.cycles for h in hours] == [0, 0, 3, 1]
    nine = hours[2]
    assert nine.items == {Workload.INCOMING: 3, Workload.ACT: 2}
    assert (nine.failures_warning, nine.failures_error, nine.requests) == (1, 1, 4)
    assert 50 <= nine.median_ms <= 200 and nine.p95_ms >= 500
    row = MailboxHour.get((MailboxHour.mailbox == a.id) & (MailboxHour.hour == NOW.replace(minute=0)))
    assert (row.cycles, row.items_incoming, row.items_act, row.failures_error, row.duration_ms_max) == (2, 3, 2, 1, 120)
    top = dashboard.top_failing(NOW - timedelta(hours=1))
    assert [(f.name, f.warnings, f.errors) for f in top] == [("a", 0, 1), ("b", 1, 0)]
    behind = dashboard.mailboxes_in_hour(NOW, "items_incoming")
    assert [f.name for f in behind] == ["a"]


def test_percentiles_interpolate_inside_the_bucket():
    counts = [0] * 16
    counts[bucket_of(150)] = 10  # 100-200 ms
    assert percentile(counts, 0.5) == 150
    assert percentile([0] * 16, 0.5) is None
    counts[15] = 90  # over 5 minutes
    assert percentile(counts, 0.95) == 300_000


def test_history_and_item_entries_are_pruned_by_age(store):
    a = mailbox("a")
    for age in (timedelta(days=91), timedelta(days=9), timedelta(days=3), timedelta(hours=1)):
        record_cycle(CycleFigures(a.id, Workload.INCOMING, NOW - age, 100))
        SyncHistory.create(mailbox=a, workload=Workload.INCOMING, started_on=NOW - age)
    problem = item_failures.ItemProblem(item_failures.ItemKind.TASK, item_failures.ItemDirection.OUTGOING, "E", "x",
                                        record_id=1)  # fmt: skip
    item_failures.record_item_failures(a.id, [problem])
    assert cycle_stats.prune_history(NOW, batch=1) == 1 + 2 + 3
    assert SyncHour.select().count() == 3, "90 days kept"
    assert MailboxHour.select().count() == 2, "8 days kept"
    assert SyncHistory.select().count() == 1, "2 days kept"
    from app.store.base import utcnow

    assert item_failures.prune(utcnow() + timedelta(days=2)) == 0, "kept 3 days (the setting)"
    assert item_failures.prune(utcnow() + timedelta(days=4)) == 1
