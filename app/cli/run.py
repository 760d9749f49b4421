"""``python -m app run``: keep every enabled mailbox in sync until stopped (Ctrl+C or SIGTERM).

A stop lets the cycles in progress finish (each bounded by the profile's timeout), then exits 0.
Each finished cycle is printed as one line, so a supervisor (or a test) can follow along.
Exchange's notifications decide when a mailbox's workloads run (app.sync.notifications): a cycle
with nothing notified is not run, and not printed.

With ``--host-name NAME`` it is one engine host of a fleet on a shared database (docs/scale.md):
it registers the name (refused while another host of the name beats), beats, polls (no
notifications: its cycles move between hosts), claims each due workload with a lease
(app.store.leases, ``FOR UPDATE SKIP LOCKED`` on PostgreSQL), logs what it
claimed, and on SIGTERM releases its leases at once and marks itself stopped. While the database
is unreachable it retries with back-off; its leases expire and other hosts take the work over.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from datetime import timedelta
from types import FrameType
from typing import TYPE_CHECKING

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, holds_data_key, open_store, report_error

if TYPE_CHECKING:
    from app.sync.scheduler import CycleResult, Scheduler

NAME = "run"
HELP = "keep synchronizing every enabled mailbox until stopped (Ctrl+C)"
DEMO = "server"  # with --demo: the demo store, the loopback server running
log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="do not print a line per finished cycle")
    parser.add_argument(
        "--host-name",
        metavar="NAME",
        help="run as the engine host NAME of a fleet on a shared database (--database): claim due work "
        "with leases, beat, release them on SIGTERM",
    )
    parser.add_argument(
        "--lease-seconds",
        type=int,
        default=90,
        metavar="N",
        help="with --host-name: how long a silent host keeps its leases before others take them over (90)",
    )


def run(args: argparse.Namespace) -> int:
    if not open_store() or not holds_data_key():
        return EXIT_USAGE
    from app.sync.scheduler import Scheduler

    stop = threading.Event()
    print_lock = threading.Lock()

    def report(result: CycleResult) -> None:
        if not args.quiet and not (args.host_name and result.skipped):
            with print_lock:
                print(result.summary(), flush=True)

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        stop.set()

    if args.host_name:
        return _run_host(args, stop, report, request_stop)
    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    scheduler = Scheduler(on_result=report, push=True)  # Exchange's notifications decide when workloads run
    scheduler.start()
    print("Synchronizing; press Ctrl+C to stop.", flush=True)
    try:
        while not stop.wait(1.0):  # a short wait: signals are handled between waits on every platform
            pass
    finally:
        print("Stopping: waiting for the cycles in progress…", flush=True)
        finished = scheduler.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("Stopped.", flush=True)
    return EXIT_OK if finished else EXIT_FAILED


def _run_host(args: argparse.Namespace, stop: threading.Event, report, request_stop) -> int:  # type: ignore[no-untyped-def]
    from app.store import fleet
    from app.sync.scheduler import Scheduler

    name = args.host_name.strip()
    if not name or len(name) > 64 or args.lease_seconds < 3:
        report_error("--host-name takes 1 to 64 characters and --lease-seconds at least 3.", "BadArguments")
        return EXIT_USAGE
    ttl = timedelta(seconds=args.lease_seconds)
    holder = fleet.host_holder(name)
    try:
        fleet.register(name, holder, ttl)
    except fleet.HostNameTaken as exc:
        report_error(str(exc), "HostNameTaken")
        return EXIT_USAGE
    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    scheduler = Scheduler(
        on_result=report,
        holder=holder,
        claim_due_only=True,
        lease_ttl=ttl,
        held_retry=ttl / 3,
        wait_cap=min(30.0, ttl.total_seconds() / 3),
    )
    scheduler.start()
    print(f"Engine host {name} synchronizing; SIGTERM or Ctrl+C stops it.", flush=True)
    key_lost = False
    try:
        key_lost = _beat_until(stop, name, holder, ttl, scheduler)
    finally:
        print("Stopping: waiting for the cycles in progress…", flush=True)
        finished = scheduler.stop()
        released = _release(name, holder)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print(f"Stopped; released {released} leases.", flush=True)
    return EXIT_OK if finished and not key_lost else EXIT_FAILED


def _beat_until(stop: threading.Event, name: str, holder: str, ttl: timedelta, scheduler: Scheduler) -> bool:
    """Beat every third of the lease time until stopped; while the database fails, retry with a
    growing back-off (1 s, 2 s, … up to a third of the lease time) and say so once per failure run.
    A host that no longer holds the data key of the passwords (rotated on another host) stops:
    True then."""
    from app.store import fleet, secret_vault
    from app.store.base import database

    every = ttl.total_seconds() / 3
    wait, failing = every, False
    while not stop.wait(wait):
        try:
            if not fleet.beat(name, holder, ttl):
                log.error("host %s: its name was taken over by another host (silent too long); stopping", name)
                stop.set()
                return False
            problem = secret_vault.host_problem()
            if problem is not None:
                log.error("host %s: stopping: %s", name, problem)
                stop.set()
                return True
            if failing:
                log.info("host %s: the database answers again", name)
                scheduler.resume()
            wait, failing = every, False
        except Exception as exc:  # noqa: BLE001 - the database lost: its leases run out, the others take over
            if not failing:
                log.warning("host %s: heartbeat failed, retrying with back-off: %s", name, exc)
                scheduler.pause()  # no new claims until it answers again
            wait = 1.0 if not failing else min(every, wait * 2)
            failing = True
            try:
                database.close()
            except Exception:
                log.debug("closing the broken connection failed", exc_info=True)
    return False


def _release(name: str, holder: str) -> int:
    from app.store import fleet

    try:
        return fleet.stop(name, holder)
    except Exception as exc:  # noqa: BLE001 - the database gone: the leases expire by themselves
        log.warning("host %s: could not release its leases (they expire by themselves): %s", name, exc)
        return 0
