"""Two-way synchronization of appointments, contacts and tasks (docs/product-rules.md §5).

Per record type, one cycle:
1. Exchange side: SyncFolderItems (ids and change keys only) from the folder's stored state. An item
   whose change key equals its link's is our own earlier write coming back: nothing to do.
2. Store side: a linked record whose fingerprint (hash of the synced fields) differs from the
   link's changed; a link whose record is gone was deleted in the store; a record the owner's
   filters select that has no link is new. Once linked, a record stays synchronized.
3. Changed on one side → copied to the other; on both → the owner's conflict policy decides and
   a ConflictLog row is written. Deleted in Exchange → record kept, link removed. Deleted in the
   store → item deleted. New in Exchange → new record owned by the mailbox's owner.
   Updates carry the link's ChangeKey; a stale one (Exchange changed meanwhile) means re-read and
   decide as a conflict.
4. The folder's new sync state is stored last, so a cycle that fails is simply repeated.

Only changed items are fetched (GetItem, in batches, with only the mapped fields); an unchanged
mailbox costs one SyncFolderItems per folder. The requests are app.exchange's
(appointments_contacts_tasks, with the field mapping in item_mapping); this module decides and
stores.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from app.domain.conflicts import EXCHANGE, STORE, conflict_winner
from app.domain.enums import ConflictPolicy, RecordState, RecordType, Workload
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.exchange.appointments_contacts_tasks import (
    FetchedItem,
    ItemError,
    ItemUpdate,
    create_items,
    delete_items,
    fetch_items,
    folder_changes,
    update_items,
)
from app.exchange.mailbox_connection import MailboxConnection
from app.store.base import database, utcnow
from app.store.filters_query import records_selected
from app.store.models import ConflictLog, FolderSyncState, ItemLink, Mailbox, SystemUser
from app.store.repo import user_options
from app.sync.record_mapping import RECORD_MAPPINGS, RecordMapping
from app.sync.session import WorkloadRun, run_workload

CTX = "Sync"  # translation context of the history texts said here (as app.sync.session)
COUNT_TEXTS = {  # what a cycle counted in one folder, for its history line
    "to_store": _N(CTX, "to store {n}"),
    "to_exchange": _N(CTX, "to exchange {n}"),
    "unlinked": _N(CTX, "unlinked {n}"),
    "deleted": _N(CTX, "deleted {n}"),
    "conflicts": _N(CTX, "conflicts {n}"),
    "failed": _N(CTX, "failed {n}"),
}

log = logging.getLogger(__name__)

__all__ = ["sync_appointments_contacts_tasks", "records_selected"]

MAX_CHANGES = 512  # per SyncFolderItems request (the EWS maximum)


def sync_appointments_contacts_tasks(mailbox: Mailbox) -> WorkloadRun:
    """One appointments/contacts/tasks cycle of *mailbox* (history, failures: see run_workload)."""
    return run_workload(mailbox, Workload.ACT, _body)


def _body(run: WorkloadRun) -> None:
    owner = run.mailbox.owner_user
    if owner is None:
        run.note([CTX, _N(CTX, "the mailbox is not owned by a user: no appointments, contacts or tasks to "
                               "synchronize"), {}])
        return
    assert run.connection is not None, "run_workload opens the connection"
    options = user_options(owner)
    for record_type, mapping in RECORD_MAPPINGS.items():
        policy = getattr(options, f"{record_type.value}_conflict_policy")
        counts = _FolderSync(run, run.connection, owner, mapping, policy).sync()
        if counts:
            run.note([CTX, "{folder}: ", {"folder": mapping.folder}], *counts.parts())


@dataclass
class _Counts:
    to_store: int = 0
    to_exchange: int = 0
    unlinked: int = 0
    deleted: int = 0
    conflicts: int = 0
    failed: int = 0

    def __bool__(self) -> bool:
        return any(vars(self).values())

    def __str__(self) -> str:
        return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in vars(self).items() if v)

    def parts(self) -> list[list[Any]]:
        """The same as translatable parts (the history's line)."""
        parts: list[list[Any]] = []
        for name, n in vars(self).items():
            if n:
                parts += ([[CTX, ", ", {}]] if parts else []) + [[CTX, COUNT_TEXTS[name], {"n": n}]]
        return parts


@dataclass
class _Conflict:
    link: ItemLink
    record: Any
    item: FetchedItem


class _FolderSync:
    def __init__(self, run: WorkloadRun, connection: MailboxConnection, owner: SystemUser, mapping: RecordMapping,
                 policy: ConflictPolicy) -> None:
        self.run = run
        self.connection = connection
        self.mailbox = run.mailbox
        self.owner = owner
        self.mapping = mapping
        self.record_type = mapping.record_type
        self.policy = policy
        self.counts = _Counts()

    # --- the cycle ----------------------------------------------------------------------
    def sync(self) -> _Counts:
        changed_items, deleted_ids, new_state = self._exchange_changes()
        links: dict[str, ItemLink] = {}
        unlinked: set[int] = set()
        link: ItemLink | None
        for link in ItemLink.select().where((ItemLink.mailbox == self.mailbox.id)
                                            & (ItemLink.record_type == self.mapping.record_type)):
            if link.unlinked_on is not None:
                unlinked.add(link.record_id)
            else:
                links[link.item_id] = link

        for item_id in deleted_ids:
            link = links.pop(item_id, None)
            if link is not None:  # deleted in Exchange: keep the record, stop synchronizing it
                self._unlink(link)
                unlinked.add(link.record_id)

        model = self.mapping.model
        record_ids = [link.record_id for link in links.values()]
        records = {r.id: r for r in model.select().where(model.id.in_(record_ids))} if record_ids else {}
        gone = [link for link in links.values() if link.record_id not in records]
        store_changed = {link.item_id for link in links.values() if link.record_id in records
                         and self.mapping.fingerprint(records[link.record_id]) != link.synced_fingerprint}
        linked_records = {link.record_id for link in links.values()} | unlinked
        new_records = [r for r in records_selected(self.owner, self.mapping.record_type)
                       if r.id not in linked_records]

        # Exchange-side changes need the item's fields: fetch them (only those) in batches.
        gone_ids = {link.item_id for link in gone}
        to_fetch = [iid for iid in changed_items if iid not in gone_ids]
        fetched = self._fetch(to_fetch)
        pushes: list[ItemLink] = []
        for item_id, item in fetched.items():
            link = links.get(item_id)
            if isinstance(item, ItemError):
                self._item_failed(item_id, item, link)
                continue
            if link is None:
                self._create_record(item)
            elif item_id in store_changed:
                self._resolve(_Conflict(link, records[link.record_id], item), pushes)
            else:
                self._pull(link, records[link.record_id], item)
        for item_id in store_changed - set(fetched):
            pushes.append(links[item_id])

        self._push(pushes, records)
        self._delete_items(gone)
        self._create_items(new_records)
        self._save_state(new_state)
        return self.counts

    # --- Exchange side ------------------------------------------------------------------
    def _exchange_changes(self) -> tuple[dict[str, str | None], set[str], str | None]:
        """(changed item id → change key, deleted item ids, new sync state); our own writes skipped."""
        state_row = FolderSyncState.get_or_none((FolderSyncState.mailbox == self.mailbox.id)
                                                & (FolderSyncState.folder == self.mapping.folder))
        state = (state_row.sync_state if state_row else "") or None
        known = {link.item_id: link.change_key for link in ItemLink.select(ItemLink.item_id, ItemLink.change_key)
                 .where((ItemLink.mailbox == self.mailbox.id)
                        & (ItemLink.record_type == self.mapping.record_type) & ItemLink.unlinked_on.is_null())}
        found = folder_changes(self.connection, self.record_type, state, max_changes=MAX_CHANGES)
        changed: dict[str, str | None] = {}
        deleted: set[str] = set()
        for change in found.changes:
            if change.kind == "delete":
                deleted.add(change.item_id)
                changed.pop(change.item_id, None)
            else:  # created or updated
                deleted.discard(change.item_id)
                if known.get(change.item_id) == change.change_key:
                    changed.pop(change.item_id, None)  # our own write coming back
                else:
                    changed[change.item_id] = change.change_key
        return changed, deleted, found.sync_state

    def _save_state(self, state: str | None) -> None:
        FolderSyncState.insert(mailbox=self.mailbox.id, folder=self.mapping.folder, sync_state=state or "",
                               updated_on=utcnow()).on_conflict(
            conflict_target=[FolderSyncState.mailbox, FolderSyncState.folder],
            update={FolderSyncState.sync_state: state or "", FolderSyncState.updated_on: utcnow()}).execute()

    def _fetch(self, item_ids: list[str]) -> dict[str, FetchedItem | ItemError]:
        """The items with the mapped fields, by item id (in the order asked)."""
        if not item_ids:
            return {}
        return dict(zip(item_ids, fetch_items(self.connection, self.record_type, item_ids), strict=True))

    def _unlink(self, link: ItemLink) -> None:
        link.unlinked_on = utcnow()
        link.change_key = link.synced_fingerprint = ""
        link.synced_on = utcnow()
        link.save()
        self.counts.unlinked += 1

    def _item_failed(self, item_id: str, error: ItemError, link: ItemLink | None) -> None:
        if error.item_gone:  # deleted after SyncFolderItems: same as a Delete
            if link is not None:
                self._unlink(link)
            return
        self.counts.failed += 1
        log.warning("%s: item %s of %s failed: %s", self.mailbox.email, item_id, self.mapping.folder, error)

    # --- store ← Exchange ---------------------------------------------------------------
    def _create_record(self, item: FetchedItem) -> None:
        if item.values is None:
            return  # e.g. a distribution list in Contacts: not a record type we synchronize
        values = dict(item.values)
        if self.mapping.record_type is RecordType.APPOINTMENT:
            values["start"] = values["start"] or utcnow()
            values["end"] = values["end"] or values["start"]
        with database.atomic():
            record = self.mapping.model.create(owner=self.owner, state=RecordState.ACTIVE, modified_on=utcnow(),
                                               **values)
            ItemLink.create(mailbox=self.mailbox.id, record_type=self.mapping.record_type, record_id=record.id,
                            item_id=item.item_id, change_key=item.change_key,
                            synced_fingerprint=self.mapping.fingerprint(record))
        self.counts.to_store += 1
        self.run.created += 1

    def _pull(self, link: ItemLink, record: Any, item: FetchedItem) -> None:
        for name, value in _values(item).items():
            if name == "start" and value is None and self.mapping.record_type is RecordType.APPOINTMENT:
                continue
            setattr(record, name, value)
        record.modified_on = utcnow()
        with database.atomic():
            record.save()
            link.change_key = item.change_key or ""  # the column is NOT NULL ("": version unknown)
            link.synced_fingerprint = self.mapping.fingerprint(record)
            link.synced_on = utcnow()
            link.save()
        self.counts.to_store += 1
        self.run.updated += 1

    # --- conflicts ----------------------------------------------------------------------
    def _resolve(self, conflict: _Conflict, pushes: list[ItemLink]) -> None:
        link, record, item = conflict.link, conflict.record, conflict.item
        winner = conflict_winner(self.policy, record.modified_on, item.last_modified)
        ConflictLog.create(mailbox=self.mailbox.id, record_type=self.mapping.record_type, record_id=record.id,
                           item_id=item.item_id, policy=self.policy, winner=winner,
                           store_version=self.mapping.snapshot(self.mapping.store_values(record)),
                           exchange_version=self.mapping.snapshot(_values(item)))
        self.counts.conflicts += 1
        if winner == EXCHANGE:
            self._pull(link, record, item)
        else:
            assert winner == STORE
            link.change_key = item.change_key or ""  # overwrite the version we have just seen, no other
            pushes.append(link)

    # --- store → Exchange ---------------------------------------------------------------
    def _push(self, links: list[ItemLink], records: dict[int, Any], *, retry: bool = True) -> None:
        if not links:
            return
        updates = [ItemUpdate(link.item_id, link.change_key, self.mapping.store_values(records[link.record_id]))
                   for link in links]
        results = update_items(self.connection, self.record_type, updates)
        stale = []
        for link, result in zip(links, results, strict=True):
            if isinstance(result, ItemError) and result.changed_meanwhile and retry:
                stale.append(link)  # changed in Exchange since we last saw it: re-read and decide
            elif isinstance(result, ItemError):
                self._item_failed(link.item_id, result, link)
            else:
                self._linked(link, records[link.record_id], result)
                self.counts.to_exchange += 1
                self.run.updated += 1
        if stale:
            again: list[ItemLink] = []
            for link, item in zip(stale, self._fetch([link.item_id for link in stale]).values(), strict=True):
                if isinstance(item, ItemError):
                    self._item_failed(link.item_id, item, link)
                else:
                    self._resolve(_Conflict(link, records[link.record_id], item), again)
            self._push(again, records, retry=False)

    def _linked(self, link: ItemLink, record: Any, change_key: str | None) -> None:
        link.change_key = change_key or ""  # the column is NOT NULL ("": version unknown)
        link.synced_fingerprint = self.mapping.fingerprint(record)
        link.synced_on = utcnow()
        link.save()

    def _delete_items(self, links: list[ItemLink]) -> None:
        if not links:
            return
        errors = delete_items(self.connection, [link.item_id for link in links])
        for link, error in zip(links, errors, strict=True):
            if error is not None and not error.item_gone:
                self._item_failed(link.item_id, error, None)
                continue
            link.delete_instance()
            self.counts.deleted += 1
            self.run.deleted += 1

    def _create_items(self, records: list[Any]) -> None:
        if not records:
            return
        results = create_items(self.connection, self.record_type, [self.mapping.store_values(r) for r in records])
        for record, result in zip(records, results, strict=True):
            if isinstance(result, ItemError):
                self.counts.failed += 1
                log.warning("%s: creating %s %s failed: %s", self.mailbox.email, self.mapping.record_type.value,
                            record.id, result)
                continue
            ItemLink.create(mailbox=self.mailbox.id, record_type=self.mapping.record_type, record_id=record.id,
                            item_id=result.item_id, change_key=result.change_key,
                            synced_fingerprint=self.mapping.fingerprint(record))
            self.counts.to_exchange += 1
            self.run.created += 1


def _values(item: FetchedItem) -> dict[str, Any]:
    """The store values of a fetched item of the record type (a linked item always is one)."""
    assert item.values is not None, f"item {item.item_id} is not of the record type it is linked as"
    return item.values
