"""Every command in the README's shell blocks works exactly as written.

The commands are read from README.md's ``sh`` code blocks: each ``python -m app …`` line and
``make help`` runs here as a new user would type it (``.venv/bin/python`` is this interpreter), in
order, in one fresh home (SSSM_HOME) and a scratch working folder, and must exit 0 with the
output it is there for. Commands that open the window or never end (``make demo``, ``python -m
app simulator``, ``run``) run for a few seconds: they must start (the simulator prints its URL,
the demo window logs that it started), then they are stopped. ``make test`` is this suite itself
and the other ``make`` targets are developer tools (lint, translations, forms, benchmarks): they
are not run here. A command added to the README without a line in EXPECTED fails the test, so
that it says what its output must show.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring_for_commands import command_env

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
VENV_PYTHON = ".venv/bin/python"
NOT_RUN = {
    ("make", "test"): "this test suite itself",
    ("make", "lint"): "a developer tool (ruff, mypy), run by CI",
    ("make", "translations"): "a developer tool that rewrites tracked files",
    ("make", "forms"): "a developer tool that rewrites tracked files",
    ("make", "bench"): "benchmarks, never part of the tests",
    ("make", "soak"): "the long reliability variants (minutes); make test runs their short forms",
}


def readme_commands() -> list[list[str]]:
    """The commands of README.md's ``sh`` blocks, as argument lists, in order (comments dropped)."""
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", README.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words:
                commands.append(words)
    return commands


def key(words: list[str]) -> tuple[str, ...]:
    """What a command is, for EXPECTED: ("make", target) or the app's sub-command (with --demo)."""
    if words[0] == "make":
        return tuple(words[:2])
    assert words[:3] == [VENV_PYTHON, "-m", "app"], f"README command not run the documented way: {words}"
    rest = words[3:]
    demo = ["--demo"] if rest[:1] == ["--demo"] else []
    rest = rest[len(demo) :]
    name = rest[0] if rest and not rest[0].startswith("-") else (rest[0] if rest else "")
    return tuple(demo + [name]) if name else tuple(demo)


def _json_report(out: str) -> bool:
    report = json.loads(out)
    assert report["mailbox"] == "alice@contoso.com"
    assert report["status"] == "success", out  # RunStatus values are lower-case in every --json report
    return True


def _json_reports(out: str) -> bool:
    reports = json.loads(out)
    assert reports and {r["status"] for r in reports} == {"success"}, out
    return True


# What each command's output (for make demo: the demo's log) must show
EXPECTED: dict[tuple[str, ...], Callable[[str], bool]] = {
    ("make", "help"): lambda out: "make demo" in out and "make test" in out,
    ("--version",): lambda out: out.startswith("Server-Side Sync Manager "),
    ("--help",): lambda out: "exit codes:" in out and "test-mailbox" in out,
    ("--demo", "test-mailbox"): _json_report,
    ("--demo", "test-profile"): _json_reports,
    # after the README's test-mailbox, Alice is enabled: her cycles run and succeed
    ("--demo", "sync"): lambda out: re.search(r"\b(\d+) of \1 cycles succeeded\.", out) is not None,
    ("screenshots",): lambda out: "screenshots written to" in out,
    ("self-check",): lambda out: "complete" in out,
    ("store",): lambda out: "Backups of" in out or "No backups of" in out,
    ("simulator",): lambda out: "EWS URL:" in out and "Admin token:" in out,
    ("run",): lambda out: "Synchronizing; press Ctrl+C to stop." in out,
    ("--demo", "run"): lambda out: "Synchronizing; press Ctrl+C to stop." in out,
    ("make", "demo"): lambda log: re.search(r"Server-Side Sync Manager \S+ started", log) is not None,
}
STARTS_ONLY = {("make", "demo"), ("simulator",), ("run",), ("--demo", "run")}  # open the window or never end


def _params() -> list:
    params = []
    for words in readme_commands():
        reason = NOT_RUN.get(key(words))
        marks = [pytest.mark.skip(reason=f"not run here: {reason}")] if reason else []
        if not marks and words[0] == "make" and shutil.which("make") is None:  # the Windows runner
            marks = [pytest.mark.skip(reason="needs GNU make (apt-get install make; on Windows: choco install make)")]
        params.append(pytest.param(words, id=" ".join(words).replace(VENV_PYTHON, "python"), marks=marks))
    return params


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> dict[str, Path]:
    """One home and one working folder for every command, as for a person at one terminal."""
    return {"home": tmp_path_factory.mktemp("readme-home"), "cwd": tmp_path_factory.mktemp("readme-cwd")}


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, SSSM_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    # the commands of one README share a credential store, as on a desktop
    env["SSSM_TEST_KEYRING_FILE"] = str(home.parent / "keyring.json")
    env.pop("MAKEFLAGS", None)
    # a credential store on machines that have none (self-check names it); the demo uses its own
    return command_env(env) if sys.platform != "win32" else env


def _argv(words: list[str]) -> list[str]:
    return [sys.executable if w == VENV_PYTHON else w for w in words]


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (make's child too), as a supervisor stops it."""
    if process.poll() is None:
        if sys.platform == "win32":
            process.terminate()
        else:
            os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def run_until_started(words: list[str], cwd: Path, env: dict[str, str], shows: Callable[[str], str]) -> tuple[str, str]:
    """Start the command, wait (a minute at most) until ``shows(output)`` returns what shows that it
    runs, then stop it. Returns (what showed it, everything it printed)."""
    process = subprocess.Popen(
        _argv(words),
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=sys.platform != "win32",
    )
    printed: list[str] = []

    def read() -> None:  # it prints, then waits to be stopped: read on a thread of its own
        assert process.stdout is not None
        for line in process.stdout:
            printed.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    shown = ""
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            shown = shows("".join(printed))
            if shown:
                break
            time.sleep(0.2)
        assert process.poll() is None, f"it ended (exit {process.returncode}): {''.join(printed)}"
    finally:
        _stop(process)
        reader.join(10)
    return shown, "".join(printed)


def test_the_readme_has_the_commands_this_test_runs():
    keys = [key(words) for words in readme_commands()]
    assert ("--demo", "test-mailbox") in keys and ("--demo", "sync") in keys and ("make", "demo") in keys
    assert keys.index(("--demo", "test-mailbox")) < keys.index(("--demo", "sync")), "sync after the test enabled"
    unknown = [k for k in keys if k not in EXPECTED and k not in NOT_RUN]
    assert unknown == [], "a new README command: say in EXPECTED what its output shows"


@pytest.mark.parametrize("words", _params())
def test_readme_command_works_as_written(words, shared):
    k = key(words)
    check = EXPECTED[k]
    home, cwd, env = shared["home"], shared["cwd"], _env(shared["home"])
    if words[0] == "make":
        if shutil.which("make") is None:
            pytest.skip("make is not installed here")
        cwd = ROOT
    if k == ("make", "demo"):
        stamp = ROOT / ".venv" / ".installed"
        if not (ROOT / VENV_PYTHON).exists() or not stamp.exists():
            pytest.skip("no .venv made by make in this checkout")
        if stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
            pytest.skip(".venv is older than pyproject.toml: make demo would reinstall it first")
        log = home / "logs" / "sssm.log"

        def window_started(_printed: str) -> str:
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            return text if check(text) else ""

        shown, printed = run_until_started(words, cwd, env, window_started)
        assert shown, printed
        assert "Demo mode" not in printed or "Traceback" not in printed
        return
    if k in STARTS_ONLY:
        shown, printed = run_until_started(words, cwd, env, lambda out: out if check(out) else "")
        assert shown, printed
        if sys.platform != "win32" and k == ("simulator",):
            assert "Loopback Exchange stopped." in printed, "SIGTERM is a clean stop"
        return
    result = subprocess.run(_argv(words), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert check(result.stdout), result.stdout
