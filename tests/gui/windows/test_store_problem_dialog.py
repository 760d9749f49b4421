"""The window's start-up with a store that cannot be used: a dialog that names the file and offers
the last automatic backup (or quit) — never a traceback; a log folder that cannot be written is
said once in the window. Real files; the dialogs are answered by clicking their buttons."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from store_damage import CASES, garbage, healthy

from app import paths
from app.gui.windows.store_problem_dialog import StoreProblemDialog

DAY = datetime(2026, 3, 2, 9, 0, 0)


def _answer_when_shown(qtbot, button_text: str | None, seen: list[str]) -> QTimer:
    """Poll for the modal dialog; record its text, then click the button whose text is given
    (None: close it as the window's close button does)."""
    timer = QTimer()

    deadline = time.monotonic() + 30

    def look() -> None:
        # the store problem dialog itself, not whatever Qt counts as the active modal widget (an
        # earlier test's window may still be about)
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, StoreProblemDialog) and w.isVisible()]
        if not shown:
            if time.monotonic() > deadline:  # never a hang: the test fails on what it did not see
                timer.stop()
                for dialog in QApplication.topLevelWidgets():
                    if isinstance(dialog, QDialog) and dialog.isVisible():
                        dialog.reject()
            return
        dialog = shown[0]
        timer.stop()
        seen.append("\n".join([dialog.windowTitle()] + [label.text() for label in dialog.findChildren(QLabel)]))
        buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == button_text]
        if buttons:
            buttons[0].click()
        else:
            dialog.reject()

    timer.timeout.connect(look)
    timer.start(20)
    return timer


def test_window_start_with_a_damaged_store_shows_a_dialog_not_a_traceback(qtbot, sssm_home):
    from app.gui.application import run_gui

    store = paths.database_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    garbage(store)
    before = store.read_bytes()
    seen: list[str] = []
    timer = _answer_when_shown(qtbot, None, seen)
    try:
        assert run_gui() == 2, "quitting from the dialog ends the start"
    finally:
        timer.stop()
    assert seen and str(store) in seen[0], seen
    assert store.read_bytes() == before, "quitting changes nothing"


@pytest.mark.parametrize("case", ["garbage", "truncated", "folder", "user_version_-1", "version_without_tables"])
def test_restore_from_the_dialog_brings_the_store_back_and_keeps_the_damaged_file(qtbot, sssm_home, message_log, case):
    from app.gui.windows.store_problem_dialog import open_store_or_ask, show_startup_notices
    from app.store import backup
    from app.store.db import close_database
    from app.store.models import SystemUser

    store = paths.database_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    healthy(store)
    backup.take_backup(store, now=DAY)
    store.unlink()
    CASES[case][0](store)

    seen: list[str] = []
    timer = _answer_when_shown(qtbot, "Restore backup", seen)
    try:
        start = open_store_or_ask()
    finally:
        timer.stop()
    try:
        assert start is not None and start.restored is not None
        assert str(store) in seen[0] and "backup" in seen[0]
        assert SystemUser.select().count() > 1, "the backup's rows are back"
        kept = start.restored.kept_as
        assert kept is not None and kept.exists() and kept.name.startswith("sssm.sqlite3.damaged-")
        show_startup_notices(QDialog(), start)
        assert [t for t, _ in message_log.infos] == ["Backup restored"]
        assert str(kept) in message_log.infos[0][1]
    finally:
        close_database()


def test_without_a_backup_the_dialog_offers_only_to_quit(qtbot, sssm_home):
    from app.gui.windows.store_problem_dialog import Choice, StoreProblemDialog
    from app.store.db import check_store

    store = paths.database_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    garbage(store)
    error = check_store(store)
    dialog = StoreProblemDialog(error, None)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None and dialog.retry_button is None
    assert "no automatic backup" in dialog.advice.text() and str(store) in dialog.file.text()
    dialog.quit_button.click()
    assert dialog.choice is Choice.QUIT


def test_a_busy_store_offers_to_try_again(qtbot, tmp_path):
    from app.gui.windows.store_problem_dialog import Choice, StoreProblemDialog
    from app.store.db import StoreError, StoreProblem

    dialog = StoreProblemDialog(StoreError(tmp_path / "sssm.sqlite3", StoreProblem.BUSY, "database is locked"), None)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None and dialog.retry_button is not None
    assert "another program" in dialog.headline.text()
    dialog.retry_button.click()
    assert dialog.choice is Choice.RETRY


def test_a_log_folder_that_cannot_be_written_is_said_once_in_the_window(
    qtbot, sssm_home, message_log, store, monkeypatch, capsys
):
    import logging

    from app import log as log_module
    from app.gui.windows.store_problem_dialog import StoreStart, show_startup_notices
    from app.log import logging_problem, setup_logging

    monkeypatch.setattr(log_module, "_problem", None)  # put back after the test
    (sssm_home / "logs").write_text("a file where the log folder should be")
    handler = setup_logging(logging.INFO)
    try:
        assert logging_problem() is not None
        logging.getLogger("app.test").warning("nothing breaks")
        assert "Logging error" not in capsys.readouterr().err
        window = QDialog()
        qtbot.addWidget(window)
        show_startup_notices(window, StoreStart())
        assert [t for t, _ in message_log.errors] == ["Logging is off"]
        assert str(sssm_home / "logs") in message_log.errors[0][1]
    finally:
        logging.getLogger().removeHandler(handler)


def test_the_dialog_speaks_japanese(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.gui.i18n import translations_dir
    from app.gui.windows.store_problem_dialog import StoreProblemDialog
    from app.store.backup import Backup
    from app.store.db import StoreError, StoreProblem

    translator = QTranslator()
    assert translator.load(str(translations_dir() / "sssm_ja.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        path = tmp_path / "sssm.sqlite3"
        latest = Backup(Path(tmp_path / "backups" / "sssm.sqlite3.20260302-090000.bak"), DAY, None)
        for problem in StoreProblem:
            dialog = StoreProblemDialog(StoreError(path, problem, "detail"), latest)
            qtbot.addWidget(dialog)
            texts = [dialog.windowTitle(), dialog.headline.text(), dialog.advice.text(), dialog.quit_button.text()]
            texts += [b.text() for b in (dialog.restore_button, dialog.retry_button) if b is not None]
            assert all(any(ord(c) > 0x3000 for c in text) for text in texts), texts
            assert str(path) in dialog.file.text()
    finally:
        QCoreApplication.removeTranslator(translator)
