"""Repair of a mailbox's appointments, contacts and tasks duplicated by issue 10.

Two processes on one store (before the leases and the push markers) pushed the same records
twice: Exchange got two items for one record, and the second item came back into the store as a
new record linked to it. ``repair_act(mailbox)`` finds such duplicates in each folder and
removes the extras on both sides, keeping the linked one:

- duplicates are the items of one folder that carry the same record marker (pushed by this
  version: the copy is held back, never imported), or that have the same synced values (their
  fingerprint, app.sync.record_mapping) unless they carry different markers (different records,
  however alike). Before this version no item had a marker: records that were genuinely
  identical then look like duplicates too; run with ``--dry-run`` first and read the list;
- the item kept is the one linked to the oldest record (the original; the others were imported
  back), else any linked one, else the oldest item;
- every other item is deleted in Exchange (to Deleted Items); a record linked to one of them is
  a duplicate record: it is deleted from the store with its link in this mailbox (its links in
  other mailboxes stay, so their cycles delete its items there as a record deleted in the store).

With ``dry_run`` nothing is changed: the report says what would be removed. The mailbox's
appointments/contacts/tasks lease is held while repairing, so no cycle runs meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.enums import RecordType, Workload
from app.exchange import net
from app.exchange.appointments_contacts_tasks import FetchedItem, ItemError, delete_items, fetch_items, folder_changes
from app.exchange.mailbox_connection import MailboxConnection
from app.store import leases
from app.store.base import database
from app.store.models import ItemLink, Mailbox
from app.sync.record_mapping import RECORD_MAPPINGS, RecordMapping
from app.sync.session import connection_for

log = logging.getLogger(__name__)

MAX_CHANGES = 512


class RepairHeld(RuntimeError):
    """Another process is synchronizing the mailbox's appointments, contacts and tasks."""


@dataclass(frozen=True)
class Removed:
    """One duplicate item removed (or, in a dry run, to be removed)."""

    record_type: RecordType
    item_id: str
    title: str  # subject, or a contact's name and address
    when: datetime | None  # an appointment's start, a task's due date
    record_id: int | None  # the duplicate record removed from the store with it, if any
    error: ItemError | None = None  # the deletion in Exchange failed: nothing removed

    def describe(self) -> str:
        when = f" ({self.when:%Y-%m-%d %H:%M} UTC)" if self.when is not None else ""
        record = f", store record {self.record_id}" if self.record_id is not None else ""
        failed = f" — NOT removed: {self.error}" if self.error is not None else ""
        return f"{self.record_type.value}: “{self.title}”{when}{record}{failed}"


@dataclass
class KindReport:
    record_type: RecordType
    items: int = 0  # items in the folder
    groups: int = 0  # sets of duplicates found
    removed: list[Removed] = field(default_factory=list)

    @property
    def items_removed(self) -> int:  # in a dry run: to be removed
        return sum(1 for r in self.removed if r.error is None)

    @property
    def records_removed(self) -> int:
        return sum(1 for r in self.removed if r.error is None and r.record_id is not None)


@dataclass
class RepairReport:
    mailbox: str
    dry_run: bool
    kinds: list[KindReport] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for kind in self.kinds for r in kind.removed if r.error is not None)

    def lines(self) -> list[str]:
        verb = "would remove" if self.dry_run else "removed"
        out = [
            f"{self.mailbox}: appointments, contacts and tasks duplicated by two processes on one store"
            + (" (dry run: nothing changed)" if self.dry_run else "")
        ]
        for kind in self.kinds:
            out.append(
                f"  {kind.record_type.value}s: {kind.items} items, {kind.groups} duplicated, {verb} "
                f"{kind.items_removed} items in Exchange and {kind.records_removed} records in the store"
            )
            out.extend(f"    {r.describe()}" for r in kind.removed)
        if self.failed:
            out.append(f"  {self.failed} items could not be removed; run the repair again")
        return out


def repair_act(mailbox: Mailbox, *, dry_run: bool = False) -> RepairReport:
    """Find and (unless *dry_run*) remove the duplicates of *mailbox*'s appointments, contacts and
    tasks. Raises RepairHeld when a cycle of the mailbox runs in another process, and whatever
    connecting or Exchange raised (classify it with app.exchange.errors.classify)."""
    report = RepairReport(mailbox.email, dry_run)
    lease = None
    if not dry_run:
        lease = leases.hold(leases.mailbox_lease_name(mailbox.id, Workload.ACT.value), leases.new_holder())
        if lease is None:
            raise RepairHeld(
                f"{mailbox.email}: its appointments, contacts and tasks are being synchronized by "
                "another process; try again when that cycle is over."
            )
    try:
        profile = mailbox.profile
        gate = net.gate_for(profile.id if profile else None, profile.max_connections if profile else 1)
        with net.gated(gate):
            connection = connection_for(mailbox)
            for mapping in RECORD_MAPPINGS.values():
                report.kinds.append(_repair_folder(mailbox, connection, mapping, dry_run))
    finally:
        if lease is not None:
            lease.release()
    return report


def _repair_folder(
    mailbox: Mailbox, connection: MailboxConnection, mapping: RecordMapping, dry_run: bool
) -> KindReport:
    kind = KindReport(mapping.record_type)
    ids = [
        c.item_id
        for c in folder_changes(connection, mapping.record_type, None, max_changes=MAX_CHANGES).changes
        if c.kind != "delete"
    ]
    items = [i for i in fetch_items(connection, mapping.record_type, ids) if isinstance(i, FetchedItem)]
    kind.items = len(items)
    links = {
        link.item_id: link
        for link in ItemLink.select().where(
            (ItemLink.mailbox == mailbox.id)
            & (ItemLink.record_type == mapping.record_type)
            & ItemLink.unlinked_on.is_null()
        )
    }
    doomed: list[tuple[FetchedItem, ItemLink | None]] = []
    for group in _duplicate_groups(items, mapping):
        kind.groups += 1
        keep = _keeper(group, links)
        doomed.extend((item, links.get(item.item_id)) for item in group if item is not keep)
    if not doomed:
        return kind
    errors: list[ItemError | None] = [None] * len(doomed)
    if not dry_run:
        errors = delete_items(connection, [item.item_id for item, _ in doomed])
    for (item, link), error in zip(doomed, errors, strict=True):
        if error is not None and error.item_gone:
            error = None  # gone already: nothing left to remove in Exchange
        record_id = link.record_id if link is not None else None
        kind.removed.append(
            Removed(
                mapping.record_type,
                item.item_id,
                _title(mapping.record_type, item),
                _when(mapping.record_type, item),
                record_id,
                error,
            )
        )
        if not dry_run and error is None and link is not None:
            with database.atomic():
                link.delete_instance()
                mapping.model.delete().where(mapping.model.id == link.record_id).execute()
    return kind


def _duplicate_groups(items: Iterable[FetchedItem], mapping: RecordMapping) -> list[list[FetchedItem]]:
    """Sets of two or more items that are one record's: the same marker; or the same values
    (fingerprint) where at most one marker is among them — items with different markers are
    different records, however alike."""
    items = [item for item in items if item.values is not None]  # not a distribution list among contacts
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(members: list[int]) -> None:
        for other in members[1:]:
            parent[root(other)] = root(members[0])

    by_marker: dict[str, list[int]] = {}
    by_values: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if item.marker:
            by_marker.setdefault(item.marker, []).append(i)
        assert item.values is not None
        by_values.setdefault(mapping.fingerprint_values(item.values), []).append(i)
    for members in by_marker.values():
        join(members)
    for members in by_values.values():
        if len({items[i].marker for i in members if items[i].marker}) <= 1:
            join(members)
        else:  # the unmarked ones among records of their own are duplicates of each other only
            join([i for i in members if not items[i].marker])
    groups: dict[int, list[FetchedItem]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return [group for group in groups.values() if len(group) > 1]


def _keeper(group: list[FetchedItem], links: dict[str, ItemLink]) -> FetchedItem:
    """The item linked to the oldest record (the one pushed first), else the oldest item."""
    linked = [item for item in group if item.item_id in links]
    if linked:
        return min(linked, key=lambda item: links[item.item_id].record_id)
    return group[0]  # SyncFolderItems from the start lists the items in the order they were made


def _title(record_type: RecordType, item: FetchedItem) -> str:
    values: dict[str, Any] = item.values or {}
    if record_type is RecordType.CONTACT:
        name = " ".join(p for p in (values.get("first_name"), values.get("last_name")) if p)
        return " ".join(p for p in (name, f"<{values['email']}>" if values.get("email") else "") if p) or "(no name)"
    return str(values.get("subject") or "(no subject)")


def _when(record_type: RecordType, item: FetchedItem) -> datetime | None:
    values: dict[str, Any] = item.values or {}
    if record_type is RecordType.APPOINTMENT:
        when: datetime | None = values.get("start")
        return when
    if record_type is RecordType.TASK:
        due: datetime | None = values.get("due")
        return due
    return None
