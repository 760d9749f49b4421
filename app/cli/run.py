"""``python -m app run``: keep every enabled mailbox in sync until stopped (Ctrl+C or SIGTERM).

A stop lets the cycles in progress finish (each bounded by the profile's timeout), then exits 0.
Each finished cycle is printed as one line, so a supervisor (or a test) can follow along.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType
from typing import TYPE_CHECKING

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, open_store

if TYPE_CHECKING:
    from app.sync.scheduler import CycleResult

NAME = "run"
HELP = "keep synchronizing every enabled mailbox until stopped (Ctrl+C)"
DEMO = "server"  # with --demo: the demo store, the loopback server running


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="do not print a line per finished cycle")


def run(args: argparse.Namespace) -> int:
    if not open_store():
        return EXIT_USAGE
    from app.sync.scheduler import Scheduler

    stop = threading.Event()
    print_lock = threading.Lock()

    def report(result: CycleResult) -> None:
        if not args.quiet:
            with print_lock:
                print(result.summary(), flush=True)

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    scheduler = Scheduler(on_result=report)
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
