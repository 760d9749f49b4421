"""What the store knows, for incoming sync: the owner's tracking option, the tracking lookups
(tracked Message-IDs and conversations, known and email-enabled senders) and the Inbox's stored
SyncFolderItems state."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from peewee import Field

from app.domain.enums import TrackingOption
from app.domain.tracking import TrackingLookup, normalize_address
from app.store.base import database, utcnow
from app.store.models import (
    Contact,
    CrmAccount,
    EmailActivity,
    EmailMailboxLink,
    FolderSyncState,
    Lead,
    Mailbox,
    Queue,
    SystemUser,
    UserOptions,
)

INBOX = "inbox"


def tracking_option_for(mailbox: Mailbox) -> TrackingOption:
    """The owner's personal option; a queue keeps everything it receives."""
    if mailbox.owner_user_id is None:
        return TrackingOption.ALL
    options = UserOptions.get_or_none(UserOptions.user == mailbox.owner_user_id)
    return options.tracking_option if options is not None else TrackingOption.RESPONSES


class StoreTrackingLookup:
    """``TrackingLookup`` on the store. Sender addresses are read once per cycle."""

    def __init__(self) -> None:
        self._known: set[str] | None = None
        self._enabled: set[str] | None = None

    def is_tracked_message_id(self, message_ids: Sequence[str]) -> bool:
        return EmailActivity.select(EmailActivity.id).where(EmailActivity.message_id.in_(list(message_ids))).exists()

    def is_tracked_conversation(self, conversation_id: str) -> bool:
        return EmailActivity.select(EmailActivity.id).where(EmailActivity.conversation_id == conversation_id).exists()

    def is_known_sender(self, address: str) -> bool:
        if self._known is None:
            self._known = _addresses(Contact.email, CrmAccount.email, Lead.email)
        return normalize_address(address) in self._known

    def is_email_enabled(self, address: str) -> bool:
        if self._enabled is None:
            self._enabled = _addresses(SystemUser.email, Queue.email)
        return normalize_address(address) in self._enabled or self.is_known_sender(address)


class _PendingLookup:
    """A tracking lookup that also knows the emails stored earlier in the same batch."""

    def __init__(self, base: TrackingLookup) -> None:
        self.base = base
        self.message_ids: set[str] = set()
        self.conversations: set[str] = set()

    def add(self, message_id: str, conversation_id: str | None) -> None:
        self.message_ids.add(message_id)
        if conversation_id:
            self.conversations.add(conversation_id)

    def is_tracked_message_id(self, message_ids: Sequence[str]) -> bool:
        return any(m in self.message_ids for m in message_ids) or self.base.is_tracked_message_id(message_ids)

    def is_tracked_conversation(self, conversation_id: str) -> bool:
        return conversation_id in self.conversations or self.base.is_tracked_conversation(conversation_id)

    def is_known_sender(self, address: str) -> bool:
        return self.base.is_known_sender(address)

    def is_email_enabled(self, address: str) -> bool:
        return self.base.is_email_enabled(address)


def _addresses(*columns: Field[str] | Field[str | None]) -> set[str]:
    found: set[str] = set()
    for column in columns:
        # peewee's stubs type .tuples() as still yielding models: its rows are (address,)
        query = cast(
            "Iterable[tuple[str]]", column.model.select(column).where(column.is_null(False) & (column != "")).tuples()
        )
        found.update(normalize_address(value) for (value,) in query)
    return found


def load_sync_state(mailbox: Mailbox, folder: str = INBOX) -> str | None:
    row = FolderSyncState.get_or_none((FolderSyncState.mailbox == mailbox.id) & (FolderSyncState.folder == folder))
    return row.sync_state or None if row is not None else None


def save_sync_state(mailbox: Mailbox, state: str, folder: str = INBOX) -> None:
    with database.atomic("IMMEDIATE"):
        (
            FolderSyncState.insert(mailbox=mailbox.id, folder=folder, sync_state=state, updated_on=utcnow())
            .on_conflict(
                conflict_target=[FolderSyncState.mailbox, FolderSyncState.folder],
                update={FolderSyncState.sync_state: state, FolderSyncState.updated_on: utcnow()},
            )
            .execute()
        )


def stored_emails(mailbox_id: int, message_ids: Iterable[str]) -> dict[str, tuple[int, bool]]:
    """Message-ID → (stored email id, already linked to *mailbox_id*) for those in the store.

    One statement with the ids as parameters: peewee would build the text of an ``IN`` of a page
    of Message-IDs value by value, which cost more than SQLite's answer."""
    ids = list(message_ids)
    if not ids:
        return {}
    email, link = EmailActivity._meta, EmailMailboxLink._meta
    mark = database.param
    sql = (
        f'SELECT e."id", e."message_id", l."id" FROM "{email.table_name}" e '
        f'LEFT OUTER JOIN "{link.table_name}" l ON l."email_id" = e."id" AND l."mailbox_id" = {mark} '
        f'WHERE e."message_id" IN ({", ".join([mark] * len(ids))})'
    )
    rows = cast("Iterable[tuple[int, str, int | None]]", database.execute_sql(sql, [mailbox_id, *ids]))
    return {message_id: (email_id, link_id is not None) for email_id, message_id, link_id in rows}


def linked_item_ids(mailbox_id: int, item_ids: Sequence[str], chunk: int = 500) -> set[str]:
    """Those of the Exchange *item_ids* already linked to a stored email for *mailbox_id*
    (parameterized statements of *chunk* ids, as ``stored_emails``)."""
    link = EmailMailboxLink._meta
    mark = database.param
    found: set[str] = set()
    for start in range(0, len(item_ids), chunk):
        part = item_ids[start : start + chunk]
        sql = (
            f'SELECT "item_id" FROM "{link.table_name}" '
            f'WHERE "mailbox_id" = {mark} AND "item_id" IN ({", ".join([mark] * len(part))})'
        )
        found.update(item_id for (item_id,) in database.execute_sql(sql, [mailbox_id, *part]))
    return found
