"""Running long work off the GUI thread.

``start_worker(fn, ...)`` moves a ``Worker`` to its own ``QThread`` and calls
``fn(*args, progress=..., cancel=..., **kwargs)`` there. The function is plain Python (the
engine); it reports progress by calling ``progress(value)`` and stops early when
``cancel.cancelled`` turns true. The returned ``WorkerHandle`` lives in the GUI thread and
re-emits the worker's signals there, so whatever connects to it may touch widgets; the worker
itself never does.

Imports made off the GUI thread go through ``background_imports`` (a lock): two threads that
import the same packages at once (the engine loading after the window shows, a Test & Enable
worker importing the diagnostics) can meet in a circular import, which Python settles by handing
one of them a half-initialized module — an ImportError, found once in bench/gui_stall.py.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from app.domain.cancel import CancelToken

log = logging.getLogger(__name__)

background_imports = threading.Lock()  # held while a thread other than the GUI's imports (see above)


class Worker(QObject):
    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self.cancel_token = CancelToken()

    def _report(self, *values: Any) -> None:
        # engines report one value (a step) or several (done, total, report): one object either way
        self.progress.emit(values[0] if len(values) == 1 else values)

    @Slot()
    def run(self) -> None:
        try:
            value = self._fn(*self._args, progress=self._report, cancel=self.cancel_token, **self._kwargs)
        except Exception as exc:  # reported to the GUI, which decides how to show it
            log.exception("background work failed")
            self.error.emit(exc)
        else:
            self.result.emit(value)
        finally:
            self.finished.emit()


_running: set[WorkerHandle] = set()  # keeps handles (and their threads) alive until done


class WorkerHandle(QObject):
    """The GUI-thread side of one background job."""

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()

    def __init__(self, worker: Worker, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.name = name
        # not ``self.thread``: that would hide QObject.thread() (the thread this handle lives in)
        self._thread = QThread()
        self._thread.setObjectName(name)
        worker.moveToThread(self._thread)
        # bound slots of this GUI-thread object: Qt queues every emission to the GUI thread
        worker.progress.connect(self._on_progress)
        worker.result.connect(self._on_result)
        worker.error.connect(self._on_error)
        worker.finished.connect(self._on_finished)
        # the thread ends with its work, from the worker's own thread: waiting for it (the
        # application's shutdown, cancel_all_and_wait) then works without the GUI thread's loop
        worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.started.connect(worker.run)
        self._done = False

    def start(self) -> WorkerHandle:
        _running.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.worker.cancel_token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.worker.cancel_token.cancelled

    def is_running(self) -> bool:
        return not self._done

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread ends (shutdown only; never while the GUI must stay responsive)."""
        return self._thread.wait(msecs)

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        self.progress.emit(value)

    @Slot(object)
    def _on_result(self, value: object) -> None:
        self.result.emit(value)

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        self.error.emit(exc)

    @Slot()
    def _on_finished(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._done = True
        _running.discard(self)
        self.finished.emit()


def start_worker(
    fn: Callable[..., Any], *args: Any, name: str = "worker", parent: QObject | None = None, **kwargs: Any
) -> WorkerHandle:
    return WorkerHandle(Worker(fn, *args, **kwargs), name, parent).start()


def running_workers() -> list[WorkerHandle]:
    return list(_running)


def cancel_all_and_wait(msecs: int = 10_000) -> None:
    for handle in running_workers():
        handle.cancel()
    for handle in running_workers():
        handle.wait(msecs)
