"""``python -m app sync --once [--mailbox ADDRESS]``: one cycle of every enabled workload, headless.

Prints one line per mailbox and workload (created/updated/deleted, or the failure; for a store
that is busy, damaged or read-only also what to do). Exit code 0 when every cycle succeeded (or
there was nothing to sync), 1 when one failed, 2 when the store cannot be opened, the mailbox
does not exist, or this host lacks the data key of a shared database's passwords.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, find_mailbox, holds_data_key, open_store

NAME = "sync"
HELP = "run one synchronization cycle of every enabled mailbox workload and print a summary"
DEMO = "server"  # with --demo: the demo store, the loopback server running


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--once",
        action="store_true",
        required=True,
        help="run one cycle and exit (use the 'run' command to keep syncing)",
    )
    parser.add_argument("--mailbox", metavar="ADDRESS", help="only this mailbox")


def run(args: argparse.Namespace) -> int:
    if not open_store() or not holds_data_key():
        return EXIT_USAGE
    from app.store.db import StoreError, is_store_failure
    from app.sync.scheduler import Scheduler

    mailbox_ids = None
    if args.mailbox:
        mailbox = find_mailbox(args.mailbox)
        if mailbox is None:
            return EXIT_USAGE
        mailbox_ids = [mailbox.id]
    try:
        results = Scheduler().run_once(mailbox_ids)
    except StoreError as exc:  # the schedule itself could not be read: nothing ran
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    if not results:
        print("Nothing to synchronize: no approved mailbox has an enabled server-side workload.")
        return EXIT_OK
    for result in sorted(results, key=lambda r: (r.email, r.workload.value)):
        failure = result.failure
        # a store failure (busy, damaged, read-only) is the same for every cycle: what to do, on its line
        advice = f" {failure.next_step}" if failure is not None and is_store_failure(failure) else ""
        print(result.summary() + advice)
    failed = sum(1 for r in results if not r.ok)
    print(f"{len(results) - failed} of {len(results)} cycles succeeded.")
    return EXIT_OK if failed == 0 else EXIT_FAILED
