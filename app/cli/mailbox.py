"""``python -m app mailbox list | show | approve | set | enable | disable | activate | deactivate | test``.

Each action works on a selection: addresses, or ``--all``, ``--failing``, ``--pending`` (awaiting
approval), ``--profile NAME`` (several of these narrow each other down). They use the same store
functions as the window's Mailboxes page (``app.store.manage``): a change that would leave a
mailbox invalid is refused for all of them, nothing written. ``test`` runs Test & Enable for the
selection, each profile's maximum connections respected, as the window does.

Exit code 0 when done, 1 when refused or a test failed, 2 when nothing ran (unknown address or
profile, no selection, the store cannot be opened).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, open_store, report_error

if TYPE_CHECKING:
    from app.store.queries import MailboxRow

NAME = "mailbox"
HELP = "list, show, approve, change, enable, disable or Test & Enable mailboxes (many at once)"
DEMO = "server"  # with --demo: the demo store, the loopback server running (test needs it)

WORKLOADS = ("incoming", "outgoing", "act")
METHODS = ("server_side", "outlook", "none")


def add_selection(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("addresses", nargs="*", metavar="ADDRESS", help="mailbox email addresses")
    parser.add_argument("--all", action="store_true", help="every mailbox")
    parser.add_argument("--failing", action="store_true", help="mailboxes whose status is Failure or Warning")
    parser.add_argument("--pending", action="store_true", help="mailboxes whose email address awaits approval")
    parser.add_argument("--profile", metavar="NAME", help="mailboxes of this email server profile")
    parser.add_argument("--json", action="store_true", help="print the result (or the error) as JSON")
    parser.set_defaults(selection_required=required)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list mailboxes (all of them without a selection)")
    add_selection(listing, required=False)
    listing.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet)")
    add_selection(actions.add_parser("show", help="every detail of the selected mailboxes"))
    add_selection(actions.add_parser("approve", help="approve the email addresses"))
    change = actions.add_parser("set", help="change sync methods, profile or owner")
    add_selection(change)
    for workload in WORKLOADS:
        change.add_argument(f"--{workload}", choices=METHODS, help=f"the {_workload_name(workload)} method")
    change.add_argument("--to-profile", metavar="NAME", help="move to this email server profile")
    change.add_argument("--owner", metavar="user:KEY|queue:KEY", help="the owner (by email address, or name)")
    for verb, text in (("enable", "turn server-side sync on"), ("disable", "turn server-side sync off")):
        sub = actions.add_parser(verb, help=f"{text} (every workload, or those named with --workload)")
        add_selection(sub)
        sub.add_argument("--workload", choices=WORKLOADS, action="append", help="incoming, outgoing or act")
    add_selection(actions.add_parser("activate", help="synchronize again (after deactivate)"))
    add_selection(actions.add_parser("deactivate", help="stop synchronizing (settings and records kept)"))
    add_selection(actions.add_parser("test", help="Test & Enable (each profile's maximum connections respected)"))


def _workload_name(workload: str) -> str:
    return {"incoming": "incoming email", "outgoing": "outgoing email", "act": "appointments, contacts and tasks"}[
        workload
    ]


def select(args: argparse.Namespace) -> list[MailboxRow] | None:
    """The selected mailboxes, or None after saying why (unknown address or profile, nothing chosen)."""
    from app.domain.enums import ApprovalStatus
    from app.store import queries

    filters = args.all or args.failing or args.pending or args.profile is not None
    if not args.addresses and not filters and args.selection_required:
        report_error(
            "Name the mailboxes: addresses, or --all, --failing, --pending, --profile NAME.",
            "NoSelection",
            as_json=args.json,
        )
        return None
    rows = queries.mailbox_rows()
    if args.profile is not None:
        from app.cli.common import find_profile

        profile = find_profile(args.profile, as_json=args.json)
        if profile is None:
            return None
        rows = [r for r in rows if r.profile_id == profile.id]
    if args.addresses:
        by_address = {r.email.lower(): r for r in rows}
        unknown = [a for a in args.addresses if a.strip().lower() not in by_address]
        if unknown:
            report_error(
                f"No mailbox with the address {', '.join(unknown)}.",
                "UnknownMailbox",
                as_json=args.json,
                unknown=unknown,
            )
            return None
        rows = [by_address[a.strip().lower()] for a in dict.fromkeys(args.addresses)]
    if args.failing:
        rows = [r for r in rows if r.failing]
    if args.pending:
        rows = [r for r in rows if r.approval is ApprovalStatus.PENDING]
    return rows


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def row_json(row: MailboxRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "email": row.email,
        "owner": {row.owner_kind.value: row.owner_name},
        "profile": row.profile_name or None,
        "approval": row.approval.value,
        "status": row.status.value,
        "failing": row.failing,
        "active": row.synchronized,
        "open_alerts": row.open_alerts,
        "workloads": {
            workload: {
                "method": getattr(row, f"{workload}_method").value,
                "status": getattr(row, f"{workload}_status").value,
                "enabled": getattr(row, f"{workload}_enabled"),
            }
            for workload in WORKLOADS
        },
        "last_test": _time(row.test_completed_on),
        "last_sync": _time(row.last_sync_success_on),
        "next_sync": _time(row.next_sync_on),
    }


def _print_rows(rows: list[MailboxRow], args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps([row_json(r) for r in rows], indent=2, ensure_ascii=False))
        return
    if getattr(args, "csv", False):
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["email", "name", "profile", "approval", "status", "open_alerts", "last_test", "last_sync"])
        for r in rows:
            writer.writerow(
                [
                    r.email,
                    r.name,
                    r.profile_name,
                    r.approval.value,
                    r.status.value,
                    r.open_alerts,
                    _time(r.test_completed_on) or "",
                    _time(r.last_sync_success_on) or "",
                ]
            )
        return
    if not rows:
        print("No mailboxes.")
        return
    width = max(len(r.email) for r in rows)
    for r in rows:
        flags = "" if r.synchronized else "  (deactivated)"
        alerts = f"  {r.open_alerts} open alert(s)" if r.open_alerts else ""
        print(
            f"{r.email:<{width}}  {r.status.value:<8}  {r.approval.value:<9}  {r.profile_name or '(no profile)'}"
            f"{alerts}{flags}"
        )


def _show(rows: list[MailboxRow], args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps([row_json(r) for r in rows], indent=2, ensure_ascii=False))
        return
    for r in rows:
        data = row_json(r)
        print(f"{r.name} <{r.email}>")
        for key in ("owner", "profile", "approval", "status", "active", "open_alerts", "last_test", "last_sync"):
            value = data[key]
            if key == "owner":
                value = f"{r.owner_kind.value} {r.owner_name}"
            print(f"  {key.replace('_', ' ')}: {value}")
        for workload, values in data["workloads"].items():
            state = "enabled" if values["enabled"] else "not enabled"
            print(f"  {_workload_name(workload)}: {values['method']}, {values['status']}, {state}")


def _done(action: str, changed: int, rows: list[MailboxRow], args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps({"action": action, "selected": len(rows), "changed": changed}))
    else:
        print(f"{action}: {changed} of {len(rows)} mailbox(es) changed.")
    return EXIT_OK


def _refused(exc: Exception, args: argparse.Namespace) -> int:
    from app.store.manage import ChangeRefused

    problems = exc.problems if isinstance(exc, ChangeRefused) else []
    report_error(
        f"Refused, nothing changed: {exc}",
        "ChangeRefused",
        as_json=args.json,
        problems=[{"mailbox": p.mailbox_name, "issues": [str(i) for i in p.issues]} for p in problems],
    )
    return EXIT_FAILED


def _owner(text: str, args: argparse.Namespace) -> tuple[str, int] | None:
    from app.domain.config_document import owner_key
    from app.store.models import Queue, SystemUser

    kind, _, key = text.partition(":")
    if kind not in ("user", "queue") or not key:
        report_error(
            "--owner takes user:KEY or queue:KEY (an email address, or a name).", "BadOwner", as_json=args.json
        )
        return None
    owners: list[tuple[int, str, str | None]] = [
        (o.id, o.name, o.email) for o in (SystemUser.select() if kind == "user" else Queue.select())
    ]
    found = next((o for o in owners if owner_key(o[1], o[2]) == owner_key(key, None)), None)
    found = found or next((o for o in owners if o[1] == key.strip()), None)
    if found is None:
        report_error(f"No {kind} {key}.", "UnknownOwner", as_json=args.json)
        return None
    return kind, found[0]


def _set(rows: list[MailboxRow], args: argparse.Namespace) -> int:
    from app.domain.enums import OwnerKind, SyncMethod
    from app.domain.validation import ValidationError
    from app.store import repo
    from app.store.base import database
    from app.store.manage import ChangeRefused, MailboxProblem
    from app.store.models import Mailbox

    profile_id = None
    if args.to_profile:
        from app.cli.common import find_profile

        profile = find_profile(args.to_profile, as_json=args.json)
        if profile is None:
            return EXIT_USAGE
        profile_id = profile.id
    owner = _owner(args.owner, args) if args.owner else None
    if args.owner and owner is None:
        return EXIT_USAGE
    methods = {w: SyncMethod(getattr(args, w)) for w in WORKLOADS if getattr(args, w)}
    if not methods and profile_id is None and owner is None:
        report_error(
            "Say what to change: --incoming, --outgoing, --act, --to-profile or --owner.",
            "NothingToSet",
            as_json=args.json,
        )
        return EXIT_USAGE
    problems = []
    changed = 0
    with database.atomic() as transaction:
        for row in rows:
            mailbox = Mailbox.get_by_id(row.id)
            settings = repo.mailbox_settings(mailbox)
            before = settings.__dict__.copy()
            for workload, method in methods.items():
                setattr(settings, f"{workload}_method", method)
            if profile_id is not None:
                settings.profile_id = profile_id
            if owner is not None:
                settings.owner_kind, settings.owner_id = OwnerKind(owner[0]), owner[1]
            if settings.__dict__ == before:
                continue
            try:
                repo.save_mailbox(settings, mailbox=mailbox)  # validated as the editor's Save does
                changed += 1
            except ValidationError as exc:
                problems.append(MailboxProblem(row.id, row.name, tuple(exc.issues)))
        if problems:
            transaction.rollback()
    if problems:
        return _refused(ChangeRefused(problems), args)
    return _done("set", changed, rows, args)


def _test(rows: list[MailboxRow], args: argparse.Namespace) -> int:
    from app.diagnostics.bulk import run_mailboxes_test

    def progress(done: int, total: int, _report: object) -> None:
        if not args.json:
            print(f"  {done} of {total} tested", file=sys.stderr)

    reports = run_mailboxes_test([r.id for r in rows], progress=progress)
    failed = [r for r in reports if r.status.value != "success"]
    names = {r.id: r.email for r in rows}
    if args.json:
        print(
            json.dumps(
                [{"email": names.get(r.mailbox_id), "status": r.status.value} for r in reports],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for report in reports:
            print(f"{names.get(report.mailbox_id)}: {report.status.value}")
        print(f"Test & Enable: {len(reports) - len(failed)} of {len(reports)} passed.")
    return EXIT_FAILED if failed else EXIT_OK


def run(args: argparse.Namespace) -> int:
    if not open_store(as_json=args.json):
        return EXIT_USAGE
    rows = select(args)
    if rows is None:
        return EXIT_USAGE
    if args.action == "list":
        _print_rows(rows, args)
        return EXIT_OK
    if args.action == "show":
        _show(rows, args)
        return EXIT_OK
    if args.action == "set":
        return _set(rows, args)
    if args.action == "test":
        return _test(rows, args)
    from app.domain.enums import Workload
    from app.store import manage

    ids = [r.id for r in rows]
    try:
        if args.action == "approve":
            changed = manage.approve_mailboxes(ids)
        elif args.action in ("enable", "disable"):
            workloads = [Workload(w) for w in (args.workload or WORKLOADS)]
            changed = manage.set_sync(ids, workloads, args.action == "enable")
        else:
            changed = manage.set_mailboxes_active(ids, args.action == "activate")
    except manage.ChangeRefused as exc:
        return _refused(exc, args)
    return _done(args.action, changed, rows, args)
