"""In-memory mailbox store of the loopback EWS server: mailboxes, folders, items.

Items are compact (``__slots__``; seeded bodies are generated on demand from a seed),
indexed by id per mailbox, and every folder keeps an append-only change log with
mailbox-wide sequence numbers so SyncFolderItems costs O(changes), not O(folder).
Nothing here is thread-safe on its own: callers hold ``Directory.lock``.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from bisect import bisect_right
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

Address = tuple[str | None, str]
"""(display name, email) of a sender, recipient or organizer; the name may be unknown."""

# Change-log operations
OP_CREATE, OP_UPDATE, OP_READ, OP_DELETE = "c", "u", "r", "d"

# distinguished name -> (display name, folder class, parent distinguished name)
STANDARD_FOLDERS = {
    "root": ("", None, None),
    "msgfolderroot": ("Top of Information Store", None, "root"),
    "inbox": ("Inbox", "IPF.Note", "msgfolderroot"),
    "outbox": ("Outbox", "IPF.Note", "msgfolderroot"),
    "sentitems": ("Sent Items", "IPF.Note", "msgfolderroot"),
    "deleteditems": ("Deleted Items", "IPF.Note", "msgfolderroot"),
    "drafts": ("Drafts", "IPF.Note", "msgfolderroot"),
    "junkemail": ("Junk Email", "IPF.Note", "msgfolderroot"),
    "calendar": ("Calendar", "IPF.Appointment", "msgfolderroot"),
    "contacts": ("Contacts", "IPF.Contact", "msgfolderroot"),
    "tasks": ("Tasks", "IPF.Task", "msgfolderroot"),
    "notes": ("Notes", "IPF.StickyNote", "msgfolderroot"),
    "journal": ("Journal", "IPF.Journal", "msgfolderroot"),
    "conversationhistory": ("Conversation History", "IPF.Note", "msgfolderroot"),
    "searchfolders": ("Finder", None, "root"),
}

ITEM_CLASS = {
    "Message": "IPM.Note",
    "CalendarItem": "IPM.Appointment",
    "Contact": "IPM.Contact",
    "Task": "IPM.Task",
    "Item": "IPM.Item",
    # meeting messages (app/simulator/meetings.py); a response's class says which it is
    "MeetingRequest": "IPM.Schedule.Meeting.Request",
    "MeetingResponse": "IPM.Schedule.Meeting.Resp.Pos",
    "MeetingCancellation": "IPM.Schedule.Meeting.Canceled",
}


def kind_for_class(item_class: str | None, default: str = "Item") -> str:
    """The EWS element an item of *item_class* is answered as (an NDR is a Message, …)."""
    cls = (item_class or "").lower()
    for prefix, kind in (
        ("ipm.note", "Message"),
        ("report.", "Message"),
        ("ipm.schedule.meeting.request", "MeetingRequest"),
        ("ipm.schedule.meeting.resp", "MeetingResponse"),
        ("ipm.schedule.meeting.canceled", "MeetingCancellation"),
        ("ipm.schedule.meeting", "Message"),
        ("ipm.appointment", "CalendarItem"),
        ("ipm.contact", "Contact"),
        ("ipm.task", "Task"),
    ):
        if cls.startswith(prefix):
            return kind
    return default


_ID_PREFIX = b"\x00\x03\x24\x00"
_FOLDER_MARK = b"\x00\x2e\x00\x00"
_ITEM_MARK = b"\x00\x46\x00\x00"
_RAW_ID_LEN = 4 + 36 + 4 + 8 + 2


def conversation_id(mailbox_guid: str, thread_guid: bytes) -> str:
    """EWS ConversationId as Exchange renders it: mailbox-specific prefix + thread GUID."""
    raw = b"\x00\x04\x24\x00" + mailbox_guid.encode("ascii") + b"\x00\x10\x00" + thread_guid
    return base64.b64encode(raw).decode("ascii")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class MalformedId(ValueError):
    """The id is not one this server could have issued (-> ErrorInvalidIdMalformed)."""


def decode_id(ews_id: str) -> tuple[str, str, int]:
    """-> (mailbox guid, "folder"|"item", counter); raises MalformedId."""
    try:
        raw = base64.b64decode(ews_id, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise MalformedId(ews_id) from None
    if len(raw) != _RAW_ID_LEN or not raw.startswith(_ID_PREFIX):
        raise MalformedId(ews_id)
    mark = raw[40:44]
    if mark not in (_FOLDER_MARK, _ITEM_MARK):
        raise MalformedId(ews_id)
    try:
        guid = raw[4:40].decode("ascii")
    except UnicodeDecodeError:
        raise MalformedId(ews_id) from None
    return guid, "folder" if mark == _FOLDER_MARK else "item", int.from_bytes(raw[44:52], "big")


def encode_id(guid: str, kind: str, counter: int) -> str:
    raw = (
        _ID_PREFIX
        + guid.encode("ascii")
        + (_FOLDER_MARK if kind == "folder" else _ITEM_MARK)
        + counter.to_bytes(8, "big")
        + b"\x00\x00"
    )
    return base64.b64encode(raw).decode("ascii")


class Item:
    """One mailbox item; type-specific properties (calendar, contact, task) live in ``x``."""

    __slots__ = (
        "id",
        "kind",
        "item_class",
        "folder_id",
        "ck",
        "subject",
        "_body",
        "body_type",
        "body_spec",
        "received",
        "sent",
        "created",
        "modified",
        "importance",
        "sensitivity",
        "categories",
        "is_read",
        "is_draft",
        "is_from_me",
        "msgid",
        "in_reply_to",
        "references",
        "conv_id",
        "conv_index",
        "sender",
        "from_",
        "to",
        "cc",
        "bcc",
        "reply_to",
        "x",
        "created_seq",
        "content_seq",
        "last_seq",
    )

    PERSISTED = __slots__  # every slot is kept in the state file

    def __init__(self, kind: str):
        self.kind = kind
        self.item_class = ITEM_CLASS[kind]
        self.id: str | None = None  # both set by Mailbox.add_item
        self.folder_id: str | None = None
        self.ck = 0
        self.subject: str | None = None
        self._body: str | None = None
        self.body_type = "Text"
        # (seed, size, html[, inline image's content id]) for lazily generated seeded bodies
        self.body_spec: tuple[int, int, bool] | tuple[int, int, bool, str] | None = None
        self.received: datetime | None = None
        self.sent: datetime | None = None
        self.created: datetime | None = None
        self.modified: datetime | None = None
        self.importance = "Normal"
        self.sensitivity = "Normal"
        self.categories: tuple[str, ...] = ()
        self.is_read = False
        self.is_draft = False
        self.is_from_me = False
        self.msgid: str | None = None
        self.in_reply_to: str | None = None
        self.references: str | None = None
        self.conv_id: bytes | None = None  # 16 bytes
        self.conv_index: bytes | None = None
        self.sender: Address | None = None
        self.from_: Address | None = None
        self.to: tuple[Address, ...] = ()
        self.cc: tuple[Address, ...] = ()
        self.bcc: tuple[Address, ...] = ()
        self.reply_to: tuple[Address, ...] = ()
        self.x: dict[str, Any] | None = None
        self.created_seq = self.content_seq = self.last_seq = 0

    @property
    def body(self) -> str | None:
        if self._body is None and self.body_spec is not None:
            from .seed import generate_body  # lazy: seed.py builds on this module

            return generate_body(*self.body_spec)
        return self._body

    @body.setter
    def body(self, value: str | None) -> None:
        self._body = value
        self.body_spec = None

    def get(self, name: str, default: Any = None) -> Any:
        """A type-specific property from ``x``."""
        return self.x.get(name, default) if self.x else default

    def set(self, name: str, value: Any) -> None:
        if self.x is None:
            self.x = {}
        if value is None:
            self.x.pop(name, None)
        else:
            self.x[name] = value

    def size(self) -> int:
        spec = self.body_spec
        body_len = spec[1] if spec else len(self._body or "")
        return 1200 + body_len + 2 * len(self.subject or "")


class Folder:
    __slots__ = (
        "id",
        "parent_id",
        "name",
        "folder_class",
        "distinguished",
        "items",
        "ck",
        "log",
        "version",
        "_sorted",
        "_sorted_version",
        "x",
    )

    def __init__(
        self, fid: str, parent_id: str | None, name: str, folder_class: str | None, distinguished: str | None = None
    ):
        self.id = fid
        self.parent_id = parent_id
        self.name = name
        self.folder_class = folder_class
        self.distinguished = distinguished
        self.items: dict[str, Item] = {}
        self.ck = 1
        # (seq, item id, op, created_seq) in ascending seq order
        self.log: list[tuple[int, str, str, int]] = []
        self.version = 0
        self._sorted: list[Item] = []  # computed on first use: the versions differ
        self._sorted_version = -1
        self.x: dict[str, Any] | None = None  # extended properties ("ext"), as on items

    def items_by_received(self) -> list[Item]:
        """Items sorted by DateTimeReceived ascending (cached until the folder changes)."""
        if self._sorted_version != self.version:
            self._sorted = sorted(self.items.values(), key=lambda it: (it.received or it.created, it.id))
            self._sorted_version = self.version
        return self._sorted

    def changes_after(self, seq: int) -> list[tuple[int, str, str, int]]:
        return self.log[bisect_right(self.log, (seq, "\uffff")) :]


class Mailbox:
    """One user's mailbox: folders, items, id counters, and a sequence for change logs."""

    def __init__(self, email: str, guid: str | None = None):
        self.email = email.lower()
        self.guid = guid or str(uuid.uuid5(uuid.NAMESPACE_URL, "mailbox:" + self.email))
        self._ck_prefix = b"\x0f\x00\x00\x00\x16\x00\x00\x00" + uuid.UUID(self.guid).bytes
        self.folders: dict[str, Folder] = {}
        self.distinguished: dict[str, Folder] = {}
        self.items: dict[str, Item] = {}
        self.by_msgid: dict[str, str] = {}  # InternetMessageId -> item id (latest)
        self.counter = 0
        self.seq = 0
        self.ck_counter = 0
        # told of every item change: (mailbox, kind, item, folder, old) — notifications.py
        self.observer: Callable[..., None] | None = None
        self._quiet = False  # inside a move: one Moved, not a Deleted and a Created

    # ---- ids -------------------------------------------------------------------------
    def new_id(self, kind: str) -> str:
        self.counter += 1
        return encode_id(self.guid, kind, self.counter)

    def next_ck(self) -> int:
        self.ck_counter += 1
        return self.ck_counter

    def change_key(self, item: Item) -> str:
        return base64.b64encode(self._ck_prefix + item.ck.to_bytes(6, "big")).decode("ascii")

    @staticmethod
    def folder_change_key(folder: Folder) -> str:
        return base64.b64encode(b"\x01\x00\x00\x00" + folder.ck.to_bytes(4, "big")).decode("ascii")

    # ---- folders ---------------------------------------------------------------------
    def create_standard_folders(self) -> None:
        for name, (display, cls, parent) in STANDARD_FOLDERS.items():
            parent_id = self.distinguished[parent].id if parent else None
            self.add_folder(parent_id, display, cls, distinguished=name)

    def add_folder(
        self,
        parent_id: str | None,
        name: str,
        folder_class: str | None,
        distinguished: str | None = None,
        fid: str | None = None,
    ) -> Folder:
        folder = Folder(fid or self.new_id("folder"), parent_id, name, folder_class, distinguished)
        self.folders[folder.id] = folder
        if distinguished:
            self.distinguished[distinguished] = folder
        if parent_id in self.folders:
            self.folders[parent_id].ck += 1
        return folder

    def children(self, folder_id: str | None) -> list[Folder]:
        return [f for f in self.folders.values() if f.parent_id == folder_id]

    def descendants(self, folder_id: str) -> list[Folder]:
        out: list[Folder] = []
        stack = [folder_id]
        while stack:
            kids = self.children(stack.pop())
            out.extend(kids)
            stack.extend(reversed([k.id for k in kids]))
        return out

    def remove_folder(self, folder: Folder) -> None:
        for sub in self.descendants(folder.id) + [folder]:
            for item_id in list(sub.items):
                self.items.pop(item_id, None)
            self.folders.pop(sub.id, None)

    # ---- items -----------------------------------------------------------------------
    def _log(self, folder: Folder, item: Item, op: str) -> int:
        assert item.id is not None, "only an item in a mailbox has changes to log"
        self.seq += 1
        folder.log.append((self.seq, item.id, op, item.created_seq))
        folder.version += 1
        return self.seq

    def _emit(self, kind: str, item: Item, folder: Folder, old=None) -> None:
        if self.observer is not None and not self._quiet:
            self.observer(self, kind, item, folder, old)

    def add_item(
        self,
        folder: Folder,
        item: Item,
        *,
        item_id: str | None = None,
        copied_from: Item | None = None,
        new_mail: bool = False,
    ) -> Item:
        """Put a new item into *folder* (new id, new change key, logged as a create); a copy of
        *copied_from* (a Copied event), or *new_mail* delivered (a NewMail event besides)."""
        source = None
        if copied_from is not None and copied_from.folder_id in self.folders:
            source = (copied_from.id, self.folders[copied_from.folder_id])
        item.id = item_id or self.new_id("item")
        item.folder_id = folder.id
        item.ck = self.next_ck()
        now: datetime | None = None
        if item.created is None:
            item.created = now = utcnow()
        if item.modified is None:
            item.modified = now or utcnow()
        if item.received is None:
            item.received = item.created
        folder.items[item.id] = item
        self.items[item.id] = item
        if item.msgid:
            self.by_msgid[item.msgid] = item.id
        item.created_seq = self.seq + 1
        item.content_seq = item.last_seq = self._log(folder, item, OP_CREATE)
        if source is not None:
            self._emit("Copied", item, folder, source)
        else:
            self._emit("Created", item, folder)
        if new_mail:
            self._emit("NewMail", item, folder)
        return item

    def touch(self, item: Item, *, read_flag_only: bool = False) -> None:
        """Record a modification: new change key, LastModifiedTime, change-log entry."""
        assert item.folder_id is not None, "only an item in a mailbox can be modified"
        folder = self.folders[item.folder_id]
        item.ck = self.next_ck()
        if not read_flag_only:
            item.modified = utcnow()
        seq = self._log(folder, item, OP_READ if read_flag_only else OP_UPDATE)
        item.last_seq = seq
        if not read_flag_only:
            item.content_seq = seq
        self._emit("Modified", item, folder)

    def remove_item(self, item: Item) -> None:
        assert item.id is not None and item.folder_id is not None, "only an item in a mailbox can be removed"
        folder = self.folders[item.folder_id]
        folder.items.pop(item.id, None)
        self.items.pop(item.id, None)
        if item.msgid and self.by_msgid.get(item.msgid) == item.id:
            del self.by_msgid[item.msgid]
        self._log(folder, item, OP_DELETE)
        self._emit("Deleted", item, folder)

    def move_item(self, item: Item, target: Folder) -> Item:
        """Move to *target*; like Exchange, the moved item gets a new id."""
        assert item.folder_id is not None, "only an item in a mailbox can be moved"
        old = (item.id, self.folders[item.folder_id])
        self._quiet = True
        try:
            self.remove_item(item)
            item.modified = None
            item.modified = utcnow()
            moved = self.add_item(target, item)
        finally:
            self._quiet = False
        self._emit("Moved", moved, target, old)
        return moved

    # ---- persistence -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        def enc(v: object) -> object:
            if isinstance(v, datetime):
                return {"$dt": v.isoformat()}
            if isinstance(v, bytes):
                return {"$b": base64.b64encode(v).decode()}
            if isinstance(v, (tuple, list)):
                return [enc(x) for x in v]
            if isinstance(v, dict):
                return {"$d": {k: enc(x) for k, x in v.items()}}
            return v

        return {
            "email": self.email,
            "guid": self.guid,
            "counter": self.counter,
            "seq": self.seq,
            "ck_counter": self.ck_counter,
            "folders": [
                {
                    "id": f.id,
                    "parent_id": f.parent_id,
                    "name": f.name,
                    "folder_class": f.folder_class,
                    "distinguished": f.distinguished,
                    "ck": f.ck,
                    "log": [list(e) for e in f.log],
                    "x": enc(f.x) if f.x else None,
                }
                for f in self.folders.values()
            ],
            "items": [{k: enc(getattr(it, k)) for k in Item.PERSISTED} for it in self.items.values()],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mailbox:
        def dec(v: Any) -> Any:
            if isinstance(v, dict):
                if "$dt" in v:
                    return datetime.fromisoformat(v["$dt"])
                if "$b" in v:
                    return base64.b64decode(v["$b"])
                if "$d" in v:
                    return {k: dec(x) for k, x in v["$d"].items()}
            if isinstance(v, list):
                return tuple(dec(x) for x in v)
            return v

        mb = cls(d["email"], d["guid"])
        mb.counter, mb.seq, mb.ck_counter = d["counter"], d["seq"], d["ck_counter"]
        for fd in d["folders"]:
            f = mb.add_folder(fd["parent_id"], fd["name"], fd["folder_class"], fd["distinguished"], fid=fd["id"])
            f.ck = fd["ck"]
            f.log = [tuple(e) for e in fd["log"]]
            f.x = dec(fd.get("x")) or None
        for idict in d["items"]:
            it = Item(idict["kind"])
            for k in Item.PERSISTED:
                setattr(it, k, dec(idict[k]))
            assert it.id is not None and it.folder_id is not None, "a saved item was in a folder"
            mb.items[it.id] = it
            mb.folders[it.folder_id].items[it.id] = it
            if it.msgid:
                mb.by_msgid[it.msgid] = it.id
        return mb
