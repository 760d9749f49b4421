import threading
import time

from app.domain.enums import AlertLevel, CredentialSource, RunStatus, Workload
from app.store.models import Alert, Mailbox, SyncHistory, WorkloadState
from app.sync.session import run_workload


def inbox_count(run):
    """A request through the run's connection (the exchangelib Account inside it)."""
    return run.connection.account.inbox.total_count


def test_successful_run_records_history_and_reuses_the_account(setup, ews):
    account = ews.new_account("sess", emails=3)
    mailbox = setup.mailbox(setup.profile("Session"), account.email)
    seen = []
    run = run_workload(mailbox, Workload.INCOMING, lambda r: seen.append((r.connection, inbox_count(r))))
    server_inbox = ews.server.directory.mailbox(account.email).distinguished["inbox"]
    assert run.failure is None and seen[0][1] == len(server_inbox.items_by_received()) > 0
    before = ews.stats.count()
    second = run_workload(mailbox, Workload.INCOMING, lambda r: seen.append((r.connection, None)))
    assert second.connection is seen[0][0], "same connection (Account object): no new version guess"
    assert ews.stats.count() == before, "a cycle that asks nothing sends nothing"
    history = list(SyncHistory.select().where(SyncHistory.mailbox == mailbox.id))
    assert [h.status for h in history] == [RunStatus.SUCCESS, RunStatus.SUCCESS]
    assert Mailbox.get_by_id(mailbox.id).last_sync_success_on is not None


def test_failure_is_escalated_not_raised(setup, ews):
    account = ews.new_account("sessbad")
    mailbox = setup.mailbox(setup.profile("Session bad"), account.email, password="wrong")
    run = run_workload(mailbox, Workload.INCOMING, inbox_count)
    assert run.failure.code == "Unauthorized"
    # a refused logon is retried on its own budget (issue 13): a Warning and a retry, not an Error at once
    alert = Alert.get(Alert.mailbox == mailbox.id)
    assert alert.level is AlertLevel.WARNING and "(attempt 2 of 3)" in alert.message
    stored = Mailbox.get_by_id(mailbox.id)
    assert "password" in stored.last_sync_error and not stored.incoming_enabled
    state = WorkloadState.get(WorkloadState.mailbox == mailbox.id, WorkloadState.workload == Workload.INCOMING)
    assert state.retry_test and state.authentication_failures == 1 and state.next_run_on is not None
    history = SyncHistory.get(SyncHistory.mailbox == mailbox.id)
    assert history.status is RunStatus.FAILURE and "HTTP 401" in history.message
    assert "on the mailbox's Credentials tab" in alert.next_step and " or " not in alert.next_step


def test_a_refused_profile_logon_sends_the_admin_to_the_profile(setup, ews):
    service = ews.new_account("sessprofile", roles=("impersonation",))
    profile = setup.profile(
        "Session profile credentials",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password="wrong",
    )
    mailbox = setup.mailbox(profile, ews.new_account("sesstarget").email, password=None)
    run = run_workload(mailbox, Workload.INCOMING, inbox_count)
    assert run.failure.code == "Unauthorized"
    next_step = Alert.get(Alert.mailbox == mailbox.id).next_step
    assert "in the email server profile's credentials" in next_step and "Credentials tab" not in next_step


def test_requests_wait_for_the_profile_gate(setup, ews):
    profile = setup.profile("Gate", max_connections=2)
    accounts = [ews.new_account(f"gate{i}") for i in range(5)]
    mailboxes = [setup.mailbox(profile, a.email) for a in accounts]
    ews.faults.inject("delay", count=None, seconds=0.05)
    peak, stop = [0], threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], sum(ews.server.throttle.in_flight(a.email) for a in accounts))
            time.sleep(0.002)

    sampler = threading.Thread(target=sample)
    sampler.start()
    threads = [
        threading.Thread(
            target=run_workload,
            args=(m, Workload.INCOMING, lambda r: [r.connection.account.inbox.refresh() for _ in range(3)]),
        )
        for m in mailboxes
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    sampler.join()
    assert 1 <= peak[0] <= 2, peak[0]
