"""ReadAhead (app.sync.read_ahead): a producer thread at most *depth* steps ahead of its consumer."""

from __future__ import annotations

import threading

import pytest

from app.sync.read_ahead import ReadAhead


def test_items_come_in_order_and_the_producer_stays_within_its_depth():
    produced: list[int] = []
    ahead: list[int] = []

    def produce(put):
        for n in range(20):
            produced.append(n)
            put(n)

    pages = ReadAhead(produce, depth=2, name="test-read-ahead")
    consumed = []
    for item in pages:
        ahead.append(len(produced) - len(consumed))
        consumed.append(item)
    pages.close()
    assert consumed == list(range(20))
    assert max(ahead) <= 2 + 2  # the queue's two, the one in the consumer's hand, the one being put


def test_an_error_of_the_producer_is_raised_in_the_consumer_after_what_it_put():
    def produce(put):
        put("first")
        raise LookupError("the second page cannot be read")

    pages = ReadAhead(produce, depth=2, name="test-read-ahead")
    consumed = []
    with pytest.raises(LookupError, match="second page"):
        for item in pages:
            consumed.append(item)
    pages.close()
    assert consumed == ["first"]


def test_close_stops_the_producer_and_discards_what_was_not_consumed():
    discarded: list[int] = []
    stopped = threading.Event()

    def produce(put):
        n = 0
        while put(n):
            n += 1
        stopped.set()  # put said the consumer stopped

    pages = ReadAhead(produce, depth=3, name="test-read-ahead", discard=discarded.append)
    iterator = iter(pages)
    assert [next(iterator), next(iterator)] == [0, 1]
    pages.close()
    assert stopped.is_set()
    assert discarded and sorted(discarded) == list(range(2, 2 + len(discarded)))  # the rest, each once
    assert not any(t.name == "test-read-ahead" and t.is_alive() for t in threading.enumerate())
