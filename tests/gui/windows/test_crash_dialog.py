"""An unhandled exception shows the crash dialog: the traceback, no password, the log's path;
the report is logged too. pytest-qt's own capture of exceptions is off in the tests that raise
(``qt_no_exception_capture``): the app's hook is the one under test."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton

from app import paths, secrets
from app.gui.windows.crash_dialog import CrashDialog, install_crash_reporter
from app.log import LOG_FILE_NAME, setup_logging

KEYRING_PASSWORD = "Tr0ub4dor&3-quartz"  # stored for a mailbox; never quoted in a report
TYPED_PASSWORD = "hunter2-Zebra"  # written as password=… in an exception's text


@pytest.fixture
def reporter(qtbot, store):
    handler = setup_logging(logging.INFO)
    reporter = install_crash_reporter()
    reporter.quit_action = lambda: quits.append("quit")
    quits: list[str] = []
    reporter.quits = quits
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()
    handler.flush()


@pytest.fixture
def mailbox_with_password(sample):
    """Bob's mailbox password, in the (in-memory) credential store as the editor saves it."""
    secrets.set_password(secrets.mailbox_key(sample.mailbox_ids["bob"]), KEYRING_PASSWORD)
    return sample.mailbox_ids["bob"]


def _log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (paths.log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")


def failing_slot():
    raise RuntimeError(f"logon refused for bob with {KEYRING_PASSWORD}; retried with password={TYPED_PASSWORD}")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_report_without_passwords(qtbot, reporter, mailbox_with_password, click):
    button = QPushButton("Do it")
    qtbot.addWidget(button)
    button.clicked.connect(failing_slot)
    button.show()
    qtbot.waitExposed(button)
    click(button)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    text = dialog.report_text()
    assert "Traceback (most recent call last)" in text and "in failing_slot" in text
    assert "RuntimeError: logon refused for bob with [password removed]" in text
    assert "Thread: MainThread" in text
    assert KEYRING_PASSWORD not in text and TYPED_PASSWORD not in text
    log_file = str(paths.log_dir() / LOG_FILE_NAME)
    assert f"Log file: {log_file}" in text and log_file in dialog.ui.logFile.text()

    logged = _log_text()
    assert "CRITICAL" in logged and "Unhandled exception in thread MainThread" in logged
    assert "in failing_slot" in logged
    assert KEYRING_PASSWORD not in logged and TYPED_PASSWORD not in logged

    click(dialog.ui.copyButton)
    assert QGuiApplication.clipboard().text() == text
    click(dialog.ui.closeButton)
    qtbot.waitUntil(lambda: reporter.dialog is None)
    assert reporter.quits == [], "Close leaves the app running"


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def url_catcher():
    """File URLs the app asks the desktop to open, caught before anything opens."""
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


@pytest.mark.qt_no_exception_capture
def test_a_worker_threads_error_opens_one_dialog_and_later_ones_join_it(qtbot, reporter, url_catcher, click):
    def work():
        raise ValueError("the engine tripped")

    thread = threading.Thread(target=work, name="sync-mailbox-7")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    dialog = reporter.dialog
    assert "Thread: sync-mailbox-7" in dialog.report_text() and "ValueError: the engine tripped" in dialog.report_text()

    try:
        raise KeyError("second")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: dialog.count == 2)
    assert reporter.dialog is dialog, "one dialog for both"
    assert "KeyError: 'second'" in dialog.report_text() and "the engine tripped" in dialog.report_text()
    assert "2 unexpected errors" in dialog.ui.heading.text()

    click(dialog.ui.openFolderButton)
    assert url_catcher.urls == [QUrl.fromLocalFile(str(paths.log_dir()))]
    click(dialog.ui.quitButton)
    assert reporter.quits == ["quit"]
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_a_thread_that_ends_with_system_exit_is_no_crash(qtbot, reporter):
    thread = threading.Thread(target=sys.exit, name="ending")
    thread.start()
    thread.join()
    qtbot.wait(50)
    assert reporter.dialog is None


def test_the_hooks_are_given_back(qtbot, store):
    before = (sys.excepthook, threading.excepthook)
    reporter = install_crash_reporter()
    assert (sys.excepthook, threading.excepthook) == (reporter.excepthook, reporter.thread_excepthook)
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_without_a_log_file_the_dialog_says_so(qtbot):
    dialog = CrashDialog("Traceback …", None)
    qtbot.addWidget(dialog)
    assert "logging is off" in dialog.ui.logFile.text()
    assert not dialog.ui.openFolderButton.isEnabled()
