"""Push instead of poll: Exchange's notifications decide WHEN a mailbox's workloads run.

SyncFolderItems and its stored state stay the source of truth, read by the workloads as before:
a notification says that a folder changed, so its workload runs now ("sync now"), and a folder
nothing was said about is not read. A new mail is the one thing taken from the notification
itself: its item id is fetched and stored at once (GetItem, no SyncFolderItems), and the next
read of the Inbox meets it already linked.

Each mailbox with incoming email or appointments, contacts and tasks enabled is watched in one
of three ways, in the window and ``run`` (the scheduler's ``push``; ``sync --once`` and engine
hosts of a fleet poll):

- **streaming** (mailboxes reached through impersonation): one subscription per mailbox, made by
  the profile's account; a profile's mailboxes in groups of at most ``GROUP_SIZE``, each group
  on one held GetStreamingEvents connection (app.sync.notification_streams). The connections
  count among the profile's maximum connections, one is always left for synchronizing, and
  there are at most ``MAX_STREAMS``: the mailboxes no stream has room for are pulled instead;
- **pull** (their own credentials, or a profile's account without impersonation): when a
  workload is due, one GetEvents for the mailbox (``check``) tells which folders changed;
- **polling**, today's way: until the subscription is made (only with credentials that have
  logged on in this process), and after any failure (refused subscription, the subscription
  gone for good, a dropped connection): an Information alert says so, and the subscription is
  tried again later (``resubscribe_delay``).

For a due cycle of a watched mailbox, ``plan`` says: run it (its folders that changed; all of
them when the mailbox is polled, after a gap, and every ``SAFETY_NET``-th cycle), check first
(pull), or nothing to do ("quiet": the scheduler only moves its next run). Appointments,
contacts and tasks also run when the store's records or filters changed (``store_signature``:
their count, last id and last modified time, as the conflict policy reads modified times);
outgoing email when the mailbox has email to send. A subscription made anew is a gap: the
workloads read their folders whole once (the catch-up); one resumed from its watermark is not.
"""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from peewee import fn

from app.domain.enums import AlertLevel, AlertScope, EmailDirection, EmailStatus, Workload
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.timeunit import minutes
from app.store.base import database, is_set

if TYPE_CHECKING:
    from app.store.models import Mailbox
    from app.sync.notification_streams import StreamGroup
    from app.sync.scheduler import Job

log = logging.getLogger(__name__)

CTX = "Notifications"
STREAMING, PULL = "streaming", "pull"
SAFETY_NET = 12  # every 12th cycle of a watched workload reads its folders whatever was notified
GROUP_SIZE = 200  # mailboxes per streaming connection (Exchange's group of subscriptions)
MAX_STREAMS = 10  # held connections per profile's account (Exchange's default HangingConnectionLimit)
PULL_TIMEOUT_MINUTES = 60  # a pull subscription not read for this long expires (then: resumed)
FALLBACK_CODE = "NotificationsUnavailable"
FOLDERS: dict[Workload, frozenset[str]] = {
    Workload.INCOMING: frozenset({"inbox"}),
    Workload.ACT: frozenset({"calendar", "contacts", "tasks"}),
}
_FALLBACK_TEXT = {
    STREAMING: _N(
        CTX,
        "Exchange's streaming notifications stopped for this mailbox. It is synchronized on its "
        "schedule, by polling, until its subscription works again; nothing is lost meanwhile.",
    ),
    PULL: _N(
        CTX,
        "Exchange's pull notifications stopped for this mailbox. It is synchronized on its "
        "schedule, by polling, until its subscription works again; nothing is lost meanwhile.",
    ),
}
_FALLBACK_NEXT_STEP = _N(
    CTX,
    "Nothing needs to be done: the subscription is made again later. If this alert keeps coming, "
    "check that Exchange allows notifications (EWS subscriptions) for the account the mailbox "
    "logs on with.",
)

# what the running workload reads of Exchange, set around its run: the folders (None: all of
# them) and the new mail to fetch by item id
_folders_to_read: contextvars.ContextVar[frozenset[str] | None] = contextvars.ContextVar(
    "folders_to_read", default=None
)
_arrivals: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("arrivals", default=())


def reads_folder(folder: str) -> bool:
    """Whether the running workload reads *folder* (SyncFolderItems): not when notifications
    said nothing about it this cycle."""
    chosen = _folders_to_read.get()
    return chosen is None or folder in chosen


def notified_arrivals() -> tuple[str, ...]:
    """The item ids of new mail the running incoming cycle fetches as they are."""
    return _arrivals.get()


@contextmanager
def reading(plan: Plan) -> Iterator[None]:
    """The workload run inside reads what *plan* says of Exchange."""
    folders, arrivals = _folders_to_read.set(plan.folders), _arrivals.set(plan.arrivals)
    try:
        yield
    finally:
        _folders_to_read.reset(folders)
        _arrivals.reset(arrivals)


def resubscribe_delay(failures: int) -> timedelta:
    """How long a mailbox is polled after its *failures*-th failure in a row before its
    subscription is tried again: 5 minutes, doubling, at most an hour."""
    return minutes(min(60, 5 * 2 ** max(0, failures - 1)))


@dataclass(frozen=True)
class Plan:
    """What a due cycle does: ``run`` (reading *folders* of Exchange, None: all, and fetching the
    new mail *arrivals*), ``check`` (a pull mailbox's GetEvents first), or ``quiet`` (nothing to
    do: only its next run moves)."""

    action: str
    folders: frozenset[str] | None = None
    arrivals: tuple[str, ...] = ()


RUN_ALL = Plan("run")
CHECK = Plan("check")
QUIET = Plan("quiet")


@dataclass
class Watch:
    """What the engine knows of one watched mailbox's notifications (in memory: after a restart
    the mailbox is subscribed again and its folders read whole once)."""

    mailbox_id: int
    kind: str  # STREAMING or PULL
    profile_id: int
    workloads: set[Workload] = field(default_factory=set)  # its enabled workloads that read Exchange
    subscription: str | None = None
    watermark: str | None = None  # pull: where the next GetEvents starts
    names: dict[str, str] = field(default_factory=dict)  # folder id -> distinguished name
    live: bool = False  # events reach us (streaming: the stream is open with it; pull: subscribed)
    checked_at: datetime | None = None  # pull: the last check (the scheduler's clock)
    pending: set[str] = field(default_factory=set)  # folders changed and not read since
    arrivals: dict[str, None] = field(default_factory=dict)  # new mail not fetched yet (ordered)
    needs_full: set[Workload] = field(default_factory=set)  # a gap: read everything once
    partial: dict[Workload, int] = field(default_factory=dict)  # cycles since its folders were read whole
    act_seen: tuple[Any, ...] | None = None  # the store's signature when its last ACT cycle began
    failures: int = 0
    retry_at: datetime | None = None  # polled until then after a failure


@dataclass(frozen=True)
class PushState:
    """How one mailbox hears of changes now, for the window: STREAMING or PULL while its events
    reach the engine; else polled, with when its subscription is tried again."""

    kind: str  # STREAMING or PULL: what it is subscribed with (or will be again)
    live: bool
    retry_at: datetime | None = None  # polled until then (after a failure)


@dataclass
class Taken:
    """What a run took from its watch (given back when it fails)."""

    folders: set[str]
    arrivals: list[str]
    full: bool


class Notifications:
    """The scheduler's notifications (one per scheduler with ``push``): the watches of every
    watched mailbox, the pull checks, the streaming groups."""

    def __init__(
        self,
        *,
        clock: Callable[[], datetime],
        notify: Callable[[int, Iterable[Workload]], None],
        streaming: bool = True,
        poll_seconds: float = 5.0,
        stream_minutes: int = 30,
    ) -> None:
        # imported here, on the thread that makes the scheduler: the streams' and checks' threads
        # must never import exchangelib at the same time as another thread (half-initialized modules)
        import app.exchange.notifications
        import app.sync.notification_streams
        import app.sync.session  # noqa: F401

        self._clock = clock
        self._notify = notify  # the scheduler's: these workloads of the mailbox are due now
        self.streaming = streaming
        self.poll_seconds = poll_seconds  # how often a streaming group looks at what it waits for
        self.stream_minutes = stream_minutes  # ConnectionTimeout of a GetStreamingEvents (1-30)
        self.lock = threading.RLock()
        self._watches: dict[int, Watch] = {}
        self._groups: dict[tuple[int, int], StreamGroup] = {}
        self._signature: tuple[Any, ...] | None = None
        self._outgoing: set[int] | None = None
        self._stopped = False

    # -- membership (the scheduler's pass) ------------------------------------------------------
    def update(self, jobs: Iterable[Job]) -> None:
        """The eligible jobs of this pass: which mailboxes are watched, and how; the streaming
        groups follow. Also starts a new pass (the store's signatures are read again)."""
        self._signature = self._outgoing = None
        mailboxes: dict[int, Job] = {}
        workloads: dict[int, set[Workload]] = {}
        for job in jobs:
            if not job.retest and job.workload in FOLDERS:
                mailboxes.setdefault(job.mailbox_id, job)
                workloads.setdefault(job.mailbox_id, set()).add(job.workload)
        kinds = self._kinds(mailboxes)
        with self.lock:
            if self._stopped:
                return
            for mailbox_id in set(self._watches) - set(kinds):
                del self._watches[mailbox_id]
            for mailbox_id, kind in kinds.items():
                watch = self._watches.get(mailbox_id)
                if watch is None or watch.kind != kind:
                    watch = self._watches[mailbox_id] = Watch(mailbox_id, kind, mailboxes[mailbox_id].profile_id)
                watch.workloads = workloads[mailbox_id]
        if self.streaming:
            self._update_groups(mailboxes, kinds)

    def _kinds(self, mailboxes: dict[int, Job]) -> dict[int, str]:
        kinds: dict[int, str] = {}
        by_profile: dict[int, list[Job]] = {}
        for mailbox_id, job in mailboxes.items():
            if job.impersonated and self.streaming:
                by_profile.setdefault(job.profile_id, []).append(job)
            else:
                kinds[mailbox_id] = PULL
        for jobs in by_profile.values():
            jobs.sort(key=lambda j: j.mailbox_id)
            # one connection always left for synchronizing
            room = min(MAX_STREAMS, max(0, jobs[0].limit - 1)) * GROUP_SIZE
            for n, job in enumerate(jobs):
                kinds[job.mailbox_id] = STREAMING if n < room else PULL
        return kinds

    def _update_groups(self, mailboxes: dict[int, Job], kinds: dict[int, str]) -> None:
        from app.sync.notification_streams import StreamGroup

        wanted: dict[tuple[int, int], tuple[int, list[int]]] = {}
        by_profile: dict[int, list[int]] = {}
        for mailbox_id in sorted(m for m, kind in kinds.items() if kind == STREAMING):
            by_profile.setdefault(mailboxes[mailbox_id].profile_id, []).append(mailbox_id)
        for profile_id, ids in by_profile.items():
            for n in range(0, len(ids), GROUP_SIZE):
                wanted[(profile_id, n // GROUP_SIZE)] = (mailboxes[ids[0]].limit, ids[n : n + GROUP_SIZE])
        with self.lock:
            stale = {key: group for key, group in self._groups.items() if key not in wanted}
            for key in stale:
                del self._groups[key]
            for key, (limit, members) in wanted.items():
                group = self._groups.get(key)
                if group is None:
                    self._groups[key] = StreamGroup(self, key[0], limit, members)
                else:
                    group.retarget(limit, members)
        for group in stale.values():
            group.stop()

    def stop(self, timeout: float | None = None) -> None:
        """End the streams (their subscriptions expire on the server by themselves)."""
        with self.lock:
            self._stopped = True
            groups = list(self._groups.values())
            self._groups.clear()
        for group in groups:
            group.stop()
        for group in groups:
            group.join(timeout)

    # -- what the scheduler asks ----------------------------------------------------------------
    def states(self) -> dict[int, PushState]:
        """Every watched mailbox's state now (a copy: the window reads it on its own thread)."""
        with self.lock:
            return {m: PushState(w.kind, w.live, None if w.live else w.retry_at) for m, w in self._watches.items()}

    def watch_of(self, mailbox_id: int) -> Watch | None:
        with self.lock:
            return self._watches.get(mailbox_id)

    def plan(self, job: Job, now: datetime) -> Plan:
        """What the due (not forced) *job* does this cycle (see the module's description)."""
        with self.lock:
            watch = self._watches.get(job.mailbox_id)
            if watch is None:
                return RUN_ALL
            if job.workload is Workload.OUTGOING:
                return self._plan_outgoing(job, watch)
            # a pull mailbox is checked once its cycle is due by the schedule (a notified change
            # came from a check already)
            scheduled = job.next_run_on is None or job.next_run_on <= now
            due_since = job.next_run_on or datetime.min.replace(tzinfo=now.tzinfo)
            checked = not scheduled or (watch.checked_at is not None and watch.checked_at >= due_since)
            if not watch.live:
                retry_due = watch.retry_at is None or now >= watch.retry_at
                return CHECK if watch.kind == PULL and retry_due and not checked else RUN_ALL
            if job.workload in watch.needs_full:
                return RUN_ALL
            if watch.kind == PULL and not checked:
                return CHECK
            if watch.partial.get(job.workload, 0) >= SAFETY_NET - 1:
                return RUN_ALL  # the safety net: read the folders whatever was notified
            changed = FOLDERS[job.workload] & watch.pending
            if changed:
                return Plan("run", frozenset(changed))
            if job.workload is Workload.INCOMING and watch.arrivals:
                return Plan("run", frozenset(), tuple(watch.arrivals))  # new mail: fetched, no SyncFolderItems
            act_seen = watch.act_seen
        if job.workload is Workload.ACT and act_seen != self._act_signature(job):
            return Plan("run", frozenset())  # the store's side changed: Exchange's folders need no read
        return QUIET

    def _plan_outgoing(self, job: Job, watch: Watch) -> Plan:
        """Outgoing email of a watched mailbox runs when it has email to send (or to look for in
        Sent Items), and on the safety net."""
        if not watch.live or watch.partial.get(job.workload, 0) >= SAFETY_NET - 1:
            return RUN_ALL
        if self._outgoing is None:
            self._outgoing = _mailboxes_with_email_to_send()
        return RUN_ALL if job.mailbox_id in self._outgoing else QUIET

    def _act_signature(self, job: Job) -> tuple[Any, ...]:
        if self._signature is None:
            self._signature = store_signature()
        return (job.owner_id, self._signature)

    def quiet(self, job: Job) -> None:
        """*job*'s cycle was quiet (not run)."""
        with self.lock:
            watch = self._watches.get(job.mailbox_id)
            if watch is not None:
                watch.partial[job.workload] = watch.partial.get(job.workload, 0) + 1

    def begin(self, job: Job, plan: Plan) -> Taken | None:
        """A run of *job* starts: it takes the pending changes of the folders it reads."""
        signature = (job.owner_id, store_signature()) if job.workload is Workload.ACT else None
        with self.lock:
            watch = self._watches.get(job.mailbox_id)
            if watch is None:
                return None
            reads = FOLDERS.get(job.workload, frozenset()) if plan.folders is None else plan.folders
            # reading the Inbox meets every new mail; else the plan's are fetched
            fetched = list(watch.arrivals) if "inbox" in reads else [a for a in plan.arrivals if a in watch.arrivals]
            taken = Taken(
                set(reads & watch.pending), fetched if job.workload is Workload.INCOMING else [], plan.folders is None
            )
            watch.pending -= taken.folders
            for arrival in taken.arrivals:
                watch.arrivals.pop(arrival, None)
            if taken.full:
                watch.needs_full.discard(job.workload)
            if signature is not None:
                watch.act_seen = signature
            return taken

    def finish(self, job: Job, taken: Taken | None, ok: bool) -> None:
        """The run ended: a cycle that read its folders whole starts the count to the safety net
        again (one that read some of them counts as a cycle towards it); a failed one gives back
        what it took (nothing notified is lost to a failed cycle)."""
        if taken is None:
            return
        with self.lock:
            watch = self._watches.get(job.mailbox_id)
            if watch is None:
                return
            if ok:
                watch.partial[job.workload] = 0 if taken.full else watch.partial.get(job.workload, 0) + 1
                return
            watch.pending |= taken.folders
            watch.arrivals.update(dict.fromkeys(taken.arrivals))
            watch.act_seen = None
            if taken.full and job.workload in FOLDERS:
                watch.needs_full.add(job.workload)

    # -- changes -----------------------------------------------------------------------------
    def changed(self, mailbox_id: int, folders: set[str], arrivals: Iterable[str] = ()) -> None:
        """Exchange said *folders* of the mailbox changed, and new mail *arrivals* came: their
        workloads are due now."""
        arrivals = list(arrivals)
        workloads = [w for w, names in FOLDERS.items() if names & folders]
        if arrivals and Workload.INCOMING not in workloads:
            workloads.append(Workload.INCOMING)
        with self.lock:
            watch = self._watches.get(mailbox_id)
            workloads = [w for w in workloads if watch is not None and w in watch.workloads]
            if watch is None or not workloads:
                return
            watch.pending |= folders
            if Workload.INCOMING in workloads:
                watch.arrivals.update(dict.fromkeys(arrivals))
        log.debug("mailbox %s: %s changed, %d new mail", mailbox_id, ", ".join(sorted(folders)), len(arrivals))
        self._notify(mailbox_id, workloads)

    def went_live(self, watch: Watch, *, gap: bool) -> None:
        """*watch*'s events reach us now; after a *gap* its folders are read whole once, now."""
        with self.lock:
            watch.live, watch.failures, watch.retry_at = True, 0, None
            workloads = list(watch.workloads)
            if gap:
                watch.needs_full |= set(workloads)
        if gap:
            self._notify(watch.mailbox_id, workloads)

    def fall_back(self, watch: Watch, mailbox: Mailbox | None, error: BaseException | str) -> None:
        """A failure: *watch*'s mailbox is polled (its folders read whole every cycle) until its
        subscription is tried again; an Information alert says so."""
        from app.exchange.errors import classify

        failure = classify(error) if isinstance(error, BaseException) else None
        reason = f"{failure.code}: {failure.details or failure.message}" if failure else str(error)
        with self.lock:
            was_live = watch.live or watch.subscription is not None
            watch.live, watch.subscription = False, None
            if watch.kind == STREAMING:
                watch.watermark = None
            watch.failures += 1
            watch.retry_at = self._clock() + resubscribe_delay(watch.failures)
            retry_at = watch.retry_at
        log.info(
            "%s notifications of mailbox %s failed (%s); polled until %s",
            watch.kind,
            watch.mailbox_id,
            reason,
            retry_at,
        )
        if failure is not None and failure.authentication and mailbox is not None:
            from app.sync.session import logon_refused

            logon_refused(mailbox)
        if mailbox is not None and (was_live or watch.failures == 1):
            _alert(mailbox, watch.kind, reason)

    # -- pull --------------------------------------------------------------------------------
    def check(self, job: Job) -> None:
        """The pull check of *job*'s mailbox (a thread of the scheduler's): subscribe when it is
        not, else one GetEvents; its changed folders become pending. Never raises."""
        from app.store.models import Mailbox

        with self.lock:
            watch = self._watches.get(job.mailbox_id)
        if watch is None:
            return
        mailbox = Mailbox.get_or_none(Mailbox.id == job.mailbox_id)
        try:
            if mailbox is not None:
                self._check(watch, mailbox)
        except Exception as exc:  # noqa: BLE001 - any failure: the mailbox is polled (and told)
            self.fall_back(watch, mailbox, exc)
        finally:
            with self.lock:
                watch.checked_at = self._clock()
            database.close()  # a thread of its own: its store connection ends with it

    def _check(self, watch: Watch, mailbox: Mailbox) -> None:
        from app.exchange.notifications import SubscriptionGone, folder_ids, pull_changes
        from app.sync.session import logon_proven, mailbox_requests

        if not logon_proven(mailbox):
            return  # its cycles log on first (one wrong password at a time); subscribed next cycle
        with mailbox_requests(mailbox) as connection:
            if not watch.names:
                watch.names = folder_ids(connection)
            if watch.subscription is None:
                self._subscribe_pull(watch, connection)
                return  # nothing to read yet; after a gap, the catch-up reads the folders
            assert watch.watermark is not None
            try:
                pulled = pull_changes(connection, watch.subscription, watch.watermark, watch.names)
            except SubscriptionGone:  # expired (or dropped by the server): resumed from its watermark
                log.info("pull subscription of %s gone; resuming it from its watermark", mailbox.email)
                self._subscribe_pull(watch, connection)
                if not watch.live or watch.subscription is None or watch.watermark is None:
                    return
                pulled = pull_changes(connection, watch.subscription, watch.watermark, watch.names)
        with self.lock:
            watch.watermark = pulled.watermark
        if pulled.changes:
            self.changed(watch.mailbox_id, pulled.changes.folders, pulled.changes.arrivals)

    def _subscribe_pull(self, watch: Watch, connection: Any) -> None:
        from app.exchange.notifications import WatermarkRefused, subscribe_pull

        resumed = watch.watermark is not None
        try:
            sub_id, mark = subscribe_pull(connection, watch.watermark, PULL_TIMEOUT_MINUTES)
        except WatermarkRefused:
            resumed = False
            sub_id, mark = subscribe_pull(connection, None, PULL_TIMEOUT_MINUTES)
        with self.lock:
            watch.subscription, watch.watermark = sub_id, mark
        self.went_live(watch, gap=not resumed)


def store_quiet_runs(jobs: list[Job], now: datetime, streaks: dict[tuple[int, Workload], int]) -> None:
    """The next run of each quiet job (an empty cycle with its *streaks*, as app.domain.schedule
    says), one UPDATE per next run and workload, and its mailbox's next sync, in one transaction."""
    from app.domain import schedule
    from app.store.models import Mailbox, WorkloadState

    empty = schedule.CycleOutcome()
    groups: dict[tuple[datetime, Workload], list[int]] = {}
    for job in jobs:
        next_run = schedule.next_run_after(now, empty, streaks[job.key], job.min_polling)
        groups.setdefault((next_run, job.workload), []).append(job.mailbox_id)
    with database.atomic("IMMEDIATE"):
        for (next_run, workload), ids in groups.items():
            for chunk in _chunks(ids):
                WorkloadState.update(next_run_on=next_run).where(
                    (WorkloadState.workload == workload)
                    & WorkloadState.mailbox.in_(chunk)
                    & ~is_set(WorkloadState.retry_test)
                ).execute()
        for chunk in _chunks(sorted({job.mailbox_id for job in jobs})):
            Mailbox.update(next_sync_on=_earliest_next_run()).where(Mailbox.id.in_(chunk)).execute()


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _earliest_next_run() -> Any:
    """Mailbox.next_sync_on as the scheduler's summary says it, as one correlated subquery: the
    earliest next run of the mailbox's enabled workloads and of those waiting for a retried test."""
    from app.store.models import Mailbox, WorkloadState

    state = WorkloadState.alias()
    counted = is_set(state.retry_test)
    for workload in Workload:
        counted = counted | ((state.workload == workload) & is_set(getattr(Mailbox, f"{workload.value}_enabled")))
    return state.select(fn.MIN(state.next_run_on)).where((state.mailbox == Mailbox.id) & counted)


def store_signature() -> tuple[Any, ...]:
    """What a change of the store's appointments, contacts, tasks or synchronization filters
    changes: per table its count, last id and last modified time (the records' modified time is
    what the conflict policy reads too), the filters' count, last id and active ones."""
    from app.store.models import Appointment, Contact, FilterCriterion, SyncFilter, Task

    parts: list[Any] = []
    for model in (Appointment, Contact, Task):
        parts.append(tuple(model.select(fn.COUNT(model.id), fn.MAX(model.id), fn.MAX(model.modified_on)).tuples()))
    parts.append(
        tuple(SyncFilter.select(fn.COUNT(SyncFilter.id), fn.MAX(SyncFilter.id), fn.SUM(SyncFilter.is_active)).tuples())
    )
    parts.append(tuple(FilterCriterion.select(fn.COUNT(FilterCriterion.id), fn.MAX(FilterCriterion.id)).tuples()))
    return tuple(parts)


def _mailboxes_with_email_to_send() -> set[int]:
    """The mailboxes that have outgoing email to send or to look for (as app.sync.outgoing's
    ``pending_for`` selects it), in two queries for all mailboxes."""
    from app.store.models import EmailActivity, Mailbox

    waiting = cast(
        "list[tuple[int | None, int | None, str]]",  # peewee's stubs type .tuples() as yielding models
        list(
            EmailActivity.select(EmailActivity.owner_user, EmailActivity.owner_queue, EmailActivity.sender)
            .where(
                (EmailActivity.direction == EmailDirection.OUTGOING)
                & EmailActivity.status.in_([EmailStatus.PENDING_SEND, EmailStatus.SENDING])
            )
            .distinct()
            .tuples()
        ),
    )
    if not waiting:
        return set()
    found: set[int] = set()
    mailboxes = cast(
        "Iterable[tuple[int, int | None, int | None, str]]",
        Mailbox.select(Mailbox.id, Mailbox.owner_user, Mailbox.owner_queue, Mailbox.email).tuples(),
    )
    for mailbox_id, user, queue, email in mailboxes:
        for owner_user, owner_queue, sender in waiting:
            owned = owner_user == user if user is not None else (queue is not None and owner_queue == queue)
            if owned and (not sender or sender.lower() == email.lower()):
                found.add(mailbox_id)
                break
    return found


def _alert(mailbox: Mailbox, kind: str, reason: str) -> None:
    from app.store.alerts import raise_alert

    try:
        raise_alert(
            AlertLevel.INFORMATION,
            AlertScope.MAILBOX,
            FALLBACK_CODE,
            _FALLBACK_TEXT[kind],
            mailbox=mailbox,
            details=reason,
            context=CTX,
            next_step=_FALLBACK_NEXT_STEP,
        )
    except Exception:
        log.warning("could not record the notifications alert of %s", mailbox.email, exc_info=True)
