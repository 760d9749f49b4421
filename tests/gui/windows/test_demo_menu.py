"""The Demo menu (demo mode only): the demo accounts and their made-up passwords, copyable; a
password changed on the demo's server; faults simulated on it and ended. The status bar says
demo mode and that its clock counts minutes as seconds."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from app import demo
from app.domain import timeunit
from app.gui.windows.main_window import MainWindow


@pytest.fixture
def demo_env(store):
    env = demo.start_demo()
    timeunit.use_demo_clock()
    yield env
    env.stop()


@pytest.fixture
def demo_window(qtbot, demo_env, message_log):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_demo(demo_env.server)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for dialog in list(window.demo_dialogs.values()):
        dialog.close()


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def status_texts(window) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel)]


def test_the_demo_menu_and_the_demo_clock_show_only_in_demo_mode(demo_window, demo_env, qtbot, store):
    assert "&Demo" in menu_titles(demo_window)
    assert [a.text() for a in demo_window.demo_menu.actions() if a.text()] == [
        "Demo &accounts…",
        "&Change the password of a demo account…",
        "&Simulate a fault…",
        "&End faults",
    ]
    texts = status_texts(demo_window)
    assert f"Demo mode: loopback Exchange server at {demo_env.server.ews_url}" in texts
    assert "Demo clock: times run in seconds instead of minutes" in texts

    plain = MainWindow()
    qtbot.addWidget(plain)
    assert "&Demo" not in menu_titles(plain) and plain.demo_menu is None
    assert not any("Demo" in text for text in status_texts(plain))


def test_demo_accounts_lists_the_servers_passwords_and_copies_them(demo_window, demo_env):
    demo_window.demo_menu.actions()[0].trigger()
    dialog = demo_window.demo_dialogs["accounts"]
    assert dialog.isVisible()
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows == {a.email: a.password for a in demo_env.server.directory.accounts()}
    assert list(rows)[0] == "alice@contoso.com", "the mailbox users first"
    assert "made up" in dialog.note.text() and "not the passwords of any real account" in dialog.note.text()

    table.cellWidget(0, 3).click()  # Copy on Alice's row
    alice = demo_env.server.directory.get("alice@contoso.com")
    assert QGuiApplication.clipboard().text() == alice.password
    dialog.copy_all_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == f"alice@contoso.com\t{alice.display_name}\t{alice.password}"
    assert len(copied) == table.rowCount()
    table.selectRow(1)
    dialog.copy_selected()
    assert QGuiApplication.clipboard().text() == dialog.rows_text([1])


def test_changing_a_password_refuses_an_empty_one_then_changes_it_on_the_server(demo_window, demo_env, qtbot):
    server = demo_env.server
    old = server.directory.get("bob@contoso.com").password
    accounts = demo_window.show_demo_accounts()
    demo_window.demo_menu.actions()[1].trigger()
    dialog = demo_window.demo_dialogs["password"]
    dialog.select("bob@contoso.com")
    assert dialog.account.currentData() == "bob@contoso.com"

    dialog.change_button.click()  # nothing typed
    assert dialog.isVisible()
    assert dialog.password_error.isVisible()
    assert dialog.password_error.text() == "Enter the new password: an empty password is not allowed."
    qtbot.keyClicks(dialog.password, "   ")
    dialog.change_button.click()
    assert dialog.isVisible() and dialog.password_error.isVisible()
    assert server.directory.get("bob@contoso.com").password == old, "nothing changed"

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "N3w-Bob-password")
    assert not dialog.password_error.isVisible(), "typing clears the message"
    dialog.change_button.click()
    assert not dialog.isVisible()
    assert server.directory.get("bob@contoso.com").password == "N3w-Bob-password"
    shown = {
        accounts.table.item(r, 0).text(): accounts.table.item(r, 2).text() for r in range(accounts.table.rowCount())
    }
    assert shown["bob@contoso.com"] == "N3w-Bob-password", "the open accounts dialog shows the new one"
    assert "bob@contoso.com" in demo_window.statusBar().currentMessage()

    dialog = demo_window.change_demo_password()  # a fresh dialog each time
    assert dialog.password.text() == ""
    dialog.make_up_button.click()
    assert len(dialog.password.text()) >= 8


def test_simulate_a_fault_then_end_faults(demo_window, demo_env):
    server = demo_env.server
    demo_window.demo_menu.actions()[3].trigger()  # (the separator is action 2)
    dialog = demo_window.demo_dialogs["fault"]
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == [
        "server_busy",
        "delay",
        "http503",
        "reset",
    ]
    assert dialog.active.item(0).text() == "None" and not dialog.end_button.isEnabled()
    dialog.select("alice@contoso.com", "server_busy")
    assert "ErrorServerBusy" in dialog.explanation.text()
    dialog.simulate_button.click()
    assert not dialog.isVisible()
    [fault] = server.faults.active()
    assert (fault.kind, fault.account, fault.operation, fault.remaining) == (
        "server_busy",
        "alice@contoso.com",
        "*",
        None,
    )
    assert "Server busy" in demo_window.statusBar().currentMessage()

    dialog = demo_window.simulate_demo_fault()
    dialog.select("carol@contoso.com", "delay")
    timeout = demo.fault_delay_seconds("carol@contoso.com")
    assert timeout == 20 + demo.DELAY_PAST_TIMEOUT, "past the demo profile's 20 s time-out"
    assert str(timeout) in dialog.explanation.text()
    dialog.operation.setCurrentIndex(dialog.operation.findData("SyncFolderItems"))
    dialog.count.setValue(3)
    dialog.simulate_button.click()
    delay = next(f for f in server.faults.active() if f.kind == "delay")
    assert (delay.account, delay.operation, delay.remaining, delay.seconds) == (
        "carol@contoso.com",
        "SyncFolderItems",
        3,
        timeout,
    )
    dialog = demo_window.simulate_demo_fault()
    assert dialog.active.count() == 2 and dialog.end_button.isEnabled()
    assert "until ended" in dialog.active.item(0).text() and "3 more request(s)" in dialog.active.item(1).text()
    dialog.close()

    demo_window.demo_menu.actions()[4].trigger()  # End faults
    assert server.faults.active() == []
    assert demo_window.statusBar().currentMessage() == "Faults ended: 2"


def _quit_when_shown(check) -> QTimer:
    """Once the window is up: look at it (check(window)), then quit as the tray's Quit does."""
    timer = QTimer()
    # only the window the app opens: an earlier test's window may still be about
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}

    deadline = time.monotonic() + 60
    done: list[bool] = []

    def look() -> None:
        # once looked at, quit at every tick until the app's own event loop ends: a quit asked for
        # while the app was still starting (events run before its loop) would otherwise be lost
        if done or time.monotonic() > deadline:  # never a hang: the test fails on what it did not see
            QApplication.exit(0)  # not quit(): Qt 6 lets a window that refuses to close (an earlier test's) cancel that
            return
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and id(w) not in before
        ]
        if not windows:
            return
        done.append(True)
        try:
            check(windows[0])
        finally:
            # the app's loop ends with exit() below: Qt's own quit as the last window closes would
            # leave this process's QApplication unable to activate a window for the later tests
            QApplication.setQuitOnLastWindowClosed(False)
            windows[0].quit_requested()
            windows[0].deleteLater()
            QApplication.exit(0)  # the app's loop ends whatever window an earlier test left open

    timer.timeout.connect(look)
    timer.start(50)
    return timer


def test_the_app_started_with_demo_has_the_menu_and_the_demo_clock(qtbot, sssm_home, message_log):
    from app.gui.application import run_gui

    seen: dict[str, object] = {}

    def check(window) -> None:
        seen["clock"] = timeunit.demo_clock_on()
        seen["menu"] = "&Demo" in menu_titles(window)
        seen["status"] = status_texts(window)

    timer = _quit_when_shown(check)
    try:
        assert run_gui(demo=True) == 0
    finally:
        timer.stop()
        QApplication.setQuitOnLastWindowClosed(True)
    assert seen["clock"] is True and seen["menu"] is True
    assert "Demo clock: times run in seconds instead of minutes" in seen["status"]
    assert not timeunit.demo_clock_on(), "off again once the demo has ended"


def test_the_plain_app_leaves_the_demo_clock_off(qtbot, sssm_home, message_log, monkeypatch):
    from app.gui.application import run_gui

    calls: list[str] = []
    monkeypatch.setattr(timeunit, "use_demo_clock", lambda: calls.append("use_demo_clock"))
    seen: dict[str, object] = {}

    def check(window) -> None:
        seen["clock"] = timeunit.demo_clock_on()
        seen["menu"] = "&Demo" in menu_titles(window)

    timer = _quit_when_shown(check)
    try:
        assert run_gui() == 0
    finally:
        timer.stop()
        QApplication.setQuitOnLastWindowClosed(True)
    assert seen == {"clock": False, "menu": False} and calls == []
