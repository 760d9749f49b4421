"""``python -m app test-mailbox ADDRESS [--json]``: Test & Enable one mailbox from the shell.

Exit code 0 when every tested workload passed, 1 when a step failed, 2 when the mailbox does not
exist or the store cannot be opened."""

from __future__ import annotations

import argparse
import json

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, find_mailbox, open_store
from app.cli.diagnose import passed, report_json

NAME = "test-mailbox"
HELP = "run Test & Enable for one mailbox and print the step report"
DEMO = "server"  # with --demo: the demo store, the loopback server running


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", help="the mailbox's email address")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    if not open_store(as_json=args.json):
        return EXIT_USAGE
    mailbox = find_mailbox(args.address, as_json=args.json)
    if mailbox is None:
        return EXIT_USAGE
    from app.diagnostics.steps import run_mailbox_test

    report = run_mailbox_test(mailbox.id)
    print(json.dumps(report_json(report), indent=2, ensure_ascii=False) if args.json else report.as_text())
    return EXIT_OK if passed(report) else EXIT_FAILED
