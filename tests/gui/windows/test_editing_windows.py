"""The daily path through the editing windows (issue 20): nothing lost, nothing unexplained.

Unsaved edits are marked in the title and asked about before the window closes; a disabled
button says why; a message waits until its field is left or Save / Next is pressed; each error
label is tied to its field and its text is the field's accessible description."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from form_helpers import in_front, leave, retype
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from app.domain.enums import OwnerKind
from app.domain.settings import ProfileSettings
from app.gui.pages.settings_page import SettingsPage
from app.gui.windows.base import UNSAVED_MARK
from app.gui.windows.mailbox_editor import MailboxEditor
from app.gui.windows.owner_dialog import OwnerDialog
from app.gui.windows.profile_form import ProfileForm
from app.gui.windows.profile_wizard import ProfileWizard
from app.store import repo
from app.store.models import Mailbox, ServerProfile


def _deleted() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _prompt(window) -> QMessageBox:
    box = window.unsaved_prompt
    assert box is not None and box.isVisible(), "the window asks before closing"
    return box


def _button(box: QMessageBox, text: str):
    return next(button for button in box.buttons() if button.text().replace("&", "") == text)


# --- nothing lost -----------------------------------------------------------------------------


def test_esc_with_edits_asks_and_cancel_keeps_the_window_and_its_edits(qtbot, sample, message_log):
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["alice"]))
    title = editor.windowTitle()
    assert not title.endswith(UNSAVED_MARK)
    retype(qtbot, editor.ui.name, "Alice W.")
    assert editor.windowTitle() == title + UNSAVED_MARK, "the title marks the unsaved change"
    qtbot.keyClick(editor.ui.name, Qt.Key.Key_Escape)
    box = _prompt(editor)
    assert sorted(b.text() for b in box.buttons()) == ["&Cancel", "&Discard", "&Save"], "verbs, each with its key"
    assert box.defaultButton() is _button(box, "Save"), "the default loses nothing"
    assert box.escapeButton() is _button(box, "Cancel")
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc in the question: Cancel
    assert editor.isVisible() and editor.ui.name.text() == "Alice W."
    assert editor.unsaved_prompt is None
    editor.ui.closeButton.click()  # Close asks the same
    _prompt(editor).reject()
    assert editor.isVisible() and editor.windowTitle().endswith(UNSAVED_MARK)
    assert Mailbox.get_by_id(sample.mailbox_ids["alice"]).name == "Alice Wong"


def test_discard_closes_without_saving_and_save_saves_then_closes(qtbot, sample, message_log, click):
    alice = sample.mailbox_ids["alice"]
    editor = in_front(qtbot, MailboxEditor(alice))
    destroyed = []
    editor.destroyed.connect(lambda: destroyed.append(True))
    retype(qtbot, editor.ui.name, "Alice W.")
    qtbot.keyClick(editor.ui.name, Qt.Key.Key_Escape)
    click(_button(_prompt(editor), "Discard"))
    _deleted()
    assert destroyed == [True] and Mailbox.get_by_id(alice).name == "Alice Wong"

    editor = in_front(qtbot, MailboxEditor(alice))
    saved = []
    editor.saved.connect(saved.append)
    retype(qtbot, editor.ui.name, "Alice W.")
    qtbot.keyClick(editor.ui.name, Qt.Key.Key_Escape)
    click(_button(_prompt(editor), "Save"))
    assert saved == [alice] and Mailbox.get_by_id(alice).name == "Alice W."
    assert not editor.isVisible()


def test_save_in_the_question_keeps_the_window_when_a_field_is_wrong(qtbot, sample, message_log, click):
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["alice"]))
    editor.ui.name.clear()  # still in the field: no message yet
    qtbot.keyClick(editor.ui.name, Qt.Key.Key_Escape)
    click(_button(_prompt(editor), "Save"))
    assert editor.isVisible() and editor.ui.nameError.text() == "This field is required."
    assert Mailbox.get_by_id(sample.mailbox_ids["alice"]).name == "Alice Wong"


def test_an_untouched_window_closes_at_once(qtbot, sample, message_log):
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["bob"]))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and editor.unsaved_prompt is None
    form = in_front(qtbot, ProfileForm(sample.profile_ids[0]))
    form.ui.closeButton.click()
    assert not form.isVisible()


def test_the_profile_form_wizard_and_owner_dialog_ask_too(qtbot, sample, message_log, click):
    form = in_front(qtbot, ProfileForm(sample.profile_ids[0]))
    retype(qtbot, form.fields.location.description, "Moved to the new data centre")
    assert form.windowTitle().endswith(UNSAVED_MARK)
    form.ui.closeButton.click()
    click(_button(_prompt(form), "Save"))
    assert not form.isVisible()
    assert ServerProfile.get_by_id(sample.profile_ids[0]).description.endswith("Moved to the new data centre")

    wizard = in_front(qtbot, ProfileWizard())
    qtbot.keyClicks(wizard.fields.location.name, "Branch office")
    assert wizard.windowTitle() == "New Exchange profile" + UNSAVED_MARK
    click(wizard.button(QWizard.WizardButton.CancelButton))
    click(_button(_prompt(wizard), "Discard"))
    assert not wizard.isVisible() and not ServerProfile.select().where(ServerProfile.name == "Branch office").exists()

    dialog = in_front(qtbot, OwnerDialog(OwnerKind.USER))
    qtbot.keyClicks(dialog.ui.name, "Carol")
    click(dialog.ui.cancelButton)
    _prompt(dialog).reject()
    assert dialog.isVisible() and dialog.ui.name.text() == "Carol"


def test_the_wizard_s_save_in_the_question_finishes_it(qtbot, store, message_log, click):
    wizard = in_front(qtbot, ProfileWizard())
    created = []
    wizard.saved.connect(created.append)
    qtbot.keyClicks(wizard.fields.location.name, "Branch office")
    qtbot.keyClick(wizard.fields.location.name, Qt.Key.Key_Escape)
    click(_button(_prompt(wizard), "Save"))
    assert created and ServerProfile.get_by_id(created[0]).name == "Branch office"
    assert not wizard.isVisible()


def test_saving_says_saved_in_the_main_window_s_status_bar(main_window, sample, qtbot, click):
    editor = main_window.open_mailbox(sample.mailbox_ids["bob"])
    retype(qtbot, editor.ui.name, "Bob Smith")
    click(editor.ui.saveButton)
    assert main_window.statusBar().currentMessage() == "Saved: mailbox “Bob Smith”."
    assert not editor.windowTitle().endswith(UNSAVED_MARK)
    form = main_window.open_profile(sample.profile_ids[1])
    retype(qtbot, form.fields.location.description, "For the branch offices")
    click(form.ui.saveButton)
    assert main_window.statusBar().currentMessage() == f"Saved: email server profile “{form.profile.name}”."


# --- nothing unexplained ----------------------------------------------------------------------


def test_a_disabled_save_says_why_and_the_tab_holding_the_field_is_marked(qtbot, sample, message_log):
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["alice"]))
    ui = editor.ui
    tabs = ui.tabs
    credentials = tabs.indexOf(ui.credentialsTab)
    assert all(tabs.tabIcon(i).isNull() for i in range(tabs.count()))
    assert ui.saveButton.isEnabled() and ui.saveButton.toolTip() == ""
    editor.show_tab("credentials")
    ui.username.clear()
    leave(qtbot, ui.username)
    message = "Enter the user name this mailbox connects with."
    assert ui.usernameError.text() == message
    assert not ui.saveButton.isEnabled()
    assert ui.saveButton.toolTip() == f"Put these right first:\nUser name: {message}"
    assert not ui.testButton.isEnabled() and message in ui.testButton.toolTip()
    editor.show_tab("general")  # the mark stays where the person is not
    assert not tabs.tabIcon(credentials).isNull() and tabs.tabToolTip(credentials) == f"User name: {message}"
    assert tabs.tabIcon(tabs.indexOf(ui.generalTab)).isNull()
    qtbot.keyClicks(ui.username, "CONTOSO\\alice")
    assert ui.saveButton.isEnabled() and ui.saveButton.toolTip() == ""
    assert tabs.tabIcon(credentials).isNull() and tabs.tabToolTip(credentials) == ""


def test_the_profile_form_marks_its_tab_and_save_brings_the_field_forward(qtbot, sample, message_log, click):
    form = in_front(qtbot, ProfileForm(sample.profile_ids[0]))
    tabs, adv = form.ui.tabs, form.fields.advanced
    tabs.setCurrentIndex(2)  # Advanced
    qtbot.keyClicks(adv.trustedCaPath, "/no/such/ca.pem")
    tabs.setCurrentIndex(0)  # the person moves on without leaving the field by Tab
    assert form.ui.saveButton.isEnabled(), "not shown yet, so not blocking yet"
    click(form.ui.saveButton)
    assert tabs.currentIndex() == 2 and adv.trustedCaPath.hasFocus(), "the field with the message comes forward"
    assert "does not exist" in adv.trustedCaPathError.text() and not form.ui.saveButton.isEnabled()
    assert "Trusted CA certificate: " in form.ui.saveButton.toolTip()
    assert not tabs.tabIcon(2).isNull() and tabs.tabIcon(0).isNull()
    assert ServerProfile.get_by_id(sample.profile_ids[0]).trusted_ca_path == ""


def test_test_and_enable_disabled_says_why(qtbot, sample, message_log):
    empty = repo.save_profile(
        ProfileSettings(name="Unused", process_email_from=datetime(2024, 1, 1, tzinfo=timezone.utc))
    )
    form = in_front(qtbot, ProfileForm(empty.id))
    assert not form.ui.testButton.isEnabled()
    assert form.ui.testButton.toolTip() == "No mailbox uses this email server profile."
    editor = in_front(qtbot, MailboxEditor(None))
    assert not editor.ui.testButton.isEnabled() and editor.ui.testButton.toolTip() == "Save the new mailbox first."


# --- messages when the person is done with a field -------------------------------------------


def _error_labels(fields):
    return [label for _setting, _widget, label in fields.errors._rows]


def test_the_wizard_shows_no_message_before_anything_is_typed(qtbot, store, message_log, click):
    wizard = in_front(qtbot, ProfileWizard())
    loc = wizard.fields.location
    assert wizard.fields.issues, "the empty name is wrong already"
    assert all(label.text() == "" and not label.isVisible() for label in _error_labels(wizard.fields))
    assert loc.name.accessibleDescription() == ""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    leave(qtbot, loc.name)  # focus out: the message shows
    assert loc.nameError.isVisible() and loc.nameError.text() == "This field is required."


def test_next_shows_the_page_s_messages_and_stays(qtbot, store, message_log, click):
    wizard = in_front(qtbot, ProfileWizard())
    loc = wizard.fields.location
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    click(next_button)
    assert wizard.currentPage() is wizard.pages["location"]
    assert loc.nameError.isVisible() and loc.name.hasFocus()
    assert (
        not next_button.isEnabled() and next_button.toolTip() == "Put these right first:\nName: This field is required."
    )
    qtbot.keyClicks(loc.name, "Branch office")
    assert not loc.nameError.isVisible() and next_button.isEnabled() and next_button.toolTip() == ""
    click(next_button)
    assert wizard.currentPage() is wizard.pages["credentials"]
    assert not any(label.isVisible() for label in _error_labels(wizard.fields)), "the next page starts clean"


# --- assistive technology ---------------------------------------------------------------------


def _rows(window):
    fields = window.fields if hasattr(window, "fields") else window
    return fields.errors._rows


@pytest.mark.parametrize("kind", ["mailbox", "profile", "owner", "settings"])
def test_each_error_label_is_tied_to_its_field_and_named_after_it(kind, qtbot, sample, message_log):
    window = {
        "mailbox": lambda: MailboxEditor(sample.mailbox_ids["alice"]),
        "profile": lambda: ProfileForm(sample.profile_ids[0]),
        "owner": lambda: OwnerDialog(OwnerKind.QUEUE),
        "settings": SettingsPage,
    }[kind]()
    in_front(qtbot, window)
    rows = _rows(window)
    assert len(rows) == {"mailbox": 8, "profile": 19, "owner": 3, "settings": 10}[kind]
    names = set()
    for setting, field, label in rows:
        assert label.buddy() is field, setting
        assert label.accessibleName().endswith(": validation message"), setting
        assert label.accessibleName() != ": validation message"
        names.add(label.accessibleName())
    assert len(names) == len(rows), "each named after its own field"


def test_a_shown_message_is_its_field_s_accessible_description(qtbot, sample, message_log):
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["alice"]))
    ui = editor.ui
    assert ui.nameError.accessibleName() == "Name: validation message"
    assert ui.emailError.accessibleName() == "Email address: validation message"
    assert ui.deleteAfterProcessingError.accessibleName() == (
        "Delete emails after processing (queues only): validation message"
    )
    retype(qtbot, ui.email, "alice at contoso")
    assert ui.email.accessibleDescription() == ""
    leave(qtbot, ui.email)
    assert ui.email.accessibleDescription() == "An email address cannot contain spaces."
    retype(qtbot, ui.email, "alice@contoso.com")
    assert ui.email.accessibleDescription() == ""


def test_the_profile_test_asks_with_a_verb_button(qtbot, sample):
    """Not OK / Cancel: the button says what happens; Cancel is what Esc answers."""
    form = in_front(qtbot, ProfileForm(sample.profile_ids[0]))
    requested = []
    form.test_requested.connect(requested.append)
    form.ui.testButton.click()
    box = form.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert sorted(b.text() for b in box.buttons()) == ["&Test && Enable mailboxes", "Cancel"]
    assert box.defaultButton().text() == "&Test && Enable mailboxes"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert requested == []
    form.ui.testButton.click()
    box = next(b for b in form.findChildren(QMessageBox) if b.isVisible())
    box.defaultButton().click()
    assert requested == [sample.profile_ids[0]]


def test_quitting_with_unsaved_edits_asks_in_each_window_and_the_app_goes_on(qtbot, main_window, sample, click):
    """File > Quit (or the tray's Quit) with an editor holding unsaved edits: that editor asks
    Save / Discard / Cancel and the main window stays; once answered, Quit closes."""
    window = main_window
    editor = window.open_mailbox(sample.mailbox_ids["alice"])
    untouched = window.open_profile(sample.profile_ids[0])
    retype(qtbot, editor.ui.name, "Alice W.")
    assert window.unsaved_windows() == [editor]
    assert window.quit_requested() is False
    assert window.isVisible() and editor.isVisible() and untouched.isVisible()
    assert window.statusBar().currentMessage().startswith("Save or discard the changes")
    click(_button(_prompt(editor), "Discard"))
    _deleted()
    assert Mailbox.get_by_id(sample.mailbox_ids["alice"]).name == "Alice Wong"
    assert window.quit_requested() is True
    assert not window.isVisible() and not untouched.isVisible()
