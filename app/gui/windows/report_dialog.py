"""The Test & Enable report: a summary that leads to an action (the result, the failed step, the
next step and the buttons that go there), then the engine's steps with their redacted transcripts
folded under "Technical details"."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHeaderView, QSizePolicy, QTreeWidgetItem, QWidget

from app.diagnostics.report_text import duration_text, report_text
from app.domain.enums import RunStatus
from app.domain.i18n import QT_TRANSLATE_NOOP, failure_text, next_step_text, step_message, step_title
from app.domain.remedy import Place, place_to_fix
from app.gui import messages
from app.gui.forms.ui_report_dialog import Ui_ReportDialog
from app.gui.i18n import enum_text, format_time, translate
from app.gui.icons import state_for_status, status_icon
from app.gui.windows.base import Dialog
from app.store.health import credential_source_of
from app.store.models import Mailbox

STATUS_COLOURS = {RunStatus.SUCCESS: "#1b7f3b", RunStatus.FAILURE: "#b3261e", RunStatus.WARNING: "#9a6700"}

# what the button that goes to a place says (context "ReportDialog")
PLACE_BUTTONS = {
    Place.MAILBOX_GENERAL: QT_TRANSLATE_NOOP("ReportDialog", "&Open the General tab"),
    Place.MAILBOX_SYNC: QT_TRANSLATE_NOOP("ReportDialog", "&Open the Synchronization method tab"),
    Place.MAILBOX_CREDENTIALS: QT_TRANSLATE_NOOP("ReportDialog", "&Open the Credentials tab"),
    Place.MAILBOX_RESULTS: QT_TRANSLATE_NOOP("ReportDialog", "&Open the Configuration test results tab"),
    Place.PROFILE: QT_TRANSLATE_NOOP("ReportDialog", "&Open the profile"),
}
NOTHING_TESTED_NEXT_STEP = QT_TRANSLATE_NOOP(
    "ReportDialog",
    "Set incoming email, outgoing email or appointments, contacts and tasks to server-side synchronization "
    "on the mailbox's Synchronization method tab, then test again.",
)


class ReportDialog(Dialog):
    """Shows one DiagnosticReport-shaped object (mailbox_id, status, steps, workloads, started_on,
    finished_on). The buttons only ask: whoever opened the report does what the signals say."""

    default_size = QSize(860, 320)

    open_mailbox_tab = Signal(int, str)  # mailbox id, the mailbox editor's tab (app.domain.remedy.Place)
    open_profile = Signal(int)  # profile id
    test_again = Signal(int)  # mailbox id

    def __init__(self, report: Any, mailbox_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        self.report, self.mailbox_name = report, mailbox_name
        self.mailbox = Mailbox.get_or_none(Mailbox.id == report.mailbox_id)
        self.setWindowTitle(self.tr("Test report: %1").replace("%1", mailbox_name or str(report.mailbox_id)))
        self.place: Place | None = None
        self._show_summary()
        self._fill_steps()
        ui = self.ui
        ui.fixButton.clicked.connect(self.go_to_place)
        ui.testAgainButton.clicked.connect(self._test_again)
        ui.detailsToggle.toggled.connect(self.show_details)
        self.show_details(False)  # the transcripts are for support: folded until asked for
        ui.copyButton.clicked.connect(self.copy_to_clipboard)
        ui.saveButton.clicked.connect(self.save_as_text)
        ui.expandButton.clicked.connect(ui.steps.expandAll)
        ui.closeButton.clicked.connect(self.close)
        self.restore_geometry()
        self._save_dialog: QFileDialog | None = None

    # --- the summary ------------------------------------------------------------------------

    def failed_steps(self) -> list[Any]:
        return [s for s in self.report.steps if s.status is RunStatus.FAILURE]

    def _show_summary(self) -> None:
        ui, report = self.ui, self.report
        status = report.status
        icon = status_icon(state_for_status(status))
        ui.resultIcon.setPixmap(icon.pixmap(QSize(20, 20)))
        colour = STATUS_COLOURS.get(status, "palette(text)")
        ui.result.setTextFormat(Qt.TextFormat.RichText)
        word = f'<b style="color:{colour}">{html.escape(enum_text(status))}</b>'
        ui.result.setText(self.tr("%1. %2").replace("%2", html.escape(self._outcome())).replace("%1", word))
        failed = self.failed_steps()
        numbers = {id(s): n for n, s in enumerate(report.steps, 1)}
        ui.failedStep.setText(
            "\n".join(f"{numbers[id(s)]}. {step_title(s, translate)}: {self._step_problem(s)}" for s in failed)
        )
        next_steps: list[str] = []
        for step in failed:
            failure = getattr(step, "failure", None)
            if failure is not None and failure.next_step:
                text = next_step_text(failure.next_step, translate)
                if text not in next_steps:
                    next_steps.append(text)
                if self.place is None:
                    self.place = self._place_of(step)
        if status is RunStatus.NOT_RUN and not failed:  # nothing uses server-side synchronization
            next_steps = [self.tr(NOTHING_TESTED_NEXT_STEP)]
            self.place = Place.MAILBOX_SYNC
        ui.nextStep.setText("\n".join(next_steps))
        if self.place is Place.PROFILE and (self.mailbox is None or self.mailbox.profile_id is None):
            self.place = None  # no profile to open
        for label, value, shown in (
            (ui.failedStepLabel, ui.failedStep, bool(failed)),
            (ui.nextStepLabel, ui.nextStep, bool(next_steps)),
        ):
            label.setVisible(shown)
            value.setVisible(shown)
        ui.fixButton.setVisible(self.place is not None and self.mailbox is not None)
        if self.place is not None:
            ui.fixButton.setText(self.tr(PLACE_BUTTONS[self.place]))
        ui.testAgainButton.setVisible(status is not RunStatus.SUCCESS and self.mailbox is not None)
        ui.times.setText(
            self.tr("%1, in %2").replace("%1", format_time(report.started_on)).replace("%2", self._duration())
        )

    def _outcome(self) -> str:
        """What the result means for the mailbox, in a sentence."""
        workloads = getattr(self.report, "workloads", {}) or {}
        enabled = [enum_text(w) for w, s in workloads.items() if s is RunStatus.SUCCESS]
        failed = [enum_text(w) for w, s in workloads.items() if s is not RunStatus.SUCCESS]
        separator = self.tr(", ")
        if self.report.status is RunStatus.SUCCESS:
            return self.tr("Every step passed. Enabled: %1.").replace("%1", separator.join(enabled))
        if self.report.status is RunStatus.NOT_RUN:
            return self.tr("No workload of this mailbox uses server-side synchronization: nothing was tested.")
        text = self.tr("Not enabled: %1.").replace("%1", separator.join(failed)) if failed else ""
        if enabled:
            text += " " + self.tr("Enabled: %1.").replace("%1", separator.join(enabled))
        return text.strip() or self.tr("A step failed.")

    def _step_problem(self, step: Any) -> str:
        """A failed step's problem without the Autodiscover trace that may follow it."""
        failure = getattr(step, "failure", None)
        if failure is not None:
            return failure_text(failure, translate)
        return step_message(step, translate).split("\n", 1)[0]

    def _place_of(self, step: Any) -> Place | None:
        if self.mailbox is None:
            return None
        source = credential_source_of(self.mailbox, outgoing=step.name == "outgoing")
        return place_to_fix(step.failure.code, source)

    def _duration(self) -> str:
        if self.report.finished_on is None or self.report.started_on is None:
            return ""
        return duration_text((self.report.finished_on - self.report.started_on).total_seconds() * 1000)

    # --- the steps (technical details) --------------------------------------------------------

    def _fill_steps(self) -> None:
        tree = self.ui.steps
        tree.setUniformRowHeights(False)  # multi-line rows: the transcripts
        header = tree.header()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for number, step in enumerate(self.report.steps, 1):
            message = step_message(step, translate)
            item = QTreeWidgetItem(
                [
                    f"{number}. {step_title(step, translate)}",
                    enum_text(step.status),
                    duration_text(step.duration_ms),
                    message,
                ]
            )
            colour = STATUS_COLOURS.get(step.status)
            if colour:
                item.setForeground(1, QBrush(QColor(colour)))
            item.setToolTip(3, message)
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
                item.setExpanded(True)  # opened, the failing step's transcript is what support needs

    def show_details(self, shown: bool) -> None:
        ui = self.ui
        ui.detailsPanel.setVisible(shown)
        ui.detailsToggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if ui.detailsToggle.isChecked() != shown:
            ui.detailsToggle.setChecked(shown)
        # folded, the spare height stays below the summary; unfolded, the steps take it
        policy = QSizePolicy.Policy.Minimum if shown else QSizePolicy.Policy.Expanding
        ui.collapsedSpacer.changeSize(0, 0, QSizePolicy.Policy.Minimum, policy)
        ui.reportLayout.invalidate()
        if shown and self.height() < 520:
            self.resize(max(self.width(), 900), 560)

    # --- actions ----------------------------------------------------------------------------

    def go_to_place(self) -> None:
        """Where the next step says to go: a tab of the mailbox editor, or the profile."""
        if self.place is None or self.mailbox is None:
            return
        if self.place is Place.PROFILE:
            assert self.mailbox.profile_id is not None  # no button without a profile
            self.open_profile.emit(self.mailbox.profile_id)
        else:
            self.open_mailbox_tab.emit(self.mailbox.id, self.place.value)

    def _test_again(self) -> None:
        self.test_again.emit(self.report.mailbox_id)
        self.close()  # the new test opens its own report

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
