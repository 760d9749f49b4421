"""The email server profile form: every field, its mailboxes and alerts, Test & Enable mailboxes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFileDialog, QScrollArea, QWidget

from app import secrets
from app.domain.profile_json import profile_to_json
from app.domain.validation import ValidationError
from app.gui import messages
from app.gui.forms.ui_profile_form import Ui_ProfileForm
from app.gui.i18n import translate
from app.gui.models.columns import mailbox_columns
from app.gui.models.table_models import RowTableModel, SearchProxy
from app.gui.widgets.alerts_pane import AlertsPane
from app.gui.widgets.profile_fields import ProfileFields
from app.gui.widgets.tables import setup_table
from app.gui.windows.base import Dialog, UnsavedChangesGuard, enable_with_reason
from app.store import queries, repo
from app.store.models import ServerProfile


class ProfileForm(UnsavedChangesGuard, Dialog):
    default_size = QSize(860, 620)

    saved = Signal(int)
    open_mailbox = Signal(int)
    test_requested = Signal(int)  # the profile id, after the admin confirmed
    status_message = Signal(str)  # "Saved": the main window's status bar says it

    def __init__(self, profile_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ProfileForm()
        self.ui.setupUi(self)
        self.profile_id = profile_id
        self.profile = ServerProfile.get_by_id(profile_id)
        self.fields = ProfileFields(lambda: repo.profile_context(self.profile), self)
        titles = [
            ("location", self.tr("General")),
            ("credentials", self.tr("Credentials")),
            ("advanced", self.tr("Advanced")),
            ("additional", self.tr("Additional settings")),
        ]
        for position, (part, title) in enumerate(titles):
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(self.fields.parts[part])
            self.ui.tabs.insertTab(position, scroll, title)
        self.ui.tabs.setCurrentIndex(0)
        self.fields.set_tabs(self.ui.tabs)
        self.mailboxes = RowTableModel(mailbox_columns(with_profile=False), self)
        proxy = SearchProxy(self)
        proxy.setSourceModel(self.mailboxes)
        self.mailbox_proxy = proxy
        table = self.ui.mailboxesTable
        setup_table(table, proxy, name="profile-mailboxes")
        table.doubleClicked.connect(lambda index: self.open_mailbox.emit(proxy.row_at(index.row()).id))
        self.alerts = AlertsPane(self, profile_id=profile_id)
        self.ui.alertsTabLayout.addWidget(self.alerts)
        self.alerts.open_mailbox.connect(self.open_mailbox)
        self.fields.changed.connect(self._update_buttons)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.closeButton.clicked.connect(self.close)
        self.ui.testButton.clicked.connect(self.confirm_test)
        self.ui.exportButton.clicked.connect(self.export_profile)
        self._export_dialog: QFileDialog | None = None
        self.reload()
        self.restore_geometry()

    def reload(self) -> None:
        self.profile = ServerProfile.get_by_id(self.profile_id)
        self.fields.load(repo.profile_settings(self.profile))
        self.setWindowTitle(self.tr("Email server profile: %1").replace("%1", self.profile.name))
        self.refresh_related()
        self._update_buttons()

    def refresh_related(self) -> None:
        self.mailboxes.set_rows(queries.mailbox_rows(profile_id=self.profile_id))
        self.alerts.refresh()
        self._update_buttons()

    def is_dirty(self) -> bool:
        return self.fields.is_dirty()

    def _update_buttons(self) -> None:
        """Each disabled button with its reason as tooltip; the tabs whose fields show a message;
        the title's mark of unsaved changes."""
        shown = self.fields.shown_issues()
        blocked = (
            self.tr("Put these right first:\n%1").replace("%1", self.fields.errors.reasons(shown)) if shown else ""
        )
        enable_with_reason(self.ui.saveButton, blocked)
        no_mailbox = "" if self.mailboxes.rows else self.tr("No mailbox uses this email server profile.")
        enable_with_reason(self.ui.testButton, no_mailbox or (blocked if self.is_dirty() else ""))
        self.fields.errors.mark_tabs(self.ui.tabs, shown)
        self.mark_unsaved()

    def save(self) -> bool:
        if self.fields.reveal():  # every message shows; the first field with one gets the focus
            return False
        password, outgoing_password = self.fields.passwords()
        try:
            repo.save_profile(
                self.fields.settings(), profile=self.profile, password=password, outgoing_password=outgoing_password
            )
        except ValidationError as exc:
            messages.show_error(
                self, self.tr("The profile was not saved"), "\n".join(i.message(translate) for i in exc.issues)
            )
            return False
        except secrets.SecretStoreError as exc:
            messages.show_error(
                self, self.tr("The profile was not saved"), self.tr("The password could not be stored."), str(exc)
            )
            return False
        self.reload()
        self.saved.emit(self.profile_id)
        self.status_message.emit(self.tr("Saved: email server profile “%1”.").replace("%1", self.profile.name))
        return True

    def export_profile(self) -> None:
        self._export_dialog = messages.open_save_dialog(
            self,
            self.tr("Export email server profile"),
            self.tr("Profile files (*.json)"),
            "json",
            f"{self.profile.name}.json",
            self.write_export,
        )

    def write_export(self, path: str) -> None:
        """The saved profile (not unsaved edits), without passwords."""
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(profile_to_json(repo.profile_settings(ServerProfile.get_by_id(self.profile_id))))
        except OSError as exc:
            messages.show_error(
                self, self.tr("Export email server profile"), self.tr("Could not write the file."), str(exc)
            )

    def confirm_test(self) -> None:
        """Test what is on screen: unsaved edits are saved first, as the mailbox editor does."""
        if self.is_dirty() and not self.save():
            return
        messages.confirm(
            self,
            self.tr("Test & Enable mailboxes"),
            self.tr(
                "This will run the test on all the mailboxes associated with this email server profile "
                "(%n mailbox(es)). Mailboxes that pass are enabled for server-side synchronization.",
                "",
                len(self.mailboxes.rows),
            ),
            lambda: self.test_requested.emit(self.profile_id),
            self.tr("&Test && Enable mailboxes"),
        )
