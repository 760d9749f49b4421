"""Folder operations the diagnostics and the sync engine share, and our Message-IDs."""

from __future__ import annotations

import uuid

from app.exchange.mailbox_connection import MailboxConnection

UNDELIVERABLE = "Undeliverable"


def ensure_undeliverable_folder(connection: MailboxConnection) -> bool:
    """The Inbox's Undeliverable subfolder; returns True when it had to be created."""
    from exchangelib import Folder

    inbox = connection.account.inbox
    for child in inbox.children:
        if child.name == UNDELIVERABLE:
            return False
    Folder(parent=inbox, name=UNDELIVERABLE).save()
    return True


def new_message_id(domain: str) -> str:
    """A new Internet Message-ID of ours: ``<sssm.<random hex>@domain>``."""
    return f"<sssm.{uuid.uuid4().hex}@{domain}>"
