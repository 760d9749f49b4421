"""A light reading of GetItem's message elements: just the fields incoming sync stores.

exchangelib builds a full Message object per item (every field, validators, descriptors); for an
initial sync of thousands of emails that construction costs about as much as the XML parsing
itself. These objects have the attributes incoming.py reads, with exchangelib's Body/HTMLBody for
the body, and nothing more.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

T = "{http://schemas.microsoft.com/exchange/services/2006/types}"


@dataclass(slots=True)
class Address:
    email_address: str
    name: str = ""


@dataclass(slots=True)
class Conversation:
    id: str


@dataclass(slots=True)
class LightMessage:
    id: str
    changekey: str | None
    subject: str | None = None
    body: object = None
    datetime_received: datetime | None = None
    datetime_sent: datetime | None = None
    in_reply_to: str | None = None
    references: str | None = None
    message_id: str | None = None
    conversation_id: Conversation | None = None
    sender: Address | None = None
    author: Address | None = None
    to_recipients: list[Address] = field(default_factory=list)
    cc_recipients: list[Address] = field(default_factory=list)


def _text(elem, tag: str) -> str | None:
    child = elem.find(T + tag)
    return child.text if child is not None else None


def _when(elem, tag: str) -> datetime | None:
    value = _text(elem, tag)
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _mailbox(elem) -> Address | None:
    if elem is None:
        return None
    box = elem.find(T + "Mailbox")
    if box is None:
        return None
    return Address(_text(box, "EmailAddress") or "", _text(box, "Name") or "")


def _mailboxes(elem) -> list[Address]:
    if elem is None:
        return []
    return [Address(_text(box, "EmailAddress") or "", _text(box, "Name") or "") for box in elem.findall(T + "Mailbox")]


def parse_message(elem) -> LightMessage:
    from exchangelib import Body, HTMLBody

    item_id = elem.find(T + "ItemId")
    message = LightMessage(item_id.get("Id"), item_id.get("ChangeKey"))
    message.subject = _text(elem, "Subject")
    body = elem.find(T + "Body")
    if body is not None:
        text = body.text or ""
        message.body = HTMLBody(text) if body.get("BodyType") == "HTML" else Body(text)
    message.datetime_received = _when(elem, "DateTimeReceived")
    message.datetime_sent = _when(elem, "DateTimeSent")
    message.in_reply_to = _text(elem, "InReplyTo")
    message.references = _text(elem, "References")
    message.message_id = _text(elem, "InternetMessageId")
    conversation = elem.find(T + "ConversationId")
    if conversation is not None and conversation.get("Id"):
        message.conversation_id = Conversation(conversation.get("Id"))
    message.sender = _mailbox(elem.find(T + "Sender"))
    message.author = _mailbox(elem.find(T + "From"))
    message.to_recipients = _mailboxes(elem.find(T + "ToRecipients"))
    message.cc_recipients = _mailboxes(elem.find(T + "CcRecipients"))
    return message
