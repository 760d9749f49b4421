"""The log page: the app's rotating log file as a list, filtered by level and searched, following
new lines as they are written (across the handler's rotations), and a button that opens the
log folder for what is older.

The file is read when the page is first shown, then polled while it is visible and "Follow new
lines" is on (``app.log_reader.LogTail``: complete lines only, a rotation followed).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QHideEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from app import paths
from app.gui import messages
from app.gui.forms.ui_logs_page import Ui_LogsPage
from app.gui.workers import WorkerHandle, start_worker
from app.log import LOG_FILE_NAME
from app.log_reader import UNKNOWN_LEVEL, LogRecord, LogTail, parse

MAX_RECORDS = 50_000  # the newest are kept; the file itself holds at most 2 MB
POLL_MS = 500
_ROOT = QModelIndex()
TIME, LEVEL, THREAD, SOURCE, MESSAGE = range(5)
_COLOURS = {logging.WARNING: "#9a6700", logging.ERROR: "#b3261e", logging.CRITICAL: "#b3261e"}


def level_text(level: int) -> str:
    """A log level as the admin reads it."""
    names = {
        logging.DEBUG: QCoreApplication.translate("LogsPage", "Debug"),
        logging.INFO: QCoreApplication.translate("LogsPage", "Information"),
        logging.WARNING: QCoreApplication.translate("LogsPage", "Warning"),
        logging.ERROR: QCoreApplication.translate("LogsPage", "Error"),
        logging.CRITICAL: QCoreApplication.translate("LogsPage", "Critical"),
    }
    return names.get(level, "")


class LogModel(QAbstractTableModel):
    """The records in file order; new ones appended at the end, the oldest dropped past
    MAX_RECORDS."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records: list[LogRecord] = []
        self.folded: list[str] = []  # each record's text, case-folded for the search
        self.titles = [
            QCoreApplication.translate("LogsPage", "Time"),
            QCoreApplication.translate("LogsPage", "Level"),
            QCoreApplication.translate("LogsPage", "Thread"),
            QCoreApplication.translate("LogsPage", "Source"),
            QCoreApplication.translate("LogsPage", "Message"),
        ]

    def replace(self, records: list[LogRecord], folded: list[str]) -> None:
        """All the records at once, with their case-folded texts (made in the worker that read them)."""
        self.beginResetModel()
        self.records, self.folded = records[-MAX_RECORDS:], folded[-MAX_RECORDS:]
        self.endResetModel()

    def append(self, records: list[LogRecord]) -> None:
        if not records:
            return
        records = records[-MAX_RECORDS:]
        excess = len(self.records) + len(records) - MAX_RECORDS
        if excess > 0:
            self.beginRemoveRows(_ROOT, 0, excess - 1)
            del self.records[:excess], self.folded[:excess]
            self.endRemoveRows()
        first = len(self.records)
        self.beginInsertRows(_ROOT, first, first + len(records) - 1)
        self.records += records
        self.folded += [r.text().casefold() for r in records]
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (record.time, level_text(record.level), record.thread, record.source, record.first_line)[
                index.column()
            ]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (LEVEL, MESSAGE):
            colour = _COLOURS.get(record.level)
            return QBrush(QColor(colour)) if colour else None
        return None


def read_whole_log(path: Path, progress: Any = None, cancel: Any = None) -> tuple[LogTail, list[LogRecord], list[str]]:
    """In a worker thread: the file from its top as records (a 2 MB file takes a moment in
    Python), and the tail that goes on from where this read stopped."""
    tail = LogTail(path)
    records = parse(tail.read_lines())[-MAX_RECORDS:]
    return tail, records, [r.text().casefold() for r in records]


class LogFilter(QSortFilterProxyModel):
    """Keeps the records at or above a level that contain every word searched for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lowest_level = UNKNOWN_LEVEL
        self.words: list[str] = []

    def set_filter(self, lowest_level: int, text: str) -> None:
        self.beginFilterChange()
        self.lowest_level, self.words = lowest_level, [w.casefold() for w in text.split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def log_model(self) -> LogModel:
        model = self.sourceModel()
        assert isinstance(model, LogModel), "a LogFilter filters a LogModel"
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.log_model()
        if model.records[source_row].level < self.lowest_level:
            return False
        folded = model.folded[source_row]
        return all(word in folded for word in self.words)

    def record_at(self, row: int) -> LogRecord:
        return self.log_model().records[self.mapToSource(self.index(row, 0)).row()]


class LogsPage(QWidget):
    """The log page of the main window; *log_file* is the app's log unless a test says otherwise."""

    loaded = Signal()  # the whole file is on the page (after the first show, after reload())

    def __init__(self, parent: QWidget | None = None, log_file: Path | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LogsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.log_file = log_file or paths.log_dir(create=False) / LOG_FILE_NAME
        self.tail = LogTail(self.log_file)
        self.model = LogModel(self)
        self.proxy = LogFilter(self)
        self.proxy.setSourceModel(self.model)
        self._loaded = False
        self._loading: WorkerHandle | None = None
        for label, level in (
            (self.tr("All levels"), UNKNOWN_LEVEL),
            (self.tr("Information and above"), logging.INFO),
            (self.tr("Warnings and errors"), logging.WARNING),
            (self.tr("Errors only"), logging.ERROR),
        ):
            ui.levelFilter.addItem(label, level)
        self._set_up_table()
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.fileLabel.setText(
            self.tr("Log file: %1. Older lines are in the numbered files beside it (Open the log folder).").replace(
                "%1", str(self.log_file)
            )
        )
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.read_new_lines)
        ui.levelFilter.currentIndexChanged.connect(self._refilter)
        ui.search.textChanged.connect(self._refilter)
        ui.follow.toggled.connect(self._follow_changed)
        ui.openFolderButton.clicked.connect(self.open_log_folder)

    def _set_up_table(self) -> None:
        table = self.ui.table
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never measured row by row: 50,000 rows
        header.setStretchLastSection(True)
        metrics = table.fontMetrics()
        pad = 3 * metrics.horizontalAdvance("M")
        widths = {
            TIME: metrics.horizontalAdvance("2026-03-02 09:30:00,000"),
            LEVEL: max(metrics.horizontalAdvance(level_text(n)) for n in (10, 20, 30, 40, 50)),
            THREAD: metrics.horizontalAdvance("sync-scheduler"),
            SOURCE: metrics.horizontalAdvance("app.gui.windows.crash_dialog"),
        }
        for column, width in widths.items():
            header_width = metrics.horizontalAdvance(self.model.titles[column])
            header.resizeSection(column, max(width, header_width) + pad)
        table.selectionModel().selectionChanged.connect(self._show_selected)

    # --- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the file from its top again, in a worker; ``loaded`` is emitted when it is shown."""
        if self._loading is not None:
            return
        self._loading = start_worker(read_whole_log, self.log_file, name="log-page")
        self._loading.result.connect(self._show_whole_log)
        self._loading.finished.connect(self._reload_finished)

    def _show_whole_log(self, loaded: tuple[LogTail, list[LogRecord], list[str]]) -> None:
        self.tail, records, folded = loaded
        self.model.replace(records, folded)
        self._loaded = True
        self._scroll_to_newest()
        self._show_selected()

    def _reload_finished(self) -> None:
        self._loading = None
        self.read_new_lines()  # what came while the worker read
        self.loaded.emit()

    def is_loaded(self) -> bool:
        return self._loaded and self._loading is None

    def read_new_lines(self) -> int:
        """Add what was written since the last read; returns how many records came."""
        if self._loading is not None:
            return 0
        if not self._loaded:
            self.reload()
            return 0
        previous = self.model.records[-1] if self.model.records else None
        records = parse(self.tail.read_lines(), previous)
        self.model.append(records)
        if records:
            self._scroll_to_newest()
        return len(records)

    def _scroll_to_newest(self) -> None:
        if self.ui.follow.isChecked():
            self.ui.table.scrollToBottom()

    # --- filtering and showing --------------------------------------------------------------

    def _refilter(self, *_args: object) -> None:
        self.proxy.set_filter(self.ui.levelFilter.currentData(), self.ui.search.text())
        self._show_selected()

    def visible_records(self) -> list[LogRecord]:
        return [self.proxy.record_at(row) for row in range(self.proxy.rowCount())]

    def _show_selected(self, *_args: object) -> None:
        rows = self.ui.table.selectionModel().selectedRows()
        self.ui.details.setPlainText(self.proxy.record_at(rows[0].row()).text() if rows else "")

    def _follow_changed(self, on: bool) -> None:
        if on and self.isVisible():
            self.read_new_lines()
            self.timer.start()
        else:
            self.timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.read_new_lines()  # the first time: the whole file
        if self.ui.follow.isChecked():
            self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # --- the folder -------------------------------------------------------------------------

    def open_log_folder(self) -> None:
        folder = self.log_file.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            messages.show_error(
                self,
                self.tr("Open the log folder"),
                self.tr("The log folder could not be opened. It is %1").replace("%1", str(folder)),
            )
