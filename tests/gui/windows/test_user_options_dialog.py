"""Personal options as an admin uses them: the tracking option, the conflict policies, and the
synchronization filters built in the editor, whose preview counts what SQL counts over the store
and whose saving changes what the next sync sends to Exchange (loopback server, real HTTP)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt

from app.domain.enums import ConflictPolicy, FilterOperator, RecordState, RecordType, TrackingOption
from app.gui.windows.user_options_dialog import UserOptionsDialog
from app.store import filters_sql, repo
from app.store.base import database
from app.store.models import Appointment, FilterCriterion, SyncFilter, UserOptions
from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks

START = datetime(2031, 4, 7, 9, 0, tzinfo=timezone.utc)
NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


def appointment(owner, subject, **extra):
    return Appointment.create(owner=owner, subject=subject, start=START, end=START + timedelta(hours=1), **extra)


def open_dialog(qtbot, user_id) -> UserOptionsDialog:
    dialog = UserOptionsDialog(user_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def wait_for_preview(qtbot, editor, text: str) -> None:
    qtbot.waitUntil(lambda: text in editor.preview_count.text(), timeout=5000)


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def calendar_subjects(ews, email) -> set[str]:
    folder = ews.server.directory.mailbox(email).distinguished["calendar"]
    return {item.subject for item in folder.items.values()}


def test_my_appointments_or_customer_appointments_built_previewed_saved_and_synchronized(
    qtbot, setup, ews, click, message_log
):
    me = setup.user
    bob = repo.create_user("Bob Sato", "bob@contoso.com")
    appointment(me, "Mine")
    appointment(me, "Mine, cancelled", state=RecordState.INACTIVE)
    appointment(bob, "Fabrikam visit", category="Customer")
    appointment(bob, "Team lunch", category="Internal")
    appointment(None, "Contoso demo", category="customer; travel")
    appointment(None, "顧客訪問", category="CUSTOMER")  # case does not matter
    account = ews.new_account("options", **NO_SEED)
    mailbox = setup.mailbox(setup.profile("Options"), account.email)
    assert sync_appointments_contacts_tasks(mailbox).failure is None
    assert calendar_subjects(ews, account.email) == {"Mine"}

    dialog = open_dialog(qtbot, me.id)
    ui, editor = dialog.ui, dialog.editor
    assert [ui.tabs.tabText(i) for i in range(ui.tabs.count())] == [
        "Email",
        "Synchronization",
        "Synchronization filters",
    ]
    ui.tabs.setCurrentWidget(ui.syncTab)
    click(ui.filtersButton)
    assert ui.tabs.currentWidget() is ui.filtersTab
    wait_for_preview(qtbot, editor, "keep 1 of the 6 stored appointments")
    assert [r.values["subject"] for r in editor.preview_rows.rows] == ["Mine"]

    page = editor.current_page()
    click(page.add_button)
    group = page.groups[-1]
    qtbot.keyClicks(group.name, "Customer appointments")
    [row] = group.rows
    choose(row.field, "category")
    assert row.operator.currentData() == "eq" and row.value.isVisible()
    qtbot.keyClicks(row.value, "Customer")
    assert ui.saveButton.isEnabled() and ui.problemsSummary.text() == ""

    sql_count = database.execute_sql(
        "SELECT COUNT(*) FROM appointment WHERE (owner_id = ? AND state = 'active') OR lower(category) = 'customer'",
        (me.id,),
    ).fetchone()[0]
    assert sql_count == 3
    wait_for_preview(qtbot, editor, f"keep {sql_count} of the 6 stored appointments")
    assert [r.values["subject"] for r in editor.preview_rows.rows] == ["Mine", "Fabrikam visit", "顧客訪問"]
    assert editor.preview_rows.rows[1].owner_name == "Bob Sato"

    click(ui.saveButton)
    stored = SyncFilter.get(SyncFilter.name == "Customer appointments")
    assert (stored.user_id, stored.record_type, stored.is_active) == (me.id, RecordType.APPOINTMENT, True)
    assert [(c.field, c.operator.value, c.value) for c in stored.criteria] == [("category", "eq", "Customer")]
    assert editor.current_page().groups[-1].draft().id == stored.id, "the saved filter is the one shown"

    run = sync_appointments_contacts_tasks(mailbox)
    assert run.failure is None and run.created == 2
    assert calendar_subjects(ews, account.email) == {"Mine", "Fabrikam visit", "顧客訪問"}
    assert message_log.errors == []


def test_a_date_that_is_not_a_date_disables_save_and_names_its_condition(qtbot, store, message_log):
    me = repo.create_user("Ann", is_current=True)
    dialog = open_dialog(qtbot, me.id)
    editor, ui = dialog.editor, dialog.ui
    ui.tabs.setCurrentWidget(ui.filtersTab)
    group = editor.current_page().groups[0]
    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    row = group.rows[-1]
    choose(row.field, "start")
    choose(row.operator, "on_or_after")
    qtbot.keyClicks(row.value, "next week")
    assert not ui.saveButton.isEnabled()
    assert row.error.isVisible()
    assert row.error.text() == "Enter a date as YYYY-MM-DD, or a date and time as YYYY-MM-DD HH:MM."
    assert ui.problemsSummary.text() == (
        "Appointments, filter “My Appointments”, condition 3: "
        "Enter a date as YYYY-MM-DD, or a date and time as YYYY-MM-DD HH:MM."
    )
    wait_for_preview(qtbot, editor, "Correct the conditions marked in red")

    row.value.clear()
    qtbot.keyClicks(row.value, "2031-04-01")
    assert ui.saveButton.isEnabled() and not row.error.isVisible() and ui.problemsSummary.text() == ""
    wait_for_preview(qtbot, editor, "keep 0 of the 0 stored appointments")

    group.name.clear()
    assert not ui.saveButton.isEnabled() and group.name_error.text() == "Enter a name for the filter."
    assert ui.problemsSummary.text() == "Appointments, filter “(no name)”: Enter a name for the filter."


def test_tracking_option_and_conflict_policies_are_saved_with_the_filters(qtbot, store, message_log, click):
    me = repo.create_user("Ann", is_current=True)
    dialog = open_dialog(qtbot, me.id)
    ui = dialog.ui
    assert dialog.windowTitle() == "Personal options: Ann"
    assert ui.trackResponses.isChecked() and ui.trackResponses.text() == "Email messages in &response to tracked email"
    qtbot.mouseClick(ui.trackAll, Qt.MouseButton.LeftButton, pos=QPoint(8, ui.trackAll.height() // 2))
    ui.tabs.setCurrentWidget(ui.syncTab)
    choose(ui.contactConflictPolicy, ConflictPolicy.EXCHANGE_WINS.value)
    editor = dialog.editor
    ui.tabs.setCurrentWidget(ui.filtersTab)
    editor.show_record_type(RecordType.TASK)
    click(editor.current_page().groups[0].active)  # My Tasks off
    click(ui.saveButton)
    options = UserOptions.get(UserOptions.user == me)
    assert options.tracking_option is TrackingOption.ALL
    assert options.contact_conflict_policy is ConflictPolicy.EXCHANGE_WINS
    assert options.appointment_conflict_policy is ConflictPolicy.MOST_RECENT
    assert not SyncFilter.get(SyncFilter.name == "My Tasks").is_active
    dialog.close()

    again = open_dialog(qtbot, me.id)
    assert again.ui.trackAll.isChecked()
    assert again.ui.contactConflictPolicy.currentData() == ConflictPolicy.EXCHANGE_WINS.value


def test_typing_waits_for_a_pause_and_counts_off_the_gui_thread(qtbot, store, message_log, monkeypatch):
    me = repo.create_user("Ann", is_current=True)
    for n in range(30):
        appointment(me if n % 2 else None, f"Review {n}", category="Customer" if n % 3 else "")
    counted: list[str] = []
    real_preview = filters_sql.preview

    def recording_preview(*args, **kwargs):
        counted.append(threading.current_thread().name)
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(filters_sql, "preview", recording_preview)
    dialog = open_dialog(qtbot, me.id)
    editor = dialog.editor
    dialog.ui.tabs.setCurrentWidget(dialog.ui.filtersTab)
    wait_for_preview(qtbot, editor, "keep 15 of the 30")
    counted.clear()
    page = editor.current_page()
    page.add_filter()
    group = page.groups[-1]
    qtbot.keyClicks(group.name, "Reviews")
    row = group.rows[0]
    choose(row.field, "subject")
    choose(row.operator, "begins_with")
    counted.clear()
    for key in "review 1":  # typed as a person types: a key every 30 ms
        qtbot.keyClicks(row.value, key)
        qtbot.wait(30)
    wait_for_preview(qtbot, editor, "keep 20 of the 30")
    qtbot.wait(300)
    assert len(counted) <= 2, counted  # after the pause, not one per key
    assert counted and threading.main_thread().name not in counted


@pytest.fixture(autouse=True)
def _previews_end(qtbot):
    """No count outlives its test (a worker thread ends through the GUI thread's event loop)."""
    yield
    from app.gui.workers import running_workers

    qtbot.waitUntil(lambda: not [h for h in running_workers() if h.name == "filter-preview"], timeout=10_000)


def test_a_stored_filter_that_cannot_work_opens_marked_for_correction(qtbot, store, message_log):
    me = repo.create_user("Ann", is_current=True)
    broken = SyncFilter.create(user=me, record_type=RecordType.TASK, name="Broken")
    FilterCriterion.create(filter=broken, position=0, field="due", operator=FilterOperator.CONTAINS, value="2030")
    FilterCriterion.create(
        filter=broken, position=1, field="is_complete", operator=FilterOperator.EQUALS, value="perhaps"
    )
    dialog = open_dialog(qtbot, me.id)
    assert not dialog.ui.saveButton.isEnabled()
    assert dialog.ui.problemsSummary.text().splitlines() == [
        "Tasks, filter “Broken”, condition 1: This operator cannot be used with this field: choose another one.",
        "Tasks, filter “Broken”, condition 2: Choose Yes or No.",
    ]
    editor = dialog.editor
    editor.show_record_type(RecordType.TASK)
    first, second = editor.current_page().groups[-1].rows
    assert (first.operator.currentData(), first.value.text()) == ("contains", "2030")
    assert second.choice.currentData() == "perhaps"
    choose(first.operator, "on_or_after")
    first.value.setText("2030-01-01")
    choose(second.choice, "false")
    assert dialog.ui.saveButton.isEnabled()
    assert editor.current_page().groups[-1].draft().criteria[1].value == "false"
