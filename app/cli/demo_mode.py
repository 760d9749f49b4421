"""``python -m app --demo COMMAND``: a headless command on the demo's data.

A command module that declares ``DEMO = "server"`` (test-mailbox, test-profile, sync, run) runs
against the demo as the window does: the demo's own home and store, the loopback Exchange server
started for the command and stopped at its end, and the demo clock (minutes last a second).
``DEMO = "home"`` (store) only works on the demo's home. A command that declares neither refuses
``--demo`` (exit code 2) instead of quietly running on the user's own data.
"""

from __future__ import annotations

import argparse
import logging
from typing import Protocol

from app.cli.common import EXIT_USAGE, open_store, report_error

log = logging.getLogger(__name__)


class Command(Protocol):
    NAME: str

    def run(self, args: argparse.Namespace) -> int: ...


def demo_kind(command: object) -> str | None:
    """The command's demo mode: "server", "home", or None (it has none)."""
    kind = getattr(command, "DEMO", None)
    return kind if kind in ("server", "home") else None


def refusal(command: object, commands: tuple[object, ...]) -> str | None:
    """Why ``--demo`` cannot go with *command*, or None when it can."""
    if demo_kind(command) is not None:
        return None
    usable = ", ".join(getattr(c, "NAME", "") for c in commands if demo_kind(c) is not None)
    return f"--demo does not apply to the {getattr(command, 'NAME', '?')} command (it does to: {usable})."


def run(command: Command, args: argparse.Namespace) -> int:
    """Run *command* on the demo: its home (the caller has pointed SSSM_HOME there), and for
    DEMO = "server" its store opened, the loopback server started and the demo clock on; all of it
    undone at the end."""
    if demo_kind(command) != "server":
        return command.run(args)
    from app.demo import start_demo
    from app.domain import timeunit
    from app.store.db import StoreError, close_database

    as_json = bool(getattr(args, "json", False))
    if not open_store(as_json=as_json):  # the command's own open_store() then finds it open
        return EXIT_USAGE
    try:
        address = _demo_profile_address()
        try:
            environment = start_demo()
        except (StoreError, OSError) as exc:
            report_error(f"The demo could not start: {exc}", "DemoUnavailable", as_json=as_json)
            return EXIT_USAGE
        if environment.notice:
            log.warning(environment.notice)
        timeunit.use_demo_clock()
        try:
            return command.run(args)
        finally:
            timeunit.reset()
            environment.stop()
            _restore_demo_profile_address(address)
    finally:
        close_database()


def _demo_profile_address() -> tuple[str, int | None] | None:
    from app.demo import demo_profile

    profile = demo_profile()
    return (profile.incoming_url, profile.incoming_port) if profile is not None else None


def _restore_demo_profile_address(address: tuple[str, int | None] | None) -> None:
    """The demo profile points at the server the command started; put back the address it had, so
    that a demo window open meanwhile keeps reaching its own server."""
    from app.demo import demo_profile

    profile = demo_profile()
    if address is not None and profile is not None:
        profile.incoming_url, profile.incoming_port = address
        profile.save(only=["incoming_url", "incoming_port"])
