"""What Test & Enable asks Exchange, one function per question (app.diagnostics.steps calls them).

Each takes an open ``MailboxConnection`` and returns plain values; errors are exchangelib's,
for app.exchange.errors.classify.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from app.exchange.folders import new_message_id
from app.exchange.mailbox_connection import MailboxConnection


@dataclass(frozen=True)
class ServerInfo:
    """What the first authenticated request told about the server."""

    auth_type: str  # the authentication exchangelib settled on, e.g. NTLM
    build: str  # e.g. 15.0.847.32
    api_version: str  # e.g. Exchange2013_SP1


def check_connection(connection: MailboxConnection) -> ServerInfo:
    """The first authenticated request (GetFolder of the root), which also settles the server version."""
    account = connection.account
    account.root.refresh()
    build = account.version.build
    return ServerInfo(
        str(account.protocol.auth_type),
        f"{build.major_version}.{build.minor_version}.{build.major_build}.{build.minor_build}",
        str(account.version.api_version),
    )


def open_inbox(connection: MailboxConnection) -> int | None:
    """Open the Inbox and read its newest item; returns its item count."""
    inbox = connection.account.inbox
    count: int | None = inbox.total_count
    list(inbox.all().only("subject").order_by("-datetime_received")[:1])
    return count


def count_appointments_contacts_tasks(connection: MailboxConnection) -> list[tuple[str, int | None]]:
    """Open the Calendar, Contacts and Tasks folders: [(folder name, item count)]."""
    account = connection.account
    return [
        (name, folder.total_count)
        for name, folder in (("Calendar", account.calendar), ("Contacts", account.contacts), ("Tasks", account.tasks))
    ]


def send_test_message(connection: MailboxConnection, to_address: str, *, attempts: int = 5, wait: float = 0.2) -> str:
    """Send "Test Message …" to *to_address* (SendAndSaveCopy) and find it in Sent Items; returns
    its subject."""
    from exchangelib import Mailbox, Message

    account = connection.account
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    subject = f"Test Message {stamp} ({uuid.uuid4().hex[:8]})"
    message_id = new_message_id(to_address.rsplit("@", 1)[1])
    Message(
        account=account,
        folder=account.sent,
        subject=subject,
        body="This message was sent by Server-Side Sync Manager to test outgoing email. You can delete it.",
        to_recipients=[Mailbox(email_address=to_address)],
        message_id=message_id,
    ).send_and_save()
    for _ in range(attempts):  # Sent Items can lag behind the send on a busy server
        if account.sent.filter(message_id=message_id).count():
            return subject
        time.sleep(wait)
    raise LookupError(f"the test message {message_id} was sent but is not in Sent Items")
