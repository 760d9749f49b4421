"""``python -m app alerts list [--level L] [--since WHEN] [--mailbox ADDRESS] [--open] [--unread]``
and ``alerts mark-read [ID...] [--all] [--mailbox ADDRESS]``: the alerts, from the shell.

``--since`` takes a date and time (ISO 8601) or a span back from now: 90m, 24h, 7d. Exit code 0
when done, 2 when nothing ran (unknown mailbox, a bad --since, the store cannot be opened).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import datetime, timedelta, timezone

from app.cli.common import EXIT_OK, EXIT_USAGE, find_mailbox, open_store, report_error

NAME = "alerts"
HELP = "list alerts (by level, age, mailbox) or mark them read"
DEMO = "home"  # with --demo: the demo's store
LEVELS = ("error", "warning", "information")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="alerts, newest first")
    listing.add_argument("--level", choices=LEVELS, action="append", help="only these levels (repeatable)")
    listing.add_argument("--since", metavar="WHEN", help="updated since: ISO 8601, or 90m, 24h, 7d back from now")
    listing.add_argument("--mailbox", metavar="ADDRESS", help="only this mailbox's")
    listing.add_argument("--open", action="store_true", help="only alerts whose condition has not recovered")
    listing.add_argument("--unread", action="store_true", help="only unread alerts")
    listing.add_argument("--json", action="store_true", help="print the result (or the error) as JSON")
    mark = actions.add_parser("mark-read", help="mark alerts read: by id, a mailbox's, or all")
    mark.add_argument("ids", nargs="*", type=int, metavar="ID")
    mark.add_argument("--all", action="store_true", help="every alert")
    mark.add_argument("--mailbox", metavar="ADDRESS", help="every alert of this mailbox")
    mark.add_argument("--json", action="store_true", help="print the result (or the error) as JSON")


def parse_since(text: str, now: datetime | None = None) -> datetime | None:
    now = now or datetime.now(timezone.utc)
    span = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", text)
    if span:
        amount, unit = int(span.group(1)), span.group(2)
        return now - timedelta(**{{"m": "minutes", "h": "hours", "d": "days"}[unit]: amount})
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.astimezone()  # a local time, as typed


def run(args: argparse.Namespace) -> int:
    if not open_store(as_json=args.json):
        return EXIT_USAGE
    from app.store import queries

    mailbox_id = None
    if args.mailbox:
        mailbox = find_mailbox(args.mailbox, as_json=args.json)
        if mailbox is None:
            return EXIT_USAGE
        mailbox_id = mailbox.id
    rows = queries.alert_rows(mailbox_id=mailbox_id)
    if args.action == "mark-read":
        if not (args.ids or args.all or args.mailbox):
            report_error("Name the alerts: ids, --mailbox ADDRESS or --all.", "NoSelection", as_json=args.json)
            return EXIT_USAGE
        ids = [r.id for r in rows] if (args.all or args.mailbox) else args.ids
        changed = queries.mark_alerts_read(ids)
        print(json.dumps({"marked_read": changed}) if args.json else f"{changed} alert(s) marked read.")
        return EXIT_OK
    if args.since:
        since = parse_since(args.since)
        if since is None:
            report_error(
                f"--since {args.since}: give a date and time (ISO 8601) or 90m, 24h, 7d.", "BadSince", as_json=args.json
            )
            return EXIT_USAGE
        rows = [r for r in rows if r.updated_on >= since]
    if args.level:
        rows = [r for r in rows if r.level.value in args.level]
    if args.open:
        rows = [r for r in rows if r.is_open]
    if args.unread:
        rows = [r for r in rows if not r.is_read]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "level": r.level.value,
                        "mailbox": r.mailbox_name or None,
                        "profile": r.profile_name or None,
                        "workload": r.workload.value if r.workload else None,
                        "code": r.error_code,
                        "message": r.message,
                        "next_step": r.next_step,
                        "occurrences": r.occurrences,
                        "open": r.is_open,
                        "read": r.is_read,
                        "created": r.created_on.isoformat(),
                        "updated": r.updated_on.isoformat(),
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    if not rows:
        print("No alerts.")
    for r in rows:
        where = r.mailbox_name or r.profile_name
        state = "open" if r.is_open else "resolved"
        print(f"#{r.id} {r.updated_on:%Y-%m-%d %H:%M} {r.level.value:<11} {where}: {r.message} ({state})")
    return EXIT_OK
