import csv

from PySide6.QtCore import QItemSelectionModel, Qt

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


def test_all_alerts_newest_first_with_level_filter_and_search(qtbot, sample, message_log):
    pane = _pane(qtbot)
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


def test_mark_read_and_delete(qtbot, sample, message_log, click):
    pane = _pane(qtbot)
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
    assert titles == ["Level", "Time", "Regarding", "Message", "Occurrences"]  # the code is a detail
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
