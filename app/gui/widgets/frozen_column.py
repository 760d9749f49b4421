"""A table whose first column stays in view while the others scroll sideways (after Qt's
"Frozen Column" example): a second view over the table's left edge shows the first column of
the same model, with the same selection, scrolled up and down with the table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenFirstColumn(QObject):
    """Attach to a table once its model is set. ``view`` is the overlay: it takes no keyboard
    focus (the table keeps it), and a right-click on it asks the table for its context menu."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        view = self.view = QTableView(table)
        view.setObjectName(f"{table.objectName()}FrozenColumn")
        view.setAccessibleName(table.accessibleName())
        view.setModel(table.model())
        view.setSelectionModel(table.selectionModel())
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setFrameShape(QTableView.Shape.NoFrame)
        view.setSelectionBehavior(table.selectionBehavior())
        view.setSelectionMode(table.selectionMode())
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(table.alternatingRowColors())
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(table.verticalScrollMode())
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_clicked)
        table.horizontalHeader().sortIndicatorChanged.connect(self._show_sort)
        table.horizontalHeader().sectionResized.connect(self._column_resized)
        view.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(self._show_first_column_only)
        table.viewport().stackUnder(view)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)  # a scroll bar that comes or goes resizes only the viewport
        self._show_first_column_only()
        self._show_sort(table.horizontalHeader().sortIndicatorSection(), table.horizontalHeader().sortIndicatorOrder())
        view.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.table, self.table.viewport()) and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.LayoutRequest,
        ):
            self.update_geometry()
        return False

    def update_geometry(self) -> None:
        table = self.table
        left = table.frameWidth() + (0 if table.verticalHeader().isHidden() else table.verticalHeader().width())
        height = table.viewport().height() + table.horizontalHeader().height()
        self.view.setGeometry(left, table.frameWidth(), table.columnWidth(0), height)
        self.view.setColumnWidth(0, table.columnWidth(0))

    def _show_first_column_only(self, *_args: object) -> None:
        for column in range(self.view.model().columnCount()):
            self.view.setColumnHidden(column, column != 0)
        self.update_geometry()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.update_geometry()

    def _sort_clicked(self, column: int) -> None:
        header = self.table.horizontalHeader()
        same = header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder if same else Qt.SortOrder.AscendingOrder)

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        # only the first column's indicator shows here; another column's is the table's own
        self.view.horizontalHeader().setSortIndicator(column if column == 0 else -1, order)

    def _context_menu(self, position: QPoint) -> None:
        where = self.table.viewport().mapFromGlobal(self.view.viewport().mapToGlobal(position))
        self.table.customContextMenuRequested.emit(where)
