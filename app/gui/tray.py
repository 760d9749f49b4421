"""The tray: status icon, menu, toasts for new alerts (a click opens the alert), close-to-tray.

Without a system tray the window stays the app: closing it quits, and notifications appear
as a banner in the window. All notifications go through one ``Notifier`` (tray toast, else
in-app banner).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.domain.enums import AlertLevel
from app.domain.toast_policy import ToastPolicy
from app.gui.i18n import alert_text
from app.gui.icons import OK, state_for_level, tray_icon
from app.store import queries, repo

if TYPE_CHECKING:
    from app.gui.sync_controller import SyncController
    from app.gui.windows.main_window import MainWindow

ALERT_POLL_MS = 30_000


def _ui_state_path() -> Path:
    from app import paths

    return paths.data_dir() / "ui-state.json"


def load_ui_state() -> dict[str, Any]:
    try:
        return json.loads(_ui_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_ui_state(**values: Any) -> None:
    state = load_ui_state()
    state.update(values)
    _ui_state_path().write_text(json.dumps(state), encoding="utf-8")


class Notifier(QObject):
    """One way to tell the admin something: a tray toast when there is a tray, else a banner.

    A notification about an alert remembers it: clicking the toast (the tray's ``messageClicked``,
    which says nothing of which toast) opens the last one; the banner gets the alert with its text."""

    def __init__(
        self,
        tray: QSystemTrayIcon | None,
        banner: Callable[[str, int | None], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tray = tray
        self.banner = banner
        self.sent: list[tuple[str, str, str]] = []  # (channel, title, text): what went out, for tests
        self.toast_alert_id: int | None = None  # the alert of the last toast (None: not about one)

    def notify(
        self, title: str, text: str, level: AlertLevel = AlertLevel.INFORMATION, alert_id: int | None = None
    ) -> None:
        if self.tray is not None and self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            icon = {
                AlertLevel.ERROR: QSystemTrayIcon.MessageIcon.Critical,
                AlertLevel.WARNING: QSystemTrayIcon.MessageIcon.Warning,
            }.get(level, QSystemTrayIcon.MessageIcon.Information)
            self.toast_alert_id = alert_id
            self.tray.showMessage(title, text, icon)
            self.sent.append(("tray", title, text))
        else:
            self.banner(f"{title}: {text}", alert_id)
            self.sent.append(("banner", title, text))


class TrayController(QObject):
    sync_now_requested = Signal()
    paused_changed = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        *,
        available: bool | None = None,
        policy: ToastPolicy | None = None,
        sync: SyncController | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.sync = sync  # the SyncController: Sync now and Pause/Resume drive it
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.policy = policy or ToastPolicy()
        self.paused = False
        self.state = OK
        self.tray: QSystemTrayIcon | None = None
        if self.available:
            self._build_tray()
            window.close_handler = self._close_to_tray
            QApplication.setQuitOnLastWindowClosed(False)  # static, as the next one and quit()
        else:
            window.close_handler = None
            QApplication.setQuitOnLastWindowClosed(True)
        self.notifier = Notifier(self.tray, window.show_alert_banner, self)
        self.policy.mark_seen(queries.alert_rows())  # alerts from before this start are not news
        window.refreshed.connect(self.check_alerts)
        # alerts also come from background work the window does not watch: look again regularly
        self.poll = QTimer(self)
        self.poll.setInterval(ALERT_POLL_MS)
        self.poll.timeout.connect(self.check_alerts)
        self.poll.start()
        if sync is not None:
            self.sync_now_requested.connect(lambda: sync.sync_now())
            self.paused_changed.connect(sync.set_paused)
        self.update_state()

    def _build_tray(self) -> None:
        self.tray = QSystemTrayIcon(tray_icon(OK), self)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open"), self)
        self.sync_action = QAction(self.tr("Sync now"), self)
        self.pause_action = QAction(self.tr("Pause sync"), self)
        self.quit_action = QAction(self.tr("Quit"), self)
        for action in (self.open_action, self.sync_action, self.pause_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.open_action.triggered.connect(self.show_window)
        self.sync_action.triggered.connect(self.sync_now_requested)
        self.pause_action.triggered.connect(self.toggle_pause)
        self.quit_action.triggered.connect(self.quit)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.tray.messageClicked.connect(self.open_toast_alert)
        self.tray.setToolTip(self.tr("Server-Side Sync Manager"))
        if QSystemTrayIcon.isSystemTrayAvailable():  # tests force a tray on platforms without one
            self.tray.show()
        # Windows' light or dark taskbar changed (it changes with the colour scheme): redraw
        QApplication.styleHints().colorSchemeChanged.connect(self._colour_scheme_changed)

    # --- state and alerts -------------------------------------------------------------------

    def update_state(self) -> str:
        self.state = state_for_level(queries.worst_open_alert_level())
        if self.tray is not None:
            self.tray.setIcon(tray_icon(self.state))
            tips = {
                "ok": self.tr("All mailboxes are fine"),
                "warning": self.tr("Some mailboxes have warnings"),
                "error": self.tr("Some mailboxes have errors"),
            }
            self.tray.setToolTip(self.tr("Server-Side Sync Manager") + "\n" + tips[self.state])
        return self.state

    def _colour_scheme_changed(self, *_scheme: object) -> None:
        self.update_state()

    def check_alerts(self) -> None:
        settings = repo.system_settings()
        for alert in self.policy.select(
            queries.alert_rows(), toast_errors=settings.toast_errors, toast_warnings=settings.toast_warnings
        ):
            about = alert.mailbox_name or alert.profile_name
            title = (
                self.tr("%1: %2")
                .replace("%1", self.tr("Error") if alert.level is AlertLevel.ERROR else self.tr("Warning"))
                .replace("%2", about)
            )
            self.notifier.notify(title, alert_text(alert), alert.level, alert.id)
        self.update_state()

    # --- actions ----------------------------------------------------------------------------

    def show_window(self) -> None:
        from app.gui.windows.base import bring_to_front

        self.window.showNormal()
        bring_to_front(self.window)

    def open_toast_alert(self) -> None:
        """The admin clicked the last toast: the window, on its alert when it was about one."""
        self.show_window()
        if self.notifier.toast_alert_id is not None:
            self.window.open_alert(self.notifier.toast_alert_id)

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        if self.tray is not None:
            self.pause_action.setText(self.tr("Resume sync") if self.paused else self.tr("Pause sync"))
        self.paused_changed.emit(self.paused)

    def quit(self) -> None:
        if not self.window.quit_requested():
            return  # an editing window asks about its unsaved edits first; the app goes on
        if self.tray is not None:
            self.tray.hide()
        QApplication.quit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window()

    def _close_to_tray(self, event: QCloseEvent) -> None:
        event.ignore()
        self.window.hide()
        if not load_ui_state().get("tray_hint_shown"):
            self.notifier.notify(
                self.tr("Still running"),
                self.tr(
                    "Server-Side Sync Manager keeps synchronizing in the notification "
                    "area. Use Quit in its menu to end it."
                ),
            )
            save_ui_state(tray_hint_shown=True)
