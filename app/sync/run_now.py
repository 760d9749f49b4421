"""One workload of one mailbox, at once: what the window's Send now and Save and sync now run.

It is the scheduler's own run of the job (``Scheduler.run_jobs``): the cycle claims the store lease
``mailbox:<id>:<workload>`` like any other, runs the same workload function (outgoing email marks
each email Sending before its send and looks it up in Sent Items before a retry), writes its sync
history and stores the next run. Sending at once is therefore never a second path around the
exactly-once rules. When another cycle of the same workload holds the lease (the window's
scheduler, or ``run`` in another process), the request waits a moment and tries again, a few times;
an email queued meanwhile goes with that cycle's successor either way.

No Qt: the window calls it in a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from app.domain.cancel import CancelToken
from app.domain.enums import Workload
from app.sync.scheduler import CycleResult, Scheduler, eligible_jobs

ATTEMPTS = 5  # tries while another cycle of the same workload holds its lease
WAIT_SECONDS = 2.0  # between those tries


def run_workload_now(
    mailbox_id: int,
    workload: Workload,
    *,
    attempts: int = ATTEMPTS,
    wait_seconds: float = WAIT_SECONDS,
    cancel: CancelToken | None = None,
    progress: Callable[..., None] | None = None,
) -> CycleResult | None:
    """Run *workload* of the mailbox now and wait for it. None when the mailbox may not run it (not
    approved, no profile, the workload not enabled or not server-side synchronization, the mailbox
    or its owner inactive): what was queued then waits until it may. A result whose ``skipped`` is
    set means another cycle kept the lease through every try."""
    del progress  # start_worker passes it; a single cycle has no steps to report
    jobs = [job for job in eligible_jobs([mailbox_id]) if job.workload is workload and not job.retest]
    if not jobs:
        return None
    scheduler = Scheduler()
    result = scheduler.run_jobs(jobs)[0]
    for _ in range(attempts - 1):
        if not result.skipped or (cancel is not None and cancel.cancelled):
            break
        time.sleep(wait_seconds)
        result = scheduler.run_jobs(jobs)[0]
    return result
