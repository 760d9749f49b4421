"""A mailbox's state at a glance: the worst status of its server-side workloads, failing, sync off."""

import pytest

from app.domain.enums import RunStatus, SyncMethod
from app.domain.status import is_failing, is_sync_off, mailbox_status, status_rank, worst_status

S, F, W, N = RunStatus.SUCCESS, RunStatus.FAILURE, RunStatus.WARNING, RunStatus.NOT_RUN
SSS, NONE, OUTLOOK = SyncMethod.SERVER_SIDE, SyncMethod.NONE, SyncMethod.OUTLOOK


@pytest.mark.parametrize(
    ("statuses", "worst"),
    [
        ([S, S, S], S),
        ([S, W, S], W),
        ([W, F, S], F),
        ([S, N], N),  # a workload never tested: the mailbox does not fully work yet
        ([N, W], W),
        ([], N),
    ],
)
def test_worst_status(statuses, worst):
    assert worst_status(statuses) is worst


def test_sorting_by_rank_puts_failure_then_warning_then_not_run_then_success():
    assert sorted([S, N, W, F], key=status_rank) == [F, W, N, S]


def test_only_server_side_workloads_count():
    # an old failure of a workload now set to None, or synchronized by Outlook, says nothing
    assert mailbox_status([(SSS, S), (NONE, F), (OUTLOOK, W)]) is S
    assert mailbox_status([(SSS, S), (SSS, W), (NONE, S)]) is W
    assert mailbox_status([(NONE, F), (NONE, S), (OUTLOOK, S)]) is N


def test_failing_means_failure_or_warning():
    assert [s for s in RunStatus if is_failing(s)] == [F, W]


@pytest.mark.parametrize(
    ("active", "workloads", "tested", "off"),
    [
        (True, [(SSS, True), (SSS, False), (NONE, False)], True, False),  # something is synchronized
        (False, [(SSS, True)], True, True),  # deactivated
        (True, [(NONE, False), (OUTLOOK, False)], False, True),  # nothing set to server-side sync
        (True, [(SSS, False), (SSS, False)], True, True),  # tested, nothing enabled
        (True, [(SSS, False)], False, False),  # waits for its first Test & Enable
        (True, [(NONE, True), (SSS, False)], True, True),  # an enabled flag of a workload set to None
    ],
)
def test_sync_off(active, workloads, tested, off):
    assert is_sync_off(active, workloads, tested) is off
