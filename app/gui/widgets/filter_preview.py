"""The filter editor's preview, counted off the GUI thread (app.gui.workers).

At most one count runs at a time. ``ask`` while one runs keeps only the newest request, started
when the running one ends, and only the answer to the newest request is handed on: typing quickly
costs one count at the end, never a queue of them, and the window never waits for SQLite.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.domain.enums import RecordType
from app.domain.filters import Criterion
from app.gui.workers import WorkerHandle, start_worker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreviewRequest:
    generation: int
    record_type: RecordType
    criteria_lists: tuple[tuple[Criterion, ...], ...]
    user_id: int


def count_preview(request: PreviewRequest, **_worker: Any) -> tuple[int, object]:
    """(the request's number, its filters_sql.Preview or the exception it raised); runs in a worker
    thread, whose store connection it closes when done."""
    from app.store import filters_sql
    from app.store.base import database

    result: object
    try:
        result = filters_sql.preview(request.record_type, request.criteria_lists, request.user_id)
    except Exception as exc:  # shown in the preview
        log.exception("filter preview failed")
        result = exc
    finally:
        if database.obj is not None and not database.is_closed():
            database.close()  # this thread's connection: the thread ends now
    return request.generation, result


class PreviewService(QObject):
    ready = Signal(object)  # the newest request's filters_sql.Preview, or the exception it raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._running: WorkerHandle | None = None
        self._pending: PreviewRequest | None = None

    def ask(self, record_type: RecordType, criteria_lists: Sequence[Sequence[Criterion]], user_id: int) -> None:
        self.generation += 1
        lists = tuple(tuple(c) for c in criteria_lists)
        self._pending = PreviewRequest(self.generation, record_type, lists, user_id)
        self._start_pending()

    def cancel(self) -> None:
        """Whatever was asked is not wanted any more."""
        self.generation += 1
        self._pending = None

    def busy(self) -> bool:
        return self._running is not None and self._running.is_running()

    def stop(self) -> None:
        """Nothing more is asked (the window is closing); a count under way ends by itself."""
        self.cancel()

    @Slot()
    def _start_pending(self) -> None:
        if self.busy() or self._pending is None:
            return
        request, self._pending = self._pending, None
        # no parent: the handle outlives an editor closed while it counts (workers keeps it)
        self._running = start_worker(count_preview, request, name="filter-preview")
        self._running.result.connect(self._on_result)
        self._running.finished.connect(self._start_pending)

    @Slot(object)
    def _on_result(self, answer: object) -> None:
        assert isinstance(answer, tuple)
        generation, result = answer
        if generation == self.generation:
            self.ready.emit(result)
