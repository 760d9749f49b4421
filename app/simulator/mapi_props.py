"""MAPI properties that are an item's or a folder's own fields, reachable by ExtendedFieldURI.

In Exchange every EWS property is a MAPI property: ``PropertyTag="0x37"`` is the subject,
``0x3613`` a folder's class. A client may use either name, and gateways (IMAP over EWS) do:
they list folders with a restriction on ``PR_CONTAINER_CLASS`` and read messages' flags,
sizes and dates as tags. Each entry here reads the property from the model (as the text of a
``t:Value``) and, where Exchange lets a client write it, sets it. Named properties of a
distinguished set that are model fields (an appointment's start, a task's status …) and the
``InternetHeaders`` set (an item's Internet headers by name) are here too. Any other extended
property is kept as the client wrote it (``extended.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import attachments

Getter = Callable[[Any, Any], "str | None"]
Setter = Callable[[Any, str], None]


def _fmt_dt(value) -> str | None:
    from .xmlitems import fmt_dt

    return fmt_dt(value) if value is not None else None


def _parse_dt(text: str):
    from .xmlitems import parse_dt

    return parse_dt(text)


def _bool(value) -> str:
    return "true" if value else "false"


def _text_body(item) -> str | None:
    from .xmlitems import body_as

    return body_as(item, "Text")[1] or None


def _html_body(item) -> str | None:
    from .xmlitems import body_as

    return body_as(item, "HTML")[1] or None


def _message_flags(item, ctx) -> str:
    flags = 0
    if item.is_read:
        flags |= 0x01  # MSGFLAG_READ
    if item.is_draft:
        flags |= 0x08  # MSGFLAG_UNSENT
    if attachments.has_attachments(item):
        flags |= 0x10  # MSGFLAG_HASATTACH
    if item.is_from_me:
        flags |= 0x20  # MSGFLAG_FROMME
    return str(flags)


def _set_message_flags(item, text: str) -> None:
    flags = int(text, 0)
    item.is_read = bool(flags & 0x01)
    item.is_draft = bool(flags & 0x08)
    item.set("message_flags_set", True)  # CreateItem SaveOnly keeps these flags (ops/createitem.py)


def _set_read(item, text: str) -> None:
    item.is_read = text.strip().lower() in ("true", "1")


_IMPORTANCE = {"Low": "0", "Normal": "1", "High": "2"}
_SENSITIVITY = {"Normal": "0", "Personal": "1", "Private": "2", "Confidential": "3"}


def _reverse(table: dict[str, str]) -> Callable[[str], str]:
    back = {v: k for k, v in table.items()}
    return lambda text: back.get(str(int(text, 0)), next(iter(table)))


def _headers_text(item, ctx) -> str | None:
    from .xmlitems import _headers

    pairs = _headers(item, ctx)
    return "".join(f"{k}: {v}\r\n" for k, v in pairs) if pairs else None


def _size(item, ctx) -> str:
    return str(item.size() + sum(attachments.size(a) for a in attachments.attachments(item)))


def _slot(name: str) -> tuple[Getter, Setter]:
    return (lambda it, c: getattr(it, name)), (lambda it, v: setattr(it, name, v))


def _addr(name: str, part: int) -> Getter:
    return lambda it, c: (getattr(it, name) or (None, None))[part] or None


# PropertyTag (the id part, without the type) -> (getter, setter or None) for items
ITEM_TAGS: dict[int, tuple[Getter, Setter | None]] = {
    0x001A: (lambda it, c: it.item_class, lambda it, v: setattr(it, "item_class", v)),  # PR_MESSAGE_CLASS
    0x0037: _slot("subject"),  # PR_SUBJECT
    0x0E1D: (lambda it, c: it.subject, None),  # PR_NORMALIZED_SUBJECT
    0x0070: (lambda it, c: it.subject, None),  # PR_CONVERSATION_TOPIC
    0x0017: (lambda it, c: _IMPORTANCE.get(it.importance, "1"), None),  # PR_IMPORTANCE
    0x0036: (lambda it, c: _SENSITIVITY.get(it.sensitivity, "0"), None),  # PR_SENSITIVITY
    0x0E07: (_message_flags, _set_message_flags),  # PR_MESSAGE_FLAGS
    0x0E69: (lambda it, c: _bool(it.is_read), _set_read),  # PR_READ
    0x0E08: (_size, None),  # PR_MESSAGE_SIZE
    0x0E1B: (lambda it, c: _bool(attachments.has_attachments(it)), None),  # PR_HASATTACH
    0x0E06: (lambda it, c: _fmt_dt(it.received), None),  # PR_MESSAGE_DELIVERY_TIME
    0x0039: (lambda it, c: _fmt_dt(it.sent or it.created), None),  # PR_CLIENT_SUBMIT_TIME
    0x3007: (lambda it, c: _fmt_dt(it.created), None),  # PR_CREATION_TIME
    0x3008: (lambda it, c: _fmt_dt(it.modified), None),  # PR_LAST_MODIFICATION_TIME
    0x1035: (lambda it, c: it.msgid, None),  # PR_INTERNET_MESSAGE_ID
    0x1039: (lambda it, c: it.references, None),  # PR_INTERNET_REFERENCES
    0x1042: (lambda it, c: it.in_reply_to, None),  # PR_IN_REPLY_TO_ID
    0x007D: (_headers_text, None),  # PR_TRANSPORT_MESSAGE_HEADERS
    0x1000: (lambda it, c: _text_body(it), None),  # PR_BODY
    0x0C1A: (_addr("sender", 0), None),  # PR_SENDER_NAME
    0x0C1F: (_addr("sender", 1), None),  # PR_SENDER_EMAIL_ADDRESS
    0x5D01: (_addr("sender", 1), None),  # PR_SENDER_SMTP_ADDRESS
    0x0042: (_addr("from_", 0), None),  # PR_SENT_REPRESENTING_NAME
    0x0065: (_addr("from_", 1), None),  # PR_SENT_REPRESENTING_EMAIL_ADDRESS
    0x5D02: (_addr("from_", 1), None),  # PR_SENT_REPRESENTING_SMTP_ADDRESS
    0x0E04: (lambda it, c: "; ".join(n or e for n, e in it.to) or None, None),  # PR_DISPLAY_TO
    0x0E03: (lambda it, c: "; ".join(n or e for n, e in it.cc) or None, None),  # PR_DISPLAY_CC
    0x0E02: (lambda it, c: "; ".join(n or e for n, e in it.bcc) or None, None),  # PR_DISPLAY_BCC
    0x3FDE: (lambda it, c: "65001", None),  # PR_INTERNET_CPID (UTF-8)
    # PR_INTERNET_ARTICLE_NUMBER: grows with each item put into a folder (an IMAP gateway's UID)
    0x0E23: (lambda it, c: str(it.created_seq), None),
    0x0FF9: (lambda it, c: _record_key(it), None),  # PR_RECORD_KEY (Binary)
    0x10F4: (lambda it, c: "false", None),  # PR_ATTR_HIDDEN
}


def _record_key(item) -> str | None:
    import base64
    import hashlib

    return base64.b64encode(hashlib.md5((item.id or "").encode()).digest()).decode() if item.id else None


# A folder's own MAPI properties
FOLDER_TAGS: dict[int, tuple[Getter, Setter | None]] = {
    0x3001: (lambda f, mb: f.name, lambda f, v: setattr(f, "name", v)),  # PR_DISPLAY_NAME
    0x3613: (lambda f, mb: f.folder_class, lambda f, v: setattr(f, "folder_class", v)),  # PR_CONTAINER_CLASS
    0x3602: (lambda f, mb: str(len(f.items)), None),  # PR_CONTENT_COUNT
    0x3603: (  # PR_CONTENT_UNREAD
        lambda f, mb: str(sum(1 for it in f.items.values() if it.kind == "Message" and not it.is_read)),
        None,
    ),
    0x360A: (lambda f, mb: _bool(mb.children(f.id)), None),  # PR_SUBFOLDERS
    0x3601: (lambda f, mb: "2" if f.distinguished == "searchfolders" else "1", None),  # PR_FOLDER_TYPE
    0x10F4: (lambda f, mb: _bool(f.distinguished in ("root", "searchfolders")), None),  # PR_ATTR_HIDDEN
    0x0E08: (lambda f, mb: str(sum(it.size() for it in f.items.values())), None),  # PR_MESSAGE_SIZE
    0x6751: (lambda f, mb: str(mb.seq + 1), None),  # PR_ARTICLE_NUM_NEXT: the next article number
    0x670A: (lambda f, mb: _fmt_dt(_folder_changed(f, mb)), None),  # PR_LOCAL_COMMIT_TIME_MAX
    0x3008: (lambda f, mb: _fmt_dt(_folder_changed(f, mb)), None),  # PR_LAST_MODIFICATION_TIME
}


def _folder_changed(folder, mb):
    stamps = [it.modified for it in folder.items.values() if it.modified is not None]
    return max(stamps) if stamps else None


# Named properties that are model fields: (canonical set, id) -> (getter, setter)
def _x(name: str, *, kind: str = "str") -> tuple[Getter, Setter]:
    def get(it, c):
        value = it.get(name)
        if value is None:
            return None
        if kind == "dt":
            return _fmt_dt(value)
        if kind == "bool":
            return _bool(value)
        return str(value)

    def set_(it, text):
        if kind == "dt":
            it.set(name, _parse_dt(text))
        elif kind == "bool":
            it.set(name, text.strip().lower() in ("true", "1"))
        elif kind == "float":
            it.set(name, float(text))
        else:
            it.set(name, text)

    return get, set_


_TASK_STATUS = {"0": "NotStarted", "1": "InProgress", "2": "Completed", "3": "WaitingOnOthers", "4": "Deferred"}


def _task_status() -> tuple[Getter, Setter]:
    back = {v: k for k, v in _TASK_STATUS.items()}
    return (
        lambda it, c: back.get(it.get("status") or "NotStarted", "0"),
        lambda it, v: it.set("status", _TASK_STATUS.get(str(int(v, 0)), "NotStarted")),
    )


NAMED_IDS: dict[tuple[str, int], tuple[Getter, Setter]] = {
    ("Appointment", 0x8208): _x("location"),  # PidLidLocation
    ("Appointment", 0x820D): _x("start", kind="dt"),  # PidLidAppointmentStartWhole
    ("Appointment", 0x820E): _x("end", kind="dt"),  # PidLidAppointmentEndWhole
    ("Appointment", 0x8215): _x("is_all_day", kind="bool"),  # PidLidAppointmentSubType
    ("Task", 0x8101): _task_status(),  # PidLidTaskStatus
    ("Task", 0x8102): _x("percent_complete", kind="float"),  # PidLidPercentComplete
    ("Task", 0x8104): _x("start_date", kind="dt"),  # PidLidTaskStartDate
    ("Task", 0x8105): _x("due_date", kind="dt"),  # PidLidTaskDueDate
}

# Well-known property set GUIDs and the DistinguishedPropertySetId Exchange treats them as
SET_GUIDS = {
    "00020329-0000-0000-c000-000000000046": "PublicStrings",
    "00062008-0000-0000-c000-000000000046": "Common",
    "00062004-0000-0000-c000-000000000046": "Address",
    "00062002-0000-0000-c000-000000000046": "Appointment",
    "6ed8da90-450b-101b-98da-00aa003f1305": "Meeting",
    "00062003-0000-0000-c000-000000000046": "Task",
    "00020386-0000-0000-c000-000000000046": "InternetHeaders",
    "11000e07-b51b-40d6-af21-caa85edab1d0": "CalendarAssistant",
    "4442858e-a9e3-4e80-b900-317a210cc15b": "UnifiedMessaging",
    "00062040-0000-0000-c000-000000000046": "Sharing",
}
DISTINGUISHED_SETS = frozenset(SET_GUIDS.values())


def internet_header(item, name: str, ctx) -> str | None:
    """The value of Internet header *name* (case-insensitive) of *item*, or None."""
    from .xmlitems import _headers

    wanted = name.lower()
    for key, value in (_headers(item, ctx) if ctx is not None else item.get("headers")) or ():
        if key.lower() == wanted:
            return value
    return None
