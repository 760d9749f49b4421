"""Importing users and queues from a CSV file: a preview of every line, each bad line with its line
number and what is wrong, and Import only when no line is: the file is imported in one
transaction, or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QWidget

from app.domain.cancel import CancelToken
from app.domain.enums import OwnerKind
from app.domain.owners import CsvOwnerFile, CsvOwnerLine, decode_csv, parse_owner_csv
from app.domain.validation import ValidationError
from app.gui.forms.ui_csv_import_dialog import Ui_CsvImportDialog
from app.gui.i18n import enum_text, translate
from app.gui.windows.base import Dialog
from app.gui.workers import WorkerHandle, start_worker
from app.store import owners

MAX_FILE_BYTES = 2 * 1024 * 1024  # some 40,000 lines; anything larger is not a list of users
FITTED_ROWS = 50  # the first lines, whose texts set the columns' widths and the rows' heights
ERROR_STYLE = "color: #b3261e;"
BAD_LINE = QColor("#fde7e9")
_ROOT = QModelIndex()


@dataclass(frozen=True)
class CsvCheck:
    """A file read and checked: its lines, or why it could not be read."""

    parsed: CsvOwnerFile | None
    read_error: str = ""
    too_large: bool = False


def check_csv_file(path: str, *, progress: Any = None, cancel: CancelToken | None = None) -> CsvCheck:
    """Read, decode and check *path* against the addresses already taken (a worker runs it: a
    long file takes a moment)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return CsvCheck(None, read_error=exc.strerror or str(exc))
    if len(data) > MAX_FILE_BYTES:
        return CsvCheck(None, too_large=True)
    return CsvCheck(parse_owner_csv(decode_csv(data), owners.taken_addresses()))


class CsvLinesModel(QAbstractTableModel):
    """The lines of the file; a bad line on a light red background, its problems in the last column."""

    def __init__(self, titles: Sequence[str], values: Callable[[CsvOwnerLine], list[str]], parent: QObject) -> None:
        super().__init__(parent)
        self.titles, self.values = list(titles), values
        self.lines: tuple[CsvOwnerLine, ...] = ()
        self._shown: dict[int, list[str]] = {}  # a row's texts, made when the view first asks

    def set_lines(self, lines: tuple[CsvOwnerLine, ...]) -> None:
        self.beginResetModel()
        self.lines, self._shown = lines, {}
        self.endResetModel()

    def add_lines(self, lines: tuple[CsvOwnerLine, ...]) -> None:
        if lines:
            self.beginInsertRows(_ROOT, len(self.lines), len(self.lines) + len(lines) - 1)
            self.lines += lines
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = self._shown.get(index.row())
            if texts is None:
                texts = self._shown[index.row()] = self.values(line)
            return texts[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and not line.ok:
            return QBrush(BAD_LINE)
        return None

    def text(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")


class CsvImportDialog(Dialog):
    default_size = QSize(860, 560)

    imported = Signal(int)  # how many users and queues were created

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CsvImportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.parsed: CsvOwnerFile | None = None
        self.handle: WorkerHandle | None = None
        self._checking = False
        self._file_dialog: QFileDialog | None = None
        ui.columnsHelp.setText(self.columns_help())
        titles = [
            self.tr("Line"),
            self.tr("Kind"),
            self.tr("Name"),
            self.tr("Email address"),
            self.tr("Delete emails after processing"),
            self.tr("Problem"),
        ]
        self.model = CsvLinesModel(titles, self._values, self)
        table = ui.preview
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fitted once per file (show_check)
        header.setStretchLastSection(True)
        ui.chooseButton.clicked.connect(self.choose_file)
        ui.importButton.clicked.connect(self.import_file)
        ui.cancelButton.clicked.connect(self.reject)
        ui.importButton.setEnabled(False)
        self.restore_geometry()

    def columns_help(self) -> str:
        return (
            self.tr(
                "Each line of the file is a user or a queue. Its first line names the columns: "
                "<b>kind</b> (user or queue), <b>name</b>, <b>email</b> (the primary email address) and, "
                "if you like, <b>delete_after_processing</b> (yes or no; queues only). Save it from Excel as "
                "CSV UTF-8. Each one gets a mailbox with the default email server profile. A file with a bad "
                "line is rejected whole: nothing is saved until it is corrected."
            )
            + "<br>"
            + self.tr("For example:")
            + (
                "<pre>kind,name,email,delete_after_processing\n"
                "user,Carol Chen,carol@contoso.com,\n"
                "queue,Billing,billing@contoso.com,yes</pre>"
            )
        )

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a CSV file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("CSV files (*.csv);;All files (*)"))
        dialog.fileSelected.connect(self.load_file)
        dialog.open()
        self._file_dialog = dialog

    def checking(self) -> bool:
        return self._checking

    def load_file(self, path: str) -> None:
        """Read and check *path* in a worker; the preview then shows every line, each bad one with
        its problems."""
        self.ui.fileName.setText(os.path.basename(path))
        self.ui.fileName.setToolTip(path)
        self.ui.importButton.setEnabled(False)
        self.ui.chooseButton.setEnabled(False)
        self._checking = True
        self._say(self.tr("Checking the file…"))
        self.handle = start_worker(check_csv_file, path, name="csv-check")
        self.handle.result.connect(self.show_check)
        self.handle.finished.connect(self._check_ended)

    def _check_ended(self) -> None:
        self._checking = False
        self.ui.chooseButton.setEnabled(True)

    def _values(self, line: CsvOwnerLine) -> list[str]:
        s = line.settings
        delete = ""
        if s.kind is OwnerKind.QUEUE:
            delete = self.tr("Yes") if s.delete_after_processing else self.tr("No")
        return [
            str(line.line),
            enum_text(s.kind) if not any(i.field == "kind" for i in line.issues) else "",
            s.name,
            s.email,
            delete,
            "\n".join(issue.message(translate) for issue in line.issues),
        ]

    def show_check(self, check: CsvCheck) -> None:
        self._checking = False
        self.ui.chooseButton.setEnabled(True)
        parsed = self.parsed = check.parsed
        lines = parsed.lines if parsed is not None else ()
        # columns and rows fitted to the first lines only: measuring 40,000 would hold the window
        self.model.set_lines(lines[:FITTED_ROWS])
        self.ui.preview.resizeColumnsToContents()
        self.ui.preview.resizeRowsToContents()
        self.model.add_lines(lines[FITTED_ROWS:])
        ok = parsed is not None and parsed.ok
        self.ui.importButton.setEnabled(ok)
        if check.read_error:
            self._say(self.tr("The file could not be read: %1").replace("%1", check.read_error), error=True)
        elif check.too_large:
            self._say(self.tr("The file is larger than 2 MB: is it really a list of users and queues?"), error=True)
        elif parsed is None:
            return
        elif parsed.file_issues:
            self._say("\n".join(issue.message(translate) for issue in parsed.file_issues), error=True)
        elif not ok:
            bad = parsed.bad_lines()
            self._say(
                self.tr(
                    "%1 of %2 lines have a problem (shown in the last column). The file is rejected: "
                    "nothing is saved. Correct those lines, then choose the file again."
                )
                .replace("%1", str(len(bad)))
                .replace("%2", str(len(lines))),
                error=True,
            )
        else:
            users = sum(1 for line in lines if line.settings.kind is OwnerKind.USER)
            self._say(
                self.tr("Ready to import %1 users and %2 queues, each with a mailbox.")
                .replace("%1", str(users))
                .replace("%2", str(len(lines) - users))
            )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.ui.status.setText(text)
        self.ui.status.setStyleSheet(ERROR_STYLE if error else "")

    def import_file(self) -> None:
        if self.parsed is None or not self.parsed.ok:
            return
        try:
            created = owners.create_owners([line.settings for line in self.parsed.lines])
        except ValidationError as exc:  # the store changed since the file was checked
            self._say(
                self.tr("Nothing was imported: %1").replace(
                    "%1", "\n".join(issue.message(translate) for issue in exc.issues)
                ),
                error=True,
            )
            self.ui.importButton.setEnabled(False)
            return
        self.imported.emit(len(created))
        self.accept()

    def done(self, result: int) -> None:
        if self.handle is not None and self.handle.is_running():
            self.handle.result.disconnect(self.show_check)
            self.handle.finished.disconnect(self._check_ended)
        super().done(result)
