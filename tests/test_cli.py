import os
import subprocess
import sys

import pytest

from app import __version__


def run_app(*args, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=60, env=env)


def test_version_prints_the_package_version():
    result = run_app("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Server-Side Sync Manager {__version__}"


def test_help_lists_the_options():
    result = run_app("--help")
    assert result.returncode == 0
    assert "--demo" in result.stdout and "--version" in result.stdout


def test_unknown_option_fails_with_usage():
    result = run_app("--no-such-option")
    assert result.returncode == 2
    assert "usage:" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are a Linux matter")
def test_without_a_display_the_window_command_says_why(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SSSM_HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "app", "--demo"], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 2
    assert "No display" in result.stderr and "python -m app simulator" in result.stderr


def test_help_lists_every_command_and_the_exit_codes():
    from app.cli import COMMANDS

    result = run_app("--help")
    for command in COMMANDS:
        assert command.NAME in result.stdout
    assert "exit codes:" in result.stdout and "2  nothing ran" in result.stdout


def test_self_check_imports_every_module_of_the_package_and_names_the_credential_store():
    from keyring_for_commands import command_env

    from app.cli.self_check import source_modules

    result = subprocess.run(
        [sys.executable, "-m", "app", "self-check"], capture_output=True, text=True, timeout=60, env=command_env()
    )
    assert result.returncode == 0, result.stderr
    count = len(source_modules())
    assert f"{count} of {count} modules" in result.stdout and "complete" in result.stdout
    assert count > 100 and "app.cli.sync" in source_modules()
    assert "Credential store: keyring_for_commands.MemoryKeyring" in result.stdout


def test_self_check_fails_when_no_credential_store_is_usable():
    result = run_app("self-check", env_extra={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert result.returncode == 1
    assert "Credential store: none usable (keyring.backends.fail.Keyring)" in result.stdout
    assert "no usable credential store" in result.stderr and "incomplete" in result.stdout


@pytest.mark.skipif(sys.platform != "win32", reason="Windows Credential Manager: Windows only")
def test_on_windows_self_check_finds_windows_credential_manager():
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "self-check"], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "Credential store: Windows Credential Manager (keyring.backends.Windows.WinVaultKeyring)" in result.stdout


def _copy_of_the_package(tmp_path):
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_a_missing_command_module_fails_loudly(tmp_path):
    copy = _copy_of_the_package(tmp_path)
    (copy / "app" / "cli" / "sync.py").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "app", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=copy,
        env=dict(os.environ, PYTHONPATH=str(copy)),
    )
    assert result.returncode != 0
    # the commands are imported by name (app.cli.commands): ModuleNotFoundError, an ImportError
    assert "ModuleNotFoundError: No module named 'app.cli.sync'" in result.stderr


def test_the_frozen_self_check_names_a_module_the_build_left_out(tmp_path):
    """A frozen build checks the module list it was built from (app/cli/modules.txt)."""
    from app.cli.self_check import source_modules

    copy = _copy_of_the_package(tmp_path)
    (copy / "app" / "cli" / "modules.txt").write_text("\n".join(source_modules()), encoding="utf-8")
    (copy / "app" / "sync" / "outgoing.py").unlink()
    script = "import sys; sys.frozen = True; from app.cli import main; sys.exit(main(['self-check']))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=copy,
        env=dict(os.environ, PYTHONPATH=str(copy)),
    )
    assert result.returncode == 1
    assert "app.sync.outgoing: ModuleNotFoundError" in result.stderr
    assert "incomplete" in result.stdout


WINDOW_COMMAND_LINES = (
    [],
    ["--demo"],
    ["--lang", "ja", "-v"],
    ["--lang=ja", "--database=postgresql://u@h/db"],
    ["--verbose"],
)
NOT_THE_WINDOWS_ALONE = (
    ["--help"],
    ["-h"],
    ["--version"],
    ["sync", "--once"],
    ["--demo", "status"],
    ["--lang"],
    ["--lang", "--demo"],
    ["--demo=yes"],
    ["--verb"],
    ["--"],
    ["--no-such-option"],
)


@pytest.mark.parametrize("argv", WINDOW_COMMAND_LINES)
def test_the_windows_options_alone_are_read_as_the_whole_parser_reads_them(argv):
    from app.cli import build_parser, window_only, window_parser

    assert window_only(argv)
    assert vars(window_parser().parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", NOT_THE_WINDOWS_ALONE)
def test_a_command_help_or_anything_unusual_goes_to_the_whole_parser(argv):
    from app.cli import window_only

    assert not window_only(argv)


def test_opening_the_window_imports_no_commands_module():
    script = (
        "import sys; import app.cli as cli, app.gui.application as gui; "
        "gui.run_gui = lambda **kw: print(sorted(m for m in sys.modules if m.startswith('app.cli.'))) or 0; "
        "sys.exit(cli.main(['--lang', 'en']))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"  # nor app.cli.common, nor a parser of theirs
