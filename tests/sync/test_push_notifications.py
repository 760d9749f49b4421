"""Push instead of poll (app.sync.notifications) against the loopback server over HTTPS.

Streaming (impersonation): the scheduler's loop, with a short "minute" on the server so that held
connections close and open again within the test; a new mail reaches the store through the stream
without any SyncFolderItems, and a subscription the server drops is made again without losing
what arrived meanwhile. Pull (own credentials): ``run_due`` with an injected clock, each cycle
one GetEvents per idle mailbox and no SyncFolderItems until the 12th. Failures: back to polling
with an Information alert, and subscribed again later. Requests are counted by the server.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from ews_fixtures import EWS_PASSWORD

from app.domain.enums import AlertLevel, CredentialSource, EmailStatus, TrackingOption, Workload
from app.store.models import Alert, EmailActivity, Mailbox, SyncHistory, Task, UserOptions, WorkloadState
from app.sync import notifications
from app.sync.notifications import FALLBACK_CODE, SAFETY_NET
from app.sync.outgoing import queue_email
from app.sync.scheduler import Scheduler

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)
OPERATIONS = ("SyncFolderItems", "GetEvents", "GetItem", "Subscribe", "GetStreamingEvents", "GetFolder", "CreateItem")


class Clock:
    def __init__(self, now=T0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def hub(ews):
    hub = ews.server.directory.notifications
    hub.minute = 1.0  # a held stream's ConnectionTimeout of 1 "minute" lasts a second
    hub.keepalive = 0.2
    return hub


def wait_until(predicate, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def enable(mailbox, *workloads):
    Mailbox.update(**{f"{w.value}_enabled": True for w in workloads}).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def track_all(setup) -> None:
    UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == setup.user.id).execute()


def stored(subject: str) -> bool:
    found: bool = EmailActivity.select().where(EmailActivity.subject == subject).exists()
    return found


def requests(ews, account: str) -> dict[str, int]:
    return {op: ews.stats.count(operation=op, account=account) for op in OPERATIONS}


def streamed(setup, ews, count=1, **profile_settings):
    """A profile whose account impersonates *count* new mailboxes (incoming email enabled)."""
    service = ews.new_account("svc", roles=("impersonation",))
    profile = setup.profile(
        f"Streaming {service.email}",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password=EWS_PASSWORD,
        **profile_settings,
    )
    track_all(setup)
    mailboxes = [
        enable(setup.mailbox(profile, ews.new_account("streamed", **NO_SEED).email, password=None), Workload.INCOMING)
        for _ in range(count)
    ]
    return service, mailboxes


def push_scheduler(**options) -> Scheduler:
    scheduler = Scheduler(push=True, wait_cap=0.1, **options)
    assert scheduler.push is not None
    scheduler.push.poll_seconds = 0.05
    scheduler.push.stream_minutes = 1
    return scheduler


def watching(scheduler: Scheduler, mailbox) -> bool:
    """The mailbox's stream is open and its catch-up done: nothing runs."""
    assert scheduler.push is not None
    watch = scheduler.push.watch_of(mailbox.id)
    return watch is not None and watch.live and not watch.needs_full and not scheduler.busy()


def deliver_and_store(ews, scheduler: Scheduler, service, mailbox, subject: str) -> tuple[dict, dict]:
    """A new mail for *mailbox*, waited for in the store and the cycle's end: the service
    account's requests before and after."""
    before = requests(ews, service.email)
    ews.server.deliver(mailbox.email, subject)
    wait_until(lambda: stored(subject), "the new mail in the store", timeout=10)
    wait_until(lambda: not scheduler.busy(), "the cycle's end")
    return before, requests(ews, service.email)


# --- streaming ------------------------------------------------------------------------------------


def test_a_streamed_new_mail_reaches_the_store_without_sync_folder_items(setup, ews, hub):
    service, [mailbox] = streamed(setup, ews)
    scheduler = push_scheduler()
    scheduler.start()
    try:
        wait_until(lambda: watching(scheduler, mailbox), "the stream")
        before, after = deliver_and_store(ews, scheduler, service, mailbox, "Pushed to the store")
    finally:
        assert scheduler.stop(10)
    assert after["SyncFolderItems"] == before["SyncFolderItems"], "the notification named the mail: no sync"
    assert after["GetItem"] == before["GetItem"] + 1  # the new mail, fetched by its id
    history = SyncHistory.select().where(SyncHistory.mailbox == mailbox.id).order_by(SyncHistory.id.desc()).first()
    assert history.created == 1


def test_a_subscription_the_server_drops_is_made_again_and_nothing_is_lost(setup, ews, hub):
    service, [mailbox] = streamed(setup, ews)
    scheduler = push_scheduler()
    assert scheduler.push is not None
    scheduler.start()
    try:
        wait_until(lambda: watching(scheduler, mailbox), "the stream")
        watch = scheduler.push.watch_of(mailbox.id)
        assert watch is not None
        dropped = watch.subscription
        hub.unsubscribe(hub.find(dropped, mailbox.email))  # as when it expires on the server
        ews.server.deliver(mailbox.email, "Arrived while no subscription existed")
        wait_until(lambda: watch.subscription not in (None, dropped) and watching(scheduler, mailbox), "a new one")
        wait_until(lambda: stored("Arrived while no subscription existed"), "the catch-up")
        ews.server.deliver(mailbox.email, "Arrived on the new subscription")
        wait_until(lambda: stored("Arrived on the new subscription"), "the new mail", timeout=10)
    finally:
        assert scheduler.stop(10)
    assert ews.stats.count(operation="Subscribe", account=service.email) == 2
    assert not Alert.select().where(Alert.mailbox == mailbox.id).exists(), "made again at once: no fallback"


def test_a_group_of_mailboxes_shares_one_held_connection(setup, ews, hub):
    """Three impersonated mailboxes: three subscriptions, one held connection for all of them."""
    hub.minute = 30.0  # the stream stays open for the whole test
    service, mailboxes = streamed(setup, ews, count=3)
    scheduler = push_scheduler()
    scheduler.start()
    try:
        wait_until(lambda: all(watching(scheduler, m) for m in mailboxes), "the stream")
        before = requests(ews, service.email)
        for n, mailbox in enumerate(mailboxes):
            ews.server.deliver(mailbox.email, f"Grouped {n}")
        wait_until(lambda: all(stored(f"Grouped {n}") for n in range(3)), "the three mails")
        after = requests(ews, service.email)
    finally:
        assert scheduler.stop(10)
    assert after["Subscribe"] == 3, "a subscription per mailbox"
    assert after["GetStreamingEvents"] == 1, "one connection carried the three mailboxes' notifications"
    assert after["SyncFolderItems"] == before["SyncFolderItems"]


def test_a_dropped_stream_falls_back_to_polling_with_an_information_alert(setup, ews, hub):
    service, [mailbox] = streamed(setup, ews)
    scheduler = push_scheduler()
    assert scheduler.push is not None
    scheduler.start()
    try:
        wait_until(lambda: watching(scheduler, mailbox), "the stream")
        ews.faults.inject("reset", account=service.email, operation="GetStreamingEvents", count=None)
        watch = scheduler.push.watch_of(mailbox.id)
        assert watch is not None
        wait_until(lambda: not watch.live and watch.retry_at is not None, "the fallback", timeout=10)
    finally:
        assert scheduler.stop(10)
    [alert] = Alert.select().where((Alert.mailbox == mailbox.id) & (Alert.error_code == FALLBACK_CODE))
    assert alert.level is AlertLevel.INFORMATION
    assert "polling" in alert.message and "streaming notifications" in alert.message
    assert "GetStreamingEvents" not in alert.message  # the message is for the admin; the cause is in details
    assert alert.details


def test_a_stream_that_fell_back_to_polling_streams_again_at_its_retry_time(setup, ews, hub):
    """After the fallback, the mailbox is polled until the retry time; then it subscribes again,
    reads its folders once (the gap), and a new mail comes through the stream, not a sync."""
    service, [mailbox] = streamed(setup, ews)
    clock = Clock(datetime.now(timezone.utc))
    scheduler = push_scheduler(clock=clock)
    assert scheduler.push is not None
    scheduler.start()
    try:
        wait_until(lambda: watching(scheduler, mailbox), "the stream")
        ews.faults.inject("reset", account=service.email, operation="GetStreamingEvents", count=1)
        watch = scheduler.push.watch_of(mailbox.id)
        assert watch is not None
        wait_until(lambda: not watch.live and watch.retry_at is not None, "the fallback", timeout=10)
        ews.server.deliver(mailbox.email, "Arrived while polled")
        subscribed = ews.stats.count(operation="Subscribe", account=service.email)
        assert watch.retry_at is not None
        clock.now = watch.retry_at + timedelta(seconds=1)  # the retry time, and the polled cycle, come
        wait_until(lambda: watching(scheduler, mailbox), "the stream again", timeout=15)
        assert ews.stats.count(operation="Subscribe", account=service.email) == subscribed + 1
        wait_until(lambda: stored("Arrived while polled"), "the mail that came meanwhile")
        before, after = deliver_and_store(ews, scheduler, service, mailbox, "Pushed after the retry")
    finally:
        assert scheduler.stop(10)
    assert after["SyncFolderItems"] == before["SyncFolderItems"], "streamed again: the notification named it"
    assert EmailActivity.select().where(EmailActivity.subject == "Arrived while polled").count() == 1


def test_with_one_connection_impersonated_mailboxes_are_pulled(setup, ews, hub):
    """A profile allowed one connection has none to hold a stream: its mailboxes get pull
    subscriptions, and its one connection stays free for synchronizing."""
    service, [mailbox] = streamed(setup, ews, max_connections=1)
    clock = Clock()
    scheduler = Scheduler(push=True, clock=clock, wait_cap=0.1)
    assert scheduler.push is not None
    scheduler.run_due()
    cycle(scheduler, clock)  # subscribed (pull) and caught up
    watch = scheduler.push.watch_of(mailbox.id)
    assert watch is not None and watch.kind == notifications.PULL and watch.live
    events = ews.stats.count(operation="GetEvents", account=service.email)
    assert all(r.quiet for r in cycle(scheduler, clock))
    assert ews.stats.count(operation="GetEvents", account=service.email) == events + 1
    scheduler.stop(10)
    assert ews.stats.count(operation="GetStreamingEvents", account=service.email) == 0


# --- pull ---------------------------------------------------------------------------------------


def pulled(setup, ews, count=3, workloads=tuple(Workload)):
    """Mailboxes with their own credentials (incoming, outgoing, ACT enabled), tracking all."""
    profile = setup.profile(f"Pull {time.monotonic_ns()}")
    track_all(setup)
    accounts = [ews.new_account("pulled", **NO_SEED) for _ in range(count)]
    mailboxes = [enable(setup.mailbox(profile, a.email), *workloads) for a in accounts]
    return accounts, mailboxes


def total(ews, accounts, operation: str) -> int:
    return sum(ews.stats.count(operation=operation, account=a.email) for a in accounts)


def cycle(scheduler: Scheduler, clock: Clock, minutes: int = 13):
    clock.advance(minutes=minutes)
    return scheduler.run_due()


def subscribed_pull(setup, ews, count=3, workloads=tuple(Workload)):
    """Pull mailboxes past their first cycles: logged on, subscribed, caught up."""
    accounts, mailboxes = pulled(setup, ews, count, workloads)
    clock = Clock()
    scheduler = Scheduler(push=True, clock=clock, wait_cap=0.1)
    first = scheduler.run_due()  # polled: nothing has logged on yet in this process
    assert all(r.ok and not r.quiet for r in first), [r.summary() for r in first]
    caught_up = cycle(scheduler, clock)  # subscribed (a gap): the folders read whole once more
    assert all(r.ok for r in caught_up), [r.summary() for r in caught_up]
    return accounts, mailboxes, scheduler, clock


def test_an_idle_pull_mailbox_costs_one_get_events_per_cycle_until_the_safety_net(setup, ews):
    accounts, mailboxes, scheduler, clock = subscribed_pull(setup, ews)
    histories = SyncHistory.select().count()
    for n in range(1, SAFETY_NET):
        events, syncs = total(ews, accounts, "GetEvents"), total(ews, accounts, "SyncFolderItems")
        results = cycle(scheduler, clock)
        assert total(ews, accounts, "GetEvents") == events + len(accounts), f"cycle {n}: one GetEvents per mailbox"
        assert total(ews, accounts, "SyncFolderItems") == syncs, f"cycle {n}: no SyncFolderItems"
        assert results and all(r.quiet for r in results), [r.summary() for r in results]
    assert SyncHistory.select().count() == histories, "quiet cycles are not run"
    state = WorkloadState.get(WorkloadState.mailbox == mailboxes[0].id, WorkloadState.workload == Workload.INCOMING)
    assert state.next_run_on > clock.now, "a quiet cycle moves the next run"
    syncs = total(ews, accounts, "SyncFolderItems")
    safety = cycle(scheduler, clock)  # the 12th: the folders are read whatever was notified
    assert all(r.ok and not r.quiet for r in safety), [r.summary() for r in safety]
    assert total(ews, accounts, "SyncFolderItems") == syncs + 4 * len(accounts)  # Inbox, calendar, contacts, tasks


def test_a_pulled_change_reads_only_its_folder(setup, ews):
    from ews_fixtures import exchangelib_trusts
    from exchangelib import DELEGATE, Account, CalendarItem, Configuration, Credentials, EWSDateTime
    from exchangelib.version import EXCHANGE_2013_SP1, Version

    accounts, mailboxes, scheduler, clock = subscribed_pull(setup, ews, count=1)
    [account] = accounts
    with exchangelib_trusts(ews.ca_path):
        config = Configuration(
            service_endpoint=ews.ews_url,
            credentials=Credentials(account.email, EWS_PASSWORD),
            version=Version(build=EXCHANGE_2013_SP1),
        )
        lib = Account(account.email, config=config, autodiscover=False, access_type=DELEGATE)
        start = EWSDateTime.from_datetime(datetime.now(timezone.utc).replace(microsecond=0))
        end = start + timedelta(hours=1)
        CalendarItem(account=lib, folder=lib.calendar, subject="Planned in Outlook", start=start, end=end).save()
    syncs, before = total(ews, accounts, "SyncFolderItems"), total(ews, accounts, "GetEvents")
    results = {r.workload: r for r in cycle(scheduler, clock)}
    assert total(ews, accounts, "GetEvents") == before + 1
    assert total(ews, accounts, "SyncFolderItems") == syncs + 1, "the calendar only: contacts and tasks unread"
    assert not results[Workload.ACT].quiet and results[Workload.ACT].created == 1
    assert results[Workload.INCOMING].quiet and results[Workload.OUTGOING].quiet


def test_the_store_side_still_goes_out_on_schedule_without_reading_exchange(setup, ews):
    """A task written in the store and an email queued to send: their workloads run at their next
    cycle (the store's side is not notified by Exchange), without reading Exchange's folders."""
    accounts, mailboxes, scheduler, clock = subscribed_pull(setup, ews, count=1)
    [account] = accounts
    Task.create(owner=setup.user, subject="Written in the store", due=T0 + timedelta(days=2))
    email = queue_email(setup.user, "someone@fabrikam.com", "Queued in the store", "Hello")
    syncs, created = total(ews, accounts, "SyncFolderItems"), total(ews, accounts, "CreateItem")
    results = {r.workload: r for r in cycle(scheduler, clock)}
    assert not results[Workload.ACT].quiet and not results[Workload.OUTGOING].quiet
    assert results[Workload.INCOMING].quiet
    assert total(ews, accounts, "SyncFolderItems") == syncs, "Exchange's folders were not read"
    assert total(ews, accounts, "CreateItem") == created + 2  # the task, and the email sent
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENT
    echo = {r.workload: r for r in cycle(scheduler, clock)}  # Exchange notifies our own task back
    assert not echo[Workload.ACT].quiet and echo[Workload.ACT].ok
    assert total(ews, accounts, "SyncFolderItems") == syncs + 1, "the tasks folder only"
    assert all(r.quiet for r in cycle(scheduler, clock))


def test_a_refused_subscription_falls_back_to_polling_and_is_tried_again_later(setup, ews):
    accounts, mailboxes = pulled(setup, ews, count=1)
    [account], [mailbox] = accounts, mailboxes
    clock = Clock()
    scheduler = Scheduler(push=True, clock=clock, wait_cap=0.1)
    assert scheduler.push is not None
    scheduler.run_due()  # logs on
    ews.faults.inject("fault500", account=account.email, operation="Subscribe", count=2)
    for attempt in (1, 2):
        syncs = total(ews, accounts, "SyncFolderItems")
        polled = cycle(scheduler, clock)
        assert all(r.ok and not r.quiet for r in polled), [r.summary() for r in polled]
        assert total(ews, accounts, "SyncFolderItems") == syncs + 4, "polled as before: every folder read"
        assert ews.stats.count(operation="Subscribe", account=account.email) == attempt, "one try per retry time"
        watch = scheduler.push.watch_of(mailbox.id)
        assert watch is not None and not watch.live and watch.retry_at is not None and watch.retry_at > clock.now
    [alert] = Alert.select().where((Alert.mailbox == mailbox.id) & (Alert.error_code == FALLBACK_CODE))
    assert alert.level is AlertLevel.INFORMATION and "pull notifications" in alert.message
    assert alert.occurrences == 1, "said once while it keeps failing"
    assert "ErrorInternalServerError" in alert.details
    caught_up = cycle(scheduler, clock)  # subscribed again: a gap, so the folders are read whole once
    assert all(r.ok and not r.quiet for r in caught_up), [r.summary() for r in caught_up]
    assert ews.stats.count(operation="Subscribe", account=account.email) == 3
    quiet = cycle(scheduler, clock)
    assert all(r.quiet for r in quiet), [r.summary() for r in quiet]


def test_an_expired_pull_subscription_resumes_from_its_watermark(setup, ews):
    accounts, mailboxes, scheduler, clock = subscribed_pull(setup, ews, count=1)
    [account], [mailbox] = accounts, mailboxes
    assert scheduler.push is not None
    watch = scheduler.push.watch_of(mailbox.id)
    assert watch is not None and watch.subscription is not None
    hub = ews.server.directory.notifications
    hub.unsubscribe(hub.find(watch.subscription, account.email))
    ews.server.deliver(account.email, "While the subscription was gone")
    syncs, items = total(ews, accounts, "SyncFolderItems"), total(ews, accounts, "GetItem")
    results = {r.workload: r for r in cycle(scheduler, clock)}
    assert results[Workload.INCOMING].created == 1 and stored("While the subscription was gone")
    assert total(ews, accounts, "SyncFolderItems") == syncs, "resumed from the watermark: no gap to read"
    assert total(ews, accounts, "GetItem") == items + 1
    assert not Alert.select().where(Alert.error_code == FALLBACK_CODE).exists()


def test_a_notified_change_runs_now_but_never_during_a_back_off(setup, ews):
    """Between its scheduled cycles a notified workload is due; one waiting for the back-off of a
    transient failure is not (the server is not asked again sooner for a change)."""
    accounts, mailboxes = pulled(setup, ews, count=2)
    ran: list[int] = []

    def incoming(mailbox):
        ran.append(mailbox.id)
        return SimpleNamespace(created=0, updated=0, deleted=0, failure=None)

    clock = Clock()
    scheduler = Scheduler({Workload.INCOMING: incoming}, push=True, clock=clock, wait_cap=0.1)
    for mailbox in mailboxes:
        Mailbox.update(outgoing_enabled=False, act_enabled=False).where(Mailbox.id == mailbox.id).execute()
    scheduler.run_due()
    assert sorted(ran) == sorted(m.id for m in mailboxes)
    calm, failing = mailboxes
    WorkloadState.update(consecutive_transient_failures=1).where(WorkloadState.mailbox == failing.id).execute()
    ran.clear()
    assert scheduler.run_due() == [], "nothing due yet"
    for mailbox in mailboxes:
        scheduler.notify(mailbox.id, [Workload.INCOMING])
    scheduler.run_due()
    assert ran == [calm.id]
    assert notifications.resubscribe_delay(1) < notifications.resubscribe_delay(3) <= timedelta(minutes=60)


def test_quiet_cycles_on_a_shared_postgresql_database(pg_url, ews):
    """The pass's quiet cycles stored at once (one UPDATE per next run, the mailboxes' next sync
    as a correlated subquery) and the store's signatures read the same way on PostgreSQL."""
    from store_setup import Setup

    from app.store.db import open_database

    open_database(pg_url)
    # incoming and outgoing email: the synchronization filters of appointments, contacts and tasks
    # need SQLite's sssm_casefold, which PostgreSQL does not have yet
    workloads = (Workload.INCOMING, Workload.OUTGOING)
    accounts, mailboxes, scheduler, clock = subscribed_pull(Setup(ews), ews, count=2, workloads=workloads)
    events = total(ews, accounts, "GetEvents")
    results = cycle(scheduler, clock)
    assert len(results) == 4 and all(r.quiet for r in results), [r.summary() for r in results]
    assert total(ews, accounts, "GetEvents") == events + 2
    for mailbox in mailboxes:
        states = list(WorkloadState.select().where(WorkloadState.mailbox == mailbox.id))
        assert all(s.next_run_on > clock.now for s in states)
        assert Mailbox.get_by_id(mailbox.id).next_sync_on == min(s.next_run_on for s in states)
