"""The main window's frame is built and painted before the store is opened
(``MainWindow(complete=False, store_open=False)``, as ``python -m app`` starts it); the store is
opened right after the first paint, then the window completed. Its language before the store
is open: ``--lang``, else the store's setting as the last start saw it (window settings), else
the system's; a store that says another language re-translates the frame before completion."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import paths
from app.gui.application import LANGUAGE_KEY, InputGate, install_language, remembered_language
from app.gui.windows.base import window_settings
from app.gui.windows.main_window import MainWindow


def frame(qtbot) -> MainWindow:
    window = MainWindow(complete=False, store_open=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_frame_before_the_store_has_every_entry_and_no_page_then_completes_on_the_saved_page(qtbot, sample):
    window = frame(qtbot)

    assert not window.store_ready and not window.is_complete
    assert window.ui.navigation.count() == 8 and window.menuBar().actions()
    assert window.current_page() == MainWindow.PROFILES  # no page saved: a first start, no profile yet
    assert window._profiles is None and window._mailboxes is None and window._alerts is None
    assert window._tests is None  # Test & Enable's runner (it imports the store's models): when used

    window.complete()

    assert window.store_ready and window.is_complete
    assert window.current_page() == MainWindow.DASHBOARD  # the store holds profiles: as a complete window opens
    assert sorted(row.id for row in window.profiles.rows) == sorted(sample.profile_ids)
    assert len(window.mailboxes.rows) == len(sample.mailbox_ids)


def test_without_a_profile_the_completed_frame_shows_the_profiles_page_even_if_another_was_saved(qtbot, store):
    settings = window_settings()
    settings.setValue("page/MainWindow", MainWindow.MAILBOXES)
    settings.sync()
    window = frame(qtbot)
    assert window.current_page() == MainWindow.MAILBOXES and window._mailboxes is None  # not built yet

    window.complete()

    assert window.current_page() == MainWindow.PROFILES
    assert window.ui.pages.currentWidget() is window.ui.profilesPage and window._profiles is not None


def test_a_saved_page_built_on_show_is_built_when_the_frame_completes(qtbot, sample):
    settings = window_settings()
    settings.setValue("page/MainWindow", MainWindow.USERS)
    settings.sync()
    window = frame(qtbot)
    assert window.current_page() == MainWindow.USERS and window._users is None

    window.complete()

    assert window.current_page() == MainWindow.USERS and window._users is not None
    qtbot.waitUntil(window._users.isVisible)  # shown on the page on show


def test_a_page_chosen_before_the_store_opened_is_kept(qtbot, sample):
    window = frame(qtbot)
    window.show_page(MainWindow.ALERTS)  # as code could; a person's click is held off (below)
    assert window._alerts is None

    window.complete()

    assert window.current_page() == MainWindow.ALERTS and window._alerts is not None


def test_clicks_before_the_store_is_open_are_held_off_and_work_after(qtbot, sample):
    window = frame(qtbot)
    gate = InputGate(window)
    gate.close()
    navigation = window.ui.navigation
    rect = navigation.visualItemRect(navigation.item(MainWindow.MAILBOXES))
    try:
        QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.keyClick(window, Qt.Key.Key_F5)  # View > Refresh
        assert window.current_page() == MainWindow.PROFILES and not window.is_complete  # nothing happened
    finally:
        gate.open()
    window.complete()

    QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() == MainWindow.MAILBOXES
    assert window.mailboxes_page.proxy.rowCount() == len(sample.mailbox_ids)


def test_a_shared_database_has_its_hosts_entry_in_the_frame_from_its_url(qtbot, monkeypatch):
    monkeypatch.setenv(paths.DATABASE_ENV, "postgresql://sssm@db.example/sssm")  # never opened here
    window = frame(qtbot)

    assert window.ui.navigation.count() == 9 and window.hosts_index == 8
    assert window.ui.navigation.item(8).text() == "Hosts"


def test_without_a_url_the_frame_has_no_hosts_entry(qtbot, monkeypatch):
    monkeypatch.delenv(paths.DATABASE_ENV, raising=False)
    window = frame(qtbot)
    assert window.ui.navigation.count() == 8 and window.hosts_index is None


@pytest.fixture
def english_again(qapp):
    locale = QLocale()
    yield
    install_language(qapp, "en")
    QLocale.setDefault(locale)


def test_retranslate_puts_the_frame_in_the_language_installed_since(qtbot, qapp, english_again):
    window = frame(qtbot)
    assert window.ui.navigation.item(MainWindow.PROFILES).text() == "Email server profiles"

    install_language(qapp, "ja")
    window.retranslate()

    assert window.ui.navigation.item(MainWindow.PROFILES).text() == QCoreApplication.translate(
        "MainWindow", "Email server profiles"
    )
    assert window.ui.navigation.item(MainWindow.PROFILES).text() != "Email server profiles"
    assert (
        window.activity_label.text()
        == QCoreApplication.translate("MainWindow", "Opening the data file…")
        != ("Opening the data file…")
    ), "what the frame waits for, in the new language too"
    window.complete()
    assert window.activity_label.text() == QCoreApplication.translate("MainWindow", "Ready") != "Ready"


def _store_language(language: str) -> None:
    from app.store.db import close_database, open_database
    from app.store.repo import system_settings

    open_database(paths.database_path())
    try:
        row = system_settings()
        row.language = language
        row.save()
    finally:
        close_database()


def _run_until_complete(monkeypatch) -> dict[str, object]:
    """run_gui() as python -m app runs it, until its window is complete; what it showed then, and
    how often the frame was re-translated."""
    from app.gui.application import run_gui

    seen: dict[str, object] = {"retranslated": 0}
    retranslate = MainWindow.retranslate

    def counted(window: MainWindow) -> None:
        seen["retranslated"] = int(seen["retranslated"]) + 1  # type: ignore[call-overload]
        retranslate(window)

    monkeypatch.setattr(MainWindow, "retranslate", counted)
    before = list(QApplication.topLevelWidgets())  # held: a new window cannot take an old one's id()
    old = {id(w) for w in before}
    deadline = time.monotonic() + 60
    timer = QTimer()

    def look() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and id(w) not in old and w.is_complete
        ]
        if windows or time.monotonic() > deadline:
            if windows:
                seen["profiles"] = windows[0].ui.navigation.item(MainWindow.PROFILES).text()
                windows[0].quit_requested()
                windows[0].deleteLater()
            # once: the window is complete only inside the app's event loop, which this ends; an
            # exit() asked for after it has ended would end every later event loop at once
            timer.stop()
            QApplication.exit(0)

    timer.timeout.connect(look)
    timer.start(20)
    try:
        seen["exit"] = run_gui()
    finally:
        timer.stop()
        # a quit that reached the app after its loop had ended (its shutdown) would end every
        # later event loop at once: one more turn of the application's loop clears it
        QTimer.singleShot(0, lambda: QApplication.exit(0))
        QApplication.exec()
    return seen


def test_the_store_language_re_translates_the_frame_once_then_is_remembered_for_the_next_start(
    qtbot, qapp, sssm_home, monkeypatch, message_log, english_again
):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    if QLocale.system().name().split("_")[0] == "ja":
        pytest.skip("the system speaks Japanese already")
    _store_language("ja")
    assert remembered_language() is None  # never started

    first = _run_until_complete(monkeypatch)

    assert first["exit"] == 0
    assert first["retranslated"] == 1  # the frame was English, the store says Japanese
    assert first["profiles"] != "Email server profiles"  # the completed window speaks Japanese
    assert remembered_language() == "ja" and window_settings().value(LANGUAGE_KEY) == "ja"

    install_language(qapp, "en")
    second = _run_until_complete(monkeypatch)

    assert second["exit"] == 0
    assert second["retranslated"] == 0  # built in Japanese from the start
    assert second["profiles"] == first["profiles"]
