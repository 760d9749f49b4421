"""Engine hosts on a shared database: registration, heartbeat, a clean stop, and what ``status``
and the console's hosts page show.

A host (``python -m app run --host-name NAME``) registers its name once: a second host of the
same name is refused while the first beats. Its heartbeat stamps ``EngineHost.last_beat_on`` and
renews every lease it holds in one statement; a host that stops beating for longer than the
lease time is *lost*, its leases expire and the others take the work over. A clean stop releases
its leases at once and marks it stopped. Every statement is one atomic statement that SQLite and
PostgreSQL both run as such.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.enums import Workload
from app.store import leases
from app.store.models import EngineHost, Mailbox, WorkLease, WorkloadState


class HostNameTaken(RuntimeError):
    """Another host of this name is alive on the database."""

    def __init__(self, name: str, last_beat: datetime) -> None:
        self.name, self.last_beat = name, last_beat
        super().__init__(
            f"Another engine host named “{name}” is running on this database (last heartbeat "
            f"{last_beat:%Y-%m-%d %H:%M:%S} UTC). Give this host another --host-name, or stop the other one first."
        )


def host_holder(name: str) -> str:
    """The holder name of a host's leases: its name, this machine and process, a random part."""
    return f"{name}@{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def register(name: str, holder: str, ttl: timedelta, *, now: datetime | None = None) -> None:
    """Register the host *name* as *holder*; raises HostNameTaken while another of the name beats
    (stopped, or silent for longer than *ttl*: its name is free)."""
    now = now or leases.wall_clock()
    inserted = (
        EngineHost.insert(name=name, holder=holder, started_on=now, last_beat_on=now)
        .on_conflict_ignore()
        .as_rowcount()
        .execute()
    )
    if inserted:
        return
    taken_over = (
        EngineHost.update(holder=holder, started_on=now, last_beat_on=now, stopped_on=None)
        .where(
            (EngineHost.name == name) & (EngineHost.stopped_on.is_null(False) | (EngineHost.last_beat_on < now - ttl))
        )
        .execute()
    )
    if not taken_over:
        other = EngineHost.get(EngineHost.name == name)
        raise HostNameTaken(name, other.last_beat_on)


def beat(name: str, holder: str, ttl: timedelta, *, now: datetime | None = None) -> bool:
    """The host's heartbeat: its beat stamped, every lease it holds renewed. False when the name
    is no longer this host's (it was silent too long and another host took the name)."""
    now = now or leases.wall_clock()
    mine = (
        EngineHost.update(last_beat_on=now)
        .where((EngineHost.name == name) & (EngineHost.holder == holder) & EngineHost.stopped_on.is_null())
        .execute()
    )
    if mine:
        leases.renew_all(holder, ttl, now=now)
    return bool(mine)


def stop(name: str, holder: str, *, now: datetime | None = None) -> int:
    """A clean stop: every lease released at once, the host marked stopped; how many leases it held."""
    now = now or leases.wall_clock()
    released = leases.release_all(holder)
    EngineHost.update(stopped_on=now).where((EngineHost.name == name) & (EngineHost.holder == holder)).execute()
    return released


@dataclass(frozen=True)
class HostState:
    name: str
    started_on: datetime
    last_beat_on: datetime
    stopped_on: datetime | None
    alive: bool  # beating (within the lease time) and not stopped
    leases: int  # leases held now (not expired)


@dataclass(frozen=True)
class WorkloadRow:
    mailbox_id: int
    mailbox: str
    workload: str
    state: str  # running (a live lease), due, waiting (next run later), disabled
    lease_holder: str | None  # the host name (or process) holding it
    lease_expires_on: datetime | None
    next_run_on: datetime | None


def hosts(ttl: timedelta = leases.DEFAULT_TTL, *, now: datetime | None = None) -> list[HostState]:
    """Every registered host, with the leases it holds now; lost when silent for longer than *ttl*."""
    now = now or leases.wall_clock()
    live = [lease.holder for lease in WorkLease.select(WorkLease.holder).where(WorkLease.expires_on >= now)]
    return [
        HostState(
            host.name,
            host.started_on,
            host.last_beat_on,
            host.stopped_on,
            host.stopped_on is None and host.last_beat_on >= now - ttl,
            sum(1 for holder in live if holder == host.holder),
        )
        for host in EngineHost.select().order_by(EngineHost.name)
    ]


_ENABLED = {Workload.INCOMING: "incoming_enabled", Workload.OUTGOING: "outgoing_enabled", Workload.ACT: "act_enabled"}


def workloads(*, now: datetime | None = None) -> list[WorkloadRow]:
    """Every workload of every active mailbox: its state, lease holder and expiry, next run."""
    now = now or leases.wall_clock()
    host_of = {host.holder: host.name for host in EngineHost.select()}
    live = {lease.name: lease for lease in WorkLease.select().where(WorkLease.expires_on >= now)}
    states = {(s.mailbox_id, s.workload): s for s in WorkloadState.select()}
    rows = []
    for mailbox in Mailbox.select().order_by(Mailbox.email):
        for workload in Workload:
            state = states.get((mailbox.id, workload))
            lease = live.get(leases.mailbox_lease_name(mailbox.id, workload.value))
            next_run = state.next_run_on if state is not None else None
            if lease is not None:
                status = "running"
            elif not getattr(mailbox, _ENABLED[workload]):
                status = "disabled"
            elif next_run is None or next_run <= now:
                status = "due"
            else:
                status = "waiting"
            rows.append(
                WorkloadRow(
                    mailbox.id,
                    mailbox.email,
                    workload.value,
                    status,
                    None if lease is None else host_of.get(lease.holder, lease.holder),
                    None if lease is None else lease.expires_on,
                    next_run,
                )
            )
    return rows


def shared_database() -> bool:
    """True when the open store is a shared PostgreSQL database (the window is the fleet's console)."""
    from app.store import backends

    return backends.is_postgres()


def lease_holders(*, now: datetime | None = None) -> dict[int, list[str]]:
    """Mailbox id -> who holds a lease of its work now: the host's name, or for a process that is
    not a registered host (a window, ``sync --once``) its computer's name."""
    now = now or leases.wall_clock()
    host_of = {host.holder: host.name for host in EngineHost.select(EngineHost.holder, EngineHost.name)}
    held: dict[int, list[str]] = {}
    query = WorkLease.select(WorkLease.name, WorkLease.holder).where(
        (WorkLease.expires_on >= now) & WorkLease.name.startswith("mailbox:")
    )
    for lease in query.order_by(WorkLease.name):
        mailbox_id = lease.name.split(":")[1]
        if mailbox_id.isdigit():
            name = host_of.get(lease.holder) or lease.holder.split(":", 1)[0]
            names = held.setdefault(int(mailbox_id), [])
            if name not in names:
                names.append(name)
    return held


def set_due_now(mailbox_id: int | None = None, *, now: datetime | None = None) -> int:
    """Sync now from the console: the mailbox's (or every active mailbox's) enabled workloads due,
    in one transaction; how many."""
    from app.store.base import database

    ids = [mailbox_id] if mailbox_id is not None else [m.id for m in Mailbox.select(Mailbox.id)]
    with database.atomic():
        return sum(set_due(i, now=now) for i in ids)


def set_due(mailbox_id: int, *, now: datetime | None = None) -> int:
    """The console's Sync now on a shared database: the mailbox's workloads due now, so whichever
    host claims them first runs them; how many workloads were set."""
    now = now or leases.wall_clock()
    mailbox = Mailbox.get_or_none(Mailbox.id == mailbox_id)
    if mailbox is None:
        return 0
    count = 0
    for workload in Workload:
        if getattr(mailbox, _ENABLED[workload]):
            state, _ = WorkloadState.get_or_create(mailbox=mailbox, workload=workload)
            WorkloadState.update(next_run_on=now).where(WorkloadState.id == state.id).execute()
            count += 1
    Mailbox.update(next_sync_on=now).where(Mailbox.id == mailbox_id).execute()
    return count
