"""A table model over one of the Records page's lists (app.store.records), for any number of rows.

It never holds a table: a change of sort, filter or search asks SQLite for the first ids of the
matching rows in order (``ListReader``), which show at once; the other ids follow a chunk at a
time while the event loop is idle, and the rows grow with them (no separate count: it would cost
the query a second time). Rows are read a page at a time, by id, when the view first needs one of
them, and only the last pages read are kept. Sorting is SQL's (``sort`` is the view's header
click), so it goes through an index whatever the size of the list.

``SqlSortProxy`` lets the shared table set-up (app.gui.widgets.tables.setup_table, which takes a
sort proxy) drive it: it passes every row through and hands sorting to this model.
"""

from __future__ import annotations

import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.gui.models.table_models import ROW_ROLE, display_text
from app.store.record_reader import ListReader
from app.store.records import ListQuery, RecordList

_ROOT = QModelIndex()
PAGE_ROWS = 100  # rows read at a time
CACHED_PAGES = 50  # pages kept (5,000 rows)
FIRST_IDS = 200  # ids read at once: the list shows with them
IDS_PER_STEP = 5_000  # at most this many ids read in one idle step of the event loop afterwards
IDS_FIRST_READ = 100  # ...reads of this many, then twice as many each time,
STEP_BUDGET_S = 0.012  # ...until the step has taken this long (a search that skips most rows is slow)
ID_ROLE = Qt.ItemDataRole.UserRole + 3


_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ANSWERED = frozenset({_DISPLAY, _FOREGROUND, _TOOLTIP, Qt.ItemDataRole.TextAlignmentRole, ROW_ROLE, ID_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class _Shown:
    """One row as the view shows it."""

    row: Any
    texts: tuple[str, ...]
    colours: tuple[QBrush | None, ...]


@dataclass(frozen=True)
class SqlColumn:
    """One column: its title, the list's sort key it sorts by, and how a row shows in it."""

    title: str
    sort: str
    value: Callable[[Any], Any]
    tooltip: Callable[[Any], str] | None = None
    colour: Callable[[Any], QColor | None] | None = None
    align_right: bool = False


class SqlTableModel(QAbstractTableModel):
    """Rows of *records* matching ``query``, shown through *columns*."""

    ids_loaded = Signal()  # every id of the current query has been read
    query_changed = Signal()  # after a new query (sort, filter, search) or a refresh: rows reset

    def __init__(
        self,
        records: RecordList,
        columns: Sequence[SqlColumn],
        parent: QObject | None = None,
        *,
        query: ListQuery | None = None,
    ) -> None:
        super().__init__(parent)
        self.records = records
        self.columns = list(columns)
        self.query = query or ListQuery(sort=records.default_sort)
        self.total = 0
        self.ids: array[int] = array("q")
        self._pages: OrderedDict[int, list[_Shown | None]] = OrderedDict()
        self._reader = ListReader()
        self._started = False
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._read_more)
        self.last_query_ms = 0.0  # how long the last query took to show (count, first ids)
        self.held = False  # True: a sort request only records the order (see ``sort``)

    # --- the query -----------------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        """Show the rows matching *query* (the view goes back to the top)."""
        self.query = query
        self._run()

    def refresh(self) -> None:
        """The same query again: rows added, changed or removed since then show."""
        self._run()

    def ensure_started(self) -> None:
        """Run the query the first time the list is needed (a hidden tab costs nothing)."""
        if not self._started:
            self._run()

    def _run(self) -> None:
        started = time.perf_counter()
        self._more.stop()
        self.beginResetModel()
        self._pages.clear()
        self.ids = self._reader.start(self.records, self.query, FIRST_IDS)
        self.total = len(self.ids)
        self._started = True
        self.endResetModel()
        self.last_query_ms = (time.perf_counter() - started) * 1000
        self.query_changed.emit()
        self._after_read()

    def _after_read(self) -> None:
        if self._reader.done:
            self.ids_loaded.emit()
        else:
            self._more.start()

    def _append(self, ids: array[int]) -> None:
        """More ids in order: the rows grow (the view's scroll bar with them)."""
        if not ids:
            return
        self.beginInsertRows(_ROOT, self.total, self.total + len(ids) - 1)
        self.ids.extend(ids)
        self.total = len(self.ids)
        self.endInsertRows()

    def _read_more(self) -> None:
        """One idle step: ids for a short while, so that scrolling and typing go on meanwhile."""
        deadline = time.perf_counter() + STEP_BUDGET_S
        found: array[int] = array("q")
        count = IDS_FIRST_READ
        while not self._reader.done and len(found) < IDS_PER_STEP:
            found.extend(self._reader.fetch(min(count, IDS_PER_STEP - len(found))))
            if time.perf_counter() >= deadline:
                break
            count *= 2
        self._append(found)
        self._after_read()

    def read_all(self) -> None:
        """Every id at once (finding a record anywhere in the list)."""
        if self._reader.done:
            return
        self._more.stop()
        found: array[int] = array("q")
        while not self._reader.done:
            found.extend(self._reader.fetch(IDS_PER_STEP * 4))
        self._append(found)
        self.ids_loaded.emit()

    @property
    def started(self) -> bool:
        """The query has run at least once."""
        return self._started

    def all_loaded(self) -> bool:
        return self._reader.done

    def sort_key(self, column: int) -> str:
        return self.columns[column].sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        query = replace(self.query, sort=self.columns[column].sort, descending=order == Qt.SortOrder.DescendingOrder)
        if self.held:  # the view is being set up: the first query runs when it is ready
            self.query = query
        elif query != self.query or not self._started:
            self.set_query(query)

    def sort_column(self) -> int:
        return next((i for i, c in enumerate(self.columns) if c.sort == self.query.sort), 0)

    # --- rows ---------------------------------------------------------------------------------

    def row_at(self, row: int) -> Any:
        """The row shown at *row* (read with its page), None when it is gone since."""
        shown = self._shown(row)
        return shown.row if shown is not None else None

    def _shown(self, row: int) -> _Shown | None:
        if not 0 <= row < self.total:
            return None
        page = row // PAGE_ROWS
        rows = self._pages.get(page)
        if rows is None:
            ids = self.ids[page * PAGE_ROWS : (page + 1) * PAGE_ROWS]
            found = self.records.rows(list(ids))
            rows = [self._prepare(found.get(record_id)) for record_id in ids]
            self._pages[page] = rows
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        offset = row - page * PAGE_ROWS
        return rows[offset] if offset < len(rows) else None

    def _prepare(self, row: Any) -> _Shown | None:
        """A row with its cells' texts and colours worked out once (a view asks again at each paint)."""
        if row is None:
            return None
        texts = tuple(display_text(column.value(row)) for column in self.columns)
        colours = tuple(self._brush(column, row) for column in self.columns)
        return _Shown(row, texts, colours)

    @staticmethod
    def _brush(column: SqlColumn, row: Any) -> QBrush | None:
        colour = column.colour(row) if column.colour is not None else None
        return QBrush(colour) if colour is not None else None

    def id_at(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < self.total else None

    def row_of(self, record_id: int) -> int | None:
        """Where the record is shown, None when it is not in the list (reads every id to know)."""
        self.read_all()
        try:
            return self.ids.index(record_id)
        except ValueError:
            return None

    def forget_rows(self) -> None:
        """Read the shown rows again when next needed (their values changed, not their order)."""
        self._pages.clear()
        if self.total:
            self.dataChanged.emit(self.index(0, 0), self.index(self.total - 1, len(self.columns) - 1))

    # --- Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # asked for every role of every cell at each paint: the roles it answers are told apart first
        if role not in _ANSWERED:
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        shown = self._shown(index.row())
        if role == _DISPLAY:
            return shown.texts[index.column()] if shown is not None else "…"
        if shown is None:
            return None
        if role == _FOREGROUND:
            return shown.colours[index.column()]
        if role == ROW_ROLE:
            return shown.row
        column = self.columns[index.column()]
        if role == _TOOLTIP:
            return column.tooltip(shown.row) if column.tooltip is not None else None
        return _RIGHT if column.align_right else None


class SqlSortProxy(QSortFilterProxyModel):
    """Every row of a ``SqlTableModel`` as it is; a sort request goes to the model (SQL)."""

    def source(self) -> SqlTableModel:
        model = self.sourceModel()
        assert isinstance(model, SqlTableModel), "a SqlSortProxy shows a SqlTableModel"
        return model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def row_at(self, proxy_row: int) -> Any:
        return self.source().row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def id_at(self, proxy_row: int) -> int | None:
        return self.source().id_at(self.mapToSource(self.index(proxy_row, 0)).row())
