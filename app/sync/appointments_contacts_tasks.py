"""Two-way synchronization of appointments, contacts and tasks (docs/product-rules.md §5).

Per record type, one cycle:
1. Exchange side: SyncFolderItems (ids and change keys only) from the folder's stored state. An item
   whose change key equals its link's is our own earlier write coming back: nothing to do.
2. Store side: a linked record whose fingerprint (hash of the synced fields) differs from the
   link's changed; a link whose record is gone was deleted in the store; a record the owner's
   filters select that has no link is new. Once linked, a record stays synchronized.
3. Changed on one side → copied to the other; on both → the owner's conflict policy decides and
   a ConflictLog row is written (the link names it until the record's next change goes through).
   Deleted in Exchange → record kept, link removed. Deleted in the store → item deleted. New in
   Exchange → new record owned by the mailbox's owner.
   Updates carry the link's ChangeKey; a stale one (Exchange changed meanwhile) means re-read and
   decide as a conflict.
4. The folder's new sync state is stored last, so a cycle that fails is simply repeated.

Never a second item, never a record imported back: every item we create carries its record's
sync marker (app.exchange.item_marker). A new item in Exchange carrying the marker of an existing
record is that record's own earlier push whose link was never stored (a crash between CreateItem
and the commit): it is linked, not imported. Before creating, the markers are looked up in the
folder (FindItem): an item found is linked and brought up to date instead of created again. An
item carrying the marker of a record already linked to another item in this mailbox is a
duplicate an older version left behind: held back (``python -m app repair act`` removes it).

Only changed items are fetched (GetItem, in batches, with only the mapped fields); an unchanged
mailbox costs one SyncFolderItems per folder — none for a folder Exchange's notifications said
nothing about (app.sync.notifications: its sync state is then left as it is). The requests are app.exchange's
(appointments_contacts_tasks, with the field mapping in item_mapping); this module decides and
stores.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from peewee import IntegrityError

from app.domain.conflicts import EXCHANGE, STORE, conflict_winner
from app.domain.enums import ConflictPolicy, ItemDirection, ItemKind, RecordState, RecordType, Workload
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.exchange.appointments_contacts_tasks import (
    FetchedItem,
    ItemError,
    ItemUpdate,
    SavedItem,
    create_items,
    delete_items,
    fetch_items,
    find_marked,
    folder_changes,
    update_items,
)
from app.exchange.mailbox_connection import MailboxConnection
from app.store.base import database, utcnow
from app.store.filters_query import records_selected
from app.store.item_failures import item_key, record_key
from app.store.models import ConflictLog, FolderSyncState, ItemLink, Mailbox, SystemUser
from app.store.models_activity import new_sync_marker
from app.store.repo import user_options
from app.sync.item_problems import ItemProblems
from app.sync.notifications import reads_folder
from app.sync.record_mapping import RECORD_MAPPINGS, RecordMapping
from app.sync.session import WorkloadRun, run_workload

CTX = "Sync"  # translation context of the history texts said here (as app.sync.session)
COUNT_TEXTS = {  # what a cycle counted in one folder, for its history line
    "to_store": _N(CTX, "to store {n}"),
    "to_exchange": _N(CTX, "to exchange {n}"),
    "linked": _N(CTX, "linked {n}"),
    "unlinked": _N(CTX, "unlinked {n}"),
    "deleted": _N(CTX, "deleted {n}"),
    "conflicts": _N(CTX, "conflicts {n}"),
    "failed": _N(CTX, "failed {n}"),
    "duplicates_held": _N(CTX, "duplicates held {n}"),
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
        run.note(
            [CTX, _N(CTX, "the mailbox is not owned by a user: no appointments, contacts or tasks to synchronize"), {}]
        )
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
    linked: int = 0  # our own earlier pushes found in Exchange and linked instead of created again
    unlinked: int = 0
    deleted: int = 0
    conflicts: int = 0
    failed: int = 0
    duplicates_held: int = 0  # duplicates of a linked record's item (left for the repair tool)

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
    def __init__(
        self,
        run: WorkloadRun,
        connection: MailboxConnection,
        owner: SystemUser,
        mapping: RecordMapping,
        policy: ConflictPolicy,
    ) -> None:
        self.run = run
        self.connection = connection
        self.mailbox = run.mailbox
        self.owner = owner
        self.mapping = mapping
        self.record_type = mapping.record_type
        self.policy = policy
        self.counts = _Counts()
        self.linked_now: set[int] = set()  # records linked to an item they were found to have
        self.problems = ItemProblems(self.mailbox.id, ItemKind.of(mapping.record_type))  # item monitoring

    # --- the cycle ----------------------------------------------------------------------
    def sync(self) -> _Counts:
        try:
            return self._sync()
        finally:
            self.problems.save()

    def _sync(self) -> _Counts:
        read = reads_folder(self.mapping.folder)  # notifications said it changed (or no notifications)
        changed_items, deleted_ids, new_state = self._exchange_changes() if read else ({}, set(), None)
        for item_id in self.problems.retry_item_ids(ItemDirection.INCOMING):  # the admin's Retry: fetch again
            if item_id not in deleted_ids:
                changed_items.setdefault(item_id, None)
        links: dict[str, ItemLink] = {}
        unlinked: set[int] = set()
        link: ItemLink | None
        for link in ItemLink.select().where(
            (ItemLink.mailbox == self.mailbox.id) & (ItemLink.record_type == self.mapping.record_type)
        ):
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
        store_changed = {
            link.item_id
            for link in links.values()
            if link.record_id in records
            and self.mapping.fingerprint(records[link.record_id]) != link.synced_fingerprint
        }
        linked_records = {link.record_id for link in links.values()} | unlinked
        new_records = [
            r
            for r in records_selected(self.owner, self.mapping.record_type)
            if r.id not in linked_records and not self.problems.ignored(record_key(r.id))
        ]

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
                self._import(item)
            elif item_id in store_changed:
                self._resolve(_Conflict(link, records[link.record_id], item), pushes)
            else:
                link.conflict_id = None  # a change of one side only: no longer "in conflict"
                self._pull(link, records[link.record_id], item)
        for item_id in store_changed - set(fetched):
            links[item_id].conflict_id = None
            if not self.problems.ignored(record_key(links[item_id].record_id)):
                pushes.append(links[item_id])

        self._push(pushes, records)
        self._delete_items(gone)
        self._create_items([r for r in new_records if r.id not in self.linked_now])
        if read:
            self._save_state(new_state)
        return self.counts

    # --- Exchange side ------------------------------------------------------------------
    def _exchange_changes(self) -> tuple[dict[str, str | None], set[str], str | None]:
        """(changed item id → change key, deleted item ids, new sync state); our own writes skipped."""
        state_row = FolderSyncState.get_or_none(
            (FolderSyncState.mailbox == self.mailbox.id) & (FolderSyncState.folder == self.mapping.folder)
        )
        state = (state_row.sync_state if state_row else "") or None
        known = {
            link.item_id: link.change_key
            for link in ItemLink.select(ItemLink.item_id, ItemLink.change_key).where(
                (ItemLink.mailbox == self.mailbox.id)
                & (ItemLink.record_type == self.mapping.record_type)
                & ItemLink.unlinked_on.is_null()
            )
        }
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
        FolderSyncState.insert(
            mailbox=self.mailbox.id, folder=self.mapping.folder, sync_state=state or "", updated_on=utcnow()
        ).on_conflict(
            conflict_target=[FolderSyncState.mailbox, FolderSyncState.folder],
            update={FolderSyncState.sync_state: state or "", FolderSyncState.updated_on: utcnow()},
        ).execute()

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

    def _item_failed(
        self,
        item_id: str,
        error: ItemError,
        link: ItemLink | None,
        direction: ItemDirection = ItemDirection.INCOMING,
        record: Any = None,
    ) -> None:
        if error.item_gone:  # deleted after SyncFolderItems: same as a Delete
            if link is not None:
                self._unlink(link)
            self.problems.synced(item_key(item_id))
            return
        self.counts.failed += 1
        log.warning("%s: item %s of %s failed: %s", self.mailbox.email, item_id, self.mapping.folder, error)
        self.problems.failed(
            direction,
            error.code,
            error.text,
            subject=_subject(record) if record is not None else "",
            record_id=link.record_id if link is not None else None,
            item_id=item_id,
        )

    # --- store ← Exchange ---------------------------------------------------------------
    def _import(self, item: FetchedItem) -> None:
        """A new item in Exchange: a new record, unless it is one of ours (see the module doc)."""
        record = (
            self.mapping.model.get_or_none(self.mapping.model.sync_marker == item.marker)
            if item.marker and item.values is not None
            else None
        )
        self.problems.synced(item_key(item.item_id))
        if record is None:
            self._create_record(item)
            return
        link = ItemLink.get_or_none(
            (ItemLink.mailbox == self.mailbox.id)
            & (ItemLink.record_type == self.mapping.record_type)
            & (ItemLink.record_id == record.id)
        )
        if link is not None and link.unlinked_on is None:
            self.counts.duplicates_held += 1
            log.warning(
                "%s: item %s of %s duplicates the item of %s %s; not imported (python -m app repair act removes it)",
                self.mailbox.email,
                item.item_id,
                self.mapping.folder,
                self.mapping.record_type.value,
                record.id,
            )
            return
        assert item.values is not None  # checked with the marker
        # the item is what we pushed of the record: a record changed since then is pushed next cycle
        self._link(record, item.item_id, item.change_key, self.mapping.fingerprint_values(item.values), link)
        self.counts.linked += 1

    def _link(
        self, record: Any, item_id: str, change_key: str | None, fingerprint: str, link: ItemLink | None = None
    ) -> ItemLink:
        """Link *record* to the item (a new link, or *link* again: an unlinked one taken up)."""
        if link is None:
            link = ItemLink(mailbox=self.mailbox.id, record_type=self.mapping.record_type, record_id=record.id)
        link.item_id, link.change_key = item_id, change_key or ""
        link.synced_fingerprint, link.synced_on, link.unlinked_on = fingerprint, utcnow(), None
        link.conflict_id = None
        link.save()
        self.linked_now.add(record.id)
        return link

    def _create_record(self, item: FetchedItem) -> None:
        if item.values is None:
            return  # e.g. a distribution list in Contacts: not a record type we synchronize
        values = dict(item.values)
        if self.mapping.record_type is RecordType.APPOINTMENT:
            values["start"] = values["start"] or utcnow()
            values["end"] = values["end"] or values["start"]
        with database.atomic("IMMEDIATE"):
            record = self.mapping.model.create(
                owner=self.owner, state=RecordState.ACTIVE, modified_on=utcnow(), **values
            )
            ItemLink.create(
                mailbox=self.mailbox.id,
                record_type=self.mapping.record_type,
                record_id=record.id,
                item_id=item.item_id,
                change_key=item.change_key,
                synced_fingerprint=self.mapping.fingerprint(record),
            )
        self.counts.to_store += 1
        self.run.created += 1

    def _pull(self, link: ItemLink, record: Any, item: FetchedItem) -> None:
        for name, value in _values(item).items():
            if name == "start" and value is None and self.mapping.record_type is RecordType.APPOINTMENT:
                continue
            setattr(record, name, value)
        record.modified_on = utcnow()
        with database.atomic("IMMEDIATE"):
            record.save()
            link.change_key = item.change_key or ""  # the column is NOT NULL ("": version unknown)
            link.synced_fingerprint = self.mapping.fingerprint(record)
            link.synced_on = utcnow()
            link.save()
        self.counts.to_store += 1
        self.run.updated += 1
        self.problems.synced(record_key(record.id), item_key(item.item_id))

    # --- conflicts ----------------------------------------------------------------------
    def _resolve(self, conflict: _Conflict, pushes: list[ItemLink]) -> None:
        link, record, item = conflict.link, conflict.record, conflict.item
        winner = conflict_winner(self.policy, record.modified_on, item.last_modified)
        entry = ConflictLog.create(
            mailbox=self.mailbox.id,
            record_type=self.mapping.record_type,
            record_id=record.id,
            item_id=item.item_id,
            policy=self.policy,
            winner=winner,
            store_version=self.mapping.snapshot(self.mapping.store_values(record)),
            exchange_version=self.mapping.snapshot(_values(item)),
        )
        self.counts.conflicts += 1
        link.conflict_id = entry.id  # saved with the outcome; shown on the record until its next change
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
        updates = [
            ItemUpdate(link.item_id, link.change_key, self.mapping.store_values(records[link.record_id]))
            for link in links
        ]
        results = update_items(self.connection, self.record_type, updates)
        stale = []
        for link, result in zip(links, results, strict=True):
            if isinstance(result, ItemError) and result.changed_meanwhile and retry:
                stale.append(link)  # changed in Exchange since we last saw it: re-read and decide
            elif isinstance(result, ItemError):
                self._item_failed(link.item_id, result, link, ItemDirection.OUTGOING, records[link.record_id])
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
        self.problems.synced(record_key(record.id), item_key(link.item_id))

    def _delete_items(self, links: list[ItemLink]) -> None:
        if not links:
            return
        errors = delete_items(self.connection, [link.item_id for link in links])
        for link, error in zip(links, errors, strict=True):
            if error is not None and not error.item_gone:
                self._item_failed(link.item_id, error, None, ItemDirection.OUTGOING)
                continue
            self.problems.synced(item_key(link.item_id))
            link.delete_instance()
            self.counts.deleted += 1
            self.run.deleted += 1

    def _create_items(self, records: list[Any]) -> None:
        if not records:
            return
        self._give_markers(records)
        found = find_marked(self.connection, self.record_type, [r.sync_marker for r in records])
        if found:  # created by an earlier try whose link was never stored: link, bring up to date
            again = []
            for record in records:
                if record.sync_marker in found:
                    link = self._link_found(record, found[record.sync_marker][0])
                    if link is not None:
                        again.append(link)
            self.counts.linked += len(again)
            self._push(again, {r.id: r for r in records})
            records = [r for r in records if r.sync_marker not in found]
        results = create_items(
            self.connection,
            self.record_type,
            [self.mapping.store_values(r) for r in records],
            [r.sync_marker for r in records],
        )
        for record, result in zip(records, results, strict=True):
            if isinstance(result, ItemError):
                self.counts.failed += 1
                log.warning(
                    "%s: creating %s %s failed: %s",
                    self.mailbox.email,
                    self.mapping.record_type.value,
                    record.id,
                    result,
                )
                self.problems.failed(
                    ItemDirection.OUTGOING, result.code, result.text, subject=_subject(record), record_id=record.id
                )
                continue
            if self._store_new_link(record, result):
                self.counts.to_exchange += 1
                self.run.created += 1
                self.problems.synced(record_key(record.id))

    def _link_found(self, record: Any, item: SavedItem) -> ItemLink | None:
        """Link *record* to its item found in Exchange ("" fingerprint: pushed right after); None
        when that item is linked to another record already (left for the repair tool)."""
        try:
            with database.atomic("IMMEDIATE"):
                return self._link(record, item.item_id, item.change_key, "")
        except IntegrityError:
            self.counts.duplicates_held += 1
            log.warning(
                "%s: the item %s carrying the marker of %s %s is linked to another record",
                self.mailbox.email,
                item.item_id,
                self.mapping.record_type.value,
                record.id,
            )
            return None

    def _store_new_link(self, record: Any, item: SavedItem) -> bool:
        """Link *record* to the item just created for it; False when another process linked the
        record meanwhile (the leases make that a lease lost mid-cycle): the new item is then a
        duplicate and is deleted again at once."""
        try:
            with database.atomic("IMMEDIATE"):
                ItemLink.create(
                    mailbox=self.mailbox.id,
                    record_type=self.mapping.record_type,
                    record_id=record.id,
                    item_id=item.item_id,
                    change_key=item.change_key or "",
                    synced_fingerprint=self.mapping.fingerprint(record),
                )
        except IntegrityError:
            log.warning(
                "%s: %s %s was linked by another process meanwhile; deleting the item just created",
                self.mailbox.email,
                self.mapping.record_type.value,
                record.id,
            )
            delete_items(self.connection, [item.item_id])
            self.counts.duplicates_held += 1
            return False
        return True

    def _give_markers(self, records: list[Any]) -> None:
        """Records from before schema 5 (or written around the model) have no marker yet: one is
        stored before it is stamped on anything."""
        missing = [r for r in records if not r.sync_marker]
        if missing:
            with database.atomic("IMMEDIATE"):
                for record in missing:
                    record.sync_marker = new_sync_marker()
                    self.mapping.model.update(sync_marker=record.sync_marker).where(
                        self.mapping.model.id == record.id
                    ).execute()


def _subject(record: Any) -> str:
    """What item monitoring calls a record: its subject, or a contact's name."""
    subject = getattr(record, "subject", None)
    if subject is not None:
        return str(subject)
    name = " ".join(part for part in (record.first_name, record.last_name) if part)
    return name or str(record.email)


def _values(item: FetchedItem) -> dict[str, Any]:
    """The store values of a fetched item of the record type (a linked item always is one)."""
    assert item.values is not None, f"item {item.item_id} is not of the record type it is linked as"
    return item.values
