"""Start at login: the HKCU Run value the installer writes too (app/autostart.py).

The logic runs against the in-memory Run key every test gets (tests/conftest.py); the real
registry only on Windows, under a value name of the test's own."""

from __future__ import annotations

import sys
import uuid

import pytest

from app import autostart


def test_the_frozen_app_starts_as_the_installer_writes_it():
    exe = r"C:\Users\admin\AppData\Local\Programs\ServerSideSyncManager\SSSM.exe"
    assert autostart.start_command(exe, frozen=True) == f'"{exe}"'  # installer.nsi: '"$INSTDIR\SSSM.exe"'


def test_from_source_the_windowed_python_runs_the_app_module(tmp_path):
    python = tmp_path / "python.exe"
    assert autostart.start_command(str(python), frozen=False) == f'"{python}" -m app'
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert autostart.start_command(str(python), frozen=False) == f'"{tmp_path / "pythonw.exe"}" -m app'


def test_turning_on_writes_the_command_and_off_removes_it(memory_run_key):
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert memory_run_key.command == autostart.start_command() and autostart.is_enabled()
    autostart.set_enabled(False)
    assert memory_run_key.command is None and not autostart.is_enabled()


def test_a_value_the_installer_wrote_counts_as_on_and_is_restored_as_it_was(memory_run_key):
    installer_value = r'"C:\Programs\ServerSideSyncManager\SSSM.exe"'
    memory_run_key.command = installer_value
    assert autostart.is_enabled()
    previous = autostart.current_command()
    autostart.set_enabled(False)
    autostart.restore(previous)
    assert memory_run_key.command == installer_value


@pytest.mark.skipif(sys.platform == "win32", reason="where there is no Windows registry")
def test_without_windows_there_is_no_run_key_and_turning_it_on_says_why():
    autostart.use_run_key(None)
    assert autostart.run_key() is None and not autostart.is_enabled()
    with pytest.raises(OSError, match="needs Windows"):
        autostart.set_enabled(True)


@pytest.mark.skipif(sys.platform != "win32", reason="the real HKCU Run key: Windows only")
def test_on_windows_the_run_value_is_written_read_and_deleted_in_the_registry():
    import winreg

    key = autostart.WindowsRunKey(value_name=f"SssmTest-{uuid.uuid4().hex[:8]}")
    try:
        assert key.read() is None
        key.write('"C:\\Program Files\\Test\\SSSM.exe"')
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, autostart.RUN_KEY) as run:
            value, kind = winreg.QueryValueEx(run, key.value_name)
        assert (value, kind) == ('"C:\\Program Files\\Test\\SSSM.exe"', winreg.REG_SZ)
        assert key.read() == value
    finally:
        key.delete()
    assert key.read() is None
    key.delete()  # deleting what is not there is no error
