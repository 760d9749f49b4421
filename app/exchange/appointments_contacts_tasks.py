"""Appointments, contacts and tasks in their Exchange folders (Calendar, Contacts, Tasks).

One function per request app.sync.appointments_contacts_tasks makes, each for one record type
(its folder and fields come from app.exchange.item_mapping). In and out go plain values: item
ids and change keys, store values (field name → value) and, per item, ``ItemError`` for an item
Exchange answered with an error.

- ``folder_changes``: SyncFolderItems (ids and change keys only) from a sync state, every page;
- ``fetch_items``: GetItem with only the mapped fields (and the last modification time);
- ``create_items``, ``update_items``, ``delete_items``: CreateItem, UpdateItem (with the
  ChangeKey: a stale one answers ``ItemError.changed_meanwhile`` per item), DeleteItem (to
  Deleted Items).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from exchangelib.items import MOVE_TO_DELETED_ITEMS

from app.domain.enums import RecordType
from app.domain.timeutil import as_utc
from app.exchange.errors import ItemError, item_error
from app.exchange.item_mapping import ITEM_MAPPINGS, StoreValues
from app.exchange.mailbox_connection import MailboxConnection
from app.exchange.services.update_item import UpdateItemPerItemConflicts

__all__ = ["ItemChange", "FolderChanges", "FetchedItem", "ItemUpdate", "SavedItem", "ItemError", "folder_changes",
           "fetch_items", "create_items", "update_items", "delete_items"]

ChangeKind = Literal["create", "update", "delete"]


@dataclass(frozen=True, slots=True)
class ItemChange:
    kind: ChangeKind
    item_id: str
    change_key: str | None  # None for a deletion


@dataclass(frozen=True)
class FolderChanges:
    changes: list[ItemChange]  # in the order Exchange reported them (read-flag changes left out)
    sync_state: str | None  # the folder's state after them


@dataclass(frozen=True, slots=True)
class FetchedItem:
    item_id: str
    change_key: str | None
    last_modified: datetime | None  # aware UTC
    values: StoreValues | None  # None: not an item of the record type (e.g. a distribution list among contacts)


@dataclass(frozen=True, slots=True)
class ItemUpdate:
    """Write *values* over the item's version *change_key* (None: whatever version)."""

    item_id: str
    change_key: str | None
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class SavedItem:
    item_id: str
    change_key: str | None


def folder_changes(connection: MailboxConnection, record_type: RecordType, sync_state: str | None, *,
                   max_changes: int) -> FolderChanges:
    """Every change of the record type's folder after *sync_state* (None: from the start),
    *max_changes* per SyncFolderItems request."""
    folder = ITEM_MAPPINGS[record_type].folder_of(connection.account)
    folder.item_sync_state = sync_state
    changes: list[ItemChange] = []
    for change_type, item in folder.sync_items(only_fields=[], max_changes_returned=max_changes):
        if change_type == "delete":
            changes.append(ItemChange("delete", item.id, None))
        elif change_type in ("create", "update"):
            changes.append(ItemChange(change_type, item.id, item.changekey))
    return FolderChanges(changes, folder.item_sync_state)


def fetch_items(connection: MailboxConnection, record_type: RecordType,
                item_ids: Sequence[str]) -> list[FetchedItem | ItemError]:
    """GetItem of *item_ids* with the mapped fields: one answer per id, in order."""
    if not item_ids:
        return []
    mapping = ITEM_MAPPINGS[record_type]
    account = connection.account
    item_class = mapping.item_class()
    results = account.fetch(ids=[(item_id, None) for item_id in item_ids], folder=mapping.folder_of(account),
                            only_fields=list(mapping.item_fields) + ["last_modified_time"])
    fetched: list[FetchedItem | ItemError] = []
    for item in results:
        if isinstance(item, Exception):
            fetched.append(item_error(item))
        else:
            values = mapping.from_item(item) if isinstance(item, item_class) else None
            fetched.append(FetchedItem(item.id, item.changekey, as_utc(item.last_modified_time), values))
    return fetched


def create_items(connection: MailboxConnection, record_type: RecordType,
                 records: Sequence[Mapping[str, Any]]) -> list[SavedItem | ItemError]:
    """CreateItem of one item per store values in *records*: one answer per record, in order."""
    if not records:
        return []
    mapping = ITEM_MAPPINGS[record_type]
    account = connection.account
    folder = mapping.folder_of(account)
    item_class = mapping.item_class()
    items = []
    for values in records:
        item = item_class(account=account, folder=folder)
        mapping.to_item(values, item)
        items.append(item)
    return [item_error(result) if isinstance(result, Exception) else SavedItem(result.id, result.changekey)
            for result in account.bulk_create(folder=folder, items=items)]


def update_items(connection: MailboxConnection, record_type: RecordType,
                 updates: Sequence[ItemUpdate]) -> list[str | None | ItemError]:
    """UpdateItem of the mapped fields: per update, the item's new change key or its error."""
    if not updates:
        return []
    mapping = ITEM_MAPPINGS[record_type]
    account = connection.account
    folder = mapping.folder_of(account)
    item_class = mapping.item_class()
    fields = list(mapping.item_fields)
    items = []
    for update in updates:
        item = item_class(account=account, folder=folder, id=update.item_id, changekey=update.change_key)
        mapping.to_item(update.values, item)
        items.append((item, fields))
    results = UpdateItemPerItemConflicts(account=account).call(
        items=items, conflict_resolution="AutoResolve", message_disposition="SaveOnly",
        send_meeting_invitations_or_cancellations="SendToNone", suppress_read_receipts=True)
    return [item_error(result) if isinstance(result, Exception) else result[1] for result in results]


def delete_items(connection: MailboxConnection, item_ids: Sequence[str]) -> list[ItemError | None]:
    """DeleteItem (moved to Deleted Items): per id None when deleted, else its error."""
    if not item_ids:
        return []
    results = connection.account.bulk_delete(ids=[(item_id, None) for item_id in item_ids],
                                             delete_type=MOVE_TO_DELETED_ITEMS)
    return [item_error(result) if isinstance(result, Exception) else None for result in results]
