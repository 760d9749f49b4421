"""The Test & Enable report: a summary that leads to an action, the transcripts folded."""

from PySide6.QtGui import QGuiApplication

from app.domain.enums import CredentialSource, RunStatus
from app.gui.screenshots.sample_data import sample_report
from app.gui.windows.report_dialog import ReportDialog


def _dialog(qtbot, report, name="Alice Wong"):
    dialog = ReportDialog(report, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_summary_says_what_failed_and_what_to_do_with_the_transcript_folded(qtbot, sample):
    dialog = _dialog(qtbot, sample_report(sample.mailbox_ids["alice"]))
    ui = dialog.ui
    assert ui.result.text().count("Failure") == 1 and "Not enabled: Incoming email" in ui.result.text()
    assert (
        ui.failedStep.text() == "3. Connect and authenticate: The server refused the user name or password (HTTP 401)."
    )
    assert ui.nextStep.text().startswith("Check the user name and password on the mailbox's Credentials tab")
    assert ui.fixButton.isVisible() and ui.fixButton.text() == "&Open the Credentials tab"
    assert ui.testAgainButton.isVisible()
    # the ~40 lines of HTTP transcript are folded under Technical details
    assert not ui.detailsToggle.isChecked() and not ui.steps.isVisible()
    assert ui.summaryFrame.geometry().bottom() < ui.detailsToggle.geometry().top(), "the summary is on top"
    ui.detailsToggle.click()
    assert ui.steps.isVisible() and ui.detailsToggle.isChecked()
    tree = ui.steps
    assert [tree.topLevelItem(i).text(1) for i in range(3)] == ["Success", "Success", "Failure"]
    failing = tree.topLevelItem(2)
    assert failing.text(2) == "1.28 s" and failing.isExpanded()
    assert failing.childCount() == 1 and "[redacted]" in failing.child(0).text(0), "the transcript, not advice"
    ui.detailsToggle.click()
    assert not ui.steps.isVisible()


def test_a_passed_test_offers_no_fix(qtbot, sample):
    report = sample_report(sample.mailbox_ids["admin"])
    report.status = RunStatus.SUCCESS
    for step in report.steps:
        step.status, step.failure = RunStatus.SUCCESS, None
    report.workloads = dict.fromkeys(report.workloads, RunStatus.SUCCESS)
    dialog = _dialog(qtbot, report, "Kenichiro Nakamura")
    ui = dialog.ui
    assert "Success" in ui.result.text() and "Enabled: Incoming email, Outgoing email" in ui.result.text()
    assert not ui.failedStep.isVisible() and not ui.nextStep.isVisible()
    assert not ui.fixButton.isVisible() and not ui.testAgainButton.isVisible()


def test_the_next_step_names_the_one_place_of_the_credentials(qtbot, sample):
    """Bob's profile authenticates with its own credentials: the report sends the admin to the
    profile, never to "the mailbox's Credentials tab, or the profile"."""
    bob = sample.mailbox_ids["bob"]
    dialog = _dialog(qtbot, sample_report(bob, CredentialSource.PROFILE), "Bob Sato")
    ui = dialog.ui
    assert "in the email server profile's credentials" in ui.nextStep.text()
    assert " or " not in ui.nextStep.text() and "Credentials tab" not in ui.nextStep.text()
    assert ui.fixButton.text() == "&Open the profile"
    with qtbot.waitSignal(dialog.open_profile) as opened:
        ui.fixButton.click()
    assert opened.args == [sample.profile_ids[1]]
    with qtbot.waitSignal(dialog.test_again) as again:
        ui.testAgainButton.click()
    assert again.args == [bob] and not dialog.isVisible(), "the new test opens its own report"


def test_open_the_credentials_tab_lands_on_that_tab(main_window, qtbot, sample, click):
    alice = sample.mailbox_ids["alice"]
    dialog = main_window.show_report(sample_report(alice))
    qtbot.waitExposed(dialog)
    click(dialog.ui.fixButton)
    editor = main_window.mailbox_editors[alice]
    assert editor.isVisible() and editor.ui.tabs.currentWidget() is editor.ui.credentialsTab


def test_copy_and_save_as_text(qtbot, tmp_path, click, sample):
    dialog = _dialog(qtbot, sample_report(sample.mailbox_ids["alice"]))
    click(dialog.ui.copyButton)
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Test & Enable report") and "Mailbox: Alice Wong" in text
    assert "3. Connect and authenticate: Failure (1.28 s)" in text and "[redacted]" in text
    assert "Next step: Check the user name and password on the mailbox's Credentials tab" in text
    target = tmp_path / "report.txt"
    dialog.write_text(str(target))
    assert target.read_text(encoding="utf-8") == text
