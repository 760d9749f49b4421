"""The Settings page (システム設定; docs/product-rules.md §4): the system settings, grouped — alerts
recorded and notified, credentials over non-SSL, retries, the tracking token prefix and alert emails,
the language and the default profile; and, on Windows, start at login (not in the store: the
HKCU Run value the installer writes too, app.autostart).

Every field is checked as it changes, with the rule's message under it. Save writes them in one
transaction (app.store.system_settings) and they apply at once: the engine and the tray read them
when they need them. The language applies when the app starts again, as the page says. Revert
puts back what is stored. Unsaved changes are marked: beside the buttons, and on the group's title.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from app import autostart
from app.domain.system_settings import SystemSettingsValues, check_token_prefix, validate_system_settings
from app.domain.tracking import make_tracking_token
from app.domain.validation import ValidationError, ValidationIssue
from app.gui import messages
from app.gui.forms.ui_settings_page import Ui_SettingsPage
from app.gui.i18n import translate
from app.gui.widgets.field_errors import FieldErrors, snake_case
from app.gui.windows.base import enable_with_reason
from app.store import queries
from app.store.models import Mailbox
from app.store.system_settings import (
    load_system_settings,
    save_system_settings,
    sending_mailboxes,
    system_settings_context,
)

EXAMPLE_TOKEN_NUMBER = 1234
UNSAVED_MARK = " *"


class SettingsPage(QWidget):
    saved = Signal()  # the settings were stored (and apply from now on)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        ui = self.ui
        forms = [ui.alertsForm, ui.emailForm, ui.securityForm, ui.retriesForm, ui.monitoringForm, ui.generalForm]
        self.errors = FieldErrors([ui], forms, self)
        self.stored = SystemSettingsValues()
        self.stored_start_at_login = False  # as the Run key says
        self.issues: list[ValidationIssue] = []
        self._loading = False
        self._just_saved = ""  # what the status says after a save, until the next edit
        ui.language.addItem(self.tr("System default"), "")
        # each language named in itself, so that whoever cannot read the current one finds theirs
        ui.language.addItem("English", "en")
        ui.language.addItem("日本語", "ja")
        self._group_titles = {group: group.title() for group in self._groups()}
        for box in self._check_boxes():
            box.toggled.connect(self._changed)
        for spin in (
            ui.transientFailureLimit,
            ui.defaultBackoffMinutes,
            ui.authRetryLimit,
            ui.itemFailureRetentionDays,
        ):
            spin.valueChanged.connect(self._changed)
        ui.trackingTokenPrefix.textChanged.connect(self._changed)
        ui.startAtLogin.toggled.connect(self._changed)
        for combo in (ui.notifyMailbox, ui.language, ui.defaultProfile):
            combo.currentIndexChanged.connect(self._changed)
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.revert)
        self._fit = WrappedLabelFit(self)
        for label in self._wrapped_labels():
            label.installEventFilter(self._fit)
        self.errors.revealed.connect(self._update_buttons)
        self.revert()

    def _groups(self) -> list[QGroupBox]:
        ui = self.ui
        return [ui.alertsGroup, ui.securityGroup, ui.generalGroup, ui.emailGroup, ui.retriesGroup, ui.monitoringGroup]

    def _check_boxes(self) -> list[QCheckBox]:
        ui = self.ui
        return [
            ui.recordErrors,
            ui.recordWarnings,
            ui.recordInformation,
            ui.toastErrors,
            ui.toastWarnings,
            ui.allowInsecureCredentials,
            ui.notifyOwnerByEmail,
        ]

    def _wrapped_labels(self) -> list[QLabel]:
        return [label for label in self.findChildren(QLabel) if label.wordWrap()]

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the choices (profiles, mailboxes that can send) and, unless there are unsaved
        edits, the stored settings; unsaved edits stay as they are."""
        dirty = self.is_dirty()
        edits = self.values() if dirty else None  # the widgets hold what was shown
        start_edit = self.ui.startAtLogin.isChecked()
        self.stored = load_system_settings()
        shown = edits if edits is not None else self.stored
        self._fill_choices(shown)
        self._load_start_at_login(start_edit if dirty else None)
        self.show_values(shown)

    def revert(self) -> None:
        """Put back what is stored."""
        self.stored = load_system_settings()
        self._fill_choices(self.stored)
        self._load_start_at_login()
        self.show_values(self.stored)

    def _load_start_at_login(self, shown: bool | None = None) -> None:
        """Start at login as the Run key says (*shown*: an unsaved edit to keep showing); where
        there is no Run key (not Windows) or it cannot be read, off and disabled, with the reason."""
        ui = self.ui
        key = autostart.run_key()
        reason = ""
        self.stored_start_at_login = False
        if key is None:
            reason = self.tr(
                "Windows only: the app is started at login by Windows, from the same setting as the installer's "
                "“Start at login”."
            )
        else:
            try:
                self.stored_start_at_login = autostart.is_enabled(key)
            except OSError as exc:
                reason = self.tr("The Windows setting cannot be read: %1").replace("%1", str(exc))
        self._loading = True
        ui.startAtLogin.setEnabled(not reason)
        ui.startAtLogin.setChecked(self.stored_start_at_login if shown is None or reason else shown)
        self._loading = False
        ui.startAtLoginHint.setText(
            reason
            or self.tr(
                "Opens the app when you sign in to Windows. The installer's “Start at login” is the same setting."
            )
        )

    def _fill_choices(self, shown: SystemSettingsValues) -> None:
        """The profiles, and the mailboxes that can send alert emails — with the one *shown* even
        when it no longer can (its outgoing method changed): what is stored shows, and its rule's
        message says what is wrong."""
        ui = self.ui
        self._loading = True
        ui.defaultProfile.clear()
        ui.defaultProfile.addItem(self.tr("(none)"), None)
        for choice in queries.profile_choices():
            ui.defaultProfile.addItem(choice.name, choice.id)
        ui.notifyMailbox.clear()
        ui.notifyMailbox.addItem(self.tr("(choose a mailbox)"), None)
        choices = sending_mailboxes()
        if shown.notify_mailbox_id is not None and shown.notify_mailbox_id not in {m.id for m in choices}:
            choices += list(Mailbox.select().where(Mailbox.id == shown.notify_mailbox_id))
        for mailbox in choices:
            ui.notifyMailbox.addItem(f"{mailbox.name} <{mailbox.email}>", mailbox.id)
        self._loading = False

    def show_values(self, values: SystemSettingsValues) -> None:
        ui = self.ui
        self._loading = True
        ui.recordErrors.setChecked(values.record_errors)
        ui.recordWarnings.setChecked(values.record_warnings)
        ui.recordInformation.setChecked(values.record_information)
        ui.toastErrors.setChecked(values.toast_errors)
        ui.toastWarnings.setChecked(values.toast_warnings)
        ui.allowInsecureCredentials.setChecked(values.allow_insecure_credentials)
        ui.transientFailureLimit.setValue(values.transient_failure_limit)
        ui.defaultBackoffMinutes.setValue(values.default_backoff_minutes)
        ui.authRetryLimit.setValue(values.auth_retry_limit)
        ui.itemFailureRetentionDays.setValue(values.item_failure_retention_days)
        ui.trackingTokenPrefix.setText(values.tracking_token_prefix)
        ui.notifyOwnerByEmail.setChecked(values.notify_owner_by_email)
        for combo, value in (
            (ui.notifyMailbox, values.notify_mailbox_id),
            (ui.language, values.language),
            (ui.defaultProfile, values.default_profile_id),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self._loading = False
        self._just_saved = ""
        self.errors.conceal()  # as stored: no message until a field is edited, left, or Save pressed
        self._changed()

    # --- editing and validation -------------------------------------------------------------

    def values(self) -> SystemSettingsValues:
        ui = self.ui
        return SystemSettingsValues(
            record_errors=ui.recordErrors.isChecked(),
            record_warnings=ui.recordWarnings.isChecked(),
            record_information=ui.recordInformation.isChecked(),
            toast_errors=ui.toastErrors.isChecked(),
            toast_warnings=ui.toastWarnings.isChecked(),
            allow_insecure_credentials=ui.allowInsecureCredentials.isChecked(),
            transient_failure_limit=ui.transientFailureLimit.value(),
            default_backoff_minutes=ui.defaultBackoffMinutes.value(),
            auth_retry_limit=ui.authRetryLimit.value(),
            item_failure_retention_days=ui.itemFailureRetentionDays.value(),
            tracking_token_prefix=ui.trackingTokenPrefix.text().strip(),
            notify_owner_by_email=ui.notifyOwnerByEmail.isChecked(),
            notify_mailbox_id=ui.notifyMailbox.currentData(),
            language=ui.language.currentData() or "",
            default_profile_id=ui.defaultProfile.currentData(),
        )

    def is_dirty(self) -> bool:
        return self.values() != self.stored or self._start_at_login_changed()

    def _start_at_login_changed(self) -> bool:
        return self.ui.startAtLogin.isChecked() != self.stored_start_at_login

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        ui = self.ui
        values = self.values()
        self.issues = validate_system_settings(values, system_settings_context())
        self.errors.show(self.issues)
        notify = values.notify_owner_by_email
        ui.notifyMailbox.setEnabled(notify)
        ui.notifyMailboxLabel.setEnabled(notify)
        prefix_ok = not check_token_prefix(values.tracking_token_prefix)
        example = make_tracking_token(values.tracking_token_prefix, EXAMPLE_TOKEN_NUMBER) if prefix_ok else ""
        ui.trackingTokenPrefixHint.setText(
            self.tr(
                "A tracked email's subject ends with a token such as %1; answers that carry it are tracked."
            ).replace("%1", example)
        )
        self.errors.set_row_visible(ui.trackingTokenPrefixHint, prefix_ok)
        dirty = values != self.stored or self._start_at_login_changed()
        if dirty:
            self._just_saved = ""
        for group, title in self._group_titles.items():
            group.setTitle(title + UNSAVED_MARK if dirty and self._group_changed(group, values) else title)
        ui.statusLabel.setText(self.tr("Unsaved changes") if dirty else self._just_saved)
        ui.statusLabel.setStyleSheet("color: #8a5a00; font-weight: bold;" if dirty else "color: #595959;")
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Save and Revert, each disabled one with its reason as tooltip."""
        ui = self.ui
        dirty = self.is_dirty()
        shown = self.errors.shown_issues()
        unchanged = "" if dirty else self.tr("Nothing has changed since the settings were saved.")
        blocked = self.tr("Put these right first:\n%1").replace("%1", self.errors.reasons(shown)) if shown else ""
        enable_with_reason(ui.saveButton, unchanged or blocked)
        enable_with_reason(ui.revertButton, unchanged)
        for label in self._wrapped_labels():  # a message's new text may need more (or fewer) lines
            fit_height(label)

    def _group_changed(self, group: QGroupBox, values: SystemSettingsValues) -> bool:
        """Whether a field of *group* differs from what is stored."""
        changed = {name for name in vars(values) if getattr(values, name) != getattr(self.stored, name)}
        if self._start_at_login_changed():
            changed.add("start_at_login")
        editors = (QCheckBox, QSpinBox, QLineEdit, QComboBox)
        fields_of_group = {
            _setting_of(widget.objectName()) for widget in group.findChildren(QWidget) if isinstance(widget, editors)
        }
        return bool(changed & fields_of_group)

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """The settings in one transaction, and start at login before it (undone when the
        transaction is refused): all of it is saved, or nothing."""
        if not self.errors.reveal_all():  # every message shows; the first field with one gets the focus
            self.errors.focus_first(self.errors.shown_issues())
            return False
        values = self.values()
        language_changed = values.language != self.stored.language
        start_at_login = self.ui.startAtLogin.isChecked()
        start_changed = self._start_at_login_changed()
        try:
            previous = autostart.current_command() if start_changed else None
            if start_changed:
                autostart.set_enabled(start_at_login)
        except OSError as exc:
            messages.show_error(
                self, self.tr("The settings were not saved"), self.tr("Start at login: %1").replace("%1", str(exc))
            )
            return False
        try:
            save_system_settings(values)
        except ValidationError as exc:
            if start_changed:
                autostart.restore(previous)
            self.errors.show(exc.issues)
            self.errors.reveal_all()
            messages.show_error(
                self,
                self.tr("The settings were not saved"),
                "\n".join(issue.message(translate) for issue in exc.issues),
            )
            return False
        self.stored = load_system_settings()
        self._load_start_at_login()
        self.show_values(self.stored)
        self._just_saved = (
            self.tr("Saved. The language changes the next time the app starts; everything else applies now.")
            if language_changed
            else self.tr("Saved. The settings apply now.")
        )
        self._changed()
        self.saved.emit()
        return True


class WrappedLabelFit(QObject):
    """Keeps a word-wrapped label as tall as its text needs at its width. In a form's field column,
    QFormLayout sizes such a label by its size hint (the lines of a narrower guess), which leaves a
    gap under short messages and hints."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            fit_height(watched)
        return False


def fit_height(label: QLabel) -> None:
    fixed = label.minimumHeight()
    label.setMinimumHeight(0)  # QLabel's height for a width is never less than its minimum
    needed = label.heightForWidth(label.width())
    label.setMinimumHeight(fixed)
    if needed > 0 and fixed != needed:
        label.setFixedHeight(needed)


def _setting_of(widget_name: str) -> str:
    """A field's widget name as the setting it edits (``notifyMailbox`` → ``notify_mailbox_id``)."""
    name = snake_case(widget_name)
    return {"notify_mailbox": "notify_mailbox_id", "default_profile": "default_profile_id"}.get(name, name)
