"""Cooperative cancellation shared by the engine and the GUI workers."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """Raised at a checkpoint after cancellation was requested."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()
