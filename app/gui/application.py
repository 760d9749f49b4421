"""Starting the desktop app."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_ID, APP_NAME, APP_USER_MODEL_ID, __version__
from app.gui.i18n import install_translators, pick_language

if TYPE_CHECKING:
    from app.gui.sync_controller import SyncController
    from app.gui.tray import TrayController
    from app.gui.windows.crash_dialog import CrashReporter
    from app.gui.windows.main_window import MainWindow

log = logging.getLogger(__name__)
_translators: list[QTranslator] = []  # the installed translators, kept alive as long as the app


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
qt_log = logging.getLogger("qt")


def log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own debug output, warnings and errors, into our log (logger "qt", with Qt's category)."""
    category = context.category if context.category and context.category != "default" else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", f"[{category}] " if category else "", message)


def install_qt_message_handler():
    """Route Qt's messages into the log from now on (the window, not the command line, where
    Qt's own stderr output is what a person sees); returns the handler it replaced."""
    return qInstallMessageHandler(log_qt_message)


def set_app_user_model_id() -> bool:
    """Windows: this process's AppUserModelID, before its first window, so that the taskbar groups
    its windows, and Windows its toasts, under the app (the Start menu shortcut carries the same
    ID). False elsewhere, or when Windows refuses it."""
    if sys.platform != "win32":
        return False
    import ctypes

    return bool(ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID) == 0)


def create_application(
    argv: list[str] | None = None, lang: str | None = None, stored: str | None = None
) -> QApplication:
    """The application, in the language ``--lang`` (*lang*) asks for, else *stored* (the store's
    language setting as last seen), else the system's."""
    set_app_user_model_id()
    # instance() is typed QCoreApplication | None; this app only ever creates a QApplication
    app = cast(QApplication, QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1]))
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    install_language(app, pick_language(lang, stored))
    from app.gui.icons import OK, status_icon

    app.setWindowIcon(status_icon(OK))
    return app


def install_language(app: QApplication, language: str) -> None:
    """Translate the UI into *language* from now on (windows built later show it)."""
    for translator in _translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())  # dates and numbers as this computer writes them, unless Japanese
    _translators[:] = install_translators(app, language)


LANGUAGE_KEY = "language/store"  # in the window settings: the store's language setting, as last seen


def startup_language(requested: str | None) -> str:
    """The language the app starts in once the store is open: ``--lang``, else the system setting.
    The setting is remembered in the window settings (``remembered_language``): the next start's
    first window, built before the store is open, speaks it."""
    from app.gui.windows.base import window_settings
    from app.store.repo import system_settings

    stored = system_settings().language
    settings = window_settings()
    if settings.value(LANGUAGE_KEY) != stored:
        settings.setValue(LANGUAGE_KEY, stored)
        settings.sync()
    return pick_language(requested, stored)


def remembered_language() -> str | None:
    """The store's language setting as the last start saw it ("" the system's), or None."""
    from app.gui.windows.base import window_settings

    value = window_settings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) else None


_USER_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
        QEvent.Type.Shortcut,
    }
)


class InputGate(QObject):
    """From ``close()`` until ``open()``, the watched window takes no click or key: its frame
    painted before the store was opened, and a click on a list page or a menu command needs the
    store. The frame is complete a moment after its first paint; what is pressed in between is
    dropped. (A filter on the whole application hands every event to Python: closed only for
    that moment, from the first paint, not while the window is built and painted.)"""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._closed = False

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            QCoreApplication.instance().installEventFilter(self)  # type: ignore[union-attr]  # the app runs

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _USER_INPUT and isinstance(watched, QWidget) and watched.window() is self._window

    def open(self) -> None:
        if self._closed:
            self._closed = False
            QCoreApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]


class _FirstPaint(QObject):
    """Calls back once, after the watched window's first paint (or after *fallback_ms* anyway)."""

    def __init__(
        self, window: QWidget, callback: Callable[[], None], fallback_ms: int, on_paint: Callable[[], None] | None
    ) -> None:
        super().__init__(window)
        self.callback: Callable[[], None] | None = callback
        self.on_paint = on_paint
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self.fire)  # a window that is never painted (minimized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            watched.removeEventFilter(self)
            if self.on_paint is not None:
                self.on_paint()
            QTimer.singleShot(0, self, self.fire)  # once this frame is painted
        return False

    def fire(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            callback()


def after_first_paint(
    window: QWidget, callback: Callable[[], None], fallback_ms: int = 2000, on_paint: Callable[[], None] | None = None
) -> None:
    """Run *callback* on the GUI thread once *window* has been painted for the first time: work
    that would only delay the first window (loading the sync engine) waits until it is seen.
    *on_paint*, if given, runs at that first paint itself (before the window's next event)."""
    _FirstPaint(window, callback, fallback_ms, on_paint)


def _load_the_rest(window: MainWindow, sync: SyncController, open_store: Callable[[], bool] | None = None) -> None:
    """Once the window is on the screen: the store opened (*open_store*; False: the app ends),
    the window completed (its lists, the tray), then the sync engine, and the windows it opens,
    each imported in a thread of its own (the GUI thread stays free)."""
    import threading

    from app.gui.windows.main_window import import_windows

    log.info("%s %s started", APP_NAME, __version__)  # its first record: after the first window
    if open_store is not None and not open_store():
        return
    window.complete()
    sync.start()
    threading.Thread(target=_load_in_background, args=(import_windows,), name="window-loader", daemon=True).start()


def _load_in_background(import_windows: Callable[[], None]) -> None:
    """The window-loader thread: the log file made rotating (a plain file handler until now:
    logging.handlers is not needed for the first window), then the windows imported."""
    from app.log import rotate_log_file

    rotate_log_file()
    import_windows()


class _TrayOnCompletion:
    """The tray (it reads the alerts), made as the main window is completed: its close-to-tray,
    its Quit for the crash dialog; another start's "show the window" waits for it."""

    def __init__(self, window: MainWindow, sync: SyncController, crashes: CrashReporter) -> None:
        self.window, self.sync, self.crashes = window, sync, crashes
        self.tray: TrayController | None = None
        window.completed.connect(self.start)
        if window.is_complete:
            self.start()

    def start(self) -> None:
        from app.gui.tray import TrayController

        if self.tray is None:
            self.tray = TrayController(self.window, sync=self.sync)
            self.crashes.quit_action = self.tray.quit  # the crash dialog's Quit ends the app as the tray's does

    def show_window(self) -> None:
        if not self.window.store_ready:  # the store is being opened: the frame to the front, no more
            from app.gui.windows.base import bring_to_front

            bring_to_front(self.window)
            return
        self.window.complete()  # its tray with it
        assert self.tray is not None
        self.tray.show_window()


def missing_display() -> str | None:
    """Why no window can open here, or None. Qt would abort with a terse message instead."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "No display: DISPLAY and WAYLAND_DISPLAY are not set, so the window cannot open. Run it in a "
        "desktop session (or under xvfb-run). Without a display, `python -m app simulator` runs the demo "
        "Exchange server and `python -m app sync --once` / `test-mailbox` work from the shell."
    )


def run_gui(*, demo: bool = False, lang: str | None = None) -> int:
    problem = missing_display()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from app.gui.windows.crash_dialog import install_crash_reporter

    if demo:
        from app.demo import prepare_demo_home

        prepare_demo_home()
    # the first window is built before the store is open (demo mode aside): in the language the
    # store's setting had the last time (remembered in the window settings)
    app = create_application(lang=lang, stored=None if demo else remembered_language())
    previous_handler = install_qt_message_handler()
    crashes = install_crash_reporter(app)  # an unhandled exception: a dialog and the log, not a silent exit
    try:
        return _run_window(app, crashes, demo=demo, lang=lang)
    finally:
        crashes.uninstall()
        qInstallMessageHandler(previous_handler)


def _store_language(app: QApplication, lang: str | None, current: str) -> str:
    """The store is open: its language setting (unless ``--lang``) installed if the UI speaks
    another one; the language returned."""
    language = startup_language(lang)
    if language != current:
        install_language(app, language)
    return language


def _run_window(app: QApplication, crashes: CrashReporter, *, demo: bool, lang: str | None) -> int:
    from app.domain import timeunit
    from app.gui.single_instance import SingleInstance
    from app.gui.windows.main_window import MainWindow

    instance = SingleInstance(parent=app)
    if not instance.claim():
        log.info("%s is already running: asked it to show its window", APP_NAME)
        return 0
    environment = None
    opened = None
    if demo:  # the demo's store first, as before: its records are named in the window's language
        from app.gui.windows.store_problem_dialog import open_store_or_ask
        from app.store.db import StoreError

        opened = open_store_or_ask()  # a store that cannot be used: a dialog (restore, try again, quit)
        if opened is None:
            instance.release()
            return 2
        try:
            _store_language(app, lang, pick_language(lang))
            from app.demo import start_demo

            environment = start_demo(pick_language(lang))  # its records named in the window's language
            timeunit.use_demo_clock()  # only here and in demo_mode: never outside demo mode
        except (StoreError, OSError) as exc:
            from app.gui.messages import show_fatal

            show_fatal(None, str(exc))
            return 2
    from app.gui.sync_controller import SyncController

    sync = SyncController(app)
    # the frame first (menus, navigation, status bar), before the store is opened (demo mode
    # aside); the store, then what reads it — the lists, the tray — once it is painted
    # (_load_the_rest), clicks and keys held off until then (InputGate)
    window = MainWindow(complete=False, store_open=demo)
    window.set_sync(sync)
    trays = _TrayOnCompletion(window, sync, crashes)
    instance.activated.connect(trays.show_window)
    if environment is not None:
        window.set_demo(environment.server)  # the Demo menu; the status bar says demo mode and its clock
        if environment.notice:
            log.warning(environment.notice)
    window.show()
    open_store: Callable[[], bool] | None = None
    gate: InputGate | None = None
    if opened is not None:
        from app.gui.windows.store_problem_dialog import show_startup_notices

        show_startup_notices(window, opened)  # a restored backup, a log folder that cannot be written
    else:
        gate = input_gate = InputGate(window)  # closed at the first paint, open once the store is
        frame_language = pick_language(lang, remembered_language())

        def open_store() -> bool:
            """The store, over the painted frame: its problems' dialog if it cannot be used (the
            app then ends with 2, as before the frame); its language if not the frame's."""
            from app.gui.messages import show_fatal
            from app.gui.windows.store_problem_dialog import open_store_or_ask, show_startup_notices
            from app.store.db import StoreError

            input_gate.open()
            started = open_store_or_ask()
            try:
                if started is not None and _store_language(app, lang, frame_language) != frame_language:
                    window.retranslate()
            except (StoreError, OSError) as exc:
                show_fatal(window, str(exc))
                started = None
            if started is None:
                window.hide()
                app.exit(2)
                return False
            show_startup_notices(window, started)  # a restored backup, a log folder that cannot be written
            return True

    after_first_paint(
        window, lambda: _load_the_rest(window, sync, open_store), on_paint=gate.close if gate is not None else None
    )
    try:
        return app.exec()
    finally:
        from app.gui.workers import cancel_all_and_wait

        cancel_all_and_wait()
        sync.stop()  # before the demo server goes: cycles in progress finish against it
        instance.release()
        if environment is not None:
            environment.stop()
            timeunit.reset()
