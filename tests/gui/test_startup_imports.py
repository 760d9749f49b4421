"""The first window paints before Exchange, HTTP, XML, the sync engine or the simulator is imported;
the engine loads afterwards, in a thread (issue 15). Not timed: bench/startup.py measures the time.

The start runs in a process of its own (tests/startup_probe.py: ``python -m app`` as a person
starts it, on the screenshots' sample data), since this test process has imported everything
already. Whatever page the main window builds is in it: a page that imports the engine fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

from PySide6.QtWidgets import QWidget

from app.gui.application import after_first_paint
from app.gui.sync_controller import SyncController

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROBE = os.path.join(REPO_ROOT, "tests", "startup_probe.py")
WAIT_MS = 30_000


def probe(mode: str, home) -> dict:
    """The probe's reports, as one dict: its first paint's line, then its usable line."""
    env = {
        **os.environ,
        "SSSM_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",  # never the person's own
    }
    done = subprocess.run(
        [sys.executable, PROBE, mode], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    if mode == "seed":
        return {}
    first, usable = (json.loads(line) for line in done.stdout.splitlines()[-2:])
    assert "seconds" in first and "usable" in usable
    return {**first, **usable}


def test_the_main_window_paints_before_exchangelib_or_the_engine_is_imported(sssm_home):
    probe("seed", sssm_home)  # lists with rows: every page fills as it would on a real store

    report = probe("app", sssm_home)

    assert report["window"] == "MainWindow"
    assert "exchangelib" not in report["forbidden"]
    assert report["forbidden"] == []  # nor requests, lxml, app.sync, app.exchange, app.simulator


def test_the_window_paints_its_frame_first_and_is_usable_with_its_lists_filled_right_after(sssm_home):
    probe("seed", sssm_home)

    report = probe("app", sssm_home)

    assert report["window"] == "MainWindow"
    assert report["usable"] >= report["seconds"]  # the lists after the frame's first paint
    assert report["profiles"] == 2  # the sample data's profiles, read from the store


def test_the_engine_and_the_windows_load_in_threads_once_the_window_is_painted(sssm_home):
    report = probe("loaded", sssm_home)

    assert report["loaded_later"] == [
        "exchangelib",
        "app.sync.scheduler",
        "app.sync.incoming",
        "app.gui.windows.mailbox_editor",
    ]
    assert "sync-scheduler" in report["threads"]  # the engine runs
    assert not {"engine-loader", "window-loader"} & set(report["threads"])  # and the loaders ended


def test_the_bare_window_baseline_reports_its_first_paint(sssm_home):
    report = probe("bare", sssm_home)
    assert report["window"] == "QMainWindow" and report["forbidden"] == []


def test_after_first_paint_waits_for_the_window_to_be_painted(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    called: list[int] = []
    after_first_paint(widget, lambda: called.append(1), fallback_ms=60_000)
    qtbot.wait(50)
    assert called == []  # not shown, not painted: not yet

    widget.show()
    qtbot.waitUntil(lambda: called == [1], timeout=WAIT_MS)
    widget.update()
    qtbot.wait(50)
    assert called == [1]  # once


def test_after_first_paint_calls_back_anyway_when_the_window_is_never_painted(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    called: list[int] = []
    after_first_paint(widget, lambda: called.append(1), fallback_ms=10)
    qtbot.waitUntil(lambda: called == [1], timeout=WAIT_MS)


def scheduler_loops() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "sync-scheduler" and t.is_alive()]


def test_start_loads_the_scheduler_in_a_thread_and_starts_it(qtbot, store):
    controller = SyncController(workloads={}, wait_cap=0.02)
    try:
        assert controller._scheduler is None  # building the controller loads nothing
        controller.start()
        qtbot.waitUntil(lambda: len(scheduler_loops()) == 1, timeout=WAIT_MS)
        assert controller.running and controller._scheduler is not None
    finally:
        assert controller.stop()
    assert scheduler_loops() == []


def test_pause_before_the_engine_is_loaded_holds_once_it_is(qtbot, store):
    controller = SyncController(workloads={}, wait_cap=0.02)
    try:
        controller.set_paused(True)
        assert controller.paused and controller._scheduler is None
        assert controller.running_text() == "Sync paused"
        controller.start()
        assert controller.scheduler.paused  # waits for the load
        controller.set_paused(False)
        assert not controller.scheduler.paused
    finally:
        assert controller.stop()


def test_stop_before_the_engine_finished_loading_never_starts_it(qtbot, store, monkeypatch):
    controller = SyncController(workloads={}, wait_cap=0.02)
    release = threading.Event()
    load = controller._load

    def slow_load():
        release.wait(WAIT_MS / 1000)
        return load()

    monkeypatch.setattr(controller, "_load", slow_load)
    controller.start()

    def release_once_stopping():
        while not controller._stopped:
            threading.Event().wait(0.01)
        release.set()  # the load ends after stop() began

    threading.Thread(target=release_once_stopping).start()
    assert controller.stop()  # waits for the load, which then starts nothing
    assert controller._scheduler is not None  # loaded, but never started
    assert scheduler_loops() == []


def test_the_tray_is_made_when_the_window_is_completed_and_a_second_start_completes_it(qtbot, sample):
    from app.gui.application import _TrayOnCompletion
    from app.gui.windows.crash_dialog import CrashReporter
    from app.gui.windows.main_window import MainWindow

    window = MainWindow(complete=False)
    qtbot.addWidget(window)
    crashes = CrashReporter()
    sync = SyncController(workloads={}, wait_cap=0.02)
    trays = _TrayOnCompletion(window, sync, crashes)
    assert trays.tray is None  # it reads the alerts: not before the lists

    trays.show_window()  # another start asked for the window before it was completed

    assert window.is_complete and window.isVisible()
    assert trays.tray is not None and crashes.quit_action == trays.tray.quit
    assert len(window.profiles.rows) == len(sample.profile_ids)
