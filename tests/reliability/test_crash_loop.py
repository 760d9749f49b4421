"""The crash loop: a workload's cycle SIGKILLed at random points, trial after trial.

Each trial is a fresh mailbox on the shared loopback server and the test's store. A worker
subprocess (crash_loop_worker.py) runs one cycle and kills itself at its k-th event — before a
store statement or commit, or right after an answer from Exchange (Exchange did the work, the
engine has not recorded it) — with k drawn from the events a full cycle has (counted once, on a
mailbox of the same size). One or two kills a trial, new deliveries between them (incoming), then
the cycle is finished in this process and checked: nothing doubled, nothing lost, nothing sent
twice (counted on the server, in Sent Items and in the recipient's Inbox), and
``PRAGMA integrity_check`` says ok after every kill and every trial.

5 trials each in ``make test``, 20 in ``make soak``; the seed is printed (``SSSM_RELIABILITY_SEED``
replays it). Appointments, contacts and tasks have their trials too: a push carries its record's marker, so a
push whose answer was lost is found again, not made twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from ews_fixtures import EWS_PASSWORD
from matrix_cells import START, server_labels, store_labels
from reliability_support import figure, integrity, scaled, seeded_random

from app import paths
from app.domain.enums import EmailStatus, RecordType, TrackingOption, Workload
from app.store import repo
from app.store.base import utcnow
from app.store.models import Appointment, Contact, EmailActivity, EmailMailboxLink, Mailbox, Task, UserOptions
from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks
from app.sync.incoming import sync_incoming
from app.sync.outgoing import claim_lease, queue_email, sync_outgoing

pytestmark = [pytest.mark.soak, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]

WORKER = Path(__file__).with_name("crash_loop_worker.py")
TRIALS = scaled(5, 20)
INBOX_EMAILS = 150  # seeded; about 90 % land in the Inbox: two GetItem batches, fetched in parallel
PENDING_EMAILS = 4
ACT_ITEMS = 2  # of each kind, on each side
NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


def run_worker(
    workload: Workload, mailbox, ews, sssm_home, *, kill_at: int | None = None, count: bool = False
) -> subprocess.CompletedProcess:
    env = dict(os.environ, SSSM_HOME=str(sssm_home), SSSM_WORKER_PASSWORD=EWS_PASSWORD)
    env.pop("SSSM_WORKER_KILL_AT", None)
    if kill_at is not None:
        env["SSSM_WORKER_KILL_AT"] = str(kill_at)
    if count:
        env["SSSM_WORKER_COUNT_EVENTS"] = "1"
    return subprocess.run(
        [sys.executable, str(WORKER), workload.value, mailbox.email, ews.ews_url, str(ews.ca_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def calibrate(workload: Workload, mailbox, ews, sssm_home) -> int:
    """The events of one full cycle of a mailbox like the trials' (the kill points are drawn from them)."""
    result = run_worker(workload, mailbox, ews, sssm_home, count=True)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return int(result.stdout.rsplit("events=", 1)[1].split()[0])


class Loop:
    """The figures of one workload's trials."""

    def __init__(self, workload: str, seed: int) -> None:
        self.workload, self.seed = workload, seed
        self.trials = self.kills = self.finished_early = 0
        self.duplicates = self.lost = self.sent_twice = 0
        self.checks = self.events = 0
        self.damaged: list[str] = []

    def kill(self, workload: Workload, mailbox, ews, sssm_home, events: int, rng) -> None:
        at = rng.randint(1, events)
        result = run_worker(workload, mailbox, ews, sssm_home, kill_at=at)
        if result.returncode == -signal.SIGKILL:
            self.kills += 1
        else:  # a cycle after an earlier kill has less to do: it may end before its k-th event
            assert result.returncode == 0, f"kill at {at}: {result.stdout}{result.stderr[-3000:]}"
            self.finished_early += 1
        self.check_store()

    def check_store(self) -> None:
        self.checks += 1
        verdict = integrity(paths.database_path())
        if verdict != "ok":
            self.damaged.append(verdict)

    def summary(self) -> str:
        twice = f", {self.sent_twice} sent twice" if self.workload == "outgoing" else ""
        sound = "ok" if not self.damaged else f"FAILED {len(self.damaged)}"
        return (
            f"crash loop {self.workload}: {self.trials} trials, {self.kills} kills at random points of "
            f"{self.events} ({self.finished_early} cycles ended before theirs), {self.duplicates} duplicates, "
            f"{self.lost} lost{twice}; integrity_check {sound} after {self.checks} checks (seed {self.seed})"
        )

    def assert_clean(self) -> None:
        figure(self.summary())
        assert (self.duplicates, self.lost, self.sent_twice, self.damaged) == (0, 0, 0, []), self.summary()
        assert self.kills >= self.trials, "every trial killed a cycle at least once"


def test_incoming_crash_loop(setup, ews, sssm_home):
    rng, seed = seeded_random()
    loop = Loop("incoming", seed)
    profile = setup.profile("Crash loop incoming", max_connections=4)
    UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == setup.user.id).execute()

    def mailbox_with_mail(prefix: str):
        account = ews.new_account(prefix, **NO_SEED)
        ews.server.seed(
            account.email,
            emails=INBOX_EMAILS,
            appointments=0,
            contacts=0,
            tasks=0,
            body_size=300,
            seed=rng.randrange(1, 2**31),
        )
        mailbox = setup.mailbox(profile, account.email)
        Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
        return account, mailbox

    _, sample = mailbox_with_mail("loopcal")
    events = loop.events = calibrate(Workload.INCOMING, sample, ews, sssm_home)

    for trial in range(TRIALS):
        account, mailbox = mailbox_with_mail("loopin")
        for kill in range(rng.randint(1, 2)):
            loop.kill(Workload.INCOMING, mailbox, ews, sssm_home, events, rng)
            ews.server.deliver(
                account.email,
                f"Arrived after kill {kill} of trial {trial}",
                "Meanwhile.",
                sender="partner@fabrikam.com",
            )
        run = sync_incoming(mailbox)
        assert run.failure is None, run.failure
        loop.check_store()
        loop.trials += 1

        inbox = ews.server.directory.mailbox(account.email).distinguished["inbox"].items_by_received()
        linked = Counter(
            link.item_id
            for link in EmailMailboxLink.select(EmailMailboxLink.item_id).where(EmailMailboxLink.mailbox == mailbox.id)
        )
        stored = Counter(
            e.message_id
            for e in EmailActivity.select(EmailActivity.message_id).where(
                EmailActivity.message_id.in_([item.msgid for item in inbox])
            )
        )
        loop.duplicates += sum(n - 1 for n in (linked + stored).values() if n > 1)
        loop.lost += sum(1 for item in inbox if item.id not in linked or item.msgid not in stored)
    loop.assert_clean()


def test_outgoing_crash_loop(setup, ews, sssm_home, monkeypatch):
    rng, seed = seeded_random()
    loop = Loop("outgoing", seed)
    profile = setup.profile("Crash loop outgoing")

    def sender_with_pending(n: int):
        owner = repo.create_user(f"Loop owner {n}", f"loop.owner.{n}@contoso.com")
        sender, recipient = ews.new_account("loopout", **NO_SEED), ews.new_account("looprcpt", **NO_SEED)
        mailbox = setup.mailbox(profile, sender.email, owner_id=owner.id)
        Mailbox.update(outgoing_enabled=True).where(Mailbox.id == mailbox.id).execute()
        queued = [
            queue_email(owner, recipient.email, f"Crash loop {n}.{i}", "Exactly once, please.")
            for i in range(PENDING_EMAILS)
        ]
        return sender, recipient, mailbox, queued

    _, _, sample, _ = sender_with_pending(0)
    events = loop.events = calibrate(Workload.OUTGOING, sample, ews, sssm_home)

    for trial in range(1, TRIALS + 1):
        sender, recipient, mailbox, queued = sender_with_pending(trial)
        for _ in range(rng.randint(1, 2)):
            loop.kill(Workload.OUTGOING, mailbox, ews, sssm_home, events, rng)
        # the next scheduled cycle comes minutes later: a claim the killed process left has run out
        later = utcnow() + claim_lease(mailbox) + timedelta(seconds=1)
        with monkeypatch.context() as clock:
            clock.setattr("app.sync.outgoing.utcnow", lambda later=later: later)
            run = sync_outgoing(mailbox)
        assert run.failure is None, run.failure
        loop.check_store()
        loop.trials += 1

        folder = ews.server.directory.mailbox
        sent = Counter(item.msgid for item in folder(sender.email).distinguished["sentitems"].items_by_received())
        received = Counter(item.msgid for item in folder(recipient.email).distinguished["inbox"].items_by_received())
        for email in queued:
            copies = max(sent[email.message_id], received[email.message_id])
            loop.sent_twice += copies > 1
            loop.lost += copies == 0 or EmailActivity.get_by_id(email.id).status is not EmailStatus.SENT
    loop.assert_clean()


def test_act_crash_loop(setup, ews, sssm_home):
    rng, seed = seeded_random()
    loop = Loop("appointments/contacts/tasks", seed)
    profile = setup.profile("Crash loop ACT")

    def both_sides(n: int):
        owner = repo.create_user(f"ACT owner {n}", f"act.owner.{n}@contoso.com")
        account = ews.new_account("loopact", **NO_SEED)
        ews.server.seed(
            account.email,
            emails=0,
            appointments=ACT_ITEMS,
            contacts=ACT_ITEMS,
            tasks=ACT_ITEMS,
            seed=rng.randrange(1, 2**31),
        )
        for i in range(ACT_ITEMS):
            Appointment.create(
                owner=owner, subject=f"Loop meeting {n}.{i}", start=START, end=START + timedelta(hours=1)
            )
            Contact.create(owner=owner, first_name="Ann", last_name=f"Loop {n}.{i}", email=f"ann.{n}.{i}@fabrikam.com")
            Task.create(owner=owner, subject=f"Loop task {n}.{i}", due=START)
        mailbox = setup.mailbox(profile, account.email, owner_id=owner.id)
        Mailbox.update(act_enabled=True).where(Mailbox.id == mailbox.id).execute()
        return owner, account, mailbox

    _, _, sample = both_sides(0)
    events = loop.events = calibrate(Workload.ACT, sample, ews, sssm_home)

    for trial in range(1, TRIALS + 1):
        owner, account, mailbox = both_sides(trial)
        # the seeded items' labels repeat (random names: three contacts "Davis"): each side must end
        # with both sides' labels exactly as often as they were before (as test_concurrency counts)
        expected = {
            record_type: store_labels(record_type, owner) + server_labels(ews, account.email, record_type)
            for record_type in RecordType
        }
        for _ in range(rng.randint(1, 2)):
            loop.kill(Workload.ACT, mailbox, ews, sssm_home, events, rng)
        run = sync_appointments_contacts_tasks(mailbox)
        assert run.failure is None, run.failure
        loop.check_store()
        loop.trials += 1
        for record_type in RecordType:
            store, server = store_labels(record_type, owner), server_labels(ews, account.email, record_type)
            want = expected[record_type]
            loop.duplicates += sum((store - want).values()) + sum((server - want).values())
            loop.lost += sum((want - store).values()) + sum((want - server).values())
    loop.assert_clean()
