"""One email as the Records page details it, and what the compose window needs from the store.

The detail says how the email is tracked: its token, its conversation, the mailboxes that hold a
copy and why each copy is in the store (``EmailMailboxLink.tracked_by``), the stored emails it is
correlated to (the one it answers, those its References name, the one that issued its token, the
first of its conversation) and the answers to it, and the records it is regarding (the contact,
account, lead, user or queue whose address sent it, or received it when it went out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from app.domain.enums import (
    ApprovalStatus,
    EmailDirection,
    EmailStatus,
    SyncMethod,
    TrackedBy,
    TrackingOption,
)
from app.domain.records import split_addresses
from app.store.models import (
    Contact,
    CrmAccount,
    EmailActivity,
    EmailMailboxLink,
    Lead,
    Mailbox,
    Queue,
    SystemUser,
    UserOptions,
)

RELATED_MAX = 20
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class MailboxCopy:
    mailbox_id: int
    mailbox_name: str
    address: str
    folder: str  # inbox, sentitems
    tracked_by: TrackedBy
    linked_on: datetime | None


@dataclass(frozen=True)
class RelatedEmail:
    id: int
    subject: str
    sender: str
    shown_on: datetime | None
    how: str  # in_reply_to, references, token, conversation, answer


@dataclass(frozen=True)
class Regarding:
    kind: str  # contact, account, lead, user, queue
    name: str
    address: str


@dataclass(frozen=True)
class EmailDetail:
    id: int
    message_id: str
    subject: str
    sender: str
    to_recipients: str
    cc_recipients: str
    direction: EmailDirection
    status: EmailStatus
    owner_name: str
    owner_user_id: int | None
    owner_queue_id: int | None
    received_on: datetime | None
    sent_on: datetime | None
    created_on: datetime | None
    in_reply_to: str
    references: str
    conversation_id: str
    tracking_token: str
    body: str
    body_is_html: bool
    send_attempts: int
    failure_reason: str
    copies: tuple[MailboxCopy, ...]
    correlated: tuple[RelatedEmail, ...]
    answers: tuple[RelatedEmail, ...]
    regarding: tuple[Regarding, ...]

    @property
    def shown_on(self) -> datetime | None:
        return self.received_on or self.sent_on or self.created_on


def _related(email: EmailActivity, how: str) -> RelatedEmail:
    return RelatedEmail(
        email.id, email.subject, email.sender, email.received_on or email.sent_on or email.created_on, how
    )


def _correlated(email: EmailActivity) -> list[RelatedEmail]:
    found: list[RelatedEmail] = []
    seen = {email.id}

    def add(candidates: list[EmailActivity], how: str) -> None:
        for candidate in candidates:
            if candidate.id not in seen and len(found) < RELATED_MAX:
                seen.add(candidate.id)
                found.append(_related(candidate, how))

    if email.in_reply_to:
        add(list(EmailActivity.select().where(EmailActivity.message_id == email.in_reply_to)), "in_reply_to")
    references = _MESSAGE_ID.findall(email.references or "")
    if references:
        add(list(EmailActivity.select().where(EmailActivity.message_id.in_(references))), "references")
    if email.tracking_token:
        issued = (
            EmailActivity.select()
            .where(
                (EmailActivity.tracking_token == email.tracking_token)
                & (EmailActivity.direction == EmailDirection.OUTGOING)
            )
            .order_by(EmailActivity.id)
            .limit(1)
        )
        add(list(issued), "token")
    if email.conversation_id:
        first = (
            EmailActivity.select()
            .where(EmailActivity.conversation_id == email.conversation_id)
            .order_by(fn.COALESCE(EmailActivity.received_on, EmailActivity.sent_on, EmailActivity.created_on))
            .limit(1)
        )
        add(list(first), "conversation")
    return found


def _answers(email: EmailActivity) -> list[RelatedEmail]:
    query = (
        EmailActivity.select()
        .where(EmailActivity.in_reply_to == email.message_id)
        .order_by(EmailActivity.id)
        .limit(RELATED_MAX)
    )
    return [_related(answer, "answer") for answer in query]


def _regarding(addresses: list[str]) -> list[Regarding]:
    found: list[Regarding] = []
    for address in addresses[:RELATED_MAX]:
        key = address.strip().lower()
        for kind, model in (("contact", Contact), ("account", CrmAccount), ("lead", Lead)):
            for record in model.select().where(fn.LOWER(model.email) == key).limit(3):
                name = (
                    " ".join(p for p in (record.first_name, record.last_name) if p)
                    if isinstance(record, Contact)
                    else record.name
                )
                found.append(Regarding(kind, name or address, address))
        for kind, owner_model in (("user", SystemUser), ("queue", Queue)):
            for owner in owner_model.select().where(fn.LOWER(owner_model.email) == key).limit(3):
                found.append(Regarding(kind, owner.name, address))
    return list(dict.fromkeys(found))  # two records alike (the same contact twice) are named once


def _copies(email_id: int) -> list[MailboxCopy]:
    query = (
        EmailMailboxLink.select(EmailMailboxLink, Mailbox)
        .join(Mailbox)
        .where(EmailMailboxLink.email == email_id)
        .order_by(EmailMailboxLink.linked_on, EmailMailboxLink.id)
    )
    return [
        MailboxCopy(
            link.mailbox_id, link.mailbox.name, link.mailbox.email, link.folder, link.tracked_by, link.linked_on
        )
        for link in query
    ]


def email_detail(email_id: int) -> EmailDetail | None:
    email = EmailActivity.get_or_none(EmailActivity.id == email_id)
    if email is None:
        return None
    owner = ""
    if email.owner_user_id is not None:
        owner = SystemUser.select(SystemUser.name).where(SystemUser.id == email.owner_user_id).scalar() or ""
    elif email.owner_queue_id is not None:
        owner = Queue.select(Queue.name).where(Queue.id == email.owner_queue_id).scalar() or ""
    if email.direction is EmailDirection.INCOMING:
        addresses = [email.sender]
    else:
        addresses = split_addresses(email.to_recipients) + split_addresses(email.cc_recipients)
    return EmailDetail(
        email.id,
        email.message_id,
        email.subject,
        email.sender,
        email.to_recipients,
        email.cc_recipients,
        email.direction,
        email.status,
        owner,
        email.owner_user_id,
        email.owner_queue_id,
        email.received_on,
        email.sent_on,
        email.created_on,
        email.in_reply_to or "",
        email.references or "",
        email.conversation_id or "",
        email.tracking_token or "",
        email.body,
        email.body_is_html,
        email.send_attempts,
        email.failure_reason,
        tuple(_copies(email.id)),
        tuple(_correlated(email)),
        tuple(_answers(email)),
        tuple(_regarding([a for a in addresses if a])),
    )


def email_status(email_id: int) -> tuple[EmailStatus, str] | None:
    """The email's status and Exchange's reason when it failed (the compose window watches it)."""
    row = (
        EmailActivity.select(EmailActivity.status, EmailActivity.failure_reason)
        .where(EmailActivity.id == email_id)
        .first()
    )
    return (row.status, row.failure_reason) if row is not None else None


# --- the compose window ----------------------------------------------------------------------


@dataclass(frozen=True)
class SendingMailbox:
    """A mailbox an email can be sent from: approved, active, outgoing email by server-side sync."""

    id: int
    name: str
    address: str
    owner_user_id: int | None
    owner_queue_id: int | None
    enabled: bool  # outgoing sync enabled (tested); else the email waits until it is
    tracks_replies: bool  # its owner tracks answers to tracked email: its emails carry a token


def sending_mailboxes() -> list[SendingMailbox]:
    query = (
        Mailbox.select()
        .where(
            (Mailbox.approval == ApprovalStatus.APPROVED)
            & (Mailbox.outgoing_method == SyncMethod.SERVER_SIDE)
            & (Mailbox.is_active == True)  # noqa: E712 - peewee expression
        )
        .order_by(Mailbox.name, Mailbox.id)
    )
    mailboxes = list(query)
    options = {
        o.user_id: o.tracking_option
        for o in UserOptions.select().where(
            UserOptions.user.in_([m.owner_user_id for m in mailboxes if m.owner_user_id is not None])
        )
    }
    return [
        SendingMailbox(
            m.id,
            m.name,
            m.email,
            m.owner_user_id,
            m.owner_queue_id,
            m.outgoing_enabled,
            m.owner_user_id is not None
            and options.get(m.owner_user_id, TrackingOption.RESPONSES) is TrackingOption.RESPONSES,
        )
        for m in mailboxes
    ]


def sender_mailbox_id(email_id: int) -> int | None:
    """The mailbox an outgoing email is sent from (its sender address), None when there is none."""
    sender = EmailActivity.select(EmailActivity.sender).where(EmailActivity.id == email_id).scalar()
    if not sender:
        return None
    mailbox = Mailbox.select(Mailbox.id).where(fn.LOWER(Mailbox.email) == sender.lower()).order_by(Mailbox.id).first()
    return mailbox.id if mailbox is not None else None
