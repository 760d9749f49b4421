"""Messages read straight from EWS answer elements, into the value objects incoming sync uses.

exchangelib builds a full Message object per item (every field, validators, descriptors); for an
initial sync of thousands of emails that construction costs about as much as the XML parsing
itself. These readers take just the fields incoming sync needs, in the plain types the store
keeps (str, aware UTC datetimes), and nothing more:

- ``parse_message``: a ``t:Message`` of a GetItem answer → ``IncomingEmail``;
- ``parse_new_item``: the item of a SyncFolderItems ``t:Create`` change → ``NewMessage`` (or
  ``None`` for an item that is not a message, e.g. a contact); a meeting request, response or
  cancellation is a message.

A message's ItemClass tells an ordinary one (IPM.Note …) from a report (REPORT.IPM.Note.NDR, a
non-delivery report; REPORT.IPM.Note.IPNRN, a read receipt: EWS answers both as ``t:Message``);
its ``t:Attachments`` list is read as ``AttachmentInfo`` values (no content: that is fetched
when asked for, app.exchange.attachments).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from lxml.etree import _Element

from app.domain.timeutil import as_utc
from app.exchange.errors import MalformedAnswer

T = "{http://schemas.microsoft.com/exchange/services/2006/types}"
# a meeting request, response or cancellation is a message too (MeetingMessageType extends
# MessageType): it is read as one, its From, recipients and body as any message's
MESSAGE_TAGS = frozenset(T + tag for tag in ("Message", "MeetingRequest", "MeetingResponse", "MeetingCancellation"))


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """One attachment as GetItem lists it: no content."""

    attachment_id: str
    name: str
    content_type: str = ""
    size: int = 0
    content_id: str | None = None
    is_inline: bool = False
    is_item: bool = False  # an attached message or other item


@dataclass(slots=True)
class IncomingEmail:
    """One message of the Inbox as GetItem returned it: what the store keeps of it."""

    item_id: str
    change_key: str | None
    subject: str = ""
    body: str = ""
    body_is_html: bool = False
    received: datetime | None = None  # aware UTC
    sent: datetime | None = None  # aware UTC
    in_reply_to: str | None = None
    references: str = ""
    message_id: str = ""  # the Internet Message-ID, stripped; "" when the message has none
    conversation_id: str | None = None
    sender: str = ""  # the From address (else the Sender's), stripped
    to_recipients: str = ""  # addresses joined with ";"
    cc_recipients: str = ""
    item_class: str = "IPM.Note"
    attachments: list[AttachmentInfo] = field(default_factory=list)

    @property
    def is_non_delivery_report(self) -> bool:
        return self.item_class.upper().startswith("REPORT.") and self.item_class.upper().endswith(".NDR")


@dataclass(slots=True)
class NewMessage:
    """A message SyncFolderItems reported as created: its id, change key and arrival time."""

    item_id: str
    change_key: str | None
    received: datetime | None  # aware UTC
    item_class: str | None = None  # when the shape asked for it


def _child(elem: _Element, tag: str) -> _Element | None:
    """The first child element *tag* (with its namespace): lxml's ``iterchildren`` filters in C,
    twice as fast as ``find``'s path machinery, thousands of times per initial sync."""
    return next(elem.iterchildren(tag), None)


def _text(elem: _Element, tag: str) -> str | None:
    child = _child(elem, T + tag)
    return child.text if child is not None else None


def _utc(value: str | None, tag: str) -> datetime | None:
    if not value:
        return None
    try:
        return as_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError as exc:
        raise MalformedAnswer(f"{tag} is not a date and time: {value[:40]!r}", None) from exc


def _item_id(elem: _Element, operation: str) -> _Element:
    item_id = _child(elem, T + "ItemId")
    if item_id is None:
        raise MalformedAnswer(f"{operation} answered a message without an ItemId", None)
    return item_id


def _address(elem: _Element | None) -> str | None:
    """The EmailAddress of the element's t:Mailbox ("" when it has none); None without a mailbox."""
    if elem is None:
        return None
    box = _child(elem, T + "Mailbox")
    if box is None:
        return None
    return _text(box, "EmailAddress") or ""


def _addresses(elem: _Element | None) -> str:
    if elem is None:
        return ""
    found = (_child(box, T + "EmailAddress") for box in elem.iterchildren(T + "Mailbox"))
    return ";".join(address.text for address in found if address is not None and address.text)


def parse_message(elem: _Element) -> IncomingEmail:
    """A GetItem answer's ``t:Message`` element as an ``IncomingEmail``; ``MalformedAnswer`` when
    it cannot be read (no ItemId, a date that is none)."""
    # one pass over the children, each kept by its tag (the first of a tag, as ``find`` would):
    # a message has about twenty, and looking each field up on its own scanned them again
    children: dict[object, _Element] = {}
    for child in elem.iterchildren(tag=_MESSAGE_FIELDS):
        children.setdefault(child.tag, child)
    item_id = children.get(T + "ItemId")
    if item_id is None:
        raise MalformedAnswer("GetItem answered a message without an ItemId", None)

    def text(tag: str) -> str | None:
        child = children.get(T + tag)
        return child.text if child is not None else None

    email = IncomingEmail(item_id.get("Id") or "", item_id.get("ChangeKey"))
    email.subject = text("Subject") or ""
    body = children.get(T + "Body")
    if body is not None:
        email.body = body.text or ""
        email.body_is_html = body.get("BodyType") == "HTML"
    email.received = _utc(text("DateTimeReceived"), "DateTimeReceived")
    email.sent = _utc(text("DateTimeSent"), "DateTimeSent")
    email.in_reply_to = text("InReplyTo")
    email.references = text("References") or ""
    email.message_id = (text("InternetMessageId") or "").strip()
    conversation = children.get(T + "ConversationId")
    if conversation is not None and conversation.get("Id"):
        email.conversation_id = conversation.get("Id")
    # the author (From) is the sender; the Sender element only when From is missing or empty
    for who in (_address(children.get(T + "From")), _address(children.get(T + "Sender"))):
        if who:
            email.sender = who.strip()
            break
    email.to_recipients = _addresses(children.get(T + "ToRecipients"))
    email.cc_recipients = _addresses(children.get(T + "CcRecipients"))
    email.item_class = (text("ItemClass") or "IPM.Note").strip()
    email.attachments = _attachments(children.get(T + "Attachments"))
    return email


# the children of a t:Message that parse_message reads
_MESSAGE_FIELDS = tuple(
    T + tag
    for tag in (
        "ItemId",
        "Subject",
        "Body",
        "DateTimeReceived",
        "DateTimeSent",
        "InReplyTo",
        "References",
        "InternetMessageId",
        "ConversationId",
        "From",
        "Sender",
        "ToRecipients",
        "CcRecipients",
        "ItemClass",
        "Attachments",
    )
)


def _attachments(elem: _Element | None) -> list[AttachmentInfo]:
    if elem is None:
        return []
    found = []
    for child in elem:
        attachment_id = child.find(T + "AttachmentId")
        if attachment_id is None or not attachment_id.get("Id"):
            raise MalformedAnswer("GetItem answered an attachment without an AttachmentId", None)
        size = _text(child, "Size") or "0"
        found.append(
            AttachmentInfo(
                attachment_id=attachment_id.get("Id") or "",
                name=_text(child, "Name") or "",
                content_type=_text(child, "ContentType") or "",
                size=int(size) if size.strip().isdigit() else 0,
                content_id=_text(child, "ContentId"),
                is_inline=(_text(child, "IsInline") or "").strip() == "true",
                is_item=child.tag == T + "ItemAttachment",
            )
        )
    return found


def parse_new_item(item_elem: _Element, received: Callable[[_Element], datetime | None]) -> NewMessage | None:
    """The item element of a SyncFolderItems ``t:Create`` change: a ``NewMessage`` for a
    ``t:Message`` or a meeting message, None for any other item type. *received* reads DateTimeReceived when it is
    missing or in any other form than whole seconds UTC (exchangelib's own field does that).
    ``MalformedAnswer`` when the message cannot be read (no ItemId, a date that is none)."""
    if item_elem.tag not in MESSAGE_TAGS:
        return None
    item_id = _item_id(item_elem, "SyncFolderItems")
    value = _text(item_elem, "DateTimeReceived")
    if value is not None and len(value) == 20 and value[19] == "Z":  # what Exchange sends: 2024-05-06T09:00:00Z
        try:
            when: datetime | None = datetime.fromisoformat(value[:19] + "+00:00")
        except ValueError as exc:
            raise MalformedAnswer(f"DateTimeReceived is not a date and time: {value!r}", None) from exc
    else:
        when = received(item_elem)
    item_class = (_text(item_elem, "ItemClass") or "").strip() or None
    return NewMessage(item_id.get("Id") or "", item_id.get("ChangeKey"), when, item_class)
