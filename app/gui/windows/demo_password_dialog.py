"""Demo menu → Change the password of a demo account…: on the demo's loopback server only.

As when an administrator changes a password in Active Directory: the app's mailbox keeps the
password it has stored, which is now wrong, so its next Test & Enable or sync fails with
Unauthorized, a real wrong-password case. Demo accounts… shows the new password.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.windows.demo_accounts_dialog import demo_accounts

if TYPE_CHECKING:
    from app.simulator.server import LoopbackExchange

ERROR_STYLE = "color: #b3261e;"  # as under the fields of the Designer forms


class DemoPasswordDialog(QDialog):
    password_changed = Signal(str)  # the account's address

    def __init__(self, server: LoopbackExchange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = server
        self.setWindowTitle(self.tr("Change the password of a demo account"))
        layout = QVBoxLayout(self)
        self.note = QLabel(
            self.tr(
                "The password changes on the demo's Exchange server only, as when an administrator "
                "changes it in Active Directory. The mailbox in this app keeps the password it has "
                "stored, which is then wrong: its next Test & Enable or synchronization fails with "
                "Unauthorized. To correct it, type the new password on the mailbox's Credentials tab."
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        form = QFormLayout()
        self.account = QComboBox(self)
        for account in demo_accounts(server):
            self.account.addItem(f"{account.display_name} <{account.email}>", account.email)
        form.addRow(self.tr("&Demo account:"), self.account)
        row = QHBoxLayout()
        self.password = QLineEdit(self)  # a made-up demo password: shown, so that it can be read back
        self.password.setPlaceholderText(self.tr("The new password"))
        self.password.textEdited.connect(lambda _text: self.show_error(""))
        self.make_up_button = QPushButton(self.tr("Make one &up"), self)
        self.make_up_button.clicked.connect(self.make_up)
        row.addWidget(self.password, 1)
        row.addWidget(self.make_up_button)
        self.password_label = QLabel(self.tr("&New password:"), self)
        self.password_label.setBuddy(self.password)
        form.addRow(self.password_label, row)
        self.password_error = QLabel(self)
        self.password_error.setStyleSheet(ERROR_STYLE)
        self.password_error.setWordWrap(True)
        self.password_error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow("", self.password_error)
        self.form = form
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Cancel"))
        self.change_button = self.buttons.addButton(self.tr("Change &password"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.change_button.setDefault(True)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.show_error("")
        self.setMinimumWidth(520)

    def select(self, email: str) -> None:
        index = self.account.findData(email.lower())
        if index >= 0:
            self.account.setCurrentIndex(index)

    def make_up(self) -> None:
        self.password.setText(secrets.token_urlsafe(9))
        self.show_error("")

    def show_error(self, text: str) -> None:
        self.password_error.setText(text)
        self.form.setRowVisible(self.password_error, bool(text))

    def change(self) -> None:
        from app import demo

        email = self.account.currentData()
        password = self.password.text()
        if not password.strip():
            self.show_error(self.tr("Enter the new password: an empty password is not allowed."))
            self.password.setFocus()
            return
        if email is None:
            return
        demo.change_password(self.server, email, password)
        self.password_changed.emit(email)
        self.accept()
