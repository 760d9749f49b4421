"""The dashboard's figures (docs/product-rules.md §6), read as aggregates over indexes: the
mailboxes per state, the hourly history of the chosen range (app.store.models_monitoring), the
mailboxes with the most failures, the next scheduled cycles — and, for each figure, the mailboxes
behind it. Plain frozen rows, as app.store.queries gives the lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from peewee import JOIN, Case, fn

from app.domain.cycle_stats import BUCKETS, hour_of, hours_between, percentile
from app.domain.enums import AlertLevel, ApprovalStatus, MailboxState, RunStatus, SyncMethod, Workload
from app.domain.mailbox_state import MailboxFacts, count_states, mailbox_state
from app.store.base import database
from app.store.models import Alert, Mailbox, MailboxHour, Queue, SyncHour, SystemUser, WorkloadState

UPCOMING_LIMIT = 60  # cycles on the timeline
DRILL_LIMIT = 200  # mailboxes listed behind one bar


# --- the tiles -----------------------------------------------------------------------------------


def _worst_open_alerts() -> dict[int, AlertLevel]:
    severity = Case(Alert.level, ((AlertLevel.ERROR.value, 2), (AlertLevel.WARNING.value, 1)), 0)
    query = cast(
        "Iterable[tuple[int, int]]",
        Alert.select(Alert.mailbox, fn.MAX(severity))
        .where((Alert.is_open == True) & Alert.mailbox.is_null(False))  # noqa: E712 - the partial index's condition
        .group_by(Alert.mailbox)
        .tuples(),
    )
    levels = {2: AlertLevel.ERROR, 1: AlertLevel.WARNING}
    return {mailbox_id: levels[worst] for mailbox_id, worst in query if worst in levels}


def mailbox_states(mailbox_ids: Iterable[int] | None = None) -> dict[int, MailboxState]:
    """Every mailbox's state (app.domain.mailbox_state), by id."""
    alerts = _worst_open_alerts()
    owner_active = fn.COALESCE(SystemUser.is_active, Queue.is_active, True)
    query = (
        Mailbox.select(
            Mailbox.id,
            Mailbox.approval,
            Mailbox.is_active,
            owner_active,
            Mailbox.incoming_method,
            Mailbox.outgoing_method,
            Mailbox.act_method,
            Mailbox.incoming_status,
            Mailbox.outgoing_status,
            Mailbox.act_status,
            Mailbox.mailbox_status,
            Mailbox.test_completed_on,
            Mailbox.transient_failure_count,
        )
        .join(SystemUser, JOIN.LEFT_OUTER, on=Mailbox.owner_user == SystemUser.id)
        .switch(Mailbox)
        .join(Queue, JOIN.LEFT_OUTER, on=Mailbox.owner_queue == Queue.id)
    )
    if mailbox_ids is not None:
        query = query.where(Mailbox.id.in_(list(mailbox_ids)))
    states = {}
    sql, params = query.sql()  # plain rows: a thousand mailboxes read in a few milliseconds
    approvals = {a.value: a for a in ApprovalStatus}
    methods = {m.value: m for m in SyncMethod}
    statuses = {s.value: s for s in RunStatus}
    for row in database.execute_sql(sql, params).fetchall():
        mailbox_id, approval, active, owner, inc, out, act, s_in, s_out, s_act, s_mb, tested, transient = row
        facts = MailboxFacts(
            approval=approvals[approval],
            active=bool(active) and bool(owner),
            methods=(methods[inc], methods[out], methods[act]),
            statuses=(statuses[s_in], statuses[s_out], statuses[s_act], statuses[s_mb]),
            tested=tested is not None,
            worst_open_alert=alerts.get(mailbox_id),
            transient_failures=transient or 0,
        )
        states[mailbox_id] = mailbox_state(facts)
    return states


def state_counts() -> dict[MailboxState, int]:
    return count_states(mailbox_states().values())


def mailboxes_in_state(state: MailboxState) -> list[int]:
    """The ids of the mailboxes a tile counts (what the Mailboxes list shows, filtered by it)."""
    return sorted(mailbox_id for mailbox_id, s in mailbox_states().items() if s is state)


# --- the hourly charts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HourFigures:
    hour: datetime  # UTC, the start of the hour
    items: dict[Workload, int] = field(default_factory=dict)
    failures_warning: int = 0
    failures_error: int = 0
    cycles: int = 0
    requests: int = 0
    durations: tuple[int, ...] = (0,) * BUCKETS  # the histogram of cycle durations

    @property
    def median_ms(self) -> float | None:
        return percentile(self.durations, 0.5)

    @property
    def p95_ms(self) -> float | None:
        return percentile(self.durations, 0.95)


def hourly(since: datetime, until: datetime) -> list[HourFigures]:
    """Every hour from *since* to *until* (those without cycles too), every workload added up."""
    buckets = [getattr(SyncHour, f"d{i}") for i in range(BUCKETS)]
    query = cast(
        "Iterable[tuple[Any, ...]]",
        SyncHour.select(
            SyncHour.hour,
            SyncHour.workload,
            SyncHour.items,
            SyncHour.failures_warning,
            SyncHour.failures_error,
            SyncHour.cycles,
            SyncHour.requests,
            *buckets,
        )
        .where((SyncHour.hour >= hour_of(since)) & (SyncHour.hour <= until))
        .tuples(),
    )
    totals: dict[datetime, _HourTotal] = {}
    hour_field, workload_field = SyncHour._meta.fields["hour"], SyncHour._meta.fields["workload"]
    for hour, workload, items, warning, error, cycles, requests, *durations in query:
        total = totals.setdefault(hour_field.python_value(hour), _HourTotal())
        total.add(workload_field.python_value(workload), items, warning, error, cycles, requests, durations)
    return [totals[hour].figures(hour) if hour in totals else HourFigures(hour) for hour in hours_between(since, until)]


class _HourTotal:
    def __init__(self) -> None:
        self.items: dict[Workload, int] = {}
        self.warning = self.error = self.cycles = self.requests = 0
        self.durations = [0] * BUCKETS

    def add(
        self, workload: Workload, items: int, warning: int, error: int, cycles: int, requests: int, durations: list[int]
    ) -> None:
        self.items[workload] = self.items.get(workload, 0) + items
        self.warning += warning
        self.error += error
        self.cycles += cycles
        self.requests += requests
        for i, count in enumerate(durations):
            self.durations[i] += count

    def figures(self, hour: datetime) -> HourFigures:
        return HourFigures(
            hour, self.items, self.warning, self.error, self.cycles, self.requests, tuple(self.durations)
        )


# --- mailboxes behind the figures -----------------------------------------------------------------


@dataclass(frozen=True)
class MailboxFigure:
    """A mailbox and its number in a chart (failures, items, a duration)."""

    mailbox_id: int
    name: str
    email: str
    value: float
    warnings: int = 0
    errors: int = 0


def _named(rows: list[tuple[int, float, int, int]]) -> list[MailboxFigure]:
    names = {
        m.id: (m.name, m.email)
        for m in Mailbox.select(Mailbox.id, Mailbox.name, Mailbox.email).where(Mailbox.id.in_([r[0] for r in rows]))
    }
    return [
        MailboxFigure(mailbox_id, *names.get(mailbox_id, ("", "")), value, warnings, errors)
        for mailbox_id, value, warnings, errors in rows
        if mailbox_id in names
    ]


def top_failing(since: datetime, limit: int = 10) -> list[MailboxFigure]:
    """The mailboxes with the most failed cycles since *since*, most first. Read over the partial
    index of the hours with failures (named: the planner would rather walk the mailbox index to
    group, which reads every hour of every mailbox)."""
    rows = database.execute_sql(
        'SELECT "mailbox_id", SUM("failures_warning" + "failures_error"), SUM("failures_warning"), '
        'SUM("failures_error") FROM "mailbox_hour" INDEXED BY "mailbox_hour_failed" '
        'WHERE "hour" >= ? AND "failures_warning" + "failures_error" > 0 '
        'GROUP BY "mailbox_id" ORDER BY 2 DESC, "mailbox_id" LIMIT ?',
        (MailboxHour._meta.fields["hour"].db_value(hour_of(since)), limit),
    ).fetchall()
    return _named([(m, float(total), int(w), int(e)) for m, total, w, e in rows])


# what a bar of an hourly chart counts, per mailbox
MEASURES = {
    "items_incoming": MailboxHour.items_incoming,
    "items_outgoing": MailboxHour.items_outgoing,
    "items_act": MailboxHour.items_act,
    "failures": MailboxHour.failures_warning + MailboxHour.failures_error,
    "duration": MailboxHour.duration_ms_max,
}


def mailboxes_in_hour(hour: datetime, measure: str, limit: int = DRILL_LIMIT) -> list[MailboxFigure]:
    """The mailboxes behind one hour's bar or point: those with something of *measure* (a key of
    ``MEASURES``) in that hour, most first."""
    value = MEASURES[measure]
    query = cast(
        "Iterable[tuple[int, float, int, int]]",
        MailboxHour.select(MailboxHour.mailbox, value, MailboxHour.failures_warning, MailboxHour.failures_error)
        .where((MailboxHour.hour == hour_of(hour)) & (value > 0))
        .order_by(value.desc(), MailboxHour.mailbox)
        .limit(limit)
        .tuples(),
    )
    return _named([(m, float(v), int(w), int(e)) for m, v, w, e in query])


# --- the timeline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class UpcomingCycle:
    mailbox_id: int
    name: str
    email: str
    workload: Workload
    next_run_on: datetime
    retry: bool  # the retry of a failed test, not a sync cycle


def upcoming(limit: int = UPCOMING_LIMIT) -> list[UpcomingCycle]:
    """The next scheduled cycles (and retries), soonest first — those overdue are due now."""
    query = (
        WorkloadState.select(WorkloadState, Mailbox.name, Mailbox.email)
        .join(Mailbox)
        .where(WorkloadState.next_run_on.is_null(False))
        .order_by(WorkloadState.next_run_on, WorkloadState.id)
        .limit(limit)
    )
    return [
        UpcomingCycle(s.mailbox_id, s.mailbox.name, s.mailbox.email, s.workload, s.next_run_on, s.retry_test)
        for s in query
        if s.next_run_on is not None  # the query's condition, for the type checker
    ]
