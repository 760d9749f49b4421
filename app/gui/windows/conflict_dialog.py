"""One entry of the conflict log, opened from the record it concerns (the Records page, a record's
editor): which side the conflict policy kept, why, and both versions of what differed. The same
words as the mailbox editor's Conflicts tab (app.gui.windows.mailbox_history)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QWidget

from app.domain.enums import ConflictPolicy
from app.gui.forms.ui_conflict_dialog import Ui_ConflictDialog
from app.gui.i18n import enum_text
from app.gui.windows.base import Dialog
from app.gui.windows.mailbox_history import conflict_details, outcome_text
from app.store.history import ConflictRow, conflict_row
from app.store.record_edits import conflict_mailbox


class ConflictDialog(Dialog):
    default_size = QSize(620, 420)

    open_mailbox = Signal(int)  # the mailbox whose synchronization met the conflict

    def __init__(self, conflict_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.row: ConflictRow | None = conflict_row(conflict_id)
        self.mailbox_id = conflict_mailbox(conflict_id)
        ui = self.ui
        if self.row is None:
            ui.summary.setText(self.tr("This conflict is no longer in the log (its mailbox was deleted)."))
            ui.explanation.setText("")
            ui.details.setPlainText("")
        else:
            ui.summary.setText(outcome_text(self.row))
            ui.explanation.setText(self.explanation(self.row))
            ui.details.setPlainText(conflict_details(self.row))
        ui.openMailboxButton.setEnabled(self.mailbox_id is not None)
        ui.openMailboxButton.clicked.connect(self._open_mailbox)
        ui.closeButton.clicked.connect(self.close)
        self.setWindowTitle(self.tr("Conflict: %1").replace("%1", self.row.record_name if self.row else ""))
        self.restore_geometry()

    def explanation(self, row: ConflictRow) -> str:
        """Why that side won: the policy in force, in a sentence."""
        policy = enum_text(row.policy)
        if row.policy is ConflictPolicy.MOST_RECENT:
            side = self.tr("the store's") if row.winner == "store" else self.tr("Exchange's")
            return (
                self.tr(
                    "The record changed here and in Exchange since they were last synchronized. The owner's "
                    "conflict policy is [%1]: %2 change was the most recent, so its version was kept."
                )
                .replace("%1", policy)
                .replace("%2", side)
            )
        return self.tr(
            "The record changed here and in Exchange since they were last synchronized. The owner's conflict "
            "policy is [%1], so that side's version was kept whatever the times."
        ).replace("%1", policy)

    def _open_mailbox(self) -> None:
        if self.mailbox_id is not None:
            self.open_mailbox.emit(self.mailbox_id)
