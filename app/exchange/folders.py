"""Folder and item operations the diagnostics and the sync engine share."""
from __future__ import annotations

import time
import uuid

UNDELIVERABLE = "Undeliverable"


def ensure_undeliverable_folder(account) -> bool:
    """The Inbox's Undeliverable subfolder; returns True when it had to be created."""
    from exchangelib import Folder

    for child in account.inbox.children:
        if child.name == UNDELIVERABLE:
            return False
    Folder(parent=account.inbox, name=UNDELIVERABLE).save()
    return True


def new_message_id(domain: str) -> str:
    return f"<sssm.{uuid.uuid4().hex}@{domain}>"


def send_test_message(account, to_address: str, *, attempts: int = 5, wait: float = 0.2) -> str:
    """Send "Test Message …" to *to_address* (SendAndSaveCopy) and find it in Sent Items."""
    from exchangelib import Mailbox, Message

    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    subject = f"Test Message {stamp} ({uuid.uuid4().hex[:8]})"
    message_id = new_message_id(to_address.rsplit("@", 1)[1])
    Message(
        account=account, folder=account.sent, subject=subject,
        body="This message was sent by Server-Side Sync Manager to test outgoing email. You can delete it.",
        to_recipients=[Mailbox(email_address=to_address)], message_id=message_id,
    ).send_and_save()
    for _ in range(attempts):  # Sent Items can lag behind the send on a busy server
        if account.sent.filter(message_id=message_id).count():
            return subject
        time.sleep(wait)
    raise LookupError(f"the test message {message_id} was sent but is not in Sent Items")
