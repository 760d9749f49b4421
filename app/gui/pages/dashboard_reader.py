"""The dashboard's figures, read off the GUI thread (app.gui.workers).

``DashboardReader.read(now, period)`` reads every figure of the page (app.store.dashboard
``read_figures``: the tiles, the hourly charts, the mailboxes with the most failures, the next
cycles) in a worker thread, with that thread's own store connection, and hands the plain result
to the GUI thread with ``ready``; the page only applies it to its widgets.

At most one read runs at a time. A read asked for while one runs is folded into one more read,
started when the running one ends, whatever the number of asks; the answer of a read that an ask
has overtaken is dropped, so the page only shows the newest figures. After ``close`` (the page's
window closed) a read under way is cancelled and its answer, when it comes, does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.domain.cancel import CancelToken
from app.gui.workers import WorkerHandle, start_worker
from app.store.dashboard import DashboardFigures, read_figures

log = logging.getLogger(__name__)

Read = Callable[[datetime, timedelta], DashboardFigures]


def read_in_worker(
    read: Read, now: datetime, period: timedelta, *, cancel: CancelToken, **_worker: Any
) -> DashboardFigures | None:
    """*read*'s figures, or None when cancelled before; runs in a worker thread, whose store
    connection it closes when done (the thread ends now)."""
    from app.store.base import database

    try:
        return None if cancel.cancelled else read(now, period)
    finally:
        if database.obj is not None and not database.is_closed():
            database.close()


class DashboardReader(QObject):
    ready = Signal(object)  # the DashboardFigures of the newest read
    failed = Signal(object)  # the exception a read raised (the store busy or damaged)

    def __init__(self, parent: QObject | None = None, *, read: Read = read_figures) -> None:
        super().__init__(parent)
        self._read = read
        self._running: WorkerHandle | None = None
        self._pending: tuple[datetime, timedelta] | None = None
        self._closed = False
        self.reads_started = 0

    def read(self, now: datetime, period: timedelta) -> None:
        """Read the figures of *period* up to *now*: at once, or after the read under way."""
        if self._closed:
            return
        self._pending = (now, period)
        self._start_pending()

    def busy(self) -> bool:
        return self._running is not None and self._running.is_running()

    def close(self) -> None:
        """Nothing more is read or handed on; a read under way is cancelled (its thread ends by itself)."""
        self._closed = True
        self._pending = None
        if self._running is not None:
            self._running.cancel()

    @property
    def closed(self) -> bool:
        return self._closed

    def _start_pending(self) -> None:
        if self._closed or self.busy() or self._pending is None:
            return
        (now, period), self._pending = self._pending, None
        self.reads_started += 1
        # no parent: the handle outlives a page deleted while it reads (app.gui.workers keeps it)
        handle = start_worker(read_in_worker, self._read, now, period, name="dashboard-read")
        handle.result.connect(self._on_result)
        handle.error.connect(self._on_error)
        handle.finished.connect(self._on_finished)
        self._running = handle

    @Slot(object)
    def _on_result(self, figures: object) -> None:
        if self._closed or figures is None or self._pending is not None:
            return  # closed, cancelled, or overtaken by a newer ask: the next read answers
        self.ready.emit(figures)

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        if not self._closed:
            self.failed.emit(exc)

    @Slot()
    def _on_finished(self) -> None:
        self._running = None
        self._start_pending()
