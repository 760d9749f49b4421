"""Every field of an email server profile (docs/product-rules.md §1), shared by the wizard and the profile form.

The four parts (server location, credentials, advanced, additional settings) are Designer forms;
``ProfileFields`` fills them from ``ProfileSettings``, reads them back, shows and hides rows as
the choices require, and shows each validation message next to its field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QTabWidget, QVBoxLayout, QWidget

from app.domain.enums import AuthProtocol, CredentialSource, ServerType
from app.domain.settings import ProfileSettings
from app.domain.validation import ProfileContext, ValidationIssue, validate_profile
from app.gui.forms.ui_profile_additional import Ui_ProfileAdditional
from app.gui.forms.ui_profile_advanced import Ui_ProfileAdvanced
from app.gui.forms.ui_profile_credentials import Ui_ProfileCredentials
from app.gui.forms.ui_profile_location import Ui_ProfileLocation
from app.gui.i18n import date_time_pattern
from app.gui.widgets.combos import fill_enum_combo, set_combo_value
from app.gui.widgets.field_errors import FieldErrors

# which settings each part edits: the wizard's page is complete when none of them has an issue
PART_FIELDS = {
    "location": {"name", "description", "server_type", "auto_discover", "incoming_url"},
    "credentials": {
        "credential_source",
        "username",
        "password",
        "use_impersonation",
        "outgoing_url",
        "outgoing_credential_source",
        "outgoing_username",
        "outgoing_password",
        "outgoing_port",
    },
    "advanced": {"incoming_port", "use_ssl", "auth_protocol", "trusted_ca_path"},
    "additional": {
        "move_failed_to_undeliverable",
        "process_email_from",
        "max_connections",
        "min_polling_minutes",
        "timeout_seconds",
        "alert_when_most_fail",
    },
}


def to_qdatetime(value: datetime | None) -> QDateTime:
    value = value or datetime.now(timezone.utc)
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=timezone.utc)


class ProfileFields(QObject):
    """The profile's fields on four widgets; ``changed`` fires after every edit (already revalidated)
    and when messages come to show (a field left, ``reveal``)."""

    changed = Signal()

    def __init__(self, context: Callable[[], ProfileContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._stored_password = False
        self._stored_outgoing_password = False
        self._tabs: QTabWidget | None = None  # the profile form's tabs; the wizard has pages
        self.issues: list[ValidationIssue] = []
        self.parts: dict[str, QWidget] = {}
        self.location, self.credentials = Ui_ProfileLocation(), Ui_ProfileCredentials()
        self.advanced, self.additional = Ui_ProfileAdvanced(), Ui_ProfileAdditional()
        for key, ui in (
            ("location", self.location),
            ("credentials", self.credentials),
            ("advanced", self.advanced),
            ("additional", self.additional),
        ):
            form = QWidget()
            ui.setupUi(form)
            part = QWidget(parent)  # the form, then the spare height: rows stay together at the top
            box = QVBoxLayout(part)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(form)
            box.addStretch(1)
            self.parts[key] = part
        self._uis = (self.location, self.credentials, self.advanced, self.additional)  # a tuple: each keeps its type
        self.errors = FieldErrors(
            self._uis,
            [
                self.location.locationForm,
                self.credentials.credentialsForm,
                self.credentials.outgoingForm,
                self.advanced.advancedForm,
                self.additional.additionalForm,
            ],
            self,
        )
        self.errors.revealed.connect(self.changed)
        self._loaded: ProfileSettings | None = None
        fill_enum_combo(self.location.serverType, ServerType)
        for combo in (self.credentials.credentialSource, self.credentials.outgoingCredentialSource):
            fill_enum_combo(combo, CredentialSource)
        for combo in (self.advanced.authProtocol, self.credentials.outgoingAuthProtocol):
            fill_enum_combo(combo, AuthProtocol)
        self.advanced.browseCa.clicked.connect(self._browse_ca)
        lines = self.location.description.fontMetrics().lineSpacing()
        self.location.description.setMaximumHeight(lines * 5 + 12)  # room for a few lines, not the page
        self.additional.processEmailFrom.setDisplayFormat(date_time_pattern())
        self.load(ProfileSettings(process_email_from=datetime.now(timezone.utc)))
        self._connect_changes()

    # --- loading and reading ---------------------------------------------------------------

    def load(self, s: ProfileSettings) -> None:
        loc, cred, adv, add = self._uis
        self._loading = True
        loc.name.setText(s.name)
        loc.description.setPlainText(s.description)
        set_combo_value(loc.serverType, s.server_type)
        loc.autoDiscover.setChecked(s.auto_discover)
        loc.incomingUrl.setText(s.incoming_url)
        set_combo_value(cred.credentialSource, s.credential_source)
        cred.username.setText(s.username)
        cred.password.clear()
        self._stored_password = s.has_password
        cred.useImpersonation.setChecked(s.use_impersonation)
        cred.outgoingSameAsIncoming.setChecked(s.outgoing_same_as_incoming)
        cred.outgoingUrl.setText(s.outgoing_url)
        set_combo_value(cred.outgoingCredentialSource, s.outgoing_credential_source)
        cred.outgoingUsername.setText(s.outgoing_username)
        cred.outgoingPassword.clear()
        self._stored_outgoing_password = s.outgoing_has_password
        set_combo_value(cred.outgoingAuthProtocol, s.outgoing_auth_protocol)
        cred.outgoingPort.setValue(s.outgoing_port)
        adv.incomingPort.setValue(s.incoming_port)
        adv.useSsl.setChecked(s.use_ssl)
        set_combo_value(adv.authProtocol, s.auth_protocol)
        adv.trustedCaPath.setText(s.trusted_ca_path)
        add.moveFailedToUndeliverable.setChecked(s.move_failed_to_undeliverable)
        add.processEmailFrom.setDateTime(to_qdatetime(s.process_email_from))
        add.maxConnections.setValue(s.max_connections)
        add.minPollingMinutes.setValue(s.min_polling_minutes)
        add.timeoutSeconds.setValue(s.timeout_seconds)
        add.alertWhenMostFail.setChecked(s.alert_when_most_fail)
        stored = self.tr("Stored in the credential store; type to replace it")
        cred.password.setPlaceholderText(stored if s.has_password else "")
        cred.outgoingPassword.setPlaceholderText(stored if s.outgoing_has_password else "")
        self._loading = False
        self._loaded = self.settings()  # as shown: read back, so that the date's rounding is no edit
        self.errors.conceal()  # as loaded: no message until a field is edited, left, or Next or Save pressed
        self.refresh()

    def settings(self) -> ProfileSettings:
        loc, cred, adv, add = self._uis
        return ProfileSettings(
            name=loc.name.text(),
            description=loc.description.toPlainText(),
            server_type=ServerType(loc.serverType.currentData()),
            auto_discover=loc.autoDiscover.isChecked(),
            incoming_url=loc.incomingUrl.text().strip(),
            credential_source=CredentialSource(cred.credentialSource.currentData()),
            username=cred.username.text().strip(),
            has_password=self._stored_password or bool(cred.password.text()),
            use_impersonation=cred.useImpersonation.isChecked(),
            auth_protocol=AuthProtocol(adv.authProtocol.currentData()),
            incoming_port=adv.incomingPort.value(),
            use_ssl=adv.useSsl.isChecked(),
            outgoing_same_as_incoming=cred.outgoingSameAsIncoming.isChecked(),
            outgoing_url=cred.outgoingUrl.text().strip(),
            outgoing_credential_source=CredentialSource(cred.outgoingCredentialSource.currentData()),
            outgoing_username=cred.outgoingUsername.text().strip(),
            outgoing_has_password=self._stored_outgoing_password or bool(cred.outgoingPassword.text()),
            outgoing_auth_protocol=AuthProtocol(cred.outgoingAuthProtocol.currentData()),
            outgoing_port=cred.outgoingPort.value(),
            trusted_ca_path=adv.trustedCaPath.text().strip(),
            move_failed_to_undeliverable=add.moveFailedToUndeliverable.isChecked(),
            process_email_from=from_qdatetime(add.processEmailFrom.dateTime()),
            max_connections=add.maxConnections.value(),
            min_polling_minutes=add.minPollingMinutes.value(),
            timeout_seconds=add.timeoutSeconds.value(),
            alert_when_most_fail=add.alertWhenMostFail.isChecked(),
        )

    def passwords(self) -> tuple[str | None, str | None]:
        """Newly typed passwords (None: keep the stored one). Only those the chosen source uses."""
        s = self.settings()
        cred = self.credentials
        incoming = cred.password.text() if s.credential_source is CredentialSource.PROFILE else ""
        outgoing = ""
        if not s.outgoing_same_as_incoming and s.outgoing_credential_source is CredentialSource.PROFILE:
            outgoing = cred.outgoingPassword.text()
        return incoming or None, outgoing or None

    # --- state ------------------------------------------------------------------------------

    def is_valid(self, part: str | None = None) -> bool:
        if part is None:
            return not self.issues
        return not any(issue.field in PART_FIELDS[part] for issue in self.issues)

    def is_dirty(self) -> bool:
        """Whether anything differs from what was loaded (a typed password included)."""
        typed = self.credentials.password.text() or self.credentials.outgoingPassword.text()
        return self.settings() != self._loaded or bool(typed)

    def shown_issues(self, part: str | None = None) -> list[ValidationIssue]:
        """The issues whose messages show (of one part, or all): what keeps Save or Next disabled."""
        return self.errors.shown_issues(PART_FIELDS[part] if part is not None else None)

    def reveal(self, part: str | None = None) -> list[ValidationIssue]:
        """Every message (of one part, or all) shows, as when Next or Save is pressed; the first
        field with one gets the focus. Returns the issues shown."""
        fields = PART_FIELDS[part] if part is not None else {f for names in PART_FIELDS.values() for f in names}
        self.errors.reveal(fields)
        shown = self.shown_issues(part)
        if shown:
            self.errors.focus_first(shown, self._tabs)
        return shown

    def set_tabs(self, tabs: QTabWidget) -> None:
        """The tab widget holding the parts (the profile form's), so that a message's tab comes forward."""
        self._tabs = tabs

    def refresh(self) -> None:
        if getattr(self, "_loading", False):
            return
        s = self.settings()
        self.issues = validate_profile(s, self._context())
        cred = self.credentials
        profile_creds = s.credential_source is CredentialSource.PROFILE
        out_profile_creds = s.outgoing_credential_source is CredentialSource.PROFILE
        visible = {
            "incoming_url": not s.auto_discover,
            "username": profile_creds,
            "password": profile_creds,
            "outgoing_url": not s.auto_discover,
            "outgoing_username": out_profile_creds,
            "outgoing_password": out_profile_creds,
        }
        cred.outgoingGroup.setVisible(not s.outgoing_same_as_incoming)
        self.errors.show(self.issues, visible)

    def _connect_changes(self) -> None:
        loc, cred, adv, add = self._uis
        for edit in (
            loc.name,
            loc.incomingUrl,
            cred.username,
            cred.password,
            cred.outgoingUrl,
            cred.outgoingUsername,
            cred.outgoingPassword,
            adv.trustedCaPath,
        ):
            edit.textChanged.connect(self._on_change)
        loc.description.textChanged.connect(self._on_change)
        for combo in (
            loc.serverType,
            cred.credentialSource,
            cred.outgoingCredentialSource,
            cred.outgoingAuthProtocol,
            adv.authProtocol,
        ):
            combo.currentIndexChanged.connect(self._on_change)
        for box in (
            loc.autoDiscover,
            cred.useImpersonation,
            cred.outgoingSameAsIncoming,
            adv.useSsl,
            add.moveFailedToUndeliverable,
            add.alertWhenMostFail,
        ):
            box.toggled.connect(self._on_change)
        for spin in (
            cred.outgoingPort,
            adv.incomingPort,
            add.maxConnections,
            add.minPollingMinutes,
            add.timeoutSeconds,
        ):
            spin.valueChanged.connect(self._on_change)
        add.processEmailFrom.dateTimeChanged.connect(self._on_change)

    def _on_change(self, *_args: object) -> None:
        self.refresh()
        self.changed.emit()

    def _browse_ca(self) -> None:
        dialog = QFileDialog(self.parts["advanced"], self.tr("Trusted CA certificate"))
        dialog.setNameFilters([self.tr("PEM certificates (*.pem *.crt *.cer)"), self.tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.advanced.trustedCaPath.setText)
        dialog.open()
