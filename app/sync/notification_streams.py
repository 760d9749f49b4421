"""Streaming notifications: one thread per group of a profile's impersonated mailboxes
(app.sync.notifications), holding one GetStreamingEvents connection for all of them.

The thread's round: subscribe the members that have no subscription (once the profile's account
has logged on in this process, never before a member's retry time), take one of the profile's
connections, open the stream through the group's first subscribed mailbox (the anchor: its
subscriptions were made with X-AnchorMailbox naming it), and hand each notification's changed
folders to ``Notifications.changed`` (those workloads run now). When the connection's timeout
closes the stream, it opens again at once: the subscriptions stay, nothing is missed. A
subscription Exchange no longer knows (ErrorSubscriptionNotFound) is made again, and its mailbox
read whole once (the catch-up). Anything else (a refused subscription, a dropped connection)
puts the mailboxes concerned back to polling, with an alert, until their retry time.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from app.store.base import database

if TYPE_CHECKING:
    from app.exchange.notifications import EventStream
    from app.store.models import Mailbox
    from app.sync.notifications import Notifications, Watch

log = logging.getLogger(__name__)


class StreamGroup:
    """A group of at most GROUP_SIZE mailboxes of one profile, on one held connection."""

    def __init__(self, owner: Notifications, profile_id: int, limit: int, members: list[int]) -> None:
        self.owner = owner
        self.profile_id = profile_id
        self.limit = limit
        self.members = list(members)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._stream: EventStream | None = None
        self._thread = threading.Thread(target=self._run, name=f"notifications-{profile_id}-{members[0]}", daemon=True)
        self._thread.start()

    # -- from the scheduler's thread ----------------------------------------------------------
    def retarget(self, limit: int, members: list[int]) -> None:
        """The group's mailboxes (or the profile's limit) changed: the stream opens again with them."""
        with self._lock:
            if members == self.members and limit == self.limit:
                return
            self.members, self.limit = list(members), limit
            stream = self._stream
        self._wake.set()
        if stream is not None:
            stream.close()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        with self._lock:
            stream = self._stream
        if stream is not None:
            stream.close()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    # -- the group's thread ------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    self._round()
                except Exception:
                    log.exception("notifications of profile %s: unexpected error", self.profile_id)
                    self._pause(self.owner.poll_seconds)
        finally:
            database.close()

    def _pause(self, seconds: float) -> None:
        self._wake.wait(seconds)

    def _round(self) -> None:
        from app.store.models import Mailbox

        with self._lock:
            members = list(self.members)
        mailboxes = {m.id: m for m in Mailbox.select().where(Mailbox.id.in_(members))}
        subscribed = self._subscribe([mailboxes[i] for i in members if i in mailboxes])
        if not subscribed or self._stop.is_set():
            self._pause(self.owner.poll_seconds)
            return
        self._stream_once(subscribed, mailboxes)

    def _subscribe(self, mailboxes: list[Mailbox]) -> dict[str, Watch]:
        """Subscription id → watch of every member subscribed (making the missing ones)."""
        from app.exchange.notifications import folder_ids, subscribe_streaming
        from app.sync.session import logon_proven, mailbox_requests

        owner = self.owner
        subscribed: dict[str, Watch] = {}
        if not mailboxes or not logon_proven(mailboxes[0]):
            return subscribed  # the profile's account logs on in a cycle first
        anchor = mailboxes[0].email
        now = owner._clock()
        for mailbox in mailboxes:
            if self._stop.is_set():
                break
            watch = owner.watch_of(mailbox.id)
            if watch is None:
                continue
            if watch.subscription is None:
                if watch.retry_at is not None and now < watch.retry_at:
                    continue
                try:
                    with mailbox_requests(mailbox) as connection:
                        if not watch.names:
                            watch.names = folder_ids(connection)
                        sub_id = subscribe_streaming(connection, anchor)
                except Exception as exc:  # noqa: BLE001 - this mailbox is polled, the others go on
                    owner.fall_back(watch, mailbox, exc)
                    continue
                with owner.lock:
                    watch.subscription, watch.live = sub_id, False
            if watch.subscription is not None:
                subscribed[watch.subscription] = watch
        return subscribed

    def _stream_once(self, subscribed: dict[str, Watch], mailboxes: dict[int, Mailbox]) -> None:
        """One held connection, until its timeout closes it (or it fails, or is closed)."""
        from app.exchange import net
        from app.exchange.notifications import EventStream, SubscriptionGone, read_events
        from app.sync.session import connection_for

        owner = self.owner
        anchor = mailboxes[next(iter(subscribed.values())).mailbox_id]
        gate = net.gate_for(self.profile_id, self.limit)
        if not self._take(gate):
            return
        stream: EventStream | None = None
        try:
            with net.gated(None):  # the slot is held for the whole stream, not per request
                stream = EventStream(
                    connection_for(anchor), list(subscribed), owner.stream_minutes, lambda: self._opened(subscribed)
                )
                with self._lock:
                    self._stream = stream
                if self._stop.is_set() or self._wake.is_set():
                    return
                for sub_id, events in stream:
                    watch = subscribed.get(sub_id)
                    if watch is not None:
                        changes = read_events(events, watch.names)
                        if changes:
                            owner.changed(watch.mailbox_id, changes.folders, changes.arrivals)
        except SubscriptionGone as gone:
            for sub_id in gone.subscription_ids:
                watch = subscribed.get(sub_id)
                if watch is not None:
                    log.info("streaming subscription of mailbox %s gone; subscribing again", watch.mailbox_id)
                    with owner.lock:
                        watch.subscription, watch.live = None, False
        except Exception as exc:  # noqa: BLE001 - a dropped connection: the group is polled for a while
            if self._stop.is_set() or (stream is not None and stream.closed):
                return
            log.info("notification stream of profile %s dropped: %s", self.profile_id, exc)
            for watch in subscribed.values():
                owner.fall_back(watch, mailboxes.get(watch.mailbox_id), exc)
        finally:
            with self._lock:
                self._stream = None
            gate.release()

    def _take(self, gate: threading.Semaphore) -> bool:
        """One of the profile's connections, held by the stream (False: stopped while waiting)."""
        while not self._stop.is_set():
            if gate.acquire(timeout=0.5):
                return True
        return False

    def _opened(self, subscribed: dict[str, Watch]) -> None:
        """The stream is open: its subscriptions' events reach us from now on."""
        for watch in subscribed.values():
            if not watch.live:
                self.owner.went_live(watch, gap=True)
