from PySide6.QtCore import Qt

from app.gui.windows.main_window import MainWindow


def _column(model, title):
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def _cells(proxy, column):
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_navigation_switches_pages(main_window):
    window = main_window
    names = [window.ui.navigation.item(i).text() for i in range(window.ui.navigation.count())]
    assert names == ["Email server profiles", "Mailboxes", "Alerts"]
    window.ui.navigation.setCurrentRow(MainWindow.ALERTS)
    assert window.ui.pages.currentWidget() is window.ui.alertsPage
    window.ui.navigation.setCurrentRow(MainWindow.MAILBOXES)
    assert window.ui.pages.currentWidget() is window.ui.mailboxesPage


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
    assert cell("Alice Wong", "Open alert") == "Error"
    assert cell("Kenichiro Nakamura", "Open alert") == ""  # its only alert is closed
    assert cell("Kenichiro Nakamura", "Last sync") != ""
    assert cell("Bob Sato", "Next sync") != ""


def test_search_and_sort_the_mailbox_list(main_window, qtbot):
    ui = main_window.ui
    main_window.show_page(MainWindow.MAILBOXES)
    proxy = main_window.mailbox_proxy
    qtbot.keyClicks(ui.mailboxesSearch, "failure")
    assert _cells(proxy, 0) == ["Alice Wong"]
    ui.mailboxesSearch.clear()
    qtbot.keyClicks(ui.mailboxesSearch, "contoso support")
    assert _cells(proxy, 0) == ["Support queue"]
    ui.mailboxesSearch.clear()
    assert proxy.rowCount() == 4
    header = ui.mailboxesTable.horizontalHeader()
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
    qtbot.keyClicks(main_window.ui.profilesSearch, "manual")
    assert _cells(proxy, 0) == ["Exchange (manual URL)"]
    main_window.ui.profilesTable.selectRow(0)
    qtbot.mouseClick(main_window.ui.openProfileButton, Qt.MouseButton.LeftButton)
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
