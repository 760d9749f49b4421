"""An appointment edited in the app and in Exchange (the loopback server, changed through EWS as
Outlook would): created here and synchronized, changed there and shown here, changed on both
sides and decided by the owner's conflict policy (logged, shown on the record with its entry),
deleted there and kept here, unlinked."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime

from app.domain.enums import ConflictPolicy, RecordType, SyncState
from app.exchange.connection import open_account, plan_connection
from app.gui.pages.records_lists import ListKind
from app.store import repo
from app.store.models import Appointment, ConflictLog, ItemLink, Mailbox, UserOptions
from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks

START = datetime(2031, 6, 3, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def owner_mailbox(setup, ews):
    account = ews.new_account("actowner")
    user = repo.create_user("Carol", account.email)
    mailbox = setup.mailbox(setup.profile("Loopback"), account.email, owner_id=user.id)
    Mailbox.update(act_enabled=True).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


@pytest.fixture
def page(qtbot, owner_mailbox, message_log):
    from app.gui.pages.records_page import RecordsPage

    widget = RecordsPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def calendar(ews, mailbox):
    """The mailbox's calendar through EWS, with its own credentials: 'someone in Outlook'."""
    return open_account(plan_connection(mailbox), ews.ews_url).calendar


def state_of(appointments, subject):
    rows = {
        appointments.proxy.index(r, 0).data(): appointments.proxy.index(r, 4).data()
        for r in range(appointments.proxy.rowCount())
    }
    return rows.get(subject)


def sync(mailbox):
    run = sync_appointments_contacts_tasks(mailbox)
    assert run.failure is None, run.failure
    return run


def test_an_appointment_goes_both_ways_meets_a_conflict_and_is_kept_when_deleted_in_exchange(
    qtbot, ews, owner_mailbox, page, click
):
    mailbox = owner_mailbox
    appointments = page.show_tab(ListKind.APPOINTMENT)

    # 1. created in the app
    click(appointments.ui.newButton)
    editor = page.windows[-1]
    ui = editor.ui
    ui.owner.setCurrentIndex(ui.owner.findData(mailbox.owner_user_id))
    qtbot.keyClicks(ui.subject, "Design review")
    qtbot.keyClicks(ui.location, "Room 7")
    ui.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(START.timestamp())))
    ui.end.setDateTime(QDateTime.fromSecsSinceEpoch(int((START + timedelta(hours=1)).timestamp())))
    click(ui.saveButton)
    record = Appointment.get(Appointment.subject == "Design review")
    assert ui.syncState.text() == "Pending"
    assert state_of(appointments, "Design review") == "Pending"

    # 2. synchronized (Save and sync now), and on the server
    click(ui.saveSyncButton)
    qtbot.waitUntil(lambda: editor.worker is None and editor.sync_result is not None, timeout=30_000)
    assert editor.sync_result.ok, editor.sync_result.failure
    assert ui.syncState.text() == "Synced"
    items = [i for i in calendar(ews, mailbox).all() if i.subject == "Design review"]
    assert len(items) == 1 and items[0].location == "Room 7"
    assert items[0].start == START

    # 3. changed on the server through EWS
    item = items[0]
    item.location = "Room 9"
    item.save(update_fields=["location"])

    # 4. synchronized: the app shows the change
    sync(mailbox)
    page.refresh()
    assert Appointment.get_by_id(record.id).location == "Room 9"
    assert appointments.select_id(record.id)
    assert appointments.selected().values["location"] == "Room 9"
    assert state_of(appointments, "Design review") == "Synced"

    # 5. changed on both sides: the owner's policy (Exchange wins) decides, the conflict is logged
    UserOptions.update(appointment_conflict_policy=ConflictPolicy.EXCHANGE_WINS).where(
        UserOptions.user == mailbox.owner_user_id
    ).execute()
    editor = page.edit_record(RecordType.APPOINTMENT, record.id)
    editor.ui.location.setText("Room 1 (app)")
    click(editor.ui.saveButton)
    item = next(i for i in calendar(ews, mailbox).all() if i.subject == "Design review")
    item.location = "Room 2 (Exchange)"
    item.save(update_fields=["location"])
    sync(mailbox)
    page.refresh()
    logged = ConflictLog.get(ConflictLog.record_id == record.id)
    assert (logged.policy, logged.winner) == (ConflictPolicy.EXCHANGE_WINS, "exchange")
    assert Appointment.get_by_id(record.id).location == "Room 2 (Exchange)"
    assert state_of(appointments, "Design review") == "Conflict: Exchange's version kept"
    assert appointments.select_id(record.id)
    click(appointments.ui.conflictButton)
    entry = page.windows[-1]
    assert "Kept Exchange's version" in entry.ui.summary.text() and "[Exchange wins]" in entry.ui.explanation.text()
    assert "Room 1 (app)" in entry.ui.details.toPlainText() and "Room 2 (Exchange)" in entry.ui.details.toPlainText()

    # 6. deleted on the server: unlinked and kept here
    item = next(i for i in calendar(ews, mailbox).all() if i.subject == "Design review")
    item.delete()
    sync(mailbox)
    page.refresh()
    assert Appointment.get_or_none(Appointment.id == record.id) is not None, "kept"
    link = ItemLink.get(ItemLink.record_id == record.id)
    assert link.unlinked_on is not None
    assert state_of(appointments, "Design review") == "Deleted in Exchange, kept"
    reopened = page.edit_record(RecordType.APPOINTMENT, record.id)
    assert reopened.standing.state is SyncState.UNLINKED
    assert "deleted in Exchange" in reopened.ui.syncNote.text()
