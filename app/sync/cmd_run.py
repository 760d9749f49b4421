"""``python -m app run``: keep every enabled mailbox in sync until stopped (Ctrl+C or SIGTERM).

A stop lets the cycles in progress finish (each bounded by the profile's timeout), then exits 0.
Each finished cycle is printed as one line, so a supervisor (or a test) can follow along.
"""
from __future__ import annotations

import signal
import sys
import threading

HELP = "keep synchronizing every enabled mailbox until stopped (Ctrl+C)"


def add_arguments(parser) -> None:
    parser.add_argument("--quiet", action="store_true", help="do not print a line per finished cycle")


def run(args) -> int:
    from app.sync.cmd_sync import open_store

    if not open_store():
        return 2
    from app.sync.scheduler import Scheduler

    stop = threading.Event()
    print_lock = threading.Lock()

    def report(result) -> None:
        if not args.quiet:
            with print_lock:
                print(result.summary(), flush=True)

    def request_stop(signum, _frame) -> None:
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
    return 0 if finished else 1
