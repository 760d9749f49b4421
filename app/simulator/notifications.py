"""Event notifications: the mailbox events, pull and streaming subscriptions, watermarks.

Every change a mailbox records (model.Mailbox reports it to ``NotificationHub.record``) becomes
one or more events in that mailbox's event log, which starts with the mailbox's first
subscription (no watermark of it existed before): CreatedEvent, ModifiedEvent, DeletedEvent,
MovedEvent, CopiedEvent, NewMailEvent (a message delivered), FreeBusyChangedEvent (an item of
a calendar changed). Each event has a watermark (its place in the log), rendered once, when it
happens. A subscription selects events by folder (or all folders) and type; it reads the log
from its own position:

- pull: GetEvents hands out the events after the watermark it is given (at most
  ``max_events`` at a time, MoreEvents saying whether more wait), or a StatusEvent when there
  are none; a pull subscription not polled within its Timeout (minutes) expires;
- streaming: GetStreamingEvents holds the connection open and writes each notification as its
  own SOAP envelope (chunked), a keep-alive (ConnectionStatus OK) every ``keepalive`` seconds
  while nothing happens, and ConnectionStatus Closed when ConnectionTimeout (minutes) is over;
  a streaming subscription without a connection for ``streaming_lifetime`` minutes expires.

An expired or unsubscribed subscription answers ErrorSubscriptionNotFound, as on Exchange. A
subscription belongs to the account it was made for; one made by a service account impersonating
the mailbox belongs to that service account too, which may read it while impersonating another
mailbox: so a group of impersonated mailboxes' streaming subscriptions shares one connection
(Exchange's groups of up to 200, affinity by X-AnchorMailbox).
``minute`` is the length of those minutes in seconds: 60, shorter in tests.
"""

from __future__ import annotations

import base64
import binascii
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator

from .model import Folder, Item, Mailbox, utcnow
from .service import OpError
from .soap import esc

EVENT_TYPES = (
    "CopiedEvent",
    "CreatedEvent",
    "DeletedEvent",
    "ModifiedEvent",
    "MovedEvent",
    "NewMailEvent",
    "FreeBusyChangedEvent",
)
_WATERMARK_MAGIC = b"SSSM-wm|"
LOG_SIZE = 50_000  # events kept per mailbox; an older watermark is no longer valid


def _fmt(dt) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Event:
    __slots__ = ("seq", "kind", "folders", "xml")

    def __init__(self, seq: int, kind: str, folders: frozenset[str], xml: str):
        self.seq, self.kind, self.folders, self.xml = seq, kind, folders, xml


class MailboxLog:
    """One mailbox's recent events, oldest first."""

    def __init__(self, guid: str):
        self.guid = guid
        self.events: deque[Event] = deque(maxlen=LOG_SIZE)
        self.seq = 0

    def watermark(self, seq: int) -> str:
        raw = _WATERMARK_MAGIC + self.guid.encode("ascii") + b"|" + str(seq).encode("ascii")
        return base64.b64encode(raw).decode("ascii")

    def oldest(self) -> int:
        return self.events[0].seq - 1 if self.events else self.seq

    def after(self, seq: int) -> Iterator[Event]:
        for event in self.events:  # short in practice; a subscription reads its tail
            if event.seq > seq:
                yield event


def parse_watermark(text: str) -> tuple[str, int]:
    """(mailbox guid, sequence) of a watermark; ErrorInvalidWatermark when it is not one of ours."""
    try:
        raw = base64.b64decode((text or "").strip(), validate=True)
        if not raw.startswith(_WATERMARK_MAGIC):
            raise ValueError(text)
        guid, seq = raw[len(_WATERMARK_MAGIC) :].decode("ascii").split("|")
        return guid, int(seq)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise OpError("ErrorInvalidWatermark", "The watermark is invalid.") from None


class Subscription:
    __slots__ = (
        "id",
        "kind",
        "owner",
        "creator",
        "log",
        "folders",
        "types",
        "position",
        "timeout",
        "last_used",
        "streams",
    )

    def __init__(self, kind, owner, log, folders, types, position, timeout, creator=None):
        self.id = base64.b64encode(uuid.uuid4().bytes + log.guid.encode("ascii")[:24]).decode("ascii")
        self.kind = kind  # "pull" | "streaming"
        self.owner = owner  # the mailbox's account: it may use the subscription
        self.creator = creator  # the service account that made it impersonating *owner* (None: owner's own)
        self.log = log
        self.folders: frozenset[str] | None = folders  # None: all folders
        self.types = types
        self.position = position  # the sequence the client has seen
        self.timeout = timeout  # minutes (pull: idle time without GetEvents)
        self.last_used = time.monotonic()
        self.streams = 0  # open GetStreamingEvents connections

    def wants(self, event: Event) -> bool:
        return event.kind in self.types and (self.folders is None or bool(self.folders & event.folders))


class NotificationHub:
    """The event logs of all mailboxes and the subscriptions on them (one per server)."""

    def __init__(self):
        self.cond = threading.Condition()
        self.minute = 60.0  # seconds in a minute of Timeout / ConnectionTimeout (tests shorten it)
        self.keepalive = 40.0  # seconds between keep-alive messages on an idle streaming connection
        self.max_events = 50  # events per GetEvents answer (more: MoreEvents true)
        self.streaming_lifetime = 30  # minutes a streaming subscription lives without a connection
        self.closed = False  # the server is stopping: open streams end now
        self._logs: dict[str, MailboxLog] = {}
        self._subs: dict[str, Subscription] = {}

    # ---- recording -------------------------------------------------------------------
    def log_of(self, mb: Mailbox) -> MailboxLog:
        log = self._logs.get(mb.guid)
        if log is None:
            log = self._logs[mb.guid] = MailboxLog(mb.guid)
        return log

    def record(self, mb: Mailbox, kind: str, item: Item, folder: Folder, old=None) -> None:
        """An item change in *mb* (Created, Modified, Deleted, Moved, Copied, NewMail); *old*:
        (item id, folder) before a move or the source of a copy."""
        log = self._logs.get(mb.guid)
        if log is None:  # nobody ever subscribed to the mailbox: no watermark of it was given out
            return
        with self.cond:
            self._append(log, mb, kind + "Event", item, folder, old)
            in_calendar = (folder.folder_class or "").startswith("IPF.Appointment")
            if in_calendar and kind != "NewMail":
                self._append(log, mb, "FreeBusyChangedEvent", item, folder, None)
            self.cond.notify_all()

    def _append(self, log: MailboxLog, mb: Mailbox, kind: str, item: Item, folder: Folder, old) -> None:
        log.seq += 1
        parts = [
            f"<t:{kind}><t:Watermark>{log.watermark(log.seq)}</t:Watermark><t:TimeStamp>{_fmt(utcnow())}</t:TimeStamp>",
            f'<t:ItemId Id="{item.id}" ChangeKey="{mb.change_key(item)}"/>',
            f'<t:ParentFolderId Id="{folder.id}" ChangeKey="{mb.folder_change_key(folder)}"/>',
        ]
        folders = {folder.id}
        if old is not None and kind in ("MovedEvent", "CopiedEvent"):
            old_id, old_folder = old
            parts.append(f'<t:OldItemId Id="{old_id}"/>')
            parts.append(f'<t:OldParentFolderId Id="{old_folder.id}" ChangeKey="{mb.folder_change_key(old_folder)}"/>')
            folders.add(old_folder.id)
        parts.append(f"</t:{kind}>")
        log.events.append(Event(log.seq, kind, frozenset(folders), "".join(parts)))

    # ---- subscriptions ---------------------------------------------------------------
    def subscribe(
        self, kind, owner, mb: Mailbox, folders, types, watermark: str | None, timeout: int | None, creator=None
    ):
        """A new subscription; returns it and the watermark it starts from. *creator*: the service
        account that subscribes while impersonating *owner*."""
        with self.cond:
            log = self.log_of(mb)
            position = log.seq
            if watermark:
                guid, position = parse_watermark(watermark)
                if guid != mb.guid or not log.oldest() <= position <= log.seq:
                    raise OpError("ErrorInvalidWatermark", "The watermark is invalid.")
            sub = Subscription(kind, owner, log, folders, frozenset(types), position, timeout, creator)
            self._subs[sub.id] = sub
            return sub, log.watermark(position)

    def find(self, sub_id: str, owner: str, kind: str | None = None, caller: str | None = None) -> Subscription:
        """The live subscription *sub_id* of *owner* (or of the service account *caller* that made
        it); ErrorSubscriptionNotFound when it is unknown, unsubscribed or expired."""
        with self.cond:
            sub = self._subs.get((sub_id or "").strip())
            if sub is not None and self._expired(sub):
                del self._subs[sub.id]
                sub = None
            if sub is None:
                raise OpError("ErrorSubscriptionNotFound", "The specified subscription was not found.")
            if sub.owner != owner and (sub.creator is None or sub.creator != caller):
                raise OpError("ErrorSubscriptionAccessDenied", "You don't have permission to use this subscription.")
            if kind is not None and sub.kind != kind:
                raise OpError("ErrorInvalidSubscription", f"The subscription is not a {kind} subscription.")
            return sub

    def _expired(self, sub: Subscription) -> bool:
        idle = time.monotonic() - sub.last_used
        if sub.kind == "pull":
            return idle > sub.timeout * self.minute
        return sub.streams == 0 and idle > self.streaming_lifetime * self.minute

    def unsubscribe(self, sub: Subscription) -> None:
        with self.cond:
            self._subs.pop(sub.id, None)
            self.cond.notify_all()

    def is_live(self, sub: Subscription) -> bool:
        return self._subs.get(sub.id) is sub

    # ---- reading -----------------------------------------------------------------------
    def pull(self, sub: Subscription, watermark: str) -> tuple[str, list[Event], bool, str]:
        """GetEvents: (previous watermark, events after it, more waiting, last watermark)."""
        guid, seq = parse_watermark(watermark)
        with self.cond:
            log = sub.log
            if guid != log.guid or not log.oldest() <= seq <= log.seq:
                raise OpError("ErrorInvalidWatermark", "The watermark is invalid.")
            sub.last_used = time.monotonic()
            events: list[Event] = []
            more = False
            for event in log.after(seq):
                if not sub.wants(event):
                    continue
                if len(events) == self.max_events:
                    more = True
                    break
                events.append(event)
            last = events[-1].seq if events and more else log.seq
            sub.position = last
            return log.watermark(seq), events, more, log.watermark(last)

    def take(self, subs: list[Subscription]) -> list[tuple[Subscription, str, list[Event]]]:
        """Streaming: the new events of each subscription (previous watermark, events), moving
        each on; subscriptions with none are left out."""
        found = []
        for sub in subs:
            log = sub.log
            previous = log.watermark(sub.position)
            events = [e for e in log.after(sub.position) if sub.wants(e)]
            sub.position = log.seq
            sub.last_used = time.monotonic()
            if events:
                found.append((sub, previous, events))
        return found


def notification_xml(tag: str, sub: Subscription, previous: str, events: list[Event], more: bool | None) -> str:
    """A ``Notification`` (m: in GetEvents, t: in GetStreamingEvents) of *events*, or of a
    StatusEvent when there are none."""
    more_xml = "" if more is None else f"<t:MoreEvents>{'true' if more else 'false'}</t:MoreEvents>"
    body = "".join(e.xml for e in events) or (
        f"<t:StatusEvent><t:Watermark>{sub.log.watermark(sub.log.seq)}</t:Watermark></t:StatusEvent>"
    )
    return (
        f"<{tag}><t:SubscriptionId>{esc(sub.id)}</t:SubscriptionId>"
        f"<t:PreviousWatermark>{previous}</t:PreviousWatermark>{more_xml}{body}</{tag}>"
    )
