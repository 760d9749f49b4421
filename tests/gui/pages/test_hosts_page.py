"""The console of a fleet: the window opened on a shared PostgreSQL database (a real server,
tests/postgres_fixtures.py) with two registered engine hosts shows the Hosts page (alive or lost,
leases held, last heartbeat), who holds each mailbox's work on the Mailboxes list ("Held by"),
and its Sync now sets the workloads due in the database, where a host claims and runs them. On
an SQLite store the window has neither."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app.domain.enums import Workload
from app.gui.windows.main_window import MainWindow
from app.gui.workers import cancel_all_and_wait
from app.store import fleet, leases
from app.store.db import open_database
from app.store.models import Mailbox, WorkloadState
from app.sync.scheduler import Scheduler

TTL = timedelta(seconds=90)


@pytest.fixture
def console(qtbot, pg_url, message_log, monkeypatch):
    """Sample data on the shared database; host-a alive and holding the lease of a mailbox's
    incoming email, host-b silent for ten minutes (lost); then the window."""
    from app.gui.screenshots.sample_data import create_sample_data

    open_database(pg_url)
    create_sample_data()
    now = leases.wall_clock()
    fleet.register("host-a", "host-a@server1:101:aaaa", TTL, now=now)
    fleet.register("host-b", "host-b@server2:202:bbbb", TTL, now=now - timedelta(minutes=10))
    mailbox = Mailbox.select().where(Mailbox.incoming_enabled == 1).order_by(Mailbox.id).first()
    name = leases.mailbox_lease_name(mailbox.id, Workload.INCOMING.value)
    assert leases.claim(name, "host-a@server1:101:aaaa", TTL, profile_id=mailbox.profile_id, budget=10)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield SimpleNamespace(window=window, mailbox=mailbox)
    window.tests.cancel_all()
    cancel_all_and_wait(10_000)  # the dashboard's read ends before the database is dropped


def click_navigation(qtbot, window, text: str) -> None:
    navigation = window.ui.navigation
    item = next(navigation.item(row) for row in range(navigation.count()) if navigation.item(row).text() == text)
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=navigation.visualItemRect(item).center())


def table_text(proxy) -> list[list[str]]:
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def column(proxy, title: str) -> int:
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    return titles.index(title)


def test_the_hosts_page_shows_each_host_alive_or_lost_with_its_leases(qtbot, console):
    window = console.window
    navigation = window.ui.navigation
    assert navigation.item(navigation.count() - 1).text() == "Hosts", "last in the navigation"
    assert window._hosts is None, "built when first shown"
    click_navigation(qtbot, window, "Hosts")
    page = window.hosts_page
    qtbot.waitUntil(page.isVisible)  # shown with its container
    assert window.ui.pages.currentIndex() == window.hosts_index
    rows = {row[0]: row for row in table_text(page.proxy)}
    assert set(rows) == {"host-a", "host-b"}
    assert rows["host-a"][1:3] == ["Alive", "1"]
    assert rows["host-b"][1:3] == ["Lost", "0"]
    assert all(rows[name][3] for name in rows), "the last heartbeat is shown"
    assert table_text(page.proxy)[0][0] == "host-b", "a lost host first"
    assert page.timer.isActive(), "read again while it shows"
    assert page.ui.updated.text().startswith("1 of 2 alive")

    fleet.stop("host-a", "host-a@server1:101:aaaa")  # a clean stop releases its leases
    qtbot.mouseClick(page.ui.refreshButton, Qt.MouseButton.LeftButton)
    rows = {row[0]: row for row in table_text(page.proxy)}
    assert rows["host-a"][1:3] == ["Stopped", "0"]
    click_navigation(qtbot, window, "Mailboxes")
    assert not page.timer.isActive(), "not read while another page shows"


def test_the_mailboxes_list_says_which_host_holds_a_mailbox(qtbot, console):
    window = console.window
    click_navigation(qtbot, window, "Mailboxes")
    page = window.mailboxes_page
    proxy = page.proxy
    held = column(proxy, "Held by")
    cells = {proxy.index(r, 0).data(): proxy.index(r, held).data() for r in range(proxy.rowCount())}
    assert cells[console.mailbox.name] == "host-a"
    assert {name for name, holder in cells.items() if holder} == {console.mailbox.name}
    leases.release(leases.mailbox_lease_name(console.mailbox.id, Workload.INCOMING.value), "host-a@server1:101:aaaa")
    qtbot.waitUntil(lambda: proxy.index(0, held).data() == "" and not any(page.held_by.values()), timeout=10_000)


def test_sync_now_in_the_console_sets_the_work_due_for_whichever_host_claims_it(qtbot, console):
    from app.gui.sync_controller import SyncController
    from app.gui.windows.mailbox_editor import MailboxEditor

    mailbox = console.mailbox
    later = leases.wall_clock() + timedelta(hours=1)
    for workload in Workload:
        WorkloadState.get_or_create(mailbox=mailbox, workload=workload)
    WorkloadState.update(next_run_on=later).execute()
    sync = SyncController()  # not started: the console's Sync now does not run the work itself
    console.window.set_sync(sync)
    editor = MailboxEditor(mailbox.id)
    qtbot.addWidget(editor)
    editor.set_sync(sync)
    editor.show()
    qtbot.mouseClick(editor.ui.syncButton, Qt.MouseButton.LeftButton)
    enabled = [w for w in Workload if getattr(Mailbox.get_by_id(mailbox.id), f"{w.value}_enabled")]
    states = {s.workload: s.next_run_on for s in WorkloadState.select().where(WorkloadState.mailbox == mailbox.id)}
    now = leases.wall_clock()
    assert enabled and all(states[w] <= now for w in enabled), "due now in the database"
    assert console.window.sync.running is False

    ran = []
    host = Scheduler(
        {w: (lambda m, w=w: ran.append((m.id, w)) or _nothing()) for w in Workload},
        holder="host-b@server2:202:bbbb",
        claim_due_only=True,
    )
    results = [r for r in host.run_due() if r.mailbox_id == mailbox.id]
    ran_here = sorted(w.value for m, w in ran if m == mailbox.id)
    assert ran_here == sorted(w.value for w in enabled if w != Workload.INCOMING), "claimed and run by host-b"
    assert any(r.skipped and r.workload is Workload.INCOMING for r in results), "host-a holds its incoming email"


def _nothing():
    return SimpleNamespace(created=0, updated=0, deleted=0, failure=None)


def test_on_an_sqlite_store_there_is_no_hosts_page_nor_held_by_column(main_window):
    navigation = main_window.ui.navigation
    assert "Hosts" not in [navigation.item(r).text() for r in range(navigation.count())]
    assert main_window.hosts_index is None
    proxy = main_window.mailboxes_page.proxy
    assert "Held by" not in [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
