"""The dashboard's figures (docs/product-rules.md §6), read as aggregates over indexes: the
mailboxes per state, the hourly history of the chosen range (app.store.models_monitoring), the
mailboxes with the most failures, the next scheduled cycles — and, for each figure, the mailboxes
behind it. Plain frozen rows, as app.store.queries gives the lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from peewee import JOIN, SQL, Case, fn

from app.domain.cycle_stats import BUCKETS, hour_of, hours_between, percentile
from app.domain.enums import AlertLevel, ApprovalStatus, MailboxState, RunStatus, SyncMethod, Workload
from app.domain.mailbox_state import MailboxFacts, mailbox_state
from app.store import backends
from app.store.base import database
from app.store.models import Alert, Mailbox, MailboxHour, Queue, SyncHour, SystemUser, WorkloadState

UPCOMING_LIMIT = 60  # cycles on the timeline
DRILL_LIMIT = 200  # mailboxes listed behind one bar


# --- the tiles -----------------------------------------------------------------------------------


def _facts_query(*extra: Any) -> Any:
    """The columns a mailbox's state depends on (then *extra*), every mailbox with its owner's
    active flag and the worst level of its open alerts."""
    severity = Case(Alert.level, ((AlertLevel.ERROR.value, 2), (AlertLevel.WARNING.value, 1)), 0)
    worst = (
        Alert.select(Alert.mailbox.alias("mailbox_id"), fn.MAX(severity).alias("worst"))
        .where((Alert.is_open == True) & Alert.mailbox.is_null(False))  # noqa: E712 - the partial index's condition
        .group_by(Alert.mailbox)
        .alias("worst")
    )
    facts = (
        Mailbox.approval,
        fn.COALESCE(SystemUser.is_active, Queue.is_active, 1),  # 1, not True: an INTEGER column on PostgreSQL
        Mailbox.is_active,
        Mailbox.incoming_method,
        Mailbox.outgoing_method,
        Mailbox.act_method,
        Mailbox.incoming_status,
        Mailbox.outgoing_status,
        Mailbox.act_status,
        Mailbox.mailbox_status,
        Mailbox.test_completed_on.is_null(False),
        fn.COALESCE(worst.c.worst, 0),
        fn.COALESCE(Mailbox.transient_failure_count, 0),
    )
    query = (
        Mailbox.select(*facts, *extra)
        .join(SystemUser, JOIN.LEFT_OUTER, on=Mailbox.owner_user == SystemUser.id)
        .switch(Mailbox)
        .join(Queue, JOIN.LEFT_OUTER, on=Mailbox.owner_queue == Queue.id)
        .switch(Mailbox)
        .join(worst, JOIN.LEFT_OUTER, on=worst.c.mailbox_id == Mailbox.id)
    )
    return query, facts


_APPROVALS = {a.value: a for a in ApprovalStatus}
_METHODS = {m.value: m for m in SyncMethod}
_STATUSES = {s.value: s for s in RunStatus}
_WORST = {2: AlertLevel.ERROR, 1: AlertLevel.WARNING}


def _state(row: Sequence[Any]) -> MailboxState:
    """The state of the facts *row* (the first columns of ``_facts_query``)."""
    approval, owner, active, inc, out, act, s_in, s_out, s_act, s_mb, tested, worst, transient = row[:13]
    facts = MailboxFacts(
        approval=_APPROVALS[approval],
        active=bool(active) and bool(owner),
        methods=(_METHODS[inc], _METHODS[out], _METHODS[act]),
        statuses=(_STATUSES[s_in], _STATUSES[s_out], _STATUSES[s_act], _STATUSES[s_mb]),
        tested=bool(tested),
        worst_open_alert=_WORST.get(worst),
        transient_failures=transient,
    )
    return mailbox_state(facts)


def mailbox_states(mailbox_ids: Iterable[int] | None = None) -> dict[int, MailboxState]:
    """Every mailbox's state (app.domain.mailbox_state), by id."""
    query, _facts = _facts_query(Mailbox.id)
    if mailbox_ids is not None:
        query = query.where(Mailbox.id.in_(list(mailbox_ids)))
    sql, params = query.sql()  # plain rows: a thousand mailboxes read in a few milliseconds
    return {row[-1]: _state(row) for row in database.execute_sql(sql, params).fetchall()}


def state_counts() -> dict[MailboxState, int]:
    """How many mailboxes are in each state. The mailboxes are grouped by the facts their state
    depends on, so however many there are, a few groups are read and each group's state is
    decided once (by the same rule as ``mailbox_states``)."""
    query, facts = _facts_query(fn.COUNT(Mailbox.id))
    # grouped by the columns' positions: PostgreSQL does not see a COALESCE with a parameter in
    # SELECT and in GROUP BY as the same expression (each has its own parameter)
    sql, params = query.group_by(*(SQL(str(n)) for n in range(1, len(facts) + 1))).sql()
    counts = dict.fromkeys(MailboxState, 0)
    for row in database.execute_sql(sql, params).fetchall():
        counts[_state(row)] += row[-1]
    return counts


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
    """Every hour from *since* to *until* (those without cycles too), every workload added up (by
    SQL: one row an hour, whatever the number of workloads)."""
    workloads = list(Workload)
    columns = [
        *(fn.SUM(Case(SyncHour.workload, ((w.value, SyncHour.items),), 0)) for w in workloads),
        fn.SUM(SyncHour.failures_warning),
        fn.SUM(SyncHour.failures_error),
        fn.SUM(SyncHour.cycles),
        fn.SUM(SyncHour.requests),
        *(fn.SUM(getattr(SyncHour, f"d{i}")) for i in range(BUCKETS)),
    ]
    query = cast(
        "Iterable[tuple[Any, ...]]",
        SyncHour.select(SyncHour.hour, *columns)
        .where((SyncHour.hour >= hour_of(since)) & (SyncHour.hour <= until))
        .group_by(SyncHour.hour)
        .tuples(),
    )
    hour_field = SyncHour._meta.fields["hour"]
    found: dict[datetime, HourFigures] = {}
    for hour, *sums in query:
        items = {w: int(n) for w, n in zip(workloads, sums, strict=False) if n}
        warning, error, cycles, requests, *durations = (int(n or 0) for n in sums[len(workloads) :])
        start = hour_field.python_value(hour)
        found[start] = HourFigures(start, items, warning, error, cycles, requests, tuple(durations))
    return [found.get(hour) or HourFigures(hour) for hour in hours_between(since, until)]


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
        f'SUM("failures_error") FROM "mailbox_hour" {backends.index_hint("mailbox_hour_failed")}'
        f'WHERE "hour" >= {database.param} AND "failures_warning" + "failures_error" > 0 '
        f'GROUP BY "mailbox_id" ORDER BY 2 DESC, "mailbox_id" LIMIT {database.param}',
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
    query = cast(
        "Iterable[tuple[int, str, str, Any, Any, bool]]",
        WorkloadState.select(
            WorkloadState.mailbox,
            Mailbox.name,
            Mailbox.email,
            WorkloadState.workload,
            WorkloadState.next_run_on,
            WorkloadState.retry_test,
        )
        .join(Mailbox)
        .where(WorkloadState.next_run_on.is_null(False))
        .order_by(WorkloadState.next_run_on, WorkloadState.id)
        .limit(limit)
        .tuples(),  # tuples convert the fields' values as models would, without building models
    )
    return [
        UpcomingCycle(mailbox_id, name, email, workload, when, bool(retry))
        for mailbox_id, name, email, workload, when, retry in query
    ]


# --- everything the page shows ------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardFigures:
    """What the dashboard shows at one moment, read together (off the GUI thread)."""

    now: datetime
    since: datetime  # the first hour of the period
    states: dict[MailboxState, int]
    hours: list[HourFigures]
    top: list[MailboxFigure]
    upcoming: list[UpcomingCycle]


def read_figures(now: datetime, period: timedelta) -> DashboardFigures:
    """The tiles, the hourly charts of the *period* up to *now*, the mailboxes with the most
    failures in it and the next cycles, read in one transaction so that they agree."""
    since = now - period + timedelta(hours=1)
    # one read transaction, one snapshot: a cycle that finishes meanwhile shows in every figure or in
    # none. Not atomic(), which would queue behind (and hold up) the engine's writes.
    with database.transaction():
        return DashboardFigures(now, since, state_counts(), hourly(since, now), top_failing(since), upcoming())
