"""The engine's unit of waiting: a minute, or — with the demo clock — a second.

Every rule and setting the engine counts in minutes (sync intervals, back-offs, the minimum
polling interval, the spacing of authentication retries) becomes a ``timedelta`` through
``minutes(n)``. Normally that is *n* minutes. After ``use_demo_clock()`` (demo mode only: the
loopback server's story of Warning → retries → Error fits in about a minute) it is *n* seconds.
Nothing outside demo mode switches it on; ``reset()`` switches it off again (tests).
"""

from __future__ import annotations

import threading
from datetime import timedelta

_lock = threading.Lock()
_demo_clock = False


def use_demo_clock() -> None:
    """From now on, a "minute" of the engine lasts one second (demo mode only)."""
    global _demo_clock
    with _lock:
        _demo_clock = True


def demo_clock_on() -> bool:
    return _demo_clock


def reset() -> None:
    """Back to real minutes (tests)."""
    global _demo_clock
    with _lock:
        _demo_clock = False


def minutes(n: float) -> timedelta:
    """*n* minutes; *n* seconds with the demo clock on."""
    return timedelta(seconds=n) if _demo_clock else timedelta(minutes=n)


def scaled(delta: timedelta) -> timedelta:
    """A wait that is not a setting (a server's BackOffMilliseconds) in the same unit: as it is
    normally, sixty times shorter with the demo clock on."""
    return delta / 60 if _demo_clock else delta
