"""Test & Enable from the windows: runs the engine's diagnostics in a worker, with progress and cancel.

One mailbox (the mailbox editor), a profile's mailboxes (the profile form), or any list of them
(the Mailboxes page: the selection, or every mailbox whose last test failed); each profile's
mailboxes at most its maximum concurrent connections at once (app.diagnostics.bulk).

The engine (``app.diagnostics``) is imported by the worker thread when a test starts: the first
import of exchangelib takes a few hundred milliseconds, which the window must not spend frozen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.diagnostics.failed import failed_mailbox_ids
from app.domain.enums import RunStatus
from app.gui import messages
from app.gui.workers import WorkerHandle, background_imports, start_worker


def run_mailbox_test(mailbox_id: int, **kwargs: Any) -> Any:
    with background_imports:
        from app.diagnostics.steps import run_mailbox_test as run

    return run(mailbox_id, **kwargs)


def run_profile_test(profile_id: int, **kwargs: Any) -> Any:
    with background_imports:
        from app.diagnostics.bulk import run_profile_test as run

    return run(profile_id, **kwargs)


def run_mailboxes_test(mailbox_ids: list[int], **kwargs: Any) -> Any:
    with background_imports:
        from app.diagnostics.bulk import run_mailboxes_test as run

    return run(mailbox_ids, **kwargs)


MAILBOXES_KEY = "mailboxes"  # the one Test & Enable of a list of mailboxes that may run at a time


class DiagnosticRunner(QObject):
    activity = Signal(str, str)  # key, text ("" when done): for the status bar
    mailbox_tested = Signal(object)  # a DiagnosticReport
    profile_tested = Signal(int, object)  # profile id, list of DiagnosticReport
    mailboxes_tested = Signal(object)  # list of DiagnosticReport: the mailboxes a test_mailboxes tested
    notice = Signal(str)  # a sentence for the status bar: how a list's test ended, or why none started
    finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.handles: dict[str, WorkerHandle] = {}
        self.progress_dialogs: dict[str, QProgressDialog] = {}

    def is_running(self, key: str) -> bool:
        return key in self.handles

    def test_mailbox(self, mailbox_id: int, mailbox_name: str, parent: QWidget | None = None) -> bool:
        key = f"mailbox:{mailbox_id}"
        if key in self.handles:
            return False
        text = self.tr("Testing mailbox %1…").replace("%1", mailbox_name)
        dialog = self._progress(key, text, 0, parent)
        handle = start_worker(run_mailbox_test, mailbox_id, name=key, parent=self)
        handle.progress.connect(lambda step: dialog.setLabelText(f"{text}\n{getattr(step, 'title', '')}"))
        handle.result.connect(self.mailbox_tested)
        self._track(key, handle, text, parent)
        return True

    def test_profile(self, profile_id: int, profile_name: str, parent: QWidget | None = None) -> bool:
        key = f"profile:{profile_id}"
        if key in self.handles:
            return False
        text = self.tr("Testing the mailboxes of %1…").replace("%1", profile_name)
        dialog = self._progress(key, text, 0, parent)

        def progress(value: Any) -> None:
            if isinstance(value, tuple) and len(value) >= 2:
                done, total = value[0], value[1]
                dialog.setMaximum(max(total, 1))
                dialog.setValue(done)
                self.activity.emit(
                    key, self.tr("Testing mailboxes: %1 of %2 done").replace("%1", str(done)).replace("%2", str(total))
                )

        handle = start_worker(run_profile_test, profile_id, name=key, parent=self)
        handle.progress.connect(progress)
        handle.result.connect(lambda reports: self.profile_tested.emit(profile_id, reports))
        self._track(key, handle, text, parent)
        return True

    def test_mailboxes(self, mailbox_ids: list[int], parent: QWidget | None = None) -> bool:
        """Test & Enable these mailboxes in the background, each profile's at most its maximum
        concurrent connections at once, with a progress dialog ("n of N") and Cancel; the reports
        come with ``mailboxes_tested``. False (and a ``notice``) when none was started: a list's
        test already running, or nothing to test. A mailbox under its own test is left out."""
        if MAILBOXES_KEY in self.handles:
            self.notice.emit(self.tr("A Test & Enable of several mailboxes is already running."))
            return False
        ids = [i for i in dict.fromkeys(mailbox_ids) if f"mailbox:{i}" not in self.handles]
        if not ids:
            self.notice.emit(self.tr("No mailbox to test."))
            return False
        key, total = MAILBOXES_KEY, [len(ids)]  # the engine's count replaces it (a deleted mailbox is left out)
        dialog = self._progress(key, self._tested_text(0, total[0]), total[0], parent)

        def progress(value: Any) -> None:
            if isinstance(value, tuple) and len(value) >= 2:
                done, total[0] = value[0], value[1]
                dialog.setMaximum(max(total[0], 1))
                dialog.setValue(done)
                dialog.setLabelText(self._tested_text(done, total[0]))
                self.activity.emit(key, self._tested_text(done, total[0]))

        handle = start_worker(run_mailboxes_test, ids, name=key, parent=self)
        handle.progress.connect(progress)
        handle.result.connect(lambda reports: self._mailboxes_done(reports, total[0], handle.cancelled))
        self._track(key, handle, self._tested_text(0, total[0]), parent)
        dialog.canceled.connect(lambda: self.activity.emit(key, self.tr("Stopping the Test & Enable…")))
        return True

    def retest_failed(self, parent: QWidget | None = None) -> bool:
        """Test & Enable again every mailbox whose last test failed (test_mailboxes); False, with
        a ``notice`` saying so, when none did."""
        ids = failed_mailbox_ids()
        if not ids:
            self.notice.emit(self.tr("No mailbox failed its last Test & Enable: nothing to test again."))
            return False
        return self.test_mailboxes(ids, parent)

    def _tested_text(self, done: int, total: int) -> str:
        return self.tr("Testing mailboxes: %1 of %2 done").replace("%1", str(done)).replace("%2", str(total))

    def _mailboxes_done(self, reports: list[Any], total: int, cancelled: bool) -> None:
        passed = sum(1 for r in reports if r.status is RunStatus.SUCCESS)
        if cancelled:
            text = self.tr("Test & Enable cancelled: %1 of %2 mailboxes tested, %3 passed")
            text = text.replace("%1", str(len(reports))).replace("%2", str(total)).replace("%3", str(passed))
        else:
            text = self.tr("Test & Enable mailboxes: %1 of %2 passed").replace("%1", str(passed))
            text = text.replace("%2", str(total))
        self.mailboxes_tested.emit(reports)
        self.notice.emit(text)

    def _progress(self, key: str, text: str, maximum: int, parent: QWidget | None) -> QProgressDialog:
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, maximum, parent)
        dialog.setWindowTitle(self.tr("Test & Enable"))
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        self.progress_dialogs[key] = dialog
        dialog.open()
        return dialog

    def _track(self, key: str, handle: WorkerHandle, text: str, parent: QWidget | None) -> None:
        self.handles[key] = handle
        dialog = self.progress_dialogs[key]
        dialog.canceled.connect(handle.cancel)
        handle.error.connect(
            lambda exc: messages.show_error(
                parent, self.tr("Test & Enable"), self.tr("The test could not run."), str(exc)
            )
        )
        handle.finished.connect(lambda: self._done(key))
        self.activity.emit(key, text)

    def _done(self, key: str) -> None:
        self.handles.pop(key, None)
        dialog = self.progress_dialogs.pop(key, None)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        self.activity.emit(key, "")
        self.finished.emit()

    def cancel_all(self) -> None:
        for handle in list(self.handles.values()):
            handle.cancel()
