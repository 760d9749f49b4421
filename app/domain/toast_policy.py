"""When an alert deserves a tray toast (docs/product-rules.md §4). Plain Python: the clock is injected.

A toast goes out for each alert that is new (or newly escalated) at a level the system
settings want toasted (Error by default, Warning when enabled), but no more than one per
mailbox (or per profile, for profile-level alerts) every ten minutes. Alerts that exist when
the app starts are taken as already seen. Ten of the engine's minutes (app.domain.timeunit):
ten seconds with the demo clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from app.domain.enums import AlertLevel
from app.domain.timeunit import minutes

TOAST_INTERVAL_MINUTES = 10
TOAST_INTERVAL_SECONDS = TOAST_INTERVAL_MINUTES * 60


class ToastPolicy:
    def __init__(self, clock: Callable[[], float] = time.monotonic, interval: float | None = None):
        self._clock = clock
        self._interval = interval if interval is not None else minutes(TOAST_INTERVAL_MINUTES).total_seconds()
        self._seen: set[tuple[int, str]] = set()
        self._last_toast: dict[tuple[str, int | None], float] = {}

    def mark_seen(self, alerts: Iterable[Any]) -> None:
        self._seen.update((a.id, a.level.value) for a in alerts)

    def select(self, alerts: Iterable[Any], *, toast_errors: bool = True, toast_warnings: bool = False) -> list[Any]:
        """The alerts to toast now, oldest first; every alert given is seen afterwards."""
        wanted = set()
        if toast_errors:
            wanted.add(AlertLevel.ERROR)
        if toast_warnings:
            wanted.add(AlertLevel.WARNING)
        chosen = []
        fresh = [a for a in alerts if (a.id, a.level.value) not in self._seen]
        for alert in sorted(fresh, key=lambda a: (a.updated_on, a.id)):
            self._seen.add((alert.id, alert.level.value))
            if alert.level not in wanted or not alert.is_open:
                continue
            key = ("mailbox", alert.mailbox_id) if alert.mailbox_id is not None else ("profile", alert.profile_id)
            now = self._clock()
            last = self._last_toast.get(key)
            if last is not None and now - last < self._interval:
                continue
            self._last_toast[key] = now
            chosen.append(alert)
        return chosen
