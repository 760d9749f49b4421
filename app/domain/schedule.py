"""When a workload of a mailbox runs next (docs/product-rules.md §5 Scheduling): pure rules, no I/O, no clock.

Every enabled workload has its own next-run time, set when a cycle ends:
- a cycle that found items (created, updated or deleted something) is *busy*: next in 2 minutes;
- ``IDLE_AFTER`` empty cycles in a row make the workload *idle*: next in 12 minutes;
- otherwise (an empty cycle, or the first ones after a busy one): 5 minutes;
- a transient failure waits for its back-off (escalation decides how long) instead;
- never sooner than the profile's minimum polling interval.

Intervals are counted in the engine's minutes (``app.domain.timeunit``: seconds with the demo
clock), so they are computed when used, never frozen at import.

Catching up after the machine slept needs no special case: next-run times are absolute, so
whatever is overdue is simply due, and once it has run its next time is counted from *now* —
a workload that missed ten intervals runs once, not ten times.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.timeunit import minutes

BUSY_MINUTES = 2
NORMAL_MINUTES = 5
IDLE_MINUTES = 12
IDLE_AFTER = 3  # empty cycles in a row before a workload counts as idle


def busy_interval() -> timedelta:
    return minutes(BUSY_MINUTES)


def normal_interval() -> timedelta:
    return minutes(NORMAL_MINUTES)


def idle_interval() -> timedelta:
    return minutes(IDLE_MINUTES)


@dataclass(frozen=True)
class CycleOutcome:
    """What one finished cycle tells the schedule."""

    items: int = 0  # created + updated + deleted
    failed: bool = False
    backoff: timedelta | None = None  # a transient failure's retry delay (None: no back-off)


def empty_streak_after(previous_streak: int, outcome: CycleOutcome) -> int:
    """Empty cycles in a row after *outcome*; a failure neither extends nor breaks the streak."""
    if outcome.failed:
        return previous_streak
    return 0 if outcome.items else previous_streak + 1


def interval_for(outcome: CycleOutcome, empty_streak: int) -> timedelta:
    """The pause after a cycle, before the minimum polling interval is applied.
    *empty_streak* counts this cycle already (see ``empty_streak_after``)."""
    if outcome.failed:
        return outcome.backoff if outcome.backoff is not None else normal_interval()
    if outcome.items:
        return busy_interval()
    if empty_streak >= IDLE_AFTER:
        return idle_interval()
    return normal_interval()


def next_run_after(
    finished_on: datetime, outcome: CycleOutcome, empty_streak: int, min_polling: timedelta = timedelta(0)
) -> datetime:
    """When the workload runs next, counted from the end of its cycle."""
    return finished_on + max(interval_for(outcome, empty_streak), min_polling)


def is_due(next_run_on: datetime | None, now: datetime) -> bool:
    """Never scheduled yet, or its time has come (however long ago: catch-up runs once)."""
    return next_run_on is None or next_run_on <= now


def earliest(times: Iterable[datetime | None]) -> datetime | None:
    """The earliest of the given times, ignoring None (the mailbox's next sync)."""
    known = [t for t in times if t is not None]
    return min(known) if known else None


def seconds_until(next_run_on: datetime | None, now: datetime, *, cap: float) -> float:
    """How long a scheduler may sleep before *next_run_on*, at most *cap* seconds — the cap is what
    notices a wall clock that jumped (the machine slept) while the wait ran on a monotonic clock."""
    if next_run_on is None:
        return cap
    return max(0.0, min(cap, (next_run_on - now).total_seconds()))
