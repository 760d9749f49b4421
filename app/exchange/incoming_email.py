"""The Inbox as incoming sync reads it: its changes page by page, its messages in batches, and
the Undeliverable folder for the messages that cannot be processed.

``Inbox(connection)`` lives for one incoming cycle (it remembers the Undeliverable folder once
it was looked up). What it returns are plain values: ``InboxPage`` with ``NewMessage``s,
``IncomingEmail`` (app.exchange.message_parse) and ``ItemError`` per item; a refused sync state
raises ``SyncStateInvalid``. Requests:

- ``sync_page``: one SyncFolderItems on the distinguished Inbox (no GetFolder first, so an
  unchanged Inbox costs exactly one request), IdOnly plus DateTimeReceived;
- ``fetch_emails``: GetItem with only the fields the store keeps;
- ``move_to_undeliverable``: MoveItem into the Inbox's Undeliverable folder (created when missing).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exchangelib import Mailbox as EwsMailbox
from exchangelib import Message
from exchangelib.errors import ErrorInvalidSyncStateData
from exchangelib.fields import FieldPath
from exchangelib.items import ID_ONLY
from exchangelib.properties import DistinguishedFolderId
from exchangelib.services import MoveItem

from app.exchange.errors import ItemError, MalformedAnswer, SyncStateInvalid, item_error
from app.exchange.folders import UNDELIVERABLE, ensure_undeliverable_folder
from app.exchange.mailbox_connection import MailboxConnection
from app.exchange.message_parse import IncomingEmail, NewMessage
from app.exchange.services.get_item import GetMessagesLight
from app.exchange.services.sync_folder_items import SyncInboxItems

__all__ = ["Inbox", "InboxPage", "IncomingEmail", "NewMessage", "ItemError", "SyncStateInvalid", "UNDELIVERABLE"]

INBOX_ID = "inbox"  # the distinguished folder id
# GetItem: what the store keeps of a message, nothing more
FETCHED_FIELDS = (
    "subject",
    "body",
    "datetime_received",
    "datetime_sent",
    "in_reply_to",
    "conversation_id",
    "sender",
    "author",
    "to_recipients",
    "cc_recipients",
    "message_id",
    "references",
    "item_class",
    "attachments",
)
# SyncFolderItems: enough to drop mail from before "process email from" without fetching it
SYNC_FIELDS = ("datetime_received", "item_class")

ItemIdAndKey = tuple[str, str | None]  # an item id and its change key (None: any version)


@dataclass(frozen=True, slots=True)
class InboxPage:
    """One SyncFolderItems answer: the items created since the state, in order."""

    created: list[NewMessage | None]  # None: an item that is not a message (a contact, an appointment …)
    sync_state: str | None  # the state after this page
    complete: bool  # the page includes the last change: nothing more to read


class Inbox:
    """A mailbox's Inbox for one incoming cycle."""

    def __init__(self, connection: MailboxConnection) -> None:
        self.connection = connection
        self._undeliverable: Any = None  # the exchangelib Folder, once looked up

    def sync_page(self, sync_state: str | None, max_changes: int) -> InboxPage:
        """The changes after *sync_state* (None: from the start), at most *max_changes*; raises
        ``SyncStateInvalid`` when Exchange no longer knows the state."""
        account = self.connection.account
        inbox = DistinguishedFolderId(id=INBOX_ID, mailbox=EwsMailbox(email_address=account.primary_smtp_address))
        service = SyncInboxItems(account=account)
        create = SyncInboxItems.CREATE
        changes = service.call(
            folder=inbox,
            shape=ID_ONLY,
            additional_fields=_field_paths(SYNC_FIELDS),
            sync_state=sync_state,
            ignore=None,
            max_changes_returned=max_changes,
            sync_scope=None,
        )
        try:
            # updates, read flags and deletions change nothing in the store: only creations count
            created = [new for change_type, new in changes if change_type == create]
        except ErrorInvalidSyncStateData as exc:
            raise SyncStateInvalid(str(exc), exc) from exc
        return InboxPage(created, service.sync_state, bool(service.includes_last_item_in_range))

    def fetch_emails(self, items: Sequence[ItemIdAndKey], chunk_size: int) -> list[IncomingEmail | ItemError]:
        """GetItem of *items* (*chunk_size* per request): one answer per item, in order."""
        service = GetMessagesLight(account=self.connection.account, chunk_size=chunk_size)
        answers: list[IncomingEmail | ItemError] = []
        for result in service.call(items=items, additional_fields=_field_paths(FETCHED_FIELDS), shape=ID_ONLY):
            if isinstance(result, IncomingEmail):
                answers.append(result)
            elif isinstance(result, Exception):
                answers.append(item_error(result))
            else:  # neither a message nor an error for it (exchangelib yields True for an empty one)
                raise MalformedAnswer(f"GetItem answered {result!r} where a message belongs")
        return answers

    def move_to_undeliverable(self, items: Sequence[ItemIdAndKey]) -> list[ItemError | None]:
        """Move *items* to the Inbox's Undeliverable folder (created when missing): per item
        None when it was moved, else its error."""
        folder = self._undeliverable_folder()
        results = MoveItem(account=self.connection.account).call(items=items, to_folder=folder)
        return [item_error(result) if isinstance(result, Exception) else None for result in results]

    def _undeliverable_folder(self) -> Any:
        if self._undeliverable is None:
            ensure_undeliverable_folder(self.connection)
            for child in self.connection.account.inbox.children:
                if child.name == UNDELIVERABLE:
                    self._undeliverable = child
                    break
            else:
                raise LookupError(f"the {UNDELIVERABLE} folder was created but cannot be found")
        return self._undeliverable


@functools.cache
def _field_paths(names: tuple[str, ...]) -> frozenset[Any]:
    return frozenset(FieldPath(field=Message.get_field_by_fieldname(name)) for name in names)
