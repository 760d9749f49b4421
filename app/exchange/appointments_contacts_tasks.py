"""Appointments, contacts and tasks in their Exchange folders (Calendar, Contacts, Tasks).

One function per request app.sync.appointments_contacts_tasks makes, each for one record type
(its folder and fields come from app.exchange.item_mapping). In and out go plain values: item
ids and change keys, store values (field name → value) and, per item, ``ItemError`` for an item
Exchange answered with an error.

- ``folder_changes``: SyncFolderItems (ids and change keys only) from a sync state, every page;
- ``fetch_items``: GetItem with only the mapped fields (and the last modification time, the
  item's marker); an answer that is not well-formed XML, or an item exchangelib cannot build
  from it, raises ``MalformedAnswer`` (classified MalformedResponse) rather than being mapped;
- ``find_marked``: FindItem of the items carrying given markers (app.exchange.item_marker);
- ``create_items``, ``update_items``, ``delete_items``: CreateItem (each item stamped with its
  record's marker), UpdateItem (with the ChangeKey: a stale one answers
  ``ItemError.changed_meanwhile`` per item), DeleteItem (to Deleted Items).

Values Exchange would refuse (exchangelib's own checks, e.g. an end before the start) are that
item's ``ItemError``, never the whole batch's failure; so are Exchange's own refusals of an item's
values (an appointment longer than five years: app.exchange.services.create_item).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from exchangelib.items import ID_ONLY, MOVE_TO_DELETED_ITEMS

from app.domain.enums import RecordType
from app.domain.timeutil import as_utc
from app.exchange.errors import ItemError, item_error
from app.exchange.item_mapping import ITEM_MAPPINGS, ItemMapping, StoreValues
from app.exchange.item_marker import MARKER_FIELD
from app.exchange.mailbox_connection import MailboxConnection
from app.exchange.services.create_item import CreateItemPerItemErrors
from app.exchange.services.get_item import GetItemsStrict
from app.exchange.services.update_item import UpdateItemPerItemConflicts

__all__ = [
    "ItemChange",
    "FolderChanges",
    "FetchedItem",
    "ItemUpdate",
    "SavedItem",
    "ItemError",
    "folder_changes",
    "fetch_items",
    "find_marked",
    "create_items",
    "update_items",
    "delete_items",
]

MARKERS_PER_FIND = 50  # IsEqualTo terms OR-ed in one FindItem restriction

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
    marker: str | None = None  # the record marker we stamped on it when we created it, if any


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


def folder_changes(
    connection: MailboxConnection, record_type: RecordType, sync_state: str | None, *, max_changes: int
) -> FolderChanges:
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


def fetch_items(
    connection: MailboxConnection, record_type: RecordType, item_ids: Sequence[str]
) -> list[FetchedItem | ItemError]:
    """GetItem of *item_ids* with the mapped fields: one answer per id, in order."""
    if not item_ids:
        return []
    mapping = ITEM_MAPPINGS[record_type]
    account = connection.account
    item_class = mapping.item_class()
    folder = mapping.folder_of(account)
    only_fields = _read_fields(mapping, account)
    for field in only_fields:  # as account.fetch does, whose GetItem is not ours
        folder.validate_item_field(field=field, version=account.version)
    # ItemId and ChangeKey come unasked
    additional_fields = {f for f in folder.normalize_fields(fields=only_fields) if not f.field.is_attribute}
    results = GetItemsStrict(account=account).call(
        items=[(item_id, None) for item_id in item_ids], additional_fields=additional_fields, shape=ID_ONLY
    )
    fetched: list[FetchedItem | ItemError] = []
    for item in results:
        if isinstance(item, Exception):
            fetched.append(item_error(item))
        else:
            values = mapping.from_item(item) if isinstance(item, item_class) else None
            fetched.append(
                FetchedItem(
                    item.id,
                    item.changekey,
                    as_utc(item.last_modified_time),
                    values,
                    getattr(item, MARKER_FIELD, None) or None,
                )
            )
    return fetched


def _read_fields(mapping: ItemMapping, account: Any) -> list[str]:
    """What GetItem asks for: the mapped fields, what from_item needs besides (those this server
    version has), the last modification time and the marker."""
    item_class = mapping.item_class()
    extra = [
        name
        for name in mapping.read_fields
        if item_class.get_field_by_fieldname(name).supports_version(account.version)
    ]
    return [*mapping.item_fields, *extra, "last_modified_time", MARKER_FIELD]


def find_marked(
    connection: MailboxConnection, record_type: RecordType, markers: Sequence[str]
) -> dict[str, list[SavedItem]]:
    """The items of the record type's folder that carry one of *markers*, by marker (several
    when an earlier defect made duplicates; oldest first)."""
    mapping = ITEM_MAPPINGS[record_type]
    folder = mapping.folder_of(connection.account)
    found: dict[str, list[SavedItem]] = {}
    wanted = list(dict.fromkeys(markers))
    for start in range(0, len(wanted), MARKERS_PER_FIND):
        chunk = wanted[start : start + MARKERS_PER_FIND]
        query = folder.filter(**{f"{MARKER_FIELD}__in": chunk}).only("id", "changekey", MARKER_FIELD)
        for item in query.order_by("datetime_created"):
            marker = getattr(item, MARKER_FIELD, None)
            if marker:
                found.setdefault(marker, []).append(SavedItem(item.id, item.changekey))
    return found


def create_items(
    connection: MailboxConnection,
    record_type: RecordType,
    records: Sequence[Mapping[str, Any]],
    markers: Sequence[str | None] | None = None,
) -> list[SavedItem | ItemError]:
    """CreateItem of one item per store values in *records*, each stamped with its marker in
    *markers* (same order; None: no marker): one answer per record, in order."""
    if not records:
        return []
    mapping = ITEM_MAPPINGS[record_type]
    account = connection.account
    folder = mapping.folder_of(account)
    item_class = mapping.item_class()
    answers: list[SavedItem | ItemError | None] = []
    items = []
    for values, marker in zip(records, markers or [None] * len(records), strict=True):
        item = item_class(account=account, folder=folder)
        refused = _fill(mapping, values, item, whole=True)
        if refused is None and marker:
            setattr(item, MARKER_FIELD, marker)
        answers.append(refused)
        if refused is None:
            items.append(item)
    results = iter(
        CreateItemPerItemErrors(account=account).call(
            items=items, folder=folder, message_disposition="SaveOnly", send_meeting_invitations="SendToNone"
        )
        if items
        else []
    )
    return [answer if answer is not None else _saved(next(results)) for answer in answers]


def _fill(mapping: ItemMapping, values: Mapping[str, Any], item: Any, *, whole: bool = False) -> ItemError | None:
    """Set the item's fields from store values; the error when exchangelib finds them invalid
    (*whole*: the item as CreateItem sends it, which exchangelib checks as a whole)."""
    try:
        mapping.to_item(values, item)
        if whole:
            item.clean(version=item.account.version)
    except (ValueError, TypeError) as exc:  # e.g. "'end' must be greater than 'start'"
        return item_error(exc)
    return None


def _saved(result: Any) -> SavedItem | ItemError:
    return item_error(result) if isinstance(result, Exception) else SavedItem(result.id, result.changekey)


def update_items(
    connection: MailboxConnection, record_type: RecordType, updates: Sequence[ItemUpdate]
) -> list[str | None | ItemError]:
    """UpdateItem of the mapped fields: per update, the item's new change key or its error."""
    if not updates:
        return []
    mapping = ITEM_MAPPINGS[record_type]
    account = connection.account
    folder = mapping.folder_of(account)
    item_class = mapping.item_class()
    answers: list[str | None | ItemError] = []
    refused: set[int] = set()
    items = []
    for update in updates:
        item = item_class(account=account, folder=folder, id=update.item_id, changekey=update.change_key)
        error = _fill(mapping, update.values, item)
        if error is not None:
            refused.add(len(answers))
            answers.append(error)
        else:
            answers.append(None)
            items.append((item, mapping.update_fields(update.values)))
    results = iter(
        UpdateItemPerItemConflicts(account=account).call(
            items=items,
            conflict_resolution="AutoResolve",
            message_disposition="SaveOnly",
            send_meeting_invitations_or_cancellations="SendToNone",
            suppress_read_receipts=True,
        )
        if items
        else []
    )
    for position in range(len(answers)):
        if position not in refused:
            result = next(results)
            answers[position] = item_error(result) if isinstance(result, Exception) else result[1]
    return answers


def delete_items(connection: MailboxConnection, item_ids: Sequence[str]) -> list[ItemError | None]:
    """DeleteItem (moved to Deleted Items): per id None when deleted, else its error."""
    if not item_ids:
        return []
    results = connection.account.bulk_delete(
        ids=[(item_id, None) for item_id in item_ids], delete_type=MOVE_TO_DELETED_ITEMS
    )
    return [item_error(result) if isinstance(result, Exception) else None for result in results]
