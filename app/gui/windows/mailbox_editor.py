"""The mailbox editor (docs/product-rules.md §2; seed: メールボックスの設定): settings, test results,
alerts, actions."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from app import secrets
from app.diagnostics.history import report_from_stored
from app.diagnostics.report_text import mailbox_details_text, report_text
from app.domain.enums import ApprovalStatus, OwnerKind, RunStatus, SyncMethod
from app.domain.settings import MailboxSettings
from app.domain.validation import ValidationError, ValidationIssue, validate_mailbox
from app.gui import messages
from app.gui.forms.ui_mailbox_editor import Ui_MailboxEditor
from app.gui.i18n import enum_text, format_time, translate
from app.gui.models.columns import sync_history_columns
from app.gui.models.table_models import RowTableModel, SearchProxy
from app.gui.widgets.alerts_pane import AlertsPane
from app.gui.widgets.combos import fill_enum_combo, set_combo_value
from app.gui.widgets.field_errors import FieldErrors
from app.gui.widgets.tables import setup_table
from app.gui.windows.base import Dialog, UnsavedChangesGuard, bring_to_front, enable_with_reason
from app.gui.windows.mailbox_history import ConflictHistory, RunHistory
from app.gui.windows.report_dialog import STATUS_COLOURS, ReportDialog
from app.store import queries, repo
from app.store.history import stored_runs
from app.store.models import Mailbox


def _show_status(field: QLineEdit, status: RunStatus) -> None:
    """A status as its word, in its colour (the word says it without the colour)."""
    field.setText(enum_text(status))
    colour = STATUS_COLOURS.get(status)
    field.setStyleSheet(f"QLineEdit {{ color: {colour}; font-weight: bold; }}" if colour else "")


class MailboxEditor(UnsavedChangesGuard, Dialog):
    default_size = QSize(820, 600)

    saved = Signal(int)
    test_requested = Signal(int)  # mailbox id; the main window runs it (DiagnosticRunner)
    open_profile = Signal(int)
    status_message = Signal(str)  # "Saved": the main window's status bar says it

    def __init__(self, mailbox_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MailboxEditor()
        self.ui.setupUi(self)
        self.mailbox_id = mailbox_id
        self.mailbox: Mailbox | None = None
        self.issues: list[ValidationIssue] = []
        self._has_stored_password = False
        self._loading = False
        ui = self.ui
        self.errors = FieldErrors([ui], [ui.generalForm, ui.syncForm, ui.credentialsForm], self)
        self._loaded = MailboxSettings()  # what the form showed when loaded: the edits are the difference
        fill_enum_combo(ui.approval, ApprovalStatus)
        for combo in (ui.incomingMethod, ui.outgoingMethod, ui.actMethod):
            fill_enum_combo(combo, SyncMethod)
        ui.owner.addItem(self.tr("(choose a user or queue)"), None)
        for choice in queries.owner_choices():
            assert choice.kind is not None  # owner choices are users and queues, each with its kind
            label = choice.name if choice.kind is OwnerKind.USER else self.tr("%1 (queue)").replace("%1", choice.name)
            ui.owner.addItem(label, f"{choice.kind.value}:{choice.id}")
        ui.profile.addItem(self.tr("(no profile)"), None)
        for choice in queries.profile_choices():
            ui.profile.addItem(choice.name, choice.id)
        self.alerts = AlertsPane(self, mailbox_id=mailbox_id if mailbox_id is not None else -1)
        ui.alertsTabLayout.addWidget(self.alerts)
        self.alerts.open_profile.connect(self.open_profile)
        self.alerts.open_mailbox_tab.connect(lambda _id, tab: self.show_tab(tab))  # its own alerts: this mailbox
        self.alerts.test_again.connect(lambda _id: self.request_test())
        self.history = RowTableModel(sync_history_columns(), self)
        history_proxy = SearchProxy(self)
        history_proxy.setSourceModel(self.history)
        setup_table(ui.historyTable, history_proxy, stretch_last=True, name="sync-history")
        for edit in (ui.name, ui.email, ui.username, ui.password):
            edit.textChanged.connect(self._changed)
        for combo in (ui.owner, ui.approval, ui.profile, ui.incomingMethod, ui.outgoingMethod, ui.actMethod):
            combo.currentIndexChanged.connect(self._changed)
        for box in (ui.allowCredentials, ui.deleteAfterProcessing):
            box.toggled.connect(self._changed)
        ui.saveButton.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.close)
        ui.approveButton.clicked.connect(self.approve)
        ui.testButton.clicked.connect(self.request_test)
        ui.downloadButton.clicked.connect(self.download_details)
        self.test_runs = RunHistory(ui.runsTable, ui.viewReportButton, ui.runsHint, self)  # every stored run's report
        self.test_runs.opened.connect(self._wire_report)
        self.conflicts = ConflictHistory(ui.conflictsTable, ui.conflictDetails, self)
        self.last_report = None
        self.sync = None  # the SyncController, set by the main window (set_sync)
        ui.syncButton.clicked.connect(self.sync_now)
        self._download_dialog: QFileDialog | None = None
        # the seed refreshes the form with F5 to see a test's result
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.activated.connect(self.refresh_from_store)
        self.errors.revealed.connect(self._update_state)
        self.reload()
        self.restore_geometry()

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        ui = self.ui
        self._loading = True
        if self.mailbox_id is not None:
            self.mailbox = Mailbox.get_by_id(self.mailbox_id)
            s = repo.mailbox_settings(self.mailbox)
        else:
            default = repo.system_settings().default_profile_id
            s = MailboxSettings(profile_id=default)
        ui.name.setText(s.name)
        ui.email.setText(s.email)
        owner = f"{s.owner_kind.value}:{s.owner_id}" if s.owner_id is not None else None
        ui.owner.setCurrentIndex(max(0, ui.owner.findData(owner)))
        set_combo_value(ui.approval, s.approval)
        ui.profile.setCurrentIndex(max(0, ui.profile.findData(s.profile_id)))
        set_combo_value(ui.incomingMethod, s.incoming_method)
        set_combo_value(ui.outgoingMethod, s.outgoing_method)
        set_combo_value(ui.actMethod, s.act_method)
        ui.allowCredentials.setChecked(s.allow_credentials)
        ui.username.setText(s.username)
        ui.password.clear()
        self._has_stored_password = s.has_password
        ui.password.setPlaceholderText(
            self.tr("Stored in the credential store; type to replace it") if s.has_password else ""
        )
        ui.deleteAfterProcessing.setChecked(s.delete_after_processing)
        self._loading = False
        self._show_results()
        self.history.set_rows(queries.sync_history_rows(self.mailbox_id) if self.mailbox_id is not None else [])
        self.test_runs.mailbox_name = s.name
        self._show_history()
        title = s.name or self.tr("New mailbox")
        self.setWindowTitle(self.tr("Mailbox: %1").replace("%1", title))
        self.alerts.refresh()
        self._loaded = self.settings()
        self.errors.conceal()  # as loaded: no message until a field is edited or Save pressed
        self._changed()

    def refresh_from_store(self) -> None:
        """Re-read the results and alerts; edits not yet saved stay as they are."""
        if self.mailbox_id is not None:
            self.mailbox = Mailbox.get_by_id(self.mailbox_id)
        self._show_results()
        self.alerts.refresh()
        if self.mailbox_id is not None:
            self.history.set_rows(queries.sync_history_rows(self.mailbox_id))
        self._show_history()

    def _show_history(self) -> None:
        self.test_runs.refresh(self.mailbox_id)
        self.conflicts.refresh(self.mailbox_id)

    def _show_results(self) -> None:
        """The configuration test results as read-only fields (reachable with Tab, read by screen
        readers through their labels): statuses in their colour, never a blank."""
        ui, m = self.ui, self.mailbox
        yes_no = lambda value: self.tr("Yes") if value else self.tr("No")  # noqa: E731
        statuses = (ui.incomingStatus, ui.outgoingStatus, ui.actStatus, ui.mailboxStatus)
        if m is None:
            for field in statuses:
                _show_status(field, RunStatus.NOT_RUN)
            return
        values = (m.incoming_status, m.outgoing_status, m.act_status, m.mailbox_status)
        for field, status in zip(statuses, values, strict=True):
            _show_status(field, status)
        ui.testCompletedOn.setText(format_time(m.test_completed_on) or self.tr("Never"))
        ui.incomingEnabled.setText(yes_no(m.incoming_enabled))
        ui.outgoingEnabled.setText(yes_no(m.outgoing_enabled))
        ui.actEnabled.setText(yes_no(m.act_enabled))
        ui.lastSyncSuccessOn.setText(format_time(m.last_sync_success_on) or self.tr("Never"))
        ui.lastSyncError.setText(m.last_sync_error or self.tr("None"))
        ui.lastSyncError.setToolTip(m.last_sync_error)
        ui.lastSyncError.setCursorPosition(0)  # a long error reads from its start
        ui.nextSyncOn.setText(format_time(m.next_sync_on) or self.tr("Not scheduled"))
        ui.transientFailureCount.setText(str(m.transient_failure_count))

    # --- editing and validation -------------------------------------------------------------

    def settings(self) -> MailboxSettings:
        ui = self.ui
        owner = ui.owner.currentData().split(":") if ui.owner.currentData() else None
        return MailboxSettings(
            name=ui.name.text(),
            email=ui.email.text().strip(),
            owner_id=int(owner[1]) if owner else None,
            owner_kind=OwnerKind(owner[0]) if owner else OwnerKind.USER,
            approval=ApprovalStatus(ui.approval.currentData()),
            profile_id=ui.profile.currentData(),
            incoming_method=SyncMethod(ui.incomingMethod.currentData()),
            outgoing_method=SyncMethod(ui.outgoingMethod.currentData()),
            act_method=SyncMethod(ui.actMethod.currentData()),
            allow_credentials=ui.allowCredentials.isChecked(),
            username=ui.username.text().strip(),
            has_password=self._has_stored_password or bool(ui.password.text()),
            delete_after_processing=ui.deleteAfterProcessing.isChecked(),
        )

    def is_dirty(self) -> bool:
        return self.settings() != self._loaded or bool(self.ui.password.text())

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        s = self.settings()
        self.issues = validate_mailbox(s, repo.mailbox_context(s))
        with_credentials = s.allow_credentials
        self.errors.show(self.issues, {"username": with_credentials, "password": with_credentials})
        self._update_state()

    def _update_state(self) -> None:
        """The buttons, each disabled one with its reason as tooltip; the tabs whose fields show a
        message; the title's mark of unsaved changes."""
        ui = self.ui
        shown = self.errors.shown_issues()
        blocked = self.tr("Put these right first:\n%1").replace("%1", self.errors.reasons(shown)) if shown else ""
        unsaved = "" if self.mailbox is not None else self.tr("Save the new mailbox first.")
        approved = self.settings().approval is ApprovalStatus.APPROVED
        enable_with_reason(ui.saveButton, blocked)
        enable_with_reason(
            ui.approveButton, blocked or (self.tr("The email address is already approved.") if approved else "")
        )
        enable_with_reason(ui.testButton, unsaved or blocked)
        enable_with_reason(ui.downloadButton, unsaved)
        enable_with_reason(ui.syncButton, unsaved)
        if self.sync is None:
            ui.syncButton.setEnabled(False)  # no engine (a window on its own): nothing to ask
        self.errors.mark_tabs(ui.tabs, shown)
        self.mark_unsaved()

    # --- actions ----------------------------------------------------------------------------

    def save(self) -> bool:
        if not self.errors.reveal_all():  # every message shows; the first field with one gets the focus
            self.errors.focus_first(self.errors.shown_issues(), self.ui.tabs)
            return False
        password = self.ui.password.text() if self.ui.allowCredentials.isChecked() else ""
        try:
            self.mailbox = repo.save_mailbox(self.settings(), mailbox=self.mailbox, password=password or None)
        except ValidationError as exc:
            messages.show_error(
                self, self.tr("The mailbox was not saved"), "\n".join(i.message(translate) for i in exc.issues)
            )
            return False
        except secrets.SecretStoreError as exc:
            messages.show_error(
                self, self.tr("The mailbox was not saved"), self.tr("The password could not be stored."), str(exc)
            )
            return False
        if self.mailbox_id is None:
            self.mailbox_id = self.mailbox.id
            self.alerts.mailbox_id = self.mailbox.id
        self.reload()
        self.saved.emit(self.mailbox_id)
        self.status_message.emit(self.tr("Saved: mailbox “%1”.").replace("%1", self.mailbox.name))
        return True

    def approve(self) -> None:
        set_combo_value(self.ui.approval, ApprovalStatus.APPROVED)
        self.save()

    def request_test(self) -> None:
        # test what is on screen: unsaved edits are saved first (the seed saves, then tests)
        if self.save():
            self.test_requested.emit(self.mailbox_id)

    def set_sync(self, sync) -> None:
        self.sync = sync
        self._changed()

    def sync_now(self) -> None:
        """Synchronize what is stored now; the results tab refreshes when the cycles finish."""
        if self.sync is None or self.mailbox_id is None:
            return
        if not self.sync.sync_now(self.mailbox_id):
            messages.show_info(
                self,
                self.tr("Sync now"),
                self.tr(
                    "Nothing to synchronize: the mailbox must be approved and have a "
                    "workload enabled with server-side synchronization (Test & Enable)."
                ),
            )

    def cycle_finished(self, mailbox_id: int, _workload: str, _ok: bool, _summary: str) -> None:
        if mailbox_id == self.mailbox_id:
            self.refresh_from_store()

    def set_last_report(self, report) -> None:
        """This session's report of a test just run: it joins the stored runs on the results tab."""
        self.last_report = report
        self.test_runs.live_report = report
        self.reload()

    def show_last_report(self) -> ReportDialog | None:
        """The newest run's report (this session's or a stored one)."""
        runs = self.test_runs.runs()
        if runs:
            return self.test_runs.open_run(runs[0])  # wired by _wire_report (RunHistory.opened)
        if self.last_report is None:
            return None
        dialog = ReportDialog(self.last_report, self.ui.name.text(), self)
        self._wire_report(dialog)
        dialog.show()
        return dialog

    def _wire_report(self, dialog: ReportDialog) -> None:
        """A report opened from this editor leads to its tabs, the profile, or a new test."""
        dialog.open_mailbox_tab.connect(lambda _id, tab: self.show_tab(tab))
        dialog.open_profile.connect(self.open_profile)
        dialog.test_again.connect(lambda _id: self.request_test())

    def _newest_report(self):
        """The newest report: this session's (it has the next steps) unless a newer run was stored
        since (the scheduler's retry of a failed test)."""
        runs = stored_runs(self.mailbox_id, limit=1) if self.mailbox_id is not None else []
        live = self.last_report
        if live is not None and (not runs or runs[0].started_on <= live.started_on):
            return live
        return report_from_stored(runs[0]) if runs else None

    def show_tab(self, name: str) -> None:
        """Bring the editor forward on one tab: general, sync, credentials, results, alerts, history
        (app.domain.remedy.Place values name the first four)."""
        tabs = {
            "general": self.ui.generalTab,
            "sync": self.ui.syncTab,
            "credentials": self.ui.credentialsTab,
            "results": self.ui.resultsTab,
            "alerts": self.ui.alertsTab,
            "history": self.ui.historyTab,
            "conflicts": self.ui.conflictsTab,
        }
        self.ui.tabs.setCurrentWidget(tabs.get(name, self.ui.generalTab))
        bring_to_front(self)

    def details_text(self) -> str:
        m = Mailbox.get_by_id(self.mailbox_id)
        row = queries.mailbox_rows(mailbox_id=self.mailbox_id)[0]
        newest = self._newest_report()
        last = report_text(newest, m.name, translate) if newest is not None else ""
        return mailbox_details_text(
            m,
            row.profile_name,
            row.owner_name,
            secrets.has_password(secrets.mailbox_key(m.id)),
            queries.alert_rows(mailbox_id=m.id),
            last,
            translate=translate,
        )

    def download_details(self) -> None:
        self._download_dialog = messages.open_save_dialog(
            self,
            self.tr("Save mailbox details"),
            self.tr("Text files (*.txt)"),
            "txt",
            f"mailbox-{self.mailbox_id}.txt",
            self.write_details,
        )

    def write_details(self, path: str) -> None:
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.details_text())
        except OSError as exc:
            messages.show_error(self, self.tr("Save mailbox details"), self.tr("Could not write the file."), str(exc))
