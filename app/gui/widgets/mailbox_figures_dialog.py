"""The mailboxes behind one bar or point of a dashboard chart: each with its number (items,
failures, its longest cycle) in that hour; a double-click or Open opens the mailbox."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from app.gui.i18n import translate
from app.gui.models.table_models import Column, RowTableModel, SearchProxy
from app.gui.widgets.tables import setup_table
from app.store.dashboard import MailboxFigure


def _value_title(measure: str) -> str:
    if measure.startswith("items_"):
        return translate("Lists", "Items")
    if measure == "duration":
        return translate("Lists", "Longest cycle (s)")
    return translate("Lists", "Failed cycles")


def _value(measure: str, figure: MailboxFigure) -> float | int:
    return round(figure.value / 1000, 2) if measure == "duration" else int(figure.value)


class MailboxFiguresDialog(QDialog):
    open_mailbox = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mailboxes behind the figure"))
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Mailboxes"))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Open mailbox"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_selected)
        layout.addWidget(buttons)
        self.model = RowTableModel([], self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        setup_table(self.table, self.proxy, sort_column=2, single_selection=True, stretch_last=True)
        self.table.doubleClicked.connect(lambda _index: self._open_selected())

    def show_figures(self, title: str, hour: datetime, measure: str, figures: list[MailboxFigure]) -> None:
        start = hour.astimezone()
        self.heading.setText(
            self.tr("%1, %2–%3: %4 mailbox(es)")
            .replace("%1", title)
            .replace("%2", f"{start:%m/%d %H:%M}")
            .replace("%3", f"{start + timedelta(hours=1):%H:%M}")
            .replace("%4", str(len(figures)))
        )
        self.model.beginResetModel()
        self.model.columns = [
            Column(translate("Lists", "Mailbox"), lambda r: r.name),
            Column(translate("Lists", "Email address"), lambda r: r.email),
            Column(_value_title(measure), lambda r: _value(measure, r)),
        ]
        self.model.rows = list(figures)
        self.model.endResetModel()
        self.table.sortByColumn(2, self.table.horizontalHeader().sortIndicatorOrder())
        if figures:
            self.table.selectRow(0)

    def mailbox_ids(self) -> list[int]:
        return [self.proxy.row_at(i).mailbox_id for i in range(self.proxy.rowCount())]

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_mailbox.emit(self.proxy.row_at(rows[0].row()).mailbox_id)
