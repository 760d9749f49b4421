"""Importing users and queues from a CSV file: a preview of every line, each bad line with its line
number and what is wrong, and Import only when no line is: the file is imported in one
transaction, or not at all."""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from app.domain.enums import OwnerKind
from app.domain.owners import CsvOwnerFile, decode_csv, parse_owner_csv
from app.domain.validation import ValidationError
from app.gui.forms.ui_csv_import_dialog import Ui_CsvImportDialog
from app.gui.i18n import enum_text, translate
from app.gui.windows.base import Dialog
from app.store import owners

LINE, KIND, NAME, EMAIL, DELETE, PROBLEM = range(6)
MAX_FILE_BYTES = 5 * 1024 * 1024  # thousands of lines; anything larger is not a list of users
ERROR_STYLE = "color: #b3261e;"
BAD_LINE = QColor("#fde7e9")


class CsvImportDialog(Dialog):
    default_size = QSize(860, 560)

    imported = Signal(int)  # how many users and queues were created

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CsvImportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.parsed: CsvOwnerFile | None = None
        self._file_dialog: QFileDialog | None = None
        ui.columnsHelp.setText(self.columns_help())
        table = ui.preview
        table.setColumnCount(6)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("Email address"),
                self.tr("Delete emails after processing"),
                self.tr("Problem"),
            ]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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

    def load_file(self, path: str) -> None:
        """Read and check *path*; the preview shows every line, bad ones first in what they say."""
        self.ui.fileName.setText(os.path.basename(path))
        self.ui.fileName.setToolTip(path)
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self._show(None, self.tr("The file could not be read: %1").replace("%1", exc.strerror or str(exc)))
            return
        if len(data) > MAX_FILE_BYTES:
            self._show(None, self.tr("The file is larger than 5 MB: is it really a list of users and queues?"))
            return
        self._show(parse_owner_csv(decode_csv(data), owners.taken_addresses()))

    def _show(self, parsed: CsvOwnerFile | None, problem: str = "") -> None:
        self.parsed = parsed
        table = self.ui.preview
        lines = parsed.lines if parsed is not None else ()
        table.setRowCount(len(lines))
        kinds = {OwnerKind.USER: enum_text(OwnerKind.USER), OwnerKind.QUEUE: enum_text(OwnerKind.QUEUE)}
        yes, no = self.tr("Yes"), self.tr("No")
        for row, line in enumerate(lines):
            s = line.settings
            kind_text = kinds[s.kind] if not any(i.field == "kind" for i in line.issues) else ""
            values = [
                str(line.line),
                kind_text,
                s.name,
                s.email,
                (yes if s.delete_after_processing else no) if s.kind is OwnerKind.QUEUE else "",
                "\n".join(issue.message(translate) for issue in line.issues),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not line.ok:
                    item.setBackground(QBrush(BAD_LINE))
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        ok = parsed is not None and parsed.ok
        self.ui.importButton.setEnabled(ok)
        if problem or parsed is None:
            self._say(problem, error=True)
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
