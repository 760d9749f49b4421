"""Engine hosts on one PostgreSQL database (issue 17), against the loopback Exchange server. Not a test.

Figures, each from the same run (loopback only, bounded):

1. Items/s of an initial incoming sync of MAILBOXES mailboxes x EMAILS emails, run by 1, 2 and 3
   ``python -m app run --host-name`` processes on one PostgreSQL database, as ratios against the
   same work done by one ``python -m app run`` on an SQLite store (today's single desktop). Each
   variant has mailboxes of its own, seeded alike, and a database of its own. The work is due a
   fixed time after the processes start (their start-up is not measured), until the last cycle's
   end line.
2. Idle cycles (nothing new), every mailbox set due at once, one host: cycles/s, EWS requests and
   the host's CPU per cycle (from /proc: its CPU time from ready to done, start-up left out).
3. The claim overhead per workload: the lease claimed (``FOR UPDATE SKIP LOCKED`` on PostgreSQL),
   the still-due check, the release, in ms, against the same on SQLite.
4. PostgreSQL's write-ahead log: bytes per stored email and per idle cycle
   (``pg_current_wal_lsn()`` before and after), for docs/scale.md.

This machine has 2 cores, shared by the hosts, the loopback server and PostgreSQL: the figures
say how the fleet's own overhead compares, not how far more machines would carry it. A profile's
maximum concurrent connections is a budget of the whole fleet (10 here), so more hosts add CPU,
not more requests in flight.

Needs Debian's postgresql package (initdb, pg_ctl) and psycopg (``pip install -e '.[postgres]'``);
without them it says what to install and exits 1.

    python bench/fleet.py [--mailboxes 60] [--emails 50] [--claims 300]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

STARTUP_SECONDS = 12.0  # the runners start (imports, registration) before the work is due
INSTALL = "apt-get install postgresql (initdb, pg_ctl) and pip install -e '.[postgres]' (psycopg)"


class BenchKeyring:
    """An in-process credential store (a dict): the data key of the shared database lands here."""

    @staticmethod
    def install() -> dict[tuple[str, str], str]:
        import keyring
        from keyring.backend import KeyringBackend

        entries: dict[tuple[str, str], str] = {}

        class Memory(KeyringBackend):
            priority = 1

            def get_password(self, service, username):
                return entries.get((service, username))

            def set_password(self, service, username, password):
                entries[(service, username)] = password

            def delete_password(self, service, username):
                entries.pop((service, username), None)

        keyring.set_keyring(Memory())
        return entries


class Runner:
    """One ``python -m app run`` process (an engine host with a name); its lines timed as they come."""

    def __init__(self, home: Path, url: str | None, host_name: str | None, keys: dict[str, str], *extra: str) -> None:
        from sync_throughput import PASSWORD

        env = {k: v for k, v in os.environ.items() if not k.startswith(("SSSM_", "PYTEST_"))}
        env.update(
            SSSM_HOME=str(home),
            PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests" / "sync")]),
            PYTHON_KEYRING_BACKEND="worker_support.EnvironmentKeyring",
            SSSM_WORKER_PASSWORD=PASSWORD,  # an SQLite store's mailbox passwords
            SSSM_WORKER_PASSWORDS=json.dumps(keys),  # a shared database's data key
        )
        if url:
            env["SSSM_DATABASE_URL"] = url
        command = [sys.executable, "-m", "app", "run", *(["--host-name", host_name] if host_name else []), *extra]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: list[tuple[float, str]] = []
        self.cpu_ready = self.cpu_done = 0.0  # its CPU seconds when ready and when the work was done
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if "ynchronizing" in line and not self.cpu_ready:
                self.cpu_ready = process_cpu(self.process.pid)
            self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def ready_at(self) -> float | None:
        return next((at for at, line in self.lines if "ynchronizing" in line), None)

    def finished(self) -> dict[str, float]:
        """mailbox -> when its incoming cycle's line came."""
        return {m[1]: at for at, line in self.lines if (m := re.match(r"(\S+@\S+) incoming: created", line))}

    def failures(self) -> list[str]:
        return [line for _, line in self.lines if "FAILED" in line or "Traceback" in line]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()


def due_at(seconds: float) -> float:
    """Every mailbox's incoming workload due *seconds* from now (the runners start meanwhile, so that
    their imports are not measured); that moment on the performance counter."""
    from datetime import timedelta

    from app.domain.enums import Workload
    from app.store.base import utcnow
    from app.store.models import Mailbox, WorkloadState

    when = utcnow() + timedelta(seconds=seconds)
    for mailbox in Mailbox.select():
        state, _ = WorkloadState.get_or_create(mailbox=mailbox, workload=Workload.INCOMING)
        WorkloadState.update(next_run_on=when).where(WorkloadState.id == state.id).execute()
    Mailbox.update(next_sync_on=when).execute()
    return time.perf_counter() + seconds


def process_cpu(pid: int) -> float:
    """CPU seconds (user and system) a running process has used so far (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_until_done(
    runners: list[Runner], expected: set[str], start: float, limit: float = 900
) -> tuple[float, list[Runner]]:
    """Seconds from *start* (the work due) to the last of *expected* finished."""
    started = time.perf_counter()
    try:
        while True:
            done: dict[str, float] = {}
            for runner in runners:
                done.update(runner.finished())
            failed = [line for runner in runners for line in runner.failures()]
            if failed:
                raise SystemExit("a cycle failed:\n" + "\n".join(failed[:10]))
            if expected <= set(done):
                for runner in runners:
                    runner.cpu_done = process_cpu(runner.process.pid)
                break
            if time.perf_counter() - started > limit:
                raise SystemExit(f"not done within {limit:.0f} s: {len(expected - set(done))} mailboxes left")
            time.sleep(0.05)
    finally:
        for runner in runners:
            runner.stop()
    late = [r for r in runners if (r.ready_at() or float("inf")) > start]
    if late:
        print(f"  ({len(late)} of {len(runners)} runners were ready only after the work was due)")
    return max(done[m] for m in expected) - start, runners


def wal_lsn(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn").fetchone()
    assert row is not None
    return int(row[0])


def data_key(entries: dict[tuple[str, str], str]) -> dict[str, str]:
    return {name: value for (_service, name), value in entries.items() if name.startswith("datakey:")}


def variant(server, pg, tmp: Path, label: str, hosts: int, args, keyring_entries) -> dict:
    """One initial sync of fresh mailboxes by *hosts* runners (0: one plain ``run`` on SQLite)."""
    from sync_throughput import _open_store, _setup_store

    from app.store.db import close_database, open_database
    from app.store.models import EmailActivity

    tag = f"v{hosts}"
    emails = [f"{tag}-{n:03d}@contoso.com" for n in range(args.mailboxes)]
    for n, email in enumerate(emails):
        server.add_account(email, "Passw0rd!")
        server.seed(email, emails=args.emails, appointments=0, contacts=0, tasks=0, seed=1000 + n)
    url = None
    if hosts:
        name = f"bench_{tag}"
        pg.sql(f'CREATE DATABASE "{name}"')
        url = pg.url(name)
        open_database(url)
    else:
        _open_store(tmp / tag / "home")
    _setup_store(server, emails, ("incoming",))
    keys = data_key(keyring_entries)
    start = due_at(STARTUP_SECONDS)
    close_database()
    requests_before = server.count()
    wal_before = wal_lsn(url) if url else 0
    if hosts:
        runners = [Runner(tmp / tag / f"host{n}", url, f"host-{n}", keys) for n in range(hosts)]
    else:  # the desktop's store: its own home
        runners = [Runner(tmp / tag / "home", None, None, keys)]
    seconds, runners = run_until_done(runners, set(emails), start)
    requests, cpu = server.count() - requests_before, sum(r.cpu_done - r.cpu_ready for r in runners)
    wal = (wal_lsn(url) - wal_before) if url else 0
    if url:
        open_database(url)
    else:
        _open_store(tmp / tag / "home")
    stored = EmailActivity.select().count()
    close_database()
    result = {
        "label": label,
        "hosts": hosts,
        "items": stored,
        "seconds": seconds,
        "requests": requests,
        "wal": wal,
        "cpu": cpu,
    }
    result["rate"] = stored / seconds
    result["url"] = url
    result["emails"] = emails
    return result


def idle_cycles(url: str, emails: list[str], tmp: Path, server, keyring_entries) -> dict:
    """Every mailbox set due twice, one host: the second pass is timed (cycles with nothing new,
    the host's connections open, as in steady state). A short lease time, so that the host reads
    the schedule again within seconds."""
    from app.store.db import close_database, open_database

    open_database(url)
    keys = data_key(keyring_entries)
    due_at(STARTUP_SECONDS)
    close_database()
    runner = Runner(tmp / "idle", url, "idle-host", keys, "--lease-seconds", "9")
    try:
        wait_for_cycles(runner, emails, 1)
        requests_before, wal_before, cpu_before = server.count(), wal_lsn(url), process_cpu(runner.process.pid)
        open_database(url)
        start = due_at(5.0)  # more than the host's longest sleep (a third of the lease)
        close_database()
        done = wait_for_cycles(runner, emails, 2)
        cpu = process_cpu(runner.process.pid) - cpu_before
    finally:
        runner.stop()
    return {
        "cycles": len(emails),
        "seconds": done - start,
        "cpu": cpu,
        "requests": server.count() - requests_before,
        "wal": wal_lsn(url) - wal_before,
    }


def wait_for_cycles(runner: Runner, emails: list[str], passes: int, limit: float = 300) -> float:
    """When every mailbox's incoming cycle had ended *passes* times (its result lines counted)."""
    started, wanted = time.perf_counter(), len(emails) * passes
    while True:
        ends = [at for at, line in runner.lines if re.match(r"\S+@\S+ incoming: created", line)]
        if len(ends) >= wanted:
            return ends[wanted - 1]
        if runner.failures():
            raise SystemExit("a cycle failed:\n" + "\n".join(runner.failures()[:10]))
        if time.perf_counter() - started > limit:
            raise SystemExit(f"not done within {limit:.0f} s: {len(ends)} of {wanted} cycles")
        time.sleep(0.05)


def claim_overhead(target, claims: int) -> float:
    """Mean ms of one workload's claim as the scheduler makes it: the lease held (its heartbeat
    thread started), the still-due check, the release."""
    from datetime import timedelta

    from app.domain.enums import ApprovalStatus, Workload
    from app.store import leases
    from app.store.db import close_database, open_database
    from app.store.models import Mailbox, WorkloadState

    open_database(target)
    mailbox = Mailbox.select().where(Mailbox.approval == ApprovalStatus.APPROVED).first()
    holder = leases.new_holder()
    times = []
    for n in range(claims):
        start = time.perf_counter()
        lease = leases.hold(
            leases.mailbox_lease_name(mailbox.id, f"bench{n}"),
            holder,
            timedelta(seconds=90),
            profile_id=mailbox.profile_id,
            budget=10,
        )
        assert lease is not None
        WorkloadState.get_or_none((WorkloadState.mailbox == mailbox.id) & (WorkloadState.workload == Workload.INCOMING))
        lease.release()
        times.append(time.perf_counter() - start)
    close_database()
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mailboxes", type=int, default=60, help="mailboxes in each variant")
    parser.add_argument("--emails", type=int, default=50, help="emails seeded in each mailbox")
    parser.add_argument("--claims", type=int, default=300, help="claims timed for the overhead")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally blocks stop what it started
    try:
        import psycopg  # noqa: F401
    except ImportError:
        print(f"bench/fleet.py needs PostgreSQL and psycopg: {INSTALL}", file=sys.stderr)
        return 1
    import postgres_fixtures

    if postgres_fixtures.server_bin() is None:
        print(f"bench/fleet.py needs PostgreSQL's server programs: {INSTALL}", file=sys.stderr)
        return 1
    keyring_entries = BenchKeyring.install()
    from sync_throughput import ServerProcess

    print(f"{args.mailboxes} mailboxes x {args.emails} emails per variant; 2 cores shared by every process")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        server = ServerProcess(tmp / "server")
        server.start()
        pg = postgres_fixtures.start_server()
        try:
            results = []
            for label, hosts in (
                ("SQLite, one `run` (baseline)", 0),
                ("PostgreSQL, 1 host", 1),
                ("PostgreSQL, 2 hosts", 2),
                ("PostgreSQL, 3 hosts", 3),
            ):
                results.append(variant(server, pg, tmp, label, hosts, args, keyring_entries))
                r = results[-1]
                print(
                    f"  {label:30s} {r['items']:5d} emails in {r['seconds']:6.2f} s = {r['rate']:7.1f} items/s, "
                    f"{r['requests'] / r['seconds']:6.1f} EWS requests/s; hosts' CPU {r['cpu']:.1f} s = "
                    f"{r['items'] / r['cpu']:.0f} items per CPU second; load average {os.getloadavg()[0]:.1f}"
                )
            base, one = results[0]["rate"], results[1]["rate"]
            print("items/s as ratios (same run):")
            for r in results[1:]:
                print(
                    f"  {r['label']:30s} {r['rate'] / base:5.2f}x the SQLite baseline, {r['rate'] / one:5.2f}x 1 host"
                )
            last = results[-1]
            idle = idle_cycles(last["url"], last["emails"], tmp, server, keyring_entries)
            print(
                f"idle cycles (nothing new; a host's second pass), 1 host: {idle['cycles']} in "
                f"{idle['seconds']:.2f} s = "
                f"{idle['cycles'] / idle['seconds']:.1f} cycles/s, "
                f"{idle['requests'] / idle['cycles']:.1f} EWS requests per cycle, "
                f"{idle['cpu'] / idle['cycles'] * 1000:.0f} ms of the host's CPU per cycle"
            )
            wal_per_item = statistics.median(r["wal"] / r["items"] for r in results[1:])
            print(
                f"PostgreSQL WAL: {wal_per_item / 1024:.1f} KiB per stored email (median of the host variants), "
                f"{idle['wal'] / idle['cycles'] / 1024:.1f} KiB per idle cycle"
            )
            pg_ms = claim_overhead(results[1]["url"], args.claims)
            from sync_throughput import _open_store

            _open_store(tmp / "v0" / "home")
            from app import paths
            from app.store.db import close_database

            close_database()
            sqlite_ms = claim_overhead(paths.database_path(), args.claims)
            cycle_ms = idle["seconds"] / idle["cycles"] * 1000
            print(
                f"claim overhead per workload (hold, still-due check, release; median of {args.claims}): "
                f"PostgreSQL {pg_ms:.2f} ms = {pg_ms / sqlite_ms:.2f}x SQLite's {sqlite_ms:.2f} ms; "
                f"{pg_ms / cycle_ms * 100:.1f} % of one host's time per idle cycle ({cycle_ms:.0f} ms)"
            )
            summary = {
                "variants": [{k: v for k, v in r.items() if k not in ("url", "emails")} for r in results],
                "idle": idle,
                "wal_per_item": wal_per_item,
                "claim_ms": {"postgresql": pg_ms, "sqlite": sqlite_ms},
            }
            print("json: " + json.dumps(summary, default=str))
        finally:
            postgres_fixtures.remove_server(pg)
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
