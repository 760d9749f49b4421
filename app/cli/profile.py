"""``python -m app profile list | show NAME...``: the email server profiles, from the shell.

Exit code 0 when done, 2 when a profile does not exist or the store cannot be opened.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from app.cli.common import EXIT_OK, EXIT_USAGE, open_store, report_error

if TYPE_CHECKING:
    from app.store.queries import ProfileRow

NAME = "profile"
HELP = "list the email server profiles, or show one with its settings (never a password)"
DEMO = "home"  # with --demo: the demo's store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every profile: mailboxes, failing, last test, default")
    listing.add_argument("--json", action="store_true", help="print the result as JSON")
    show = actions.add_parser("show", help="a profile's settings and its mailboxes")
    show.add_argument("names", nargs="+", metavar="NAME")
    show.add_argument("--json", action="store_true", help="print the result (or the error) as JSON")


def _row_json(row: ProfileRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "default": row.is_default,
        "server_type": row.server_type.value,
        "auto_discover": row.auto_discover,
        "incoming_url": row.incoming_url or None,
        "credential_source": row.credential_source.value,
        "mailboxes": row.mailbox_count,
        "failing": row.failing_count,
        "last_test": row.last_test_on.isoformat() if row.last_test_on else None,
    }


def run(args: argparse.Namespace) -> int:
    if not open_store(as_json=args.json):
        return EXIT_USAGE
    from app.store import queries

    rows = queries.profile_rows()
    if args.action == "list":
        if args.json:
            print(json.dumps([_row_json(r) for r in rows], indent=2, ensure_ascii=False))
        elif not rows:
            print("No email server profiles.")
        for r in [] if args.json else rows:
            default = "  (default)" if r.is_default else ""
            print(f"{r.name}{default}: {r.mailbox_count} mailbox(es), {r.failing_count} failing")
        return EXIT_OK
    by_name = {r.name: r for r in rows}
    unknown = [n for n in args.names if n.strip() not in by_name]
    if unknown:
        report_error(f"No email server profile named {', '.join(unknown)}.", "UnknownProfile", as_json=args.json)
        return EXIT_USAGE
    from app.store.config_io import export_document

    settings = {p["name"]: p for p in export_document()["profiles"]}
    mailboxes = queries.mailbox_rows()
    shown = []
    for name in dict.fromkeys(n.strip() for n in args.names):
        row = by_name[name]
        shown.append(
            {
                **_row_json(row),
                "settings": settings[name],
                "mailbox_addresses": [m.email for m in mailboxes if m.profile_id == row.id],
            }
        )
    if args.json:
        print(json.dumps(shown, indent=2, ensure_ascii=False))
        return EXIT_OK
    for entry in shown:
        print(f"{entry['name']}{'  (default)' if entry['default'] else ''}")
        for key, value in entry["settings"].items():
            if key != "name":
                print(f"  {key.replace('_', ' ')}: {value}")
        print(
            f"  mailboxes ({entry['mailboxes']}, {entry['failing']} failing): {', '.join(entry['mailbox_addresses'])}"
        )
    return EXIT_OK
