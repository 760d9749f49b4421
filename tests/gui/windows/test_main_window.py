from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.gui.windows.main_window import MainWindow


def _column(model, title):
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def _cells(proxy, column):
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_navigation_switches_pages(main_window):
    window = main_window
    navigation = window.ui.navigation
    names = [navigation.item(i).text() for i in range(navigation.count())]
    assert names == [
        "Dashboard",
        "Email server profiles",
        "Mailboxes",
        "Users & queues",
        "Alerts",
        "Settings",
        "Logs",
        "Records",
    ]
    assert all(not navigation.item(i).icon().isNull() for i in range(navigation.count()))
    pages = {
        MainWindow.DASHBOARD: window.ui.dashboardPage,
        MainWindow.PROFILES: window.ui.profilesPage,
        MainWindow.MAILBOXES: window.ui.mailboxesPage,
        MainWindow.USERS: window.ui.usersPage,
        MainWindow.ALERTS: window.ui.alertsPage,
        MainWindow.SETTINGS: window.ui.settingsPage,
        MainWindow.LOGS: window.ui.logsPage,
        MainWindow.RECORDS: window.ui.recordsPage,
    }
    for index, page in pages.items():
        rect = navigation.visualItemRect(navigation.item(index))
        QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.ui.pages.currentWidget() is page
    # the empty pages' layouts, where the other pages' widgets go
    assert {window.ui.usersLayout.parent(), window.ui.settingsLayout.parent(), window.ui.logsLayout.parent()} == {
        window.ui.usersPage,
        window.ui.settingsPage,
        window.ui.logsPage,
    }


def test_the_window_reopens_on_the_page_it_was_on(main_window, qtbot):
    assert main_window.current_page() == MainWindow.DASHBOARD  # the first time (with profiles)
    main_window.show_page(MainWindow.ALERTS)
    main_window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.current_page() == MainWindow.ALERTS
    assert again.ui.pages.currentWidget() is again.ui.alertsPage


def test_ctrl_f_focuses_the_search_box_of_the_page_and_f5_reloads(main_window, qtbot):
    from PySide6.QtWidgets import QApplication

    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    main_window.show_page(MainWindow.MAILBOXES)
    main_window.mailboxes_page.ui.table.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.mailboxes_page.ui.search.hasFocus()
    main_window.show_page(MainWindow.PROFILES)
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.profiles_page.ui.search.hasFocus()

    from app.store.models import Mailbox

    Mailbox.update(name="Alice Wong-Sato").where(Mailbox.name == "Alice Wong").execute()  # another process
    with qtbot.waitSignal(main_window.refreshed):
        qtbot.keyClick(main_window, Qt.Key.Key_F5)
    assert "Alice Wong-Sato" in _cells(main_window.mailbox_proxy, 0)


def test_mailbox_list_shows_approval_methods_statuses_and_alert_level(main_window):
    proxy = main_window.mailbox_proxy
    by_name = {proxy.index(r, 0).data(): r for r in range(proxy.rowCount())}
    assert set(by_name) == {"Alice Wong", "Bob Sato", "Kenichiro Nakamura", "Support queue"}

    def cell(name, title):
        return proxy.index(by_name[name], _column(proxy, title)).data()

    assert cell("Support queue", "Email address approval") == "Pending approval"
    assert cell("Support queue", "Appointments, contacts and tasks") == "None"
    assert cell("Alice Wong", "Incoming email") == "Server-Side Synchronization"
    assert cell("Alice Wong", "Mailbox status") == "Failure"
    assert cell("Kenichiro Nakamura", "Incoming status") == "Success"
    assert cell("Bob Sato", "Incoming status") == "Warning"
    assert cell("Alice Wong", "Open alerts") == "1"
    assert cell("Kenichiro Nakamura", "Open alerts") == ""  # its only alert is closed
    assert cell("Kenichiro Nakamura", "Active") == "Yes"
    assert cell("Kenichiro Nakamura", "Last sync") != ""
    assert cell("Bob Sato", "Next sync") != ""


def test_search_and_sort_the_mailbox_list(main_window, qtbot):
    ui = main_window.mailboxes_page.ui
    main_window.show_page(MainWindow.MAILBOXES)
    proxy = main_window.mailbox_proxy
    qtbot.keyClicks(ui.search, "failure")
    assert _cells(proxy, 0) == ["Alice Wong"]
    ui.search.clear()
    qtbot.keyClicks(ui.search, "contoso support")
    assert _cells(proxy, 0) == ["Support queue"]
    ui.search.clear()
    assert proxy.rowCount() == 4
    header = ui.table.horizontalHeader()
    name_column = 0
    header_pos = header.sectionViewportPosition(name_column) + 5
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header_pos, header.height() // 2))
    names = _cells(proxy, 0)
    assert names in (sorted(names), sorted(names, reverse=True))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header_pos, header.height() // 2))
    assert _cells(proxy, 0) == list(reversed(names))


def test_profile_list_and_open_form(main_window, qtbot):
    proxy = main_window.profile_proxy
    assert sorted(_cells(proxy, 0)) == ["Exchange (manual URL)", "Exchange 2013 on-premises"]
    location = _column(proxy, "Server location")
    assert "https://mail.contoso.com/EWS/Exchange.asmx" in _cells(proxy, location)
    assert "Auto discover" in _cells(proxy, location)
    page = main_window.profiles_page
    qtbot.keyClicks(page.ui.search, "manual")
    assert _cells(proxy, 0) == ["Exchange (manual URL)"]
    page.ui.table.selectRow(0)
    qtbot.mouseClick(page.ui.openButton, Qt.MouseButton.LeftButton)
    form = next(iter(main_window.profile_forms.values()))
    assert form.isVisible()
    assert form.fields.location.name.text() == "Exchange (manual URL)"


def test_status_bar_shows_what_is_running(main_window):
    main_window.set_activity("a", "Testing mailbox Alice Wong…")
    main_window.set_activity("b", "Syncing")
    assert main_window.activity_label.text() == "Testing mailbox Alice Wong… · Syncing"
    main_window.set_activity("a", "")
    main_window.set_activity("b", "")
    assert main_window.activity_label.text() == "Ready"


def test_new_menu_opens_wizard_and_mailbox_editor(main_window):
    main_window.ui.actionNewProfile.trigger()
    assert main_window.wizard is not None and main_window.wizard.isVisible()
    main_window.ui.actionNewMailbox.trigger()
    from app.gui.windows.mailbox_editor import MailboxEditor

    editors = [w for w in main_window.findChildren(MailboxEditor) if w.isVisible()]
    assert len(editors) == 1 and editors[0].mailbox_id is None


def test_open_alert_selects_it_and_opens_where_it_is_put_right(main_window, sample):
    from app.domain.enums import AlertLevel, AlertScope, Workload
    from app.store.models import Alert

    profile_alert = Alert.get(Alert.error_code == "MostMailboxesFailing")
    assert main_window.open_alert(profile_alert.id)
    assert main_window.ui.pages.currentIndex() == MainWindow.ALERTS
    assert [r.id for r in main_window.alerts.selected_rows()] == [profile_alert.id]
    assert sample.profile_ids[0] in main_window.profile_forms and not main_window.mailbox_editors
    bob = sample.mailbox_ids["bob"]
    untrusted = Alert.create(  # fixed in the profile (its trusted CA), not in the mailbox
        level=AlertLevel.ERROR,
        scope=AlertScope.MAILBOX,
        mailbox=bob,
        profile=sample.profile_ids[1],
        workload=Workload.INCOMING,
        error_code="CertificateNotTrusted",
        message="The server's certificate is not trusted, so the connection was refused.",
    )
    assert main_window.open_alert(untrusted.id)
    assert sample.profile_ids[1] in main_window.profile_forms and bob not in main_window.mailbox_editors
    assert not main_window.open_alert(10_000), "an alert deleted meanwhile"


def test_personal_options_open_from_the_users_page(main_window, sample, click, qtbot):
    from app.gui.windows.user_options_dialog import UserOptionsDialog

    main_window.show_page(main_window.USERS)
    page = main_window.users_page
    table = page.ui.table
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.row_at(r).name == sample.names.alice)
    table.selectRow(row)
    click(page.ui.optionsButton)
    dialogs = [w for w in main_window.findChildren(UserOptionsDialog) if w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].user_id == sample.user_ids["alice"]


def test_the_dashboard_is_built_when_first_shown_and_its_tiles_filter_the_mailbox_list(main_window, sample, qtbot):
    import sys

    fresh = MainWindow()  # reopens on the dashboard (the sample has profiles)
    qtbot.addWidget(fresh)
    assert fresh.current_page() == fresh.DASHBOARD and fresh._dashboard is None, "built after, not while, opening"
    qtbot.waitUntil(lambda: fresh._dashboard is not None, timeout=5000)
    main_window.show_page(main_window.DASHBOARD)
    assert "pyqtgraph" in sys.modules
    page = main_window.dashboard_page
    page.show_mailboxes.emit("pending_approval")
    assert main_window.current_page() == main_window.MAILBOXES
    from app.domain.enums import MailboxState
    from app.store.dashboard import mailboxes_in_state

    shown = sorted(r.id for r in main_window.mailboxes_page.visible_rows())
    assert shown == mailboxes_in_state(MailboxState.PENDING_APPROVAL) and shown


def test_the_records_page_is_built_when_first_shown(main_window, qtbot):
    from app.gui.pages.records_page import RecordsPage

    assert main_window._records is None
    main_window.show_page(MainWindow.RECORDS)
    assert isinstance(main_window._records, RecordsPage)
    assert main_window.ui.recordsLayout.indexOf(main_window._records) >= 0
