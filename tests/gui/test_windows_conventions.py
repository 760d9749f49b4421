"""The app and its installer agree on Windows' names: the AppUserModelID, the Run value of start
at login, the executables of the one-folder build. The process's AppUserModelID is set on Windows."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from app import APP_ID, APP_USER_MODEL_ID, autostart
from app.gui.application import set_app_user_model_id

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = (ROOT / "packaging" / "installer.nsi").read_text(encoding="utf-8-sig")


def nsis_define(name: str) -> str:
    match = re.search(rf'^!define {name} "([^"]*)"', INSTALLER, re.MULTILINE)
    assert match, f"installer.nsi defines no {name}"
    return match.group(1)


def test_the_installer_uses_the_apps_names_for_windows():
    assert nsis_define("APP_USER_MODEL_ID") == APP_USER_MODEL_ID
    assert nsis_define("APP_ID") == APP_ID == autostart.VALUE_NAME
    assert nsis_define("RUN_KEY") == autostart.RUN_KEY
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert nsis_define("APP_EXE") == "SSSM.exe" and 'NAME = "SSSM" if WINDOWS' in spec
    assert nsis_define("CLI_EXE") == "sssm-cli.exe" and 'CLI_NAME = "sssm-cli"' in spec
    assert re.fullmatch(r"[A-Za-z0-9]+(\.[A-Za-z0-9]+){1,3}", APP_USER_MODEL_ID), "Company.Product form, no spaces"


def test_the_installer_is_64_bit_like_the_app():
    assert re.search(r"^Target amd64-unicode$", INSTALLER, re.MULTILINE)


@pytest.mark.skipif(sys.platform == "win32", reason="what happens where Windows is not")
def test_elsewhere_no_app_user_model_id_is_set():
    assert set_app_user_model_id() is False


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' AppUserModelID: Windows only")
def test_on_windows_the_process_carries_the_app_user_model_id():
    import ctypes
    from ctypes import wintypes

    assert set_app_user_model_id() is True
    value = wintypes.LPWSTR()
    assert ctypes.windll.shell32.GetCurrentProcessExplicitAppUserModelID(ctypes.byref(value)) == 0
    try:
        assert value.value == APP_USER_MODEL_ID
    finally:
        ctypes.windll.ole32.CoTaskMemFree(value)
