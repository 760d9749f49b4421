"""``python -m app test-profile NAME [--json]``: Test & Enable every mailbox of a profile, at
most the profile's maximum connections at once.

Exit code 0 when every mailbox passed, 1 when one failed, 2 when the profile does not exist or
the store cannot be opened."""

from __future__ import annotations

import argparse
import json

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, find_profile, open_store
from app.cli.diagnose import passed, report_json

NAME = "test-profile"
HELP = "run Test & Enable for every mailbox of an email server profile"
DEMO = "server"  # with --demo: the demo store, the loopback server running


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the profile's name")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")


def run(args: argparse.Namespace) -> int:
    if not open_store(as_json=args.json):
        return EXIT_USAGE
    profile = find_profile(args.name, as_json=args.json)
    if profile is None:
        return EXIT_USAGE
    from app.diagnostics.bulk import run_profile_test

    reports = run_profile_test(profile.id)
    if args.json:
        print(json.dumps([report_json(r) for r in reports], indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(r.as_text() for r in reports) or "The profile has no mailboxes.")
    return EXIT_OK if all(passed(r) for r in reports) else EXIT_FAILED
