"""The package as a wheel installs everything the app needs at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_the_compiled_translations(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("sssm-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "app/gui/translations/sssm_ja.qm" in names, "a plain wheel install would run in English only"
    assert not any(name.startswith(("tests/", "tools/")) for name in names), names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: LicenseRef-Proprietary" in text


def _evaluate_build_spec(tmp_path: Path) -> dict[str, list]:
    """Run build.spec as PyInstaller does, with its build steps recorded instead of run (a real
    build takes minutes: ``make dist`` and the Windows workflow run it and both executables)."""
    import types

    calls: dict[str, list] = {"EXE": [], "COLLECT": []}

    class Analysis:
        def __init__(self, scripts, **kwargs):
            self.scripts, self.pure, self.binaries, self.datas = scripts, ["pure"], ["binaries"], kwargs["datas"]

    def record(kind):
        def call(*args, **kwargs):
            calls[kind].append((args, kwargs))
            return (kind, len(calls[kind]))

        return call

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: []  # type: ignore[attr-defined]
    namespace = {
        "SPECPATH": str(ROOT),
        "workpath": str(tmp_path),
        "Analysis": Analysis,
        "PYZ": lambda pure: ("PYZ", tuple(pure)),
        "EXE": record("EXE"),
        "COLLECT": record("COLLECT"),
    }
    saved = {name: sys.modules.get(name) for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks")}
    sys.modules.update(
        {"PyInstaller": types.ModuleType("PyInstaller"), "PyInstaller.utils": types.ModuleType("PyInstaller.utils")}
    )
    sys.modules["PyInstaller.utils.hooks"] = hooks
    try:
        exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return calls


def test_the_build_makes_a_windowed_and_a_console_executable_that_agree(tmp_path):
    calls = _evaluate_build_spec(tmp_path)
    (windowed_args, windowed), (console_args, console) = calls["EXE"]
    assert windowed["console"] is False and console["console"] is True
    assert {windowed["name"].lower(), console["name"].lower()} == {"sssm", "sssm-cli"}, "distinct even ignoring case"
    assert windowed_args == console_args, "the same code (PYZ) and entry script"
    assert {k: v for k, v in windowed.items() if k not in ("name", "console", "version")} == {
        k: v for k, v in console.items() if k not in ("name", "console", "version")
    }
    ((collected, options),) = calls["COLLECT"]
    assert ("EXE", 1) in collected and ("EXE", 2) in collected, "both executables in the one folder"
    assert options["name"] == windowed["name"]


def test_ctrl_c_ends_a_command_with_130_and_no_traceback(tmp_path):
    import os
    import signal
    import time

    if sys.platform == "win32":
        import pytest

        pytest.skip("POSIX signals; the Windows workflow runs the console executable")
    env = {**os.environ, "SSSM_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "config", "import", "-"],  # waits for the document on stdin
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not (tmp_path / "home").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the home is made when the store opens, just before stdin is read
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert "Interrupted." in err and "Traceback" not in err
