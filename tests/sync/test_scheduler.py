"""The scheduler with an injected clock: which workloads run, when they run next, what is stored.

Workloads here are real ``run_workload`` cycles against the loopback server (or, where only the
scheduling matters, plain callables returning what a cycle found); the clock never waits.
"""

import threading
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from app.domain.enums import SyncMethod, Workload
from app.store.models import Mailbox, WorkloadState
from app.sync.scheduler import Scheduler, eligible_jobs
from app.sync.session import run_workload

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)


def inbox_count(run):
    """A request through the run's connection (the exchangelib Account inside it)."""
    return run.connection.account.inbox.total_count


class Clock:
    def __init__(self, now=T0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


class Recorder:
    """Workload callables that record calls and report a scripted number of items."""

    def __init__(self, items=0):
        self.calls = []
        self.items = items
        self.lock = threading.Lock()

    def __call__(self, workload):
        def run(mailbox):
            with self.lock:
                self.calls.append((mailbox.email, workload))
            items = self.items(mailbox) if callable(self.items) else self.items
            return SimpleNamespace(created=items, updated=0, deleted=0, failure=None)

        return run

    def workloads(self):
        return {w: self(w) for w in Workload}


def _enable(mailbox, *workloads):
    Mailbox.update(**{f"{w.value}_enabled": True for w in workloads}).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def _state(mailbox, workload):
    return WorkloadState.get(WorkloadState.mailbox == mailbox.id, WorkloadState.workload == workload)


def test_only_enabled_server_side_workloads_of_approved_mailboxes_run(setup):
    profile = setup.profile("Eligible")
    both = _enable(setup.mailbox(profile, "both@contoso.com"), Workload.INCOMING, Workload.OUTGOING)
    _enable(setup.mailbox(profile, "pending@contoso.com", approved=False), *Workload)
    _enable(
        setup.mailbox(
            profile,
            "outlook@contoso.com",
            incoming_method=SyncMethod.OUTLOOK,
            outgoing_method=SyncMethod.NONE,
            act_method=SyncMethod.OUTLOOK,
        ),
        *Workload,
    )
    setup.mailbox(profile, "untested@contoso.com")  # nothing enabled yet
    recorder = Recorder()
    results = Scheduler(recorder.workloads(), clock=Clock()).run_once()
    assert sorted(recorder.calls) == [(both.email, Workload.INCOMING), (both.email, Workload.OUTGOING)]
    assert all(r.ok for r in results) and len(results) == 2
    only = Scheduler(recorder.workloads(), clock=Clock()).run_once([both.id + 1])
    assert only == [], "a mailbox without enabled workloads has nothing to run"


def test_next_runs_busy_normal_idle_stored_on_the_mailbox(setup):
    profile = setup.profile("Intervals")
    mailbox = _enable(setup.mailbox(profile, "intervals@contoso.com"), Workload.INCOMING, Workload.ACT)
    found = {Workload.INCOMING: [5, 0, 0, 0], Workload.ACT: [0, 0, 0, 0]}

    def workload(w):
        return lambda m: SimpleNamespace(created=found[w].pop(0), updated=0, deleted=0, failure=None)

    clock = Clock()
    scheduler = Scheduler({w: workload(w) for w in Workload}, clock=clock)
    assert len(scheduler.run_due()) == 2, "never scheduled: due at once"
    assert _state(mailbox, Workload.INCOMING).next_run_on == T0 + timedelta(minutes=2)  # busy
    assert _state(mailbox, Workload.ACT).next_run_on == T0 + timedelta(minutes=5)  # normal
    assert Mailbox.get_by_id(mailbox.id).next_sync_on == T0 + timedelta(minutes=2), "earliest of its workloads"
    clock.advance(minutes=1)
    assert scheduler.run_due() == [], "nothing is due before its time"
    clock.advance(minutes=1)
    assert [r.workload for r in scheduler.run_due()] == [Workload.INCOMING]
    assert _state(mailbox, Workload.INCOMING).next_run_on == clock.now + timedelta(minutes=5)
    while found[Workload.INCOMING]:  # until the third empty cycle in a row: idle
        clock.now = Mailbox.get_by_id(mailbox.id).next_sync_on
        ran = scheduler.run_due()
        assert len(ran) == 1, "one workload at a time: each on its own schedule"
    assert ran[0].workload is Workload.INCOMING
    assert _state(mailbox, Workload.INCOMING).next_run_on == clock.now + timedelta(minutes=12)
    # ACT ran empty at T0, T0+5 and T0+10: idle from its third empty cycle, on its own clock
    assert _state(mailbox, Workload.ACT).next_run_on == T0 + timedelta(minutes=22)
    assert clock.now == T0 + timedelta(minutes=12)


def test_minimum_polling_interval_of_the_profile(setup):
    profile = setup.profile("Slow polling", min_polling_minutes=30)
    mailbox = _enable(setup.mailbox(profile, "slow@contoso.com"), Workload.INCOMING)
    clock = Clock()
    scheduler = Scheduler({Workload.INCOMING: Recorder(items=9)(Workload.INCOMING)}, clock=clock)
    scheduler.run_due()
    assert Mailbox.get_by_id(mailbox.id).next_sync_on == T0 + timedelta(minutes=30), "busy, but not sooner"


def test_transient_failure_backs_off_and_the_reason_is_stored(setup, ews):
    account = ews.new_account("backoff", emails=2)
    mailbox = _enable(setup.mailbox(setup.profile("Back-off"), account.email), Workload.INCOMING)
    cycles = []

    def incoming(m):
        run = run_workload(m, Workload.INCOMING, lambda r: setattr(r, "created", inbox_count(r)))
        cycles.append(run)
        return run

    clock = Clock()
    scheduler = Scheduler({Workload.INCOMING: incoming}, clock=clock)
    ews.faults.inject("server_busy", account=account.email, count=None, backoff_ms=15 * 60 * 1000)
    [result] = scheduler.run_due()
    assert result.failure.code == "ErrorServerBusy" and result.failure.transient
    state = _state(mailbox, Workload.INCOMING)
    assert state.next_run_on == T0 + timedelta(minutes=15), "the server's BackOffMilliseconds, longer than 5 min"
    assert "ErrorServerBusy" in state.backoff_reason and "900 s" in state.backoff_reason
    stored = Mailbox.get_by_id(mailbox.id)
    assert stored.next_sync_on == T0 + timedelta(minutes=15) and stored.transient_failure_count == 1
    assert stored.incoming_enabled
    ews.faults.clear()
    clock.advance(minutes=14)
    assert scheduler.run_due() == [], "back-off respected"
    clock.advance(minutes=1)
    [result] = scheduler.run_due()
    server_inbox = ews.server.directory.mailbox(account.email).distinguished["inbox"]
    assert result.ok and result.created == len(server_inbox.items_by_received()) > 0
    state = _state(mailbox, Workload.INCOMING)
    assert state.backoff_reason == "" and state.next_run_on == clock.now + timedelta(minutes=2)
    assert Mailbox.get_by_id(mailbox.id).transient_failure_count == 0 and len(cycles) == 2


def test_permanent_failure_disables_and_is_not_scheduled(setup, ews):
    account = ews.new_account("perm")
    mailbox = _enable(setup.mailbox(setup.profile("Permanent"), account.email), Workload.INCOMING)
    ews.faults.inject("http403", account=account.email, count=None)  # (a wrong password is retried: issue 13)
    clock = Clock()
    scheduler = Scheduler({Workload.INCOMING: lambda m: run_workload(m, Workload.INCOMING, inbox_count)}, clock=clock)
    [result] = scheduler.run_due()
    assert result.failure.code == "Forbidden" and result.next_run_on is None
    stored = Mailbox.get_by_id(mailbox.id)
    assert not stored.incoming_enabled and stored.next_sync_on is None
    assert "disabled" in _state(mailbox, Workload.INCOMING).backoff_reason
    clock.advance(hours=1)
    assert scheduler.run_due() == [], "a disabled workload waits for Test & Enable"


def test_catch_up_after_sleep_runs_each_due_workload_once(setup):
    profile = setup.profile("Sleepy")
    mailboxes = [
        _enable(setup.mailbox(profile, f"sleepy{i}@contoso.com"), Workload.INCOMING, Workload.ACT) for i in range(3)
    ]
    recorder = Recorder()
    clock = Clock()
    scheduler = Scheduler(recorder.workloads(), clock=clock)
    assert len(scheduler.run_due()) == 6
    clock.advance(hours=3)  # the machine slept through 36 five-minute intervals
    assert len(scheduler.run_due()) == 6
    assert scheduler.run_due() == []
    assert len(recorder.calls) == 12
    assert {Mailbox.get_by_id(m.id).next_sync_on for m in mailboxes} == {clock.now + timedelta(minutes=5)}


def test_at_most_max_connections_runs_per_profile_at_once(setup):
    narrow = setup.profile("Narrow", max_connections=2)
    single = setup.profile("Single", max_connections=1)
    for i in range(4):
        _enable(setup.mailbox(narrow, f"narrow{i}@contoso.com"), Workload.INCOMING)
    for i in range(2):
        _enable(setup.mailbox(single, f"single{i}@contoso.com"), Workload.INCOMING)
    entered, release = threading.Semaphore(0), threading.Event()
    lock, running, peak = threading.Lock(), {}, {}

    def incoming(mailbox):
        key = mailbox.profile_id
        with lock:
            running[key] = running.get(key, 0) + 1
            peak[key] = max(peak.get(key, 0), running[key])
        entered.release()
        release.wait(30)
        with lock:
            running[key] -= 1
        return SimpleNamespace(created=0, updated=0, deleted=0, failure=None)

    scheduler = Scheduler({Workload.INCOMING: incoming}, clock=Clock())
    results = []
    runner = threading.Thread(target=lambda: results.extend(scheduler.run_due()))
    runner.start()
    for _ in range(3):
        assert entered.acquire(timeout=30)
    # the first runs are held: whatever the scheduler started is in progress now
    assert (scheduler.active(narrow.id), scheduler.active(single.id)) == (2, 1)
    release.set()
    runner.join(30)
    assert len(results) == 6 and all(r.ok for r in results)
    assert peak == {narrow.id: 2, single.id: 1}
    assert (scheduler.active(narrow.id), scheduler.active(single.id)) == (0, 0)


def test_eligible_jobs_carry_profile_limits(setup):
    profile = setup.profile("Limits", max_connections=7, min_polling_minutes=3)
    mailbox = _enable(setup.mailbox(profile, "limits@contoso.com"), Workload.OUTGOING)
    [job] = eligible_jobs()
    assert (job.mailbox_id, job.workload, job.limit, job.min_polling) == (
        mailbox.id,
        Workload.OUTGOING,
        7,
        timedelta(minutes=3),
    )


def test_a_mailbox_whose_every_workload_was_disabled_is_no_longer_a_success(setup, ews):
    """Issue 10: a mailbox showed Success while every workload it synchronizes was disabled."""
    from app.domain.enums import RunStatus

    account = ews.new_account("alldisabled")
    mailbox = _enable(setup.mailbox(setup.profile("All disabled"), account.email), *Workload)
    Mailbox.update(mailbox_status=RunStatus.SUCCESS).where(Mailbox.id == mailbox.id).execute()
    ews.faults.inject("http403", account=account.email, count=None)
    scheduler = Scheduler({w: lambda m, w=w: run_workload(m, w, inbox_count) for w in Workload}, clock=Clock())
    scheduler.run_due()
    stored = Mailbox.get_by_id(mailbox.id)
    assert not (stored.incoming_enabled or stored.outgoing_enabled or stored.act_enabled)
    assert stored.mailbox_status is RunStatus.FAILURE


def test_a_mailbox_with_one_workload_still_enabled_keeps_its_status(setup):
    from app.domain.enums import RunStatus

    mailbox = _enable(setup.mailbox(setup.profile("Still one"), "stillone@contoso.com"), Workload.INCOMING)
    Mailbox.update(mailbox_status=RunStatus.SUCCESS).where(Mailbox.id == mailbox.id).execute()
    Scheduler(Recorder().workloads(), clock=Clock()).run_due()
    assert Mailbox.get_by_id(mailbox.id).mailbox_status is RunStatus.SUCCESS
