"""The GUI's handle on the sync engine: one ``Scheduler`` for the app's lifetime.

The scheduler runs each workload cycle on a thread of its own; what it reports from there is
re-emitted through queued signals, so slots (and the widgets they update) always run on the
GUI thread. Refreshing lists after cycles is debounced: a burst of finished cycles (startup,
Sync now over every mailbox) reloads the window once, not once per cycle.

The engine (app.sync, and through it app.exchange and exchangelib) is not imported while the
window is built: ``start()`` loads the scheduler in a thread of its own ("engine-loader") once
the window shows, then starts it. Whatever needs the scheduler before that (``scheduler``,
``sync_now``) waits for the load, or loads it there and then.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.domain.enums import Workload
from app.gui.i18n import names_text
from app.gui.workers import background_imports

if TYPE_CHECKING:  # the engine is loaded after the window shows (see above)
    from app.store.models import Mailbox
    from app.sync.notifications import PushState
    from app.sync.scheduler import CycleResult, Scheduler, WorkloadFn, WorkloadOutcome

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
        self._workloads = dict(workloads) if workloads is not None else None  # None: the real ones
        self._clock, self._wait_cap = clock, wait_cap
        self._scheduler: Scheduler | None = None
        self._loader: threading.Thread | None = None  # start()'s load of the engine
        self._lock = threading.Lock()  # guards _scheduler and _paused between the loader and the GUI
        self._paused = False  # until the scheduler is loaded
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

    @property
    def scheduler(self) -> Scheduler:
        """The engine's scheduler: waits for ``start()``'s load, or loads it now (on this thread)."""
        if self._loader is not None and self._loader is not threading.current_thread():
            self._loader.join()
        with self._lock:
            if self._scheduler is not None:
                return self._scheduler
        return self._install(self._load())

    def _load(self) -> Scheduler:
        """A new scheduler, the engine imported (about a second the first time: exchangelib)."""
        with background_imports:  # may run on the loader thread
            from app.sync.scheduler import Scheduler, default_workloads

            real = self._workloads if self._workloads is not None else default_workloads()
            if self._workloads is None:
                import app.diagnostics.steps  # noqa: F401 (the scheduler's retry of failed tests: loaded here, once)
            tracked = {w: self._tracked(w, fn) for w, fn in real.items()}
            # Exchange's notifications decide when the real workloads run; made here, under the
            # lock: the scheduler imports their modules when it is made
            push = self._workloads is None
            if self._clock is not None:
                return Scheduler(
                    tracked, clock=self._clock, wait_cap=self._wait_cap, on_result=self._result.emit, push=push
                )
            return Scheduler(tracked, wait_cap=self._wait_cap, on_result=self._result.emit, push=push)  # own clock

    def _install(self, scheduler: Scheduler) -> Scheduler:
        """The first scheduler loaded becomes the one; paused if Pause came before it."""
        with self._lock:
            if self._scheduler is None:
                self._scheduler = scheduler
                if self._paused:
                    scheduler.pause()
            return self._scheduler

    def _load_and_start(self) -> None:  # the loader thread
        scheduler = self._install(self._load())
        with self._lock:
            if self._stopped:
                return
            scheduler.start()
        log.info("synchronization started")

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
        self._loader = threading.Thread(target=self._load_and_start, name="engine-loader", daemon=True)
        self._loader.start()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Stop starting cycles and wait for those in progress; True when no sync thread is left."""
        with self._lock:
            self._stopped = True
        self._refresh.stop()
        if self._loader is not None:
            self._loader.join(timeout)
        with self._lock:
            scheduler = self._scheduler
        done = scheduler.stop(timeout) if scheduler is not None else True
        done = done and not (self._loader is not None and self._loader.is_alive())
        if not done:
            log.warning("synchronization cycles still running after %.0f s", timeout)
        self._running.clear()
        return done

    @property
    def running(self) -> bool:
        return self._started and not self._stopped

    def sync_now(self, mailbox_id: int | None = None) -> int:
        """Queue the mailbox's (or every mailbox's) enabled workloads now; how many were queued. On a
        shared database the window is the fleet's console: the workloads are set due in the
        database, and whichever engine host claims one first runs it."""
        from app.store import fleet

        if fleet.shared_database():
            return fleet.set_due_now(mailbox_id)
        if not self.running:
            return 0
        return self.scheduler.sync_now(mailbox_id)

    def set_paused(self, paused: bool) -> None:
        with self._lock:
            scheduler = self._scheduler
            if paused == (scheduler.paused if scheduler is not None else self._paused):
                return
            self._paused = paused
            if scheduler is not None and paused:
                scheduler.pause()
            elif scheduler is not None:
                scheduler.resume()
        self.paused_changed.emit(paused)
        self._announce()

    @property
    def paused(self) -> bool:
        with self._lock:
            return self._scheduler.paused if self._scheduler is not None else self._paused

    def push_states(self) -> dict[int, PushState]:
        """How each mailbox hears of changes now (app.sync.notifications); empty until the engine
        has loaded, and without push."""
        with self._lock:
            scheduler = self._scheduler
        if scheduler is None or scheduler.push is None:
            return {}
        return scheduler.push.states()

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
        if self.paused:
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
