"""The Dashboard's pictures, made from a real engine run: a loopback Exchange server of its own,
eight mailboxes synchronized hour after hour by the real scheduler (with an injected clock),
email delivered and sent, appointments and tasks going both ways, a server busy for a while, two
mailboxes refused access, an appointment Exchange refuses and an email without recipients —
what the charts and item monitoring show is what the engine recorded, not hand-made rows."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.gui.pages.dashboard_page import DashboardPage
    from app.gui.screenshots.render import View
    from app.simulator.server import LoopbackExchange

PEOPLE = (
    ("Chen Wei", "chen.wei"),
    ("Emma Schmidt", "emma.schmidt"),
    ("Hiroshi Tanaka", "hiroshi.tanaka"),
    ("Lucas Martin", "lucas.martin"),
    ("Maria Rossi", "maria.rossi"),
    ("Olivia Brown", "olivia.brown"),
    ("Sakura Ito", "sakura.ito"),
    ("Noah Wilson", "noah.wilson"),
)
DOMAIN = "fabrikam.com"
PASSWORD = "Fabrikam-2013"
HOURS = 9  # of history before now


def start_server() -> LoopbackExchange:
    from app import paths
    from app.simulator.server import LoopbackExchange

    server = LoopbackExchange(paths.simulator_dir() / "dashboard")
    for name, user in PEOPLE:
        server.add_account(f"{user}@{DOMAIN}", PASSWORD, name)
    return server.start()


def create_mailboxes(server: LoopbackExchange, now: datetime) -> dict[str, int]:
    """The profile and the eight mailboxes, each owned by its person, tested and enabled."""
    from app.domain.enums import ApprovalStatus, RunStatus, TrackingOption
    from app.domain.settings import MailboxSettings, ProfileSettings
    from app.store import repo
    from app.store.models import Mailbox, UserOptions

    profile = repo.save_profile(
        ProfileSettings(
            name="Fabrikam Exchange",
            auto_discover=False,
            incoming_url=server.ews_url,
            incoming_port=server.port,
            trusted_ca_path=str(server.ca_path),
            process_email_from=now - timedelta(days=30),
            timeout_seconds=10,
        )
    )
    ids = {}
    for name, user in PEOPLE:
        email = f"{user}@{DOMAIN}"
        owner = repo.create_user(name, email)
        UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == owner.id).execute()
        settings = MailboxSettings(
            name=name,
            email=email,
            owner_id=owner.id,
            profile_id=profile.id,
            approval=ApprovalStatus.APPROVED,
            allow_credentials=True,
            username=email,
        )
        mailbox = repo.save_mailbox(settings, password=PASSWORD)
        Mailbox.update(
            incoming_enabled=True,
            outgoing_enabled=True,
            act_enabled=True,
            incoming_status=RunStatus.SUCCESS,
            outgoing_status=RunStatus.SUCCESS,
            act_status=RunStatus.SUCCESS,
            mailbox_status=RunStatus.SUCCESS,
            test_completed_on=now - timedelta(hours=HOURS + 1),
        ).where(Mailbox.id == mailbox.id).execute()
        ids[user] = mailbox.id
    return ids


def run_history(server: LoopbackExchange, mailboxes: dict[str, int], now: datetime) -> None:
    """Hour after hour: new work on both sides, faults at some hours, one scheduler pass each."""
    from app.store.models import Appointment, Mailbox, SystemUser, Task
    from app.sync.outgoing import queue_email
    from app.sync.scheduler import Scheduler

    owners = {user: Mailbox.get_by_id(i).owner_user for user, i in mailboxes.items()}
    users = list(mailboxes)
    for step in range(HOURS, -1, -1):
        when = now - timedelta(hours=step, minutes=7 if step else 3)  # the last pass moments ago
        for n, user in enumerate(users):
            for k in range((step * 3 + n) % 5):
                server.deliver(f"{user}@{DOMAIN}", f"Order {step:02}{n}{k}: delivery schedule", "Hello")
            if (step + n) % 3 == 0:
                owner = owners[user]
                assert isinstance(owner, SystemUser)
                queue_email(owner, f"{users[(n + 1) % len(users)]}@{DOMAIN}", f"Re: quote {step}{n}", "Thanks")
                start = when + timedelta(days=1 + n)
                end = start + timedelta(hours=1)
                Appointment.create(owner=owner, subject=f"Review {step}{n}", start=start, end=end)
                Task.create(owner=owner, subject=f"Call back {step}{n}", due=start)
        if step == 6:
            server.faults.inject("server_busy", account=f"lucas.martin@{DOMAIN}", count=2)
        if step == 3:
            for user in ("maria.rossi", "noah.wilson"):
                server.faults.inject("http403", account=f"{user}@{DOMAIN}", count=None)
        if step == 2:
            owner = owners["hiroshi.tanaka"]
            start = when + timedelta(days=2)
            Appointment.create(
                owner=owner, subject="Project Phoenix (whole programme)", start=start, end=start + timedelta(days=2200)
            )
            queue_email(owners["emma.schmidt"], "", "Price list 2014", "Attached")  # no recipients
        Scheduler(clock=partial(_at, when)).run_once(list(mailboxes.values()))


def _at(when: datetime) -> datetime:
    return when


def wait_for_figures(page: DashboardPage) -> None:
    """Until the page shows the figures of a read started now (they are read on a thread of their own)."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    shown = []
    page.refreshed.connect(lambda: shown.append(True))
    page.refresh()
    waited = QElapsedTimer()
    waited.start()
    while not shown and waited.elapsed() < 10_000:
        QApplication.processEvents()


def dashboard_views() -> Iterator[tuple[str, View]]:
    """dashboard (its charts and tiles) and item-monitoring (its second tab, an item selected)."""
    from app.gui.pages.dashboard_page import DashboardPage
    from app.gui.screenshots.sample_data import NOW

    now = NOW.astimezone(timezone.utc)
    server = start_server()
    quiet = logging.getLogger()
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # the failures are meant: the pictures show them, the log need not
    try:
        run_history(server, create_mailboxes(server, now), now)
    finally:
        quiet.setLevel(level)
        server.stop()
    page = DashboardPage(clock=lambda: now)
    page.resize(1200, 900)

    def dashboard():
        page.ui.tabs.setCurrentIndex(0)
        page.show()
        wait_for_figures(page)
        return page

    yield "dashboard", dashboard

    def item_monitoring():
        page.ui.tabs.setCurrentIndex(1)
        page.items.refresh()
        page.items.ui.table.selectRow(0)
        page.show()
        return page

    yield "item-monitoring", item_monitoring
