"""The background loop: first runs, sync now, pause and resume, a clean stop. The clock is
injected and never advanced by waiting; queue timeouts are only a safety net."""

import queue
from datetime import timedelta
from types import SimpleNamespace

from test_scheduler import Clock, _enable

from app.domain.enums import Workload
from app.store.models import Mailbox
from app.sync.scheduler import Scheduler

SAFETY = 30  # seconds; never reached when the scheduler works


def _loop_scheduler(clock, done):
    def incoming(mailbox):
        return SimpleNamespace(created=0, updated=0, deleted=0, failure=None)

    return Scheduler({Workload.INCOMING: incoming}, clock=clock, wait_cap=0.05, on_result=done.put)


def test_loop_runs_due_work_then_sync_now_pause_resume_and_stops_cleanly(setup):
    profile = setup.profile("Loop")
    first = _enable(setup.mailbox(profile, "first@contoso.com"), Workload.INCOMING)
    second = _enable(setup.mailbox(profile, "second@contoso.com"), Workload.INCOMING)
    clock, done = Clock(), queue.Queue()
    scheduler = _loop_scheduler(clock, done)
    scheduler.start()
    try:
        started = {done.get(timeout=SAFETY).email for _ in range(2)}
        assert started == {first.email, second.email}, "never scheduled: both run at once"

        assert scheduler.sync_now(first.id) == 1
        assert done.get(timeout=SAFETY).email == first.email, "sync now does not wait for the schedule"

        scheduler.pause()
        assert scheduler.paused
        clock.advance(hours=1)  # both are due now, but paused
        scheduler.sync_now(second.id)  # an explicit request still runs while paused
        assert done.get(timeout=SAFETY).email == second.email
        # the loop pass that ran `second` saw `first` due and left it alone
        assert Mailbox.get_by_id(first.id).next_sync_on < clock.now

        scheduler.resume()
        resumed = done.get(timeout=SAFETY)
        # its third empty cycle in a row: idle
        assert resumed.email == first.email and resumed.next_run_on == clock.now + timedelta(minutes=12)
    finally:
        assert scheduler.stop(timeout=SAFETY), "stop waits for runs in progress"
    assert done.empty()
    assert scheduler.active(profile.id) == 0


def test_stop_waits_for_a_run_in_progress(setup):
    import threading

    profile = setup.profile("Stopping")
    _enable(setup.mailbox(profile, "stopping@contoso.com"), Workload.INCOMING)
    entered, release, finished = threading.Event(), threading.Event(), []

    def slow(mailbox):
        entered.set()
        release.wait(SAFETY)
        finished.append(mailbox.email)
        return SimpleNamespace(created=0, updated=0, deleted=0, failure=None)

    scheduler = Scheduler({Workload.INCOMING: slow}, clock=Clock(), wait_cap=0.05)
    scheduler.start()
    assert entered.wait(SAFETY)
    stopper = threading.Thread(target=scheduler.stop, kwargs={"timeout": SAFETY})
    stopper.start()
    assert not finished
    release.set()
    stopper.join(SAFETY)
    assert not stopper.is_alive() and finished == ["stopping@contoso.com"]
    assert Mailbox.get(Mailbox.email == "stopping@contoso.com").next_sync_on is not None, "the cycle was recorded"
