"""Command line: ``python -m app`` opens the window; sub-commands run headless work."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

import importlib

from app import APP_NAME, __version__

# sub-command name -> module with HELP, add_arguments(parser), run(args)
_COMMANDS: dict[str, str] = {
    "simulator": "app.simulator.cli",
    "test-mailbox": "app.exchange.cmd_test_mailbox",
    "test-profile": "app.exchange.cmd_test_profile",
    "screenshots": "app.gui.screenshots.render",
    "sync": "app.sync.cmd_sync",
    "run": "app.sync.cmd_run",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description=f"{APP_NAME}: keeps Exchange mailboxes in sync with a local store. "
        "Without a command, opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in loopback Exchange server and open the app on demo data",
    )
    parser.add_argument("--lang", metavar="CODE", help="user-interface language (en, ja)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages too")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Each sub-command module offers add_arguments(parser) and run(args) -> exit code.
    for name, module in _COMMANDS.items():
        mod = importlib.import_module(module)
        mod.add_arguments(commands.add_parser(name, help=mod.HELP, description=mod.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    import logging

    from app.log import setup_logging

    setup_logging(logging.DEBUG if args.verbose else logging.INFO, console=args.command is not None)

    if args.command:
        return importlib.import_module(_COMMANDS[args.command]).run(args)

    from app.gui.application import run_gui

    return run_gui(demo=args.demo, lang=args.lang)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
