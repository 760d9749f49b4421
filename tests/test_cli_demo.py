"""``python -m app --demo COMMAND``: the headless commands on the demo's data, with the loopback
server running for the command; without ``--demo`` they are what they were, and the demo clock
stays off."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading

import pytest

from app import demo, paths
from app.cli import main
from app.domain import timeunit


def _spy_on_the_demo_clock(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = timeunit.use_demo_clock

    def spy() -> None:
        calls.append("use_demo_clock")
        real()

    monkeypatch.setattr(timeunit, "use_demo_clock", spy)
    return calls


def test_demo_test_mailbox_prints_a_success_report_on_a_fresh_home(sssm_home, capsys, monkeypatch):
    """The README's command: the demo starts, Alice passes, exit 0; the server is stopped after."""
    from app.diagnostics import steps

    seen: dict[str, bool] = {}
    real_test = steps.run_mailbox_test

    def run_mailbox_test(mailbox_id):
        seen["demo clock during the test"] = timeunit.demo_clock_on()
        return real_test(mailbox_id)

    monkeypatch.setattr(steps, "run_mailbox_test", run_mailbox_test)
    assert main(["--demo", "test-mailbox", "alice@contoso.com", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["mailbox"] == "alice@contoso.com"
    assert report["status"] == "success", report  # RunStatus values, as every --json report prints them
    assert {step["status"] for step in report["steps"]} == {"success"}
    assert seen == {"demo clock during the test": True}
    assert not timeunit.demo_clock_on(), "off again when the command ends"
    assert (sssm_home / "data" / "simulator" / "state.json").is_file(), "the demo's server ran in this home"


def test_demo_test_profile_then_sync_once(sssm_home, capsys):
    assert main(["--demo", "test-profile", demo.DEMO_PROFILE, "--json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert len(reports) == demo.DEMO_MAILBOXES and {r["status"] for r in reports} == {"success"}

    assert main(["--demo", "sync", "--once"]) == 0
    out = capsys.readouterr().out
    assert "alice@contoso.com incoming:" in out and "bob@contoso.com act:" in out
    assert f"{3 * demo.DEMO_MAILBOXES} of {3 * demo.DEMO_MAILBOXES} cycles succeeded." in out


def test_demo_sync_once_on_a_fresh_home_has_nothing_enabled_yet(sssm_home, capsys):
    assert main(["--demo", "sync", "--once"]) == 0
    assert "Nothing to synchronize" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--demo", "test-mailbox", "nobody@contoso.com"], "nobody@contoso.com"),
        (["--demo", "test-profile", "No such profile"], "No such profile"),
        (["--demo", "sync", "--once", "--mailbox", "nobody@contoso.com"], "nobody@contoso.com"),
    ],
    ids=["test-mailbox", "test-profile", "sync"],
)
def test_demo_unknown_mailbox_or_profile_is_one_line_on_stderr_and_exit_2(sssm_home, capsys, argv, named):
    assert main(argv) == 2
    captured = capsys.readouterr()
    said = [line for line in captured.err.splitlines() if named in line]
    assert len(said) == 1 and said[0].startswith("No "), captured.err
    assert captured.out == ""
    assert not timeunit.demo_clock_on()


def test_demo_store_command_works_on_the_demo_store(sssm_home, capsys):
    assert main(["--demo", "test-mailbox", "alice@contoso.com"]) == 0
    capsys.readouterr()
    assert main(["--demo", "store", "backup"]) == 0
    assert str(sssm_home / "data") in capsys.readouterr().out


@pytest.mark.parametrize("command", [["screenshots", "out"], ["simulator"], ["self-check"]])
def test_demo_with_a_command_that_has_no_demo_mode_is_refused(sssm_home, capsys, command):
    assert main(["--demo", *command]) == 2
    err = capsys.readouterr().err
    assert f"--demo does not apply to the {command[0]} command" in err
    assert "test-mailbox" in err


def test_without_demo_the_commands_are_unchanged(sssm_home, capsys):
    """No demo server, no demo mailboxes: the README's address is unknown in an empty store."""
    assert main(["test-mailbox", "alice@contoso.com"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "No mailbox with the address alice@contoso.com."
    assert not (sssm_home / "data" / "simulator").exists()


def _stop_soon(sig: int, after: float = 1.5) -> threading.Timer:
    timer = threading.Timer(after, lambda: os.kill(os.getpid(), sig))
    timer.start()
    return timer


@pytest.mark.skipif(sys.platform == "win32", reason="stops the endless commands with a POSIX signal")
def test_no_command_without_demo_turns_the_demo_clock_on(sssm_home, capsys, monkeypatch, tmp_path):
    calls = _spy_on_the_demo_clock(monkeypatch)
    for argv in (
        ["test-mailbox", "alice@contoso.com", "--json"],
        ["test-profile", demo.DEMO_PROFILE],
        ["sync", "--once"],
        ["store", "backups"],
        ["self-check"],
    ):
        main(argv)
        assert not timeunit.demo_clock_on(), argv
    for argv, sig in ((["run"], signal.SIGINT), (["simulator", "--mailboxes", "1", "--emails", "1"], signal.SIGTERM)):
        timer = _stop_soon(sig)
        try:
            assert main(argv) == 0, argv
        finally:
            timer.cancel()
        assert not timeunit.demo_clock_on(), argv
    capsys.readouterr()
    assert calls == []
    with pytest.raises(SystemExit):
        main(["--version"])
    assert calls == [] and not timeunit.demo_clock_on()


def test_a_demo_command_leaves_the_demo_profile_pointing_where_it_pointed(sssm_home, capsys):
    """A demo window open meanwhile keeps reaching its own server after the command's is gone."""
    from app.store.db import close_database, open_database
    from app.store.models import ServerProfile

    assert main(["--demo", "test-mailbox", "alice@contoso.com"]) == 0  # creates the demo store
    open_database(paths.database_path())
    window_server = "https://127.0.0.1:4443/EWS/Exchange.asmx"  # as the window's own server would have it
    ServerProfile.update(incoming_url=window_server, incoming_port=4443).where(
        ServerProfile.name == demo.DEMO_PROFILE
    ).execute()
    close_database()
    assert main(["--demo", "sync", "--once"]) == 0
    assert "cycles succeeded" in capsys.readouterr().out, "the command itself used its own server"
    open_database(paths.database_path())
    try:
        profile = ServerProfile.get(ServerProfile.name == demo.DEMO_PROFILE)
        assert (profile.incoming_url, profile.incoming_port) == (window_server, 4443)
    finally:
        close_database()
