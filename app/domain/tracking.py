"""Whether an incoming email is tracked into the store (docs/product-rules.md §5, personal options → Email tab).

Pure decision: the facts about the message come in an ``IncomingMessage``, what the store knows
comes through a ``TrackingLookup`` (the sync engine implements it on the store, tests with sets).

- All email messages: every message.
- Email messages in response to tracked email (the default): a tracking token in the subject
  (the configured prefix and digits, e.g. ``CRM:0001234``), an In-Reply-To or References naming
  the Message-ID of a tracked email, or the Exchange ConversationId of a tracked email.
- Email messages from known contacts, accounts and leads: the sender's address is one of theirs.
- Email messages from records that are email enabled: the sender's address belongs to any
  record of the store (users, queues, contacts, accounts, leads).

A tracked outgoing email carries its token in the subject it is sent with (``make_tracking_token``,
``subject_with_token``), so that the answers to it are found again by the token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from app.domain.enums import TrackingOption

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


class TrackingReason(str, Enum):
    ALL = "all"
    TOKEN = "token"
    REPLY = "reply"  # In-Reply-To / References of a tracked Message-ID
    CONVERSATION = "conversation"
    KNOWN_SENDER = "known_sender"
    EMAIL_ENABLED = "email_enabled"


@dataclass(frozen=True)
class IncomingMessage:
    subject: str = ""
    sender: str = ""  # the From address
    in_reply_to: str = ""
    references: str = ""  # the References header: Message-IDs separated by white space
    conversation_id: str = ""


class TrackingLookup(Protocol):
    def is_tracked_message_id(self, message_ids: Sequence[str]) -> bool: ...

    def is_tracked_conversation(self, conversation_id: str) -> bool: ...

    def is_known_sender(self, address: str) -> bool:
        """The address of a contact, an account or a lead."""

    def is_email_enabled(self, address: str) -> bool:
        """The address of any record: user, queue, contact, account or lead."""


@dataclass(frozen=True)
class TrackingDecision:
    tracked: bool
    reason: TrackingReason | None = None
    token: str | None = None  # the tracking token found in the subject, whatever the option


def find_tracking_token(subject: str, prefix: str) -> str | None:
    """``CRM:0001234`` from "Re: Offer CRM:0001234"; None without a prefix or a token.

    The prefix is matched without regard to case and must not continue a word; the token is
    returned with the configured prefix."""
    prefix = (prefix or "").strip()
    if not prefix or not subject:
        return None
    match = re.search(r"(?<![\w])" + re.escape(prefix) + r"\s?(\d+)(?!\w)", subject, flags=re.IGNORECASE)
    return f"{prefix}{match.group(1)}" if match else None


TOKEN_DIGITS = 7  # CRM:0001234


def make_tracking_token(prefix: str, number: int) -> str:
    """The token of a tracked outgoing email: the configured prefix and its number, ``CRM:0001234``."""
    return f"{prefix.strip()}{number:0{TOKEN_DIGITS}d}"


def subject_with_token(subject: str, token: str) -> str:
    """The subject an email is sent with: its token appended, unless the subject carries it
    already (the "Re: …" of a tracked email's answer does)."""
    subject = subject or ""
    if not token or token.casefold() in subject.casefold():
        return subject
    return f"{subject} {token}" if subject.strip() else token


def referenced_message_ids(message: IncomingMessage) -> list[str]:
    """In-Reply-To and the References, most recent first, without repeats."""
    found: list[str] = []
    for text in (message.in_reply_to, *reversed(_ids_in(message.references))):
        for mid in _ids_in(text):
            if mid not in found:
                found.append(mid)
    return found


def _ids_in(text: str) -> list[str]:
    text = (text or "").strip()
    if not text:
        return []
    ids = _MESSAGE_ID.findall(text)
    return ids if ids else text.split()


def normalize_address(address: str | None) -> str:
    return (address or "").strip().lower()


def decide(
    message: IncomingMessage, option: TrackingOption, lookup: TrackingLookup, *, token_prefix: str = "CRM:"
) -> TrackingDecision:
    token = find_tracking_token(message.subject, token_prefix)
    if option is TrackingOption.ALL:
        return TrackingDecision(True, TrackingReason.ALL, token)
    if option is TrackingOption.RESPONSES:
        if token is not None:
            return TrackingDecision(True, TrackingReason.TOKEN, token)
        referenced = referenced_message_ids(message)
        if referenced and lookup.is_tracked_message_id(referenced):
            return TrackingDecision(True, TrackingReason.REPLY, token)
        if message.conversation_id and lookup.is_tracked_conversation(message.conversation_id):
            return TrackingDecision(True, TrackingReason.CONVERSATION, token)
        return TrackingDecision(False, None, token)
    sender = normalize_address(message.sender)
    if option is TrackingOption.KNOWN_SENDERS:
        if sender and lookup.is_known_sender(sender):
            return TrackingDecision(True, TrackingReason.KNOWN_SENDER, token)
        return TrackingDecision(False, None, token)
    if option is TrackingOption.EMAIL_ENABLED:
        if sender and lookup.is_email_enabled(sender):
            return TrackingDecision(True, TrackingReason.EMAIL_ENABLED, token)
        return TrackingDecision(False, None, token)
    raise ValueError(f"unknown tracking option {option!r}")


@dataclass
class SetLookup:
    """A ``TrackingLookup`` over plain sets (for tests and previews)."""

    message_ids: set[str] = field(default_factory=set)
    conversations: set[str] = field(default_factory=set)
    known_senders: set[str] = field(default_factory=set)  # contacts, accounts, leads
    other_records: set[str] = field(default_factory=set)  # users, queues

    def is_tracked_message_id(self, message_ids: Sequence[str]) -> bool:
        return any(mid in self.message_ids for mid in message_ids)

    def is_tracked_conversation(self, conversation_id: str) -> bool:
        return conversation_id in self.conversations

    def is_known_sender(self, address: str) -> bool:
        return normalize_address(address) in {normalize_address(a) for a in self.known_senders}

    def is_email_enabled(self, address: str) -> bool:
        address = normalize_address(address)
        return self.is_known_sender(address) or address in {normalize_address(a) for a in self.other_records}
