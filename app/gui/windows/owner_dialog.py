"""A user or queue: its name, primary email and, for a queue, whether its mailbox deletes emails
after processing. A new one is created with its mailbox (docs/product-rules.md §2), with the
default email server profile when the system has one; the dialog says which before saving."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QWidget

from app.domain.enums import OwnerKind
from app.domain.owners import OwnerSettings, email_key, validate_owner
from app.domain.validation import ValidationError, ValidationIssue
from app.gui import messages
from app.gui.forms.ui_owner_dialog import Ui_OwnerDialog
from app.gui.i18n import translate
from app.gui.widgets.field_errors import FieldErrors
from app.gui.windows.base import Dialog, UnsavedChangesGuard, enable_with_reason
from app.store import owners
from app.store.owners import CreatedOwner


class OwnerDialog(UnsavedChangesGuard, Dialog):
    default_size = QSize(560, 300)

    saved = Signal(object)  # the CreatedOwner of a new owner; None after an edit

    def __init__(self, kind: OwnerKind, owner_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_OwnerDialog()
        self.ui.setupUi(self)
        self.kind, self.owner_id = kind, owner_id
        self.issues: list[ValidationIssue] = []
        self.created: CreatedOwner | None = None
        ui = self.ui
        self.errors = FieldErrors([ui], [ui.ownerForm], self)
        self.errors.revealed.connect(self._update_state)
        loaded = owners.owner_settings(kind, owner_id) if owner_id is not None else OwnerSettings(kind)
        self._loaded_email = loaded.email
        ui.name.setText(loaded.name)
        ui.email.setText(loaded.email)
        ui.deleteAfterProcessing.setChecked(loaded.delete_after_processing)
        self._taken = owners.taken_addresses(kind, owner_id)
        self._profile = owners.default_profile()
        self.setWindowTitle(self._title(loaded.name))
        ui.name.textChanged.connect(self._changed)
        ui.email.textChanged.connect(self._changed)
        ui.deleteAfterProcessing.toggled.connect(self._changed)
        ui.saveButton.clicked.connect(self.save)
        ui.cancelButton.clicked.connect(self.reject)
        self._changed()
        self._loaded = self.settings()  # as shown: the edits are the difference
        self.restore_geometry()

    def is_dirty(self) -> bool:
        return self.settings() != getattr(self, "_loaded", self.settings())

    def _title(self, name: str) -> str:
        if self.owner_id is None:
            return self.tr("New user") if self.kind is OwnerKind.USER else self.tr("New queue")
        template = self.tr("User: %1") if self.kind is OwnerKind.USER else self.tr("Queue: %1")
        return template.replace("%1", name)

    def settings(self) -> OwnerSettings:
        ui = self.ui
        return OwnerSettings(
            self.kind,
            ui.name.text(),
            ui.email.text().strip(),
            ui.deleteAfterProcessing.isChecked() and self.kind is OwnerKind.QUEUE,
        )

    def _note(self, settings: OwnerSettings) -> str:
        if self.owner_id is not None:
            if self._loaded_email and email_key(settings.email) != email_key(self._loaded_email):
                return self.tr(
                    "Its mailbox moves to the new address, whose approval goes back to Pending approval: "
                    "approve it on the mailbox before it is synchronized again."
                )
            return ""
        if self._profile is None:
            return self.tr(
                "A mailbox is created with it, without an email server profile: no default profile is set. "
                "Choose one on the mailbox's Synchronization method tab."
            )
        return self.tr("A mailbox is created with it, with the default email server profile “%1”.").replace(
            "%1", self._profile.name
        )

    def _changed(self, *_args: object) -> None:
        settings = self.settings()
        self.issues = validate_owner(settings, self._taken)
        self.errors.show(self.issues, {"delete_after_processing": self.kind is OwnerKind.QUEUE})
        note = self._note(settings)
        self.ui.mailboxNote.setText(note)
        self.ui.mailboxNote.setVisible(bool(note))
        self._update_state()

    def _update_state(self) -> None:
        shown = self.errors.shown_issues()
        blocked = self.tr("Put these right first:\n%1").replace("%1", self.errors.reasons(shown)) if shown else ""
        enable_with_reason(self.ui.saveButton, blocked)
        self.mark_unsaved()

    def save(self) -> bool:
        if not self.errors.reveal_all():  # every message shows; the first field with one gets the focus
            self.errors.focus_first(self.errors.shown_issues())
            return False
        settings = self.settings()
        try:
            if self.owner_id is None:
                self.created = owners.create_owner(settings)
                self.owner_id = self.created.owner_id
            else:
                owners.update_owner(self.kind, self.owner_id, settings)
        except ValidationError as exc:  # another window took the address meanwhile
            self._taken = owners.taken_addresses(self.kind, self.owner_id)
            self.errors.show(exc.issues, {"delete_after_processing": self.kind is OwnerKind.QUEUE})
            messages.show_error(self, self.tr("Not saved"), "\n".join(issue.message(translate) for issue in exc.issues))
            return False
        self.saved.emit(self.created)
        self._loaded = settings
        self.accept()
        return True
