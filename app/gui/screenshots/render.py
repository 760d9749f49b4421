"""Every window rendered with sample data to PNG files, for reviewing layouts.

Renders every main page, the wizard pages, the profile form and mailbox editor tabs, the
notification pane and the test report with sample data to PNG files. Everything happens in a
temporary home with an in-memory keyring and Run key: nothing of the user's is read or written.
With *check* it also reports clipped text and overlapping widgets (exit code 1).

``main(outdir, lang, scale, check)`` is what the command ``python -m app screenshots OUTDIR
[--lang ja] [--scale 1.5] [--check]`` (app/cli/screenshots.py) runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt and the store load when the render starts
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    from app.gui.screenshots.sample_data import Sample
    from app.gui.windows.main_window import MainWindow

    View = Callable[[], QWidget | tuple[QWidget, list[tuple[QWidget, QPoint]]]]


def _settle(widget: QWidget) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    widget.updateGeometry()
    QApplication.processEvents()


def views(sample: Sample) -> Iterator[tuple[str, View]]:
    """(file name, function that shows the view and returns its window) for every view; a view
    with an open menu returns (window, [(menu, where it opens in the window)])."""
    from app.domain.enums import CredentialSource
    from app.gui.screenshots.editing_views import unsaved_views
    from app.gui.screenshots.sample_data import (
        ESCALATION_CODE,
        add_escalation_alerts,
        add_test_history,
        sample_profile_reports,
        sample_report,
    )
    from app.gui.windows.mailbox_editor import MailboxEditor
    from app.gui.windows.main_window import MainWindow
    from app.gui.windows.profile_form import ProfileForm
    from app.gui.windows.profile_wizard import ProfileWizard
    from app.gui.windows.report_dialog import ReportDialog
    from app.gui.windows.test_results_dialog import DiagnosticResultsDialog
    from app.store import manage

    manage.set_default_profile(sample.profile_ids[0])  # the list marks it
    window = MainWindow()
    window.resize(1200, 720)
    from PySide6.QtCore import QCoreApplication

    from app.gui.i18n import names_text
    from app.gui.sync_controller import SyncController
    from app.store.models import Mailbox

    sync = SyncController(window)  # never started: the buttons it enables look as in the app
    window.set_sync(sync)
    emails = [m.email for m in Mailbox.select().order_by(Mailbox.id).limit(3)]
    if emails:  # the status bar as it looks while the engine runs (the longest form of its text)
        window.set_activity(
            "sync",
            QCoreApplication.translate("SyncController", "Synchronizing %1 and %2 more…")
            .replace("%1", names_text(emails[:2]))
            .replace("%2", str(max(1, len(emails) - 2))),
        )
    pages = ((MainWindow.PROFILES, "main-profiles"), (MainWindow.MAILBOXES, "main-mailboxes"))
    for index, name in (*pages, (MainWindow.ALERTS, "main-alerts")):

        def show_page(index=index):
            window.show_page(index)
            window.show()
            return window

        yield name, show_page

    def banner():
        window.show_page(MainWindow.MAILBOXES)
        from PySide6.QtCore import QCoreApplication

        window.show_banner(
            QCoreApplication.translate(
                "TrayController",
                "Server-Side Sync Manager keeps synchronizing in the notification area. "
                "Use Quit in its menu to end it.",
            )
        )
        window.show()
        return window

    yield "main-banner", banner
    window.ui.banner.hide()
    yield from management_views(sample, window)
    window.mailboxes_page.ui.table.clearSelection()

    wizard = ProfileWizard()
    fields = wizard.fields
    fields.location.name.setText("Exchange 2013")
    fields.location.autoDiscover.setChecked(False)
    fields.location.incomingUrl.setText("mail.contoso.com")
    for number, part in enumerate(("location", "credentials", "advanced", "additional"), 1):

        def show_wizard_page(part=part):
            if part == "credentials":
                fields.location.incomingUrl.setText("https://mail.contoso.com/EWS/Exchange.asmx")
                cred = fields.credentials
                cred.credentialSource.setCurrentIndex(cred.credentialSource.findData(CredentialSource.PROFILE.value))
                cred.outgoingSameAsIncoming.setChecked(False)
                cred.outgoingCredentialSource.setCurrentIndex(
                    cred.outgoingCredentialSource.findData(CredentialSource.PROFILE.value)
                )
            if part == "advanced":
                fields.credentials.username.setText("CONTOSO\\crmservice")
                fields.credentials.password.setText("x")
                fields.credentials.outgoingUsername.setText("CONTOSO\\crmservice")
                fields.credentials.outgoingPassword.setText("x")
                fields.credentials.outgoingUrl.setText("https://smtp.contoso.com/EWS/Exchange.asmx")
                fields.advanced.useSsl.setChecked(False)
            if part == "additional":
                fields.advanced.useSsl.setChecked(True)
            for _ in range(len(wizard.pages)):
                if wizard.currentPage() is wizard.pages[part]:
                    break
                wizard.next()  # stays put when the page is incomplete: the picture shows why
            wizard.fields.reveal(part)  # as after Next: the page's messages show
            wizard.show()
            return wizard

        yield f"wizard-{number}-{part}", show_wizard_page

    form = ProfileForm(sample.profile_ids[1])
    tabs = ("general", "credentials", "advanced", "additional", "mailboxes", "alerts")
    for index, name in enumerate(tabs):

        def show_profile_tab(index=index):
            form.ui.tabs.setCurrentIndex(index)
            form.show()
            return form

        yield f"profile-{index + 1}-{name}", show_profile_tab

    add_test_history(sample.mailbox_ids["alice"])  # stored runs and conflicts: the editor's history
    editor = MailboxEditor(sample.mailbox_ids["alice"])
    editor.set_sync(sync)
    for index, name in enumerate(("general", "sync", "credentials", "results", "alerts", "history")):

        def show_mailbox_tab(index=index):
            editor.ui.tabs.setCurrentIndex(index)
            editor.show()
            return editor

        yield f"mailbox-{index + 1}-{name}", show_mailbox_tab

    def history_runs():
        editor.ui.tabs.setCurrentWidget(editor.ui.resultsTab)
        editor.ui.runsTable.selectRow(1)  # an earlier run, ready to open again
        editor.show()
        return editor

    yield "history-runs", history_runs

    def history_conflicts():
        editor.ui.tabs.setCurrentWidget(editor.ui.conflictsTab)
        editor.ui.conflictsTable.selectRow(1)
        editor.show()
        return editor

    yield "history-conflicts", history_conflicts
    yield from unsaved_views(sample)

    def report():
        """As it opens: the summary and its actions on top, the transcripts folded."""
        dialog = ReportDialog(sample_report(sample.mailbox_ids["alice"]), sample.names.alice)
        dialog.show()
        return dialog

    yield "report", report
    yield from log_views()

    def profile_test_results():
        dialog = DiagnosticResultsDialog(sample_profile_reports(sample), sample.names.onprem)
        dialog.show()
        return dialog

    yield "profile-test-results", profile_test_results
    yield from options_views(sample)
    yield from demo_views(sample)

    def alerts_escalation():
        """Alice's wrong password as issue 13's engine records it: a Warning with the next retry,
        then an Error; the search shows her rows only, the Warning is selected (its details)."""
        add_escalation_alerts(sample.mailbox_ids["alice"])
        window.show_page(MainWindow.ALERTS)
        window.refresh()
        window.alerts.ui.search.setText(sample.names.alice)
        table = window.alerts.ui.table
        for row in range(window.alerts.proxy.rowCount()):
            if window.alerts.proxy.row_at(row).error_code == ESCALATION_CODE and (
                window.alerts.proxy.row_at(row).level.value == "warning"
            ):
                table.selectRow(row)
        window.show()
        return window

    yield "alerts-escalation", alerts_escalation

    def alerts_actions():
        """Alice's Error selected, its context menu open where the admin right-clicked it."""
        from app.gui.screenshots.sample_data import ESCALATION_CODE

        window.show_page(window.ALERTS)
        pane = window.alerts
        table = pane.ui.table
        for row in range(pane.proxy.rowCount()):
            found = pane.proxy.row_at(row)
            if found.error_code == ESCALATION_CODE and found.level.value == "error":
                table.selectRow(row)
                where = table.visualRect(pane.proxy.index(row, 3)).center()
        window.show()
        _settle(window)
        pane.menu.ensurePolished()
        pane.menu.resize(pane.menu.sizeHint())
        return window, [(pane.menu, table.viewport().mapTo(window, where))]

    yield "alerts-actions", alerts_actions

    from app.gui.screenshots.dashboard_views import dashboard_views

    yield from dashboard_views()
    from app.gui.screenshots.record_views import record_views

    yield from record_views(sample)
    from app.gui.screenshots.fleet_views import fleet_views

    yield from fleet_views(sample)
    yield from users_views(sample)


def users_views(sample: Sample) -> Iterator[tuple[str, View]]:
    """The Users & queues page as a widget of its own, the owner dialog (a queue whose new address
    is taken), the address book with people found, and a CSV file with bad lines."""
    from app import paths
    from app.domain.enums import OwnerKind
    from app.gui.pages.users_page import UsersPage
    from app.gui.screenshots.sample_data import add_owner_samples
    from app.gui.windows.address_book_dialog import Person
    from app.gui.windows.csv_import_dialog import check_csv_file

    add_owner_samples(sample)
    page = UsersPage()
    page.resize(1100, 560)

    def users_page():
        page.refresh()
        page.select(OwnerKind.USER, sample.user_ids["dave"])
        page.show()
        return page

    yield "users-page", users_page

    def edit():
        dialog = page.edit_selected() if page.select(OwnerKind.QUEUE, sample.queue_id) else None
        assert dialog is not None
        dialog.ui.email.setText("alice@contoso.com")
        dialog.errors.reveal_all()  # as after leaving the field
        return dialog

    yield "users-edit", edit

    def address_book():
        dialog = page.add_from_address_book()
        dialog.ui.query.setText("Ca")
        dialog.show_people(
            [
                Person("Carlos Garcia", "carlos@contoso.com"),
                Person("Carol Chen", "carol@contoso.com"),
                Person("Catherine Mori", "catherine@contoso.com"),
                Person("Cathy Alice Wong", "alice@contoso.com"),
            ]
        )
        dialog.set_checked("carol@contoso.com")
        dialog.set_checked("catherine@contoso.com")
        return dialog

    yield "users-address-book", address_book

    def csv_import():
        path = paths.data_dir() / "users.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "kind,name,email,delete_after_processing\n"
            "user,Carol Chen,carol@contoso.com,\n"
            "user,Erin Suzuki,erin@contoso,\n"
            "queue,Billing,billing@contoso.com,yes\n"
            "queue,Support (Tokyo),support@contoso.com,no\n",
            encoding="utf-8",
        )
        dialog = page.import_csv()
        dialog.ui.fileName.setText(path.name)
        dialog.show_check(check_csv_file(str(path)))  # what load_file's worker does, here at once
        return dialog

    yield "users-csv", csv_import
    yield from settings_views(sample)


def settings_views(sample: Sample) -> Iterator[tuple[str, View]]:
    """The Settings page on its own (the main window shows it as a page): as saved, with alert
    emails going through the admin's mailbox; then with broken values and their messages. Last
    of the views, as it saves settings that would change how the others' alerts are recorded."""
    from app.domain.system_settings import SystemSettingsValues
    from app.gui.pages.settings_page import SettingsPage
    from app.store.system_settings import save_system_settings

    save_system_settings(
        SystemSettingsValues(
            toast_warnings=True,
            notify_owner_by_email=True,
            notify_mailbox_id=sample.mailbox_ids["admin"],
            default_profile_id=sample.profile_ids[0],
        )
    )
    page = SettingsPage()

    def saved():
        page.revert()
        return _fit_page(page)

    yield "settings-page", saved

    def errors():
        ui = page.ui
        ui.recordErrors.setChecked(False)
        ui.transientFailureLimit.setValue(0)
        ui.authRetryLimit.setValue(5)
        ui.trackingTokenPrefix.setText("CRM 1")
        ui.notifyMailbox.setCurrentIndex(0)
        page.errors.reveal_all()  # as after Save
        return _fit_page(page)

    yield "settings-errors", errors


def _fit_page(page: QWidget) -> QWidget:
    """Shown at a main window's page width, as tall as its contents (nothing hidden by scrolling)."""
    from PySide6.QtWidgets import QScrollArea

    page.resize(940, 600)
    page.show()
    _settle(page)
    scroll = page.findChild(QScrollArea)
    contents = scroll.widget() if scroll is not None else None
    assert scroll is not None and contents is not None
    for _ in range(2):  # wrapped texts take their height once their width is known
        needed = contents.minimumSizeHint().height()
        page.resize(page.width(), page.height() - scroll.viewport().height() + needed)
        _settle(page)
    return page


def log_views() -> Iterator[tuple[str, View]]:
    """The log page with a morning's log (the crash report's record selected) and the crash dialog."""
    from app import paths
    from app.gui.pages.logs_page import LogsPage
    from app.gui.screenshots.sample_data import sample_crash_report, write_sample_log
    from app.gui.windows.crash_dialog import CrashDialog
    from app.log import LOG_FILE_NAME

    log_file = paths.log_dir() / LOG_FILE_NAME

    def logs():
        write_sample_log(log_file)
        page = LogsPage(log_file=log_file)
        page.resize(1200, 640)
        page.show()
        _wait_until(page.is_loaded)
        for row in range(page.proxy.rowCount()):
            if page.proxy.record_at(row).source == "app.gui.windows.crash_dialog":
                page.ui.table.selectRow(row)
        return page

    yield "logs", logs

    def crash():
        dialog = CrashDialog(sample_crash_report(log_file), log_file)
        dialog.show()
        return dialog

    yield "crash", crash


def _wait_until(done: Callable[[], bool], seconds: float = 20) -> None:
    """Events processed until *done* (work in a worker thread, e.g. the log page's first read)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the view did not finish loading")
        QApplication.processEvents()
        time.sleep(0.01)


def management_views(sample: Sample, window: MainWindow) -> Iterator[tuple[str, View]]:
    """The first run's Profiles page, and the Mailboxes page's actions on a selection: its context
    menu and the move to another profile (Bob's credentials do not suit the chosen profile)."""
    from app.gui.windows.main_window import MainWindow

    def first_run():
        # a window of its own, as on the first start (nothing synchronizing); its list emptied
        first = MainWindow()
        first.resize(1200, 720)
        first.profiles_page.set_rows([])
        first.show_page(MainWindow.PROFILES)
        first.show()
        return first

    yield "first-run", first_run
    page = window.mailboxes_page

    def select(*keys: str) -> None:
        table = page.ui.table
        table.clearSelection()
        wanted = {sample.mailbox_ids[key] for key in keys}
        for row in range(page.proxy.rowCount()):
            if page.proxy.row_at(row).id in wanted:
                table.selectionModel().select(
                    page.proxy.index(row, 0),
                    table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
                )

    def bulk_menu():
        window.show_page(MainWindow.MAILBOXES)
        select("alice", "bob", "support")
        window.show()
        _settle(window)
        menu = page.context_menu()
        menu.ensurePolished()
        menu.resize(menu.sizeHint())
        table = page.ui.table
        last = max(i.row() for i in table.selectionModel().selectedRows())
        where = table.visualRect(page.proxy.index(last, 2)).center()
        return window, [(menu, table.viewport().mapTo(window, where))]

    yield "bulk-menu", bulk_menu

    def bulk_move():
        select("admin", "bob", "support")
        page.move_selected()
        dialog = page._dialog
        assert dialog is not None
        dialog.ui.profile.setCurrentIndex(dialog.ui.profile.findData(sample.profile_ids[0]))
        return dialog

    yield "bulk-move", bulk_move


def add_sample_appointments(sample: Sample) -> list[int]:
    """Appointments of the sample users, for the filter editor's preview; their ids."""
    from datetime import datetime, timedelta, timezone

    from app.domain.enums import RecordState
    from app.store.models import Appointment

    first = datetime(2026, 3, 2, 0, 0, tzinfo=timezone.utc)
    owners = [sample.user_ids["admin"], sample.user_ids["alice"], sample.user_ids["bob"], None]
    subjects = ["Quarterly review", "Fabrikam visit", "Budget planning", "顧客訪問", "Product demo", "Weekly sync"]
    categories = ["", "Customer", "Internal", "Customer", "", "Partner"]
    made = []
    for n in range(48):
        start = first + timedelta(days=n // 3, hours=9 + 2 * (n % 3))
        appointment = Appointment.create(
            owner=owners[n % 4],
            state=RecordState.INACTIVE if n % 7 == 6 else RecordState.ACTIVE,
            subject=subjects[n % 6],
            category=categories[(n + n // 6) % 6],
            start=start,
            end=start + timedelta(hours=1),
        )
        made.append(appointment.id)
    return made


def options_views(sample: Sample) -> Iterator[tuple[str, View]]:
    """The admin's personal options: the Email tab, the Synchronization tab, and the filter editor
    with "My Appointments, or the appointments in the category Customer" and its preview."""
    from app.domain.enums import RecordType
    from app.gui.windows.user_options_dialog import UserOptionsDialog
    from app.store.models import Appointment

    made = add_sample_appointments(sample)
    dialog = UserOptionsDialog(sample.user_ids["admin"])

    def tracking():
        dialog.ui.tabs.setCurrentWidget(dialog.ui.emailTab)
        dialog.show()
        return dialog

    yield "options-tracking", tracking

    def conflicts():
        dialog.ui.tabs.setCurrentWidget(dialog.ui.syncTab)
        return dialog

    yield "options-conflicts", conflicts

    def filters():
        from PySide6.QtCore import QElapsedTimer
        from PySide6.QtWidgets import QApplication

        ui, editor = dialog.ui, dialog.editor
        ui.tabs.setCurrentWidget(ui.filtersTab)
        editor.show_record_type(RecordType.APPOINTMENT)
        group = editor.current_page().add_filter()
        group.name.setText("Customer appointments")  # data, as the admin typed it
        row = group.rows[0]
        row.field.setCurrentIndex(row.field.findData("category"))
        row.value.setText("Customer")
        editor.refresh_preview()
        waited = QElapsedTimer()
        waited.start()
        while editor.shown is None or editor.preview.busy() or editor.timer.isActive():
            QApplication.processEvents()  # the preview is counted on its own thread
            if waited.elapsed() > 10_000:
                break
        return dialog

    yield "filters-editor", filters
    dialog.editor.stop_preview()
    Appointment.delete().where(Appointment.id.in_(made)).execute()  # the views after these never saw them


def demo_views(sample: Sample) -> Iterator[tuple[str, View]]:
    """Demo mode's window: its Demo menu open, the demo accounts and the fault dialog. A loopback
    server that is never started stands in for the demo's own (its accounts with fixed passwords,
    so that the pictures do not change from run to run)."""
    from app import paths
    from app.domain import timeunit
    from app.gui.windows.main_window import MainWindow
    from app.simulator.server import LoopbackExchange

    server = LoopbackExchange(paths.simulator_dir(), port=50443)
    for user, password in (("alice", "k7Rw-2pQx9Lm"), ("bob", "Vn3_hT8yWq4e"), ("carol", "pX9mL2-sDf6a")):
        server.add_account(f"{user}@contoso.com", password)
    server.add_account("sync.service@contoso.com", "Gh4-zQ8wRt2yLp6c", "Sync Service", roles=("impersonation",))
    window = MainWindow()
    window.resize(1200, 720)
    timeunit.use_demo_clock()  # the status bar as in demo mode; nothing else runs here
    try:
        window.set_demo(server)
    finally:
        timeunit.reset()
    menu = window.demo_menu
    assert menu is not None

    def menu_open():
        window.show_page(MainWindow.MAILBOXES)
        window.show()
        _settle(window)
        # drawn where it opens, under its title; not popped up (offscreen cannot grab the keyboard)
        bar = window.menuBar()
        menu.ensurePolished()
        menu.resize(menu.sizeHint())
        return window, [(menu, bar.mapTo(window, bar.actionGeometry(menu.menuAction()).bottomLeft()))]

    yield "demo-menu", menu_open

    def accounts():
        dialog = window.show_demo_accounts()
        return dialog

    yield "demo-accounts", accounts

    def fault():
        dialog = window.simulate_demo_fault()
        dialog.select("bob@contoso.com", "server_busy")
        dialog.operation.setCurrentIndex(dialog.operation.findData("SyncFolderItems"))
        return dialog

    yield "demo-fault", fault


def render_all(outdir: Path, sample: Sample, *, check: bool) -> dict[str, list[str]]:
    """Render every view to OUTDIR/<name>.png; returns the layout problems found per view."""
    from app.gui.screenshots.layout_check import layout_problems

    outdir.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    shown = []
    for name, show in views(sample):
        shown_now = show()
        window, popups = shown_now if isinstance(shown_now, tuple) else (shown_now, [])
        if window not in shown:
            shown.append(window)
        _settle(window)
        picture = window.grab()
        if popups:  # an open menu is a window of its own: drawn over the window where it opens
            from PySide6.QtGui import QPainter

            painter = QPainter(picture)
            for popup, position in popups:
                painter.drawPixmap(position, popup.grab())
            painter.end()
        picture.save(str(outdir / f"{name}.png"))
        if check:
            found = layout_problems(window)
            if found:
                problems[name] = found
    for window in shown:
        window.close()
    return problems


def _memory_keyring():
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.entries = {}

        def get_password(self, service, username):
            return self.entries.get((service, username))

        def set_password(self, service, username, password):
            self.entries[(service, username)] = password

        def delete_password(self, service, username):
            self.entries.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())


def _memory_run_key():
    """Start at login in memory, and on: the pictures show the Windows page wherever they are
    made, and never read or change this computer's registry."""
    from app import autostart

    class MemoryRunKey:
        def __init__(self):
            self.command: str | None = autostart.start_command(
                r"C:\Users\admin\AppData\Local\Programs\SSSM\SSSM.exe", True
            )

        def read(self):
            return self.command

        def write(self, command):
            self.command = command

        def delete(self):
            self.command = None

    autostart.use_run_key(MemoryRunKey())


def main(outdir: Path, lang: str = "en", scale: float = 1.0, check: bool = False) -> int:
    """Render every view to OUTDIR/<name>.png in *lang* at *scale*; with *check*, print the layout
    problems found and return 1 if there are any. Starts Qt itself: call it before any QApplication."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    with tempfile.TemporaryDirectory(prefix="sssm-screens-") as home:
        os.environ["SSSM_HOME"] = home
        _memory_keyring()
        _memory_run_key()
        from PySide6.QtCore import qInstallMessageHandler

        from app import paths
        from app.gui.application import create_application
        from app.gui.screenshots.sample_data import create_sample_data
        from app.store.db import close_database, open_database

        def quiet(mode, context, message):  # the offscreen platform's own complaints are noise here
            if "propagateSizeHints" not in message:
                print(message, file=sys.stderr)

        qInstallMessageHandler(quiet)
        app = create_application([sys.argv[0]], lang=lang)
        open_database(paths.database_path())
        try:
            problems = render_all(Path(outdir), create_sample_data(language=lang), check=check)
        finally:
            close_database()
        app.closeAllWindows()
    for name, found in problems.items():
        for problem in found:
            print(f"{name}: {problem}")
    print(f"screenshots written to {outdir}")
    return 1 if problems else 0
