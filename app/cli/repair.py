"""``python -m app repair act --mailbox ADDRESS [--dry-run]``: remove the appointments, contacts and
tasks duplicated by two processes on one store (issue 10), in Exchange and in the store.

Prints, per kind, how many items the folder has, how many were duplicated and how many items and
records were removed, then each removed item (subject or name, and when). ``--dry-run`` changes
nothing and prints what would be removed. Exit code 0 when done (or nothing to repair), 1 when
something could not be removed, the mailbox could not be reached or another process is
synchronizing it, 2 when the store cannot be opened or the mailbox does not exist.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, find_mailbox, open_store

NAME = "repair"
HELP = "repair what a defect left behind: 'act' removes duplicated appointments, contacts and tasks"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what", choices=["act"], help="act: appointments, contacts and tasks duplicated by two processes on one store"
    )
    parser.add_argument("--mailbox", metavar="ADDRESS", required=True, help="the mailbox to repair")
    parser.add_argument("--dry-run", action="store_true", help="only report what would be removed")


def run(args: argparse.Namespace) -> int:
    if not open_store():
        return EXIT_USAGE
    mailbox = find_mailbox(args.mailbox)
    if mailbox is None:
        return EXIT_USAGE
    from app.exchange.connection import PreconditionFailed
    from app.exchange.errors import classify
    from app.sync.repair import RepairHeld, repair_act

    try:
        report = repair_act(mailbox, dry_run=args.dry_run)
    except RepairHeld as exc:
        print(exc, file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - the command's boundary: said as a classified failure
        failure = exc.failure if isinstance(exc, PreconditionFailed) else classify(exc)
        print(f"{mailbox.email}: {failure.code}: {failure.message}", file=sys.stderr)
        if failure.next_step:
            print(failure.next_step, file=sys.stderr)
        return EXIT_FAILED
    print("\n".join(report.lines()))
    return EXIT_FAILED if report.failed else EXIT_OK
