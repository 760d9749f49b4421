"""The Test & Enable report: the engine's steps, each expandable to its redacted transcript."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeWidgetItem, QWidget

from app.diagnostics.report_text import duration_text, report_text
from app.domain.enums import RunStatus
from app.domain.i18n import next_step_text, step_message, step_title
from app.gui import messages
from app.gui.forms.ui_report_dialog import Ui_ReportDialog
from app.gui.i18n import enum_text, format_time, translate
from app.gui.windows.base import Dialog

_COLOURS = {RunStatus.SUCCESS: "#1b7f3b", RunStatus.FAILURE: "#b3261e", RunStatus.WARNING: "#9a6700"}


def _wrapped(text: str) -> str:
    """Lines short enough for the dialog; Japanese has no spaces, so count wide characters twice."""
    import textwrap

    wide = sum(1 for c in text if ord(c) > 0x2E80) > len(text) // 3
    return "\n".join(textwrap.wrap(text, width=60 if wide else 110, break_long_words=True, break_on_hyphens=False))


class ReportDialog(Dialog):
    """Shows one DiagnosticReport-shaped object (status, steps, started_on, finished_on)."""

    default_size = QSize(900, 560)

    def __init__(self, report: Any, mailbox_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        self.report, self.mailbox_name = report, mailbox_name
        self.setWindowTitle(self.tr("Test report: %1").replace("%1", mailbox_name or str(report.mailbox_id)))
        self.ui.summary.setText(
            self.tr("Result: %1 · started %2 · finished %3")
            .replace("%1", enum_text(report.status))
            .replace("%2", format_time(report.started_on))
            .replace("%3", format_time(report.finished_on))
        )
        tree = self.ui.steps
        tree.setUniformRowHeights(False)  # multi-line rows: the next step and the transcript
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for number, step in enumerate(report.steps, 1):
            message = step_message(step, translate)
            item = QTreeWidgetItem(
                [
                    f"{number}. {step_title(step, translate)}",
                    enum_text(step.status),
                    duration_text(step.duration_ms),
                    message,
                ]
            )
            colour = _COLOURS.get(step.status)
            if colour:
                item.setForeground(1, QBrush(QColor(colour)))
            item.setToolTip(3, message)
            failure = getattr(step, "failure", None)
            if failure is not None and failure.next_step:
                advice_text = self.tr("Next step: %1").replace("%1", next_step_text(failure.next_step, translate))
                advice = QTreeWidgetItem([_wrapped(advice_text)])  # a sentence or two: never cut off
                advice.setToolTip(0, advice_text)
                advice.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                advice.setForeground(0, QBrush(QColor("#1a5fb4")))
                item.addChild(advice)
            if step.details:
                child = QTreeWidgetItem([step.details])
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.addChild(child)
            tree.addTopLevelItem(item)
            for index in range(item.childCount()):
                added = item.child(index)
                assert added is not None  # index < childCount()
                added.setFirstColumnSpanned(True)
            if step.status is RunStatus.FAILURE:
                item.setExpanded(True)  # the failing step's transcript is what the admin needs
        self.ui.copyButton.clicked.connect(self.copy_to_clipboard)
        self.ui.saveButton.clicked.connect(self.save_as_text)
        self.ui.expandButton.clicked.connect(tree.expandAll)
        self.ui.closeButton.clicked.connect(self.close)
        self.restore_geometry()
        self._save_dialog: QFileDialog | None = None

    def text(self) -> str:
        return report_text(self.report, self.mailbox_name, translate)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def save_as_text(self) -> None:
        self._save_dialog = messages.open_save_dialog(
            self, self.tr("Save test report"), self.tr("Text files (*.txt)"), "txt", "test-report.txt", self.write_text
        )

    def write_text(self, path: str) -> None:
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.text())
        except OSError as exc:
            messages.show_error(self, self.tr("Save test report"), self.tr("Could not write the file."), str(exc))
