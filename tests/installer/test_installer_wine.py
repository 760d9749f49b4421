"""The Windows installer (packaging/installer.nsi), run for real under Wine: ``make installer-test``.

The installer is built with Debian's makensis around a stand-in for the frozen app (standin.c,
compiled with MinGW-w64, in the one-folder layout of the PyInstaller build), then run silently
in a fresh 64-bit Wine prefix, as an admin's script would run it on Windows. Each test brings the
prefix to the state it starts from, so one can run alone (``-k upgrade``).

Skipped in ``make test`` (it needs NSIS, Wine and MinGW-w64, and about a minute); ``make
installer-test`` sets SSSM_INSTALLER_TEST=1 and fails when a tool is missing.
"""

from __future__ import annotations

import hashlib
import os
import time

import pytest
import wine_prefix
from wine_prefix import WinePrefix, build_installer, build_standin, end_process, read_shortcut, wait_for

pytestmark = pytest.mark.skipif(
    os.environ.get("SSSM_INSTALLER_TEST") != "1", reason="the installer under Wine: run by `make installer-test`"
)

APP_ID = "ServerSideSyncManager"
APP_NAME = "Server-Side Sync Manager"
UNINSTALL_KEY = rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
ENVIRONMENT_KEY = "Environment"
ONLY_IN_01 = "app/gui/windows/removed_in_0_2.pyc"  # a module the next version no longer has
EXIT_APP_RUNNING = 3
EXIT_BAD_OPTION = 4
OTHER_PATH_ENTRY = r"C:\Tools\bin"  # the user's own PATH entry, which the installer keeps


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Installers of versions 0.1.0 and 0.2.0 around their stand-in builds."""
    missing = wine_prefix.missing_tools()
    if missing:
        pytest.fail(f"the installer test needs these Debian packages: apt-get install {' '.join(missing)}")
    root = tmp_path_factory.mktemp("installer")
    made = {}
    for version, extra in (("0.1.0", (ONLY_IN_01,)), ("0.2.0", ())):
        dist = build_standin(version, root / version, extra_files=extra)
        made[version] = (dist, build_installer(version, dist, root / "out"))
    return made


@pytest.fixture(scope="module")
def prefix(tmp_path_factory):
    started = time.monotonic()
    created = WinePrefix(tmp_path_factory.mktemp("wine") / "prefix")
    created.create()
    print(f"\nWine prefix created in {time.monotonic() - started:.1f} s")
    yield created
    created.stop()


@pytest.fixture
def record(tmp_path):
    """The file the stand-ins append their command lines to, as Linux and Windows paths."""
    path = tmp_path / "record.txt"
    return path, "Z:" + str(path).replace("/", "\\")


def setup_exe(builds, version):
    return builds[version][1]


def install_dir(prefix):
    return prefix.local_appdata() / "Programs" / APP_ID


def user_data(prefix):
    return prefix.local_appdata() / APP_ID


def shortcut(prefix):
    return prefix.start_menu_programs() / f"{APP_NAME}.lnk"


def install(prefix, builds, version, *options, expect=0):
    code = prefix.run(setup_exe(builds, version), "/S", *options)
    assert code == expect, f"setup {version} /S {' '.join(options)} exited with {code}, expected {expect}"


def uninstall(prefix):
    """The uninstaller as Settings > Apps runs it quietly (it copies itself to %TEMP% and returns)."""
    if (install_dir(prefix) / "uninstall.exe").exists():
        code = prefix.run(install_dir(prefix) / "uninstall.exe", "/S")
        assert code == 0, f"uninstall.exe /S exited with {code}"
        wait_for(lambda: prefix.key(UNINSTALL_KEY) is None, "the uninstaller's copy in %TEMP% to finish", timeout=60)


def fresh(prefix):
    """No installation, and the user's own PATH entry, as on a new machine."""
    uninstall(prefix)
    set_user_path(prefix, OTHER_PATH_ENTRY)


def set_user_path(prefix, value):
    code = prefix.run("reg", "add", r"HKCU\Environment", "/v", "Path", "/t", "REG_EXPAND_SZ", "/d", value, "/f")
    assert code == 0, "could not set the user's PATH"


def path_entries(prefix):
    value = (prefix.key(ENVIRONMENT_KEY) or {}).get("Path", "")
    return [entry for entry in str(value).split(";") if entry]


def run_value(prefix):
    return (prefix.key(RUN_KEY) or {}).get(APP_ID)


def files_of(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def snapshot(prefix):
    """What an installer may change: program files, shortcut, uninstall entry, Run value, PATH."""
    return {
        "files": files_of(install_dir(prefix)) if install_dir(prefix).exists() else {},
        "shortcut": shortcut(prefix).read_bytes() if shortcut(prefix).exists() else None,
        "uninstall key": prefix.key(UNINSTALL_KEY),
        "run value": run_value(prefix),
        "path": path_entries(prefix),
    }


def seed_user_data(prefix):
    data = user_data(prefix)
    (data / "logs").mkdir(parents=True, exist_ok=True)
    (data / "sssm.sqlite3").write_bytes(b"SQLite format 3\x00 the admin's profiles and mailboxes")
    (data / "logs" / "sssm.log").write_text("2026-11-30 started\n", encoding="utf-8")
    return files_of(data)


def test_a_silent_installation_lays_out_the_program_shortcut_uninstall_entry_and_path(prefix, builds):
    fresh(prefix)
    install(prefix, builds, "0.1.0")

    folder = install_dir(prefix)
    dist = builds["0.1.0"][0]
    installed = files_of(folder)
    for name, digest in files_of(dist).items():
        assert installed.get(name) == digest, f"{name} of the build is missing or different in {folder}"
    assert "uninstall.exe" in installed, "no uninstaller written"
    assert set(installed) == set(files_of(dist)) | {"uninstall.exe"}, "files the build does not have"

    assert shortcut(prefix).is_file(), f"no Start menu shortcut at {shortcut(prefix)}"
    link = read_shortcut(shortcut(prefix))
    exe = prefix.to_windows(folder / "SSSM.exe")
    assert link.target.lower() == exe.lower(), f"the shortcut starts {link.target!r}, not {exe!r}"

    key = prefix.key(UNINSTALL_KEY)
    assert key is not None, f"no uninstall entry HKCU\\{UNINSTALL_KEY}"
    location = prefix.to_windows(folder)
    expected = {
        "DisplayName": APP_NAME,
        "DisplayVersion": "0.1.0",
        "Publisher": APP_NAME,
        "DisplayIcon": f"{exe},0",
        "InstallLocation": location,
        "UninstallString": f'"{location}\\uninstall.exe"',
        "QuietUninstallString": f'"{location}\\uninstall.exe" /S',
        "NoModify": 1,
        "NoRepair": 1,
        "InstallerLanguage": "1033",  # English: Wine's default locale
    }
    for name, value in expected.items():
        assert key.get(name) == value, f"uninstall entry {name} is {key.get(name)!r}, expected {value!r}"
    assert isinstance(key.get("EstimatedSize"), int) and key["EstimatedSize"] > 0, "no EstimatedSize (KB)"

    assert run_value(prefix) is None, "start at login must be off unless asked for"
    assert path_entries(prefix) == [OTHER_PATH_ENTRY, location], "the install folder is added to the user's PATH"
    install(prefix, builds, "0.1.0")  # again: the PATH entry is not added twice
    assert path_entries(prefix) == [OTHER_PATH_ENTRY, location], "the install folder is on the PATH once"


def test_start_at_login_is_turned_on_and_off_from_the_command_line(prefix, builds):
    fresh(prefix)
    install(prefix, builds, "0.1.0", "/AUTOSTART=1")
    command = f'"{prefix.to_windows(install_dir(prefix) / "SSSM.exe")}"'
    assert run_value(prefix) == command, f"HKCU\\{RUN_KEY}\\{APP_ID} is {run_value(prefix)!r}, expected {command!r}"

    install(prefix, builds, "0.1.0")
    assert run_value(prefix) == command, "an upgrade without /AUTOSTART keeps start at login on"
    install(prefix, builds, "0.1.0", "/AUTOSTART=0")
    assert run_value(prefix) is None, "/AUTOSTART=0 turns start at login off"
    install(prefix, builds, "0.1.0")
    assert run_value(prefix) is None, "an upgrade without /AUTOSTART keeps start at login off"


def test_an_upgrade_replaces_the_program_files_and_keeps_the_user_data(prefix, builds):
    fresh(prefix)
    install(prefix, builds, "0.1.0", "/AUTOSTART=1")
    data_before = seed_user_data(prefix)
    assert (install_dir(prefix) / "_internal" / ONLY_IN_01).is_file()

    install(prefix, builds, "0.2.0")

    folder = install_dir(prefix)
    assert not (folder / "_internal" / ONLY_IN_01).exists(), f"{ONLY_IN_01} of 0.1 was left behind by the upgrade"
    assert files_of(folder) == {**files_of(builds["0.2.0"][0]), "uninstall.exe": files_of(folder)["uninstall.exe"]}, (
        "the installed files are not exactly 0.2's"
    )
    assert prefix.key(UNINSTALL_KEY)["DisplayVersion"] == "0.2.0"
    assert files_of(user_data(prefix)) == data_before, "the upgrade changed the user's data"
    assert run_value(prefix) is not None, "the upgrade turned start at login off"
    assert path_entries(prefix) == [OTHER_PATH_ENTRY, prefix.to_windows(folder)], "PATH after the upgrade"


def test_the_installer_and_uninstaller_refuse_while_the_app_runs_and_change_nothing(prefix, builds, record):
    fresh(prefix)
    install(prefix, builds, "0.1.0")
    record_path, record_windows = record
    app = prefix.start(install_dir(prefix) / "SSSM.exe", extra_env={"SSSM_STANDIN_RECORD": record_windows})
    try:
        wait_for(lambda: record_path.exists() and record_path.read_text().strip(), "the stand-in's window")
        before = snapshot(prefix)

        code = prefix.run(setup_exe(builds, "0.2.0"), "/S")
        assert code == EXIT_APP_RUNNING, f"setup 0.2 /S with the app open exited with {code}"
        location = prefix.to_windows(install_dir(prefix))
        code = prefix.run(install_dir(prefix) / "uninstall.exe", "/S", f"_?={location}")
        assert code == EXIT_APP_RUNNING, f"uninstall.exe /S with the app open exited with {code}"
    finally:
        end_process(app)
        prefix.kill()
    assert snapshot(prefix) == before, "the refused installer or uninstaller changed something"
    assert prefix.key(UNINSTALL_KEY)["DisplayVersion"] == "0.1.0"


def test_uninstalling_removes_program_shortcut_entries_and_path_and_keeps_the_user_data(prefix, builds):
    fresh(prefix)
    install(prefix, builds, "0.2.0", "/AUTOSTART=1")
    data_before = seed_user_data(prefix)

    uninstall(prefix)

    assert not install_dir(prefix).exists(), f"left in the install folder: {sorted(files_of(install_dir(prefix)))}"
    assert not shortcut(prefix).exists(), "the Start menu shortcut is still there"
    assert prefix.key(UNINSTALL_KEY) is None, "the uninstall entry is still there"
    assert run_value(prefix) is None, "start at login is still on"
    assert path_entries(prefix) == [OTHER_PATH_ENTRY], "the install folder is still on the PATH (or more was taken)"
    assert files_of(user_data(prefix)) == data_before, "uninstalling changed the user's data"


def test_silent_options_language_run_after_installation_and_a_wrong_value(prefix, builds, record):
    fresh(prefix)
    before = snapshot(prefix)
    for option in ("/AUTOSTART=yes", "/LANG=fr"):
        code = prefix.run(setup_exe(builds, "0.2.0"), "/S", option)
        assert code == EXIT_BAD_OPTION, f"setup /S {option} exited with {code}, expected {EXIT_BAD_OPTION}"
    assert snapshot(prefix) == before, "a wrong option changed something"

    record_path, record_windows = record
    code = prefix.run(
        setup_exe(builds, "0.2.0"), "/S", "/LANG=ja", "/RUN", extra_env={"SSSM_STANDIN_RECORD": record_windows}
    )
    assert code == 0, f"setup /S /LANG=ja /RUN exited with {code}"
    try:
        wait_for(lambda: record_path.exists() and record_path.read_text().strip(), "the app started by /RUN")
    finally:
        prefix.kill()
    exe = prefix.to_windows(install_dir(prefix) / "SSSM.exe")
    assert record_path.read_text().split("\n")[0].strip().lower() == f'0.2.0 "{exe}"'.lower(), "what /RUN started"
    assert prefix.key(UNINSTALL_KEY)["InstallerLanguage"] == "1041", "/LANG=ja is remembered for the uninstaller"
