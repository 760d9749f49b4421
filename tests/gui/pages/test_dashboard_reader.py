"""The dashboard reads its figures off the GUI thread (app.gui.pages.dashboard_reader): refreshes
asked while a read runs fold into one more read, and a page closed or deleted mid-read is left
alone. The reads are the real ones over the real store; a gate holds each one until the test lets
it go, so that the test knows a read is under way."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.domain.enums import MailboxState
from app.gui.i18n import format_time
from app.gui.workers import running_workers
from app.store.dashboard import read_figures
from app.store.models import Mailbox, ServerProfile, SystemUser

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


class GatedRead:
    """The page's read, held at its start until ``release``; notes the moment each read is for."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = threading.Semaphore(0)
        self.reads: list[datetime] = []

    def __call__(self, now: datetime, period: timedelta):
        self.reads.append(now)
        self.started.release()
        assert self.gate.wait(10), "the test never let the read go"
        return read_figures(now, period)

    def wait_started(self) -> None:
        assert self.started.acquire(timeout=10), "no read started"

    def release(self) -> None:
        self.gate.set()


class Clock:
    """A minute later at each look, so that each read is for its own moment."""

    def __init__(self) -> None:
        self.minutes = 0

    def __call__(self) -> datetime:
        self.minutes += 1
        return START + timedelta(minutes=self.minutes)


def add_pending_mailboxes(count: int) -> None:
    profile = ServerProfile.create(name="Exchange")
    for number in range(count):
        owner = SystemUser.create(name=f"Owner {number}")
        Mailbox.create(name=f"Mailbox {number}", email=f"m{number}@contoso.com", owner_user=owner, profile=profile)


def reads_running() -> list:
    return [h for h in running_workers() if h.name == "dashboard-read"]


@pytest.fixture
def gated(qtbot, store):
    read = GatedRead()
    yield read
    read.release()  # whatever the test did, no read stays held
    qtbot.waitUntil(lambda: not reads_running(), timeout=5000)


@pytest.fixture
def page(qtbot, gated):
    from app.gui.pages.dashboard_page import DashboardPage

    page = DashboardPage(clock=Clock(), read=gated)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    gated.wait_started()  # the read the page started as it was built, held
    return page


def test_refreshes_asked_during_a_read_fold_into_one_more_read_whose_figures_are_shown(qtbot, gated, page):
    shown = []
    page.refreshed.connect(lambda: shown.append(page.tiles[MailboxState.PENDING_APPROVAL].count()))
    add_pending_mailboxes(3)
    for _ in range(5):
        page.refresh()
    assert len(gated.reads) == 1, "nothing more starts while a read runs"

    gated.release()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.waitUntil(lambda: not reads_running(), timeout=5000)
    qtbot.wait(100)
    assert len(gated.reads) == 2, "five asks, one more read"
    assert shown == [3], "only the newest read's figures are applied, once"
    assert page.ui.updatedLabel.text() == f"Updated {format_time(gated.reads[-1])}"
    assert gated.reads[-1] > gated.reads[0], "the read is for the moment of the last ask"


def test_a_page_closed_during_a_read_applies_nothing_and_reads_no_more(qtbot, gated, page):
    shown = []
    page.refreshed.connect(lambda: shown.append(True))
    add_pending_mailboxes(2)
    page.refresh()  # folded: waits for the read under way
    page.close()
    gated.release()
    qtbot.waitUntil(lambda: not reads_running(), timeout=5000)
    qtbot.wait(100)
    assert shown == [] and page.ui.updatedLabel.text() == ""
    assert page.tiles[MailboxState.PENDING_APPROVAL].count() == 0, "the figures of the read are not applied"
    assert len(gated.reads) == 1, "the refresh asked before closing is not read"
    page.request_refresh()
    page.refresh()
    qtbot.wait(100)
    assert len(gated.reads) == 1 and not reads_running(), "a closed page starts no read"


def test_a_page_deleted_during_a_read_leaves_the_read_to_end_by_itself(qtbot, store):
    from app.gui.pages.dashboard_page import DashboardPage

    gated = GatedRead()
    page = DashboardPage(read=gated)
    page.show()
    gated.wait_started()
    page.close()
    page.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gated.release()
    qtbot.waitUntil(lambda: not reads_running(), timeout=5000)  # its answer goes nowhere, without an error
    assert len(gated.reads) == 1
