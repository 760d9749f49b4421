"""A profile-wide Test & Enable against the loopback Exchange server ends in a results dialog: one
row per mailbox, each opening its own report, whose actions lead on (the mailbox's tab, test again)."""

from __future__ import annotations

import pytest

from app.domain.enums import AlertLevel, RunStatus
from app.gui.windows.main_window import MainWindow
from app.gui.windows.report_dialog import ReportDialog
from app.gui.windows.test_results_dialog import MAILBOX, PROBLEM, STATUS, DiagnosticResultsDialog

TEST_TIMEOUT_MS = 60_000


@pytest.fixture
def window(qtbot, setup, message_log):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tests.cancel_all()
    for handle in list(window.tests.handles.values()):
        handle.wait()


def _profile_with_a_wrong_password(setup, ews):
    profile = setup.profile("Three mailboxes")
    good = [setup.mailbox(profile, ews.new_account(f"good{n}").email) for n in range(2)]
    wrong = setup.mailbox(profile, ews.new_account("wrongpw").email, password="not-the-password")
    return profile, good, wrong


def test_the_profile_test_ends_in_results_and_each_row_opens_its_report(window, qtbot, click, setup, ews):
    profile, good, wrong = _profile_with_a_wrong_password(setup, ews)
    window.refresh()
    form = window.open_profile(profile.id)
    with qtbot.waitSignal(window.tests.finished, timeout=TEST_TIMEOUT_MS):
        click(form.ui.testButton)  # the confirmation is answered OK by message_log
    results = window.test_results
    assert isinstance(results, DiagnosticResultsDialog) and results.isVisible()
    assert "Three mailboxes" in results.windowTitle()
    table = results.table
    assert table.rowCount() == 3
    rows = [(table.item(r, MAILBOX).text(), table.item(r, STATUS).text()) for r in range(3)]
    assert rows[0] == (wrong.name, "Failure"), "what failed comes first"
    assert sorted(rows[1:]) == sorted((m.name, "Success") for m in good)
    assert not table.item(0, STATUS).icon().isNull(), "an icon beside the word"
    assert "The server refused the user name or password (HTTP 401)" in table.item(0, PROBLEM).text()
    assert results.summary.text().startswith("2 of 3 mailboxes passed") and wrong.name in results.summary.text()

    click(results.view_buttons[1])
    reports = results.findChildren(ReportDialog)
    assert [r.report.mailbox_id for r in reports] == [results.reports[1].mailbox_id]
    assert reports[0].report.status is RunStatus.SUCCESS
    click(results.view_buttons[0])
    report = next(r for r in results.findChildren(ReportDialog) if r.report.mailbox_id == wrong.id)
    assert report.windowTitle() == f"Test report: {wrong.name}"
    assert "on the mailbox's Credentials tab" in report.ui.nextStep.text()
    click(report.ui.fixButton)  # the report's action reaches the main window through the results
    editor = window.mailbox_editors[wrong.id]
    assert editor.ui.tabs.currentWidget() is editor.ui.credentialsTab


def test_test_again_from_an_alert_and_from_a_report(window, qtbot, click, setup, ews):
    profile = setup.profile("One mailbox")
    wrong = setup.mailbox(profile, ews.new_account("againpw").email, password="not-the-password")
    with qtbot.waitSignal(window.tests.mailbox_tested, timeout=TEST_TIMEOUT_MS) as tested:
        assert window.test_mailbox_again(wrong.id)
    qtbot.waitUntil(lambda: not window.tests.handles)
    first = tested.args[0]
    assert first.status is RunStatus.FAILURE
    window.show_page(MainWindow.ALERTS)
    pane = window.alerts
    [alert] = [r for r in pane.visible_rows() if r.mailbox_id == wrong.id]
    assert alert.level is AlertLevel.WARNING and alert.error_code == "Unauthorized"
    assert pane.select_alert(alert.id)
    click(pane.ui.openMailboxButton)
    editor = window.mailbox_editors[wrong.id]
    assert editor.ui.tabs.currentWidget() is editor.ui.credentialsTab
    with qtbot.waitSignal(window.tests.mailbox_tested, timeout=TEST_TIMEOUT_MS) as again:
        click(pane.ui.testAgainButton)
    qtbot.waitUntil(lambda: not window.tests.handles)
    assert again.args[0] is not first and again.args[0].mailbox_id == wrong.id
    report = next(r for r in editor.findChildren(ReportDialog) if r.report is again.args[0])
    with qtbot.waitSignal(window.tests.mailbox_tested, timeout=TEST_TIMEOUT_MS) as third:
        click(report.ui.testAgainButton)
    qtbot.waitUntil(lambda: not window.tests.handles)
    assert third.args[0].mailbox_id == wrong.id and third.args[0] is not again.args[0]
