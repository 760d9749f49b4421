"""A producer thread that works ahead of its consumer, a bounded number of steps.

Incoming sync reads the Inbox's changes page after page and stores each page before saving the
sync state that follows it. Reading (SyncFolderItems, and starting the page's GetItem requests)
does not have to wait for the storing of the page before: ``ReadAhead`` runs the reading in a
thread of its own, at most *depth* pages ahead, so that the profile's connections keep working
while the consumer stores.

``ReadAhead(produce, depth=…, name=…, discard=…)``: ``produce(put)`` runs in the thread and hands
on each step with ``put(item)``, which waits while *depth* items are waiting and returns False
once the consumer has stopped (the producer should end then). Iterating yields the items in
order; an exception of the producer is raised in the consumer, after the items it put before.
``close()`` stops the producer and waits for it; *discard* is called for every item produced but
never consumed (to cancel the requests it started).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.1  # how often a producer waiting for room looks whether the consumer stopped


@dataclass(frozen=True)
class _End:
    error: BaseException | None


class ReadAhead(Generic[T]):
    def __init__(
        self,
        produce: Callable[[Callable[[T], bool]], None],
        *,
        depth: int,
        name: str,
        discard: Callable[[T], None] = lambda _item: None,
    ) -> None:
        self._queue: queue.Queue[T | _End] = queue.Queue(maxsize=max(1, depth))
        self._stopped = threading.Event()
        self._discard = discard
        self._thread = threading.Thread(target=self._run, args=(produce,), name=name, daemon=True)
        self._thread.start()

    def _put(self, item: T | _End) -> bool:
        while not self._stopped.is_set():
            try:
                self._queue.put(item, timeout=POLL_SECONDS)
                return True
            except queue.Full:
                continue
        if not isinstance(item, _End):
            self._discard(item)
        return False

    def _run(self, produce: Callable[[Callable[[T], bool]], None]) -> None:
        try:
            produce(self._put)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
            self._put(_End(exc))
        else:
            self._put(_End(None))

    def __iter__(self) -> Iterator[T]:
        while True:
            item = self._queue.get()
            if isinstance(item, _End):
                self._stopped.set()
                if item.error is not None:
                    raise item.error
                return
            yield item

    def close(self) -> None:
        """Stop the producer, discard what it produced that was not consumed, wait for it."""
        self._stopped.set()
        while self._thread.is_alive() or not self._queue.empty():
            try:
                item = self._queue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if not isinstance(item, _End):
                self._discard(item)
        self._thread.join()
