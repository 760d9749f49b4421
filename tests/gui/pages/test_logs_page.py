"""The log page reads the app's own log file (the real handler writes it): level filter, search,
following new lines across rotations, the log folder; Qt's warnings land in the same file."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QObject, QUrl, Slot, qInstallMessageHandler, qWarning
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app import paths
from app.gui.application import install_qt_message_handler
from app.gui.pages.logs_page import LogsPage
from app.log import LOG_FILE_NAME, setup_logging
from app.log_reader import LogTail, parse

log = logging.getLogger("app.sync.scheduler")


@pytest.fixture
def handler():
    """The app's rotating handler on the test's home, as `python -m app` sets it up."""
    handler = setup_logging(logging.DEBUG)
    yield handler
    handler.flush()


def _write_sample_log(handler) -> None:
    log.debug("lease mailbox:3:incoming renewed")
    log.info("cycle of alice@contoso.com incoming: 4 created")
    log.warning("mailbox bob@contoso.com: ErrorServerBusy, retried in 5 minutes")
    try:
        raise ConnectionResetError("connection reset by peer")
    except ConnectionResetError:
        log.exception("mailbox bob@contoso.com outgoing failed")
    logging.getLogger("app.gui.tray").info("notification shown for bob@contoso.com")
    handler.flush()


def _page(qtbot, **kwargs) -> LogsPage:
    page = LogsPage(**kwargs)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    with qtbot.waitSignal(page.loaded):  # read in a worker: the GUI thread never waits for a 2 MB file
        page.show()
    qtbot.waitExposed(page)
    return page


def _messages(page) -> list[str]:
    return [r.first_line for r in page.visible_records()]


def _choose_level(page, text):
    combo = page.ui.levelFilter
    combo.setCurrentIndex(combo.findText(text))


def test_level_filter_and_search_narrow_the_lines(qtbot, handler):
    _write_sample_log(handler)
    page = _page(qtbot)
    assert len(page.visible_records()) == 5
    assert page.ui.table.model().index(3, 1).data() == "Error"

    _choose_level(page, "Warnings and errors")
    assert _messages(page) == [
        "mailbox bob@contoso.com: ErrorServerBusy, retried in 5 minutes",
        "mailbox bob@contoso.com outgoing failed",
    ]
    _choose_level(page, "Information and above")
    assert len(page.visible_records()) == 4, "the debug line is left out"

    qtbot.keyClicks(page.ui.search, "BOB notification")  # every word, any case
    assert _messages(page) == ["notification shown for bob@contoso.com"]
    page.ui.search.clear()
    qtbot.keyClicks(page.ui.search, "peer")  # a traceback's lines belong to their record
    assert _messages(page) == ["mailbox bob@contoso.com outgoing failed"]
    page.ui.table.selectRow(0)
    details = page.ui.details.toPlainText()
    assert (
        "Traceback (most recent call last)" in details and "ConnectionResetError: connection reset by peer" in details
    )
    _choose_level(page, "Errors only")
    qtbot.keyClicks(page.ui.search, " nothing-like-this")
    assert _messages(page) == [] and page.ui.details.toPlainText() == ""


def test_follow_shows_new_lines_as_they_are_written_across_rotations(qtbot, handler):
    handler.maxBytes = 1500  # a rotation every dozen lines or so (2 MB in the app)
    log.info("line 000")
    handler.flush()
    page = _page(qtbot)
    assert page.ui.follow.isChecked()
    written = ["line 000"]
    for chunk in range(6):  # never two rotations between two reads: each chunk is seen before the next
        for n in range(1, 8):
            written.append(f"line {chunk * 10 + n:03}")
            log.info(written[-1])
        handler.flush()
        qtbot.waitUntil(lambda: _messages(page) == written, timeout=3000)
    assert (paths.log_dir() / f"{LOG_FILE_NAME}.2").exists(), "the handler rotated the file, more than once"
    table = page.ui.table
    assert table.verticalScrollBar().value() == table.verticalScrollBar().maximum(), "the newest line in view"

    page.ui.follow.setChecked(False)  # paused: the list stays as it is
    log.info("written while paused")
    handler.flush()
    qtbot.wait(700)
    assert _messages(page)[-1] == written[-1]
    page.ui.follow.setChecked(True)
    qtbot.waitUntil(lambda: _messages(page)[-1] == "written while paused", timeout=3000)


def test_a_partly_written_line_waits_for_its_end(tmp_path):
    path = tmp_path / "sssm.log"
    tail = LogTail(path)
    assert tail.read_lines() == [], "no file yet: nothing"
    path.write_bytes(b"2026-03-02 09:30:00,123 INFO    MainThread app: first\n2026-03-02 09:30:01,000 INFO    Main")
    assert tail.read_lines() == ["2026-03-02 09:30:00,123 INFO    MainThread app: first"]
    with open(path, "ab") as handle:
        handle.write(b"Thread app: second \xe3\x83\xad\xe3\x82\xb0\n")
    (record,) = parse(tail.read_lines())
    assert (record.thread, record.source, record.message) == ("MainThread", "app", "second ログ")
    path.write_bytes(b"")  # cut short in place
    assert tail.read_lines() == []
    path.write_bytes(b"fresh\n")
    assert tail.read_lines() == ["fresh"]


def test_continuation_lines_keep_the_record_they_belong_to():
    header = "2026-03-02 09:30:00,123 ERROR   sync worker 2 app.sync.session: failed: see below"
    (first,) = parse([header, "Traceback (most recent call last):", '  File "x.py", line 1'])
    assert first.thread == "sync worker 2", "a thread name with spaces"
    assert first.level == logging.ERROR and first.message.count("\n") == 2
    (rest,) = parse(["ValueError: boom"], previous=first)
    assert (rest.level, rest.time, rest.message) == (logging.ERROR, first.time, "ValueError: boom")
    (orphan,) = parse(["no header at all"])
    assert orphan.level == 0 and orphan.text() == "no header at all"


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


def test_open_the_log_folder_asks_the_desktop_for_the_folder(qtbot, handler, url_catcher, click):
    page = _page(qtbot)
    click(page.ui.openFolderButton)
    assert url_catcher.urls == [QUrl.fromLocalFile(str(paths.log_dir()))]
    assert str(paths.log_dir() / LOG_FILE_NAME) in page.ui.fileLabel.text()


def test_qt_warnings_land_in_the_log_and_on_the_page(qtbot, handler):
    previous = install_qt_message_handler()  # as run_gui does; pytest-qt's capture is set aside meanwhile
    try:
        qWarning("a warning from Qt itself")
        widget = QWidget()
        qtbot.addWidget(widget)
        layout = QVBoxLayout(widget)
        layout.addLayout(layout)  # a real misuse, which Qt refuses with a warning
    finally:
        qInstallMessageHandler(previous)
    handler.flush()
    text = (paths.log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "WARNING MainThread qt: a warning from Qt itself" in text
    assert "QLayout: Cannot add layout QVBoxLayout/ to itself" in text
    page = _page(qtbot)
    _choose_level(page, "Warnings and errors")
    qtbot.keyClicks(page.ui.search, "cannot add layout")
    (record,) = page.visible_records()
    assert record.source == "qt" and record.level == logging.WARNING
