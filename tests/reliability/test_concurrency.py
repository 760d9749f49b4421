"""Two processes on one store, as the window and ``python -m app run`` (or two shells) make them:
``python -m app sync --once`` twice at the same moment, and a long-running ``python -m app run``
with a ``sync --once`` beside it — for incoming and outgoing email, while the server gets new
mail (through its admin API) and the store new emails to send.

Afterwards: every Inbox email stored once and linked once, every queued email sent exactly once
(counted on the server: the sender's Sent Items and the recipient's Inbox), nothing left unsent
once the held claims have run out. Appointments, contacts and tasks get the same run: each
record pushed once and each item pulled once (the cycle is a lease one process holds).
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from ews_fixtures import EWS_PASSWORD
from matrix_cells import START, server_labels, store_labels
from reliability_support import figure, integrity, scaled

from app import paths
from app.cli import main
from app.domain.enums import EmailStatus, RecordType, TrackingOption
from app.store.base import utcnow
from app.store.models import Appointment, Contact, EmailActivity, EmailMailboxLink, Mailbox, Task, UserOptions
from app.sync.outgoing import claim_lease, queue_email

pytestmark = pytest.mark.soak

REPO_ROOT = Path(__file__).resolve().parents[2]
SAFETY = 120  # seconds; only reached when something is broken
INBOX_EMAILS = scaled(200, 1000)  # seeded before the processes start
PENDING_EMAILS = scaled(6, 30)
DELIVERIES = scaled(6, 30)  # delivered while they run
ACT_ITEMS = scaled(10, 40)  # of each kind, on each side
NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


def child_env(sssm_home) -> dict[str, str]:
    """``python -m app`` as it is, with a keyring answering the test password (tests/sync/worker_support.py)."""
    path = os.pathsep.join([str(REPO_ROOT), str(REPO_ROOT / "tests" / "sync")])
    return dict(
        os.environ,
        SSSM_HOME=str(sssm_home),
        SSSM_WORKER_PASSWORD=EWS_PASSWORD,
        PYTHONPATH=path,
        PYTHON_KEYRING_BACKEND="worker_support.EnvironmentKeyring",
    )


def start_app(sssm_home, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        cwd=REPO_ROOT,
        env=child_env(sssm_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def cycle_counts(out: str, email: str) -> dict[str, tuple[int, int]]:
    """(created, updated) per workload from the lines ``sync --once`` printed for *email*."""
    found = {"incoming": (0, 0), "outgoing": (0, 0)}
    for line in out.splitlines():
        match = re.match(rf"{re.escape(email)} (\w+): created (\d+), updated (\d+)", line)
        if match:
            found[match[1]] = (int(match[2]), int(match[3]))
    return found


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=SAFETY)
    return process.returncode, out, err


class Traffic:
    """Deliveries to the Inbox through the loopback server's admin API, and new emails to send
    queued in the store, while the processes run."""

    def __init__(self, ews, to: str, owner, recipient: str) -> None:
        self.session = ews.requests_session()
        self.url = f"{ews.server.admin_url}/deliver"
        self.token = ews.server.admin_token
        self.to, self.owner, self.recipient = to, owner, recipient
        self.delivered = self.queued = 0

    def deliver(self) -> None:
        answer = self.session.post(
            self.url,
            headers={"X-Admin-Token": self.token},
            timeout=10,
            json={
                "to": self.to,
                "subject": f"Meanwhile {self.delivered}",
                "body": "Delivered while two processes synchronize.",
                "sender": "partner@fabrikam.com",
            },
        )
        assert answer.status_code == 201, answer.text
        self.delivered += 1

    def send_later(self) -> None:
        queue_email(self.owner, self.recipient, f"Queued meanwhile {self.queued}", "Exactly once.")
        self.queued += 1

    def while_running(self, *processes: subprocess.Popen) -> None:
        for _ in range(DELIVERIES):
            self.deliver()
            self.send_later()
            if all(p.poll() is not None for p in processes):
                break
            time.sleep(0.05)


class Mailboxes:
    """One mailbox with incoming and outgoing enabled, mail in its Inbox and emails to send."""

    def __init__(self, setup, ews, name: str) -> None:
        self.ews = ews
        self.account = ews.new_account(name, **NO_SEED)
        ews.server.seed(
            self.account.email,
            emails=INBOX_EMAILS,
            appointments=0,
            contacts=0,
            tasks=0,
            body_size=300,
            seed=zlib.crc32(name.encode()),
        )
        self.recipient = ews.new_account(f"{name}rcpt", **NO_SEED)
        self.mailbox = setup.mailbox(setup.profile(f"Two processes {name}", max_connections=4), self.account.email)
        Mailbox.update(incoming_enabled=True, outgoing_enabled=True).where(Mailbox.id == self.mailbox.id).execute()
        UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == setup.user.id).execute()
        for n in range(PENDING_EMAILS):
            queue_email(setup.user, self.recipient.email, f"Pending {n}", "Exactly once.")
        self.traffic = Traffic(ews, self.account.email, setup.user, self.recipient.email)

    def settle(self, monkeypatch) -> None:
        """One more cycle, minutes later (held claims have run out): what arrived late is picked up."""
        later = utcnow() + claim_lease(self.mailbox) + timedelta(seconds=1)
        with monkeypatch.context() as clock:
            clock.setattr("app.sync.outgoing.utcnow", lambda: later)
            assert main(["sync", "--once"]) == 0

    def figures(self, scenario: str) -> tuple[int, int, int, int]:
        folders = self.ews.server.directory.mailbox
        inbox = folders(self.account.email).distinguished["inbox"].items_by_received()
        linked = Counter(
            link.item_id
            for link in EmailMailboxLink.select(EmailMailboxLink.item_id).where(
                (EmailMailboxLink.mailbox == self.mailbox.id) & (EmailMailboxLink.folder == "inbox")
            )
        )
        stored = Counter(
            e.message_id
            for e in EmailActivity.select(EmailActivity.message_id).where(
                EmailActivity.message_id.in_([item.msgid for item in inbox])
            )
        )
        duplicates = sum(n - 1 for n in (linked + stored).values() if n > 1)
        lost = sum(1 for item in inbox if item.id not in linked or item.msgid not in stored)
        sent = Counter(i.msgid for i in folders(self.account.email).distinguished["sentitems"].items_by_received())
        received = Counter(i.msgid for i in folders(self.recipient.email).distinguished["inbox"].items_by_received())
        outgoing = list(EmailActivity.select().where(EmailActivity.to_recipients == self.recipient.email))
        twice = sum(1 for e in outgoing if max(sent[e.message_id], received[e.message_id]) > 1)
        unsent = sum(1 for e in outgoing if e.status is not EmailStatus.SENT or sent[e.message_id] == 0)
        figure(
            f"concurrency {scenario}: incoming {len(inbox)} Inbox emails ({self.traffic.delivered} delivered "
            f"meanwhile), {duplicates} duplicates, {lost} lost; outgoing {len(outgoing)} emails "
            f"({self.traffic.queued} queued meanwhile), {twice} sent twice, {unsent} unsent; "
            f"integrity_check {integrity(paths.database_path())}"
        )
        return duplicates, lost, twice, unsent


def test_two_sync_once_processes_at_the_same_time(setup, ews, sssm_home, monkeypatch):
    boxes = Mailboxes(setup, ews, "twice")
    first, second = start_app(sssm_home, "sync", "--once"), start_app(sssm_home, "sync", "--once")
    boxes.traffic.while_running(first, second)
    results = [finish(first), finish(second)]
    boxes.settle(monkeypatch)
    split = [cycle_counts(out, boxes.account.email) for _, out, _ in results]
    figures = boxes.figures(
        "sync --once × 2 (the two processes: incoming stored {}+{}, outgoing sent {}+{}, "
        "found already sent by the other {}+{})".format(
            split[0]["incoming"][0],
            split[1]["incoming"][0],
            split[0]["outgoing"][0],
            split[1]["outgoing"][0],
            split[0]["outgoing"][1],
            split[1]["outgoing"][1],
        )
    )
    for code, out, err in results:
        assert code == 0 and "2 of 2 cycles succeeded." in out, f"{out}\n{err[-3000:]}"
    assert figures == (0, 0, 0, 0)


def _lines(stream, sink: queue.Queue) -> None:
    for line in stream:
        sink.put(line.rstrip("\n"))
    sink.put(None)


def test_run_and_sync_once_side_by_side(setup, ews, sssm_home, monkeypatch):
    boxes = Mailboxes(setup, ews, "runonce")
    email = boxes.account.email
    runner = start_app(sssm_home, "run")
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(runner.stdout, lines), daemon=True).start()
    try:
        once = start_app(sssm_home, "sync", "--once")
        boxes.traffic.while_running(once)
        code, out, err = finish(once)
        assert code == 0, f"{out}\n{err[-3000:]}"
        # run's first cycle of each workload (it started with them, at the same time as sync --once)
        seen: list[str] = []
        while not all(any(line.startswith(f"{email} {w}:") for line in seen) for w in ("incoming", "outgoing")):
            line = lines.get(timeout=SAFETY)
            assert line is not None, f"run ended early: {seen} {runner.stderr.read()[-3000:]}"
            seen.append(line)
        assert not [line for line in seen if "FAILED" in line], seen
        # more traffic while run waits for its next cycle, and another sync --once beside it
        for _ in range(3):
            boxes.traffic.deliver()
            boxes.traffic.send_later()
        code, out, err = finish(start_app(sssm_home, "sync", "--once"))
        assert code == 0, f"{out}\n{err[-3000:]}"
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(timeout=SAFETY) == 0, runner.stderr.read()[-3000:]
    finally:
        if runner.poll() is None:
            runner.kill()
            runner.wait()
    boxes.settle(monkeypatch)
    assert boxes.figures("run + sync --once") == (0, 0, 0, 0)


def test_two_processes_sync_appointments_contacts_tasks_at_the_same_time(setup, ews, sssm_home):
    account = ews.new_account("twiceact", **NO_SEED)
    ews.server.seed(account.email, emails=0, appointments=ACT_ITEMS, contacts=ACT_ITEMS, tasks=ACT_ITEMS, seed=7)
    for i in range(ACT_ITEMS):
        Appointment.create(owner=setup.user, subject=f"Both {i}", start=START, end=START + timedelta(hours=1))
        Contact.create(owner=setup.user, first_name="Ann", last_name=f"Both {i}", email=f"both.{i}@fabrikam.com")
        Task.create(owner=setup.user, subject=f"Both {i}", due=START)
    mailbox = setup.mailbox(setup.profile("Two processes ACT"), account.email)
    Mailbox.update(act_enabled=True).where(Mailbox.id == mailbox.id).execute()
    # The seeded items' labels repeat (random names: three contacts "Davis"), so a label seen
    # more than once is no duplicate by itself: each side must end with both sides' labels as
    # often as they were before (every record pushed once, every item pulled once).
    expected = {
        record_type: store_labels(record_type, setup.user) + server_labels(ews, account.email, record_type)
        for record_type in RecordType
    }

    first, second = start_app(sssm_home, "sync", "--once"), start_app(sssm_home, "sync", "--once")
    results = [finish(first), finish(second)]
    settled = main(["sync", "--once"])

    doubled = lost = 0
    for record_type in RecordType:
        store, server = store_labels(record_type, setup.user), server_labels(ews, account.email, record_type)
        want = expected[record_type]
        doubled += sum((store - want).values()) + sum((server - want).values())
        lost += sum((want - store).values()) + sum((want - server).values())
    failed = [out.strip().splitlines()[0] for code, out, _ in results if code != 0]
    figure(
        f"concurrency appointments/contacts/tasks (sync --once × 2): {doubled} duplicates, {lost} lost, "
        f"{len(failed)} of 2 processes failed{': ' + failed[0] if failed else ''}"
    )
    assert failed == [] and settled == 0
    assert (doubled, lost) == (0, 0)
