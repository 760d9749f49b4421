"""Sync engine throughput against the loopback Exchange server (loopback only, bounded). Not a test.

Three figures, each in the same run:

1. Initial incoming sync of ~5,000 inbox emails with bodies: our engine (``sync_incoming``, tracking
   option "All email messages", a fresh mailbox) against a plain exchangelib script that fetches
   the same items and fields over one connection (``inbox.all().only(...)``, paged), in rounds
   (the order alternating, new mailboxes each round). Prints items/s of both, the CPU time this
   process used for each and the server's (in its own process: when its CPU time is near the
   wall-clock time, the server is what the run waited for), and the median of the rounds'
   ratios (goal: ours ≥ 4× the plain script). The engine puts the new rows into the Records
   search after each cycle (app.store.search_index): that step is timed on its own after our side,
   and a second ratio counts it.
2. The time of one idle cycle (every enabled workload, nothing new) over 200 mailboxes.
3. Peak RSS of a 50,000-item initial sync, run in a child process (VmHWM). Goal ≤ 150 MB.

Then (unless ``--no-profile``) one more initial sync under cProfile: where its CPU time goes, per
thread (storing, reading the pages, the GetItem workers).

The loopback server runs in a process of its own, as a real Exchange is on another machine: in
one process its work would compete with the client for the interpreter lock.

    python bench/sync_throughput.py [--emails 5000] [--rounds 3] [--rss-emails 50000]
                                    [--mailboxes 200] [--body-size 2048] [--skip-rss] [--no-profile]
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PASSWORD = "Passw0rd!"
INBOX_SHARE = 0.9  # about 90 % of seeded messages land in the inbox
FIELDS = (
    "subject",
    "body",
    "sender",
    "to_recipients",
    "cc_recipients",
    "message_id",
    "in_reply_to",
    "references",
    "conversation_id",
    "datetime_received",
    "datetime_sent",
    "is_read",
)


def _install_keyring() -> None:
    """Passwords for this benchmark only: an in-process keyring answering with the bench password."""
    import keyring
    from keyring.backend import KeyringBackend

    class BenchKeyring(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return PASSWORD

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass

    keyring.set_keyring(BenchKeyring())


def _serve(conn, state_dir: str) -> None:
    """Child process: the loopback server, driven over a pipe (a real Exchange is elsewhere too,
    so its work must not share this process's interpreter lock with the client being measured)."""
    from app.simulator.server import LoopbackExchange

    server = LoopbackExchange(state_dir, hostnames=("mail.contoso.com",))
    while True:
        command, args, kwargs = conn.recv()
        if command == "stop":
            server.stop()
            conn.send(None)
            return
        if command == "info":
            conn.send((server.ews_url, server.port, str(server.ca_path)))
        elif command == "inbox_count":
            conn.send(len(server.directory.mailbox(args[0]).distinguished["inbox"].items_by_received()))
        elif command == "count":
            conn.send(server.stats.count(**kwargs))
        elif command == "cpu":  # the server process's CPU time so far (every thread)
            conn.send(time.process_time())
        else:
            getattr(server, command)(*args, **kwargs)
            conn.send(None)


class ServerProcess:
    """The loopback server in its own process, with the few controls the bench needs."""

    def __init__(self, state_dir: Path) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, str(state_dir)), daemon=True)
        self._process.start()
        self.stats = self  # server.stats.count(...) as with the in-process server

    def _call(self, command, *args, **kwargs):
        self._conn.send((command, args, kwargs))
        return self._conn.recv()

    def add_account(self, email, password):
        self._call("add_account", email, password)

    def seed(self, email, **counts):
        self._call("seed", email, **counts)

    def start(self):
        self._call("start")
        ews_url, self.port, ca_path = self._call("info")
        self.ews_url, self.ca_path = ews_url, Path(ca_path)

    def stop(self):
        self._call("stop")
        self._process.join(10)

    def inbox_count(self, email) -> int:
        return self._call("inbox_count", email)

    def count(self, **kwargs) -> int:
        return self._call("count", **kwargs)

    def cpu(self) -> float:
        return self._call("cpu")


def _open_store(home: Path):
    os.environ["SSSM_HOME"] = str(home)
    from app import paths
    from app.store.db import open_database

    return open_database(paths.database_path())


def _setup_store(server, emails: list[str], workloads=("incoming",)):
    """A profile on the server, one user with tracking option All, a mailbox per address."""
    from app.domain.enums import ApprovalStatus, AuthProtocol, TrackingOption
    from app.domain.settings import MailboxSettings, ProfileSettings
    from app.store import repo
    from app.store.models import Mailbox

    profile = repo.save_profile(
        ProfileSettings(
            name="Bench",
            auto_discover=False,
            incoming_url=server.ews_url,
            incoming_port=server.port,
            trusted_ca_path=str(server.ca_path),
            process_email_from=datetime(2020, 1, 1, tzinfo=timezone.utc),
            timeout_seconds=120,
            auth_protocol=AuthProtocol.BASIC,
            max_connections=10,
        )
    )
    user = repo.create_user("Bench", "bench-admin@contoso.com", is_current=True)
    options = repo.user_options(user)
    options.tracking_option = TrackingOption.ALL
    options.save()
    mailboxes = []
    for email in emails:
        mailbox = repo.save_mailbox(
            MailboxSettings(
                name=email.split("@")[0],
                email=email,
                owner_id=user.id,
                profile_id=profile.id,
                approval=ApprovalStatus.APPROVED,
                allow_credentials=True,
                username=email,
            ),
            password=PASSWORD,
        )
        Mailbox.update(**{f"{w}_enabled": True for w in workloads}).where(Mailbox.id == mailbox.id).execute()
        mailboxes.append(Mailbox.get_by_id(mailbox.id))
    return mailboxes


def plain_exchangelib(server, email: str, page_size: int) -> tuple[int, float]:
    """The baseline: one Account, one connection, the same fields, paged."""
    from ews_fixtures import exchangelib_trusts
    from exchangelib import DELEGATE, Account, Configuration, Credentials
    from exchangelib.version import EXCHANGE_2013_SP1, Version

    with exchangelib_trusts(server.ca_path):
        config = Configuration(
            service_endpoint=server.ews_url,
            credentials=Credentials(email, PASSWORD),
            version=Version(build=EXCHANGE_2013_SP1),
            max_connections=1,
        )
        account = Account(email, config=config, autodiscover=False, access_type=DELEGATE)
        start = time.perf_counter()
        count = 0
        items = account.inbox.all().only(*FIELDS).order_by("datetime_received")
        items.page_size = page_size
        for item in items:
            count += 1 if item.subject is not None or item.body is not None else 0
        elapsed = time.perf_counter() - start
        account.protocol.close()
    return count, elapsed


def engine(mailbox) -> tuple[int, float, object]:
    """Emails stored or linked (one already stored for another mailbox), seconds, failure."""
    from app.sync.incoming import sync_incoming

    start = time.perf_counter()
    run = sync_incoming(mailbox)
    return run.created + run.updated, time.perf_counter() - start, run.failure


def search_catch_up() -> tuple[int, float, float]:
    """The engine's step after a cycle (app.store.search_index.catch_up): rows, seconds, CPU."""
    from app.store import search_index

    start, cpu = time.perf_counter(), time.process_time()
    rows = search_index.catch_up()
    return rows, time.perf_counter() - start, time.process_time() - cpu


def _peak_rss_kib() -> int:
    """This process's peak RSS. Linux keeps ru_maxrss across fork+exec (it would report the parent's
    size at fork), so VmHWM of the process's own memory is preferred where it exists."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_rss(home: str, email: str) -> int:
    """In the child: one initial incoming sync; prints created count and peak RSS (KiB)."""
    _install_keyring()
    _open_store(Path(home))
    from app.store.models import Mailbox

    before = _peak_rss_kib()
    created, elapsed, failure = engine(Mailbox.get(Mailbox.email == email))
    peak = _peak_rss_kib()
    print(
        f"created={created} seconds={elapsed:.1f} failure={failure.code if failure else ''} "
        f"rss_before_kib={before} rss_peak_kib={peak}",
        flush=True,
    )
    return 0 if failure is None else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=5000, help="inbox emails for the throughput run")
    parser.add_argument("--rss-emails", type=int, default=50000, help="inbox emails for the peak-RSS run")
    parser.add_argument("--mailboxes", type=int, default=200, help="mailboxes in the idle cycle")
    parser.add_argument("--body-size", type=int, default=2048, help="seeded body size in characters")
    parser.add_argument("--page-size", type=int, default=100, help="the plain script's page size")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the throughput comparison")
    parser.add_argument(
        "--no-profile",
        dest="profile",
        action="store_false",
        help="leave out the one more sync under cProfile (where the initial sync's CPU goes, per thread)",
    )
    parser.add_argument("--skip-rss", action="store_true", help="leave out the 50,000-item run")
    parser.add_argument("--child-rss", nargs=2, metavar=("HOME", "EMAIL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rss:
        return child_rss(*args.child_rss)

    _install_keyring()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        server = ServerProcess(tmp / "server")
        big_email = "big@contoso.com"
        idle = [f"idle{i:03d}@contoso.com" for i in range(args.mailboxes)]
        for email in (big_email, *idle):
            server.add_account(email, PASSWORD)
        server.start()
        try:
            t0 = time.perf_counter()
            for email in idle:
                server.seed(email, emails=3, appointments=1, contacts=1, tasks=1, seed=11)
            _open_store(tmp / "home")
            _setup_store(server, [])  # the profile and the bench user
            idle_boxes = _setup_store_more(server, idle, ("incoming", "outgoing", "act"), own_users=True)
            print(f"seeded {len(idle)} small mailboxes in {time.perf_counter() - t0:.1f} s")
            throughput(server, args)
            if args.profile:
                profile_sync(server, args)

            idle_cycle(idle_boxes)

            if not args.skip_rss:
                big_seeded = math.ceil(args.rss_emails / INBOX_SHARE)
                t0 = time.perf_counter()
                server.seed(
                    big_email, emails=big_seeded, appointments=0, contacts=0, tasks=0, body_size=args.body_size, seed=13
                )
                _setup_store_more(server, [big_email], ("incoming",))
                print(f"seeded {big_seeded} messages for the RSS run in {time.perf_counter() - t0:.1f} s")
                from app.store.db import close_database

                close_database()
                child = subprocess.run(
                    [sys.executable, __file__, "--child-rss", str(tmp / "home"), big_email],
                    capture_output=True,
                    text=True,
                    timeout=3600,
                )
                line = child.stdout.strip().splitlines()[-1] if child.stdout.strip() else child.stderr[-2000:]
                print(f"50k run (child process): {line}")
                fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
                if "rss_peak_kib" in fields:
                    print(
                        f"peak RSS of the sync process: {int(fields['rss_peak_kib']) / 1024:.0f} MB "
                        f"(goal <= 150 MB; {int(fields['rss_before_kib']) / 1024:.0f} MB after imports)"
                    )
        finally:
            server.stop()
    return 0


def throughput(server, args) -> None:
    """Rounds of the same initial sync, plain exchangelib against our engine (the order alternating),
    each on mailboxes of their own seeded alike; the ratio of each round and their median."""
    seeded = math.ceil(args.emails / INBOX_SHARE)
    ratios: list[float] = []
    with_index: list[float] = []
    for round_ in range(max(1, args.rounds)):
        plain_email, ours_email = f"plain{round_}@contoso.com", f"ours{round_}@contoso.com"
        for email in (plain_email, ours_email):  # same seed: the same messages in both
            server.add_account(email, PASSWORD)
            server.seed(
                email, emails=seeded, appointments=0, contacts=0, tasks=0, body_size=args.body_size, seed=7 + round_
            )
        [ours] = _setup_store_more(server, [ours_email], ("incoming",))
        print(
            f"round {round_ + 1}: 2 x {server.inbox_count(ours_email)} inbox emails (bodies {args.body_size} chars), "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        rates = {}
        for side in ("plain", "ours") if round_ % 2 == 0 else ("ours", "plain"):
            cpu, server_cpu = time.process_time(), server.cpu()
            if side == "plain":
                count, seconds = plain_exchangelib(server, plain_email, args.page_size)
                what, failure = f"plain exchangelib (1 connection, page {args.page_size})", None
            else:
                count, seconds, failure = engine(ours)
                what = "our engine (sync_incoming, tracking All)"
            cpu, server_cpu = time.process_time() - cpu, server.cpu() - server_cpu
            rates[side] = count / seconds
            print(
                f"  {what:42s} {count} items in {seconds:6.2f} s = {rates[side]:7.1f} items/s, "
                f"CPU here {cpu:5.2f} s, server {server_cpu:5.2f} s  "
                f"[{_requests(server, plain_email if side == 'plain' else ours_email)}]"
                f"{'  FAILED ' + failure.code if failure else ''}"
            )
            if side == "ours":  # what the engine does next, after the cycle: the Records search
                catch_up = search_catch_up()
                rates["ours, with the search index"] = count / (seconds + catch_up[1])
                print(
                    f"  {'then the search index catch-up':42s} {catch_up[0]} rows  in {catch_up[1]:6.2f} s, "
                    f"CPU here {catch_up[2]:5.2f} s"
                )
        ratios.append(rates["ours"] / rates["plain"])
        with_index.append(rates["ours, with the search index"] / rates["plain"])
    print(
        f"initial sync of {args.emails} emails / plain exchangelib, same run: {statistics.median(ratios):.2f}x "
        f"(median of {len(ratios)} rounds: {', '.join(f'{r:.2f}' for r in ratios)}; goal >= 4x)"
    )
    print(
        f"  the same, counting the search index catch-up after it: {statistics.median(with_index):.2f}x "
        f"({', '.join(f'{r:.2f}' for r in with_index)})"
    )


def profile_sync(server, args) -> None:
    """One more initial sync (a new mailbox), each thread's CPU under cProfile: the cycle's own
    thread (storing), the thread reading the pages, the GetItem workers. Prints where it went."""
    import cProfile
    import pstats
    import threading

    from app.sync import incoming

    email = "profiled@contoso.com"
    server.add_account(email, PASSWORD)
    seeded = math.ceil(args.emails / INBOX_SHARE)
    server.seed(email, emails=seeded, appointments=0, contacts=0, tasks=0, body_size=args.body_size, seed=99)
    [mailbox] = _setup_store_more(server, [email], ("incoming",))
    profiles: dict[str, list[cProfile.Profile]] = {"store (the cycle's thread)": [], "pages": [], "GetItem": []}
    lock = threading.Lock()

    def profiled(role, fn):
        def run(*a, **kw):
            profiler = cProfile.Profile(time.thread_time)
            try:
                return profiler.runcall(fn, *a, **kw)
            finally:
                with lock:
                    profiles[role].append(profiler)

        return run

    roles = {"sync": "store (the cycle's thread)", "_read_pages": "pages", "_get_items_gated": "GetItem"}
    originals = {name: getattr(incoming.IncomingEmailSync, name) for name in roles}
    for name, fn in originals.items():
        setattr(incoming.IncomingEmailSync, name, profiled(roles[name], fn))
    try:
        count, seconds, _ = engine(mailbox)
    finally:
        for name, fn in originals.items():
            setattr(incoming.IncomingEmailSync, name, fn)
    print(f"\nprofile of one initial sync ({count} emails in {seconds:.2f} s under cProfile), CPU per thread:")
    for role, found in profiles.items():
        stats = pstats.Stats(found[0])
        for more in found[1:]:
            stats.add(more)
        print(f"  {role}: {stats.total_tt:.2f} s CPU ({len(found)} calls), most of it in (own time):")  # type: ignore[attr-defined]
        rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:8]  # type: ignore[attr-defined]
        for (filename, line, name), (_, calls, own, cumulative, _) in rows:
            where = filename.split("site-packages/")[-1].split("/wt-perf/")[-1].split("/app/")[-1]
            print(f"    {own:6.3f} s own {cumulative:6.3f} s with callees {calls:7d}x  {where}:{line}({name})")


def _requests(server, email: str) -> str:
    """The EWS requests one mailbox cost (to check both sides did the same work)."""
    ops = ("FindItem", "SyncFolderItems", "GetItem", "GetFolder")
    return ", ".join(f"{op} {n}" for op in ops if (n := server.stats.count(operation=op, account=email)))


def _setup_store_more(server, emails, workloads, *, own_users: bool = False):
    """More mailboxes on the same profile; owned by the bench user, or (``own_users``) each by a
    user of its own, as in real life — appointments, contacts and tasks follow their owner, so
    mailboxes sharing one owner would copy each other's records back and forth."""
    from app.domain.enums import ApprovalStatus
    from app.domain.settings import MailboxSettings
    from app.store import repo
    from app.store.models import Mailbox, ServerProfile, SystemUser

    profile = ServerProfile.get(ServerProfile.name == "Bench")
    user = SystemUser.get(SystemUser.email == "bench-admin@contoso.com")
    out = []
    for email in emails:
        owner = repo.create_user(email.split("@")[0], email) if own_users else user
        mailbox = repo.save_mailbox(
            MailboxSettings(
                name=email.split("@")[0],
                email=email,
                owner_id=owner.id,
                profile_id=profile.id,
                approval=ApprovalStatus.APPROVED,
                allow_credentials=True,
                username=email,
            ),
            password=PASSWORD,
        )
        Mailbox.update(**{f"{w}_enabled": True for w in workloads}).where(Mailbox.id == mailbox.id).execute()
        out.append(mailbox)
    return out


def idle_cycle(mailboxes) -> None:
    """First cycle brings every mailbox up to date; the second one is the idle cycle timed."""
    from app.sync.scheduler import Scheduler

    ids = [m.id for m in mailboxes]
    scheduler = Scheduler()
    t0 = time.perf_counter()
    first = scheduler.run_once(ids)
    first_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    second = scheduler.run_once(ids)
    idle_s = time.perf_counter() - t0
    failed = [r for r in second if not r.ok]
    kinds = sorted({r.workload.value for r in second})
    print(
        f"{len(mailboxes)} mailboxes ({', '.join(kinds)}): first cycle {first_s:.2f} s ({len(first)} runs), "
        f"idle cycle {idle_s:.2f} s ({len(second)} runs, {len(failed)} failed"
        f"{': ' + failed[0].summary() if failed else ''})"
    )


if __name__ == "__main__":
    sys.exit(main())
