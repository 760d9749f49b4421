"""Command line: ``python -m app`` opens the window; sub-commands run headless work."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import APP_NAME, __version__
from app.cli import (
    alerts,
    config,
    diagnose_mailbox,
    diagnose_profile,
    keys,
    mailbox,
    profile,
    repair,
    run,
    screenshots,
    self_check,
    simulator,
    status,
    store,
    sync,
)

# Each sub-command module has NAME, HELP, add_arguments(parser) and run(args) -> exit code; it
# imports what its work needs inside run(), so `--help` and the window start stay light.
COMMANDS = (
    simulator,
    diagnose_mailbox,
    diagnose_profile,
    screenshots,
    sync,
    run,
    status,
    keys,
    store,
    repair,
    config,
    mailbox,
    profile,
    alerts,
    self_check,
)

EXIT_CODES = """exit codes:
  0  done: every test passed, every cycle succeeded
  1  the work ran and something failed (a Test & Enable step, a sync cycle, a layout check)
  2  nothing ran: bad arguments, unknown mailbox or profile, or the store cannot be opened
  130  interrupted (Ctrl+C)"""
EXIT_INTERRUPTED = 130  # as shells report a program ended by Ctrl+C (128 + SIGINT)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description=f"{APP_NAME}: keeps Exchange mailboxes in sync with a local store. "
        "Without a command, opens the main window.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="demo mode: the window on demo data, against the built-in loopback Exchange server. Before "
        "test-mailbox, test-profile, sync or run: the command works on the demo's data, the server running "
        "while it does; before store: on the demo's store",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a shared PostgreSQL database (postgresql://user@host/name) instead of this user's SQLite "
        "file, for the window and every command (also SSSM_DATABASE_URL)",
    )
    parser.add_argument("--lang", metavar="CODE", help="user-interface language (en, ja)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages too")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_arguments(
            commands.add_parser(
                command.NAME,
                help=command.HELP,
                description=command.HELP,
                epilog=EXIT_CODES,
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
        )
    return parser


def _ensure_streams() -> None:
    """A windowed build on Windows starts with no stdout or stderr (None): printing would raise.
    Send what it prints nowhere; the exit code still tells."""
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115  (lives as long as the process)


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    chosen = next((c for c in COMMANDS if args.command == c.NAME), None)
    if args.database:
        import os

        from app.paths import DATABASE_ENV
        from app.store.backends import is_url

        if not is_url(args.database):
            parser.print_usage(sys.stderr)
            print("--database takes a PostgreSQL URL: postgresql://user@host:port/name", file=sys.stderr)
            return 2
        os.environ[DATABASE_ENV] = args.database
    if args.demo:
        from app.cli import demo_mode

        refused = demo_mode.refusal(chosen, COMMANDS) if chosen is not None else None
        if refused:
            parser.print_usage(sys.stderr)
            print(refused, file=sys.stderr)
            return 2
        from app.demo import prepare_demo_home

        prepare_demo_home()  # before the log file is opened: the demo logs into its own home

    import logging

    from app.log import logging_problem, setup_logging

    setup_logging(logging.DEBUG if args.verbose else logging.INFO, console=args.command is not None)
    problem = logging_problem()
    if problem is not None:  # once, and the work goes on (the window shows it too)
        print(problem, file=sys.stderr)

    if chosen is not None:
        try:
            if args.demo:
                return demo_mode.run(chosen, args)
            result: int = chosen.run(args)
            return result
        except KeyboardInterrupt:  # Ctrl+C in a console, or Task Scheduler ending the task
            print("Interrupted.", file=sys.stderr)
            return EXIT_INTERRUPTED

    from app.gui.application import run_gui

    return run_gui(demo=args.demo, lang=args.lang)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
