"""An unhandled exception, anywhere in the app: logged, and shown in a dialog with a report to
copy (no password in it) and the log file's path, instead of a traceback on a console nobody
sees or a silent exit (after Vorta's exception dialog).

``install_crash_reporter`` replaces ``sys.excepthook`` (exceptions in slots and in ``QThread``
workers reach it) and ``threading.excepthook`` (the engine's threads). The report is made and
logged in the thread that failed; the dialog opens on the GUI thread (a queued signal). While
one is open, later errors are added to it rather than opening more.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QObject, QSize, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app import paths
from app.gui.i18n import translate
from app.gui.windows.base import Dialog
from app.log import LOG_FILE_NAME, logging_problem

log = logging.getLogger(__name__)
SEPARATOR = "\n" + "─" * 60 + "\n\n"


def log_file_path() -> Path | None:
    """The log file, or None when logging is off (its folder cannot be written)."""
    return None if logging_problem() is not None else paths.log_dir(create=False) / LOG_FILE_NAME


class CrashDialog(Dialog):
    """The report of one unhandled exception (or several, one after the other)."""

    default_size = QSize(760, 520)
    quit_requested = Signal()

    def __init__(self, report: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QStyle

        from app.gui.forms.ui_crash_dialog import Ui_CrashDialog  # only when something failed: start-up

        super().__init__(parent)
        self.ui = Ui_CrashDialog()
        self.ui.setupUi(self)
        self.log_file = log_file
        self.count = 0
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        self.ui.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size))
        self.ui.logFile.setText(
            self.tr("Log file: %1").replace("%1", str(log_file))
            if log_file is not None
            else self.tr("Log file: none (logging is off: its folder cannot be written).")
        )
        self.ui.openFolderButton.setEnabled(log_file is not None)
        self.ui.copyButton.clicked.connect(self.copy_report)
        self.ui.openFolderButton.clicked.connect(self.open_log_folder)
        self.ui.quitButton.clicked.connect(self.quit_requested)
        self.ui.closeButton.clicked.connect(self.close)
        self.add_report(report)
        self.restore_geometry()

    def add_report(self, report: str) -> None:
        """Another unhandled exception while this dialog is open: its report follows the others."""
        self.count += 1
        text = self.ui.report.toPlainText()
        self.ui.report.setPlainText(text + SEPARATOR + report if text else report)
        if self.count > 1:
            self.ui.heading.setText(
                self.tr("Server-Side Sync Manager met %1 unexpected errors.").replace("%1", str(self.count))
            )

    def report_text(self) -> str:
        return self.ui.report.toPlainText()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from app.gui import messages

        if self.log_file is None:
            return
        folder = self.log_file.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            messages.show_error(
                self,
                self.tr("Open the log folder"),
                self.tr("The log folder could not be opened. It is %1").replace("%1", str(folder)),
            )


class CrashReporter(QObject):
    """Turns unhandled exceptions into a logged report and the crash dialog."""

    crashed = Signal(str)  # a report, from whichever thread failed; shown on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.quit_action: Callable[[], None] = QApplication.quit  # run_gui: the tray's Quit
        self._previous: tuple[object, object] | None = None
        self.crashed.connect(self.show_report)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal that started the app
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:  # a thread's way to end: not an error (as threading's own hook)
            return
        thread = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, thread)

    def report(
        self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None, thread: str
    ) -> str | None:
        """Make the report, log it and have the dialog show it; in any thread."""
        try:
            from app.diagnostics.crash_report import crash_report, stored_secrets  # when something failed

            text = crash_report(
                exc_type,
                exc,
                tb,
                thread=thread,
                log_file=log_file_path(),
                versions=[("Qt", qVersion()), ("PySide6", PySide6.__version__)],
                hidden=stored_secrets(),
                translate=translate,
            )
            log.critical("Unhandled exception in thread %s:\n%s", thread, text)
            self.crashed.emit(text)
            return text
        except Exception:  # noqa: BLE001 - the reporter itself failed: Python's own output, never a loop
            sys.__excepthook__(exc_type, exc if exc is not None else exc_type(), tb)
            return None

    def show_report(self, text: str) -> CrashDialog:
        if self.dialog is not None:
            self.dialog.add_report(text)
        else:
            self.dialog = CrashDialog(text, log_file_path())
            self.dialog.quit_requested.connect(self._quit)
            self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()
        return self.dialog

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _quit(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.quit_action()


def install_crash_reporter(parent: QObject | None = None) -> CrashReporter:
    reporter = CrashReporter(parent)
    reporter.install()
    return reporter
