"""Every label and button of the editing windows has an access key, unique among what the window
shows at once (each tab, each wizard page), in English and in Japanese, where it is written
"名前(&N)"."""

from __future__ import annotations

import pytest
from form_helpers import access_key, in_front, key_problems, keyed_widgets
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget, QWizard

from app.domain.enums import CredentialSource, OwnerKind
from app.gui.i18n import install_translators
from app.gui.screenshots.sample_data import add_test_history
from app.gui.widgets.profile_fields import ProfileFields
from app.gui.windows.mailbox_editor import MailboxEditor
from app.gui.windows.owner_dialog import OwnerDialog
from app.gui.windows.profile_form import ProfileForm
from app.gui.windows.profile_wizard import ProfileWizard


@pytest.fixture(params=["en", "ja"])
def language(request, qapp):
    if request.param == "en":
        yield "en"
        return
    locale = QLocale()
    translators = install_translators(qapp, "ja")
    assert translators, "the Japanese translations load"
    yield "ja"
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def _every_row_shown(fields: ProfileFields) -> None:
    """Every choice that hides a field made the other way: all the rows show."""
    loc, cred = fields.location, fields.credentials
    loc.autoDiscover.setChecked(False)
    loc.incomingUrl.setText("https://mail.contoso.com/EWS/Exchange.asmx")
    for combo in (cred.credentialSource, cred.outgoingCredentialSource):
        combo.setCurrentIndex(combo.findData(CredentialSource.PROFILE.value))
    cred.outgoingSameAsIncoming.setChecked(False)
    for edit, text in (
        (cred.username, "CONTOSO\\crm"),
        (cred.password, "x"),
        (cred.outgoingUsername, "CONTOSO\\crm"),
        (cred.outgoingPassword, "x"),
        (cred.outgoingUrl, "https://mail.contoso.com/EWS/Exchange.asmx"),
    ):
        edit.setText(text)


def _check(window: QWidget, view: str, language: str, problems: list[str]) -> None:
    shown = keyed_widgets(window)
    assert len(shown) >= 3, f"{view}: the window shows its labels and buttons"
    problems += [f"{view}: {problem}" for problem in key_problems(window, japanese=language == "ja")]


def test_the_mailbox_editor_s_keys_are_unique_on_each_tab(language, qtbot, sample, message_log):
    add_test_history(sample.mailbox_ids["alice"])  # its runs: the results tab's Open report shows
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["alice"]))  # credentials allowed: every row shows
    assert editor.ui.viewReportButton.isVisibleTo(editor.ui.resultsTab)
    assert editor.ui.username.isVisibleTo(editor.ui.credentialsTab)
    problems: list[str] = []
    for index in range(editor.ui.tabs.count()):
        editor.ui.tabs.setCurrentIndex(index)
        _check(editor, editor.ui.tabs.tabText(index), language, problems)
    assert problems == []


def test_the_profile_form_s_keys_are_unique_on_each_tab(language, qtbot, sample, message_log):
    form = in_front(qtbot, ProfileForm(sample.profile_ids[0]))
    _every_row_shown(form.fields)
    assert form.fields.credentials.outgoingPassword.isVisibleTo(form.fields.parts["credentials"])
    problems: list[str] = []
    for index in range(form.ui.tabs.count()):
        form.ui.tabs.setCurrentIndex(index)
        _check(form, form.ui.tabs.tabText(index), language, problems)
    assert problems == []


def test_the_wizard_s_keys_are_unique_on_each_page(language, qtbot, store, message_log):
    wizard = in_front(qtbot, ProfileWizard())
    wizard.fields.location.name.setText("Keys")
    _every_row_shown(wizard.fields)
    problems: list[str] = []
    for part, page in wizard.pages.items():
        assert wizard.currentPage() is page, part
        _check(wizard, part, language, problems)
        if part != "additional":
            wizard.next()
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert problems == []


def test_the_owner_dialog_s_keys_are_unique(language, qtbot, sample, message_log):
    problems: list[str] = []
    for kind in (OwnerKind.USER, OwnerKind.QUEUE):
        _check(in_front(qtbot, OwnerDialog(kind)), kind.value, language, problems)
    assert problems == []


def test_the_settings_page_s_keys_are_unique_with_the_main_window_s_menus(language, qtbot, sample, message_log):
    from app.gui.windows.main_window import MainWindow

    window = in_front(qtbot, MainWindow())
    window.show_page(MainWindow.SETTINGS)
    page = window.settings_page
    problems: list[str] = []
    _check(page, "settings", language, problems)
    menus = {access_key(action.text()) for action in window.menuBar().actions() if action.isVisible()}
    page_keys = {access_key(text) for _widget, text in keyed_widgets(page)}
    assert problems == [] and menus and not (menus & page_keys), menus & page_keys
    # and with what the main window shows around the page
    around = [access_key(text) for widget, text in keyed_widgets(window) if not page.isAncestorOf(widget)]
    assert not (set(around) & page_keys), set(around) & page_keys


def test_the_unsaved_changes_question_has_verbs_with_keys(language, qtbot, sample, message_log):
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["bob"]))
    editor.ui.name.setText("Bob S.")
    editor.reject()
    box = editor.unsaved_prompt
    assert box is not None
    problems: list[str] = []
    _check(box, "question", language, problems)
    assert problems == []
    box.reject()


def test_a_fresh_wizard_has_no_unsaved_changes_in_either_language(language, qtbot, store, message_log):
    """Its date, shown in the language's pattern and read back, is not an edit; a changed one is."""
    wizard = in_front(qtbot, ProfileWizard())
    assert not wizard.is_dirty()
    date = wizard.fields.additional.processEmailFrom
    date.setDateTime(date.dateTime().addDays(-1))
    assert wizard.is_dirty()


def test_a_japanese_disabled_save_names_the_field_without_its_key(language, qtbot, sample, message_log):
    editor = in_front(qtbot, MailboxEditor(sample.mailbox_ids["alice"]))
    editor.ui.username.clear()
    editor.save()  # shows the message and saves nothing
    reason = editor.ui.saveButton.toolTip().splitlines()[1]
    name = {"en": "User name", "ja": "ユーザー名"}[language]
    assert reason.startswith(name + ": ") and "&" not in reason and "(U)" not in reason
    assert editor.ui.usernameError.accessibleName().startswith(name + ": ")


def _windows_of(view: QWidget) -> list[QWidget]:
    """The view's window and each window it shows in front (a dialog opened from a page)."""
    return [view, *(w for w in view.findChildren(QWidget) if w.isWindow() and w.isVisible())]


def _menu_problems(window: QWidget) -> list[str]:
    """A main window's menus and the page it shows share the Alt key: no key twice."""
    if not isinstance(window, QMainWindow):
        return []
    menus = {access_key(a.text()): a.text() for a in window.menuBar().actions() if a.isVisible()}
    return [
        f"{widget.objectName() or type(widget).__name__}: {text!r} takes the key of the menu {menus[key]!r}"
        for widget, text in keyed_widgets(window)
        if (key := access_key(text)) in menus
    ]


def test_every_other_window_and_page_has_unique_keys(language, qtbot, sample, message_log):
    """The views of the screenshots: the main window's pages, the dialogs, the options and filters,
    the reports, the crash dialog, the demo's dialogs."""
    from app.gui.screenshots.render import views

    problems: list[str] = []
    checked = 0
    views_shown: dict[int, QWidget] = {}
    for name, show in views(sample):
        shown = show()
        view = shown[0] if isinstance(shown, tuple) else shown
        views_shown[id(view)] = view
        for window in _windows_of(view):
            if isinstance(window, QMessageBox):
                continue  # the unsaved-changes question: test_the_unsaved_changes_question_has_verbs_with_keys
            checked += 1
            problems += [f"{name}: {p}" for p in key_problems(window, japanese=language == "ja")]
            problems += [f"{name}: {p}" for p in _menu_problems(window)]
    for view in views_shown.values():  # as render_all does: none is left for the next test
        view.close()
        view.deleteLater()
    QApplication.processEvents()
    assert checked >= 40
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))


def test_every_main_page_and_the_demo_password_have_unique_keys(language, qtbot, sample, message_log, tmp_path):
    from app.gui.windows.main_window import MainWindow
    from app.simulator.server import LoopbackExchange

    window = in_front(qtbot, MainWindow())
    server = LoopbackExchange(tmp_path / "simulator", port=50443)  # never started
    server.add_account("alice@contoso.com", "k7Rw-2pQx9Lm")
    window.set_demo(server)
    problems: list[str] = []
    for index in range(7):
        window.show_page(index)
        problems += [f"page {index}: {p}" for p in key_problems(window, japanese=language == "ja")]
        problems += [f"page {index}: {p}" for p in _menu_problems(window)]
    _check(window.change_demo_password(), "demo password", language, problems)
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))
