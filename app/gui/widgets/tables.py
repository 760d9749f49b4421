"""One way to set up the read-only lists (profiles, mailboxes, alerts, sync history).

Columns start as wide as their contents (up to a limit, so that one long message does not push
the others out of sight) and keep following them until the person resizes one by hand; they can
be resized, moved by dragging their header, and hidden or shown from the header's context menu.

A table given a *name* remembers its columns (widths, order, hidden ones) and its sort between
runs: with QSettings in the windows' file of the data folder (``base.window_settings()``), group
``tables/<name>``. A saved layout is used only while the table has as many columns as when it
was saved; a table whose columns changed starts afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QPoint, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView
from shiboken6 import isValid

from app.gui.windows.base import window_settings

START_WIDTH_CHARACTERS = 40  # a column's starting width is at most about this many characters
SAVE_DELAY_MS = 300  # a drag resizes a column many times: its layout is saved once it settles


def setup_table(
    table: QTableView,
    proxy: QSortFilterProxyModel,
    *,
    sort_column: int = 0,
    single_selection: bool = False,
    alternating_rows: bool = False,
    stretch_last: bool = False,
    stretch_column: int | None = None,
    name: str | None = None,
) -> ColumnLayout:
    """Show *proxy* in *table*: whole rows selected, nothing edited in place, no row numbers,
    sorted by a click on a header and at first by *sort_column*, largest or newest first. Columns
    fit their contents until resized by hand; *stretch_last* or *stretch_column* gives one the
    spare width. With *name*, the columns and the sort are remembered under that name."""
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating_rows)
    table.verticalHeader().hide()
    return ColumnLayout(table, name, stretch_last=stretch_last, stretch_column=stretch_column)


def _ints(value: object) -> set[int]:
    """A saved list of column numbers ("1,3"; QSettings may hand back a list or a single value)."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    return {int(item) for item in items if str(item).strip().isdigit()}


class ColumnLayout(QObject):
    """The columns of one table: their sizing, the header's context menu, and (with a name) their
    saved layout. It lives as long as the table's header (its parent)."""

    def __init__(
        self, table: QTableView, name: str | None, *, stretch_last: bool = False, stretch_column: int | None = None
    ) -> None:
        header = table.horizontalHeader()
        super().__init__(header)
        self.table, self.header, self.name = table, header, name
        self.stretch_column = stretch_column
        self.user_sized: set[int] = set()  # columns resized by hand: no longer fitted to their contents
        self._mouse_on_header = False
        header.setSectionsMovable(True)
        header.setStretchLastSection(stretch_last)
        self._apply_resize_modes()
        self._default_state = header.saveState()
        self._default_sort = (header.sortIndicatorSection(), header.sortIndicatorOrder())

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self.fit_to_contents)

        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        self._header_viewport = header.viewport()
        self._header_viewport.installEventFilter(self)
        table.installEventFilter(self)
        header.sectionResized.connect(self._section_resized)
        if name:
            self.restore()
            header.sectionMoved.connect(self._schedule_save)
            header.sortIndicatorChanged.connect(self._schedule_save)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.flush)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged, model.layoutChanged):
            signal.connect(self._schedule_fit)
        self.fit_to_contents()

    # --- sizing ------------------------------------------------------------------------------

    def _apply_resize_modes(self) -> None:
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if self.stretch_column is not None:
            self.header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)

    def _schedule_fit(self, *_args: object) -> None:
        self._fit_timer.start()  # once, after a refresh's signals (the rows, then their values)

    def start_width_limit(self) -> int:
        return self.table.fontMetrics().averageCharWidth() * START_WIDTH_CHARACTERS

    def fit_to_contents(self) -> None:
        """Each column not resized by hand as wide as its title and contents, up to the limit. A
        table out of sight (another page, another tab) is measured when it is shown."""
        if not self.table.isVisible():
            return
        header, limit = self.header, self.start_width_limit()
        for column in range(header.count()):
            if column in self.user_sized or column == self.stretch_column or header.isSectionHidden(column):
                continue
            title = header.sectionSizeHint(column)
            width = max(title, min(self.table.sizeHintForColumn(column), limit))
            if width != header.sectionSize(column):
                header.resizeSection(column, width)

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if self._mouse_on_header:  # a drag on the header (or a double click on a column's edge)
            self.user_sized.add(column)
            self._schedule_save()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isValid(self.header):  # the table is being destroyed
            return False
        kind = event.type()
        if watched is self._header_viewport:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._mouse_on_header = True
            elif kind == QEvent.Type.MouseButtonRelease:
                QTimer.singleShot(0, self._mouse_released)  # after the header has handled the release
        elif watched is self.table and kind == QEvent.Type.Hide:
            self.flush()  # the window closes or goes to the tray: no layout change is lost
        elif watched is self.table and kind == QEvent.Type.Show:
            self.fit_to_contents()  # before it is painted, with the font and style it is shown with
        elif watched is self.table and kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._schedule_fit()
        return False

    def _mouse_released(self) -> None:
        self._mouse_on_header = False

    # --- the header's context menu -----------------------------------------------------------

    def column_menu(self) -> QMenu:
        """One check box per column, in the order shown, and a way back to the default columns.
        The last column shown cannot be hidden."""
        menu = QMenu(self.header)
        model, header = self.table.model(), self.header
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            action = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(shown != [column])
            action.toggled.connect(lambda on, column=column: self.set_column_shown(column, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Restore default columns"), self.restore_defaults)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.header.viewport().mapToGlobal(position))

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.header.setSectionHidden(column, not shown)
        if shown:
            self.fit_to_contents()
        self._schedule_save()

    def restore_defaults(self) -> None:
        """Every column shown, in its first order, fitted to its contents; the first sort."""
        self.header.restoreState(self._default_state)
        self._apply_resize_modes()
        self.user_sized.clear()
        self.table.sortByColumn(*self._default_sort)
        self.fit_to_contents()
        self._schedule_save()

    # --- the saved layout --------------------------------------------------------------------

    def _key(self, part: str) -> str:
        return f"tables/{self.name}/{part}"

    def restore(self) -> bool:
        """The saved layout, when there is one for this many columns."""
        settings = window_settings()
        state = settings.value(self._key("header"))
        columns = str(settings.value(self._key("columns"), ""))
        if not isinstance(state, QByteArray) or columns != str(self.header.count()):
            return False
        if not self.header.restoreState(state):
            return False
        self._apply_resize_modes()
        self.header.setSectionsMovable(True)
        self.user_sized = {c for c in _ints(settings.value(self._key("resized"))) if c < self.header.count()}
        self.table.sortByColumn(self.header.sortIndicatorSection(), self.header.sortIndicatorOrder())
        return True

    def _schedule_save(self, *_args: object) -> None:
        if self.name:
            self._save_timer.start()

    def flush(self) -> None:
        """Save now what is waiting to be saved."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save()

    def save(self) -> None:
        if not self.name:
            return
        settings = window_settings()
        settings.setValue(self._key("header"), self.header.saveState())
        settings.setValue(self._key("columns"), self.header.count())
        settings.setValue(self._key("resized"), ",".join(str(c) for c in sorted(self.user_sized)))
        settings.sync()
