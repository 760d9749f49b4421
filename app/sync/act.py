"""Two-way synchronization of appointments, contacts and tasks (spec §5).

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
mailbox costs one SyncFolderItems per folder.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.domain.conflicts import EXCHANGE, STORE, conflict_winner
from app.domain.enums import RecordState, RecordType, Workload
from app.store.base import database, utcnow
from app.store.filters_query import records_selected
from app.store.models import ConflictLog, FolderSyncState, ItemLink, Mailbox
from app.store.repo import user_options
from app.sync.act_mapping import MAPPINGS, RecordMapping
from app.sync.session import WorkloadRun, run_workload

log = logging.getLogger(__name__)

__all__ = ["sync_act", "records_selected"]

MAX_CHANGES = 512  # per SyncFolderItems request (the EWS maximum)


def _update_item_service():
    """UpdateItem that returns a stale ChangeKey per item (exchangelib raises it for the whole batch)."""
    from exchangelib.errors import ErrorIrresolvableConflict
    from exchangelib.services import UpdateItem

    class UpdateItemPerItemConflicts(UpdateItem):
        ERRORS_TO_CATCH_IN_RESPONSE = UpdateItem.ERRORS_TO_CATCH_IN_RESPONSE + (ErrorIrresolvableConflict,)

    return UpdateItemPerItemConflicts


def sync_act(mailbox: Mailbox) -> WorkloadRun:
    """One appointments/contacts/tasks cycle of *mailbox* (history, failures: see run_workload)."""
    return run_workload(mailbox, Workload.ACT, _body)


def _body(run: WorkloadRun) -> None:
    owner = run.mailbox.owner_user
    if owner is None:
        run.notes.append("the mailbox is not owned by a user: no appointments, contacts or tasks to synchronize")
        return
    options = user_options(owner)
    for record_type, mapping in MAPPINGS.items():
        policy = getattr(options, f"{record_type.value}_conflict_policy")
        counts = _FolderSync(run, owner, mapping, policy).sync()
        if counts:
            run.notes.append(f"{mapping.folder}: {counts}")


@dataclass
class _Counts:
    to_store: int = 0
    to_exchange: int = 0
    unlinked: int = 0
    deleted: int = 0
    conflicts: int = 0
    failed: int = 0

    def __bool__(self):
        return any(vars(self).values())

    def __str__(self):
        return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in vars(self).items() if v)


@dataclass
class _Conflict:
    link: ItemLink
    record: object
    item: object


class _FolderSync:
    def __init__(self, run: WorkloadRun, owner, mapping: RecordMapping, policy):
        self.run = run
        self.account = run.account
        self.mailbox = run.mailbox
        self.owner = owner
        self.mapping = mapping
        self.policy = policy
        self.folder = mapping.folder_of(self.account)
        self.counts = _Counts()

    # --- the cycle ----------------------------------------------------------------------
    def sync(self) -> _Counts:
        changed_items, deleted_ids, new_state = self._exchange_changes()
        links, unlinked = {}, set()
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
        to_fetch = [(iid, ck) for iid, ck in changed_items.items() if iid not in gone_ids]
        fetched = self._fetch(to_fetch)
        pushes: list[ItemLink] = []
        for item_id, item in fetched.items():
            link = links.get(item_id)
            if isinstance(item, Exception):
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
    def _exchange_changes(self):
        """(changed item id → change key, deleted item ids, new sync state); our own writes skipped."""
        state_row = FolderSyncState.get_or_none((FolderSyncState.mailbox == self.mailbox.id)
                                                & (FolderSyncState.folder == self.mapping.folder))
        self.folder.item_sync_state = (state_row.sync_state if state_row else "") or None
        known = {link.item_id: link.change_key for link in ItemLink.select(ItemLink.item_id, ItemLink.change_key)
                 .where((ItemLink.mailbox == self.mailbox.id)
                        & (ItemLink.record_type == self.mapping.record_type) & ItemLink.unlinked_on.is_null())}
        changed: dict[str, str] = {}
        deleted: set[str] = set()
        for change_type, item in self.folder.sync_items(only_fields=[], max_changes_returned=MAX_CHANGES):
            if change_type == "delete":
                deleted.add(item.id)
                changed.pop(item.id, None)
            elif change_type in ("create", "update"):
                deleted.discard(item.id)
                if known.get(item.id) == item.changekey:
                    changed.pop(item.id, None)  # our own write coming back
                else:
                    changed[item.id] = item.changekey
        return changed, deleted, self.folder.item_sync_state

    def _save_state(self, state: str | None) -> None:
        FolderSyncState.insert(mailbox=self.mailbox.id, folder=self.mapping.folder, sync_state=state or "",
                               updated_on=utcnow()).on_conflict(
            conflict_target=[FolderSyncState.mailbox, FolderSyncState.folder],
            update={FolderSyncState.sync_state: state or "", FolderSyncState.updated_on: utcnow()}).execute()

    def _fetch(self, ids) -> dict:
        if not ids:
            return {}
        only = list(self.mapping.item_fields) + ["last_modified_time"]
        results = self.account.fetch(ids=[(iid, None) for iid, _ck in ids], folder=self.folder, only_fields=only)
        return {iid: result for (iid, _ck), result in zip(ids, results)}

    def _unlink(self, link: ItemLink) -> None:
        link.unlinked_on = utcnow()
        link.change_key = link.synced_fingerprint = ""
        link.synced_on = utcnow()
        link.save()
        self.counts.unlinked += 1

    def _item_failed(self, item_id, error: Exception, link: ItemLink | None) -> None:
        from exchangelib.errors import ErrorItemNotFound

        if isinstance(error, ErrorItemNotFound):  # deleted after SyncFolderItems: same as a Delete
            if link is not None:
                self._unlink(link)
            return
        self.counts.failed += 1
        log.warning("%s: item %s of %s failed: %s", self.mailbox.email, item_id, self.mapping.folder, error)

    # --- store ← Exchange ---------------------------------------------------------------
    def _create_record(self, item) -> None:
        if not isinstance(item, self.mapping.item_class()):
            return  # e.g. a distribution list in Contacts: not a record type we synchronize
        values = self.mapping.from_item(item)
        if self.mapping.record_type is RecordType.APPOINTMENT:
            values["start"] = values["start"] or utcnow()
            values["end"] = values["end"] or values["start"]
        with database.atomic():
            record = self.mapping.model.create(owner=self.owner, state=RecordState.ACTIVE, modified_on=utcnow(),
                                               **values)
            ItemLink.create(mailbox=self.mailbox.id, record_type=self.mapping.record_type, record_id=record.id,
                            item_id=item.id, change_key=item.changekey,
                            synced_fingerprint=self.mapping.fingerprint(record))
        self.counts.to_store += 1
        self.run.created += 1

    def _pull(self, link: ItemLink, record, item) -> None:
        for name, value in self.mapping.from_item(item).items():
            if name == "start" and value is None and self.mapping.record_type is RecordType.APPOINTMENT:
                continue
            setattr(record, name, value)
        record.modified_on = utcnow()
        with database.atomic():
            record.save()
            link.change_key = item.changekey
            link.synced_fingerprint = self.mapping.fingerprint(record)
            link.synced_on = utcnow()
            link.save()
        self.counts.to_store += 1
        self.run.updated += 1

    # --- conflicts ----------------------------------------------------------------------
    def _resolve(self, conflict: _Conflict, pushes: list) -> None:
        link, record, item = conflict.link, conflict.record, conflict.item
        winner = conflict_winner(self.policy, record.modified_on, item.last_modified_time)
        ConflictLog.create(mailbox=self.mailbox.id, record_type=self.mapping.record_type, record_id=record.id,
                           item_id=item.id, policy=self.policy, winner=winner,
                           store_version=self.mapping.snapshot(self.mapping.store_values(record)),
                           exchange_version=self.mapping.snapshot(self.mapping.from_item(item)))
        self.counts.conflicts += 1
        if winner == EXCHANGE:
            self._pull(link, record, item)
        else:
            assert winner == STORE
            link.change_key = item.changekey  # overwrite the version we have just seen, no other
            pushes.append(link)

    # --- store → Exchange ---------------------------------------------------------------
    def _item_for(self, link: ItemLink, record):
        item = self.mapping.item_class()(account=self.account, folder=self.folder, id=link.item_id,
                                         changekey=link.change_key)
        self.mapping.to_item(record, item)
        return item

    def _push(self, links: list[ItemLink], records: dict, *, retry: bool = True) -> None:
        if not links:
            return
        from exchangelib.errors import ErrorIrresolvableConflict

        updates = [(self._item_for(link, records[link.record_id]), list(self.mapping.item_fields)) for link in links]
        results = list(_update_item_service()(account=self.account).call(
            items=updates, conflict_resolution="AutoResolve", message_disposition="SaveOnly",
            send_meeting_invitations_or_cancellations="SendToNone", suppress_read_receipts=True))
        stale = []
        for link, result in zip(links, results):
            if isinstance(result, ErrorIrresolvableConflict) and retry:
                stale.append(link)  # changed in Exchange since we last saw it: re-read and decide
            elif isinstance(result, Exception):
                self._item_failed(link.item_id, result, link)
            else:
                self._linked(link, records[link.record_id], result[1])
                self.counts.to_exchange += 1
                self.run.updated += 1
        if stale:
            again = []
            for link, item in zip(stale, self._fetch([(link.item_id, None) for link in stale]).values()):
                if isinstance(item, Exception):
                    self._item_failed(link.item_id, item, link)
                else:
                    self._resolve(_Conflict(link, records[link.record_id], item), again)
            self._push(again, records, retry=False)

    def _linked(self, link: ItemLink, record, change_key: str) -> None:
        link.change_key = change_key
        link.synced_fingerprint = self.mapping.fingerprint(record)
        link.synced_on = utcnow()
        link.save()

    def _delete_items(self, links: list[ItemLink]) -> None:
        if not links:
            return
        from exchangelib.errors import ErrorItemNotFound
        from exchangelib.items import MOVE_TO_DELETED_ITEMS

        results = self.account.bulk_delete(ids=[(link.item_id, None) for link in links],
                                           delete_type=MOVE_TO_DELETED_ITEMS)
        for link, result in zip(links, results):
            if isinstance(result, Exception) and not isinstance(result, ErrorItemNotFound):
                self._item_failed(link.item_id, result, None)
                continue
            link.delete_instance()
            self.counts.deleted += 1
            self.run.deleted += 1

    def _create_items(self, records: list) -> None:
        if not records:
            return
        items = []
        for record in records:
            item = self.mapping.item_class()(account=self.account, folder=self.folder)
            self.mapping.to_item(record, item)
            items.append(item)
        results = self.account.bulk_create(folder=self.folder, items=items)
        for record, result in zip(records, results):
            if isinstance(result, Exception):
                self.counts.failed += 1
                log.warning("%s: creating %s %s failed: %s", self.mailbox.email, self.mapping.record_type.value,
                            record.id, result)
                continue
            ItemLink.create(mailbox=self.mailbox.id, record_type=self.mapping.record_type, record_id=record.id,
                            item_id=result.id, change_key=result.changekey,
                            synced_fingerprint=self.mapping.fingerprint(record))
            self.counts.to_exchange += 1
            self.run.created += 1
