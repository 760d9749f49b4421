import os
import subprocess
import sys

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
