"""The mailbox editor's history: every stored Test & Enable report opens again (after a restart
too), newest first; the conflict log shows what each conflict policy did."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ews_fixtures import EWS_PASSWORD
from PySide6.QtCore import Qt

from app import paths, secrets
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import RecordType, RunStatus
from app.exchange.connection import open_account, plan_connection
from app.gui.windows.mailbox_editor import MailboxEditor
from app.gui.windows.report_dialog import ReportDialog
from app.store import repo
from app.store.db import close_database, open_database
from app.store.models import Appointment, Contact
from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


def _editor(qtbot, mailbox_id):
    editor = MailboxEditor(mailbox_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _cells(table, row):
    model = table.model()
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _steps_shown(dialog):
    """Each step's row (number and title, status, duration, message) and its transcript."""
    tree = dialog.ui.steps
    shown = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        children = [item.child(c).text(0) for c in range(item.childCount())]
        transcript = children[-1] if children and not children[-1].startswith("Next step") else ""
        shown.append(([item.text(c) for c in range(4)], transcript))
    return shown


def _live_dialog(qtbot, report, name):
    dialog = ReportDialog(report, name)
    qtbot.addWidget(dialog)
    return dialog


def _double_click_row(qtbot, table, row):
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _open_reports(editor):
    return [d for d in editor.findChildren(ReportDialog) if d.isVisible()]


def test_every_report_opens_again_after_a_restart_newest_first(qtbot, setup, ews, message_log, click):
    account = ews.new_account("history")
    mailbox = setup.mailbox(setup.profile(), account.email, password="not the password")
    refused = run_mailbox_test(mailbox.id)
    secrets.set_password(secrets.mailbox_key(mailbox.id), EWS_PASSWORD)
    passed = run_mailbox_test(mailbox.id)
    expected = {
        RunStatus.SUCCESS: _steps_shown(_live_dialog(qtbot, passed, mailbox.name)),
        RunStatus.FAILURE: _steps_shown(_live_dialog(qtbot, refused, mailbox.name)),
    }

    close_database()  # a restart: only the database file carries over
    open_database(paths.database_path())
    editor = _editor(qtbot, mailbox.id)
    editor.ui.tabs.setCurrentWidget(editor.ui.resultsTab)
    table = editor.ui.runsTable
    assert table.model().rowCount() == 2
    assert [_cells(table, r)[1] for r in range(2)] == ["Success", "Failure"], "newest first"
    assert _cells(table, 0)[3] == "" and _cells(table, 1)[3] == "Connect and authenticate"
    assert "401" in _cells(table, 1)[4]
    assert editor.ui.viewReportButton.isVisible() and "Double-click" in editor.ui.runsHint.text()

    _double_click_row(qtbot, table, 1)  # the older run, the refused password
    (older,) = _open_reports(editor)
    assert _steps_shown(older) == expected[RunStatus.FAILURE]
    assert "Failure" in older.ui.result.text()
    older.close()

    table.selectRow(0)
    click(editor.ui.viewReportButton)
    (newer,) = _open_reports(editor)
    assert _steps_shown(newer) == expected[RunStatus.SUCCESS]
    assert len(expected[RunStatus.SUCCESS]) == 6, "every step, workloads included"
    assert "Test & Enable report" in editor.details_text(), "the download carries the newest stored report"
    assert EWS_PASSWORD not in editor.details_text()


def test_this_sessions_report_opens_with_its_next_step(qtbot, setup, ews, message_log):
    account = ews.new_account("session")
    mailbox = setup.mailbox(setup.profile(), account.email, password="not the password")
    editor = _editor(qtbot, mailbox.id)
    editor.ui.tabs.setCurrentWidget(editor.ui.resultsTab)
    assert not editor.ui.viewReportButton.isVisible()
    assert editor.ui.runsHint.text() == "No Test & Enable run of this mailbox is stored yet."

    report = run_mailbox_test(mailbox.id)
    editor.set_last_report(report)  # as the main window does when the test finishes
    assert editor.ui.viewReportButton.isVisible() and editor.ui.runsTable.model().rowCount() == 1
    dialog = editor.show_last_report()
    assert dialog is not None and dialog.report is report
    failing = dialog.ui.steps.topLevelItem(2)
    assert dialog.ui.nextStep.text() and not dialog.ui.nextStep.isHidden(), "the live report has its next step"

    reopened = MailboxEditor(mailbox.id)  # a new editor: the stored run, without the next step
    qtbot.addWidget(reopened)
    stored = reopened.show_last_report()
    assert stored is not None and stored.report is not report
    assert stored.ui.steps.topLevelItem(2).text(0) == failing.text(0)
    assert stored.ui.nextStep.isHidden() or not stored.ui.nextStep.text(), "a stored run keeps no next step"


def _conflict(mailbox, user, ews, record_type, policy):
    """A record synchronized, then changed on both sides, then synchronized again: one conflict."""
    options = repo.user_options(user)
    setattr(options, f"{record_type.value}_conflict_policy", policy)
    options.save()
    start = datetime(2031, 5, 6, 9, 0, tzinfo=timezone.utc)
    if record_type is RecordType.APPOINTMENT:
        record = Appointment.create(owner=user, subject="Budget", location="Room 1", start=start, end=start)
    else:
        record = Contact.create(owner=user, first_name="Ann", last_name="Lee", job_title="CFO")
    assert sync_appointments_contacts_tasks(mailbox).failure is None
    client = open_account(plan_connection(mailbox), ews.ews_url)
    folder = client.calendar if record_type is RecordType.APPOINTMENT else client.contacts
    (item,) = list(folder.all())
    field, store_value, exchange_value = (
        ("location", "Room 2", "Room 9") if record_type is RecordType.APPOINTMENT else ("job_title", "CEO", "COO")
    )
    setattr(item, field, exchange_value)
    item.save(update_fields=[field])
    setattr(record, field, store_value)
    record.modified_on = datetime.now(timezone.utc) - timedelta(minutes=5)
    record.save()
    assert sync_appointments_contacts_tasks(mailbox).failure is None


def test_the_conflict_log_shows_what_each_policy_did(qtbot, setup, ews, message_log):
    account = ews.new_account("conflicts", **NO_SEED)
    mailbox = setup.mailbox(setup.profile("ACT"), account.email)
    _conflict(mailbox, setup.user, ews, RecordType.APPOINTMENT, "exchange_wins")
    _conflict(mailbox, setup.user, ews, RecordType.CONTACT, "store_wins")

    editor = _editor(qtbot, mailbox.id)
    editor.ui.tabs.setCurrentWidget(editor.ui.conflictsTab)
    table = editor.ui.conflictsTable
    assert editor.ui.tabs.tabText(editor.ui.tabs.currentIndex()) == "Conflicts"
    assert [_cells(table, r)[1:] for r in range(table.model().rowCount())] == [
        ["Contact", "Ann Lee", "Store wins", "Store", "Job title"],
        ["Appointment", "Budget", "Exchange wins", "Exchange", "Location"],
    ]
    assert editor.ui.conflictDetails.toPlainText() == ""
    table.selectRow(1)
    details = editor.ui.conflictDetails.toPlainText()
    assert "Conflict policy: Exchange wins" in details
    assert "Kept Exchange's version; the store updated" in details
    assert "Store: Room 2" in details and "Exchange: Room 9" in details
    assert Appointment.get().location == "Room 9", "what the log says is what happened"
    assert Contact.get().job_title == "CEO"
