"""The sync engine in the desktop app: Sync now, Pause/Resume, status bar, refreshes, toasts."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.enums import TrackingOption
from app.gui.sync_controller import SyncController
from app.gui.tray import TrayController
from app.gui.windows.main_window import MainWindow
from app.store.models import EmailActivity, EmailMailboxLink, Mailbox, UserOptions

WAIT_MS = 30_000


def sync_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("sync-") and t.is_alive()]


class LoopClock:
    """A clock the test moves; counts the scheduler loop's readings (one per pass of the loop)."""

    def __init__(self):
        self.now = datetime.now(timezone.utc)
        self.loop_reads = 0

    def __call__(self) -> datetime:
        if threading.current_thread().name == "sync-scheduler":
            self.loop_reads += 1
        return self.now


def enabled_mailbox(setup, ews, prefix, *, emails=3, password=None):
    account = ews.new_account(prefix, emails=emails, appointments=0, contacts=0, tasks=0)
    extra = {"password": password} if password else {}
    mailbox = setup.mailbox(setup.profile(f"GUI sync {prefix}"), account.email, **extra)
    Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == setup.user.id).execute()
    return account, Mailbox.get_by_id(mailbox.id)


def stored_subjects(mailbox) -> set[str]:
    query = (
        EmailActivity.select(EmailActivity.subject).join(EmailMailboxLink).where(EmailMailboxLink.mailbox == mailbox.id)
    )
    return {e.subject for e in query}


def server_subjects(ews, email) -> set[str]:
    return {i.subject for i in ews.server.directory.mailbox(email).distinguished["inbox"].items_by_received()}


@pytest.fixture
def window(qtbot, setup, message_log):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for editor in list(window.mailbox_editors.values()):
        editor.close()


def make_controller(request, **options) -> SyncController:
    controller = SyncController(refresh_interval_ms=50, **options)
    request.addfinalizer(controller.stop)
    return controller


def test_editor_sync_now_stores_the_emails_and_refreshes_its_results(qtbot, request, window, setup, ews, click):
    account, mailbox = enabled_mailbox(setup, ews, "guisync")
    controller = make_controller(request)
    window.set_sync(controller)
    statuses: list[str] = []
    controller.running_changed.connect(statuses.append)
    controller.start()
    editor = window.open_mailbox(mailbox.id)
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.resultsTab)
    assert ui.syncButton.isEnabled() and ui.lastSyncSuccessOn.text() == "Never"
    refreshed: list[int] = []
    window.refreshed.connect(lambda: refreshed.append(1))

    click(ui.syncButton)

    qtbot.waitUntil(lambda: ui.lastSyncSuccessOn.text() not in ("", "Never"), timeout=WAIT_MS)
    assert stored_subjects(mailbox) == server_subjects(ews, account.email) != set()
    assert ui.nextSyncOn.text() != "" and ui.transientFailureCount.text() == "0"
    assert editor.history.rowCount() >= 1  # the Sync history tab too
    assert f"Synchronizing {account.email}…" in statuses
    qtbot.waitUntil(lambda: window.activity_label.text() == "Ready", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(refreshed), timeout=WAIT_MS)  # the mailbox list reloads after the cycle
    row = next(r for r in window.mailboxes.rows if r.id == mailbox.id)
    assert row.last_sync_success_on is not None

    assert controller.stop()
    assert sync_threads() == []
    assert not ui.syncButton.isEnabled() or controller.sync_now(mailbox.id) == 0  # nothing queues after stop


def test_sync_now_without_anything_to_synchronize_says_why(qtbot, request, window, setup, ews, message_log, click):
    _, mailbox = enabled_mailbox(setup, ews, "guinothing", emails=0)
    Mailbox.update(incoming_enabled=False).where(Mailbox.id == mailbox.id).execute()
    controller = make_controller(request)
    window.set_sync(controller)
    controller.start()
    editor = window.open_mailbox(mailbox.id)
    click(editor.ui.syncButton)
    assert message_log.infos and "Nothing to synchronize" in message_log.infos[0][1]


def test_tray_pause_stops_scheduled_cycles_and_resume_restarts_them(qtbot, request, window, setup, ews):
    _, mailbox = enabled_mailbox(setup, ews, "guipause", emails=1)
    clock = LoopClock()
    controller = make_controller(request, clock=clock, wait_cap=0.02)
    window.set_sync(controller)
    finished: list[tuple] = []
    controller.cycle_finished.connect(lambda *args: finished.append(args))
    tray = TrayController(window, available=True, sync=controller)
    try:

        def loop_passes_without_a_cycle():
            reads = clock.loop_reads
            qtbot.waitUntil(lambda: clock.loop_reads >= reads + 3, timeout=WAIT_MS)
            assert sync_threads() == [t for t in sync_threads() if t.name == "sync-scheduler"]

        tray.pause_action.trigger()
        assert controller.paused and tray.pause_action.text() == "Resume sync"
        assert window.activity_label.text() == "Sync paused"
        controller.start()
        loop_passes_without_a_cycle()  # due (never ran), but paused
        assert finished == []

        tray.pause_action.trigger()
        assert not controller.paused and tray.pause_action.text() == "Pause sync"
        qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
        assert finished[0][:3] == (mailbox.id, "incoming", True)

        tray.pause_action.trigger()
        clock.now += timedelta(days=1)  # the next scheduled cycle is due now
        loop_passes_without_a_cycle()
        assert len(finished) == 1
        tray.pause_action.trigger()
        qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.activity_label.text() == "Ready", timeout=WAIT_MS)
    finally:
        tray.tray.hide()
        QApplication.instance().setQuitOnLastWindowClosed(True)
    assert controller.stop()
    assert sync_threads() == []


def test_tray_sync_now_and_an_alert_from_the_cycle_reaches_the_toast(qtbot, request, window, setup, ews):
    account, mailbox = enabled_mailbox(setup, ews, "guibad", emails=0)
    ews.faults.inject("http403", account=account.email, count=None)  # an Error at once (a 401 warns first)
    controller = make_controller(request)
    window.set_sync(controller)
    tray = TrayController(window, available=False, sync=controller)
    controller.start()
    tray.sync_now_requested.emit()  # the menu's Sync now (no tray on this platform: the signal)
    qtbot.waitUntil(lambda: any(mailbox.name in title for _, title, _ in tray.notifier.sent), timeout=WAIT_MS)
    channel, title, _ = next(s for s in tray.notifier.sent if mailbox.name in s[1])
    assert channel == "banner" and title.startswith("Error")
    assert tray.state == "error"
    assert controller.stop() and sync_threads() == []


def test_a_burst_of_results_refreshes_once(qtbot, store):
    from app.domain.enums import Workload
    from app.sync.scheduler import CycleResult

    controller = SyncController(workloads={}, refresh_interval_ms=100)
    refreshes: list[int] = []
    controller.results_changed.connect(lambda: refreshes.append(1))
    controller._started = True
    finished: list[tuple] = []
    controller.cycle_finished.connect(lambda *args: finished.append(args))
    with qtbot.waitSignal(controller.results_changed, timeout=WAIT_MS):
        for mailbox_id in range(1, 6):  # as the scheduler threads report them
            threading.Thread(
                target=controller.scheduler._on_result,
                args=(CycleResult(mailbox_id, f"m{mailbox_id}@contoso.com", Workload.INCOMING),),
            ).start()
        qtbot.waitUntil(lambda: len(finished) == 5, timeout=WAIT_MS)
    assert refreshes == [1]
    assert {f[0] for f in finished} == {1, 2, 3, 4, 5} and all(f[2] for f in finished)


def test_refreshing_the_mailbox_list_keeps_the_selection(main_window):
    table = main_window.mailboxes_page.ui.table
    main_window.show_page(main_window.MAILBOXES)
    table.selectRow(1)
    selected = main_window.mailbox_proxy.row_at(table.selectionModel().selectedRows()[0].row()).id
    main_window.refresh()  # what the sync engine triggers after its cycles
    rows = table.selectionModel().selectedRows()
    assert len(rows) == 1 and main_window.mailbox_proxy.row_at(rows[0].row()).id == selected


def test_the_mailboxes_list_says_how_each_mailbox_hears_of_changes(qtbot, request, window, setup, ews):
    """The Notifications column: a mailbox with its own credentials gets a pull subscription once
    the engine runs; one whose subscription Exchange refuses is polled, until the retry time."""
    account, mailbox = enabled_mailbox(setup, ews, "guipull")
    refused, failing = enabled_mailbox(setup, ews, "guirefused")
    ews.faults.inject("fault500", account=refused.email, operation="Subscribe", count=None)
    window.refresh()
    page = window.mailboxes_page
    window.show_page(window.MAILBOXES)
    column = page.push_column
    assert column is not None and page.model.headerData(column, Qt.Orientation.Horizontal) == "Notifications"

    def shown(box) -> tuple[str, str]:
        row = next(n for n, r in enumerate(page.model.rows) if r.id == box.id)
        index = page.model.index(row, column)
        return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)

    assert shown(mailbox)[0] == "", "nothing said before the engine has loaded"
    clock = LoopClock()
    controller = make_controller(request, clock=clock, wait_cap=0.02)
    window.set_sync(controller)
    controller.start()
    qtbot.waitUntil(lambda: shown(mailbox)[0] == "Subscribing…", timeout=WAIT_MS)  # its first cycle reads all
    assert "being made" in shown(mailbox)[1]
    qtbot.waitUntil(lambda: not controller.scheduler.busy() and window.activity_label.text() == "Ready")
    clock.now += timedelta(minutes=13)  # its next cycle is due: it is checked, and subscribes
    qtbot.waitUntil(lambda: shown(mailbox)[0] == "Pull", timeout=WAIT_MS)
    assert "GetEvents" in shown(mailbox)[1]
    qtbot.waitUntil(lambda: shown(failing)[0].startswith("Polling until "), timeout=WAIT_MS)
    assert "subscribed again at this time" in shown(failing)[1]
    assert controller.stop()
