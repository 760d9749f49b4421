"""A process that opens the app's window (or a bare PySide6 window) and reports its first paint.

Used by tests/gui/test_startup_imports.py and bench/startup.py, as a script:

    python tests/startup_probe.py app     # ``python -m app`` as a person starts it (SSSM_HOME)
    python tests/startup_probe.py loaded  # the same, reporting once what loads after the paint has
    python tests/startup_probe.py bare    # a bare QMainWindow: the baseline
    python tests/startup_probe.py seed    # fill SSSM_HOME's store with the screenshots' sample data

At the first paint of the main window it prints one JSON line — the seconds since the probe
began, the CPU seconds the process has used (``cpu``), the window's class, and which modules
the start must not load (``FORBIDDEN``) are loaded. Then, once the window is usable — its
lists filled from the store (``MainWindow.complete``: the application paints the window's frame
first) — a second line: ``usable`` (seconds), ``usable_cpu`` and how many rows the profiles list
has; and the process ends at once. The bare window is usable at its first paint: its second
line follows the first. ``loaded`` waits, before its second line, for the threads that load the
rest after the first paint (the engine, the windows) and reports which threads run and which of
the modules ``LOADED_LATER`` are loaded then. The credential store is keyring's null backend
(``PYTHON_KEYRING_BACKEND``, set here unless the caller set it): never the person's own.
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()
PROFILER = None
if os.environ.get("SSSM_PROBE_PROFILE"):
    import cProfile

    PROFILER = cProfile.Profile()
    PROFILER.enable()

# what the window must be able to paint without: Exchange, HTTP, XML, the PostgreSQL driver, the
# engine, the simulator; the log file's rotation (logging.handlers: sockets, pickle, queues); the
# store, opened right after the first paint (peewee, the models, the store-problem dialog)
FORBIDDEN = (
    "logging.handlers",
    "peewee",
    "app.store",
    "app.gui.windows.store_problem_dialog",
    "exchangelib",
    "requests",
    "lxml",
    "psycopg",
    "app.sync",
    "app.exchange",
    "app.simulator",
    "app.diagnostics.steps",
)


LOADED_LATER = ("exchangelib", "app.sync.scheduler", "app.sync.incoming", "app.gui.windows.mailbox_editor")
LOADERS = ("engine-loader", "window-loader")
# Qt.EventPriority.HighEventPriority: the number, since the Qt namespace costs the bare window
# some 17 ms to create (the app creates it anyway)
HIGH_EVENT_PRIORITY = 1


def forbidden_loaded() -> list[str]:
    return sorted(name for name in sys.modules if any(name == top or name.startswith(top + ".") for top in FORBIDDEN))


def cpu_seconds() -> float:
    """The CPU time this process has used, user and system (os.times: Windows too)."""
    times = os.times()
    return times.user + times.system


def watch_first_paint(app, *, wait_for_loaders: bool = False) -> None:
    """Report once the first top-level QMainWindow has been painted, again once it is usable (and,
    with *wait_for_loaders*, the threads loading the rest after it have ended); then end the process."""
    import threading

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    report_event = QEvent.Type(QEvent.registerEventType())

    class FirstPaint(QObject):
        """Watches the first main window shown (its own events only: a filter on the whole
        application would hand every event of every widget to Python, which costs the start
        tens of milliseconds that a person's start does not spend)."""

        def __init__(self) -> None:
            super().__init__(app)
            self.seen = False
            self.watching = False

        def watch(self, window: QWidget) -> None:
            if not self.watching:
                self.watching = True
                window.installEventFilter(self)

        def eventFilter(self, watched, event):
            if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                self.seen = True
                self.window = watched
                watched.removeEventFilter(self)
                # reported once the whole frame is painted, before anything the app queued on
                # the same paint (its store, its completion): a high-priority posted event
                QCoreApplication.postEvent(self, QEvent(report_event), HIGH_EVENT_PRIORITY)
            return False

        def event(self, event):
            if event.type() == report_event:
                first_paint(self.window)
                return True
            return super().event(event)

    def loaders_done() -> bool:
        names = {thread.name for thread in threading.enumerate()}
        return "sync-scheduler" in names and not names & set(LOADERS)

    def first_paint(window) -> None:
        line = {
            "seconds": time.perf_counter() - STARTED,
            "cpu": cpu_seconds(),
            "window": type(window).__name__,
            "forbidden": forbidden_loaded(),
            "modules": len(sys.modules),
        }
        print(json.dumps(line), flush=True)
        if getattr(window, "is_complete", True):  # the bare window; or the app built it whole
            usable(window)
        else:
            window.completed.connect(lambda: QTimer.singleShot(0, lambda: usable(window)))  # after its handlers

    def usable(window) -> None:
        line = {"usable": time.perf_counter() - STARTED, "usable_cpu": cpu_seconds()}
        if hasattr(window, "profiles"):
            line["profiles"] = len(window.profiles.rows)
        report(line)

    def report(line: dict, waited: float = 0.0) -> None:
        if wait_for_loaders and not loaders_done() and waited < 60:
            QTimer.singleShot(20, lambda: report(line, waited + 0.02))
            return
        if wait_for_loaders:
            line["loaded_later"] = [name for name in LOADED_LATER if name in sys.modules]
            line["threads"] = sorted({thread.name for thread in threading.enumerate()})
        print(json.dumps(line), flush=True)
        if PROFILER is not None:  # SSSM_PROBE_PROFILE: where the start's time went, for bench/startup.py
            PROFILER.disable()
            PROFILER.dump_stats(os.environ["SSSM_PROBE_PROFILE"])
        os._exit(0)

    watcher = FirstPaint()
    show = QMainWindow.show

    def show_and_watch(window: QWidget) -> None:
        watcher.watch(window)
        show(window)

    QMainWindow.show = show_and_watch  # type: ignore[method-assign, assignment]  # the app's window and the bare one


def run_app(wait_for_loaders: bool = False) -> int:
    import app.gui.application as application

    create = application.create_application

    def create_and_watch(*args, **kwargs):
        qt_app = create(*args, **kwargs)
        watch_first_paint(qt_app, wait_for_loaders=wait_for_loaders)
        return qt_app

    application.create_application = create_and_watch
    from app.cli import main

    return main([])


def run_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    watch_first_paint(app)
    window = QMainWindow()
    window.resize(1100, 700)
    window.show()
    return app.exec()


def seed() -> int:
    """The screenshots' sample data in SSSM_HOME's store, passwords in a keyring that forgets them."""
    import keyring
    from keyring.backend import KeyringBackend

    class ForgetfulKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass

    keyring.set_keyring(ForgetfulKeyring())
    from app import paths
    from app.gui.screenshots.sample_data import create_sample_data
    from app.store.db import close_database, open_database

    open_database(paths.database_path())
    create_sample_data()
    close_database()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    mode = sys.argv[1] if len(sys.argv) > 1 else "app"
    modes = {"app": run_app, "loaded": lambda: run_app(wait_for_loaders=True), "bare": run_bare, "seed": seed}
    sys.exit(modes[mode]())
