"""One workload cycle of one mailbox: the shared frame every sync workload runs in.

``run_workload(mailbox, workload, body)`` opens (or reuses) the mailbox's connection
(app.exchange.mailbox_connection), makes every request of the calling thread wait for a slot of
the profile's connection gate (maximum concurrent connections), records a SyncHistory row, and on
the way out turns the outcome into state: success → health.apply_success and
``last_sync_success_on``; an exception → classified, escalated (health.apply_failure: alert,
back-off or disable) and ``last_sync_error`` — never a traceback for the admin; then the
profile-wide "most mailboxes fail" rule. Connections are cached per mailbox so a second cycle
makes no version guess and no Autodiscover again.

One failed logon at a time: until a mailbox's credentials (as they are now) have logged on in
this process, its workloads run one after the other, and once a logon was refused none of them
tries again before the scheduled retry (``health.in_logon_hold``; the retry is a test, one logon).
So the workloads of one mailbox never send a wrong password several times at once.

The history's message is English (``message``) and translatable parts (``message_parts``):
workloads say what they did with ``run.note(...)``, templates marked in their own context.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from app.domain.cancel import Cancelled
from app.domain.enums import AlertLevel, RunStatus, Workload
from app.domain.escalation import Failure
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.i18n import parts_text
from app.exchange import net
from app.exchange.connection import ConnectionPlan, PreconditionFailed, plan_connection
from app.exchange.errors import classify, for_credentials
from app.exchange.mailbox_connection import MailboxConnection, connect
from app.store import alerts
from app.store.base import database, utcnow
from app.store.cycle_stats import CycleFigures, record_cycle
from app.store.health import (
    apply_failure,
    apply_success,
    credential_key,
    credential_source_of,
    in_logon_hold,
    is_enabled,
)
from app.store.models import Mailbox, SyncHistory

log = logging.getLogger(__name__)
CTX = "Sync"  # translation context of the history texts said here
NOTE_SEPARATOR = [CTX, "; ", {}]

_connections: dict[tuple[int, bool], tuple[str, MailboxConnection]] = {}
_connections_lock = threading.Lock()
_logon_locks: dict[tuple[str, int], threading.Lock] = {}
_logged_on: dict[tuple[str, int], str] = {}  # who logs on (health.credential_key) -> their credentials' hash


def _fingerprint(plan: ConnectionPlan) -> str:
    """Changes when anything the connection depends on changes (password included, hashed)."""
    parts = [
        plan.email,
        plan.username,
        plan.password,
        plan.auth_protocol.value,
        plan.ews_url or "",
        str(plan.use_impersonation),
        str(plan.timeout_seconds),
        str(plan.max_connections),
        plan.ca_file or "",
        str(plan.port),
    ]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def connection_for(mailbox: Mailbox, *, outgoing: bool = False) -> MailboxConnection:
    """The mailbox's connection, reused while its settings are unchanged."""
    plan = plan_connection(mailbox, outgoing=outgoing)
    key = (mailbox.id, outgoing)
    fingerprint = _fingerprint(plan)
    with _connections_lock:
        cached = _connections.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    connection = connect(plan)
    with _connections_lock:
        _connections[key] = (fingerprint, connection)
    return connection


def forget_connection(mailbox_id: int) -> None:
    with _connections_lock:
        for key in [k for k in _connections if k[0] == mailbox_id]:
            _connections.pop(key, None)
        _logged_on.pop(("mailbox", mailbox_id), None)


def _logon_identity(mailbox: Mailbox) -> tuple[tuple[str, int], str | None]:
    """Who logs on for the mailbox (its own account or its profile's) and a hash of the
    credentials it logs on with now (None when there are none to use: the run says why)."""
    key = credential_key(mailbox)
    try:
        plan = plan_connection(mailbox)
    except Exception:  # noqa: BLE001 - a precondition, the credential store …: the run itself says so
        return key, None
    parts = [plan.username, plan.password, plan.auth_protocol.value]
    return key, hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def _proven(key: tuple[str, int], fingerprint: str | None) -> bool:
    with _connections_lock:
        return fingerprint is not None and _logged_on.get(key) == fingerprint


@contextmanager
def _first_logon(mailbox: Mailbox) -> Iterator[bool]:
    """Yields True when the run must not log on: a logon with the mailbox's account was refused and
    its retry is scheduled. Until the account's credentials (as they are now) have logged on in
    this process, runs that log on with it take turns — the first logon tells the others — so a
    wrong password is sent once, not once per workload or per mailbox of a profile account."""
    key, fingerprint = _logon_identity(mailbox)
    if _proven(key, fingerprint):
        yield False
        return
    with _connections_lock:
        lock = _logon_locks.setdefault(key, threading.Lock())
    lock.acquire()
    locked = True
    try:
        if _proven(key, fingerprint):  # the run before this one logged on: no more turns
            lock.release()
            locked = False
            yield False
        else:
            yield in_logon_hold(mailbox)
    finally:
        if locked:
            lock.release()


def _logged_on_fine(mailbox: Mailbox) -> None:
    key, fingerprint = _logon_identity(mailbox)
    if fingerprint is not None:
        with _connections_lock:
            _logged_on[key] = fingerprint


def _logon_refused(mailbox: Mailbox) -> None:
    with _connections_lock:
        _logged_on.pop(credential_key(mailbox), None)


def logon_proven(mailbox: Mailbox) -> bool:
    """True once the mailbox's credentials (as they are now) have logged on in this process: only
    then does the engine make requests outside a workload's cycle (app.sync.notifications), so a
    wrong password is never sent by those too."""
    return _proven(*_logon_identity(mailbox))


def logon_refused(mailbox: Mailbox) -> None:
    """A request outside a cycle was refused (401): the next cycles take turns to log on again."""
    _logon_refused(mailbox)


@contextmanager
def mailbox_requests(mailbox: Mailbox) -> Iterator[MailboxConnection]:
    """The mailbox's connection for requests outside a workload's cycle (its notifications),
    each inside the profile's connection gate, as a cycle's are."""
    profile = mailbox.profile
    gate = net.gate_for(profile.id if profile else None, profile.max_connections if profile else 1)
    with net.gated(gate):
        yield connection_for(mailbox)


@dataclass
class WorkloadRun:
    mailbox: Mailbox
    workload: Workload
    connection: MailboxConnection | None  # None until opened (and for a workload that is not enabled)
    gate: threading.BoundedSemaphore | None
    created: int = 0
    updated: int = 0
    deleted: int = 0
    notes: list[str] = field(default_factory=list)  # English, for logs and tests
    note_parts: list[list[list[Any]]] = field(default_factory=list)  # the same, translatable
    failure: Failure | None = None
    held: bool = False  # not run: a refused logon of the mailbox waits for its retry
    requests: net.RequestCount = field(default_factory=net.RequestCount)  # EWS requests, every thread's
    started: float = field(default_factory=time.perf_counter)

    def note(self, *parts: list[Any]) -> None:
        """Say what the cycle did, for the history: parts [context, template, params] whose
        templates are marked for translation (technical values stay as they are)."""
        self.notes.append(parts_text(parts))
        self.note_parts.append(list(parts))

    @contextmanager
    def gated(self) -> Iterator[None]:
        """For worker threads a workload starts itself: their requests share the profile's gate (and
        count among the cycle's)."""
        with net.gated(self.gate), net.counting(self.requests):
            yield

    def figures(self, failure: AlertLevel | None) -> CycleFigures:
        """What the cycle adds to the dashboard's history (app.store.cycle_stats)."""
        return CycleFigures(
            self.mailbox.id,
            self.workload,
            utcnow(),
            (time.perf_counter() - self.started) * 1000,
            items=self.created + self.updated + self.deleted,
            requests=self.requests.count,
            failure=failure,
        )


def run_workload(
    mailbox: Mailbox, workload: Workload, body: Callable[[WorkloadRun], None], *, outgoing_connection: bool = False
) -> WorkloadRun:
    """Run one cycle: ``body(run)`` does the work with ``run.connection``. Exceptions are classified
    and escalated, not propagated (except cancellation); ``run.failure`` tells what happened."""
    mailbox = Mailbox.get_by_id(mailbox.id)
    profile = mailbox.profile
    gate = net.gate_for(profile.id if profile else None, profile.max_connections if profile else 1)
    history = SyncHistory.create(mailbox=mailbox, workload=workload)
    run = WorkloadRun(mailbox, workload, None, gate)
    with _first_logon(mailbox) as held:  # held until the outcome is recorded: the next one sees a refusal
        if held:
            run.held = True
            log.info("%s of %s held: its logon was refused, the retry is scheduled", workload.value, mailbox.email)
            _finish(
                history,
                run,
                RunStatus.NOT_RUN,
                [[CTX, _N(CTX, "Not run: the logon was refused; waiting for the scheduled retry."), {}]],
            )
            return run
        return _run(run, history, body, outgoing_connection)


def _run(
    run: WorkloadRun, history: SyncHistory, body: Callable[[WorkloadRun], None], outgoing_connection: bool
) -> WorkloadRun:
    mailbox, workload = run.mailbox, run.workload
    try:
        answered = net.answers()
        with net.gated(run.gate), net.counting(run.requests):
            run.connection = connection_for(mailbox, outgoing=outgoing_connection)
            body(run)
        if net.answers() > answered:  # it did log on (a cycle with nothing to do may not)
            _logged_on_fine(mailbox)
    except Cancelled:
        _finish(history, run, RunStatus.WARNING, [[CTX, _N(CTX, "cancelled"), {}]])
        raise
    except Exception as exc:  # noqa: BLE001 - the workload's boundary: any failure is classified and escalated
        # (the admin sees an alert, not a traceback)
        failure = (
            exc.failure
            if isinstance(exc, PreconditionFailed)
            else for_credentials(classify(exc), credential_source_of(mailbox, outgoing=outgoing_connection))
        )
        run.failure = failure
        if not failure.transient:
            forget_connection(mailbox.id)
        log.info("%s of %s failed: %s", workload.value, mailbox.email, failure.details or failure.message)
        with database.atomic("IMMEDIATE"):
            fresh = Mailbox.get_by_id(mailbox.id)
            if failure.authentication:
                _logon_refused(mailbox)
            if failure.authentication and in_logon_hold(fresh):
                # another workload of the mailbox was refused a moment ago: the same refusal, counted once
                log.info("%s of %s: the refused logon is already counted", workload.value, mailbox.email)
            else:
                apply_failure(fresh, workload, failure)
            fresh.last_sync_error = failure.message
            fresh.save()
            # an Error when the failure disabled the workload; retried, a Warning
            record_cycle(run.figures(AlertLevel.WARNING if is_enabled(fresh, workload) else AlertLevel.ERROR))
            _finish(history, run, RunStatus.FAILURE, [["Failures", failure.message_template, dict(failure.params)]])
        alerts.check_most_mailboxes_failing(fresh.profile)
        return run
    with database.atomic("IMMEDIATE"):
        fresh = Mailbox.get_by_id(mailbox.id)
        apply_success(fresh, workload)
        fresh.last_sync_success_on = utcnow()
        fresh.last_sync_error = ""
        fresh.save()
        record_cycle(run.figures(None))
        parts: list[list[Any]] = []
        if len(run.note_parts) == len(run.notes):  # else a note is plain English: shown as stored
            for note in run.note_parts:
                parts += ([NOTE_SEPARATOR] if parts else []) + note
        _finish(history, run, RunStatus.SUCCESS, parts, english="; ".join(run.notes))
    return run


def _finish(
    history: SyncHistory, run: WorkloadRun, status: RunStatus, parts: list[list[Any]], *, english: str | None = None
) -> None:
    """*parts*: the history's message as translatable parts; *english* its English text when the
    parts do not say all of it (notes a workload appended as plain text)."""
    history.status = status
    history.created, history.updated, history.deleted = run.created, run.updated, run.deleted
    history.message = parts_text(parts) if english is None else english
    history.message_parts = json.dumps(parts, ensure_ascii=False, default=str) if parts else ""
    history.finished_on = utcnow()
    history.save()
