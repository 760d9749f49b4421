"""Every message box goes through here, so tests patch one place.

Boxes open window-modal with ``open()`` and answer through callbacks; nothing blocks in
``exec()`` except the fatal start-up error, where there is no event loop to return to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_fatal(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Messages", "Cannot start"),
        text,
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.exec()  # the app cannot go on without it; a modal answer is what we want here


def _box(parent, icon, title: str, text: str, buttons, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    if details:
        box.setDetailedText(details)
    return box


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, details)
    box.open()
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok)
    box.open()
    return box


def confirm(parent: QWidget | None, title: str, text: str, on_yes: Callable[[], None], action: str = "") -> QMessageBox:
    """Ask OK/Cancel, or with *action* (a verb such as "Test & Enable mailboxes") a button that
    says what happens, and Cancel; *on_yes* runs only after OK or the verb."""
    standard = QMessageBox.StandardButton.Cancel
    if not action:
        standard |= QMessageBox.StandardButton.Ok
    box = _box(parent, QMessageBox.Icon.Question, title, text, standard)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole) if action else None
    box.setDefaultButton(yes if yes is not None else QMessageBox.StandardButton.Ok)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)

    def finished(result: int) -> None:
        clicked = box.clickedButton()
        if clicked is not None and (clicked is yes or box.standardButton(clicked) == QMessageBox.StandardButton.Ok):
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def confirm_action(
    parent: QWidget | None, title: str, text: str, action: str, on_yes: Callable[[], None], details: str = ""
) -> QMessageBox:
    """Ask before something that cannot be undone: the button says what happens (*action*, a
    verb such as "Delete mailboxes"), Cancel is the default and what Esc answers; *on_yes* runs
    only after the verb's button."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, details)
    verb = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)

    def finished(_result: int) -> None:
        if box.clickedButton() is verb:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def ask_unsaved(
    parent: QWidget, title: str, text: str, on_save: Callable[[], None], on_discard: Callable[[], None]
) -> QMessageBox:
    """Ask before closing a window with unsaved changes: Save, Discard or Cancel, each saying
    what it does. Save is the default (it loses nothing); Cancel is what Esc answers; only the
    Discard button throws the changes away."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton)
    box.setInformativeText(QCoreApplication.translate("Messages", "Your changes are lost if you discard them."))
    save = box.addButton(QCoreApplication.translate("Messages", "&Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("Messages", "&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Messages", "&Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)

    def finished(_result: int) -> None:
        if box.clickedButton() is save:
            on_save()
        elif box.clickedButton() is discard:
            on_discard()

    box.finished.connect(finished)
    box.open()
    return box


def open_save_dialog(parent, title: str, name_filter: str, suffix: str, file_name: str, on_selected):
    """A non-modal "save as" dialog (open(), not exec()); *on_selected(path)* gets the chosen file.
    Returns the dialog: the caller keeps a reference while it is open."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(file_name)
    dialog.fileSelected.connect(on_selected)
    dialog.open()
    return dialog
