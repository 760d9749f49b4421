"""The Mailboxes page as the admin uses it: failing first, the status filter with the search, the
name in view while scrolling sideways, keys, and the actions on a selection of mailboxes."""

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.enums import ApprovalStatus, EmailDirection, EmailStatus, RecordType, RunStatus, SyncMethod
from app.gui.windows.main_window import MainWindow
from app.store.models import Appointment, EmailActivity, EmailMailboxLink, ItemLink, Mailbox

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def page(main_window):
    main_window.show_page(MainWindow.MAILBOXES)
    return main_window.mailboxes_page


def names(page):
    return [row.name for row in page.visible_rows()]


def cell(page, name, title):
    proxy = page.proxy
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    row = names(page).index(name)
    return proxy.index(row, titles.index(title)).data()


def select(qtbot, page, *wanted):
    """Click the first, Ctrl+click the others (on the status column: the name is under the
    frozen column, which shares the selection)."""
    table = page.ui.table
    table.clearSelection()
    for number, name in enumerate(wanted):
        rect = table.visualRect(page.proxy.index(names(page).index(name), 1))
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert sorted(r.name for r in page.selected_rows()) == sorted(wanted)


def right_click(page, name):
    """The context menu where a person right-clicks (the event the platform sends)."""
    table = page.ui.table
    where = table.visualRect(page.proxy.index(names(page).index(name), 1)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, table.viewport().mapToGlobal(where))
    QApplication.sendEvent(table.viewport(), event)
    return page.menu


def choose(qtbot, menu, text):
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), text
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def toolbar_click(qtbot, page, action):
    button = page.toolbar.widgetForAction(action)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored(sample, key):
    return Mailbox.get_by_id(sample.mailbox_ids[key])


def test_failing_mailboxes_come_first_then_a_to_z(page, main_window, sample):
    # Failure, Warning, never tested, Success
    assert names(page) == ["Alice Wong", "Bob Sato", "Support queue", "Kenichiro Nakamura"]
    assert cell(page, "Alice Wong", "Mailbox status") == "Failure"
    assert page.proxy.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is not None  # icon and word
    Mailbox.update(incoming_status=RunStatus.FAILURE).where(Mailbox.id == sample.mailbox_ids["admin"]).execute()
    main_window.refresh()
    assert names(page) == ["Alice Wong", "Kenichiro Nakamura", "Bob Sato", "Support queue"]


def test_the_status_is_the_worst_of_the_server_side_workloads(page, main_window, sample):
    # Bob's incoming email (Warning) no longer synchronized server-side: his status is Success
    Mailbox.update(incoming_method=SyncMethod.NONE).where(Mailbox.id == sample.mailbox_ids["bob"]).execute()
    main_window.refresh()
    assert cell(page, "Bob Sato", "Mailbox status") == "Success"


def test_the_status_filter_combines_with_the_search(page, qtbot):
    combo = page.ui.statusFilter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All mailboxes",
        "Failing",
        "Error",
        "Warning",
        "Success",
        "Disabled",
        "Never tested",
        "Pending approval",
    ]
    combo.setCurrentIndex(combo.findText("Failing"))
    assert names(page) == ["Alice Wong", "Bob Sato"]
    qtbot.keyClicks(page.ui.search, "bob")
    assert names(page) == ["Bob Sato"]
    page.ui.search.clear()
    # the dashboard's states, one per mailbox (app.domain.mailbox_state)
    combo.setCurrentIndex(combo.findText("Pending approval"))
    assert names(page) == ["Support queue"]  # never tested either, but awaiting approval first
    combo.setCurrentIndex(combo.findText("Error"))
    assert names(page) == ["Alice Wong"]  # her test failed: nothing enabled
    combo.setCurrentIndex(combo.findText("Success"))
    assert names(page) == ["Kenichiro Nakamura"]
    combo.setCurrentIndex(0)
    assert len(names(page)) == 4


def test_the_name_stays_in_view_while_scrolling_sideways(page, main_window, qtbot):
    main_window.resize(700, 500)
    qtbot.waitUntil(lambda: page.ui.table.horizontalScrollBar().maximum() > 0)
    table, frozen = page.ui.table, page.frozen.view
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    assert table.columnViewportPosition(0) < 0  # the table's own first column scrolled away
    assert frozen.isVisible() and frozen.x() == table.frameWidth()
    # down to the horizontal scroll bar, not over it
    assert frozen.geometry().bottom() < table.horizontalScrollBar().mapTo(table, QPoint(0, 0)).y()
    assert frozen.columnWidth(0) == table.columnWidth(0)
    first = page.proxy.index(0, 0)
    assert frozen.visualRect(first).y() == table.visualRect(first).y()  # rows side by side
    assert frozen.indexAt(QPoint(5, frozen.visualRect(first).center().y())).data() == "Alice Wong"
    assert [c for c in range(frozen.model().columnCount()) if not frozen.isColumnHidden(c)] == [0]
    # one selection for both
    select(qtbot, page, "Bob Sato")
    assert frozen.selectionModel() is table.selectionModel()


def test_enter_opens_the_selected_mailbox_and_buttons_follow_the_selection(page, main_window, qtbot, sample):
    assert not page.open_action.isEnabled() and not page.delete_action.isEnabled()
    assert not page.ui.openButton.isEnabled() and not page.toolbar.widgetForAction(page.delete_action).isEnabled()
    select(qtbot, page, "Bob Sato")
    assert page.open_action.isEnabled() and page.delete_action.isEnabled() and page.ui.openButton.isEnabled()
    qtbot.mouseClick(page.ui.search, Qt.MouseButton.LeftButton)
    assert page.ui.search.hasFocus()
    qtbot.keyClick(page.ui.search, Qt.Key.Key_Return)  # in the search box, Enter opens nothing
    assert main_window.mailbox_editors == {}
    page.ui.table.setFocus()
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)
    assert main_window.mailbox_editors[sample.mailbox_ids["bob"]].isVisible()


def link_records(mailbox_id):
    email = EmailActivity.create(
        message_id="<m1@contoso.com>", direction=EmailDirection.INCOMING, status=EmailStatus.RECEIVED
    )
    EmailMailboxLink.create(email=email, mailbox=mailbox_id, item_id="AAMk-1")
    appointment = Appointment.create(subject="Review", start=NOW, end=NOW + timedelta(hours=1))
    ItemLink.create(
        mailbox=mailbox_id, record_type=RecordType.APPOINTMENT, record_id=appointment.id, item_id="A", change_key="1"
    )
    return email.id, appointment.id


def test_delete_asks_then_deletes_keeping_the_records(page, qtbot, sample, message_log):
    alice = sample.mailbox_ids["alice"]
    email_id, appointment_id = link_records(alice)
    select(qtbot, page, "Alice Wong")
    page.ui.table.setFocus()
    message_log.answer_yes = False
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Delete)
    title, text = message_log.confirms[-1]
    assert title == "Delete mailboxes" and "Alice Wong" in text
    assert "kept in the store, unlinked" in text and "Nothing is deleted in Exchange" in text
    assert Mailbox.get_or_none(Mailbox.id == alice) is not None  # Cancel: nothing happened
    message_log.answer_yes = True
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Delete)
    assert Mailbox.get_or_none(Mailbox.id == alice) is None
    assert "Alice Wong" not in names(page)
    assert EmailActivity.get_or_none(EmailActivity.id == email_id) is not None
    assert Appointment.get_or_none(Appointment.id == appointment_id) is not None
    assert not EmailMailboxLink.select().where(EmailMailboxLink.email == email_id).exists()
    assert not ItemLink.select().where(ItemLink.record_id == appointment_id).exists()


def test_the_delete_box_names_its_verb_and_cancel_is_the_default(page, qtbot, sample, monkeypatch):
    monkeypatch.undo()  # the real message box, as the admin sees it
    select(qtbot, page, "Bob Sato", "Support queue")
    page.ui.table.setFocus()
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Delete)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    verbs = [b.text() for b in box.buttons() if b is not box.button(QMessageBox.StandardButton.Cancel)]
    assert verbs == ["Delete mailboxes"]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert Mailbox.select().count() == 4
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Delete)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    verb = next(b for b in box.buttons() if b.text() == "Delete mailboxes")
    qtbot.mouseClick(verb, Qt.MouseButton.LeftButton)
    assert sorted(names(page)) == ["Alice Wong", "Kenichiro Nakamura"]


# a menu pops up: the offscreen platform says it cannot raise it nor grab the keyboard for it
POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@POPUP
def test_approve_the_selection_from_the_context_menu(page, qtbot, sample):
    select(qtbot, page, "Support queue", "Alice Wong")
    menu = right_click(page, "Alice Wong")
    assert menu.isVisible()
    choose(qtbot, menu, "Approve email")
    assert stored(sample, "support").approval is ApprovalStatus.APPROVED
    assert cell(page, "Support queue", "Email address approval") == "Approved"
    assert not page.approve_action.isEnabled()  # every selected mailbox is approved now


def test_test_and_enable_the_selection_asks_the_runner_for_those_mailboxes(page, main_window, qtbot, sample):
    requested = []
    # the runner itself is tested against the loopback server (tests/gui/test_bulk_test_and_enable.py)
    main_window.tests.test_mailboxes = lambda ids, parent: requested.append((ids, parent)) or True
    select(qtbot, page, "Alice Wong", "Bob Sato")
    toolbar_click(qtbot, page, page.test_action)
    assert requested == [([sample.mailbox_ids["alice"], sample.mailbox_ids["bob"]], main_window)]


def test_retest_failed_mailboxes_tests_every_failed_one_after_asking(page, main_window, qtbot, sample, message_log):
    requested = []
    main_window.tests.test_mailboxes = lambda ids, parent: requested.append(ids) or True
    page.ui.statusFilter.setCurrentIndex(page.ui.statusFilter.findText("Never tested"))  # hidden ones count too
    qtbot.mouseClick(page.ui.retestButton, Qt.MouseButton.LeftButton)
    assert "every mailbox whose last test failed (1)" in message_log.confirms[-1][1]
    assert requested == [[sample.mailbox_ids["alice"]]]


def test_disable_then_enable_sync_per_workload(page, main_window, qtbot, sample):
    select(qtbot, page, "Kenichiro Nakamura")
    next(a for a in page.disable_menu.actions() if a.text() == "Incoming email").trigger()
    admin = stored(sample, "admin")
    assert (admin.incoming_method, admin.incoming_enabled) == (SyncMethod.NONE, False)
    assert admin.outgoing_method is SyncMethod.SERVER_SIDE
    assert cell(page, "Kenichiro Nakamura", "Incoming email") == "None"
    assert main_window.statusBar().currentMessage() == "Synchronization turned off for mailboxes: 1."
    select(qtbot, page, "Kenichiro Nakamura")
    next(a for a in page.enable_menu.actions() if a.text() == "All three").trigger()
    admin = stored(sample, "admin")
    assert admin.incoming_method is SyncMethod.SERVER_SIDE and not admin.incoming_enabled
    assert "Test & Enable them" in main_window.statusBar().currentMessage()


def test_enable_sync_is_refused_with_the_reason_when_credentials_are_missing(
    page, main_window, qtbot, sample, message_log
):
    Mailbox.update(
        profile=sample.profile_ids[0],
        incoming_method=SyncMethod.NONE,
        outgoing_method=SyncMethod.NONE,
        act_method=SyncMethod.NONE,
    ).where(Mailbox.id == sample.mailbox_ids["bob"]).execute()
    main_window.refresh()
    select(qtbot, page, "Bob Sato")
    next(a for a in page.enable_menu.actions() if a.text() == "Incoming email").trigger()
    title, text = message_log.errors[-1]
    assert "Nothing was changed" in text and "Bob Sato" in text and "allow this mailbox's credentials" in text
    assert stored(sample, "bob").incoming_method is SyncMethod.NONE


def test_move_the_selection_to_another_profile(page, qtbot, sample):
    onprem, manual = sample.profile_ids
    select(qtbot, page, "Kenichiro Nakamura", "Support queue")
    toolbar_click(qtbot, page, page.move_action)
    dialog = page._dialog
    assert dialog.isVisible() and "Kenichiro Nakamura" in dialog.ui.mailboxList.text()
    dialog.ui.profile.setCurrentIndex(dialog.ui.profile.findData(manual))
    assert not dialog.ui.profileError.isVisible() and dialog.action_button.isEnabled()
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    assert stored(sample, "admin").profile_id == manual and stored(sample, "support").profile_id == manual
    assert cell(page, "Support queue", "Server profile") == "Exchange (manual URL)"


@POPUP
def test_a_move_that_would_break_a_mailbox_says_why_under_the_profile(page, qtbot, sample):
    onprem, manual = sample.profile_ids
    select(qtbot, page, "Bob Sato")
    right_click(page, "Bob Sato")
    choose(qtbot, page.menu, "Move to profile…")
    dialog = page._dialog
    dialog.ui.profile.setCurrentIndex(dialog.ui.profile.findData(onprem))
    assert dialog.ui.profileError.isVisible()
    assert dialog.ui.profileError.text().startswith("Bob Sato: The profile uses the credentials of each user or queue")
    assert not dialog.action_button.isEnabled()
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    assert stored(sample, "bob").profile_id == manual


def test_deactivate_and_activate_the_selection(page, qtbot, sample):
    select(qtbot, page, "Kenichiro Nakamura", "Bob Sato")
    assert not page.activate_action.isEnabled()
    toolbar_click(qtbot, page, page.deactivate_action)
    assert not stored(sample, "admin").is_active and not stored(sample, "bob").is_active
    assert cell(page, "Bob Sato", "Active") == "No"
    page.ui.statusFilter.setCurrentIndex(page.ui.statusFilter.findText("Disabled"))
    assert sorted(names(page)) == ["Bob Sato", "Kenichiro Nakamura"]
    select(qtbot, page, "Bob Sato")
    toolbar_click(qtbot, page, page.activate_action)
    assert stored(sample, "bob").is_active
    assert sorted(names(page)) == ["Kenichiro Nakamura"]
