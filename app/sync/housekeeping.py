"""What the running engine tidies once an hour: the cycle history past its age
(app.store.cycle_stats.prune_history) and item monitoring's entries past the retention setting
(app.store.item_failures.prune). A failure is logged and tried again next hour, never fatal."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from app.store import cycle_stats, item_failures

log = logging.getLogger(__name__)
EVERY = timedelta(hours=1)


class Housekeeping:
    def __init__(self, every: timedelta = EVERY) -> None:
        self.every = every
        self.last: datetime | None = None

    def run_if_due(self, now: datetime) -> bool:
        """Prune when an hour has passed since the last time (at once the first time); True if it ran."""
        if self.last is not None and now - self.last < self.every:
            return False
        self.last = now
        try:
            deleted = cycle_stats.prune_history(now) + item_failures.prune(now)
        except Exception as exc:  # noqa: BLE001 - a busy or read-only store: next hour, the loop goes on
            log.warning("could not prune the synchronization history: %s", exc)
            return False
        if deleted:
            log.info("pruned %d rows of synchronization history and item monitoring", deleted)
        return True
