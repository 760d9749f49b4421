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
    result = subprocess.run([sys.executable, "-m", "app", "--demo"], capture_output=True, text=True, timeout=60,
                            env=env)
    assert result.returncode == 2
    assert "No display" in result.stderr and "python -m app simulator" in result.stderr
