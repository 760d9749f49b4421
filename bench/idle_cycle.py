"""Push instead of poll: what an idle mailbox costs, and how soon a new mail is stored. Not a test.

Against the loopback server in a process of its own (as a real Exchange is on another machine),
with mailboxes seeded alike (3 emails, an appointment, a contact and a task each; incoming,
outgoing and appointments/contacts/tasks enabled; each owned by a user of its own):

1. Streaming (``--mailboxes`` mailboxes reached through impersonation): the EWS requests and the
   CPU time of this process in one idle cycle — every workload's schedule come round, nothing new
   on either side — with notifications, beside the same mailboxes polled (push off), same run.
   Goal: 0 requests, under 0.5 s of CPU.
2. Pull (as many mailboxes with their own credentials): the idle cycle's seconds and requests
   per mailbox with notifications, beside the same mailboxes polled. Goal: at most 3 s and one
   request (GetEvents) per mailbox.
3. New mail on the server → stored, streaming (the scheduler's own loop): the median of 20, from
   the delivery to the email in the store. Polling stores it at the workload's next cycle: after
   up to 2–12 minutes (half the normal 5-minute interval on average), the baseline printed.
   Goal: at most 3 s.

Every 12th cycle of a watched workload reads its folders whatever was notified (the safety net):
twelve idle cycles are measured too, one safety net of each mailbox among them, and what they
cost a cycle on average. The cycles run on a
clock advanced by 13 minutes at a time (every workload due), the latency on the wall clock.

    python bench/idle_cycle.py [--mailboxes 200] [--latency-mails 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sync_throughput import PASSWORD, ServerProcess, _install_keyring, _open_store  # noqa: E402

OPERATIONS = ("SyncFolderItems", "GetItem", "GetEvents", "Subscribe", "GetFolder", "GetStreamingEvents", "FindItem")


class ShiftedClock:
    """The wall clock moved ahead by ``advance``: the scheduler's cycles come round at once, and
    its own loop (the latency run) goes on from there in real time."""

    def __init__(self) -> None:
        self.ahead = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(timezone.utc) + self.ahead

    def advance(self, minutes: int = 13) -> None:
        self.ahead += timedelta(minutes=minutes)


def setup(server, tag: str, count: int, *, impersonation: bool):
    """A profile and *count* seeded mailboxes, each with a user of its own (tracking all email)."""
    from app.domain.enums import ApprovalStatus, AuthProtocol, CredentialSource, TrackingOption
    from app.domain.settings import MailboxSettings, ProfileSettings
    from app.store import repo
    from app.store.models import Mailbox

    emails = [f"{tag}{i:03d}@contoso.com" for i in range(count)]
    service = f"svc-{tag}@contoso.com"
    server._call("add_account", service, PASSWORD, None, ("impersonation",))
    for email in emails:
        server.add_account(email, PASSWORD)
        server.seed(email, emails=3, appointments=1, contacts=1, tasks=1, seed=11)
    profile = repo.save_profile(
        ProfileSettings(
            name=f"Bench {tag}",
            auto_discover=False,
            incoming_url=server.ews_url,
            incoming_port=server.port,
            trusted_ca_path=str(server.ca_path),
            process_email_from=datetime(2020, 1, 1, tzinfo=timezone.utc),
            timeout_seconds=120,
            auth_protocol=AuthProtocol.BASIC,
            max_connections=10,
            credential_source=CredentialSource.PROFILE if impersonation else CredentialSource.USER_OR_QUEUE,
            username=service if impersonation else "",
            use_impersonation=impersonation,
        ),
        password=PASSWORD if impersonation else None,
    )
    ids = []
    for email in emails:
        user = repo.create_user(email.split("@")[0], email)
        options = repo.user_options(user)
        options.tracking_option = TrackingOption.ALL
        options.save()
        values = dict(
            name=email.split("@")[0],
            email=email,
            owner_id=user.id,
            profile_id=profile.id,
            approval=ApprovalStatus.APPROVED,
        )
        if not impersonation:
            values.update(allow_credentials=True, username=email)
        mailbox = repo.save_mailbox(MailboxSettings(**values), password=None if impersonation else PASSWORD)
        Mailbox.update(incoming_enabled=True, outgoing_enabled=True, act_enabled=True).where(
            Mailbox.id == mailbox.id
        ).execute()
        ids.append(mailbox.id)
    return profile, ids, [service] if impersonation else emails


def only(profile) -> None:
    """Only *profile*'s mailboxes are synchronized (the scenarios share one store)."""
    from app.store.models import Mailbox

    Mailbox.update(is_active=True).where(Mailbox.profile == profile.id).execute()
    Mailbox.update(is_active=False).where(Mailbox.profile != profile.id).execute()


def requests(server, accounts: list[str]) -> dict[str, int]:
    counted = {op: sum(server.count(operation=op, account=a) for a in accounts) for op in OPERATIONS}
    counted["all"] = sum(server.count(account=a) for a in accounts)
    return counted


def measured(server, accounts, cycle):
    """(results, seconds, CPU seconds of this process, requests) of one cycle."""
    before = requests(server, accounts)
    cpu, wall = time.process_time(), time.perf_counter()
    results = cycle()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = requests(server, accounts)
    return results, wall, cpu, {op: after[op] - before[op] for op in after}


def describe(counted: dict[str, int]) -> str:
    parts = [f"{op} {n}" for op, n in counted.items() if n and op != "all"]
    return f"{counted['all']} requests" + (f" ({', '.join(parts)})" if parts else "")


def settle(scheduler, clock, ids, server, accounts, *, until_quiet: bool, limit: int = 6) -> None:
    """Cycles until every mailbox is watched and a whole cycle is quiet (the catch-up done, the
    store's own writes seen once)."""
    for _ in range(limit):
        clock.advance()
        results = scheduler.run_due()
        failed = [r for r in results if not r.ok]
        if failed:
            print(f"  ! {len(failed)} cycles failed, e.g. {failed[0].summary()}")
        watches = [scheduler.push.watch_of(i) for i in ids]
        live = sum(1 for w in watches if w is not None and w.live)
        if live == len(ids) and (not until_quiet or all(r.quiet for r in results)):
            return
        if live < len(ids):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and scheduler.busy():
                time.sleep(0.05)
            time.sleep(0.5)  # the streams subscribe in their own threads
    print(f"  ! not settled after {limit} cycles")


def idle_scenario(server, label: str, profile, ids, accounts, *, clock) -> dict:
    """The push idle cycle (and the safety net's) beside the polled one, same mailboxes."""
    from app.sync.notifications import SAFETY_NET
    from app.sync.scheduler import Scheduler

    only(profile)
    scheduler = Scheduler(clock=clock, push=True)
    scheduler.push.poll_seconds = 0.2
    clock.advance()
    t0 = time.perf_counter()
    scheduler.run_due()  # the first cycle: everything read (and the logons proven)
    print(f"{label}: {len(ids)} mailboxes, first cycle {time.perf_counter() - t0:.1f} s")
    settle(scheduler, clock, ids, server, accounts, until_quiet=True)

    def cycle():
        clock.advance()
        return scheduler.run_due()

    results, wall, cpu, counted = measured(server, accounts, cycle)
    ran = [r for r in results if not r.quiet]
    figures = dict(push=(wall, cpu, counted, len(results), len(ran)))

    def period():  # the other cycles of a safety-net period: each mailbox's folders read once in it
        return [cycle() for _ in range(SAFETY_NET - 1)]

    _, s_wall, s_cpu, s_counted = measured(server, accounts, period)
    figures["period"] = (wall + s_wall, cpu + s_cpu, {op: n + counted[op] for op, n in s_counted.items()})

    baseline = Scheduler(clock=clock)  # the same mailboxes, polled

    def polled_cycle():
        clock.advance()
        return baseline.run_due()

    results, wall, cpu, counted = measured(server, accounts, polled_cycle)
    figures["poll"] = (wall, cpu, counted, len(results), len(results))
    return dict(scheduler=scheduler, figures=figures)


def print_idle(count: int, figures: dict, *, per_mailbox: bool) -> None:
    wall, cpu, counted, runs, ran = figures["push"]
    p_wall, p_cpu, p_counted, p_runs, _ = figures["poll"]
    s_wall, s_cpu, s_counted = figures["period"]
    unit = f", {counted['all'] / count:.2f} per mailbox" if per_mailbox else ""
    p_unit = f", {p_counted['all'] / count:.2f} per mailbox" if per_mailbox else ""
    print(
        f"  idle cycle with notifications: {wall:.2f} s, CPU {cpu:.2f} s, {describe(counted)}{unit}; "
        f"{runs} workloads due, {ran} run"
    )
    print(
        f"  idle cycle polled (push off):  {p_wall:.2f} s, CPU {p_cpu:.2f} s, {describe(p_counted)}{p_unit}; "
        f"{p_runs} run"
    )
    print(
        f"  12 idle cycles with notifications (each mailbox's safety net once): {s_wall:.2f} s, CPU {s_cpu:.2f} s, "
        f"{describe(s_counted)}; per cycle on average {s_counted['all'] / 12:.1f} requests, CPU {s_cpu / 12:.2f} s"
    )


def latency(server, scheduler, ids, emails: list[str], mails: int) -> list[float]:
    """New mail → stored, each in turn, the scheduler's own loop running (wall clock)."""
    from app.store.models import EmailActivity

    scheduler.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (
        scheduler.busy() or not all((w := scheduler.push.watch_of(i)) is not None and w.live for i in ids)
    ):
        time.sleep(0.1)
    times = []
    for n in range(mails):
        subject = f"Latency probe {n} {time.time_ns()}"
        started = time.perf_counter()
        server._call("deliver", emails[(n * 37) % len(emails)], subject)
        while not EmailActivity.select().where(EmailActivity.subject == subject).exists():
            if time.perf_counter() - started > 60:
                print(f"  ! {subject} not stored within 60 s")
                break
            time.sleep(0.005)
        times.append(time.perf_counter() - started)
        time.sleep(0.2)
    scheduler.stop(30)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mailboxes", type=int, default=200, help="mailboxes in each idle cycle")
    parser.add_argument("--latency-mails", type=int, default=20, help="new mails timed to the store")
    args = parser.parse_args()
    _install_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        server = ServerProcess(tmp / "server")
        server.start()
        try:
            _open_store(tmp / "home")
            t0 = time.perf_counter()
            streaming = setup(server, "stream", args.mailboxes, impersonation=True)
            pulled = setup(server, "pull", args.mailboxes, impersonation=False)
            print(f"seeded {2 * args.mailboxes} mailboxes in {time.perf_counter() - t0:.1f} s")
            clock = ShiftedClock()

            profile, ids, accounts = streaming
            stream = idle_scenario(server, "streaming (impersonation)", profile, ids, accounts, clock=clock)
            print_idle(len(ids), stream["figures"], per_mailbox=False)

            profile, ids, accounts = pulled
            pull = idle_scenario(server, "pull (own credentials)", profile, ids, accounts, clock=clock)
            print_idle(len(ids), pull["figures"], per_mailbox=True)
            pull["scheduler"].stop(30)

            profile, ids, _ = streaming
            only(profile)
            emails = [f"stream{i:03d}@contoso.com" for i in range(args.mailboxes)]
            times = latency(server, stream["scheduler"], ids, emails, args.latency_mails)
            print(
                f"new mail -> stored, streaming: median {statistics.median(times):.2f} s of {len(times)} "
                f"(min {min(times):.2f}, max {max(times):.2f}); polled: at the next cycle, 2-12 min later "
                f"(150 s on average at the normal 5-minute interval)"
            )
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
