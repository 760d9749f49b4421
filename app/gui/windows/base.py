"""What every top-level window shares (after Picard's ``PreserveGeometry`` and ``PicardDialog``).

A window remembers its size and position between runs: saved whenever it is hidden (closed,
accepted, sent to the tray), restored when it is built; the first time, it opens at its class's
``default_size``. The geometry is kept with QSettings in an INI file in the app's data folder
(``paths.data_dir()``: under ``SSSM_HOME`` in the tests and the screenshots), one key per class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QHideEvent
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget

from app import paths
from app.gui import messages

WINDOWS_FILE = "windows.ini"
UNSAVED_MARK = " *"  # after a window's title while it has unsaved changes

if TYPE_CHECKING:  # the mixin is only ever mixed into a QWidget subclass
    _WidgetBase = QWidget
else:
    _WidgetBase = object


def window_settings() -> QSettings:
    """The windows' saved state; opened afresh each time, as the data folder follows SSSM_HOME."""
    return QSettings(str(paths.data_dir() / WINDOWS_FILE), QSettings.Format.IniFormat)


class PreserveGeometry(_WidgetBase):
    """Mixed into a top-level window class before its Qt class: ``class X(PreserveGeometry, QDialog)``.

    The window calls ``restore_geometry()`` once its contents are built (instead of ``resize``)."""

    default_size = QSize(800, 600)

    def geometry_key(self) -> str:
        return f"geometry/{type(self).__name__}"

    def restore_geometry(self) -> None:
        saved = window_settings().value(self.geometry_key())
        if isinstance(saved, QByteArray) and not saved.isEmpty() and self.restoreGeometry(saved):
            return
        self.resize(self.default_size)

    def save_geometry(self) -> None:
        settings = window_settings()
        settings.setValue(self.geometry_key(), self.saveGeometry())
        settings.sync()

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # closed, accepted or sent to the tray; not minimised
            self.save_geometry()
        super().hideEvent(event)


class Dialog(PreserveGeometry, QDialog):
    """A window of the app that is not the main window: non-modal, deleted when closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


class UnsavedChangesGuard(_WidgetBase):
    """Mixed into an editing dialog before its window class: ``class X(UnsavedChangesGuard, Dialog)``.

    Nothing is lost without a word: Esc, Close, Cancel and the title bar's close all reach
    ``reject()`` (QDialog's closeEvent calls it), which asks Save / Discard / Cancel while
    ``is_dirty()``. The window says which changes are unsaved with ``mark_unsaved()``: its title
    gets a mark. The window provides ``is_dirty()``, ``save() -> bool`` and its plain ``title()``."""

    _closing = False  # the person chose: close without asking again
    unsaved_prompt: QMessageBox | None = None

    def is_dirty(self) -> bool:
        return False

    def save(self) -> bool:
        raise NotImplementedError

    def title(self) -> str:
        return self.windowTitle().removesuffix(UNSAVED_MARK)

    def mark_unsaved(self) -> None:
        self.setWindowTitle(self.title() + (UNSAVED_MARK if self.is_dirty() else ""))

    def reject(self) -> None:
        if self._closing or not self.is_dirty():
            super().reject()  # type: ignore[misc]  # QDialog's, after this mixin
            return
        if self.unsaved_prompt is None:
            self.unsaved_prompt = messages.ask_unsaved(
                self,
                self.title(),
                QCoreApplication.translate("UnsavedChangesGuard", "Save the changes before closing?"),
                self._save_and_close,
                self._discard_and_close,
            )
            self.unsaved_prompt.finished.connect(lambda _result: setattr(self, "unsaved_prompt", None))

    def _save_and_close(self) -> None:
        if self.save():  # when it refuses, its messages say why and the window stays
            self._close_now()

    def _discard_and_close(self) -> None:
        self._close_now()

    def _close_now(self) -> None:
        self._closing = True
        if not self.close():  # close(): a window deleted on close is deleted
            self._closing = False


def enable_with_reason(button: QAbstractButton, reason: str) -> None:
    """Enabled without a *reason*; disabled with it as the tooltip, so that it is never unexplained."""
    button.setEnabled(not reason)
    button.setToolTip(reason)


def bring_to_front(widget: QWidget) -> None:
    widget.show()
    if QGuiApplication.platformName() != "offscreen":  # offscreen (tests, screenshots) cannot raise
        widget.raise_()
        widget.activateWindow()
