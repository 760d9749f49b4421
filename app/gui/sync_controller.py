"""The GUI's handle on the sync engine: one ``Scheduler`` for the app's lifetime.

The scheduler runs each workload cycle on a thread of its own; what it reports from there is
re-emitted through queued signals, so slots (and the widgets they update) always run on the
GUI thread. Refreshing lists after cycles is debounced: a burst of finished cycles (startup,
Sync now over every mailbox) reloads the window once, not once per cycle.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.domain.enums import Workload
from app.gui.i18n import names_text
from app.sync.scheduler import CycleResult, Scheduler, WorkloadFn, WorkloadOutcome, default_workloads

if TYPE_CHECKING:
    from app.store.models import Mailbox

log = logging.getLogger(__name__)

REFRESH_INTERVAL_MS = 1000
STOP_TIMEOUT_S = 15.0
NAMES_SHOWN = 2  # running mailboxes named in the status bar; the rest are counted


class SyncController(QObject):
    cycle_finished = Signal(int, str, bool, str)  # mailbox id, workload value, ok, summary
    running_changed = Signal(str)  # what the status bar says ("" when idle)
    paused_changed = Signal(bool)
    results_changed = Signal()  # debounced: at most once per refresh interval after cycles

    # from scheduler threads; queued to the GUI thread (the controller lives there)
    _cycle_started = Signal(int, str, str)  # mailbox id, email, workload value
    _cycle_ended = Signal(int, str)  # mailbox id, workload value
    _result = Signal(object)  # CycleResult

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        workloads: Mapping[Workload, WorkloadFn] | None = None,
        clock: Callable[[], datetime] | None = None,
        wait_cap: float = 30.0,
        refresh_interval_ms: int = REFRESH_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        real = dict(workloads) if workloads is not None else default_workloads()
        tracked = {w: self._tracked(w, fn) for w, fn in real.items()}
        if clock is not None:
            self.scheduler = Scheduler(tracked, clock=clock, wait_cap=wait_cap, on_result=self._result.emit)
        else:  # the scheduler's own clock
            self.scheduler = Scheduler(tracked, wait_cap=wait_cap, on_result=self._result.emit)
        self._running: dict[tuple[int, str], str] = {}  # (mailbox id, workload) -> email
        self._started = False
        self._stopped = False
        queued = Qt.ConnectionType.QueuedConnection
        self._cycle_started.connect(self._on_started, queued)
        self._cycle_ended.connect(self._on_ended, queued)
        self._result.connect(self._on_result, queued)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(refresh_interval_ms)
        self._refresh.timeout.connect(self.results_changed)

    def _tracked(self, workload: Workload, fn: WorkloadFn) -> WorkloadFn:
        def run(mailbox: Mailbox) -> WorkloadOutcome:  # on a scheduler thread: only signals from here
            self._cycle_started.emit(mailbox.id, mailbox.email, workload.value)
            try:
                return fn(mailbox)
            finally:
                self._cycle_ended.emit(mailbox.id, workload.value)

        return run

    # --- what the windows call ----------------------------------------------------------------

    def start(self) -> None:
        if self._stopped or self._started:
            return
        self._started = True
        self.scheduler.start()
        log.info("synchronization started")

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Stop starting cycles and wait for those in progress; True when no sync thread is left."""
        self._stopped = True
        self._refresh.stop()
        done = self.scheduler.stop(timeout)
        if not done:
            log.warning("synchronization cycles still running after %.0f s", timeout)
        self._running.clear()
        return done

    @property
    def running(self) -> bool:
        return self._started and not self._stopped

    def sync_now(self, mailbox_id: int | None = None) -> int:
        """Queue the mailbox's (or every mailbox's) enabled workloads now; how many were queued."""
        if not self.running:
            return 0
        return self.scheduler.sync_now(mailbox_id)

    def set_paused(self, paused: bool) -> None:
        if paused == self.scheduler.paused:
            return
        if paused:
            self.scheduler.pause()
        else:
            self.scheduler.resume()
        self.paused_changed.emit(paused)
        self._announce()

    @property
    def paused(self) -> bool:
        return self.scheduler.paused

    def running_text(self) -> str:
        emails = list(dict.fromkeys(self._running.values()))
        if emails:
            names = names_text(emails[:NAMES_SHOWN])
            if len(emails) > NAMES_SHOWN:
                return (
                    self.tr("Synchronizing %1 and %2 more…")
                    .replace("%1", names)
                    .replace("%2", str(len(emails) - NAMES_SHOWN))
                )
            return self.tr("Synchronizing %1…").replace("%1", names)
        if self.scheduler.paused:
            return self.tr("Sync paused")
        return ""

    # --- from the scheduler threads, now on the GUI thread --------------------------------------

    def _on_started(self, mailbox_id: int, email: str, workload: str) -> None:
        if self._stopped:
            return
        self._running[(mailbox_id, workload)] = email
        self._announce()

    def _on_ended(self, mailbox_id: int, workload: str) -> None:
        self._running.pop((mailbox_id, workload), None)
        if not self._stopped:
            self._announce()

    def _on_result(self, result: CycleResult) -> None:
        if self._stopped:
            return
        self.cycle_finished.emit(result.mailbox_id, result.workload.value, result.ok, result.summary())
        if not self._refresh.isActive():
            self._refresh.start()

    def _announce(self) -> None:
        self.running_changed.emit(self.running_text())
