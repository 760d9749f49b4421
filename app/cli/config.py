"""``python -m app config export [--out FILE]`` and ``config import FILE [--dry-run] [--secrets FILE]``.

Export writes the whole configuration (settings, profiles, users with their options and sync
filters, queues, mailboxes) as one JSON document, never a secret (docs/scripting.md,
docs/config-schema.json). Import checks everything first and lists every problem with its JSON
path; then it applies all of it in one transaction, or nothing. Passwords come from ``--secrets
FILE`` (read once, copied nowhere but the keyring) or, at a terminal, from a prompt.

Exit code 0 when exported or imported (or, with ``--dry-run``, when the import would work), 1 when
the document or the secrets were refused (nothing imported), 2 when nothing could run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, open_store, report_error

NAME = "config"
HELP = "export the configuration to JSON, or import it (checked whole first; all of it or nothing)"
DEMO = "home"  # with --demo: the demo's store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the configuration as JSON (no secret in it)")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    load = actions.add_parser("import", help="check a configuration file, then apply it whole or not at all")
    load.add_argument("file", metavar="FILE", help="a file written by config export (- reads standard input)")
    load.add_argument("--dry-run", action="store_true", help="say what would be created, changed or left alone")
    load.add_argument(
        "--secrets",
        metavar="FILE",
        help='passwords as JSON: {"profiles": {NAME: {"password": ...}}, "mailboxes": {ADDRESS: {"password": ...}}}',
    )
    for sub in (export, load):
        sub.add_argument("--json", action="store_true", help="print the result (or the errors) as JSON")


def run(args: argparse.Namespace) -> int:
    if not open_store(as_json=args.json):
        return EXIT_USAGE
    return _export(args) if args.action == "export" else _import(args)


def _export(args: argparse.Namespace) -> int:
    from app.store.config_io import export_document

    text = json.dumps(export_document(), indent=2, ensure_ascii=False) + "\n"
    if not args.out:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.out).write_text(text, encoding="utf-8")
    except OSError as exc:
        report_error(f"Cannot write {args.out}: {exc.strerror or exc}", "CannotWrite", as_json=args.json)
        return EXIT_USAGE
    if args.json:
        print(json.dumps({"exported": str(Path(args.out).resolve())}))
    else:
        print(f"Exported the configuration to {args.out}", file=sys.stderr)
    return EXIT_OK


def _read(path: str, *, as_json: bool) -> str | None:
    try:
        return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report_error(f"Cannot read {path}: {getattr(exc, 'strerror', None) or exc}", "CannotRead", as_json=as_json)
        return None


def _ask(what: str) -> str | None:
    import getpass

    try:
        return getpass.getpass(f"Password ({what}): ") or None
    except (EOFError, KeyboardInterrupt):
        return None


def _import(args: argparse.Namespace) -> int:
    from app.domain import config_document
    from app.store.config_io import Secrets, apply_import, plan_import

    text = _read(args.file, as_json=args.json)
    if text is None:
        return EXIT_USAGE
    document, problems = config_document.parse(text)
    given: Secrets | None = None
    if args.secrets:
        secrets_text = _read(args.secrets, as_json=args.json)
        if secrets_text is None:
            return EXIT_USAGE
        try:
            given, secret_problems = Secrets.parse(json.loads(secrets_text))
        except ValueError as exc:
            given, secret_problems = (
                Secrets(from_file=True),
                [config_document.Problem("secrets:$", f"is not JSON: {exc}")],
            )
        del secrets_text
        problems += secret_problems
    if problems:
        return _refused(problems, as_json=args.json)
    ask = _ask if given is None and sys.stdin.isatty() and not args.dry_run else None
    plan = plan_import(document, given, ask)
    if not plan.ok:
        return _refused(plan.problems, as_json=args.json)
    if not args.dry_run:
        apply_import(plan)
    counts = plan.counts()
    if args.json:
        print(
            json.dumps(
                {
                    "dry_run": args.dry_run,
                    "counts": counts,
                    "changes": [
                        {"kind": c.kind, "key": c.key, "action": c.action, "fields": c.fields} for c in plan.changes
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for change in plan.changes:
        print(("would " if args.dry_run else "") + str(change))
    verb = "Would create" if args.dry_run else "Created"
    print(
        f"{verb} {counts['create']}, {'would change' if args.dry_run else 'changed'} {counts['change']}, "
        f"left alone {counts['unchanged']}"
        + (": nothing would change." if args.dry_run and not counts["create"] and not counts["change"] else ".")
    )
    return EXIT_OK


def _refused(problems: list, *, as_json: bool) -> int:
    if as_json:
        print(
            json.dumps(
                {
                    "error": f"The configuration was not imported: {len(problems)} problem(s).",
                    "code": "ConfigurationRefused",
                    "problems": [{"path": p.path, "rule": p.rule} for p in problems],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(f"The configuration was not imported: {len(problems)} problem(s). Nothing was changed.", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    return EXIT_FAILED
