"""Runs every enabled workload of every mailbox on its own schedule (docs/product-rules.md §5,
Scheduling). No Qt.

``Scheduler(workloads=..., clock=...)``:
- ``run_once(mailbox_ids=None)``: one cycle of every eligible workload now (``sync --once``);
- ``run_due()``: one cycle of what is due by the clock (what the loop does; tests call it with
  an injected clock, so no test waits for real time);
- ``start()`` / ``stop()``: the background loop (``python -m app run``, the GUI's engine);
- ``sync_now(mailbox_id=None)``, ``pause()``, ``resume()``.

Eligible: an approved mailbox with a profile, a workload whose method is server-side sync and
which is enabled — or which waits for the retry of a failed Test & Enable (``WorkloadState.retry_test``:
its test failed and a retry may fix it, or the mailbox's logon was refused). Those are retried by
testing them again, one test per mailbox for all its waiting workloads (one logon), when their
retry is due: a success enables them, a failure escalates (app.store.health). A retry is never
forced by Sync now, so refused logons stay minutes apart. At most ``max_connections`` workload
runs per profile at once (the HTTP gate in app.exchange.net bounds the requests themselves). A
cycle runs in one process at a time across every process on the store (the window and ``run``,
two ``sync --once``): it is claimed as the lease ``mailbox:<id>:<workload>`` (app.store.leases),
renewed while it runs and released after its next run is stored; a cycle another process holds
is skipped (``CycleResult.skipped``: no failure, no alert) and, in the loop, not tried again for
``held_retry``. When a cycle ends its next run is stored in WorkloadState.next_run_on (rules in
app.domain.schedule) and the earliest of the mailbox's workloads in Mailbox.next_sync_on;
back-off reasons and retry times are written by escalation (health.py). A job runs by the
scheduler's clock (``clock_as``), so what escalation stores agrees with it.

With ``push`` (the window and ``run``), Exchange's notifications decide when the workloads of a
watched mailbox run (app.sync.notifications): a change notified makes them due now (``notify``;
never during a pause or a back-off), and a due cycle with nothing to do is quiet — not run, only
its next run moved (all of a pass's quiet cycles in one transaction). A pull mailbox's due cycle
is preceded by its check (one GetEvents), in a thread that counts among the profile's runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Protocol

from peewee import Expression

from app.domain import schedule
from app.domain.enums import ApprovalStatus, CredentialSource, RunStatus, SyncMethod, Workload
from app.domain.escalation import Failure, backoff_for
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.timeunit import minutes
from app.store import leases, search_index
from app.store.base import clock_as, database, utcnow
from app.store.db import failure_of
from app.store.health import record_failure
from app.store.models import Mailbox, Queue, ServerProfile, SystemUser, WorkloadState
from app.sync.housekeeping import Housekeeping

if TYPE_CHECKING:
    from app.sync.notifications import Notifications, Plan

log = logging.getLogger(__name__)


class WorkloadOutcome(Protocol):
    """What a workload returns: app.sync.session's WorkloadRun (not imported: it brings exchangelib)."""

    @property
    def created(self) -> int: ...
    @property
    def updated(self) -> int: ...
    @property
    def deleted(self) -> int: ...
    @property
    def failure(self) -> Failure | None: ...


WorkloadFn = Callable[[Mailbox], WorkloadOutcome]
# the retry of a failed Test & Enable: test these workloads of the mailbox again; the first failure
RetestFn = Callable[[int, list[Workload]], Failure | None]


def default_workloads() -> dict[Workload, WorkloadFn]:
    """The real workloads. Imported when first needed (through app.exchange they bring
    exchangelib); a missing module is an ImportError here, never a workload quietly "not available"."""
    from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks
    from app.sync.incoming import sync_incoming
    from app.sync.outgoing import sync_outgoing

    return {
        Workload.INCOMING: sync_incoming,
        Workload.OUTGOING: sync_outgoing,
        Workload.ACT: sync_appointments_contacts_tasks,
    }


def default_retest(mailbox_id: int, workloads: list[Workload]) -> Failure | None:
    """Test & Enable of *workloads* again (app.diagnostics: recorded like the admin's test, the
    success enables them); the first failure, None when it passed."""
    from app.diagnostics.steps import run_mailbox_test

    report = run_mailbox_test(mailbox_id, workloads=workloads)
    return next((step.failure for step in report.steps if step.failure is not None), None)


_METHOD = {Workload.INCOMING: "incoming_method", Workload.OUTGOING: "outgoing_method", Workload.ACT: "act_method"}
_ENABLED = {Workload.INCOMING: "incoming_enabled", Workload.OUTGOING: "outgoing_enabled", Workload.ACT: "act_enabled"}
INTERNAL_ERROR = "InternalError"
# a cycle refused because its profile's connections are all in use (by other processes or hosts) is
# tried again this soon: one of them frees up within a cycle, unlike a cycle another process runs
BUDGET_RETRY = timedelta(seconds=1)


@dataclass(frozen=True)
class Job:
    mailbox_id: int
    email: str
    profile_id: int
    limit: int  # the profile's maximum concurrent connections
    min_polling: timedelta
    workload: Workload
    next_run_on: datetime | None = None
    retest: tuple[Workload, ...] = ()  # not a sync cycle: the retry of these workloads' failed test
    impersonated: bool = False  # the profile's account reaches the mailbox through impersonation
    owner_id: int | None = None  # the user who owns the mailbox
    backing_off: bool = False  # waiting for the back-off of a transient failure

    @property
    def key(self) -> tuple[int, Workload]:
        return self.mailbox_id, self.workload


@dataclass
class CycleResult:
    mailbox_id: int
    email: str
    workload: Workload
    created: int = 0
    updated: int = 0
    deleted: int = 0
    failure: Failure | None = None
    next_run_on: datetime | None = None
    skipped: bool = False  # another process was running this cycle: nothing done here
    retest: bool = False  # the retry of a failed Test & Enable (a success enabled the workloads)
    held: bool = False  # not run: the mailbox's logon was refused and its retry is scheduled
    quiet: bool = False  # not run: notifications said nothing changed (push), only its next run moved

    @property
    def ok(self) -> bool:
        return self.failure is None

    @property
    def items(self) -> int:
        return self.created + self.updated + self.deleted

    def summary(self) -> str:
        if self.skipped:
            return f"{self.email} {self.workload.value}: skipped, another process is synchronizing it"
        if self.quiet:
            return f"{self.email} {self.workload.value}: nothing notified, not run"
        if self.held:
            text = "held until the retry of a refused logon"
        elif self.retest:
            text = "retried Test & Enable: " + (
                f"FAILED {self.failure.code}: {self.failure.message}" if self.failure else "passed, enabled"
            )
        elif self.failure is None:
            text = f"created {self.created}, updated {self.updated}, deleted {self.deleted}"
        else:
            text = f"FAILED {self.failure.code}: {self.failure.message}"
        return f"{self.email} {self.workload.value}: {text}"


def active_mailboxes() -> Expression:
    """The condition of a mailbox that may be synchronized: itself and its owner active (schema 7)."""
    active_users = SystemUser.select(SystemUser.id).where(SystemUser.is_active == True)  # noqa: E712 - peewee expression
    active_queues = Queue.select(Queue.id).where(Queue.is_active == True)  # noqa: E712 - peewee expression
    return (
        (Mailbox.is_active == True)  # noqa: E712 - peewee expression
        & (Mailbox.owner_user.is_null() | Mailbox.owner_user.in_(active_users))
        & (Mailbox.owner_queue.is_null() | Mailbox.owner_queue.in_(active_queues))
    )


def eligible_jobs(mailbox_ids: Iterable[int] | None = None) -> list[Job]:
    """Every enabled server-side workload of every approved mailbox that has a profile, and for
    each such mailbox one retry of the workloads waiting for it (``Job.retest``)."""
    query = (
        Mailbox.select(Mailbox, ServerProfile)
        .join(ServerProfile)
        .where((Mailbox.approval == ApprovalStatus.APPROVED) & active_mailboxes())
    )
    if mailbox_ids is not None:
        query = query.where(Mailbox.id.in_(list(mailbox_ids)))
    mailboxes = list(query)
    if not mailboxes:
        return []
    states = {
        (s.mailbox_id, s.workload): s
        for s in WorkloadState.select().where(WorkloadState.mailbox.in_([m.id for m in mailboxes]))
    }
    jobs = []
    # refused logons with a profile's account: one retry (one logon) for all its mailboxes at a time
    one_per_account: dict[int, Job] = {}
    for mailbox in mailboxes:
        profile = mailbox.profile
        assert profile is not None  # the inner join above
        limit, min_polling = max(1, profile.max_connections), minutes(profile.min_polling_minutes)
        impersonated = profile.use_impersonation and profile.credential_source is CredentialSource.PROFILE
        retest: list[Workload] = []
        for workload in Workload:
            if getattr(mailbox, _METHOD[workload]) is not SyncMethod.SERVER_SIDE:
                continue
            state = states.get((mailbox.id, workload))
            if state is not None and state.retry_test:
                retest.append(workload)
            elif getattr(mailbox, _ENABLED[workload]):
                jobs.append(
                    Job(
                        mailbox.id,
                        mailbox.email,
                        profile.id,
                        limit,
                        min_polling,
                        workload,
                        state.next_run_on if state is not None else None,
                        impersonated=impersonated,
                        owner_id=mailbox.owner_user_id,
                        backing_off=state is not None and state.consecutive_transient_failures > 0,
                    )
                )
        if retest:
            due = schedule.earliest(states[(mailbox.id, w)].next_run_on for w in retest)
            job = Job(mailbox.id, mailbox.email, profile.id, limit, min_polling, retest[0], due, tuple(retest))
            refused = any(states[(mailbox.id, w)].authentication_failures > 0 for w in retest)
            if refused and profile.credential_source is CredentialSource.PROFILE:
                chosen = one_per_account.get(profile.id)
                if chosen is None or _earlier(job, chosen):
                    one_per_account[profile.id] = job
                continue
            jobs.append(job)
    return jobs + list(one_per_account.values())


def _earlier(job: Job, other: Job) -> bool:
    never = datetime.min.replace(tzinfo=timezone.utc)
    return (job.next_run_on or never, job.mailbox_id) < (other.next_run_on or never, other.mailbox_id)


class Scheduler:
    def __init__(
        self,
        workloads: Mapping[Workload, WorkloadFn] | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        max_parallel: int = 32,
        wait_cap: float = 30.0,
        on_result: Callable[[CycleResult], None] | None = None,
        retest: RetestFn | None = None,
        lease_ttl: timedelta = leases.DEFAULT_TTL,
        held_retry: timedelta | None = None,
        holder: str | None = None,
        claim_due_only: bool = False,
        push: bool = False,
    ) -> None:
        self._workloads = dict(workloads or {})
        self._retest = retest or default_retest
        self._clock = clock
        self._max_parallel = max_parallel
        self._wait_cap = wait_cap  # longest sleep: a wall clock that jumped (sleep) is noticed by then
        self._on_result = on_result
        self._cond = threading.Condition()
        self._active: dict[int, int] = {}  # profile id -> workload runs in progress
        self._running: set[tuple[int, Workload]] = set()
        self._threads: set[threading.Thread] = set()
        self._forced: set[tuple[int, Workload]] = set()
        self._streaks: dict[tuple[int, Workload], int] = {}
        self._holder = holder or leases.new_holder()  # this scheduler's name on the leases it holds
        # an engine host of a fleet: a claimed cycle runs only when the store still has it due (another
        # host may have run it between this host's reading of the schedule and its claim)
        self._claim_due_only = claim_due_only
        self._lease_ttl = lease_ttl
        self._held_retry = held_retry if held_retry is not None else timedelta(seconds=wait_cap)
        self._held_until: dict[tuple[int, Workload], datetime] = {}  # skipped: another process has it
        # a retry whose outcome could not be recorded (the store failing) waits here, not in the store
        self._retest_not_before: dict[tuple[int, Workload], datetime] = {}
        self._paused = False
        self._stopping = False
        self._wake = False
        self._loop_thread: threading.Thread | None = None
        self._schedule_failing = False  # the store failed the loop's last read: said once, until it answers
        self.housekeeping = Housekeeping()  # the loop prunes the history once an hour
        self._notified: set[tuple[int, Workload]] = set()  # changes Exchange notified: due now
        self._checking: set[int] = set()  # mailboxes whose pull check runs
        self.push: Notifications | None = None
        if push:
            from app.sync.notifications import Notifications

            self.push = Notifications(clock=clock, notify=self.notify)

    # -- what the GUI and the CLI call --------------------------------------------------
    def run_once(self, mailbox_ids: Iterable[int] | None = None) -> list[CycleResult]:
        """One cycle of every eligible workload (of the given mailboxes) now, whatever is due; a
        retry of a failed test only when it is due (refused logons stay minutes apart)."""
        now = self._clock()
        return self.run_jobs([j for j in eligible_jobs(mailbox_ids) if not j.retest or self._is_due(j, now)])

    def run_due(self) -> list[CycleResult]:
        """One cycle of every workload that is due by the clock (overdue ones run once), or
        notified (with ``push``: planned, see app.sync.notifications)."""
        now = self._clock()
        jobs = eligible_jobs()
        if self.push is not None:
            self.push.update(jobs)
        with self._cond:
            notified = set(self._notified)
        due = [j for j in jobs if self._is_due(j, now) or self._notified_due(j, notified)]
        return self.run_jobs(due, plan=self.push is not None)

    def run_jobs(self, jobs: list[Job], *, plan: bool = False) -> list[CycleResult]:
        """Run *jobs*, at most each profile's limit at once, and wait for all of them. With
        *plan*, each is planned first (push: quiet ones are not run, a pull mailbox is checked)."""
        results: list[CycleResult] = []
        pending = list(jobs)
        quiet: list[Job] = []
        checked: set[int] = set()  # mailboxes checked in this call: planned at most once after it
        with self._cond:
            while len(results) < len(jobs):
                now = self._clock()
                for job in list(pending):
                    chosen = self._plan(job, now) if plan else None
                    if chosen is not None and chosen.action == "check" and job.mailbox_id in checked:
                        if job.mailbox_id in self._checking:
                            continue
                        chosen = None  # checked, and still undecided: run it as without push
                    if chosen is not None and chosen.action == "quiet":
                        quiet.append(job)
                        results.append(CycleResult(job.mailbox_id, job.email, job.workload, quiet=True))
                        pending.remove(job)
                    elif chosen is not None and chosen.action == "check":
                        if job.mailbox_id not in self._checking and self._can_start(job):
                            self._start_check(job)
                            checked.add(job.mailbox_id)
                    elif self._can_start(job):
                        self._start(job, results, chosen)
                        pending.remove(job)
                if len(results) < len(jobs):
                    self._cond.wait(self._wait_cap)
        self._reschedule_quiet(quiet)
        return results

    def notify(self, mailbox_id: int, workloads: Iterable[Workload]) -> None:
        """Exchange notified a change of these workloads' folders: they are due now (app.sync.notifications)."""
        with self._cond:
            self._notified |= {(mailbox_id, w) for w in workloads}
            self._wake = True
            self._cond.notify_all()

    @staticmethod
    def _notified_due(job: Job, notified: set[tuple[int, Workload]]) -> bool:
        """A notified change makes a cycle due, but never the retry of a test nor a back-off's wait."""
        return job.key in notified and not job.retest and not job.backing_off

    def sync_now(self, mailbox_id: int | None = None) -> int:
        """Run the mailbox's (or every mailbox's) enabled workloads at once — even while paused
        or backing off; returns how many were queued. Needs the loop (``start``). A retry of a
        failed test keeps its time (Test & Enable is how the admin tries at once)."""
        keys = {j.key for j in eligible_jobs(None if mailbox_id is None else [mailbox_id]) if not j.retest}
        with self._cond:
            self._forced |= keys
            self._wake = True
            self._cond.notify_all()
        return len(keys)

    def pause(self) -> None:
        """No new scheduled cycles until ``resume``; cycles in progress finish."""
        with self._cond:
            self._paused = True
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._wake = True
            self._cond.notify_all()

    @property
    def paused(self) -> bool:
        return self._paused

    def busy(self) -> bool:
        """Workload runs (or pull checks) in progress."""
        with self._cond:
            return bool(self._running or self._checking)

    def active(self, profile_id: int) -> int:
        """Workload runs of the profile in progress."""
        with self._cond:
            return self._active.get(profile_id, 0)

    def start(self) -> None:
        if self._loop_thread is not None:
            return
        self._stopping = False
        self._loop_thread = threading.Thread(target=self._loop, name="sync-scheduler", daemon=True)
        self._loop_thread.start()

    def stop(self, timeout: float | None = None) -> bool:
        """Stop starting cycles and wait for those in progress; True when everything finished."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self.push is not None:
            self.push.stop(timeout)
        if self._loop_thread is not None:
            self._loop_thread.join(timeout)
            self._loop_thread = None
        with self._cond:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout)
        return not any(t.is_alive() for t in threads)

    # -- the loop --------------------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            now = self._clock()
            self.housekeeping.run_if_due(now)
            with self._cond:
                if self._stopping:
                    return
                paused, forced = self._paused, set(self._forced)
                held = {key: until for key, until in self._held_until.items() if until > now}
            try:
                jobs = eligible_jobs()
                if self._schedule_failing:
                    log.info("the sync schedule can be read again")
                self._schedule_failing = False
                if self.push is not None:
                    self.push.update(jobs)
            except Exception as exc:  # a locked or closing store: try again shortly, never die silently
                if failure_of(exc) is None:
                    log.exception("could not read the sync schedule")
                elif not self._schedule_failing:  # busy, damaged, read-only, unreachable: one line per outage
                    log.warning("could not read the sync schedule (retrying): %s", exc)
                self._schedule_failing = failure_of(exc) is not None
                jobs = []
            with self._cond:
                self._notified &= {j.key for j in jobs}  # of workloads still eligible
                notified = set(self._notified)
            due = [
                j
                for j in jobs
                if j.key not in held
                and (j.key in forced or (not paused and (self._is_due(j, now) or self._notified_due(j, notified))))
            ]
            quiet: list[Job] = []
            with self._cond:
                if self._stopping:
                    return
                blocked = False
                for job in due:
                    if job.key in self._running:
                        continue
                    chosen = None if job.key in forced else self._plan(job, now)
                    if chosen is not None and chosen.action == "quiet":
                        quiet.append(job)
                    elif chosen is not None and chosen.action == "check":
                        if job.mailbox_id in self._checking:
                            continue  # its check wakes us
                        if self._can_start(job):
                            self._start_check(job)
                        else:
                            blocked = True
                    elif self._can_start(job):
                        self._start(job, None, chosen)
                        self._forced.discard(job.key)
                    else:
                        blocked = True  # a finishing run wakes us
                due_keys = {j.key for j in due if j not in quiet}
                waiting = [
                    self._retry_at(j, held) for j in jobs if j.key not in self._running and j.key not in due_keys
                ]
                timeout = (
                    self._wait_cap
                    if (paused or blocked)
                    else schedule.seconds_until(schedule.earliest(waiting), now, cap=self._wait_cap)
                )
            if quiet and self._reschedule_quiet(quiet):
                timeout = 0  # their next runs are stored: look at the schedule again
            with self._cond:
                if not self._wake and not self._stopping and timeout > 0:
                    self._cond.wait(timeout)
                self._wake = False

    @staticmethod
    def _retry_at(job: Job, held: Mapping[tuple[int, Workload], datetime]) -> datetime | None:
        """When the loop looks at *job* again: its next run, or later while another process has it."""
        until = held.get(job.key)
        if until is None:
            return job.next_run_on
        return until if job.next_run_on is None else max(until, job.next_run_on)

    def _is_due(self, job: Job, now: datetime) -> bool:
        if job.retest and now < self._retest_not_before.get(job.key, now):
            return False
        return schedule.is_due(job.next_run_on, now)

    # -- one workload run --------------------------------------------------------------------
    def _can_start(self, job: Job) -> bool:
        return (
            job.key not in self._running
            and len(self._running) < self._max_parallel
            and self._active.get(job.profile_id, 0) < job.limit
        )

    def _start(self, job: Job, sink: list[CycleResult] | None, plan: Plan | None = None) -> threading.Thread:
        """Called with the condition held."""
        self._active[job.profile_id] = self._active.get(job.profile_id, 0) + 1
        self._running.add(job.key)
        self._notified.discard(job.key)
        thread = threading.Thread(
            target=self._run_job,
            args=(job, sink, plan),
            name=f"sync-{job.workload.value}-{job.mailbox_id}",
            daemon=True,
        )
        self._threads.add(thread)
        thread.start()
        return thread

    def _run_job(self, job: Job, sink: list[CycleResult] | None, plan: Plan | None = None) -> None:
        result = CycleResult(job.mailbox_id, job.email, job.workload, retest=bool(job.retest))
        try:
            if self._clock is utcnow:
                result = self._execute(job, plan)
            else:
                with clock_as(self._clock):  # an injected clock (tests): escalation's times follow it
                    result = self._execute(job, plan)
            if self._on_result is not None:
                self._on_result(result)
            if not (result.skipped or result.quiet or result.held):
                _index_new_rows()
        except Exception as exc:  # the loop must survive anything one run does
            result.failure = result.failure or escaped_failure(exc)
            if result.failure.code == INTERNAL_ERROR:
                log.exception("%s of %s: unexpected error", job.workload.value, job.email)
            else:  # the store busy, damaged or read-only (e.g. claiming the cycle's lease): one line,
                log.warning("%s of %s: %s", job.workload.value, job.email, exc)
                record_failure(job.mailbox_id, job.workload, result.failure)  # recorded once it is free
        finally:
            try:
                database.close()  # peewee connections are per thread: don't leak one per run
            except Exception:  # pragma: no cover - closing must not keep the slot taken
                log.exception("could not close the store connection")
            with self._cond:
                self._active[job.profile_id] -= 1
                self._running.discard(job.key)
                self._threads.discard(threading.current_thread())
                if sink is not None:
                    sink.append(result)
                self._wake = True
                self._cond.notify_all()

    def _workload_fn(self, workload: Workload) -> WorkloadFn:
        fn = self._workloads.get(workload)
        if fn is None:
            fn = self._workloads[workload] = default_workloads()[workload]
        return fn

    def _execute(self, job: Job, plan: Plan | None = None) -> CycleResult:
        if job.retest:
            return self._execute_retest(job)
        result = CycleResult(job.mailbox_id, job.email, job.workload)
        fn = self._workload_fn(job.workload)
        mailbox = Mailbox.get_or_none(Mailbox.id == job.mailbox_id)
        if mailbox is None:  # deleted while queued
            result.failure = Failure("MailboxNotFound", False, _N("Failures", "The mailbox was deleted."))
            return result
        name = leases.mailbox_lease_name(job.mailbox_id, job.workload.value)
        lease = leases.hold(
            name,
            self._holder,
            self._lease_ttl,
            profile_id=job.profile_id,
            budget=job.limit,  # the profile's connections: a budget of every process and host on the store
        )
        if lease is None:  # another process on this store runs this cycle: theirs, not a failure
            result.skipped = True
            if leases.is_held(name):
                log.info("%s of %s: skipped, another process is running it", job.workload.value, job.email)
                retry = self._held_retry
            else:  # nobody has it: the profile's connections are all in use across the store; soon again
                log.debug("%s of %s: waiting for a connection of its profile", job.workload.value, job.email)
                retry = min(self._held_retry, BUDGET_RETRY)
            with self._cond:
                self._held_until[job.key] = self._clock() + retry
            return result
        with self._cond:
            self._held_until.pop(job.key, None)
        if self._claim_due_only and not self._still_due(job):
            lease.release()  # run meanwhile by another host: nothing to do twice
            result.skipped = True
            return result
        if self._claim_due_only:
            log.info("claimed %s of %s (mailbox %s)", job.workload.value, job.email, job.mailbox_id)
        with lease:  # released once the next run is stored, so the other process sees it
            escaped = self._run_pushed(fn, mailbox, job, result, plan)
            result.next_run_on = self._reschedule(job, result, escaped=escaped)
        return result

    def _run_pushed(self, fn: WorkloadFn, mailbox: Mailbox, job: Job, result: CycleResult, plan: Plan | None) -> bool:
        """``_run_workload``, reading the Exchange folders the plan names (push; all without it)."""
        if self.push is None:
            return self._run_workload(fn, mailbox, job, result)
        from app.sync.notifications import RUN_ALL, reading

        plan = plan or RUN_ALL
        taken = self.push.begin(job, plan)
        ok = False
        try:
            with reading(plan):
                escaped = self._run_workload(fn, mailbox, job, result)
            ok = not escaped and result.failure is None and not result.held
            return escaped
        finally:
            self.push.finish(job, taken, ok)

    # -- push (app.sync.notifications) -------------------------------------------------------
    def _plan(self, job: Job, now: datetime) -> Plan | None:
        """What a due job does with push (None: run it, reading everything); never a retry."""
        if self.push is None or job.retest:
            return None
        try:
            return self.push.plan(job, now)
        except Exception as exc:  # noqa: BLE001 - the store busy: run the cycle as without push
            log.warning("could not plan %s of %s: %s", job.workload.value, job.email, exc)
            return None

    def _start_check(self, job: Job) -> None:
        """The pull check of *job*'s mailbox in a thread (one of the profile's runs). Called with
        the condition held."""
        self._active[job.profile_id] = self._active.get(job.profile_id, 0) + 1
        self._checking.add(job.mailbox_id)

        def check() -> None:
            try:
                assert self.push is not None
                if self._clock is utcnow:
                    self.push.check(job)
                else:
                    with clock_as(self._clock):
                        self.push.check(job)
            finally:
                with self._cond:
                    self._active[job.profile_id] -= 1
                    self._checking.discard(job.mailbox_id)
                    self._threads.discard(threading.current_thread())
                    self._wake = True
                    self._cond.notify_all()

        thread = threading.Thread(target=check, name=f"sync-check-{job.mailbox_id}", daemon=True)
        self._threads.add(thread)
        thread.start()

    def _reschedule_quiet(self, jobs: list[Job]) -> bool:
        """The next run of each quiet cycle (an empty cycle for the schedule), stored for all of
        them at once; False when the store could not."""
        if not jobs or self.push is None:
            return False
        from app.sync.notifications import store_quiet_runs

        empty = schedule.CycleOutcome()
        streaks = {j.key: schedule.empty_streak_after(self._streaks.get(j.key, 0), empty) for j in jobs}
        try:
            store_quiet_runs(jobs, self._clock(), streaks)
        except Exception as exc:  # noqa: BLE001 - the store busy: they are planned again next pass
            log.warning("could not store the next runs of %d quiet cycles: %s", len(jobs), exc)
            return False
        self._streaks.update(streaks)
        with self._cond:
            self._notified -= set(streaks)
        for job in jobs:
            self.push.quiet(job)
        return True

    def _still_due(self, job: Job) -> bool:
        state = WorkloadState.get_or_none(
            (WorkloadState.mailbox == job.mailbox_id) & (WorkloadState.workload == job.workload)
        )
        return state is None or schedule.is_due(state.next_run_on, self._clock())

    def _run_workload(self, fn: WorkloadFn, mailbox: Mailbox, job: Job, result: CycleResult) -> bool:
        """Run the workload into *result*; True when its exception escaped (no alert recorded by it)."""
        try:
            run = fn(mailbox)
            result.created, result.updated, result.deleted = run.created, run.updated, run.deleted
            result.failure = run.failure
            result.held = bool(getattr(run, "held", False))
        except Exception as exc:  # workloads escalate their own failures; what escapes them is the store
            # failing under the workload's own frame (busy, damaged, read-only, unreachable), or a bug in one
            result.failure = escaped_failure(exc)
            if result.failure.code == INTERNAL_ERROR:
                log.exception("%s of %s raised", job.workload.value, job.email)
            else:
                log.warning("%s of %s failed: %s", job.workload.value, job.email, exc)
                record_failure(job.mailbox_id, job.workload, result.failure)  # now that the store may be free
            return True
        return False

    def _execute_retest(self, job: Job) -> CycleResult:
        """Retry a failed Test & Enable: the test records and escalates its outcome itself (the
        next retry, or the workloads enabled, or disabled with an Error). Claimed like a cycle, so
        two processes on one store never retry the same logon twice."""
        result = CycleResult(job.mailbox_id, job.email, job.workload, retest=True)
        if Mailbox.get_or_none(Mailbox.id == job.mailbox_id) is None:  # deleted while queued
            result.failure = Failure("MailboxNotFound", False, _N("Failures", "The mailbox was deleted."))
            return result
        lease = leases.hold(leases.mailbox_lease_name(job.mailbox_id, "retest"), self._holder, self._lease_ttl)
        if lease is None:
            log.info("the retry of %s's test: skipped, another process is running it", job.email)
            result.skipped = True
            with self._cond:
                self._held_until[job.key] = self._clock() + self._held_retry
            return result
        with self._cond:
            self._held_until.pop(job.key, None)
        with lease:
            self._run_retest(job, result)
        return result

    def _run_retest(self, job: Job, result: CycleResult) -> None:
        log.info("retrying the failed test of %s (%s)", job.email, ", ".join(w.value for w in job.retest))
        try:
            result.failure = self._retest(job.mailbox_id, list(job.retest))
        except Exception as exc:  # noqa: BLE001 - the test could not record its outcome (the store failing):
            # never retried at once, which could mean a refused logon in a loop
            result.failure = escaped_failure(exc)
            log.warning("the retried test of %s failed: %s", job.email, exc)
            self._retest_not_before[job.key] = self._clock() + backoff_for(result.failure)
            for workload in job.retest:
                record_failure(job.mailbox_id, workload, result.failure)
            return
        self._retest_not_before.pop(job.key, None)
        with database.atomic("IMMEDIATE"):
            mailbox = Mailbox.get_or_none(Mailbox.id == job.mailbox_id)
            if mailbox is None:
                return
            _store_mailbox_summary(mailbox)
            states = WorkloadState.select().where(
                (WorkloadState.mailbox == mailbox.id) & WorkloadState.workload.in_(list(job.retest))
            )
            result.next_run_on = schedule.earliest(s.next_run_on for s in states)

    def _reschedule(self, job: Job, result: CycleResult, *, escaped: bool = False) -> datetime | None:
        failure = result.failure
        backoff = None
        if failure is not None and failure.transient:
            from app.store.repo import system_settings

            backoff = backoff_for(failure, minutes(system_settings().default_backoff_minutes))
        outcome = schedule.CycleOutcome(items=result.items, failed=failure is not None, backoff=backoff)
        streak = schedule.empty_streak_after(self._streaks.get(job.key, 0), outcome)
        self._streaks[job.key] = streak
        now = self._clock()
        with database.atomic("IMMEDIATE"):
            mailbox = Mailbox.get_or_none(Mailbox.id == job.mailbox_id)
            if mailbox is None:
                return None
            state, _ = WorkloadState.get_or_create(mailbox=mailbox, workload=job.workload)
            enabled = getattr(mailbox, _ENABLED[job.workload])
            if state.retry_test:  # a refused logon (or a held run): its retry, a test, keeps its time
                _store_mailbox_summary(mailbox)
                retry_on: datetime | None = state.next_run_on
                return retry_on
            # a disabled workload waits for Test & Enable, not for the clock
            next_run = schedule.next_run_after(now, outcome, streak, job.min_polling) if enabled else None
            state.next_run_on = next_run
            if failure is not None and escaped and next_run is not None:
                state.backoff_reason = f"{failure.code}: retry at {next_run:%H:%M} UTC"
            state.save()
            _store_mailbox_summary(mailbox)
        return next_run


def _index_new_rows() -> None:
    """Put the rows stored since the last catch-up (by this cycle, another, or the window) into the
    Records search (app.store.search_index); a search finds them meanwhile, so a failure here only
    waits for the next cycle."""
    try:
        search_index.catch_up()
    except Exception as exc:  # noqa: BLE001 - a busy or read-only store: the next cycle tries again
        log.warning("could not index the new records for search: %s", exc)


def escaped_failure(exc: BaseException) -> Failure:
    """The failure of a run whose exception escaped the workload's frame (so no alert could be
    recorded): classified when it is foreseeable (the store locked or unreachable, a folder not
    writable …), otherwise an internal error."""
    from app.exchange.errors import UNEXPECTED, classify

    failure = failure_of(exc) or classify(exc)  # a StoreError carries its own
    if failure.code != UNEXPECTED:
        return failure
    return Failure(
        INTERNAL_ERROR, True, _N("Failures", "The synchronization stopped on an internal error."), details=repr(exc)
    )


def _store_mailbox_summary(mailbox: Mailbox) -> None:
    """Mailbox.next_sync_on = the earliest next run (or retry) of its enabled workloads and of
    those waiting for the retry of their test (what the UI shows)."""
    states = list(WorkloadState.select().where(WorkloadState.mailbox == mailbox.id))
    enabled = {w for w in Workload if getattr(mailbox, _ENABLED[w])}
    next_sync = schedule.earliest(s.next_run_on for s in states if s.workload in enabled or s.retry_test)
    failures = max((s.consecutive_transient_failures for s in states), default=0)
    changes: dict[str, object] = {"next_sync_on": next_sync, "transient_failure_count": failures}
    tested = [w for w in Workload if getattr(mailbox, _METHOD[w]) is SyncMethod.SERVER_SIDE]
    if mailbox.mailbox_status is RunStatus.SUCCESS and tested and not any(w in enabled for w in tested):
        # every workload it synchronizes was disabled by failures since its test: not a Success
        changes["mailbox_status"] = RunStatus.FAILURE
    Mailbox.update(**changes).where(Mailbox.id == mailbox.id).execute()
