"""``python -m app sync --once [--mailbox ADDRESS]``: one cycle of every enabled workload, headless.

Prints one line per mailbox and workload (created/updated/deleted, or the failure). Exit code 0
when every cycle succeeded (or there was nothing to sync), 1 when one failed, 2 when the store
cannot be opened or the mailbox does not exist.
"""
from __future__ import annotations

import sys

HELP = "run one synchronization cycle of every enabled mailbox workload and print a summary"


def add_arguments(parser) -> None:
    parser.add_argument("--once", action="store_true", required=True,
                        help="run one cycle and exit (use the 'run' command to keep syncing)")
    parser.add_argument("--mailbox", metavar="ADDRESS", help="only this mailbox")


def open_store() -> bool:
    from app import paths
    from app.store.db import StoreError, open_database

    try:
        open_database(paths.database_path())
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return False
    return True


def run(args) -> int:
    if not open_store():
        return 2
    from app.store.models import Mailbox
    from app.sync.scheduler import Scheduler

    mailbox_ids = None
    if args.mailbox:
        address = args.mailbox.strip()
        mailbox = Mailbox.get_or_none(Mailbox.email == address.lower()) or Mailbox.get_or_none(
            Mailbox.email == address)
        if mailbox is None:
            print(f"No mailbox with the address {address}.", file=sys.stderr)
            return 2
        mailbox_ids = [mailbox.id]
    results = Scheduler().run_once(mailbox_ids)
    if not results:
        print("Nothing to synchronize: no approved mailbox has an enabled server-side workload.")
        return 0
    for result in sorted(results, key=lambda r: (r.email, r.workload.value)):
        print(result.summary())
    failed = sum(1 for r in results if not r.ok)
    print(f"{len(results) - failed} of {len(results)} cycles succeeded.")
    return 0 if failed == 0 else 1
