"""The admin's whole path from an empty store, through the windows only, in English and Japanese:
a queue and a user (their mailboxes appear), a profile made in the wizard and made the default,
the user's mailbox given its profile and credentials, approved, Test & Enable against the
loopback Exchange server, Success."""

from __future__ import annotations

import pytest
from ews_fixtures import EWS_PASSWORD
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWizard

from app.gui.i18n import install_translators
from app.gui.windows.main_window import MainWindow
from app.gui.windows.owner_dialog import OwnerDialog
from app.store.models import Mailbox, Queue, ServerProfile, SystemSettings, SystemUser

TEST_TIMEOUT_MS = 60_000
SUCCESS = {"en": "Success", "ja": "成功"}


@pytest.fixture(params=["en", "ja"])
def language(request, qapp):
    locale = QLocale()
    translators = install_translators(qapp, request.param) if request.param != "en" else []
    assert request.param == "en" or translators, "the Japanese translations load"
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def window(qtbot, store, message_log, language):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tests.cancel_all()
    for handle in list(window.tests.handles.values()):
        handle.wait()


def _new_owner(window, qtbot, click, button, name: str, email: str) -> None:
    page = window.users_page
    click(button)
    dialog = page.dialog
    assert isinstance(dialog, OwnerDialog)
    dialog.activateWindow()
    qtbot.keyClicks(dialog.ui.name, name)
    qtbot.keyClicks(dialog.ui.email, email)
    click(dialog.ui.saveButton)


def _select(table, proxy, predicate) -> None:
    for row in range(proxy.rowCount()):
        if predicate(proxy.row_at(row)):
            table.selectRow(row)
            return
    raise AssertionError("not listed")


def test_from_an_empty_store_to_a_tested_mailbox(window, qtbot, click, ews, message_log, language):
    account = ews.new_account("path")
    assert not ServerProfile.select().exists() and not SystemUser.select().exists()
    assert window.current_page() == MainWindow.PROFILES  # the first run: the next step is a profile

    # 1. a queue and a user, on the Users & queues page (no default profile yet: mailboxes without one)
    window.show_page(MainWindow.USERS)
    message_log.answer_yes = False  # "open the mailbox now?": later
    _new_owner(window, qtbot, click, window.users_page.ui.newQueueButton, "Support", "support@contoso.com")
    _new_owner(window, qtbot, click, window.users_page.ui.newUserButton, "Pat Lee", account.email)
    assert Queue.get(Queue.name == "Support") and SystemUser.get(SystemUser.email == account.email)

    # 2. their mailboxes on the Mailboxes page
    window.show_page(MainWindow.MAILBOXES)
    listed = {row.email: row for row in window.mailboxes_page.visible_rows()}
    assert set(listed) == {"support@contoso.com", account.email}
    assert all(row.profile_id is None for row in listed.values())

    # 3. a profile in the wizard, from the first-run button of the Profiles page
    window.show_page(MainWindow.PROFILES)
    click(window.profiles_page.ui.createButton)
    wizard = window.wizard
    assert wizard is not None
    fields = wizard.fields
    qtbot.keyClicks(fields.location.name, "Loopback Exchange")
    click(fields.location.autoDiscover)  # サーバーの場所の自動検出: いいえ
    qtbot.keyClicks(fields.location.incomingUrl, ews.ews_url)
    click(wizard.button(QWizard.WizardButton.NextButton))
    click(wizard.button(QWizard.WizardButton.NextButton))  # the credentials of each user or queue
    fields.advanced.incomingPort.clear()
    qtbot.keyClicks(fields.advanced.incomingPort, str(ews.server.port))
    qtbot.keyClicks(fields.advanced.trustedCaPath, str(ews.ca_path))
    click(wizard.button(QWizard.WizardButton.NextButton))
    with qtbot.waitSignal(wizard.saved) as saved:
        click(wizard.button(QWizard.WizardButton.FinishButton))
    profile_id = saved.args[0]

    # 4. made the default, and the list says so
    profiles = window.profiles_page
    _select(profiles.ui.table, profiles.proxy, lambda row: row.id == profile_id)
    click(profiles.ui.makeDefaultButton)
    settings = SystemSettings.select().first()
    assert settings is not None and settings.default_profile_id == profile_id
    assert next(r for r in profiles.model.rows if r.id == profile_id).is_default

    # 5. the user's mailbox: its profile and credentials, from the Mailboxes list (Enter opens it)
    window.show_page(MainWindow.MAILBOXES)
    page = window.mailboxes_page
    _select(page.ui.table, page.proxy, lambda row: row.email == account.email)
    page.ui.table.setFocus()
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)
    mailbox_id = Mailbox.get(Mailbox.email == account.email).id
    editor = window.mailbox_editors[mailbox_id]
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.syncTab)
    ui.profile.setCurrentIndex(ui.profile.findData(profile_id))
    ui.tabs.setCurrentWidget(ui.credentialsTab)
    click(ui.allowCredentials)
    qtbot.keyClicks(ui.username, account.email)
    qtbot.keyClicks(ui.password, EWS_PASSWORD)
    click(ui.saveButton)
    assert Mailbox.get_by_id(mailbox_id).profile_id == profile_id

    # 6. approved
    click(ui.approveButton)
    assert Mailbox.get_by_id(mailbox_id).approval.value == "approved"

    # 7. Test & Enable against the loopback server, 8. Success
    with qtbot.waitSignal(window.tests.finished, timeout=TEST_TIMEOUT_MS):
        click(ui.testButton)
    assert message_log.errors == []
    ui.tabs.setCurrentWidget(ui.resultsTab)
    assert ui.mailboxStatus.text() == SUCCESS[language]
    row = next(r for r in window.mailboxes_page.model.rows if r.id == mailbox_id)
    assert row.status.value == "success"
    mailbox = Mailbox.get_by_id(mailbox_id)
    assert mailbox.incoming_enabled and mailbox.outgoing_enabled and mailbox.act_enabled
