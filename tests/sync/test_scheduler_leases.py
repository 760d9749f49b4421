"""One mailbox's workload cycle runs in one process at a time across the processes on a store.

The scheduler claims the lease ``mailbox:<id>:<workload>`` (app.store.leases) before a cycle,
keeps it renewed while the cycle runs and releases it once the next run is stored; a cycle whose
lease another holder has is skipped, without a failure or an alert. Another process is played
here by a lease claimed under another holder's name.
"""

import queue
import threading
from datetime import timedelta
from types import SimpleNamespace

from test_scheduler import Clock, _enable, _state

from app.domain.enums import Workload
from app.store import leases
from app.store.base import utcnow
from app.store.models import Alert, WorkLease
from app.sync.scheduler import Scheduler

SAFETY = 30


def _done(mailbox):
    return SimpleNamespace(created=1, updated=0, deleted=0, failure=None)


def test_a_cycle_another_process_holds_is_skipped_without_failure_or_alert(setup):
    mailbox = _enable(setup.mailbox(setup.profile("Held"), "held@contoso.com"), Workload.INCOMING, Workload.ACT)
    name = leases.mailbox_lease_name(mailbox.id, Workload.ACT.value)
    assert leases.claim(name, "the-window", timedelta(minutes=5))
    calls = []

    def workload(w):
        def run(m):
            calls.append(w)
            return _done(m)

        return run

    results = {r.workload: r for r in Scheduler({w: workload(w) for w in Workload}, clock=Clock()).run_once()}

    assert calls == [Workload.INCOMING], "the held cycle did not run here"
    held = results[Workload.ACT]
    assert held.skipped and held.ok and held.items == 0 and held.next_run_on is None
    assert held.summary() == "held@contoso.com act: skipped, another process is synchronizing it"
    assert not results[Workload.INCOMING].skipped and results[Workload.INCOMING].created == 1
    assert Alert.select().count() == 0
    assert _state(mailbox, Workload.INCOMING).next_run_on is not None
    assert not _state_exists(mailbox, Workload.ACT), "the other process stores its next run, not us"
    assert leases.current(name).holder == "the-window", "their lease is left alone"
    assert leases.current(leases.mailbox_lease_name(mailbox.id, Workload.INCOMING.value)) is None, "ours released"


def _state_exists(mailbox, workload):
    from app.store.models import WorkloadState

    return (
        WorkloadState.select()
        .where((WorkloadState.mailbox == mailbox.id) & (WorkloadState.workload == workload))
        .exists()
    )


def test_the_lease_is_held_and_renewed_while_the_cycle_runs_then_released(setup):
    mailbox = _enable(setup.mailbox(setup.profile("Beat"), "beat@contoso.com"), Workload.OUTGOING)
    name = leases.mailbox_lease_name(mailbox.id, Workload.OUTGOING.value)
    seen = []

    def outgoing(m):
        first = leases.current(name)
        assert not leases.claim(name, "another-process", timedelta(minutes=5)), "held while the cycle runs"
        deadline = utcnow() + timedelta(seconds=SAFETY)
        while leases.current(name).heartbeat_on == first.heartbeat_on and utcnow() < deadline:
            threading.Event().wait(0.02)
        seen.extend([first, leases.current(name)])
        return _done(m)

    scheduler = Scheduler({Workload.OUTGOING: outgoing}, clock=Clock(), lease_ttl=timedelta(seconds=0.3))
    [result] = scheduler.run_once()

    assert result.ok and not result.skipped
    first, later = seen
    assert later.holder == first.holder and later.expires_on > first.expires_on, "renewed by the heartbeat"
    assert leases.current(name) is None and WorkLease.select().count() == 0, "released at the end"


def test_a_crashed_holders_lease_is_taken_over_once_it_expired(setup):
    mailbox = _enable(setup.mailbox(setup.profile("Crashed"), "crashed@contoso.com"), Workload.INCOMING)
    name = leases.mailbox_lease_name(mailbox.id, Workload.INCOMING.value)
    # a process that died mid-cycle: it claimed the lease and stopped renewing it
    assert leases.claim(name, "dead-process", timedelta(seconds=60), now=utcnow() - timedelta(seconds=61))
    calls = []
    [result] = Scheduler({Workload.INCOMING: lambda m: calls.append(m) or _done(m)}, clock=Clock()).run_once()
    assert result.ok and not result.skipped and len(calls) == 1
    assert leases.current(name) is None


def test_the_loop_does_not_spin_on_a_held_cycle_and_runs_it_once_free(setup):
    mailbox = _enable(setup.mailbox(setup.profile("Loop held"), "loopheld@contoso.com"), Workload.INCOMING)
    name = leases.mailbox_lease_name(mailbox.id, Workload.INCOMING.value)
    assert leases.claim(name, "the-window", timedelta(minutes=5))
    clock, done, calls = Clock(), queue.Queue(), []

    def incoming(m):
        calls.append(m.email)
        return _done(m)

    scheduler = Scheduler(
        {Workload.INCOMING: incoming}, clock=clock, wait_cap=0.02, on_result=done.put, held_retry=timedelta(minutes=1)
    )
    scheduler.start()
    try:
        first = done.get(timeout=SAFETY)
        assert first.skipped
        threading.Event().wait(0.3)  # some fifteen loop passes
        assert done.empty() and calls == [], "not tried again while held"
        leases.release(name, "the-window")
        clock.advance(minutes=1)
        ran = done.get(timeout=SAFETY)
        assert not ran.skipped and calls == [mailbox.email]
    finally:
        assert scheduler.stop(timeout=SAFETY)


def test_a_cycle_refused_for_its_profiles_budget_is_tried_again_within_seconds(setup):
    """The profile's connections all in use by another process (its budget is the store's, the
    fleet's): nobody holds this cycle, so it is tried again after BUDGET_RETRY, not after the
    long wait for a cycle another process runs (a fleet of two hosts stalled half a minute)."""
    profile = setup.profile("Budget", max_connections=1)
    mailbox = _enable(setup.mailbox(profile, "budget@contoso.com"), Workload.INCOMING)
    other = leases.mailbox_lease_name(mailbox.id + 1000, Workload.INCOMING.value)
    assert leases.claim(other, "another-host", timedelta(minutes=5), profile_id=profile.id, budget=1)
    clock, done, calls = Clock(), queue.Queue(), []

    def incoming(m):
        calls.append(m.email)
        return _done(m)

    scheduler = Scheduler(
        {Workload.INCOMING: incoming}, clock=clock, wait_cap=0.02, on_result=done.put, held_retry=timedelta(minutes=1)
    )
    scheduler.start()
    try:
        assert done.get(timeout=SAFETY).skipped, "the budget is spent"
        threading.Event().wait(0.2)
        assert done.empty() and calls == [], "not tried again at once (no spinning)"
        leases.release(other, "another-host")
        clock.advance(seconds=1)
        ran = done.get(timeout=SAFETY)
        assert not ran.skipped and calls == [mailbox.email], "a second later, not a minute"
    finally:
        assert scheduler.stop(timeout=SAFETY)
