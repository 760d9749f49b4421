"""Sending email through a mailbox, and finding what it sent.

- ``send_email``: CreateItem with SendAndSaveCopy (the copy goes to Sent Items). A refusal that
  concerns this one email (its recipients, its size …) raises ``EmailRefused`` with the EWS code;
  Exchange refusing to send as the mailbox raises ``SendDenied`` (the mailbox's rights: nothing was
  sent); throttling raises ``ServerBusy`` (nothing was sent); anything else is exchangelib's error,
  for app.exchange.errors.classify.
- ``find_sent_email``: the Sent Items copy with a given Internet Message-ID (FindItem with a
  restriction), so an email whose send may have reached Exchange is never sent twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from exchangelib import HTMLBody, Message
from exchangelib import Mailbox as EwsMailbox
from exchangelib import errors as ews

from app.domain.timeutil import as_utc
from app.exchange.errors import EmailRefused, SendDenied, ServerBusy
from app.exchange.mailbox_connection import MailboxConnection

__all__ = [
    "OutgoingEmail",
    "SentEmail",
    "EmailRefused",
    "SendDenied",
    "ServerBusy",
    "send_email",
    "find_sent_email",
]

# Exchange response codes that concern one email, not the mailbox: that email fails, others go on.
PER_EMAIL_ERRORS = (
    "ErrorInvalidRecipients",
    "ErrorMessageSizeExceeded",
    "ErrorInvalidPropertyValue",
    "ErrorInvalidValueForProperty",
)
_PER_EMAIL = tuple(getattr(ews, name) for name in PER_EMAIL_ERRORS if hasattr(ews, name))


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    """An email to send, as the store has it."""

    message_id: str  # the Internet Message-ID it is sent with (fixed before the first try)
    subject: str
    body: str
    body_is_html: bool
    to_recipients: list[str]
    cc_recipients: list[str]
    in_reply_to: str | None = None
    references: str | None = None


@dataclass(frozen=True, slots=True)
class SentEmail:
    """The Sent Items copy of an email."""

    item_id: str | None
    change_key: str | None
    sent_on: datetime | None  # aware UTC


def send_email(connection: MailboxConnection, email: OutgoingEmail) -> None:
    """Send *email* with SendAndSaveCopy; raises ``EmailRefused``, ``SendDenied`` or ``ServerBusy``
    (see above)."""
    account = connection.account
    message = Message(
        account=account,
        folder=account.sent,
        subject=email.subject,
        body=HTMLBody(email.body) if email.body_is_html else email.body,
        to_recipients=[EwsMailbox(email_address=a) for a in email.to_recipients] or None,
        cc_recipients=[EwsMailbox(email_address=a) for a in email.cc_recipients] or None,
        message_id=email.message_id,
        in_reply_to=email.in_reply_to or None,
        references=email.references or None,
    )
    try:
        message.send_and_save()
    except _PER_EMAIL as exc:
        raise EmailRefused(type(exc).__name__, str(exc), exc) from exc
    except ews.ErrorSendAsDenied as exc:
        raise SendDenied(type(exc).__name__, str(exc), exc) from exc
    except ews.ErrorServerBusy as exc:
        raise ServerBusy(str(exc), exc) from exc


def find_sent_email(connection: MailboxConnection, message_id: str) -> SentEmail | None:
    """The Sent Items copy with this Internet Message-ID, or None."""
    found = list(connection.account.sent.filter(message_id=message_id).only("datetime_sent"))
    if not found:
        return None
    item = found[0]
    return SentEmail(
        getattr(item, "id", None), getattr(item, "changekey", None), as_utc(getattr(item, "datetime_sent", None))
    )
