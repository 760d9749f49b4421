"""Leases: claims on shared work, kept in the store so every process on it sees them.

One mailbox's workload cycle must run in one process at a time (the window and a scheduled
``run`` on one store, or two ``sync --once``): the scheduler claims ``mailbox:<id>:<workload>``
before a cycle, renews it while the cycle runs, and releases it at the end. A claim is taken
when nobody holds the name, when its holder lets it expire (a crashed process stops renewing),
or when the claimer already holds it.

Every statement here is one atomic statement that SQLite and PostgreSQL both run as such (an
UPDATE whose WHERE decides, an INSERT … ON CONFLICT DO NOTHING), so no explicit locking is needed
and this module is the one place the claim SQL lives. The time is the caller's clock (UTC).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from types import TracebackType

from app.store import backends
from app.store.base import database
from app.store.models import WorkLease

log = logging.getLogger(__name__)

DEFAULT_TTL = timedelta(seconds=90)  # a crashed holder's claim is free again after this long


def wall_clock() -> datetime:
    """Leases are shared with other processes, which know only the wall clock: never the
    scheduler's injected clock (``store.base.clock_as``), which ``utcnow`` follows."""
    return datetime.now(timezone.utc)


def new_holder() -> str:
    """A holder name unique to this claimer: host, process and a random part."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def mailbox_lease_name(mailbox_id: int, workload: str) -> str:
    """The lease of one mailbox's workload cycle (*workload*: Workload.value)."""
    return f"mailbox:{mailbox_id}:{workload}"


@dataclass(frozen=True)
class LeaseState:
    name: str
    holder: str
    claimed_on: datetime
    expires_on: datetime
    heartbeat_on: datetime


def claim(
    name: str,
    holder: str,
    ttl: timedelta = DEFAULT_TTL,
    *,
    now: datetime | None = None,
    profile_id: int | None = None,
    budget: int | None = None,
) -> bool:
    """Take the lease *name* for *holder* until now + *ttl*; False when another holder has it.
    With *profile_id* and *budget*: also False when that many leases of the profile are held
    already, by anyone (a profile's maximum connections is a budget of every process and host on
    the store). On a shared PostgreSQL database the claim skips a row another host is claiming
    (``FOR UPDATE SKIP LOCKED``, app.store.backends)."""
    now = now or wall_clock()
    if profile_id is None or budget is None:
        return _claim(name, holder, ttl, now, profile_id)
    # IMMEDIATE: on SQLite a deferred read-then-write fails (SQLITE_BUSY_SNAPSHOT) when another
    # process wrote in between; writers queue up instead
    with database.atomic("IMMEDIATE"):
        backends.lock_profile(database.obj, profile_id)  # claims of one profile, one at a time
        held = (
            WorkLease.select()
            .where((WorkLease.profile_id == profile_id) & (WorkLease.expires_on >= now) & (WorkLease.name != name))
            .count()
        )
        if held >= budget:
            return False
        return _claim(name, holder, ttl, now, profile_id)


def is_held(name: str, *, now: datetime | None = None) -> bool:
    """Whether someone holds the lease *name* now (a refused claim without a holder: the profile's
    budget was spent)."""
    now = now or wall_clock()
    return bool(WorkLease.select().where((WorkLease.name == name) & (WorkLease.expires_on >= now)).exists())


def _claim(name: str, holder: str, ttl: timedelta, now: datetime, profile_id: int | None) -> bool:
    db = database.obj
    if isinstance(db, backends.FleetPostgresDatabase):
        taken = backends.claim_skip_locked(db, name, holder, now, ttl, profile_id)
    else:
        taken = bool(
            WorkLease.update(
                holder=holder, claimed_on=now, expires_on=now + ttl, heartbeat_on=now, profile_id=profile_id
            )
            .where((WorkLease.name == name) & ((WorkLease.expires_on < now) | (WorkLease.holder == holder)))
            .execute()
        )
    if taken:
        return True
    inserted = (
        WorkLease.insert(
            name=name, holder=holder, claimed_on=now, expires_on=now + ttl, heartbeat_on=now, profile_id=profile_id
        )
        .on_conflict_ignore()
        .as_rowcount()
        .execute()
    )
    return bool(inserted)


def release_all(holder: str) -> int:
    """Give up every lease of *holder* (an engine host stopping): how many it held."""
    return int(WorkLease.delete().where(WorkLease.holder == holder).execute())


def renew_all(holder: str, ttl: timedelta = DEFAULT_TTL, *, now: datetime | None = None) -> int:
    """An engine host's heartbeat: push the expiry of every lease it holds; how many."""
    now = now or wall_clock()
    return int(WorkLease.update(expires_on=now + ttl, heartbeat_on=now).where(WorkLease.holder == holder).execute())


def renew(name: str, holder: str, ttl: timedelta = DEFAULT_TTL, *, now: datetime | None = None) -> bool:
    """The heartbeat: push the expiry of *holder*'s lease to now + *ttl*; False when it is no
    longer theirs (it expired and another holder took it, or it was released)."""
    now = now or wall_clock()
    return bool(
        WorkLease.update(expires_on=now + ttl, heartbeat_on=now)
        .where((WorkLease.name == name) & (WorkLease.holder == holder))
        .execute()
    )


def release(name: str, holder: str) -> bool:
    """Give the lease up (only *holder*'s); False when it was not theirs any more."""
    return bool(WorkLease.delete().where((WorkLease.name == name) & (WorkLease.holder == holder)).execute())


def current(name: str) -> LeaseState | None:
    """The lease *name* as stored (possibly expired), None when nobody claimed it."""
    row = WorkLease.get_or_none(WorkLease.name == name)
    if row is None:
        return None
    return LeaseState(row.name, row.holder, row.claimed_on, row.expires_on, row.heartbeat_on)


class HeldLease:
    """A claimed lease, renewed by a heartbeat thread until ``release()`` (or the ``with`` block's
    end). ``lost`` tells whether a renewal found it taken by another holder meanwhile."""

    def __init__(self, name: str, holder: str, ttl: timedelta, heartbeat: timedelta) -> None:
        self.name, self.holder, self.ttl, self.heartbeat = name, holder, ttl, heartbeat
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"lease-{name}", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        try:
            while not self._stop.wait(self.heartbeat.total_seconds()):
                try:
                    if not renew(self.name, self.holder, self.ttl):
                        self.lost = True
                        log.warning("lease %s was taken by another process while %s held it", self.name, self.holder)
                        return
                except Exception as exc:  # a locked store now and then, or the database away: the next beat tries again
                    from app.store.db import StoreError

                    if isinstance(exc, StoreError):  # classified: one line says it
                        log.warning("could not renew lease %s: %s", self.name, exc)
                    else:
                        log.warning("could not renew lease %s", self.name, exc_info=True)
        finally:
            database.close()  # peewee connections are per thread

    def release(self) -> None:
        self._stop.set()
        self._thread.join()
        if not self.lost:
            release(self.name, self.holder)

    def __enter__(self) -> HeldLease:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc_val: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        self.release()


def hold(
    name: str,
    holder: str,
    ttl: timedelta = DEFAULT_TTL,
    *,
    heartbeat: timedelta | None = None,
    profile_id: int | None = None,
    budget: int | None = None,
) -> HeldLease | None:
    """Claim *name* and keep it renewed (every *heartbeat*, a third of *ttl* by default) until the
    returned lease is released; None when another holder has it (or the profile's *budget* is
    spent, see ``claim``)."""
    if not claim(name, holder, ttl, profile_id=profile_id, budget=budget):
        return None
    return HeldLease(name, holder, ttl, heartbeat or ttl / 3)
