"""Start at login on the Settings page: the HKCU Run value the installer writes too, saved with
the other settings (all or nothing), and off with the reason where Windows is not."""

from __future__ import annotations

import sys

import pytest

from app import autostart
from app.domain.system_settings import SystemSettingsValues
from app.gui.pages.settings_page import UNSAVED_MARK, SettingsPage
from app.store.models import Mailbox
from app.store.system_settings import load_system_settings


@pytest.fixture
def make_page(qtbot, message_log):
    def make() -> SettingsPage:
        page = SettingsPage()
        qtbot.addWidget(page)
        page.resize(960, 640)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def test_start_at_login_is_turned_on_and_off_with_save_in_the_installers_value(store, make_page, click, memory_run_key):
    page = make_page()
    ui = page.ui
    assert ui.startAtLogin.isEnabled() and not ui.startAtLogin.isChecked()
    assert "installer" in ui.startAtLoginHint.text()
    click(ui.startAtLogin)
    assert page.is_dirty() and ui.generalGroup.title().endswith(UNSAVED_MARK)
    assert memory_run_key.command is None, "nothing is written before Save"
    click(ui.saveButton)
    assert memory_run_key.command == autostart.start_command()
    assert not page.is_dirty() and not ui.generalGroup.title().endswith(UNSAVED_MARK)
    click(ui.startAtLogin)
    click(ui.revertButton)
    assert ui.startAtLogin.isChecked() and memory_run_key.command is not None, "Revert puts back what Windows has"
    click(ui.startAtLogin)
    click(ui.saveButton)
    assert memory_run_key.command is None


def test_the_value_the_installer_wrote_shows_as_on_and_stays_as_it_was(store, make_page, click, memory_run_key):
    memory_run_key.command = r'"C:\Users\admin\AppData\Local\Programs\ServerSideSyncManager\SSSM.exe"'
    page = make_page()
    assert page.ui.startAtLogin.isChecked() and not page.is_dirty()
    click(page.ui.toastWarnings)  # another setting saved: the Run value is not rewritten
    click(page.ui.saveButton)
    assert memory_run_key.command == r'"C:\Users\admin\AppData\Local\Programs\ServerSideSyncManager\SSSM.exe"'


def test_a_refused_save_leaves_start_at_login_as_it_was(sample, make_page, click, message_log, memory_run_key):
    page = make_page()
    ui = page.ui
    click(ui.startAtLogin)
    click(ui.notifyOwnerByEmail)
    index = ui.notifyMailbox.findData(sample.mailbox_ids["admin"])
    ui.notifyMailbox.setCurrentIndex(index)
    Mailbox.update(is_active=False).where(Mailbox.id == sample.mailbox_ids["admin"]).execute()
    click(ui.saveButton)
    assert message_log.errors and message_log.errors[0][0] == "The settings were not saved"
    assert memory_run_key.command is None, "start at login was undone with the refused save"
    assert load_system_settings() == SystemSettingsValues() and page.is_dirty()


def test_a_registry_that_refuses_saves_nothing_and_says_why(store, make_page, click, message_log, memory_run_key):
    page = make_page()
    click(page.ui.startAtLogin)
    click(page.ui.toastWarnings)
    memory_run_key.refuse = PermissionError(5, "Access is denied")
    click(page.ui.saveButton)
    assert message_log.errors[0][0] == "The settings were not saved"
    assert "Access is denied" in message_log.errors[0][1]
    assert load_system_settings() == SystemSettingsValues(), "the other settings were not saved either"
    assert page.is_dirty()


@pytest.mark.skipif(sys.platform == "win32", reason="what the page shows where Windows is not")
def test_elsewhere_start_at_login_is_shown_off_and_disabled_with_the_reason(store, make_page):
    autostart.use_run_key(None)
    page = make_page()
    assert not page.ui.startAtLogin.isEnabled() and not page.ui.startAtLogin.isChecked()
    assert page.ui.startAtLoginHint.text().startswith("Windows only")
    assert not page.is_dirty()
