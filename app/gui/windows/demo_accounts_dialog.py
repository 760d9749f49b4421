"""Demo menu → Demo accounts…: the demo server's accounts and their made-up passwords, copyable.

Only in demo mode. The passwords are the loopback server's own (made up at the demo's first start,
or set with "Change the password of a demo account…"), read from the running server each time the
dialog shows, so a changed password shows here at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.simulator.directory import Account
    from app.simulator.server import LoopbackExchange

EMAIL, NAME, PASSWORD, COPY = range(4)


def demo_accounts(server: LoopbackExchange) -> list[Account]:
    """The server's accounts: the mailbox users first, then service accounts, each by address."""
    return sorted(server.directory.accounts(), key=lambda a: (bool(a.roles), a.email))


class DemoAccountsDialog(QDialog):
    def __init__(self, server: LoopbackExchange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = server
        self.setWindowTitle(self.tr("Demo accounts"))
        layout = QVBoxLayout(self)
        self.note = QLabel(
            self.tr(
                "The accounts of the demo's own Exchange server, the loopback server inside this app. "
                "Their passwords were made up by the demo server: they are not the passwords of any real "
                "account. The demo's mailboxes have them stored already; you need one for a mailbox of "
                "your own, or to correct a password changed from the Demo menu."
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Demo accounts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Email address"), self.tr("Display name"), self.tr("Password"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in (EMAIL, NAME, PASSWORD, COPY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)  # the table fills the dialog's width
        header.setStretchLastSection(False)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.copy_all_button = self.buttons.addButton(self.tr("Copy &all"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_all_button.setToolTip(self.tr("Copy every account as lines of address, name and password"))
        self.copy_all_button.clicked.connect(self.copy_all)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table, self.copy_selected)
        self.setMinimumWidth(640)
        self.refresh()

    def refresh(self) -> None:
        accounts = demo_accounts(self.server)
        self.table.setRowCount(len(accounts))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for row, account in enumerate(accounts):
            self.table.setItem(row, EMAIL, QTableWidgetItem(account.email))
            self.table.setItem(row, NAME, QTableWidgetItem(account.display_name))
            password = QTableWidgetItem(account.password)
            password.setFont(fixed)  # l, I and 1 told apart
            self.table.setItem(row, PASSWORD, password)
            button = self.table.cellWidget(row, COPY)
            if not isinstance(button, QPushButton):  # made once per row: it copies what the row shows
                button = QPushButton(self.tr("Copy"))
                button.clicked.connect(lambda _checked=False, r=row: self.copy_password(r))
                self.table.setCellWidget(row, COPY, button)
            button.setToolTip(self.tr("Copy the password of %1").replace("%1", account.email))
        self.table.resizeRowsToContents()
        self._fit()

    def _fit(self) -> None:
        """Every row and column visible without a scroll bar (there are a handful of accounts)."""
        header = self.table.horizontalHeader()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(header.sizeHint().height() + rows + frame)
        width = sum(
            max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(self.table.columnCount())
        )
        self.table.setMinimumWidth(width + frame)

    def showEvent(self, event) -> None:  # a password changed meanwhile shows at once
        self.refresh()
        super().showEvent(event)

    def rows_text(self, rows: list[int]) -> str:
        """Address, display name and password of each row, tab-separated (pastes into a spreadsheet)."""
        lines = []
        for row in rows:
            items = [self.table.item(row, column) for column in (EMAIL, NAME, PASSWORD)]
            lines.append("\t".join(item.text() if item is not None else "" for item in items))
        return "\n".join(lines)

    def copy_password(self, row: int) -> None:
        item = self.table.item(row, PASSWORD)
        if item is not None:
            self._copy(item.text())

    def copy_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if rows:
            self._copy(self.rows_text(rows))

    def copy_all(self) -> None:
        self._copy(self.rows_text(list(range(self.table.rowCount()))))

    @staticmethod
    def _copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)
