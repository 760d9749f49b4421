"""What every top-level window shares (after Picard's ``PreserveGeometry`` and ``PicardDialog``).

A window remembers its size and position between runs: saved whenever it is hidden (closed,
accepted, sent to the tray), restored when it is built; the first time, it opens at its class's
``default_size``. The geometry is kept with QSettings in an INI file in the app's data folder
(``paths.data_dir()``: under ``SSSM_HOME`` in the tests and the screenshots), one key per class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QHideEvent
from PySide6.QtWidgets import QDialog, QWidget

from app import paths

WINDOWS_FILE = "windows.ini"

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


def bring_to_front(widget: QWidget) -> None:
    widget.show()
    if QGuiApplication.platformName() != "offscreen":  # offscreen (tests, screenshots) cannot raise
        widget.raise_()
        widget.activateWindow()
