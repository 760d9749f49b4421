"""One workload cycle of one mailbox: the shared frame every sync workload runs in.

``run_workload(mailbox, workload, body)`` opens (or reuses) the mailbox's connection
(app.exchange.mailbox_connection), makes every request of the calling thread wait for a slot of
the profile's connection gate (maximum concurrent connections), records a SyncHistory row, and on
the way out turns the outcome into state: success → health.apply_success and
``last_sync_success_on``; an exception → classified, escalated (health.apply_failure: alert,
back-off or disable) and ``last_sync_error`` — never a traceback for the admin. Connections are
cached per mailbox so a second cycle makes no version guess and no Autodiscover again.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from app.domain.cancel import Cancelled
from app.domain.enums import RunStatus, Workload
from app.domain.escalation import Failure
from app.exchange import net
from app.exchange.connection import ConnectionPlan, PreconditionFailed, plan_connection
from app.exchange.errors import classify
from app.exchange.mailbox_connection import MailboxConnection, connect
from app.store.base import database, utcnow
from app.store.health import apply_failure, apply_success
from app.store.models import Mailbox, SyncHistory

log = logging.getLogger(__name__)

_connections: dict[tuple[int, bool], tuple[str, MailboxConnection]] = {}
_connections_lock = threading.Lock()


def _fingerprint(plan: ConnectionPlan) -> str:
    """Changes when anything the connection depends on changes (password included, hashed)."""
    parts = [plan.email, plan.username, plan.password, plan.auth_protocol.value, plan.ews_url or "",
             str(plan.use_impersonation), str(plan.timeout_seconds), str(plan.max_connections),
             plan.ca_file or "", str(plan.port)]
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


@dataclass
class WorkloadRun:
    mailbox: Mailbox
    workload: Workload
    connection: MailboxConnection | None  # None until opened (and for a workload that is not enabled)
    gate: threading.BoundedSemaphore | None
    created: int = 0
    updated: int = 0
    deleted: int = 0
    notes: list[str] = field(default_factory=list)
    failure: Failure | None = None

    @contextmanager
    def gated(self) -> Iterator[None]:
        """For worker threads a workload starts itself: their requests share the profile's gate."""
        with net.gated(self.gate):
            yield


def run_workload(mailbox: Mailbox, workload: Workload, body: Callable[[WorkloadRun], None], *,
                 outgoing_connection: bool = False) -> WorkloadRun:
    """Run one cycle: ``body(run)`` does the work with ``run.connection``. Exceptions are classified
    and escalated, not propagated (except cancellation); ``run.failure`` tells what happened."""
    mailbox = Mailbox.get_by_id(mailbox.id)
    profile = mailbox.profile
    gate = net.gate_for(profile.id if profile else None, profile.max_connections if profile else 1)
    history = SyncHistory.create(mailbox=mailbox, workload=workload)
    run = WorkloadRun(mailbox, workload, None, gate)
    try:
        with net.gated(gate):
            run.connection = connection_for(mailbox, outgoing=outgoing_connection)
            body(run)
    except Cancelled:
        _finish(history, run, RunStatus.WARNING, "cancelled")
        raise
    except Exception as exc:  # noqa: BLE001 - the workload's boundary: any failure is classified and escalated
        # (the admin sees an alert, not a traceback)
        failure = exc.failure if isinstance(exc, PreconditionFailed) else classify(exc)
        run.failure = failure
        if not failure.transient:
            forget_connection(mailbox.id)
        log.info("%s of %s failed: %s", workload.value, mailbox.email, failure.details or failure.message)
        with database.atomic("IMMEDIATE"):
            fresh = Mailbox.get_by_id(mailbox.id)
            apply_failure(fresh, workload, failure)
            fresh.last_sync_error = failure.message
            fresh.save()
            _finish(history, run, RunStatus.FAILURE, failure.message)
        return run
    with database.atomic("IMMEDIATE"):
        fresh = Mailbox.get_by_id(mailbox.id)
        apply_success(fresh, workload)
        fresh.last_sync_success_on = utcnow()
        fresh.last_sync_error = ""
        fresh.save()
        _finish(history, run, RunStatus.SUCCESS, "; ".join(run.notes))
    return run


def _finish(history: SyncHistory, run: WorkloadRun, status: RunStatus, message: str) -> None:
    history.status = status
    history.created, history.updated, history.deleted = run.created, run.updated, run.deleted
    history.message = message
    history.finished_on = utcnow()
    history.save()
