"""Recording each synchronization cycle into the hourly history, and pruning the history by age
(the tables: app.store.models_monitoring).

``record_cycle`` is called by app.sync.session inside the transaction that records the cycle's
outcome: two upserts (the hour of the workload, the hour of the mailbox), one statement each.
``prune_history`` deletes what is older than each table keeps, in small batches so that no
writer waits long behind it; the scheduler calls it once an hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.cycle_stats import bucket_of, hour_of
from app.domain.enums import AlertLevel, Workload
from app.store import backends
from app.store.base import database
from app.store.models import MailboxHour, SyncHistory, SyncHour

HISTORY_DAYS = 90  # the hourly rollups of every mailbox together
MAILBOX_HOURS_DAYS = 8  # per mailbox: the dashboard's longest range (7 days) and a day to spare
CYCLE_ROWS_DAYS = 2  # SyncHistory, one row per cycle (the mailbox form's history)
PRUNE_BATCH = 5_000

_ITEMS_COLUMN = {
    Workload.INCOMING: MailboxHour.items_incoming,
    Workload.OUTGOING: MailboxHour.items_outgoing,
    Workload.ACT: MailboxHour.items_act,
}


@dataclass(frozen=True)
class CycleFigures:
    """What one cycle adds to the history."""

    mailbox_id: int
    workload: Workload
    finished_on: datetime
    duration_ms: float
    items: int = 0
    requests: int = 0
    failure: AlertLevel | None = None  # Warning: retried; Error: the workload was disabled


def record_cycle(figures: CycleFigures) -> None:
    """Add one cycle to its hour (call inside the transaction of the cycle's outcome)."""
    hour = hour_of(figures.finished_on)
    warning = int(figures.failure is AlertLevel.WARNING)
    error = int(figures.failure is AlertLevel.ERROR)
    bucket = f"d{bucket_of(figures.duration_ms)}"
    row = {
        "hour": hour,
        "workload": figures.workload,
        "cycles": 1,
        "failures_warning": warning,
        "failures_error": error,
        "items": figures.items,
        "requests": figures.requests,
        "duration_ms_total": figures.duration_ms,
        **{f"d{i}": 0 for i in range(16)},
        bucket: 1,
    }
    column = getattr(SyncHour, bucket)
    SyncHour.insert(row).on_conflict(
        conflict_target=[SyncHour.hour, SyncHour.workload],
        update={
            SyncHour.cycles: SyncHour.cycles + 1,
            SyncHour.failures_warning: SyncHour.failures_warning + warning,
            SyncHour.failures_error: SyncHour.failures_error + error,
            SyncHour.items: SyncHour.items + figures.items,
            SyncHour.requests: SyncHour.requests + figures.requests,
            SyncHour.duration_ms_total: SyncHour.duration_ms_total + figures.duration_ms,
            column: column + 1,
        },
    ).execute()
    items = _ITEMS_COLUMN[figures.workload]
    MailboxHour.insert(
        hour=hour,
        mailbox=figures.mailbox_id,
        cycles=1,
        failures_warning=warning,
        failures_error=error,
        items_incoming=figures.items if figures.workload is Workload.INCOMING else 0,
        items_outgoing=figures.items if figures.workload is Workload.OUTGOING else 0,
        items_act=figures.items if figures.workload is Workload.ACT else 0,
        requests=figures.requests,
        duration_ms_total=figures.duration_ms,
        duration_ms_max=figures.duration_ms,
    ).on_conflict(
        conflict_target=[MailboxHour.hour, MailboxHour.mailbox],
        update={
            MailboxHour.cycles: MailboxHour.cycles + 1,
            MailboxHour.failures_warning: MailboxHour.failures_warning + warning,
            MailboxHour.failures_error: MailboxHour.failures_error + error,
            items: items + figures.items,
            MailboxHour.requests: MailboxHour.requests + figures.requests,
            MailboxHour.duration_ms_total: MailboxHour.duration_ms_total + figures.duration_ms,
            MailboxHour.duration_ms_max: backends.greatest(MailboxHour.duration_ms_max, figures.duration_ms),
        },
    ).execute()


def prune_history(now: datetime, *, batch: int = PRUNE_BATCH) -> int:
    """Delete the history older than each table keeps; how many rows went."""
    deleted = 0
    for model, column, days in (
        (SyncHour, SyncHour.hour, HISTORY_DAYS),
        (MailboxHour, MailboxHour.hour, MAILBOX_HOURS_DAYS),
        (SyncHistory, SyncHistory.started_on, CYCLE_ROWS_DAYS),
    ):
        cutoff = now - timedelta(days=days)
        while True:
            with database.atomic("IMMEDIATE"):
                ids = model.select(model.id).where(column < cutoff).order_by(column).limit(batch)
                count = int(model.delete().where(model.id.in_(ids)).execute())
            deleted += count
            if count < batch:
                break
    return deleted
