"""Exchange's notifications of a mailbox's changes: pull and streaming subscriptions (EWS
Subscribe, GetEvents, GetStreamingEvents), read into the plain thing the engine needs: which of
the folders it synchronizes changed.

One subscription per mailbox covers its Inbox, Calendar, Contacts and Tasks (``WATCHED``). An
event counts for a folder when the item is in it (or moved or copied out of it). In the Inbox
only arrivals count, since incoming sync reads nothing else: a new mail (NewMailEvent) is named
by its item id (``Changes.arrivals``: fetched as it is, no SyncFolderItems needed); anything
else arriving (an item created there that is no new mail, one moved or copied in) makes the
Inbox changed, to be read with SyncFolderItems.

- ``folder_ids``: the ids of those folders (one GetFolder), to tell which one an event is about;
- ``subscribe_pull`` / ``pull_changes``: a pull subscription, resumed from a watermark when one is
  given (nothing is missed in between), and one GetEvents per call — reading on from the last
  event's watermark while MoreEvents says so (exchangelib's own ``get_events`` asks again with
  the same watermark, which Exchange answers with the same events);
- ``subscribe_streaming`` / ``EventStream``: streaming subscriptions of a group of mailboxes (the
  X-AnchorMailbox of the group's first one), read together over one held GetStreamingEvents
  connection.

``SubscriptionGone`` stands for ErrorSubscriptionNotFound (expired, or dropped by the server);
everything else is exchangelib's error, for ``app.exchange.errors.classify``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from exchangelib.errors import ErrorInvalidWatermark, ErrorSubscriptionNotFound
from exchangelib.properties import DistinguishedFolderId, StatusEvent
from exchangelib.properties import Mailbox as EwsMailbox
from exchangelib.services import GetEvents, SubscribeToPull

from app.exchange import net
from app.exchange.exceptions import ExchangeError
from app.exchange.mailbox_connection import MailboxConnection
from app.exchange.services.notifications import GetFolderIds, GetStreamingEventsWatched, SubscribeToStreamingInGroup

log = logging.getLogger(__name__)

WATCHED = ("inbox", "calendar", "contacts", "tasks")  # distinguished names, as FolderSyncState names them
INBOX = "inbox"
EVENT_TYPES = ("CreatedEvent", "DeletedEvent", "ModifiedEvent", "MovedEvent", "CopiedEvent", "NewMailEvent")
_ARRIVALS = {"CreatedEvent", "MovedEvent", "CopiedEvent"}  # what else counts in the Inbox (items coming in)
MAX_PULL_READS = 20  # GetEvents answers read on in one check (50 events each); past them: all changed
STREAM_READ_TIMEOUT = 120.0  # seconds without a byte before a held stream counts as dropped (keep-alives: 40 s)


class SubscriptionGone(ExchangeError):
    """Exchange no longer knows the subscription(s): expired, or dropped (ErrorSubscriptionNotFound)."""

    def __init__(self, message: str, subscription_ids: Iterable[str] = (), cause: BaseException | None = None):
        super().__init__(message, cause)
        self.subscription_ids = frozenset(subscription_ids)


class WatermarkRefused(ExchangeError):
    """Exchange refused the watermark to resume from (ErrorInvalidWatermark): it is too old."""


@dataclass
class Changes:
    """What events say: the watched folders that changed (to be read with SyncFolderItems), and
    the item ids of new mail in the Inbox (``arrivals``, in order: fetched as they are)."""

    folders: set[str] = field(default_factory=set)
    arrivals: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.folders or self.arrivals)


@dataclass(frozen=True, slots=True)
class PulledChanges:
    """What one check of a pull subscription found, the watermark to go on from, and how many
    GetEvents requests it took (1 when nothing piled up)."""

    changes: Changes
    watermark: str
    requests: int


def _folders(connection: MailboxConnection) -> list[DistinguishedFolderId]:
    mailbox = EwsMailbox(email_address=connection.email)
    return [DistinguishedFolderId(id=name, mailbox=mailbox) for name in WATCHED]


def folder_ids(connection: MailboxConnection) -> dict[str, str]:
    """Folder id → distinguished name of the watched folders (one GetFolder request)."""
    ids = list(GetFolderIds(account=connection.account).call(WATCHED))
    for found in ids:
        if isinstance(found, Exception):
            raise found
    return {folder_id: name for folder_id, name in zip(ids, WATCHED, strict=True) if folder_id}


def read_events(events: Iterable[Any], names: dict[str, str]) -> Changes:
    """What *events* (exchangelib's) say of the watched folders (*names*: folder id → name)."""
    events = list(events)
    new_mail = {e.item_id.id for e in events if type(e).__name__ == "NewMailEvent" and e.item_id is not None}
    changes = Changes()
    for event in events:
        kind = type(event).__name__
        for attr in ("parent_folder_id", "old_parent_folder_id"):
            folder = getattr(event, attr, None)
            name = names.get(folder.id) if folder is not None else None
            if name is None:
                continue
            if name != INBOX:
                changes.folders.add(name)
            elif attr == "old_parent_folder_id":
                continue  # moved or copied out of the Inbox: nothing for incoming sync
            elif kind == "NewMailEvent" and event.item_id is not None:
                if event.item_id.id not in changes.arrivals:
                    changes.arrivals.append(event.item_id.id)
            elif kind in _ARRIVALS and (event.item_id is None or event.item_id.id not in new_mail):
                changes.folders.add(INBOX)  # something else came in: read the Inbox
    return changes


# --- pull ---------------------------------------------------------------------------------------


def subscribe_pull(connection: MailboxConnection, watermark: str | None, timeout_minutes: int) -> tuple[str, str]:
    """A pull subscription of the watched folders: (its id, the watermark it starts from). With
    *watermark*, it resumes there (raises ``WatermarkRefused`` when Exchange no longer has it)."""
    try:
        sub_id, start = next(
            iter(
                SubscribeToPull(account=connection.account).call(
                    folders=_folders(connection),
                    event_types=EVENT_TYPES,
                    watermark=watermark,
                    timeout=timeout_minutes,
                )
            )
        )
    except ErrorInvalidWatermark as exc:
        raise WatermarkRefused(str(exc), exc) from exc
    if isinstance(sub_id, Exception):
        raise sub_id
    return str(sub_id), str(start)


def pull_changes(
    connection: MailboxConnection, subscription_id: str, watermark: str, names: dict[str, str]
) -> PulledChanges:
    """GetEvents after *watermark*: one request when at most one answer's worth of events waits.
    Raises ``SubscriptionGone`` when Exchange no longer knows the subscription."""
    service = GetEvents(account=connection.account)
    events: list[Any] = []
    requests = 0
    while True:
        requests += 1
        try:
            [notification] = list(service.call(subscription_id=subscription_id, watermark=watermark))
        except ErrorSubscriptionNotFound as exc:
            raise SubscriptionGone(str(exc), [subscription_id], exc) from exc
        if isinstance(notification, Exception):
            raise notification
        answer = list(notification.events or [])
        if answer:
            watermark = answer[-1].watermark or watermark
        events += [e for e in answer if not isinstance(e, StatusEvent)]
        if not notification.more_events:
            return PulledChanges(read_events(events, names), watermark, requests)
        if requests >= MAX_PULL_READS:  # a flood: read the folders themselves rather than every event
            log.info("%s: more than %d answers of events waiting; every folder counts as changed", connection, requests)
            return PulledChanges(Changes(set(WATCHED)), watermark, requests)


# --- streaming ----------------------------------------------------------------------------------


def subscribe_streaming(connection: MailboxConnection, anchor: str) -> str:
    """A streaming subscription of the watched folders of *connection*'s mailbox, routed with the
    group's *anchor* mailbox; its id."""
    service = SubscribeToStreamingInGroup(account=connection.account, anchor=anchor)
    [sub_id] = list(service.call(folders=_folders(connection), event_types=EVENT_TYPES))
    if isinstance(sub_id, Exception):
        raise sub_id
    return str(sub_id)


class EventStream:
    """One held GetStreamingEvents connection for a group's subscriptions, opened through the
    *anchor*'s connection (impersonating it). Iterating yields ``(subscription id, events)`` as
    they come, until the connection's timeout closes it; ``on_open`` is called once it is open.
    ``close()`` (from another thread) ends it early. Raises ``SubscriptionGone`` with the ids
    Exchange did not know; a dropped connection raises what requests raised."""

    def __init__(
        self,
        anchor: MailboxConnection,
        subscription_ids: Iterable[str],
        minutes: int,
        on_open: Callable[[], None],
    ) -> None:
        self.subscription_ids = list(subscription_ids)
        self.minutes = minutes
        self._on_open = on_open
        self._opened = False
        self._closed = threading.Event()
        self._service = GetStreamingEventsWatched(account=anchor.account, on_status=self._status)

    @property
    def closed(self) -> bool:
        """True once ``close()`` was called (what ends the iteration is then no failure)."""
        return self._closed.is_set()

    def _status(self, status: str) -> None:
        if status == "OK" and not self._opened:
            self._opened = True
            self._on_open()

    def __iter__(self) -> Iterator[tuple[str, list[Any]]]:
        try:
            with net.read_timeout(STREAM_READ_TIMEOUT):
                for notification in self._service.call(
                    subscription_ids=self.subscription_ids, connection_timeout=self.minutes
                ):
                    if self._closed.is_set():
                        return
                    events = [e for e in notification.events or [] if not isinstance(e, StatusEvent)]
                    yield str(notification.subscription_id), events
        except ErrorSubscriptionNotFound as exc:
            gone = self._service.error_subscription_ids or self.subscription_ids
            raise SubscriptionGone(str(exc), gone, exc) from exc
        except Exception:
            if self._closed.is_set():
                return  # closed on purpose: whatever the read raised is no failure
            raise

    def close(self) -> None:
        self._closed.set()
        try:
            self._service.stop_streaming()
        except Exception as exc:  # noqa: BLE001 - not open yet, or already closed
            log.debug("closing a notification stream: %s", exc)
