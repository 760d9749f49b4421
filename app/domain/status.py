"""A mailbox's state at a glance, for the lists: its worst workload status, whether it fails,
whether its synchronization is off, and the order "failing first".

Only the workloads synchronized server-side count (docs/product-rules.md §3: only those are
tested); a workload set to None or Outlook keeps whatever status its last test left, and that
status no longer says anything about the mailbox.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.enums import RunStatus, SyncMethod

# worst first: a failure, then a warning (a failure being retried), then a workload never tested
_RANK = {RunStatus.FAILURE: 0, RunStatus.WARNING: 1, RunStatus.NOT_RUN: 2, RunStatus.SUCCESS: 3}


def status_rank(status: RunStatus) -> int:
    """0 for the worst status (Failure) up to 3 for Success: sorting by it puts failing first."""
    return _RANK[status]


def worst_status(statuses: Iterable[RunStatus]) -> RunStatus:
    """The worst of *statuses* (Failure, Warning, Not run, Success); Not run when there is none."""
    return min(statuses, key=status_rank, default=RunStatus.NOT_RUN)


def mailbox_status(workloads: Iterable[tuple[SyncMethod, RunStatus]]) -> RunStatus:
    """The worst status of the (method, status) workloads synchronized server-side."""
    return worst_status(status for method, status in workloads if method is SyncMethod.SERVER_SIDE)


def is_failing(status: RunStatus) -> bool:
    """Failure, or a Warning: a failure that is being retried."""
    return status in (RunStatus.FAILURE, RunStatus.WARNING)


def is_sync_off(active: bool, workloads: Iterable[tuple[SyncMethod, bool]], tested: bool) -> bool:
    """Nothing of the mailbox is synchronized, and not because it waits for its first test: it
    (or its owner) is deactivated, no workload is set to server-side synchronization, or it was
    tested and none of those workloads is enabled (a failed test, or disabled after failures)."""
    if not active:
        return True
    enabled = [on for method, on in workloads if method is SyncMethod.SERVER_SIDE]
    if not enabled:
        return True
    return tested and not any(enabled)
