"""The main window: navigation on the left, one page per area, a status bar with what is running."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.gui.forms.ui_main_window import Ui_MainWindow
from app.gui.i18n import enum_text, fields_text
from app.gui.page_icons import navigation_icon
from app.gui.windows.base import PreserveGeometry, bring_to_front, window_settings
from app.gui.workers import background_imports

# The windows this one opens are imported when first opened, and the pages that read the store
# when the window is completed (MainWindow.complete): the first window paints sooner
# (tests/gui/test_startup_imports.py; the demo's dialogs bring keyring with app.demo).
if TYPE_CHECKING:
    from app.gui.diagnostic_runner import DiagnosticRunner
    from app.gui.models.table_models import RowTableModel, SearchProxy
    from app.gui.pages.dashboard_page import DashboardPage
    from app.gui.pages.hosts_page import HostsPage
    from app.gui.pages.logs_page import LogsPage
    from app.gui.pages.mailboxes_page import MailboxesPage
    from app.gui.pages.profiles_page import ProfilesPage
    from app.gui.pages.records_page import RecordsPage
    from app.gui.pages.settings_page import SettingsPage
    from app.gui.pages.users_page import UsersPage
    from app.gui.widgets.alerts_pane import AlertsPane
    from app.gui.windows.demo_accounts_dialog import DemoAccountsDialog
    from app.gui.windows.demo_fault_dialog import DemoFaultDialog
    from app.gui.windows.demo_password_dialog import DemoPasswordDialog
    from app.gui.windows.mailbox_editor import MailboxEditor
    from app.gui.windows.profile_form import ProfileForm
    from app.gui.windows.profile_wizard import ProfileWizard
    from app.gui.windows.report_dialog import ReportDialog
    from app.gui.windows.test_results_dialog import DiagnosticResultsDialog
    from app.gui.windows.user_options_dialog import UserOptionsDialog
    from app.simulator.server import LoopbackExchange


def import_windows() -> None:
    """Import the windows the main window and its pages open. The application runs this in a
    thread once the main window shows, so that the first of each opens without importing on the
    GUI thread (a results dialog opens while tests run, and must not stall the window)."""
    with background_imports:
        from app.gui.windows import (  # noqa: F401
            address_book_dialog,
            csv_import_dialog,
            mailbox_editor,
            owner_dialog,
            profile_form,
            profile_wizard,
            report_dialog,
            test_results_dialog,
            user_options_dialog,
        )


class MainWindow(PreserveGeometry, QMainWindow):
    DASHBOARD, PROFILES, MAILBOXES, USERS, ALERTS, SETTINGS, LOGS, RECORDS = range(8)  # the navigation's pages
    NAVIGATION_ICONS = ("dashboard", "profiles", "mailboxes", "users", "alerts", "settings", "logs", "records")
    default_size = QSize(1100, 700)

    refreshed = Signal()  # after the lists were reloaded (the tray re-reads the alert state)
    completed = Signal()  # complete(): the pages that read the store are built, their lists filled

    def __init__(self, parent: QWidget | None = None, *, complete: bool = True, store_open: bool = True):
        """The whole window; with *complete* False only its frame — the menus, the navigation with
        all its entries, the status bar and the start page — and the parts that read the store
        (the profiles, mailboxes and alerts pages and their lists) when ``complete()`` is called:
        the application paints the frame first and completes it in the next turn of the event loop.
        Whatever needs those parts before then (a click on the navigation, a menu command, a
        refresh) completes the window first, so nothing is lost.

        With *store_open* False (and *complete* False) the frame is built before the store is
        opened, and reads nothing of it: its start page's contents, and the choice of the profiles
        page when there is no profile, come with ``complete()``, which the application calls once
        it has opened the store. Whether the store is a shared database (the Hosts entry) is known
        from its URL."""
        super().__init__(parent)
        assert store_open or not complete, "a complete window reads the store"
        self._store_ready = store_open  # False: the frame is built before the store is open
        self._complete = False
        self._framed = False  # the frame is built; from then on a page change completes the window
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        ui = self.ui
        for row, icon in enumerate(self.NAVIGATION_ICONS):
            ui.navigation.item(row).setIcon(navigation_icon(icon))
        self._fit_navigation()
        ui.navigation.currentRowChanged.connect(ui.pages.setCurrentIndex)
        ui.navigation.setCurrentRow(self.PROFILES)
        # the dashboard (pyqtgraph, numpy) is built after the window shows, when its page is first on show
        self._dashboard: DashboardPage | None = None
        self._records: RecordsPage | None = None
        ui.dashboardLayout.addWidget(QLabel(self.tr("Loading the dashboard…")))
        ui.navigation.currentRowChanged.connect(self._page_shown)
        self.activity_label = QLabel(self.tr("Ready"))
        self.statusBar().addWidget(self.activity_label, 1)
        self._activities: dict[str, str] = {}
        if not store_open:  # the frame paints first: what it waits for (a migration can take a while)
            self.set_activity("store", self.tr("Opening the data file…"))
        # what closing the window does; the tray controller replaces it (close to tray)
        self.close_handler: Callable[[QCloseEvent], None] | None = None
        self._import_dialog: QFileDialog | None = None

        # the pages that read the store: built by complete(), or the start page's when the window
        # opens on it; the users, settings and logs pages when first shown (start-up time)
        self._profiles: ProfilesPage | None = None
        self._mailboxes: MailboxesPage | None = None
        self._alerts: AlertsPane | None = None
        self._users: UsersPage | None = None
        self._settings: SettingsPage | None = None
        self._logs: LogsPage | None = None

        ui.actionNewProfile.triggered.connect(lambda: self.new_profile())
        ui.actionNewMailbox.triggered.connect(self.new_mailbox)
        ui.actionRefresh.triggered.connect(self.refresh)
        ui.actionFind.triggered.connect(self.focus_search)
        ui.actionQuit.triggered.connect(self.quit_requested)
        ui.bannerClose.clicked.connect(ui.banner.hide)
        ui.bannerLayout.setStretch(0, 1)  # the message takes the width, the button only what it needs
        ui.bannerClose.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        ui.banner.setStyleSheet("#banner { background: #fff4ce; border: 1px solid #e0c060; }")

        self._tests: DiagnosticRunner | None = None  # Test & Enable: made when first used
        self.profile_forms: dict[int, ProfileForm] = {}
        self.mailbox_editors: dict[int, MailboxEditor] = {}
        self.wizard: ProfileWizard | None = None
        self.sync = None  # the SyncController (set_sync); windows work without one (tests, screenshots)
        self.demo_server: LoopbackExchange | None = None  # the demo's loopback server (set_demo): demo mode only
        self.demo_menu: QMenu | None = None
        self.demo_dialogs: dict[str, QDialog] = {}
        # the Hosts page: only on a shared database, whose window is the console of a fleet
        self.hosts_index: int | None = None
        self._hosts: HostsPage | None = None
        if self._shared_database():
            self.add_hosts_page()
        self.restore_geometry()
        self.restore_page()
        self._frame_page = self.current_page()
        start_page = {self.PROFILES: "profiles_page", self.MAILBOXES: "mailboxes_page", self.ALERTS: "alerts"}
        if self._store_ready and self.current_page() in start_page:
            getattr(self, start_page[self.current_page()])  # the page the window opens on: in the frame
        self._framed = True
        if complete:
            self.complete()

    def complete(self) -> None:
        """Build what reads the store — the profiles, mailboxes and alerts pages — and fill the
        lists; then ``completed``. Once: later calls do nothing."""
        if self._complete:
            return
        deferred = not self._store_ready  # the frame was built before the store was open
        page = self.current_page()
        if deferred:
            self._store_ready = True
            self.set_activity("store", "")
            if page == self._frame_page:  # not chosen since: the profiles page if there is no profile
                page = self._start_page()
        self._complete = True
        if deferred:
            if page != self.current_page():
                self.show_page(page)  # which builds it
            else:
                self._page_shown(page)  # the page on show, built now
        self.profiles_page  # noqa: B018 - each built unless the window opened on it
        self.mailboxes_page  # noqa: B018
        self.alerts  # noqa: B018 - the alerts fill themselves as they are built
        self._load_lists()  # the users page filled itself when it was built
        if self.current_page() == self.DASHBOARD and self._dashboard is None:
            QTimer.singleShot(50, self._build_dashboard)  # after the window has painted
        self.completed.emit()

    @property
    def is_complete(self) -> bool:
        return self._complete

    @property
    def store_ready(self) -> bool:
        """False while the frame, built before the store was opened, waits for ``complete()``."""
        return self._store_ready

    @property
    def tests(self) -> DiagnosticRunner:
        """Test & Enable of mailboxes and profiles (its module reads the store's models)."""
        if self._tests is None:
            from app.gui.diagnostic_runner import DiagnosticRunner

            tests = self._tests = DiagnosticRunner(self)
            tests.activity.connect(self.set_activity)
            tests.finished.connect(self.refresh)
            tests.mailbox_tested.connect(self.show_report)
            tests.profile_tested.connect(lambda profile_id, reports: self._reports_arrived(reports, profile_id))
            tests.mailboxes_tested.connect(self._reports_arrived)
            tests.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        return self._tests

    def _shared_database(self) -> bool:
        """Whether the store is a shared PostgreSQL database (the window is the fleet's console):
        before it is open, from its URL (``--database``, or SSSM_DATABASE_URL)."""
        if not self._store_ready:
            from app import paths

            return paths.database_url() is not None
        from app.store import fleet

        return fleet.shared_database()

    def retranslate(self) -> None:
        """The frame in the language installed since it was built (the store's setting, read after
        the frame painted): menus, navigation entries, status bar. Pages built later are in it."""
        self.ui.retranslateUi(self)
        if self.hosts_index is not None:
            self.ui.navigation.item(self.hosts_index).setText(self.tr("Hosts"))
        if self._dashboard is None:
            for index in range(self.ui.dashboardLayout.count()):
                item = self.ui.dashboardLayout.itemAt(index)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    label.setText(self.tr("Loading the dashboard…"))
        if not self._store_ready:
            self.set_activity("store", self.tr("Opening the data file…"))
        self.set_activity("", "")  # "Ready", or what runs
        self._fit_navigation()

    @property
    def profiles_page(self) -> ProfilesPage:
        """The Email server profiles page (its list is filled by complete())."""
        if self._profiles is None:
            from app.gui.pages.profiles_page import ProfilesPage

            page = ProfilesPage(self.ui.profilesPage)
            self.ui.profilesLayout.addWidget(page)
            page.open_profile.connect(self.open_profile)
            page.new_profile.connect(lambda: self.new_profile())
            page.import_profile.connect(self.import_profile)
            page.add_mailboxes.connect(lambda _id: self.show_page(self.USERS))
            page.test_profile.connect(self._test_profile)
            page.changed.connect(self.refresh)
            self._profiles = page
            self._complete_later()
        return self._profiles

    @property
    def mailboxes_page(self) -> MailboxesPage:
        """The Mailboxes page (its list is filled by complete())."""
        if self._mailboxes is None:
            from app.gui.pages.mailboxes_page import MailboxesPage

            page = MailboxesPage(self.ui.mailboxesPage)
            self.ui.mailboxesLayout.addWidget(page)
            page.open_mailbox.connect(self.open_mailbox)
            page.new_mailbox.connect(self.new_mailbox)
            page.test_requested.connect(self.test_mailboxes)
            page.changed.connect(self.refresh)
            page.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
            if self.sync is not None:
                page.set_push_source(self.sync.push_states)
            self._mailboxes = page
            self._complete_later()
        return self._mailboxes

    @property
    def alerts(self) -> AlertsPane:
        """The Alerts page (it reads the alerts as it is built)."""
        if self._alerts is None:
            from app.gui.widgets.alerts_pane import AlertsPane

            pane = AlertsPane(self.ui.alertsPage)
            self.ui.alertsLayout.addWidget(pane)
            pane.open_mailbox.connect(self.open_mailbox)
            pane.open_profile.connect(self.open_profile)
            pane.changed.connect(self.refresh)
            self._wire_alert_actions(pane)
            self._alerts = pane
            self._complete_later()
        return self._alerts

    def _complete_later(self) -> None:
        """A page of the frame was used after the frame was built (a click, a command, code):
        the whole window is completed first, so that the page has its list."""
        if self._framed and not self._complete:
            self.complete()

    @property
    def profiles(self) -> RowTableModel:
        return self.profiles_page.model

    @property
    def profile_proxy(self) -> SearchProxy:
        return self.profiles_page.proxy

    @property
    def mailboxes(self) -> RowTableModel:
        return self.mailboxes_page.model

    @property
    def mailbox_proxy(self) -> SearchProxy:
        return self.mailboxes_page.proxy

    def _fit_navigation(self) -> None:
        """The navigation as wide as its longest entry in this language (電子メールサーバープロファイル
        was cut, with a scroll bar under it), never scrolled sideways."""
        nav = self.ui.navigation
        nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widest = (
            nav.sizeHintForColumn(0)
            + 2 * nav.frameWidth()
            + nav.verticalScrollBar().sizeHint().width()  # the style's scroll bar extent (QStyle: later)
        )
        # one width whatever the page beside it asks for (the frame, painted before any page is
        # built, would otherwise get more than the same window once its page is there): the form's
        # 180 px at least, or what the words need
        nav.setFixedWidth(max(nav.minimumWidth(), widest))

    # --- pages and lists --------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.ui.navigation.setCurrentRow(index)

    def current_page(self) -> int:
        return self.ui.navigation.currentRow()

    def page_key(self) -> str:
        return f"page/{type(self).__name__}"

    def save_geometry(self) -> None:
        """The size and place (PreserveGeometry), and the page the window was on."""
        super().save_geometry()
        settings = window_settings()
        settings.setValue(self.page_key(), self.current_page())
        settings.sync()

    def restore_page(self) -> None:
        """The page the window was on; without a profile, the profiles page and its first step."""
        self.show_page(self._start_page())

    def _start_page(self) -> int:
        saved = window_settings().value(self.page_key())
        first = self.PROFILES if not self._store_ready else self.DASHBOARD  # a first start: no profile yet
        try:
            page = int(saved) if saved is not None else first
        except (TypeError, ValueError):
            page = first
        if not 0 <= page < self.ui.navigation.count() or (self._store_ready and not self._any_profile()):
            page = self.PROFILES  # before the store is open: complete() looks again
        return page

    def _any_profile(self) -> bool:
        """Whether the store holds a profile (the profiles list is not read yet: one small query)."""
        if self._complete:
            return bool(self.profiles.rows)
        from app.store.models import ServerProfile

        return bool(ServerProfile.select(ServerProfile.id).limit(1).exists())

    def _page_shown(self, index: int) -> None:
        if not self._store_ready:
            return  # the frame before the store is open: complete() builds the page on show
        built_on_show = {
            self.USERS: "users_page",
            self.SETTINGS: "settings_page",
            self.LOGS: "logs_page",
            self.PROFILES: "profiles_page",  # these three: the start page's frame, or complete()
            self.MAILBOXES: "mailboxes_page",
            self.ALERTS: "alerts",
        }
        if index in built_on_show:
            getattr(self, built_on_show[index])  # builds the page the first time it shows
        if self._framed and not self._complete:
            self.complete()  # a page chosen before the window was completed: its list first
        if index == self.DASHBOARD and self._dashboard is None and self._complete:
            QTimer.singleShot(50, self._build_dashboard)  # after the window has painted
        if index == self.RECORDS:
            self.records_page.refresh()
        if index == self.hosts_index:
            self.hosts_page  # noqa: B018 - built the first time it shows; it reads the hosts itself

    @property
    def users_page(self) -> UsersPage:
        """The Users and queues page, built when first shown or used."""
        if self._users is None:
            from app.gui.pages.users_page import UsersPage

            page = UsersPage(self.ui.usersPage)
            self.ui.usersLayout.addWidget(page)
            page.open_mailbox.connect(self.open_mailbox)
            page.options_requested.connect(self.open_user_options)
            page.changed.connect(self.refresh)
            self._users = page
        return self._users

    @property
    def settings_page(self) -> SettingsPage:
        """The Settings page, built when first shown or used."""
        if self._settings is None:
            from app.gui.pages.settings_page import SettingsPage

            page = SettingsPage(self.ui.settingsPage)
            self.ui.settingsLayout.addWidget(page)
            page.saved.connect(self._settings_saved)
            self._settings = page
        return self._settings

    @property
    def logs_page(self) -> LogsPage:
        """The Logs page, built when first shown or used."""
        if self._logs is None:
            from app.gui.pages.logs_page import LogsPage

            page = LogsPage(self.ui.logsPage)
            self.ui.logsLayout.addWidget(page)
            self._logs = page
        return self._logs

    @property
    def records_page(self) -> RecordsPage:
        """The Records page, built when first shown (its lists read the store page by page)."""
        if self._records is None:
            from app.gui.pages.records_page import RecordsPage

            page = RecordsPage(self.ui.recordsPage)
            self.ui.recordsLayout.addWidget(page)
            page.open_mailbox.connect(self.open_mailbox)
            page.changed.connect(self.refresh)
            self._records = page
        return self._records

    def add_hosts_page(self) -> None:
        """The Hosts entry of the navigation, last, and its page (empty until first shown)."""
        container = QWidget()
        self._hosts_layout = QVBoxLayout(container)
        self.hosts_index = self.ui.pages.addWidget(container)
        self.ui.navigation.addItem(QListWidgetItem(navigation_icon("hosts"), self.tr("Hosts")))

    @property
    def hosts_page(self) -> HostsPage:
        """The Hosts page (a shared database only), built when first shown."""
        if self._hosts is None:
            from app.gui.pages.hosts_page import HostsPage

            assert self.hosts_index is not None, "the Hosts page is a shared database's"
            page = HostsPage(self.ui.pages.widget(self.hosts_index))
            self._hosts_layout.addWidget(page)
            self._hosts = page
        return self._hosts

    def _build_dashboard(self) -> None:
        if self._dashboard is None:
            self.dashboard_page  # noqa: B018 - built now; it reads its figures as it is built

    @property
    def dashboard_page(self) -> DashboardPage:
        """The Dashboard page, built on first use: its charts library loads only then."""
        if self._dashboard is None:
            from app.gui.pages.dashboard_page import DashboardPage

            ui = self.ui
            while ui.dashboardLayout.count():  # the "Loading…" line
                item = ui.dashboardLayout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
            page = DashboardPage(ui.dashboardPage)
            ui.dashboardLayout.addWidget(page)
            page.show_mailboxes.connect(self.show_mailboxes_in_state)
            page.open_mailbox.connect(self.open_mailbox)
            if self.sync is not None:
                page.set_sync(self.sync)
            self._dashboard = page
        return self._dashboard

    def show_mailboxes_in_state(self, state: str) -> None:
        """A dashboard tile: the Mailboxes list showing the mailboxes in that state."""
        self.show_page(self.MAILBOXES)
        self.mailboxes_page.show_state(state)

    def focus_search(self) -> None:
        """Ctrl+F: the search box of the page on show."""
        pages = {self.PROFILES: self.profiles_page.search_box, self.MAILBOXES: self.mailboxes_page.search_box}
        pages[self.ALERTS] = self.alerts.ui.search
        pages[self.USERS] = self.users_page.ui.search
        pages[self.LOGS] = self.logs_page.ui.search
        box = pages.get(self.current_page())
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def refresh(self) -> None:
        if self._complete:
            self._load_lists()
        else:
            self.complete()  # it reads the lists
        if self._users is not None:  # a page not built yet reads the store when it is
            self._users.refresh()
        if self._hosts is not None:
            self._hosts.refresh()
        self.alerts.refresh()
        if self._dashboard is not None:
            self._dashboard.request_refresh()  # coalesced: at most once a second
        for form in self.profile_forms.values():
            form.refresh_related()
        for editor in self.mailbox_editors.values():
            editor.alerts.refresh()
        self.refreshed.emit()

    def _load_lists(self) -> None:
        """The profiles and the mailboxes: one query of the mailboxes serves both lists."""
        from app.store import queries

        mailboxes = queries.mailbox_rows()
        self.profiles_page.set_rows(queries.profile_rows(mailboxes))
        self.mailboxes_page.set_rows(mailboxes)

    def _settings_saved(self) -> None:
        """The settings apply at once: the lists show the default profile, the tray re-reads its toasts."""
        self.statusBar().showMessage(self.tr("Settings saved."), 10_000)
        self.refresh()

    def open_user_options(self, user_id: int) -> UserOptionsDialog:
        """The personal options of a user (Users & queues page): tracking, conflicts, sync filters."""
        from app.gui.windows.user_options_dialog import UserOptionsDialog

        dialog = UserOptionsDialog(user_id, self)
        dialog.show()
        return dialog

    def set_sync(self, sync) -> None:
        """Show what the sync engine does; refresh after its cycles (it debounces them)."""
        self.sync = sync
        sync.running_changed.connect(lambda text: self.set_activity("sync", text))
        sync.results_changed.connect(self.refresh)
        sync.cycle_finished.connect(self._cycle_finished)
        if self._mailboxes is not None:  # else as it is built (the frame paints first)
            self._mailboxes.set_push_source(sync.push_states)  # how each mailbox hears of changes
        for editor in self.mailbox_editors.values():
            editor.set_sync(sync)
        if self._dashboard is not None:
            self._dashboard.set_sync(sync)
        self.set_activity("sync", sync.running_text())

    def set_demo(self, server: LoopbackExchange) -> None:
        """Demo mode: the Demo menu, and in the status bar for good where the demo server is and,
        when the demo clock is on, that minutes last seconds."""
        from app.domain import timeunit

        self.demo_server = server
        menu = self.menuBar().addMenu(self.tr("&Demo"))
        menu.addAction(self.tr("Demo &accounts…"), self.show_demo_accounts)
        menu.addAction(self.tr("&Change the password of a demo account…"), self.change_demo_password)
        menu.addSeparator()
        menu.addAction(self.tr("&Simulate a fault…"), self.simulate_demo_fault)
        menu.addAction(self.tr("&End faults"), self.end_demo_faults)
        self.demo_menu = menu
        where = QLabel(self.tr("Demo mode: loopback Exchange server at %1").replace("%1", server.ews_url))
        self.statusBar().addPermanentWidget(where)  # permanent: a status message would hide the engine's activity
        if timeunit.demo_clock_on():
            clock = QLabel(self.tr("Demo clock: times run in seconds instead of minutes"))
            clock.setToolTip(
                self.tr(
                    "Retry and synchronization intervals count in seconds instead of minutes, so that the demo "
                    "shows a failure's Warning, retries and Error in about a minute."
                )
            )
            line = QFrame()
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.statusBar().addPermanentWidget(line)
            self.statusBar().addPermanentWidget(clock)

    def _server(self) -> LoopbackExchange:
        assert self.demo_server is not None, "the Demo menu exists only in demo mode"
        return self.demo_server

    def _demo_dialog(self, key: str, make: Callable[[], QDialog]) -> QDialog:
        dialog = self.demo_dialogs.get(key)
        if dialog is None:
            dialog = self.demo_dialogs[key] = make()
        bring_to_front(dialog)
        return dialog

    def show_demo_accounts(self) -> DemoAccountsDialog:
        from app.gui.windows.demo_accounts_dialog import DemoAccountsDialog

        dialog = self._demo_dialog("accounts", lambda: DemoAccountsDialog(self._server(), self))
        assert isinstance(dialog, DemoAccountsDialog)
        dialog.refresh()
        return dialog

    def change_demo_password(self) -> DemoPasswordDialog:
        from app.gui.windows.demo_password_dialog import DemoPasswordDialog

        dialog = self._demo_dialog("password", self._new_password_dialog)
        assert isinstance(dialog, DemoPasswordDialog)
        return dialog

    def _new_password_dialog(self) -> DemoPasswordDialog:
        from app.gui.windows.demo_password_dialog import DemoPasswordDialog

        dialog = DemoPasswordDialog(self._server(), self)
        dialog.password_changed.connect(self._demo_password_changed)
        dialog.finished.connect(lambda _r: self.demo_dialogs.pop("password", None))  # a fresh one next time
        return dialog

    def _demo_password_changed(self, email: str) -> None:
        from app.gui.windows.demo_accounts_dialog import DemoAccountsDialog

        accounts = self.demo_dialogs.get("accounts")
        if isinstance(accounts, DemoAccountsDialog):
            accounts.refresh()
        self.statusBar().showMessage(
            self.tr(
                "The password of %1 was changed on the demo server; the mailbox still has the old one "
                "until you type the new one on its Credentials tab."
            ).replace("%1", email),
            20_000,
        )

    def simulate_demo_fault(self) -> DemoFaultDialog:
        from app.gui.windows.demo_fault_dialog import DemoFaultDialog

        dialog = self._demo_dialog("fault", self._new_fault_dialog)
        assert isinstance(dialog, DemoFaultDialog)
        dialog.refresh()
        return dialog

    def _new_fault_dialog(self) -> DemoFaultDialog:
        from app.gui.windows.demo_fault_dialog import DemoFaultDialog

        dialog = DemoFaultDialog(self._server(), self)
        dialog.faults_changed.connect(lambda text: self.statusBar().showMessage(text, 20_000))
        return dialog

    def end_demo_faults(self) -> None:
        from app import demo
        from app.gui.windows.demo_fault_dialog import DemoFaultDialog

        removed = demo.end_faults(self._server())
        fault_dialog = self.demo_dialogs.get("fault")
        if isinstance(fault_dialog, DemoFaultDialog):
            fault_dialog.refresh()
        self.statusBar().showMessage(self.tr("Faults ended: %1").replace("%1", str(removed)), 10_000)

    def _cycle_finished(self, mailbox_id: int, workload: str, ok: bool, summary: str) -> None:
        editor = self.mailbox_editors.get(mailbox_id)
        if editor is not None:
            editor.cycle_finished(mailbox_id, workload, ok, summary)

    def set_activity(self, key: str, text: str) -> None:
        if text:
            self._activities[key] = text
        else:
            self._activities.pop(key, None)
        self.activity_label.setText(fields_text(self._activities.values()) or self.tr("Ready"))

    def show_banner(self, text: str) -> None:
        self.ui.bannerText.setText(text)
        self.ui.banner.show()

    # --- windows ----------------------------------------------------------------------------

    def import_profile(self) -> None:
        dialog = QFileDialog(self, self.tr("Import email server profile"))
        dialog.setNameFilter(self.tr("Profile files (*.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.read_import)
        self._import_dialog = dialog
        dialog.open()

    def read_import(self, path: str) -> None:
        """Opens the wizard on the imported settings: passwords are entered again, then Finish saves."""
        from app.domain.profile_json import ProfileFileError, profile_from_json
        from app.gui import messages

        try:
            with open(path, encoding="utf-8") as handle:
                settings = profile_from_json(handle.read())
        except (OSError, ProfileFileError) as exc:
            messages.show_error(
                self, self.tr("Import email server profile"), self.tr("The file cannot be imported."), str(exc)
            )
            return
        self.new_profile(settings)

    def new_profile(self, settings=None) -> None:
        from app.gui.windows.profile_wizard import ProfileWizard

        if self.wizard is not None:
            bring_to_front(self.wizard)
            return
        self.wizard = ProfileWizard(self, settings)
        self.wizard.saved.connect(self._profile_created)
        self.wizard.destroyed.connect(lambda: setattr(self, "wizard", None))
        self.wizard.show()

    def _profile_created(self, profile_id: int) -> None:
        """After the wizard's Finish: the new profile in the list, and the next steps beside it."""
        self.refresh()
        self.show_page(self.PROFILES)
        self.profiles_page.show_next_steps(profile_id)

    def open_profile(self, profile_id: int) -> ProfileForm:
        from app.gui.windows.profile_form import ProfileForm

        form = self.profile_forms.get(profile_id)
        if form is None:
            form = ProfileForm(profile_id, self)
            form.saved.connect(lambda _id: self.refresh())
            form.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))  # "Saved"
            form.open_mailbox.connect(self.open_mailbox)
            form.test_requested.connect(lambda pid: self._test_profile(pid, form))
            form.destroyed.connect(lambda: self.profile_forms.pop(profile_id, None))
            self._wire_alert_actions(form.alerts)
            self.profile_forms[profile_id] = form
        bring_to_front(form)
        return form

    def new_mailbox(self) -> MailboxEditor:
        from app.gui.windows.mailbox_editor import MailboxEditor

        editor = MailboxEditor(None, self)
        self._wire_editor(editor)
        editor.saved.connect(lambda mid: self.mailbox_editors.setdefault(mid, editor))
        editor.show()
        return editor

    def open_mailbox(self, mailbox_id: int) -> MailboxEditor:
        from app.gui.windows.mailbox_editor import MailboxEditor

        editor = self.mailbox_editors.get(mailbox_id)
        if editor is None:
            editor = MailboxEditor(mailbox_id, self)
            self._wire_editor(editor)
            self.mailbox_editors[mailbox_id] = editor
        bring_to_front(editor)
        return editor

    def _wire_editor(self, editor: MailboxEditor) -> None:
        if self.sync is not None:
            editor.set_sync(self.sync)
        editor.saved.connect(lambda _id: self.refresh())
        editor.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))  # "Saved"
        editor.open_profile.connect(self.open_profile)
        editor.test_requested.connect(lambda mid: self.tests.test_mailbox(mid, editor.ui.name.text(), editor))
        editor.destroyed.connect(lambda: self._forget_editor(editor))

    def _forget_editor(self, editor: MailboxEditor) -> None:
        if editor.mailbox_id is not None:  # a new mailbox's editor, closed unsaved, was never listed
            self.mailbox_editors.pop(editor.mailbox_id, None)

    # --- Test & Enable ----------------------------------------------------------------------

    def _test_profile(self, profile_id: int, parent: QWidget | None = None) -> bool:
        """Test & Enable every mailbox of the profile."""
        row = next((r for r in self.profiles.rows if r.id == profile_id), None)
        return self.tests.test_profile(profile_id, row.name if row is not None else "", parent or self)

    def test_mailboxes(self, mailbox_ids: list[int]) -> bool:
        """Test & Enable the mailboxes, at most each profile's maximum connections at once."""
        return self.tests.test_mailboxes(list(mailbox_ids), self)

    def _reports_arrived(self, reports, profile_id: int | None = None) -> None:
        """Several mailboxes were tested (a profile's, or a selection): how many passed, and the
        results dialog with a row per mailbox."""
        reports = [r for r in (reports or []) if r is not None]
        from app.domain.enums import RunStatus

        passed = sum(1 for r in reports if r.status is RunStatus.SUCCESS)
        self.statusBar().showMessage(
            self.tr("Test & Enable mailboxes: %1 of %2 passed")
            .replace("%1", str(passed))
            .replace("%2", str(len(reports))),
            15_000,
        )
        for report in reports:
            editor = self.mailbox_editors.get(report.mailbox_id)
            if editor is not None:
                editor.set_last_report(report)
        if reports:
            form = self.profile_forms.get(profile_id) if profile_id is not None else None
            row = next((r for r in self.profiles.rows if r.id == profile_id), None)
            self.show_test_results(reports, row.name if row is not None else "", form)

    def show_report(self, report) -> ReportDialog:
        from app.gui.windows.report_dialog import ReportDialog
        from app.store import queries

        editor = self.mailbox_editors.get(report.mailbox_id)
        if editor is not None:
            editor.set_last_report(report)
        rows = queries.mailbox_rows(mailbox_id=report.mailbox_id)
        name = rows[0].name if rows else ""
        dialog = ReportDialog(report, name, editor or self)
        self._wire_report_actions(dialog)
        dialog.show()
        self.statusBar().showMessage(
            self.tr("Test of %1: %2").replace("%1", name).replace("%2", enum_text(report.status)), 10_000
        )
        return dialog

    # --- actions from reports, test results, alerts and notifications (issue 20) --------------

    def _wire_report_actions(self, dialog: ReportDialog | DiagnosticResultsDialog) -> None:
        dialog.open_mailbox_tab.connect(self.open_mailbox_tab)
        dialog.open_profile.connect(self.open_profile)
        dialog.test_again.connect(self.test_mailbox_again)

    def _wire_alert_actions(self, pane: AlertsPane) -> None:
        pane.open_mailbox_tab.connect(self.open_mailbox_tab)
        pane.test_again.connect(self.test_mailbox_again)

    def open_mailbox_tab(self, mailbox_id: int, tab: str) -> MailboxEditor:
        editor = self.open_mailbox(mailbox_id)
        editor.show_tab(tab)
        return editor

    def test_mailbox_again(self, mailbox_id: int) -> bool:
        """Test & Enable one mailbox as its editor's button does, without the editor."""
        from app.store import queries

        rows = queries.mailbox_rows(mailbox_id=mailbox_id)
        editor = self.mailbox_editors.get(mailbox_id)
        return self.tests.test_mailbox(mailbox_id, rows[0].name if rows else "", editor or self)

    def show_test_results(self, reports, subject: str, parent: QWidget | None = None) -> DiagnosticResultsDialog:
        """The results of a Test & Enable of several mailboxes, one row each, each opening its report."""
        from app.gui.windows.test_results_dialog import DiagnosticResultsDialog

        dialog = DiagnosticResultsDialog(reports, subject, parent or self)
        self._wire_report_actions(dialog)
        self.test_results = dialog
        dialog.show()
        return dialog

    def open_alert(self, alert_id: int) -> bool:
        """A notification's alert: the Alerts page with it selected, and what it concerns opened —
        its mailbox on the tab the alert concerns, or the profile where the problem is put right."""
        from app.domain.remedy import Place
        from app.gui.widgets.alerts_pane import alert_place, alert_tab

        self.show_page(self.ALERTS)
        if not self.alerts.select_alert(alert_id):
            return False
        row = self.alerts.selected_rows()[0]
        if row.mailbox_id is not None and alert_place(row) is not Place.PROFILE:
            self.open_mailbox_tab(row.mailbox_id, alert_tab(row))
        elif row.profile_id is not None:
            self.open_profile(row.profile_id)
        return True

    def show_alert_banner(self, text: str, alert_id: int | None = None) -> None:
        """The banner (no tray): about an alert, it opens the alert when clicked."""
        self.show_banner(text)
        self.banner_alert_id = alert_id
        button = getattr(self, "banner_open_button", None)
        if button is None:
            button = self.banner_open_button = QPushButton(self.tr("Show alert"), self.ui.banner)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(self.open_banner_alert)
            self.ui.bannerLayout.insertWidget(1, button)
            self.ui.banner.installEventFilter(self)
            self.ui.bannerText.installEventFilter(self)
        button.setVisible(alert_id is not None)

    def open_banner_alert(self) -> None:
        alert_id = getattr(self, "banner_alert_id", None)
        if alert_id is not None:
            self.ui.banner.hide()
            self.open_alert(alert_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and watched in (self.ui.banner, self.ui.bannerText):
            self.open_banner_alert()  # a click anywhere on the banner, as on a toast
        return super().eventFilter(watched, event)

    # --- closing ----------------------------------------------------------------------------

    def quit_requested(self) -> bool:
        """Close for good (File > Quit, the tray's Quit), not to the tray. False when an editing
        window still holds unsaved edits: each of them is brought up asking Save / Discard /
        Cancel, and the app goes on."""
        unsaved = self.unsaved_windows()
        if unsaved:  # nothing lost without a word
            for window in unsaved:
                bring_to_front(window)
                window.close()  # its own question: Save / Discard / Cancel
            self.statusBar().showMessage(
                self.tr("Save or discard the changes in the open windows, then quit again."), 15_000
            )
            return False
        self.close_handler = None
        return self.close()

    def unsaved_windows(self) -> list[QWidget]:
        """The open profile forms and mailbox editors with edits not saved yet."""
        return [w for w in self.editing_windows() if w.is_dirty()]

    def editing_windows(self) -> list[ProfileForm | MailboxEditor]:
        """The open profile forms and mailbox editors."""
        return [*self.profile_forms.values(), *self.mailbox_editors.values()]

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._complete and self._store_ready:
            self.complete()  # closed at once: the tray (the application's, on completed) decides as always
        if self.close_handler is not None:
            self.close_handler(event)
            if not event.isAccepted():
                return
        if self._tests is not None:
            self._tests.cancel_all()
        for window in self.editing_windows():
            window.close()
        super().closeEvent(event)
