"""Start-up problems the window must explain instead of a traceback: a store that cannot be used
(the dialog names the file, says what is wrong and offers to restore the last automatic backup,
to try again, or to quit) and a log folder that cannot be written (said once, the app goes on).

``open_store_or_ask()`` is what the window's start-up calls; its ``ask`` is this dialog, or
a stand-in in tests. Texts are translated here (context "StoreProblem"); the store's English
message is shown as the technical detail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import format_time, translate
from app.store.db import StoreError, StoreProblem

if TYPE_CHECKING:  # the backups are looked at only when the store cannot be used
    from app.store.backup import Backup, RestoreResult

log = logging.getLogger(__name__)


def _headline(problem: StoreProblem) -> str:
    # literal calls, one per text, so that lupdate finds every one of them
    texts = {
        StoreProblem.NOT_A_DATABASE: translate(
            "StoreProblem", "The data file is not a Server-Side Sync Manager data file."
        ),
        StoreProblem.DAMAGED: translate("StoreProblem", "The data file is damaged."),
        StoreProblem.NOT_A_FILE: translate(
            "StoreProblem", "The data file is not a file: something else is in its place."
        ),
        StoreProblem.BAD_SCHEMA: translate(
            "StoreProblem", "The data file has an impossible schema: it is damaged or was not written by this app."
        ),
        StoreProblem.TOO_NEW: translate("StoreProblem", "The data file was written by a newer version of the app."),
        StoreProblem.NOT_WRITABLE: translate("StoreProblem", "The data file cannot be written."),
        StoreProblem.BUSY: translate("StoreProblem", "The data file is busy: another program holds it."),
        StoreProblem.UNREACHABLE: translate("StoreProblem", "The shared database cannot be reached."),
    }
    return texts[problem]


def _advice(error: StoreError, latest: Backup | None) -> str:
    if error.problem is StoreProblem.BUSY:
        return translate(
            "StoreProblem",
            "Close the other program (another copy of the app, a backup tool or a database browser), then try again.",
        )
    if error.problem is StoreProblem.NOT_WRITABLE:
        return translate(
            "StoreProblem",
            "Give your account write access to the file and its folder (or free disk space), then try again.",
        )
    if latest is not None:
        when = format_time(latest.taken_on.astimezone())  # taken_on: local time, naive
        return translate(
            "StoreProblem", "Restore the last automatic backup, taken %1? The current file is kept beside it, renamed."
        ).replace("%1", when)
    return translate(
        "StoreProblem",
        "There is no automatic backup to restore. Move the file away to start with an empty "
        "store, or restore a copy of your own with “python -m app store restore --from FILE”.",
    )


class Choice(Enum):
    RESTORE = "restore"
    RETRY = "retry"
    QUIT = "quit"


class StoreProblemDialog(QDialog):
    """Why the store cannot be used, and the way out. ``choice`` after it closes."""

    def __init__(self, error: StoreError, latest: Backup | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error, self.latest, self.choice = error, latest, Choice.QUIT
        self.setWindowTitle(translate("StoreProblem", "The data file cannot be used"))
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(32, 32))
        layout.addWidget(icon)
        self.headline = QLabel(f"<b>{_headline(error.problem)}</b>", self)
        self.file = QLabel(translate("StoreProblem", "File: %1").replace("%1", str(error.path)), self)
        self.file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(_advice(error, latest), self)
        self.details = QLabel(translate("StoreProblem", "Details: %1").replace("%1", error.message), self)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet("color: palette(mid);")
        for label in (self.headline, self.file, self.advice, self.details):
            label.setWordWrap(True)
            layout.addWidget(label)
        self.buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        self.retry_button: QPushButton | None = None
        if error.restorable and latest is not None:
            self.restore_button = self.buttons.addButton(
                translate("StoreProblem", "Restore backup"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.clicked.connect(lambda: self._done(Choice.RESTORE))
        if error.problem in (StoreProblem.BUSY, StoreProblem.NOT_WRITABLE):
            self.retry_button = self.buttons.addButton(
                translate("StoreProblem", "Try again"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.retry_button.clicked.connect(lambda: self._done(Choice.RETRY))
        self.quit_button = self.buttons.addButton(
            translate("StoreProblem", "Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.clicked.connect(lambda: self._done(Choice.QUIT))
        (self.restore_button or self.retry_button or self.quit_button).setDefault(True)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _done(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.QUIT:
            self.reject()
        else:
            self.accept()


def ask_with_dialog(error: StoreError, latest: Backup | None) -> Choice:
    """The dialog, modal: at start-up there is no window and no event loop to return to yet."""
    dialog = StoreProblemDialog(error, latest)
    dialog.exec()
    return dialog.choice


@dataclass(frozen=True)
class StoreStart:
    """The store is open; ``restored`` tells when a backup had to be restored first."""

    restored: RestoreResult | None = None


Ask = Callable[[StoreError, "Backup | None"], Choice]


def open_store_or_ask(ask: Ask | None = None) -> StoreStart | None:
    """Open the user's store; while it cannot be used, ask (restore, try again or quit).
    None when the user quits."""
    from app import paths
    from app.gui import messages
    from app.store.db import open_database, store_error

    path = paths.database_target()
    restored: RestoreResult | None = None
    while True:
        try:
            open_database(path)
            return StoreStart(restored)
        except Exception as exc:
            error = store_error(exc, path)
            if error is None:
                raise
        log.error("the store cannot be used: %s", error)
        from app.store import backup

        # a shared database has no backup files of ours: its administrator restores it
        latest = backup.latest_usable(path) if error.restorable and isinstance(path, Path) else None
        choice = (ask or ask_with_dialog)(error, latest)
        if choice is Choice.QUIT:
            return None
        if choice is Choice.RESTORE and latest is not None and isinstance(path, Path):
            from app.store.backup import BackupError

            try:
                restored = backup.restore(path, latest.path)
            except (StoreError, BackupError) as exc:
                log.error("restoring %s failed: %s", latest.path, exc)
                messages.show_fatal(
                    None, translate("StoreProblem", "The backup could not be restored: %1").replace("%1", str(exc))
                )


def show_startup_notices(window: QWidget, start: StoreStart) -> None:
    """After the window is shown: a restored backup, a log folder that cannot be written."""
    from app.gui import messages
    from app.log import logging_problem

    if start.restored is not None:
        text = (
            translate(
                "StoreProblem",
                "The data file was damaged and has been restored from the backup %1. The damaged file is kept as %2.",
            )
            .replace("%1", str(start.restored.restored_from))
            .replace("%2", str(start.restored.kept_as) if start.restored.kept_as else "-")
        )
        messages.show_info(window, translate("StoreProblem", "Backup restored"), text)
    problem = logging_problem()
    if problem is not None:
        messages.show_error(
            window,
            translate("StoreProblem", "Logging is off"),
            translate(
                "StoreProblem",
                "The log folder %1 cannot be written, so this session keeps no log file. The app works normally; "
                "give your account write access to that folder to get the log back.",
            ).replace("%1", str(problem.folder)),
            problem.reason,
        )
