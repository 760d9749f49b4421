"""Item models of the lists: one generic table model over frozen rows, and the sort/search proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from app.domain.enums import AlertLevel, LabeledEnum, RunStatus
from app.gui.i18n import enum_text, format_time

_ROOT = QModelIndex()  # the invalid index: a table's rows hang under it

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_STATUS_COLOURS = {
    RunStatus.SUCCESS: QColor("#1b7f3b"),
    RunStatus.FAILURE: QColor("#b3261e"),
    RunStatus.WARNING: QColor("#9a6700"),
    AlertLevel.ERROR: QColor("#b3261e"),
    AlertLevel.WARNING: QColor("#9a6700"),
}


@dataclass(frozen=True)
class Column:
    """One column: its (translated) title and how to get the value from a row; optionally a
    tooltip, an icon beside the text, and a sort key of its own (a string or a number, which the
    proxy compares without calling back into Python)."""

    title: str
    value: Callable[[Any], Any]
    tooltip: Callable[[Any], str] | None = None
    icon: Callable[[Any], QIcon | None] | None = None
    sort: Callable[[Any], str | int | float] | None = None
    # a colour (e.g. "#6b6b6b") that replaces the status colour of a row's value; None keeps it
    foreground: Callable[[Any], str | None] | None = None


def display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, LabeledEnum):
        return enum_text(value)
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, bool):
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Lists", "Yes") if value else QCoreApplication.translate("Lists", "No")
    return str(value)


def sort_key(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, AlertLevel):
        return value.severity
    if isinstance(value, LabeledEnum):
        return enum_text(value).casefold()
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, (int, float)):
        return value
    return str(value).casefold()


class RowTableModel(QAbstractTableModel):
    """Rows (frozen dataclasses) shown through columns; replaced all at once on refresh."""

    def __init__(
        self, columns: Sequence[Column], parent: QObject | None = None, *, bold_if: Callable[[Any], bool] | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._bold_if = bold_if

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        same = [getattr(r, "id", None) for r in rows] == [getattr(r, "id", None) for r in self.rows]
        if rows and same and getattr(rows[0], "id", None) is not None:
            # the same records with new values (refreshes after sync cycles, every second while
            # syncing): update in place so the selection and scroll position stay
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column.value(row))
        if role == SORT_ROLE:
            return column.sort(row) if column.sort is not None else sort_key(column.value(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            own = column.foreground(row) if column.foreground is not None else None
            if own is not None:
                return QBrush(QColor(own))
            colour = _STATUS_COLOURS.get(column.value(row)) if isinstance(column.value(row), LabeledEnum) else None
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole and self._bold_if is not None and self._bold_if(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row]


class SearchProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key and keeps rows where any column contains every search word;
    ``accept_row`` narrows further (e.g. the alert level filter)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self.accept_row: Callable[[Any], bool] | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = [w.casefold() for w in text.split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def row_model(self) -> RowTableModel:
        model = self.sourceModel()
        assert isinstance(model, RowTableModel), "a SearchProxy sorts and filters a RowTableModel"
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.row_model()
        row = model.row_at(source_row)
        if self.accept_row is not None and not self.accept_row(row):
            return False
        if not self._words:
            return True
        text = " ".join(display_text(c.value(row)) for c in model.columns).casefold()
        return all(word in text for word in self._words)

    def row_at(self, proxy_row: int) -> Any:
        source = self.mapToSource(self.index(proxy_row, 0))
        return self.row_model().row_at(source.row())
