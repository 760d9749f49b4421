"""Appointments, contacts and tasks are pushed once, whatever happens between the push and its link.

Every item we create carries its record's marker (an extended property): a push that reached
Exchange without its ItemLink being stored (another process raced it; for a crash see
test_act_crash.py) is found again and linked, never created a second time nor imported back as
a new record.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_appointments_contacts_tasks import NO_SEED, START, Env, new_record

from app.domain.enums import RecordType
from app.exchange.item_mapping import ITEM_MAPPINGS
from app.exchange.item_marker import MARKER_FIELD
from app.store.models import Appointment, FolderSyncState, Task
from app.sync.record_mapping import RECORD_MAPPINGS

TYPES = list(RecordType)


def server_items(ews, email, record_type):
    folder = ews.server.directory.mailbox(email).distinguished[RECORD_MAPPINGS[record_type].folder]
    return list(folder.items.values())


@pytest.fixture
def env(setup, ews):
    return Env(setup, ews, **NO_SEED)


@pytest.mark.parametrize("record_type", TYPES, ids=[t.value for t in TYPES])
def test_an_item_already_in_exchange_for_the_record_is_found_and_linked_not_created(env, ews, record_type):
    """The race: another process created the item and we did not see it come in (our folder state
    is past it). The marker lookup before creating finds it."""
    env.cycle()
    record = new_record(record_type, env.user, "Raced")
    items = ITEM_MAPPINGS[record_type]
    item = items.item_class()(account=env.client, folder=items.folder_of(env.client))
    items.to_item(RECORD_MAPPINGS[record_type].store_values(record), item)
    setattr(item, MARKER_FIELD, record.sync_marker)
    item.save()
    folder = items.folder_of(env.client)
    state = FolderSyncState.get(FolderSyncState.mailbox == env.mailbox.id, FolderSyncState.folder == items.folder)
    list(folder.sync_items(sync_state=state.sync_state, only_fields=[]))
    state.sync_state = folder.item_sync_state  # our state is past the other process's create
    state.save()
    creates = ews.stats.count("CreateItem", env.account.email)

    run = env.cycle()

    assert ews.stats.count("CreateItem", env.account.email) == creates, "not created again"
    [only] = server_items(ews, env.account.email, record_type)
    assert env.link(record_type, record).item_id == only.id
    assert run.updated == 1, "brought up to date with the record"
    assert env.cycle().updated == 0


def test_a_second_item_with_a_linked_records_marker_is_not_imported(env, ews):
    record = new_record(RecordType.TASK, env.user, "Once")
    env.cycle()
    items = ITEM_MAPPINGS[RecordType.TASK]
    copy = items.item_class()(account=env.client, folder=items.folder_of(env.client))
    items.to_item(RECORD_MAPPINGS[RecordType.TASK].store_values(record), copy)
    setattr(copy, MARKER_FIELD, record.sync_marker)  # what two processes at once used to leave behind
    copy.save()

    run = env.cycle()

    assert Task.select().count() == 1 and run.created == 0
    assert "tasks: duplicates held 1" in run.notes
    assert env.link(RecordType.TASK, record).item_id != copy.id


def test_a_record_that_exchange_would_refuse_fails_alone(env, ews):
    bad = Appointment.create(
        owner=env.user, subject="Ends before it starts", start=START, end=START - timedelta(hours=1)
    )
    new_record(RecordType.APPOINTMENT, env.user, "Fine")
    run = env.cycle()
    assert run.failure is None and run.created == 1
    assert "calendar: to exchange 1, failed 1" in run.notes
    assert [it.subject for it in server_items(ews, env.account.email, RecordType.APPOINTMENT)] == ["Fine"]
    assert env.link(RecordType.APPOINTMENT, bad) is None


def test_an_item_found_by_marker_but_linked_to_another_record_is_left_alone(env, ews):
    """Pathological (a marker copied onto another record's item by hand): no failed cycle, no link
    stolen; the record waits."""
    other = new_record(RecordType.TASK, env.user, "Other")
    env.cycle()
    record = new_record(RecordType.TASK, env.user, "Waiting")
    [item] = env.items(RecordType.TASK)
    setattr(item, MARKER_FIELD, record.sync_marker)
    item.save(update_fields=[MARKER_FIELD])

    run = env.cycle()

    assert run.failure is None and "duplicates held 1" in run.notes[0], "(its marker change came in)"
    assert env.link(RecordType.TASK, other).item_id == item.id and env.link(RecordType.TASK, record) is None
