"""The results of a Test & Enable of several mailboxes (a profile's, or a selection's): one row per
mailbox with its status and the problem that stopped it, each opening its report.

The report dialogs it opens pass their actions on (open a mailbox tab, the profile, test again),
so whoever opened the results wires them once, as for a single report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import RunStatus
from app.domain.i18n import failure_text, step_message, step_title
from app.gui.i18n import enum_text, translate
from app.gui.icons import state_for_status, status_icon
from app.gui.windows.base import Dialog
from app.gui.windows.report_dialog import STATUS_COLOURS, ReportDialog
from app.store.models import Mailbox

MAILBOX, EMAIL, STATUS, PROBLEM, REPORT = range(5)
_ORDER = {RunStatus.FAILURE: 0, RunStatus.WARNING: 1, RunStatus.NOT_RUN: 2, RunStatus.SUCCESS: 3}


def problem_text(report: Any) -> str:
    """The first failed step of *report* and what went wrong there, in a line ("" when none failed)."""
    for step in report.steps:
        if step.status is RunStatus.FAILURE:
            failure = getattr(step, "failure", None)
            problem = failure_text(failure, translate) if failure is not None else step_message(step, translate)
            return f"{step_title(step, translate)}: {problem.splitlines()[0] if problem else ''}"
    return ""


class DiagnosticResultsDialog(Dialog):
    """*reports*: DiagnosticReport-shaped objects, one per mailbox; *subject*: what was tested (a
    profile's name, "3 selected mailboxes")."""

    default_size = QSize(900, 420)

    open_mailbox_tab = Signal(int, str)  # passed on from the reports: mailbox id, tab
    open_profile = Signal(int)
    test_again = Signal(int)

    def __init__(self, reports: Sequence[Any], subject: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        ids = [r.mailbox_id for r in reports]
        # one query for every name: this opens on the GUI thread as a profile's test ends
        names = Mailbox.select(Mailbox.id, Mailbox.name).where(Mailbox.id.in_(ids)).tuples()
        self.names: dict[int, str] = dict(cast("Iterable[tuple[int, str]]", names))
        self.reports = sorted(reports, key=lambda r: (_ORDER.get(r.status, 2), self._name(r).casefold()))
        self.setWindowTitle(self.tr("Results of Test & Enable mailboxes: %1").replace("%1", subject))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary_text(), self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(self.reports), 5, self)
        self.table.setAccessibleName(self.tr("Tested mailboxes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mailbox"), self.tr("Email address"), self.tr("Status"), self.tr("Problem"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view_buttons: list[QPushButton] = []
        for row, report in enumerate(self.reports):
            self._fill_row(row, report)
        self.table.doubleClicked.connect(lambda index: self.view_report(index.row()))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.restore_geometry()

    def _name(self, report: Any) -> str:
        return self.names.get(report.mailbox_id) or str(report.mailbox_id)

    def _summary_text(self) -> str:
        passed = sum(1 for r in self.reports if r.status is RunStatus.SUCCESS)
        failed = [self._name(r) for r in self.reports if r.status is RunStatus.FAILURE]
        text = (
            self.tr("%1 of %2 mailboxes passed and are enabled. Failed: %3. Open a report to see what to do.")
            if failed
            else self.tr("%1 of %2 mailboxes passed and are enabled.")
        )
        return (
            text.replace("%1", str(passed))
            .replace("%2", str(len(self.reports)))
            .replace("%3", self.tr(", ").join(failed))
        )

    def _fill_row(self, row: int, report: Any) -> None:
        name = self._name(report)
        self.table.setItem(row, MAILBOX, QTableWidgetItem(name))
        self.table.setItem(row, EMAIL, QTableWidgetItem(getattr(report, "email", "")))
        status = QTableWidgetItem(status_icon(state_for_status(report.status)), enum_text(report.status))
        colour = STATUS_COLOURS.get(report.status)
        if colour:
            status.setForeground(QBrush(QColor(colour)))
        self.table.setItem(row, STATUS, status)
        problem = problem_text(report)
        problem_item = QTableWidgetItem(problem)
        problem_item.setToolTip(problem)
        self.table.setItem(row, PROBLEM, problem_item)
        button = QPushButton(self.tr("&View report"), self.table)
        button.setAccessibleName(self.tr("View the report of %1").replace("%1", name))
        button.clicked.connect(lambda _checked=False, row=row: self.view_report(row))
        self.table.setCellWidget(row, REPORT, button)
        self.view_buttons.append(button)

    def view_report(self, row: int) -> ReportDialog:
        report = self.reports[row]
        dialog = ReportDialog(report, self._name(report), self)
        dialog.open_mailbox_tab.connect(self.open_mailbox_tab)
        dialog.open_profile.connect(self.open_profile)
        dialog.test_again.connect(self.test_again)
        dialog.show()
        return dialog
