"""A store that cannot be used, seen from the shell: every command that opens it prints ONE line
(the file, the problem, what to do) and exits 2 — no traceback. Real files, real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_damage import (
    CASES,
    healthy,
    open_to_all,
    run_as_unprivileged,
    unprivileged_prefix,
)

REPO = Path(__file__).resolve().parents[1]
COMMANDS = {
    "sync --once": ["sync", "--once"],
    "test-mailbox": ["test-mailbox", "alice@contoso.com"],
    "test-profile": ["test-profile", "Contoso"],
    "run": ["run"],
}


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SSSM_", "PYTEST_"))}
    env.update(SSSM_HOME=str(home), PYTHONPATH=str(REPO))
    return env


def _app(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(home),
        cwd=REPO,
        check=False,
    )


@pytest.mark.parametrize("case", list(CASES))
def test_a_damaged_store_is_one_line_and_exit_2(tmp_path, case):
    home = tmp_path / "home"
    path = home / "data" / "sssm.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    CASES[case][0](path)
    for name, args in COMMANDS.items() if case == "garbage" else [("sync --once", COMMANDS["sync --once"])]:
        result = _app(home, *args)
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (name, result.stderr)
        assert "Traceback" not in result.stderr and str(path) in lines[0], (name, lines[0])
        assert "store restore" in lines[0], "it says what to do"


@pytest.mark.skipif(unprivileged_prefix() is None, reason="read-only folders need an unprivileged user")
def test_a_read_only_home_says_so_for_the_logs_and_the_store_without_traceback(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o555)
    open_to_all(tmp_path)
    result = run_as_unprivileged([sys.executable, "-m", "app", "sync", "--once"], _env(home), REPO)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, lines  # once for the logs, once for the store
    assert "log" in lines[0].lower() and str(home / "logs") in lines[0]
    assert str(home / "data" / "sssm.sqlite3") in lines[1] and "cannot be written" in lines[1]


@pytest.mark.skipif(unprivileged_prefix() is None, reason="read-only folders need an unprivileged user")
def test_read_only_logs_are_announced_once_and_the_command_carries_on(tmp_path):
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    healthy(home / "data" / "sssm.sqlite3")
    logs = home / "logs"
    logs.mkdir()
    logs.chmod(0o555)
    open_to_all(tmp_path)
    for path in (home / "data").rglob("*"):
        path.chmod(0o777 if path.is_dir() else 0o666)
    (home / "data").chmod(0o777)
    result = run_as_unprivileged([sys.executable, "-m", "app", "sync", "--once"], _env(home), REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Nothing to synchronize" in result.stdout
    notices = [line for line in result.stderr.splitlines() if str(logs) in line]
    assert len(notices) == 1 and "not" in notices[0].lower(), result.stderr
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    assert not list(logs.iterdir())
