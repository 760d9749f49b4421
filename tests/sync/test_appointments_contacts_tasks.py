"""Two-way appointments/contacts/tasks sync against the loopback server.

Exchange-side changes are made by a second exchangelib client of the same mailbox; store-side
changes by editing the records (with a fresh modified_on, as the app's forms do).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.domain.enums import FilterOperator, OwnerKind, RecordState, RecordType
from app.exchange.connection import open_account, plan_connection
from app.exchange.item_mapping import ITEM_MAPPINGS
from app.store import repo
from app.store.filters_query import preview, records_selected
from app.store.models import (
    Appointment,
    ConflictLog,
    Contact,
    FilterCriterion,
    FolderSyncState,
    ItemLink,
    SyncFilter,
    Task,
)
from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks
from app.sync.record_mapping import RECORD_MAPPINGS

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)
START = datetime(2031, 5, 6, 9, 0, tzinfo=timezone.utc)


def now():
    return datetime.now(timezone.utc)


def new_record(record_type: RecordType, owner, label: str, **extra):
    if record_type is RecordType.APPOINTMENT:
        return Appointment.create(
            owner=owner, subject=label, location="Room 1", start=START, end=START + timedelta(hours=1), **extra
        )
    if record_type is RecordType.CONTACT:
        return Contact.create(
            owner=owner,
            first_name="Ann",
            last_name=label,
            email=f"{label.lower()}@fabrikam.com",
            company="Fabrikam",
            business_phone="+1 555 0100",
            **extra,
        )
    return Task.create(owner=owner, subject=label, due=START, percent_complete=20, **extra)


def label_of(record_type: RecordType, record) -> str:
    return record.last_name if record_type is RecordType.CONTACT else record.subject


def set_label(record_type: RecordType, record, label: str, **when):
    setattr(record, "last_name" if record_type is RecordType.CONTACT else "subject", label)
    record.modified_on = when.get("at", now())
    record.save()


def item_label(record_type: RecordType, item) -> str:
    return item.surname if record_type is RecordType.CONTACT else item.subject


def change_label(record_type: RecordType, item, label: str):
    name = "surname" if record_type is RecordType.CONTACT else "subject"
    setattr(item, name, label)
    item.save(update_fields=[name])


def server_labels(ews, email, record_type: RecordType) -> set:
    folder = ews.server.directory.mailbox(email).distinguished[RECORD_MAPPINGS[record_type].folder]
    name = "surname" if record_type is RecordType.CONTACT else None
    return {(it.get(name) if name else it.subject) for it in folder.items.values()}


class Env:
    def __init__(self, setup, ews, **seed):
        self.ews = ews
        self.account = ews.new_account("act", **{**NO_SEED, **seed})
        self.mailbox = setup.mailbox(setup.profile("ACT"), self.account.email)
        self.user = setup.user
        self._client = None

    @property
    def client(self):
        """A second exchangelib client of the mailbox: 'someone changing it in Outlook'."""
        if self._client is None:
            self._client = open_account(plan_connection(self.mailbox), self.ews.ews_url)
        return self._client

    def cycle(self):
        run = sync_appointments_contacts_tasks(self.mailbox)
        assert run.failure is None, run.failure
        return run

    def items(self, record_type):
        return list(ITEM_MAPPINGS[record_type].folder_of(self.client).all())

    def link(self, record_type, record):
        return ItemLink.get_or_none(
            (ItemLink.mailbox == self.mailbox.id)
            & (ItemLink.record_type == record_type)
            & (ItemLink.record_id == record.id)
        )


@pytest.fixture
def env(setup, ews):
    return Env(setup, ews)


TYPES = list(RecordType)


@pytest.mark.parametrize("record_type", TYPES, ids=[t.value for t in TYPES])
def test_store_create_update_delete_reach_exchange(env, ews, record_type):
    record = new_record(record_type, env.user, "Alpha")
    first = env.cycle()
    assert first.created == 1
    assert server_labels(ews, env.account.email, record_type) == {"Alpha"}
    item = env.items(record_type)[0]
    if record_type is RecordType.CONTACT:
        assert item.email_addresses[0].email == "alpha@fabrikam.com" and item.company_name == "Fabrikam"
    elif record_type is RecordType.APPOINTMENT:
        assert item.start == START and item.location == "Room 1"
    else:
        assert int(item.percent_complete) == 20

    set_label(record_type, record, "Beta")
    assert env.cycle().updated == 1
    assert server_labels(ews, env.account.email, record_type) == {"Beta"}

    record.delete_instance()
    assert env.cycle().deleted == 1
    assert server_labels(ews, env.account.email, record_type) == set()
    assert ItemLink.select().count() == 0


@pytest.mark.parametrize("record_type", TYPES, ids=[t.value for t in TYPES])
def test_exchange_create_update_delete_reach_store(env, record_type):
    mapping, items = RECORD_MAPPINGS[record_type], ITEM_MAPPINGS[record_type]
    env.cycle()
    item = items.item_class()(account=env.client, folder=items.folder_of(env.client))
    template = new_record(record_type, None, "Gamma")  # a template record, owned by nobody
    items.to_item(mapping.store_values(template), item)
    mapping.model.delete().execute()
    item.save()
    assert env.cycle().created == 1
    record = mapping.model.get()
    assert label_of(record_type, record) == "Gamma" and record.owner_id == env.user.id
    assert record.state is RecordState.ACTIVE

    change_label(record_type, item, "Delta")
    assert env.cycle().updated == 1
    assert label_of(record_type, mapping.model.get_by_id(record.id)) == "Delta"

    item_id = item.id
    item.delete()
    env.cycle()
    assert label_of(record_type, mapping.model.get_by_id(record.id)) == "Delta", "record kept"
    link = env.link(record_type, record)
    assert link.unlinked_on is not None and link.item_id == item_id, "and unlinked"
    env.cycle()
    assert env.items(record_type) == [], "an unlinked record is not sent to Exchange again"


def test_seeded_items_come_in_and_an_unchanged_mailbox_costs_one_request_per_folder(setup, ews):
    env = Env(setup, ews, appointments=4, contacts=5, tasks=3)
    new_record(RecordType.TASK, env.user, "Local task")
    first = env.cycle()
    assert first.created == 4 + 5 + 3 + 1
    assert (Appointment.select().count(), Contact.select().count(), Task.select().count()) == (4, 5, 4)
    email = env.account.email
    for _ in range(2):  # the second cycle sees our own writes echoed, the third nothing at all
        before_all, before_sync = ews.stats.count(account=email), ews.stats.count("SyncFolderItems", email)
        run = env.cycle()
        assert (run.created, run.updated, run.deleted) == (0, 0, 0)
        assert ews.stats.count("SyncFolderItems", email) - before_sync == 3
        assert ews.stats.count(account=email) - before_all == 3, "nothing but SyncFolderItems"
    assert FolderSyncState.select().where(FolderSyncState.mailbox == env.mailbox.id).count() == 3


def test_filters_choose_the_records_that_are_synchronized(env, ews, setup):
    other = repo.create_user("Other user")
    new_record(RecordType.APPOINTMENT, env.user, "Mine")
    new_record(RecordType.APPOINTMENT, env.user, "Mine but inactive", state=RecordState.INACTIVE)
    new_record(RecordType.APPOINTMENT, other, "Someone else's")
    new_record(RecordType.APPOINTMENT, None, "Project X kickoff")
    env.cycle()
    assert server_labels(ews, env.account.email, RecordType.APPOINTMENT) == {"Mine"}

    # A second filter (OR-ed): any appointment whose subject begins with "Project X".
    extra = SyncFilter.create(user=env.user, record_type=RecordType.APPOINTMENT, name="Project X")
    FilterCriterion.create(filter=extra, field="subject", operator=FilterOperator.BEGINS_WITH, value="project x")
    assert {r.subject for r in records_selected(env.user, RecordType.APPOINTMENT)} == {"Mine", "Project X kickoff"}
    assert [r.subject for r in preview(extra)] == ["Project X kickoff"]
    env.cycle()
    assert server_labels(ews, env.account.email, RecordType.APPOINTMENT) == {"Mine", "Project X kickoff"}
    # The other user's own filters select their record ("me" is the filter's user).
    assert [r.subject for r in records_selected(other, RecordType.APPOINTMENT)] == ["Someone else's"]


def _both_sides_changed(env, record_type, *, store_first: bool):
    """Record synced, then changed in the store and in Exchange; returns (record, item)."""
    record = new_record(record_type, env.user, "Base")
    env.cycle()
    item = env.items(record_type)[0]
    if store_first:
        set_label(record_type, record, "Store version", at=now() - timedelta(minutes=5))
    change_label(record_type, item, "Exchange version")
    if not store_first:
        set_label(record_type, record, "Store version", at=now() + timedelta(minutes=5))
    return record


@pytest.mark.parametrize(
    "policy,record_type,store_first,winner",
    [
        ("most_recent", RecordType.APPOINTMENT, True, "exchange"),
        ("most_recent", RecordType.CONTACT, False, "store"),
        ("store_wins", RecordType.TASK, True, "store"),
        ("exchange_wins", RecordType.APPOINTMENT, False, "exchange"),
    ],
)
def test_conflict_policy(env, ews, policy, record_type, store_first, winner):
    options = repo.user_options(env.user)
    setattr(options, f"{record_type.value}_conflict_policy", policy)
    options.save()
    record = _both_sides_changed(env, record_type, store_first=store_first)
    env.cycle()
    expected = "Store version" if winner == "store" else "Exchange version"
    assert label_of(record_type, RECORD_MAPPINGS[record_type].model.get_by_id(record.id)) == expected
    assert server_labels(ews, env.account.email, record_type) == {expected}
    log = ConflictLog.get()
    assert (log.policy.value, log.winner, log.record_id) == (policy, winner, record.id)
    assert "Store version" in log.store_version and "Exchange version" in log.exchange_version
    assert env.cycle().updated == 0, "settled: the next cycle has nothing to do"
    assert ConflictLog.select().count() == 1


def test_stale_change_key_is_re_read_and_decided_by_the_policy(env, ews):
    record = new_record(RecordType.TASK, env.user, "Base")
    env.cycle()
    item = env.items(RecordType.TASK)[0]
    change_label(RecordType.TASK, item, "Exchange version")
    # Exchange changed after our SyncFolderItems looked: move the stored state past the change.
    folder = env.client.tasks
    state = FolderSyncState.get(FolderSyncState.mailbox == env.mailbox.id, FolderSyncState.folder == "tasks")
    list(folder.sync_items(sync_state=state.sync_state, only_fields=[]))
    state.sync_state = folder.item_sync_state
    state.save()
    set_label(RecordType.TASK, record, "Store version", at=now() + timedelta(minutes=5))
    before = ews.stats.count("UpdateItem", env.account.email)
    env.cycle()
    assert ews.stats.count("UpdateItem", env.account.email) - before == 2, "stale, then with the fresh ChangeKey"
    assert server_labels(ews, env.account.email, RecordType.TASK) == {"Store version"}
    assert ConflictLog.get().winner == "store"


def test_a_queue_mailbox_syncs_nothing(setup, ews):
    from app.store.models import Queue

    account = ews.new_account("actq", **NO_SEED)
    queue = Queue.create(name="Support")
    mailbox = setup.mailbox(setup.profile("Q"), account.email, owner_id=queue.id, owner_kind=OwnerKind.QUEUE)
    run = sync_appointments_contacts_tasks(mailbox)
    assert run.failure is None and "not owned by a user" in run.notes[0]
    assert ews.stats.count(account=account.email) == 0


def test_every_count_of_a_folder_has_a_history_text():
    """A count without its translatable text would fail the whole cycle when it is written."""
    from dataclasses import fields

    from app.sync.appointments_contacts_tasks import COUNT_TEXTS, _Counts

    assert {f.name for f in fields(_Counts)} == set(COUNT_TEXTS)
