from form_helpers import in_front, leave, retype
from PySide6.QtCore import Qt

from app import secrets
from app.domain.enums import ApprovalStatus, SyncMethod
from app.gui.windows.mailbox_editor import MailboxEditor
from app.store.models import Mailbox


def _editor(qtbot, mailbox_id):
    return in_front(qtbot, MailboxEditor(mailbox_id))


def _choose(combo, member):
    combo.setCurrentIndex(combo.findData(member.value))


def test_tabs_and_results(qtbot, sample, message_log):
    editor = _editor(qtbot, sample.mailbox_ids["alice"])
    tabs = [editor.ui.tabs.tabText(i) for i in range(editor.ui.tabs.count())]
    assert tabs == [
        "General",
        "Synchronization method",
        "Credentials",
        "Configuration test results",
        "Alerts",
        "Sync history",
        "Conflicts",
    ]
    assert editor.ui.incomingStatus.text() == "Failure"
    assert editor.ui.mailboxStatus.text() == "Failure"
    assert "401" in editor.ui.lastSyncError.text()
    assert editor.ui.testCompletedOn.text() != ""
    assert [r.error_code for r in editor.alerts.visible_rows()] == ["ErrorUnauthorized"]


def test_results_are_coloured_words_never_blanks_and_reachable_by_keyboard(qtbot, sample, message_log):
    editor = _editor(qtbot, sample.mailbox_ids["alice"])  # tested and failed, never synchronized since
    editor.show_tab("results")
    ui = editor.ui
    assert ui.tabs.currentWidget() is ui.resultsTab
    assert ui.mailboxStatus.text() == "Failure" and "#b3261e" in ui.mailboxStatus.styleSheet()
    assert ui.lastSyncSuccessOn.text() == "Never" and ui.nextSyncOn.text() == "Not scheduled"
    fields = [ui.incomingStatus, ui.mailboxStatus, ui.testCompletedOn, ui.lastSyncError, ui.nextSyncOn]
    assert all(f.isReadOnly() and f.focusPolicy() != Qt.FocusPolicy.NoFocus for f in fields)
    assert all(f.text() for f in fields), "never a blank"
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    ui.incomingStatus.setFocus()
    qtbot.keyClick(ui.incomingStatus, Qt.Key.Key_Tab)
    assert ui.outgoingStatus.hasFocus(), "Tab goes from one result to the next"
    admin = _editor(qtbot, sample.mailbox_ids["admin"])
    assert admin.ui.mailboxStatus.text() == "Success" and "#1b7f3b" in admin.ui.mailboxStatus.styleSheet()
    assert admin.ui.lastSyncError.text() == "None"
    support = _editor(qtbot, sample.mailbox_ids["support"])  # never tested
    assert support.ui.mailboxStatus.text() == "Not run" and support.ui.testCompletedOn.text() == "Never"
    editor.show_tab("credentials")
    assert ui.tabs.currentWidget() is ui.credentialsTab


def test_every_invalid_field_blocks_saving_with_its_message(qtbot, sample, message_log, click):
    editor = _editor(qtbot, sample.mailbox_ids["alice"])
    ui = editor.ui
    assert ui.saveButton.isEnabled()
    retype(qtbot, ui.email, "alice at contoso")
    assert ui.emailError.text() == "" and ui.saveButton.isEnabled(), "no message while typing"
    leave(qtbot, ui.email)
    assert not ui.saveButton.isEnabled()
    assert ui.emailError.text() == "An email address cannot contain spaces."
    retype(qtbot, ui.email, "alice@contoso.com")
    assert ui.emailError.text() == "" and ui.saveButton.isEnabled(), "a shown message goes as soon as it is right"
    ui.name.clear()
    leave(qtbot, ui.name)
    assert ui.nameError.text() == "This field is required." and not ui.saveButton.isEnabled()
    qtbot.keyClicks(ui.name, "Alice")
    ui.owner.setCurrentIndex(0)
    assert "owns this mailbox" in ui.ownerError.text() and not ui.saveButton.isEnabled()
    ui.owner.setCurrentIndex(ui.owner.findData(f"user:{sample.user_ids['alice']}"))
    ui.tabs.setCurrentWidget(ui.credentialsTab)
    click(ui.allowCredentials)
    assert "allow this mailbox's credentials" in ui.allowCredentialsError.text()
    assert not ui.username.isVisible() and not ui.saveButton.isEnabled()
    click(ui.allowCredentials)
    assert ui.username.isVisible() and not ui.allowCredentialsError.isVisible()
    ui.tabs.setCurrentWidget(ui.syncTab)
    ui.profile.setCurrentIndex(0)
    assert "needs one" in ui.profileError.text() and not ui.saveButton.isEnabled()
    for combo in (ui.incomingMethod, ui.outgoingMethod, ui.actMethod):
        _choose(combo, SyncMethod.OUTLOOK)
    assert not ui.profileError.isVisible() and ui.saveButton.isEnabled()
    ui.tabs.setCurrentWidget(ui.generalTab)
    click(ui.deleteAfterProcessing)
    assert "queue" in ui.deleteAfterProcessingError.text() and not ui.saveButton.isEnabled()


def test_seed_flow_profile_methods_credentials_save_and_approve(qtbot, sample, message_log, click, memory_keyring):
    mailbox_id = sample.mailbox_ids["support"]
    editor = _editor(qtbot, mailbox_id)
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.syncTab)
    ui.profile.setCurrentIndex(ui.profile.findData(sample.profile_ids[0]))
    for combo in (ui.incomingMethod, ui.outgoingMethod, ui.actMethod):
        _choose(combo, SyncMethod.SERVER_SIDE)
    ui.tabs.setCurrentWidget(ui.credentialsTab)
    ui.username.clear()
    qtbot.keyClicks(ui.username, "CONTOSO\\support")
    qtbot.keyClicks(ui.password, "queue-pass")
    assert ui.saveButton.isEnabled()
    with qtbot.waitSignal(editor.saved):
        click(ui.saveButton)
    assert secrets.get_password(secrets.mailbox_key(mailbox_id)) == "queue-pass"
    row = Mailbox.get_by_id(mailbox_id)
    assert row.act_method is SyncMethod.SERVER_SIDE and row.username == "CONTOSO\\support"
    assert row.approval is ApprovalStatus.PENDING
    assert ui.approveButton.isEnabled()
    click(ui.approveButton)
    assert Mailbox.get_by_id(mailbox_id).approval is ApprovalStatus.APPROVED
    assert not ui.approveButton.isEnabled()
    assert message_log.errors == []


def test_new_mailbox_is_created(qtbot, sample, message_log, click):
    editor = _editor(qtbot, None)
    ui = editor.ui
    assert not ui.testButton.isEnabled() and ui.testButton.toolTip() == "Save the new mailbox first."
    assert not ui.nameError.isVisible(), "an untouched form shows no message"
    click(ui.saveButton)  # Save shows what is missing and saves nothing
    assert ui.nameError.text() == "This field is required." and ui.name.hasFocus()
    assert not ui.saveButton.isEnabled() and editor.mailbox_id is None
    qtbot.keyClicks(ui.name, "Carol")
    qtbot.keyClicks(ui.email, "carol@contoso.com")
    ui.owner.setCurrentIndex(ui.owner.findData(f"user:{sample.user_ids['bob']}"))
    ui.profile.setCurrentIndex(ui.profile.findData(sample.profile_ids[1]))  # profile credentials: none needed
    assert ui.saveButton.isEnabled()
    click(ui.saveButton)
    assert editor.mailbox_id is not None and Mailbox.get_by_id(editor.mailbox_id).email == "carol@contoso.com"
    assert ui.testButton.isEnabled()


def test_test_button_saves_then_requests_the_test(qtbot, sample, message_log, click):
    editor = _editor(qtbot, sample.mailbox_ids["admin"])
    with qtbot.waitSignal(editor.test_requested) as requested:
        click(editor.ui.testButton)
    assert requested.args == [sample.mailbox_ids["admin"]]


def test_download_details_has_everything_but_the_password(qtbot, sample, message_log, tmp_path):
    editor = _editor(qtbot, sample.mailbox_ids["alice"])
    target = tmp_path / "details.txt"
    editor.write_details(str(target))
    text = target.read_text(encoding="utf-8")
    for expected in (
        "alice@contoso.com",
        "Exchange 2013 on-premises",
        "Incoming email status: Failure",
        "Password: stored in the credential store",
        "ErrorUnauthorized",
        "401 Unauthorized",
    ):
        assert expected in text
    assert "secret" not in text.replace("stored in the credential store", "")


def test_f5_shows_results_written_meanwhile(qtbot, sample, message_log):
    from PySide6.QtCore import Qt

    from app.domain.enums import RunStatus

    editor = _editor(qtbot, sample.mailbox_ids["support"])
    editor.ui.tabs.setCurrentWidget(editor.ui.resultsTab)
    assert editor.ui.mailboxStatus.text() == "Not run"
    Mailbox.update(mailbox_status=RunStatus.FAILURE).where(Mailbox.id == sample.mailbox_ids["support"]).execute()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    qtbot.keyClick(editor.ui.name, Qt.Key.Key_F5)
    assert editor.ui.mailboxStatus.text() == "Failure"


def test_sync_history_tab_lists_runs_newest_first(qtbot, sample, message_log):
    editor = _editor(qtbot, sample.mailbox_ids["admin"])
    editor.ui.tabs.setCurrentWidget(editor.ui.historyTab)
    model = editor.ui.historyTable.model()
    assert model.rowCount() == 4
    workloads = [model.index(r, 1).data() for r in range(4)]
    assert set(workloads[:2]) == {"Incoming email", "Appointments, contacts and tasks"}  # same minute
    assert workloads[2:] == ["Outgoing email", "Incoming email"]
    assert model.index(3, 2).data() == "Warning" and "ErrorServerBusy" in model.index(3, 6).data()
