"""The unit that schedule and retry intervals count in: minutes, or seconds in demo mode.

Intervals that the product rules give in minutes (retry back-off, cycle intervals, the
authentication retry budget's spacing) are made with ``minutes(n)``. ``python -m app --demo``
calls ``use_demo_clock()`` so that the demo tells its whole story (Warning, retries, Error) in
about a minute: each of those minutes then lasts a second. Nothing outside demo mode turns it on.
"""

from __future__ import annotations

from datetime import timedelta

_demo_clock = False


def minutes(n: float) -> timedelta:
    """*n* minutes; *n* seconds while the demo clock is on."""
    return timedelta(seconds=n) if _demo_clock else timedelta(minutes=n)


def use_demo_clock() -> None:
    """From now on a minute lasts a second (demo mode only)."""
    global _demo_clock
    _demo_clock = True


def demo_clock_on() -> bool:
    return _demo_clock


def reset() -> None:
    """Minutes are minutes again (the end of a demo run; tests)."""
    global _demo_clock
    _demo_clock = False
