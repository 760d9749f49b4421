"""The fault matrix: every fault kind of the loopback server × {incoming, outgoing, appointments/
contacts/tasks, Test & Enable}, then recovery once the fault clears.

A cell: one mailbox whose only server-side workload is the column's (Test & Enable: all three),
a fault on the request that carries the workload's effect (``matrix_support.OPERATION``), firing
until cleared. One cycle (``Scheduler.run_once``, what ``sync --once`` runs) or one Test & Enable
runs into it. Observed and asserted:

- the one open alert of the mailbox: level and code (``matrix_support.EXPECTED``);
- whether the workload was disabled, and its next run (``WorkloadState.next_run_on``): the
  back-off after a transient failure (the default 5 minutes, ErrorServerBusy's
  BackOffMilliseconds when longer), none after a permanent one; the scheduler does not run it
  before then (nor at all when disabled);
- recovery, the fault cleared: a transient failure at its scheduled time (the scheduler's clock
  and the outgoing claim's clock set to it), a permanent one (and Test & Enable itself) through
  Test & Enable and then a cycle: an Information alert, no open Warning or Error, the workload
  enabled, and the store equal to Exchange (each Inbox email stored once; each pending email
  sent exactly once, counted in Sent Items and in the recipient's Inbox; each appointment,
  contact and task once on both sides).

Each cell records what it saw in ``matrix_support`` before asserting; the last test renders
docs/reliability-matrix.md from that and fails when the committed page differs.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from matrix_cells import CELL_CLASSES
from matrix_support import (
    COLUMNS,
    DELAY_TIMEOUT,
    EXPECTED,
    FAULT_PARAMS,
    KINDS,
    MATRIX_PAGE,
    OPERATION,
    WRITE_DOCS_ENV,
    cell,
    complete,
    render,
    write_docs_requested,
)

from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AlertLevel, RunStatus
from app.domain.escalation import AUTH_RETRY_MIN_MINUTES, DEFAULT_AUTH_RETRIES, auth_retry_spacing
from app.domain.timeunit import minutes
from app.store import repo
from app.store.base import utcnow
from app.store.models import Alert, Mailbox, WorkloadState
from app.sync.outgoing import claim_lease
from app.sync.scheduler import Scheduler

SAFETY = 30  # seconds; only reached when something is broken

# Cells that are known not to hold yet, each with the reason (shown on the generated page too).
XFAIL: dict[tuple[str, str], tuple[str, bool]] = {}  # none today


def _params():
    for kind in KINDS:
        for column in COLUMNS:
            marks = []
            if (kind, column) in XFAIL:
                reason, strict = XFAIL[(kind, column)]
                marks.append(pytest.mark.xfail(strict=strict, reason=reason))
            yield pytest.param(kind, column, marks=marks, id=f"{kind}-{column}")


def _minutes(delta: timedelta | None) -> int | None:
    return None if delta is None else round(delta.total_seconds() / 60)


def _open_failure_alerts(mailbox) -> list[Alert]:
    return list(
        Alert.select().where((Alert.mailbox == mailbox.id) & Alert.is_open & (Alert.level != AlertLevel.INFORMATION))
    )


def _wait_for_late_answers(ews, email: str, operation: str, fault, before: int) -> None:
    """A delayed request is still served after the client gave up: wait until every one was (so
    the recovery does not race the server, as the real scheduler, minutes later, would not)."""
    if fault.kind != "delay":
        return
    op = None if operation == "*" else operation
    deadline = time.monotonic() + SAFETY
    while ews.stats.count(operation=op, account=email) - before < fault.fired:
        assert time.monotonic() < deadline, "a delayed request was never served"
        time.sleep(0.05)


class LogonRetries:
    """The automatic retries after a refused logon, run by the scheduler on a clock moved forward
    one engine minute at a time, the fault still on; failed logons counted on the server."""

    def __init__(self, first: datetime) -> None:
        self.first = first  # when the first logon was refused
        self.failed: list[tuple[datetime, int]] = []  # (scheduler pass, failed logons in it)
        self.ran: list[list] = []  # each pass's results
        self.alerts: list[Alert] = []  # open Warnings/Errors once the budget is used
        self.enabled: list[bool] = []
        self.next_runs: list[datetime | None] = []

    def note(self) -> str:
        times = ", ".join(f"+{_minutes(at - self.first)} min" for at, _ in self.failed)
        end = "/".join(f"{a.level.value.capitalize()} `{a.error_code}`" for a in self.alerts) or "no alert"
        return (
            f"retries with the logon still refused: {sum(n for _, n in self.failed)} failed logons at {times or '—'} "
            f"(one a retry); then {end}, {'disabled' if not any(self.enabled) else 'still enabled'}"
        )

    def check(self) -> None:
        budget = repo.system_settings().auth_retry_limit
        assert [n for _, n in self.failed] == [1] * budget, f"one failed logon per retry: {self.failed}"
        times = [self.first] + [at for at, _ in self.failed]
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert all(gap >= auth_retry_spacing() for gap in gaps), f"retries closer than 5 minutes: {gaps}"
        found = [(a.level, a.error_code) for a in self.alerts]
        # the retries' Warning stays open beside the Error until a success closes both (tests/sync/test_retries.py)
        assert (AlertLevel.ERROR, "Unauthorized") in found and {code for _, code in found} == {"Unauthorized"}, found
        assert not any(self.enabled), "disabled once the retries are used up"
        assert self.next_runs and all(n is None for n in self.next_runs), "no further logon is planned"


def _drive_logon_retries(ews, email: str, state: WorkloadState) -> LogonRetries:
    retries = LogonRetries(state.last_run_on)
    clock = state.next_run_on - minutes(1)
    for _ in range(6 * AUTH_RETRY_MIN_MINUTES * (DEFAULT_AUTH_RETRIES + 1)):  # well past the budget
        clock += minutes(1)
        before = ews.stats.unauthorized(email)
        ran = Scheduler(clock=lambda at=clock: at).run_due()
        failed = ews.stats.unauthorized(email) - before
        if failed:
            retries.failed.append((clock, failed))
        if ran:
            retries.ran.append(ran)
    mailbox = Mailbox.get_by_id(state.mailbox_id)
    retries.alerts = _open_failure_alerts(mailbox)
    states = list(WorkloadState.select().where(WorkloadState.mailbox == mailbox.id))
    retries.enabled = [getattr(mailbox, f"{s.workload.value}_enabled") for s in states]
    retries.next_runs = [s.next_run_on for s in states]
    return retries


@pytest.mark.parametrize("kind,column", list(_params()))
def test_fault_cell(kind, column, setup, ews, monkeypatch):
    record = cell(kind, column)
    expected = EXPECTED[kind]
    timeout = DELAY_TIMEOUT if kind == "delay" else 5
    profile = setup.profile(f"Matrix {kind} {column}", timeout_seconds=timeout)
    env = CELL_CLASSES[column](setup, ews, profile)
    mailbox, workload = env.mailbox, env.workload
    unauthorized_before = ews.stats.unauthorized(env.email)

    operation = OPERATION[column]
    served_before = ews.stats.count(operation=None if operation == "*" else operation, account=env.email)
    fault = ews.faults.inject(kind, account=env.email, operation=operation, count=None, **FAULT_PARAMS.get(kind, {}))
    try:
        if column == "test":
            report = run_mailbox_test(mailbox.id)
            failed_ok = report.status is RunStatus.FAILURE
        else:
            results = Scheduler().run_once([mailbox.id])
            failed_ok = [r.workload for r in results] == [workload] and results[0].failure is not None
    except BaseException:
        ews.faults.clear(account=env.email)
        raise
    if kind != "http401":  # a refused logon stays refused while its retries run (below)
        ews.faults.clear(account=env.email)
    _wait_for_late_answers(ews, env.email, operation, fault, served_before)
    logons = ews.stats.unauthorized(env.email) - unauthorized_before

    # what the failure left ----------------------------------------------------------------
    fresh = Mailbox.get_by_id(mailbox.id)
    alerts = _open_failure_alerts(fresh)
    record.level = alerts[0].level.value if len(alerts) == 1 else "/".join(a.level.value for a in alerts)
    record.code = alerts[0].error_code if len(alerts) == 1 else "/".join(a.error_code for a in alerts)
    states = {s.workload: s for s in WorkloadState.select().where(WorkloadState.mailbox == mailbox.id)}
    watched = workload or min(states, key=lambda w: w.value)  # Test & Enable: every workload waits alike
    enabled = [getattr(fresh, f"{w.value}_enabled") for w in states]
    record.disabled = not any(enabled)
    state = states[watched]
    backoff = None if state.next_run_on is None else state.next_run_on - state.last_run_on
    retry_minutes = _minutes(backoff)
    record.retry = "none" if retry_minutes is None else f"in {retry_minutes} min"
    if kind == "http401":
        record.notes.append(f"{logons} failed logons in the failing {'test' if column == 'test' else 'cycle'}")

    # the scheduler: not before the next run, and never when disabled
    now = utcnow()
    too_early = Scheduler(clock=lambda: now + (backoff or timedelta(days=1)) - timedelta(seconds=5)).run_due()

    if kind == "http401":
        try:
            retries = _drive_logon_retries(ews, env.email, state)
        finally:
            ews.faults.clear(account=env.email)
        record.notes.append(retries.note())

    # recovery ---------------------------------------------------------------------------------
    if column == "test" or expected.disabled or kind == "http401":
        retest = run_mailbox_test(mailbox.id)
        retest_ok = retest.status is RunStatus.SUCCESS
        at = utcnow() + claim_lease(fresh) + timedelta(seconds=1)  # a Sending claim left by the failure ran out
        record.recovery = "Test & Enable" + ("" if column == "test" else ", then a cycle")
    else:
        retest_ok = True
        at = state.next_run_on + timedelta(seconds=1)
        record.recovery = f"scheduled retry ({record.retry})"
    with monkeypatch.context() as clock:
        clock.setattr("app.sync.outgoing.utcnow", lambda: at)  # the clock of the claim's lease
        recovered = [] if column == "test" else Scheduler(clock=lambda: at).run_due()

    after = Mailbox.get_by_id(mailbox.id)
    information = (
        Alert.select()
        .where(
            (Alert.mailbox == mailbox.id) & (Alert.level == AlertLevel.INFORMATION) & (Alert.error_code == "Recovered")
        )
        .count()
    )
    still_open = _open_failure_alerts(after)
    record.closed = f"{len(still_open)} (Information alert: {'yes' if information else 'no'})"
    consistent, record.consistency = env.consistency()

    # assertions -------------------------------------------------------------------------------
    assert failed_ok, "the cycle (or test) ran into the fault"
    assert len(alerts) == 1, [(a.level, a.error_code) for a in alerts]
    assert alerts[0].level.value == expected.level and expected.code_ok(alerts[0].error_code), (
        alerts[0].level,
        alerts[0].error_code,
        alerts[0].details,
    )
    if workload is not None:
        assert alerts[0].workload is workload
    assert record.disabled == (expected.disabled or column == "test")
    assert retry_minutes == expected.retry_minutes, state.backoff_reason
    if kind == "http401":
        assert logons <= 3, f"{logons} failed logons in one cycle: a 401 must never be retried in a loop"
        retries.check()
    assert too_early == [], "nothing runs before the back-off ends (or at all while disabled)"
    assert retest_ok
    if column != "test":
        assert [(r.workload, r.failure) for r in recovered] == [(workload, None)], recovered
        assert getattr(after, f"{workload.value}_enabled")
    assert information >= 1, "recovery raises an Information alert"
    assert still_open == [], [(a.level, a.error_code) for a in still_open]
    assert consistent, record.consistency


def test_the_matrix_page_is_current():
    """docs/reliability-matrix.md is what the cells above produced in this run (or is written now)."""
    if not complete():
        pytest.skip("only part of the matrix ran (a -k or node selection)")
    page = render(XFAIL)
    if write_docs_requested():
        MATRIX_PAGE.write_text(page, encoding="utf-8")
        return
    committed = MATRIX_PAGE.read_text(encoding="utf-8") if MATRIX_PAGE.exists() else ""
    assert committed == page, (
        f"{MATRIX_PAGE.name} differs from this run's results; if the change is intended, write it again with "
        f"{WRITE_DOCS_ENV}=1 .venv/bin/python -m pytest tests/reliability/test_fault_matrix.py"
    )
