"""The arithmetic of the dashboard's figures (docs/product-rules.md §6), pure.

Cycle durations are kept as histograms, not as one row per cycle: ``DURATION_BOUNDS_MS`` are the
upper bounds of the buckets (1-2-5 steps from 10 ms to 5 minutes; the last bucket is open), and a
percentile is read from the counts by interpolating inside its bucket. An hour of any number of
cycles is then one row of counts, so 90 days of history stay a few thousand rows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

DURATION_BOUNDS_MS: tuple[int, ...] = (
    10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 300_000,
)  # fmt: skip
BUCKETS = len(DURATION_BOUNDS_MS) + 1  # the last one: longer than 5 minutes


def bucket_of(duration_ms: float) -> int:
    """The histogram bucket of one cycle's duration."""
    return bisect_left(DURATION_BOUNDS_MS, max(0.0, duration_ms))


def percentile(counts: Sequence[int], fraction: float) -> float | None:
    """The duration (ms) below which *fraction* of the counted cycles finished, interpolated inside
    its bucket; None when nothing was counted. The open last bucket answers its lower bound."""
    total = sum(counts)
    if total <= 0:
        return None
    rank = fraction * total
    seen = 0
    for index, count in enumerate(counts):
        if count and seen + count >= rank:
            low = 0 if index == 0 else DURATION_BOUNDS_MS[index - 1]
            if index >= len(DURATION_BOUNDS_MS):
                return float(low)
            high = DURATION_BOUNDS_MS[index]
            return low + (high - low) * max(0.0, rank - seen) / count
        seen += count
    return float(DURATION_BOUNDS_MS[-1])


def hour_of(when: datetime) -> datetime:
    """The start of *when*'s hour, in UTC (the history's buckets)."""
    return when.astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0)


def hours_between(start: datetime, end: datetime) -> list[datetime]:
    """Every hour from *start*'s up to and including *end*'s."""
    hour, last = hour_of(start), hour_of(end)
    hours = []
    while hour <= last:
        hours.append(hour)
        hour += timedelta(hours=1)
    return hours
