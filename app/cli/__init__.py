"""Command line: ``python -m app`` opens the window; sub-commands run headless work."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from app import APP_NAME, __version__

# The sub-command modules, in the order `--help` lists them. Each has NAME, HELP,
# add_arguments(parser) and run(args) -> exit code; it imports what its work needs inside run(), so
# `--help` stays light. They are imported only when the command line names a command (or asks for
# help): ``python -m app`` alone, or with only the window's options, opens the window without them.
COMMAND_MODULES = (
    "simulator",
    "diagnose_mailbox",
    "diagnose_profile",
    "screenshots",
    "sync",
    "run",
    "status",
    "keys",
    "store",
    "repair",
    "config",
    "mailbox",
    "profile",
    "alerts",
    "self_check",
)
# the options the window itself takes: whether each takes a value
WINDOW_OPTIONS = {"--demo": False, "--database": True, "--lang": True, "-v": False, "--verbose": False}


def commands() -> tuple[ModuleType, ...]:
    """The sub-command modules, imported."""
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in COMMAND_MODULES)


def __getattr__(name: str) -> tuple[ModuleType, ...]:
    if name == "COMMANDS":  # app.cli.COMMANDS: the modules, imported when asked for
        return commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


EXIT_CODES = """exit codes:
  0  done: every test passed, every cycle succeeded
  1  the work ran and something failed (a Test & Enable step, a sync cycle, a layout check)
  2  nothing ran: bad arguments, unknown mailbox or profile, or the store cannot be opened
  130  interrupted (Ctrl+C)"""
EXIT_INTERRUPTED = 130  # as shells report a program ended by Ctrl+C (128 + SIGINT)


def window_parser() -> argparse.ArgumentParser:
    """The parser of the options that are not a command's: all that opening the window needs."""
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
    parser.set_defaults(command=None)
    return parser


def build_parser(modules: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    """The whole command line: the window's options and every command's."""
    parser = window_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands() if modules is None else modules:
        command.add_arguments(
            subparsers.add_parser(
                command.NAME,
                help=command.HELP,
                description=command.HELP,
                epilog=EXIT_CODES,
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
        )
    return parser


def window_only(argv: Sequence[str]) -> bool:
    """Whether *argv* holds nothing but the window's own options, each well formed: then the
    window's parser reads it as the whole one would. Anything else — a command, ``--help``,
    ``--version``, an abbreviation, an unknown or malformed option — goes to the whole parser."""
    rest = list(argv)
    while rest:
        name, equals, _ = rest.pop(0).partition("=")
        takes_value = WINDOW_OPTIONS.get(name)
        if takes_value is None or (equals and not takes_value):
            return False
        if takes_value and not equals:
            if not rest or rest[0].startswith("-"):
                return False  # the whole parser says what is missing
            rest.pop(0)
    return True


def window_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """What the window's parser would read from *argv*, which ``window_only`` accepted, read
    without building it (argparse looks its messages' translations up on disk as it is built:
    milliseconds the first window waits for)."""
    values: dict[str, object] = {"demo": False, "database": None, "lang": None, "verbose": False, "command": None}
    rest = list(argv)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if WINDOW_OPTIONS[name]:
            values[name.lstrip("-")] = value if equals else rest.pop(0)
        else:
            values["verbose" if name == "-v" else name.lstrip("-")] = True
    return argparse.Namespace(**values)


def _ensure_streams() -> None:
    """A windowed build on Windows starts with no stdout or stderr (None): printing would raise.
    Send what it prints nowhere; the exit code still tells."""
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115  (lives as long as the process)


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_streams()
    arguments = sys.argv[1:] if argv is None else list(argv)
    modules: tuple[ModuleType, ...] = ()
    parser: argparse.ArgumentParser | None
    if window_only(arguments):  # the window: no command's module is imported, no parser built
        parser = None
        args = window_arguments(arguments)
    else:
        modules = commands()
        parser = build_parser(modules)
        args = parser.parse_args(arguments)
    chosen = next((c for c in modules if args.command == c.NAME), None)
    if args.database:
        import os

        from app.paths import DATABASE_ENV
        from app.store.backends import is_url

        if not is_url(args.database):
            (parser or window_parser()).print_usage(sys.stderr)
            print("--database takes a PostgreSQL URL: postgresql://user@host:port/name", file=sys.stderr)
            return 2
        os.environ[DATABASE_ENV] = args.database
    if args.demo:
        from app.cli import demo_mode

        refused = demo_mode.refusal(chosen, modules) if chosen is not None else None
        if refused:
            (parser or window_parser()).print_usage(sys.stderr)
            print(refused, file=sys.stderr)
            return 2
        from app.demo import prepare_demo_home

        prepare_demo_home()  # before the log file is opened: the demo logs into its own home

    import logging

    from app.log import logging_problem, setup_logging

    window = args.command is None
    # the window's log file rotates once it has painted (app.log.rotate_log_file): logging.handlers later
    setup_logging(logging.DEBUG if args.verbose else logging.INFO, console=not window, rotate=not window)
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
