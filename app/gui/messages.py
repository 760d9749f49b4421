"""Every message box goes through here, so tests patch one place."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_fatal(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Messages", "Cannot start"),
                      text, QMessageBox.StandardButton.Close, parent)
    box.exec()  # the app cannot go on without it; a modal answer is what we want here
