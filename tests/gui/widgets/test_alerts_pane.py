import csv

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor

from app.gui.models.columns import RESOLVED_COLOUR
from app.gui.screenshots.sample_data import ESCALATION_CODE, add_escalation_alerts
from app.gui.widgets.alerts_pane import AlertsPane
from app.gui.windows.main_window import MainWindow
from app.store.models import Alert


def _pane(qtbot, **scope):
    pane = AlertsPane(**scope)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _select(pane, *codes):
    selection = pane.ui.table.selectionModel()
    selection.clearSelection()
    for row in range(pane.proxy.rowCount()):
        if pane.proxy.row_at(row).error_code in codes:
            selection.select(
                pane.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_active_alerts_newest_first_with_state_and_level_filters_and_search(qtbot, sample, message_log):
    pane = _pane(qtbot)
    assert pane.ui.stateFilter.currentText() == "Active", "the default: what still needs attention"
    assert [r.error_code for r in pane.visible_rows()] == [
        "ErrorUnauthorized",
        "ErrorServerBusy",
        "MostMailboxesFailing",
    ]
    pane.ui.stateFilter.setCurrentIndex(pane.ui.stateFilter.findText("Resolved"))
    assert [r.error_code for r in pane.visible_rows()] == ["TestSucceeded"]
    pane.ui.stateFilter.setCurrentIndex(pane.ui.stateFilter.findText("Active and resolved"))
    assert [r.error_code for r in pane.visible_rows()] == [
        "ErrorUnauthorized",
        "ErrorServerBusy",
        "MostMailboxesFailing",
        "TestSucceeded",
    ]
    pane.ui.levelFilter.setCurrentIndex(pane.ui.levelFilter.findText("Warnings"))
    assert [r.error_code for r in pane.visible_rows()] == ["ErrorServerBusy", "MostMailboxesFailing"]
    pane.ui.levelFilter.setCurrentIndex(pane.ui.levelFilter.findText("Errors"))
    assert [r.error_code for r in pane.visible_rows()] == ["ErrorUnauthorized"]
    pane.ui.levelFilter.setCurrentIndex(0)
    qtbot.keyClicks(pane.ui.search, "bob")
    assert [r.error_code for r in pane.visible_rows()] == ["ErrorServerBusy"]


def test_a_resolved_alert_shows_as_resolved_not_as_a_red_error(qtbot, sample, message_log):
    Alert.update(is_open=False, is_read=True).where(Alert.error_code == "ErrorUnauthorized").execute()  # recovered
    pane = _pane(qtbot)
    assert "ErrorUnauthorized" not in [r.error_code for r in pane.visible_rows()]
    pane.ui.stateFilter.setCurrentIndex(pane.ui.stateFilter.findText("Resolved"))
    row = next(i for i in range(pane.proxy.rowCount()) if pane.proxy.row_at(i).error_code == "ErrorUnauthorized")
    level, state = pane.proxy.index(row, 0), pane.proxy.index(row, 1)
    assert level.data() == "Error" and state.data() == "Resolved"
    grey = QColor(RESOLVED_COLOUR)
    assert level.data(Qt.ItemDataRole.ForegroundRole).color() == grey, "not the red of an Error"
    assert state.data(Qt.ItemDataRole.ForegroundRole).color() == grey
    pane.ui.stateFilter.setCurrentIndex(pane.ui.stateFilter.findText("Active"))
    open_row = next(i for i in range(pane.proxy.rowCount()) if pane.proxy.row_at(i).error_code == "ErrorServerBusy")
    assert pane.proxy.index(open_row, 1).data() == "Active, unread"
    assert pane.proxy.index(open_row, 0).data(Qt.ItemDataRole.ForegroundRole).color() != grey
    pane.select_alert(Alert.get(Alert.error_code == "ErrorUnauthorized").id)  # a hidden one widens the filter
    assert pane.ui.stateFilter.currentText() == "Active and resolved"
    assert pane.ui.detailsView.toPlainText().startswith("Error · Resolved · ")


def test_unread_is_said_in_words_and_a_resolved_alert_says_when(qtbot, sample, message_log, click):
    """Bold is not the only sign of an unread alert: the State column says it, as a screen reader
    reads it; a resolved alert says when it was resolved, in the list and in its details."""
    from app.gui.i18n import format_time

    pane = _pane(qtbot)
    pane.ui.stateFilter.setCurrentIndex(pane.ui.stateFilter.findText("Active and resolved"))

    def state(code: str) -> str:
        row = next(i for i in range(pane.proxy.rowCount()) if pane.proxy.row_at(i).error_code == code)
        return pane.proxy.index(row, 1).data()

    assert state("ErrorServerBusy") == "Active, unread"
    resolved_on = Alert.get(Alert.error_code == "TestSucceeded").resolved_on
    assert resolved_on is not None and state("TestSucceeded") == f"Resolved {format_time(resolved_on)}"
    _select(pane, "ErrorServerBusy")
    click(pane.ui.markReadButton)
    assert state("ErrorServerBusy") == "Active", "read: the word goes with the bold"
    _select(pane, "TestSucceeded")
    assert pane.ui.detailsView.toPlainText().startswith(f"Information · Resolved {format_time(resolved_on)} · ")


def test_open_mailbox_and_test_again_act_on_the_selected_alert(qtbot, sample, message_log, click):
    alice = sample.mailbox_ids["alice"]
    add_escalation_alerts(alice)
    pane = _pane(qtbot)
    ui = pane.ui
    assert not ui.openMailboxButton.isEnabled() and not ui.testAgainButton.isEnabled(), "nothing selected"
    _select(pane, "MostMailboxesFailing")
    assert not ui.openMailboxButton.isEnabled() and not ui.testAgainButton.isEnabled(), "a profile's alert"
    assert pane.open_profile_action.isEnabled() and not pane.test_again_action.isEnabled()
    _select(pane, ESCALATION_CODE)  # Alice's refused logon: her profile uses her own credentials
    assert ui.openMailboxButton.isEnabled() and ui.testAgainButton.isEnabled()
    with qtbot.waitSignal(pane.open_mailbox_tab) as opened:
        click(ui.openMailboxButton)
    assert opened.args == [alice, "credentials"], "on the tab where the password is entered"
    with qtbot.waitSignal(pane.test_again) as again:
        click(ui.testAgainButton)
    assert again.args == [alice]
    _select(pane, ESCALATION_CODE, "ErrorServerBusy")  # two mailboxes: which one?
    assert not ui.openMailboxButton.isEnabled() and not ui.testAgainButton.isEnabled()


# the offscreen platform cannot raise a popup or give it the keyboard; the menu opens all the same
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_context_menu_offers_the_same_actions(qtbot, sample, message_log):
    alice = sample.mailbox_ids["alice"]
    add_escalation_alerts(alice)
    pane = _pane(qtbot)
    _select(pane, ESCALATION_CODE)
    table = pane.ui.table
    row = next(i for i in range(pane.proxy.rowCount()) if pane.proxy.row_at(i).error_code == ESCALATION_CODE)
    table.customContextMenuRequested.emit(table.visualRect(pane.proxy.index(row, 3)).center())
    menu = pane.menu
    try:
        assert menu.isVisible()
        actions = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
        assert actions == {
            "Open mailbox": True,
            "Open profile": True,
            "Test again": True,
            "Mark as read": True,
            "Delete": True,
        }
        with qtbot.waitSignal(pane.test_again) as again:
            pane.test_again_action.trigger()
        assert again.args == [alice]
    finally:
        menu.hide()


def test_mark_read_and_delete(qtbot, sample, message_log, click):
    pane = _pane(qtbot)
    pane.ui.stateFilter.setCurrentIndex(pane.ui.stateFilter.findText("Active and resolved"))
    _select(pane, "ErrorUnauthorized", "ErrorServerBusy")
    assert pane.ui.markReadButton.isEnabled()
    click(pane.ui.markReadButton)
    assert Alert.select().where(~Alert.is_read).count() == 1  # the profile-level one
    _select(pane, "TestSucceeded")
    assert not pane.ui.markReadButton.isEnabled()  # already read
    message_log.answer_yes = False
    click(pane.ui.deleteButton)
    assert Alert.select().count() == 4
    message_log.answer_yes = True
    click(pane.ui.deleteButton)
    assert Alert.select().count() == 3 and "1 selected alert" in message_log.confirms[-1][1]


def test_selected_alert_details_are_shown_with_the_error_code(qtbot, sample, message_log):
    pane = _pane(qtbot)
    titles = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(pane.model.columnCount())]
    assert titles == ["Level", "State", "Time", "Regarding", "Message", "Occurrences"]  # the code is a detail
    _select(pane, "ErrorUnauthorized")
    text = pane.ui.detailsView.toPlainText()
    assert "credentials were rejected" in text and "→ 401" in text
    assert "ErrorUnauthorized" in text.splitlines()[0]


def test_export_csv_writes_the_visible_alerts(qtbot, sample, message_log, tmp_path):
    pane = _pane(qtbot)
    pane.ui.levelFilter.setCurrentIndex(pane.ui.levelFilter.findText("Warnings"))
    target = tmp_path / "alerts.csv"
    pane.write_csv(str(target))
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Time", "Level", "Scope"]
    assert [r[6] for r in rows[1:]] == ["ErrorServerBusy", "MostMailboxesFailing"]


def test_double_click_opens_what_the_alert_is_about(main_window, qtbot, sample):
    main_window.show_page(MainWindow.ALERTS)
    pane = main_window.alerts
    table = pane.ui.table

    def double_click(code):
        row = next(i for i in range(pane.proxy.rowCount()) if pane.proxy.row_at(i).error_code == code)
        rect = table.visualRect(pane.proxy.index(row, 2))
        # a real double click: press/release, then the double-click event
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    double_click("ErrorUnauthorized")
    assert sample.mailbox_ids["alice"] in main_window.mailbox_editors
    double_click("MostMailboxesFailing")
    assert sample.profile_ids[0] in main_window.profile_forms
