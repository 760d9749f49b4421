"""``python -m app test-mailbox ADDRESS`` / ``test-profile NAME``: Test & Enable from the shell.

Exit code 0 only when every tested workload passed; 1 when a test failed; 2 when the mailbox or
profile does not exist or the store cannot be opened.
"""
from __future__ import annotations

import json
import sys

from app.domain.enums import RunStatus


def _report_json(report) -> dict:
    return {
        "mailbox": report.email,
        "status": report.status.value,
        "workloads": {w.value: s.value for w, s in report.workloads.items()},
        "started_on": report.started_on.isoformat(),
        "finished_on": report.finished_on.isoformat() if report.finished_on else None,
        "steps": [
            {"name": s.name, "title": s.title, "workload": s.workload.value if s.workload else None,
             "status": s.status.value, "duration_ms": round(s.duration_ms, 1), "message": s.message,
             "code": s.failure.code if s.failure else None,
             "next_step": s.failure.next_step if s.failure else None, "details": s.details}
            for s in report.steps
        ],
    }


def _open_store() -> bool:
    from app import paths
    from app.store.db import StoreError, open_database

    try:
        open_database(paths.database_path())
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return False
    return True


def _passed(report) -> bool:
    return report.status is RunStatus.SUCCESS


class DiagnoseMailboxCommand:
    HELP = "run Test & Enable for one mailbox and print the step report"

    @staticmethod
    def add_arguments(parser) -> None:
        parser.add_argument("address", help="the mailbox's email address")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    @staticmethod
    def run(args) -> int:
        if not _open_store():
            return 2
        from app.diagnostics.steps import run_mailbox_test
        from app.store.models import Mailbox

        mailbox = Mailbox.get_or_none(Mailbox.email == args.address.strip().lower()) or Mailbox.get_or_none(
            Mailbox.email == args.address.strip())
        if mailbox is None:
            print(f"No mailbox with the address {args.address}.", file=sys.stderr)
            return 2
        report = run_mailbox_test(mailbox.id)
        print(json.dumps(_report_json(report), indent=2, ensure_ascii=False) if args.json else report.as_text())
        return 0 if _passed(report) else 1


class DiagnoseProfileCommand:
    HELP = "run Test & Enable for every mailbox of an email server profile"

    @staticmethod
    def add_arguments(parser) -> None:
        parser.add_argument("name", help="the profile's name")
        parser.add_argument("--json", action="store_true", help="print the reports as JSON")

    @staticmethod
    def run(args) -> int:
        if not _open_store():
            return 2
        from app.diagnostics.steps import run_profile_test
        from app.store.models import ServerProfile

        profile = ServerProfile.get_or_none(ServerProfile.name == args.name.strip())
        if profile is None:
            print(f"No email server profile named “{args.name}”.", file=sys.stderr)
            return 2
        reports = run_profile_test(profile.id)
        if args.json:
            print(json.dumps([_report_json(r) for r in reports], indent=2, ensure_ascii=False))
        else:
            print("\n\n".join(r.as_text() for r in reports) or "The profile has no mailboxes.")
        return 0 if all(_passed(r) for r in reports) else 1
