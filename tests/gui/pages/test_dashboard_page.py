"""The Dashboard and item monitoring, driven as an admin uses them, over real engine cycles against
the loopback Exchange server (tests/ews_fixtures.py) and a real store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.domain.enums import ItemKind, MailboxState, RunStatus
from app.store import repo
from app.store.base import utcnow
from app.store.models import Appointment, ItemFailure, ItemLink, Mailbox
from app.sync.scheduler import Scheduler


def enable_as_tested(mailbox):
    """As a passed Test & Enable leaves it: every workload enabled, every status Success."""
    Mailbox.update(
        incoming_enabled=True,
        outgoing_enabled=True,
        act_enabled=True,
        incoming_status=RunStatus.SUCCESS,
        outgoing_status=RunStatus.SUCCESS,
        act_status=RunStatus.SUCCESS,
        mailbox_status=RunStatus.SUCCESS,
        test_completed_on=utcnow(),
    ).where(Mailbox.id == mailbox.id).execute()
    return mailbox


@pytest.fixture
def ten_mailboxes(setup, ews):
    profile = setup.profile()
    mailboxes = []
    for number in range(10):
        account = ews.new_account(f"dash{number}", emails=0, appointments=2, contacts=0, tasks=0)
        owner = repo.create_user(f"Owner {number:02}", account.email)
        mailbox = setup.mailbox(profile, account.email, name=f"Mailbox {number:02}", owner_id=owner.id)
        mailboxes.append(enable_as_tested(mailbox))
    return mailboxes


@pytest.fixture
def page(qtbot, store):
    from app.gui.pages.dashboard_page import DashboardPage

    page = DashboardPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=5000):  # the figures read as the page was built
        page.resize(1200, 900)
        page.show()
    qtbot.waitExposed(page)
    return page


def refresh(qtbot, page):
    """Refresh, and wait until the figures read off the GUI thread are on show."""
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.refresh()


def click_chart(qtbot, chart, x, y):
    point = chart.widget_point(x, y).toPoint()
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_fault_on_3_of_10_mailboxes_shows_in_the_tiles_and_the_failures_chart(qtbot, ews, ten_mailboxes, page, click):
    failing = ten_mailboxes[2:5]
    for mailbox in failing:
        ews.server.faults.inject("http403", account=mailbox.email, count=None)
    results = Scheduler().run_once([m.id for m in ten_mailboxes])
    assert {r.mailbox_id for r in results if not r.ok} == {m.id for m in failing}

    refresh(qtbot, page)
    assert page.tiles[MailboxState.ERROR].count() == 3
    assert page.tiles[MailboxState.SUCCESS].count() == 7

    with qtbot.waitSignal(page.show_mailboxes) as shown:
        click(page.tiles[MailboxState.ERROR])
    assert shown.args == [MailboxState.ERROR.value]
    from app.store.dashboard import mailboxes_in_state

    assert mailboxes_in_state(MailboxState(shown.args[0])) == sorted(m.id for m in failing)

    chart = page.failures_chart
    hour = chart.hours[-1]
    assert chart.values["error"][-1] == len(results) - sum(r.ok for r in results) > 0
    assert sum(chart.values["error"][:-1]) == 0, "only the hour of the cycle has a bar"
    x = hour.timestamp() + 1800
    assert "Error" in chart.tooltip(chart.hit_at(x, 0.5))
    click_chart(qtbot, chart, x, 0.5)
    dialog = page._dialog
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.mailbox_ids()) == sorted(m.id for m in failing)


def test_the_items_chart_counts_the_cycle_and_a_bar_opens_its_mailboxes(qtbot, ews, ten_mailboxes, page):
    Scheduler().run_once([m.id for m in ten_mailboxes[:2]])
    refresh(qtbot, page)
    chart = page.items_chart
    assert chart.values["act"][-1] == 4  # the two appointments of each calendar, into the store
    assert chart.values["incoming"][-1] == chart.values["outgoing"][-1] == 0
    x = chart.hours[-1].timestamp() + 1800
    hit = chart.hit_at(x, 1)
    assert hit is not None and hit.series == "act"
    click_chart(qtbot, chart, x, 1)
    assert sorted(page._dialog.mailbox_ids()) == sorted(m.id for m in ten_mailboxes[:2])
    assert page.duration_chart.cycles[-1] == 6  # three workloads of two mailboxes
    assert page.duration_chart.values["median"][-1] is not None


def test_the_top_chart_and_the_timeline_open_a_mailbox(qtbot, ews, ten_mailboxes, page):
    ews.server.faults.inject("fault500", account=ten_mailboxes[0].email, count=None)
    Scheduler().run_once([m.id for m in ten_mailboxes[:3]])
    refresh(qtbot, page)
    assert page.top_chart.names == [f"Mailbox 00 <{ten_mailboxes[0].email}>"]
    with qtbot.waitSignal(page.open_mailbox) as opened:
        click_chart(qtbot, page.top_chart, 0.5, 0)
    assert opened.args == [ten_mailboxes[0].id]
    timeline = page.timeline
    assert len(timeline.points) == 9  # the next cycle of three workloads of three mailboxes
    x, lane, _ = timeline.points[0]
    with qtbot.waitSignal(page.open_mailbox):
        click_chart(qtbot, timeline, x, lane)


def test_each_chart_exports_as_png(page, tmp_path):
    for chart in page.charts():
        path = tmp_path / f"{chart.title.text()}.png"
        assert chart.export_png(str(path))
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert chart.export_button.isVisible(), "the button is back after the picture"


def test_live_refresh_is_coalesced_to_once_a_second(qtbot, page, monkeypatch):
    calls = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (calls.append(1), original()))
    page._timer.timeout.disconnect()
    page._timer.timeout.connect(page.refresh)
    page._last_refresh = 0.0
    page.request_refresh()
    for _ in range(5):
        page.request_refresh()
    assert len(calls) == 1, "the first at once, the rest wait"
    assert page._timer.isActive()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=2500)
    qtbot.wait(200)
    assert len(calls) == 2, "one more for the burst, not five"


def test_an_appointment_exchange_refuses_is_listed_then_retried_once_fixed(qtbot, ews, setup, page, click):
    profile = setup.profile()
    account = ews.new_account("calendar")
    mailbox = enable_as_tested(setup.mailbox(profile, account.email))
    start = utcnow().replace(microsecond=0) + timedelta(days=1)
    appointment = Appointment.create(
        owner=setup.user, subject="Kick-off", start=start, end=start + timedelta(days=6 * 365)
    )
    Scheduler().run_once([mailbox.id])

    items = page.items
    page.ui.tabs.setCurrentIndex(1)
    items.refresh()
    assert items.proxy.rowCount() == 1
    row = items.proxy.row_at(0)
    assert (row.kind, row.subject) == (ItemKind.APPOINTMENT, "Kick-off")
    assert row.error_code == "ErrorCalendarDurationIsTooLong"
    assert "five years" in row.error_text, "the server's own words"
    shown = [items.model.data(items.model.index(0, c)) for c in range(items.model.columnCount())]
    assert "ErrorCalendarDurationIsTooLong: The duration of the calendar item exceeds five years." in shown
    assert "Correct the appointment's start and end in the store, then retry." in shown

    Scheduler().run_once([mailbox.id])  # tried again each cycle while the cause stays
    items.refresh()
    assert items.proxy.row_at(0).attempts == 2

    appointment.end = start + timedelta(hours=1)  # the cause fixed
    appointment.save()
    items.ui.table.selectRow(0)
    with qtbot.waitSignal(items.retried) as retried:
        click(items.ui.retryButton)
    assert retried.args == [[mailbox.id]]
    assert ItemFailure.get().retry_requested
    Scheduler().run_once(retried.args[0])  # what Sync now of the mailbox runs
    items.refresh()
    assert items.proxy.rowCount() == 0
    assert ItemLink.select().where(ItemLink.record_id == appointment.id).count() == 1
    calendar = ews.server.directory.mailbox(account.email).distinguished["calendar"]
    assert [item.subject for item in calendar.items.values()] == ["Kick-off"]  # in Exchange now


def test_ignore_hides_an_item_and_the_engine_leaves_it_alone(qtbot, ews, setup, page, click):
    profile = setup.profile()
    account = ews.new_account("calendar")
    mailbox = enable_as_tested(setup.mailbox(profile, account.email))
    start = utcnow() + timedelta(days=1)
    Appointment.create(owner=setup.user, subject="Forever", start=start, end=start + timedelta(days=3000))
    Scheduler().run_once([mailbox.id])
    items = page.items
    items.refresh()
    items.ui.table.selectRow(0)
    click(items.ui.ignoreButton)
    assert items.proxy.rowCount() == 0
    Scheduler().run_once([mailbox.id])
    assert ItemFailure.get().attempts == 1, "not tried again"
    click(items.ui.showIgnored)
    assert items.proxy.rowCount() == 1
