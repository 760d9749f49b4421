"""Start at login (Windows): the value ``ServerSideSyncManager`` under
HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run, the one the installer's "Start at login"
writes too (packaging/installer.nsi), so both always agree: on when the value is there.

The registry is reached through a small seam, ``RunKey``: ``WindowsRunKey`` (winreg) on Windows,
none elsewhere (the Settings page then shows the option off, with the reason), and the tests
install an in-memory one with ``use_run_key``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol

from app import APP_ID

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
VALUE_NAME = APP_ID  # as the installer names it
NEEDS_WINDOWS = "start at login needs Windows"


class RunKey(Protocol):
    """Where the command that starts the app at login is kept."""

    def read(self) -> str | None: ...

    def write(self, command: str) -> None: ...

    def delete(self) -> None: ...


class WindowsRunKey:
    """The current user's Run key (no elevation needed). OSError when the registry refuses."""

    def __init__(self, value_name: str = VALUE_NAME) -> None:
        self.value_name = value_name

    def read(self) -> str | None:
        if sys.platform != "win32":
            raise OSError(NEEDS_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, self.value_name)
        except FileNotFoundError:
            return None
        return str(value) or None

    def write(self, command: str) -> None:
        if sys.platform != "win32":
            raise OSError(NEEDS_WINDOWS)
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, self.value_name, 0, winreg.REG_SZ, command)

    def delete(self) -> None:
        if sys.platform != "win32":
            raise OSError(NEEDS_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, self.value_name)
        except FileNotFoundError:
            pass


_installed: RunKey | None = None


def use_run_key(run_key: RunKey | None) -> None:
    """Use *run_key* instead of the platform's (tests); None goes back to the platform's."""
    global _installed
    _installed = run_key


def run_key() -> RunKey | None:
    """The Run key in use: the one installed by ``use_run_key``, else Windows' own; None where
    there is none (not Windows)."""
    if _installed is not None:
        return _installed
    return WindowsRunKey() if sys.platform == "win32" else None


def start_command(executable: str = sys.executable, frozen: bool = bool(getattr(sys, "frozen", False))) -> str:
    """What starts this app at login, as the installer writes it: the quoted SSSM.exe of the
    installed (frozen) app; from source, the windowed Python running ``-m app``."""
    if frozen:
        return f'"{executable}"'
    python = Path(executable)
    windowed = python.with_name("pythonw.exe")
    if python.name.lower() == "python.exe" and windowed.exists():
        python = windowed
    return f'"{python}" -m app'


def current_command(key: RunKey | None = None) -> str | None:
    """The command that starts the app at login now; None when start at login is off."""
    key = key or run_key()
    return key.read() if key is not None else None


def is_enabled(key: RunKey | None = None) -> bool:
    return current_command(key) is not None


def set_enabled(enabled: bool, key: RunKey | None = None) -> None:
    """Turn start at login on (the command of this app) or off. OSError when it cannot be."""
    key = key or run_key()
    if key is None:
        raise OSError(NEEDS_WINDOWS)
    if enabled:
        key.write(start_command())
    else:
        key.delete()


def restore(command: str | None, key: RunKey | None = None) -> None:
    """Put back a command read with ``current_command`` (None: off), as it was."""
    key = key or run_key()
    if key is None:
        return
    if command is None:
        key.delete()
    else:
        key.write(command)
