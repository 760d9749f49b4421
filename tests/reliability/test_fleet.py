"""Engine hosts sharing one PostgreSQL database (issue 17), on a real server (tests/postgres_fixtures.py)
and the loopback Exchange server: three ``python -m app run --host-name`` processes.

1. Every workload of every mailbox runs, no workload is held by two hosts at once (the hosts'
   claim and finish lines, timed as they arrive, never overlap for one workload; the lease table,
   sampled while they run, never shows more leases of the profile than its maximum connections),
   and the emails stored equal the server's, each once (those every Inbox holds linked to every
   mailbox, though the hosts store them at once); the queued emails are sent once.
2. SIGKILL of one host: its leases are taken over within the lease time plus one cycle, and
   nothing is lost or duplicated, outgoing included.
3. SIGTERM: the host releases its leases at once and is shown stopped.

Sizes: FLEET_MAILBOXES mailboxes (24 under ``make test``, 300 under ``make soak``).
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from ews_fixtures import EWS_PASSWORD
from reliability_support import figure, scaled
from store_setup import Setup

from app.domain.enums import EmailStatus, TrackingOption, Workload
from app.store import leases, repo
from app.store.db import close_database, open_database
from app.store.models import EmailActivity, EmailMailboxLink, Mailbox, UserOptions, WorkLease, WorkloadState
from app.sync.outgoing import queue_email

pytestmark = pytest.mark.soak

REPO_ROOT = Path(__file__).resolve().parents[2]
MAILBOXES = int(os.environ.get("FLEET_MAILBOXES") or scaled(24, 300))
EMAILS = 2  # in each Inbox
SHARED = 2  # in every Inbox, one Message-ID each
TO_SEND = 6
LEASE_SECONDS = 6
MAX_CONNECTIONS = 8
SAFETY = 600 if MAILBOXES > 100 else 240


class Host:
    """One ``run --host-name`` process; its output lines timed as they arrive."""

    def __init__(self, name: str, url: str, home: Path) -> None:
        self.name = name
        env = dict(
            os.environ,
            SSSM_HOME=str(home / name),
            SSSM_DATABASE_URL=url,
            SSSM_WORKER_PASSWORD=EWS_PASSWORD,  # unused: the passwords are sealed in the database
            SSSM_WORKER_PASSWORDS=json.dumps(host_keyring()),  # the data key, as each host's keyring holds it
            PYTHONPATH=os.pathsep.join([str(REPO_ROOT), str(REPO_ROOT / "tests" / "sync")]),
            PYTHON_KEYRING_BACKEND="worker_support.EnvironmentKeyring",
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app", "run", "--host-name", name, "--lease-seconds", str(LEASE_SECONDS)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[tuple[float, str]] = []
        self.queue: queue.Queue = queue.Queue()
        for stream in (self.process.stdout, self.process.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            stamped = (time.monotonic(), line.rstrip("\n"))
            self.lines.append(stamped)
            self.queue.put(stamped)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=60)

    def intervals(self) -> dict[tuple[str, str], list[list[float]]]:
        """(email, workload) -> [claimed at, finished at] of each cycle this host ran."""
        found: dict[tuple[str, str], list[list[float]]] = defaultdict(list)
        for at, line in self.lines:
            claimed = re.search(r"claimed (\w+) of (\S+) \(mailbox", line)
            if claimed:
                found[(claimed[2], claimed[1])].append([at, float("inf")])
                continue
            done = re.match(r"(\S+@\S+) (incoming|outgoing|act): ", line)
            if done and found.get((done[1], done[2])):
                found[(done[1], done[2])][-1][1] = at
        return found


def host_keyring() -> dict[str, str]:
    """What a provisioned host's credential store holds: the data key of the database's passwords
    (app.store.secret_vault), taken from this process's keyring, where saving the first password put it."""
    import keyring

    from app.store.secret_vault import current_key

    key = current_key()
    assert key is not None, "the fixture saved the mailboxes' passwords"
    name = f"datakey:{key.key_id}"
    return {name: keyring.get_password("ServerSideSyncManager", name)}


def status(url: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--database", url, "status", "--json", "--lease-seconds", str(LEASE_SECONDS)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class LeaseSampler:
    """Samples the lease table while the hosts run: live leases of the profile at most its budget."""

    def __init__(self) -> None:
        self.most = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from app.store.base import database

        try:
            while not self._stop.wait(0.05):
                now = leases.wall_clock()
                live = WorkLease.select().where(WorkLease.expires_on >= now).count()
                self.most, self.samples = max(self.most, live), self.samples + 1
        finally:
            database.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@pytest.fixture
def fleet(pg_url, ews, monkeypatch):
    monkeypatch.setenv("SSSM_DATABASE_URL", pg_url)
    open_database(pg_url)
    setup = Setup(ews)
    profile = setup.profile("Fleet", max_connections=MAX_CONNECTIONS)
    accounts = [ews.new_account("fleet", emails=0, appointments=0, contacts=0, tasks=0) for _ in range(MAILBOXES)]
    for account in accounts:  # each Inbox its own emails (their Message-IDs differ)
        seed = zlib.crc32(account.email.encode())
        ews.server.seed(account.email, emails=EMAILS, appointments=0, contacts=0, tasks=0, seed=seed)
        for n in range(SHARED):  # and the emails every Inbox holds: stored once, linked to each mailbox
            ews.server.deliver(account.email, f"To all {n}", "Everyone's.", msgid=f"<fleet-all-{n}@example.org>")
    started = time.monotonic()
    for account in accounts[1:]:
        bulk_user = repo.create_user(account.email, account.email)  # with its options: tracking set below
        setup.mailbox(profile, account.email, owner_id=bulk_user.id)
    sender = setup.mailbox(profile, accounts[0].email)
    recipient = ews.new_account("fleetrcpt", emails=0, appointments=0, contacts=0, tasks=0)
    Mailbox.update(incoming_enabled=True).execute()
    Mailbox.update(outgoing_enabled=True).where(Mailbox.id == sender.id).execute()
    UserOptions.update(tracking_option=TrackingOption.ALL).execute()
    for n in range(TO_SEND):
        queue_email(setup.user, recipient.email, f"Fleet {n}", "Exactly once.")
    figure(f"fleet: {MAILBOXES} mailboxes set up in {time.monotonic() - started:.1f} s")
    yield accounts, recipient, pg_url


def wait_until(condition, timeout: float, what: str, hosts=()) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            tails = "\n".join(f"{h.name}: {[line for _, line in h.lines[-15:]]}" for h in hosts)
            pytest.fail(f"not within {timeout:.0f} s: {what}\n{tails}")
        time.sleep(0.2)
    return time.monotonic() - started


def every_workload_ran(url: str) -> bool:
    rows = status(url)["workloads"]
    return all(r["next_run"] is not None and r["state"] != "running" for r in rows if r["state"] != "disabled")


def check_emails(ews, accounts, recipient) -> tuple[int, int, int, int]:
    """(duplicates, lost, sent twice, unsent) over every mailbox."""
    folders = ews.server.directory.mailbox
    duplicates = lost = 0
    for account in accounts:
        inbox = folders(account.email).distinguished["inbox"].items_by_received()
        mailbox = Mailbox.get(Mailbox.email == account.email)
        linked = Counter(
            link.item_id
            for link in EmailMailboxLink.select(EmailMailboxLink.item_id).where(
                (EmailMailboxLink.mailbox == mailbox.id) & (EmailMailboxLink.folder == "inbox")
            )
        )
        stored = Counter(
            e.message_id
            for e in EmailActivity.select(EmailActivity.message_id).where(
                EmailActivity.message_id.in_([item.msgid for item in inbox])
            )
        )
        duplicates += sum(n - 1 for n in (linked + stored).values() if n > 1)
        lost += sum(1 for item in inbox if item.id not in linked or item.msgid not in stored)
    sent = Counter(i.msgid for i in folders(accounts[0].email).distinguished["sentitems"].items_by_received())
    received = Counter(i.msgid for i in folders(recipient.email).distinguished["inbox"].items_by_received())
    outgoing = list(EmailActivity.select().where(EmailActivity.to_recipients == recipient.email))
    twice = sum(1 for e in outgoing if max(sent[e.message_id], received[e.message_id]) > 1)
    unsent = sum(1 for e in outgoing if e.status is not EmailStatus.SENT or sent[e.message_id] == 0)
    return duplicates, lost, twice, unsent


def still_due(lease_name: str) -> bool:
    """The workload of the lease ``mailbox:<id>:<workload>`` has not stored its next run yet."""
    _, mailbox_id, workload = lease_name.split(":")
    state = WorkloadState.get_or_none(
        (WorkloadState.mailbox == int(mailbox_id)) & (WorkloadState.workload == Workload(workload))
    )
    return state is None or state.next_run_on is None or state.next_run_on <= leases.wall_clock()


def no_overlaps(hosts: list[Host]) -> list[str]:
    """Workloads two hosts ran at overlapping times (by their claim and finish lines)."""
    overlaps = []
    by_workload: dict[tuple[str, str], list[tuple[str, list[float]]]] = defaultdict(list)
    for host in hosts:
        for key, spans in host.intervals().items():
            by_workload[key] += [(host.name, span) for span in spans]
    for key, spans in by_workload.items():
        for i, (name_a, a) in enumerate(spans):
            for name_b, b in spans[i + 1 :]:
                if name_a != name_b and a[0] < b[1] and b[0] < a[1]:
                    overlaps.append(f"{key}: {name_a} {a} and {name_b} {b}")
    return overlaps


def test_three_hosts_share_the_work_once(fleet, ews, tmp_path):
    accounts, recipient, url = fleet
    sampler = LeaseSampler()
    hosts = [Host(f"host-{n}", url, tmp_path) for n in range(3)]
    try:
        took = wait_until(lambda: every_workload_ran(url), SAFETY, "every workload ran once", hosts)
    finally:
        sampler.stop()
        for host in hosts:
            host.process.send_signal(signal.SIGTERM)
        for host in hosts:
            host.process.wait(timeout=120)
    figure(
        f"fleet: 3 hosts ran {MAILBOXES} mailboxes' workloads in {took:.1f} s; at most {sampler.most} leases "
        f"at once over {sampler.samples} samples (budget {MAX_CONNECTIONS})"
    )
    ran = {h.name: sum(len(s) for s in h.intervals().values()) for h in hosts}
    figure(f"fleet: cycles per host {ran}")
    assert sampler.samples > 0 and 0 < sampler.most <= MAX_CONNECTIONS, "the profile's budget is the fleet's"
    assert not no_overlaps(hosts)
    failed = [line for h in hosts for _, line in h.lines if "FAILED" in line or "Traceback" in line]
    assert not failed, "\n".join(line for h in hosts for _, line in h.lines)[-6000:]
    assert check_emails(ews, accounts, recipient) == (0, 0, 0, 0)
    states = {h["name"]: h for h in status(url)["hosts"]}
    assert {name: s["state"] for name, s in states.items()} == dict.fromkeys(ran, "stopped")
    assert WorkLease.select().where(WorkLease.expires_on >= leases.wall_clock()).count() == 0


def test_a_killed_hosts_leases_are_taken_over(fleet, ews, tmp_path):
    accounts, recipient, url = fleet
    victim = Host("victim", url, tmp_path)
    try:
        # wait until it holds leases, then kill it without a word
        wait_until(
            lambda: any(h["leases"] > 0 for h in status(url)["hosts"] if h["name"] == "victim"), 120, "leases", [victim]
        )
        victim.process.send_signal(signal.SIGKILL)
        victim.process.wait(timeout=60)
        killed_at = time.monotonic()
        # what it held when it died (a finished cycle deletes its lease) and had not run yet: its next
        # run not stored (its printed lines are no measure: it may die between a release and the print)
        held = {lease.name for lease in WorkLease.select().where(WorkLease.holder.startswith("victim@"))}
        unfinished = {name for name in held if still_due(name)}
        survivor = Host("survivor", url, tmp_path)
        took = wait_until(lambda: every_workload_ran(url), SAFETY, "the survivor finished the work", [survivor])
        taken = time.monotonic() - killed_at
        hosts = {h["name"]: h["state"] for h in status(url)["hosts"]}
        survivor.process.send_signal(signal.SIGTERM)
        survivor.process.wait(timeout=120)
    finally:
        victim.stop()
    survivor_ran = survivor.intervals()
    unfinished_keys = {(Mailbox.get_by_id(int(name.split(":")[1])).email, name.split(":")[2]) for name in unfinished}
    taken_over = [survivor_ran[key][0][0] - killed_at for key in unfinished_keys if key in survivor_ran]
    figure(
        f"fleet: a SIGKILLed host's {len(held)} leases ({len(unfinished)} unfinished) taken over "
        f"{max(taken_over, default=0):.1f} s after the kill (lease {LEASE_SECONDS} s); all done {taken:.1f} s after"
    )
    assert hosts["victim"] == "lost" and hosts["survivor"] == "alive"
    assert held and unfinished_keys <= set(survivor_ran), (
        "every workload the victim held unfinished, run by the survivor"
    )
    assert took > 0
    assert check_emails(ews, accounts, recipient) == (0, 0, 0, 0)


def test_sigterm_releases_the_leases_at_once(fleet, tmp_path):
    _accounts, _recipient, url = fleet
    host = Host("leaving", url, tmp_path)
    try:
        wait_until(
            lambda: any(h["leases"] > 0 for h in status(url)["hosts"] if h["name"] == "leaving"), 120, "leases", [host]
        )
        host.process.send_signal(signal.SIGTERM)
        stopped_at = time.monotonic()
        assert host.process.wait(timeout=60) == 0
        released_in = time.monotonic() - stopped_at
    finally:
        host.stop()
    mine = WorkLease.select().where(WorkLease.holder.startswith("leaving@")).count()
    figure(f"fleet: SIGTERM → process ended and leases released in {released_in:.1f} s")
    assert mine == 0 and released_in < LEASE_SECONDS
    assert [h["state"] for h in status(url)["hosts"]] == ["stopped"]
    assert any("Stopped; released" in line for _, line in host.lines)


def test_a_second_host_of_the_same_name_is_refused(fleet, tmp_path):
    _accounts, _recipient, url = fleet
    first = Host("twin", url, tmp_path)
    try:
        wait_until(lambda: any(h["name"] == "twin" for h in status(url)["hosts"]), 120, "registered", [first])
        second = Host("twin", url, tmp_path)
        assert second.process.wait(timeout=120) == 2
        time.sleep(0.3)
        assert any("Another engine host named “twin”" in line for _, line in second.lines), second.lines
    finally:
        first.process.send_signal(signal.SIGTERM)
        first.process.wait(timeout=120)
        first.stop()


def test_a_host_rides_out_losing_the_database(private_postgres_server, ews, tmp_path, monkeypatch):
    """PostgreSQL stops (every connection ended) while the host's cycles store emails, and starts
    again: the host keeps running, retries with back-off, resumes; no cycle left half its emails
    behind (each is one transaction, and the cycles cut short run again), nothing is duplicated."""
    server = private_postgres_server
    url = server.url()
    monkeypatch.setenv("SSSM_DATABASE_URL", url)
    open_database(url)
    setup = Setup(ews)
    profile = setup.profile("Lost database", max_connections=4)
    accounts = [ews.new_account("lostdb", emails=0, appointments=0, contacts=0, tasks=0) for _ in range(6)]
    for account in accounts:
        ews.server.seed(
            account.email,
            emails=60,
            appointments=0,
            contacts=0,
            tasks=0,
            seed=zlib.crc32(b"x" + account.email.encode()),
        )
        setup.mailbox(profile, account.email, owner_id=repo.create_user(account.email, account.email).id)
    Mailbox.update(incoming_enabled=True).execute()
    UserOptions.update(tracking_option=TrackingOption.ALL).execute()
    recipient = ews.new_account("lostdbrcpt", emails=0, appointments=0, contacts=0, tasks=0)
    host = Host("steady", url, tmp_path)
    try:
        wait_until(lambda: any("claimed incoming" in line for _, line in host.lines), 120, "a claim", [host])
        close_database()
        server.stop("fast")  # mid-cycle: the host's connections are ended under it
        for account in accounts:  # mail that arrives meanwhile
            ews.server.deliver(account.email, "While the database was away", "Later.", msgid=f"<away-{account.email}>")
        wait_until(lambda: any("heartbeat failed" in line for _, line in host.lines), 60, "the host noticed", [host])
        time.sleep(4)  # a few of its back-off's retries
        lost_for = time.monotonic()
        server.start()
        assert host.process.poll() is None, "the host kept running while the database was away"
        back = wait_until(lambda: any("answers again" in line for _, line in host.lines), 60, "resumed", [host])
        open_database(url)
        from app.store import fleet as fleet_store

        for mailbox in Mailbox.select():  # the admin's Sync now: the mail that came meanwhile, now
            fleet_store.set_due(mailbox.id)
        took = wait_until(
            lambda: check_emails(ews, accounts, recipient)[1] == 0, 240, "every email stored after the return", [host]
        )
        figure(
            f"fleet: database stopped mid-cycle; the host resumed {back:.1f} s after it came back "
            f"({time.monotonic() - lost_for:.1f} s), every email stored {took:.1f} s after Sync now"
        )
    finally:
        host.process.send_signal(signal.SIGTERM)
        host.process.wait(timeout=120)
        host.stop()
    lines = [line for _, line in host.lines]
    assert host.process.returncode == 0, lines[-30:]
    assert not [line for line in lines if "Traceback" in line], "\n".join(lines)[-6000:]
    cut_short = [
        line for line in lines if re.search(r"incoming of \S+ failed: The database .* cannot be reached", line)
    ]
    assert cut_short, "a cycle was running when the database went: it failed whole, and ran again"
    assert check_emails(ews, accounts, recipient) == (0, 0, 0, 0)
    inboxes = [ews.server.directory.mailbox(a.email).distinguished["inbox"].items_by_received() for a in accounts]
    assert EmailActivity.select().count() == len({item.msgid for inbox in inboxes for item in inbox}), "each once"
    assert all(
        any(item.msgid == f"<away-{a.email}>" for item in inbox) for a, inbox in zip(accounts, inboxes, strict=True)
    )
