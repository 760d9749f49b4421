"""What every appointment, contact and task editor shares: the owner, validation under the fields,
Save (one transaction), Save and sync now, Delete, and where the record stands with Exchange.

Save makes the change the record's own (its modification time moves on): the owner's mailbox
takes it to Exchange with its next appointments-contacts-tasks cycle, or at once with Save and
sync now (that cycle, run now in a worker: app.sync.compose.sync_records_now). The state then
shows on the record: synced, pending, conflict (Show conflict opens the log entry that says which
side won), deleted in Exchange and kept here, or not synchronized (and why). The forms of each
record type are in app.gui.windows.record_editor_forms.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSize, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from app.domain.enums import RecordType, SyncState
from app.domain.validation import ValidationError, ValidationIssue
from app.gui import messages
from app.gui.i18n import enum_text, format_time, translate
from app.gui.widgets.field_errors import FieldErrors
from app.gui.windows.base import Dialog, UnsavedChangesGuard, enable_with_reason
from app.gui.workers import WorkerHandle, start_worker
from app.store import record_edits
from app.store.record_edits import RecordStanding, RecordValues

NO_DATE = QDate(2000, 1, 1)  # a date field at its minimum shows "None" (an optional date left empty)

_STATE_COLOURS = {
    SyncState.SYNCED: "#1b7f3b",
    SyncState.PENDING: "#9a6700",
    SyncState.CONFLICT: "#b3261e",
    SyncState.UNLINKED: "#5f6368",
    SyncState.NOT_SYNCED: "#5f6368",
}


def to_utc(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), timezone.utc)


def set_utc(edit: QDateTimeEdit, value: datetime | None) -> None:
    if value is None:
        edit.setDateTime(QDateTime(NO_DATE, QTime(0, 0)))
    else:
        edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp())))


def optional_utc(edit: QDateTimeEdit) -> datetime | None:
    return None if edit.date() == NO_DATE else to_utc(edit)


def allow_no_date(edit: QDateTimeEdit) -> None:
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(translate("RecordEditor", "None"))


class RecordEditor(UnsavedChangesGuard, Dialog):
    """Subclasses give ``record_type``, their form (``ui`` with ``fieldsForm``, ``owner``, the sync
    box and buttons), ``fill(values)`` and ``values()``."""

    default_size = QSize(620, 560)
    record_type = RecordType.APPOINTMENT

    saved = Signal(str, int)  # record type value, record id
    deleted = Signal(str, int)
    open_mailbox = Signal(int)

    def __init__(self, ui: Any, record_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        ui.setupUi(self)
        self.record_id = record_id
        self.issues: list[ValidationIssue] = []
        self.standing: RecordStanding | None = None
        self.worker: WorkerHandle | None = None
        self.sync_result: Any = None
        self.errors = FieldErrors([ui], [ui.fieldsForm], self)
        self.errors.revealed.connect(self._update_state)
        for owner_id, name in record_edits.owner_choices():
            ui.owner.addItem(name, owner_id)
        loaded = record_edits.load_record(self.record_type, record_id) if record_id is not None else None
        self.fill(loaded if loaded is not None else self.new_values(record_edits.current_user_id()))
        self._loaded = self.values()  # as shown: the edits are the difference
        self.connect_changes(self._changed)
        ui.owner.currentIndexChanged.connect(self._changed)
        ui.saveButton.clicked.connect(self.save)
        ui.saveSyncButton.clicked.connect(self.save_and_sync)
        ui.deleteButton.clicked.connect(self.delete)
        ui.closeButton.clicked.connect(self.close)
        ui.conflictButton.clicked.connect(self.show_conflict)
        self._changed()
        self.refresh_standing()
        self.restore_geometry()

    # --- for the subclasses --------------------------------------------------------------------

    def new_values(self, owner_id: int | None) -> RecordValues:
        raise NotImplementedError

    def fill(self, values: RecordValues) -> None:
        raise NotImplementedError

    def values(self) -> RecordValues:
        raise NotImplementedError

    def connect_changes(self, slot: Any) -> None:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def set_owner(self, owner_id: int | None) -> None:
        index = self.ui.owner.findData(owner_id) if owner_id is not None else -1
        self.ui.owner.setCurrentIndex(index)

    def owner_id(self) -> int | None:
        data = self.ui.owner.currentData()
        return int(data) if data is not None else None

    # --- validation, saving --------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        self.issues = record_edits.validate(self.values())
        self.errors.show(self.issues)
        self._update_state()

    def _update_state(self) -> None:
        """Save is off while a message under a field says why, or while the record synchronizes."""
        shown = self.errors.shown_issues()
        reason = self.tr("Put these right first:\n%1").replace("%1", self.errors.reasons(shown)) if shown else ""
        if self.worker is not None:
            reason = self.tr("Wait for the synchronization to end.")
        enable_with_reason(self.ui.saveButton, reason)
        enable_with_reason(self.ui.saveSyncButton, reason)
        self.ui.deleteButton.setEnabled(self.record_id is not None and self.worker is None)
        self.mark_unsaved()

    def is_dirty(self) -> bool:
        return self.values() != getattr(self, "_loaded", self.values())

    def save(self) -> bool:
        if not self.errors.reveal_all():  # every message shows; the first field with one gets the focus
            self.errors.focus_first(self.errors.shown_issues())
            return False
        try:
            self.record_id = record_edits.save_record(self.values(), self.record_id)
        except ValidationError as exc:
            self.errors.show(exc.issues)
            return False
        except LookupError:
            messages.show_error(
                self,
                self.tr("Not saved"),
                self.tr("This record was deleted meanwhile (here, or in Exchange and then here)."),
            )
            return False
        self._loaded = self.values()
        self.saved.emit(self.record_type.value, self.record_id)
        self._changed()
        self.refresh_standing()
        return True

    def save_and_sync(self) -> None:
        """Save, then run the owner's mailbox's appointments-contacts-tasks cycle now."""
        from app.sync.compose import sync_records_now  # the engine: imported when first used

        if not self.save() or self.standing is None:
            return
        if not self.standing.mailbox_ids:
            return  # the state's note says why it does not go to Exchange
        self.set_note(self.tr("Synchronizing with Exchange…"))
        self.worker = start_worker(sync_records_now, self.standing.mailbox_ids[0], name="sync-records", parent=self)
        self.worker.result.connect(self._synced)
        self.worker.error.connect(self._sync_failed)
        self._changed()

    def _synced(self, result: object) -> None:
        self.worker = None
        self.sync_result = result
        self._changed()
        self.refresh_standing()
        failure = getattr(result, "failure", None)
        if failure is not None:
            self.set_note(
                self.ui.syncNote.text()
                + "\n"
                + self.tr("The synchronization failed (%1): see the mailbox's alerts.").replace("%1", failure.code)
            )
        if record_edits.load_record(self.record_type, self.record_id or 0) is not None:
            self.saved.emit(self.record_type.value, self.record_id or 0)

    def _sync_failed(self, error: object) -> None:
        self.worker = None
        self._changed()
        self.refresh_standing()
        messages.show_error(self, self.tr("Not synchronized"), str(error))

    def delete(self) -> None:
        if self.record_id is None:
            return
        linked = self.standing is not None and self.standing.state is not SyncState.NOT_SYNCED
        text = (
            self.tr("Delete “%1”? Its item in Exchange is deleted too, with the next cycle.")
            if linked
            else self.tr("Delete “%1”?")
        ).replace("%1", self.title())
        messages.confirm_action(self, self.tr("Delete"), text, self.tr("Delete"), self._delete)

    def _delete(self) -> None:
        assert self.record_id is not None
        record_edits.delete_record(self.record_type, self.record_id)
        self.deleted.emit(self.record_type.value, self.record_id)
        self._close_now()  # nothing left to save

    # --- where it stands -----------------------------------------------------------------------

    def set_note(self, text: str) -> None:
        self.ui.syncNote.setText(text)

    def refresh_standing(self) -> RecordStanding:
        standing = record_edits.record_standing(self.record_type, self.record_id, self.owner_id())
        self.standing = standing
        ui = self.ui
        state = standing.state
        ui.syncState.setText(self.state_text(standing))
        ui.syncState.setStyleSheet(f"font-weight: bold; color: {_STATE_COLOURS[state]};")
        ui.syncNote.setText(self.state_note(standing))
        ui.conflictButton.setVisible(standing.conflict_id is not None)
        return standing

    def state_text(self, standing: RecordStanding) -> str:
        if self.record_id is None:
            return self.tr("Not saved yet")
        if standing.state is SyncState.CONFLICT:
            side = (
                self.tr("the store's version kept")
                if standing.conflict_winner == "store"
                else self.tr("Exchange's version kept")
            )
            return self.tr("Conflict: %1").replace("%1", side)
        return enum_text(standing.state)

    def state_note(self, standing: RecordStanding) -> str:
        mailbox = record_edits.mailbox_name(standing.mailbox_ids[0]) if standing.mailbox_ids else ""
        if self.record_id is None:
            return self.tr("Save it to keep it here; its owner's mailbox then takes it to Exchange.")
        state = standing.state
        if state is SyncState.SYNCED:
            return self.tr("In Exchange as it is here (synchronized %1).").replace(
                "%1", format_time(standing.synced_on)
            )
        if state is SyncState.PENDING:
            return self.tr(
                "Goes to Exchange with the next cycle of the mailbox “%1”, or now with Save and sync now."
            ).replace("%1", mailbox)
        if state is SyncState.CONFLICT:
            return self.tr(
                "It changed here and in Exchange since the last synchronization; the conflict policy decided "
                "which version to keep. Show conflict says why, with both versions."
            )
        if state is SyncState.UNLINKED:
            return self.tr("Its item was deleted in Exchange: the record is kept here and no longer synchronized.")
        if not standing.mailbox_ids:
            return self.tr(
                "Its owner has no mailbox that synchronizes appointments, contacts and tasks: it stays here."
            )
        return self.tr("Its owner's synchronization filters do not select it: it stays here.")

    def show_conflict(self) -> QWidget | None:
        from app.gui.windows.conflict_dialog import ConflictDialog

        if self.standing is None or self.standing.conflict_id is None:
            return None
        dialog = ConflictDialog(self.standing.conflict_id, self)
        dialog.open_mailbox.connect(self.open_mailbox)
        dialog.show()
        return dialog
