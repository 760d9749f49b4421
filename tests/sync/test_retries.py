"""Retries after a failed Test & Enable (issue 13; docs/product-rules.md §4), against the loopback
server over HTTPS, with a fake clock that the scheduler (and, through ``clock_as``, escalation)
runs by: no test waits for real time.

Failed logons are counted where a domain controller counts them: on the server, per account.
The loopback server (app/simulator/auth.py, RequestStats.unauthorized) records a 401 under the
account only when a credential of that account was tried and rejected — a Basic header with a
wrong password, or an NTLM/Negotiate AUTHENTICATE message (type 3) that did not verify. The 401s
that are part of every logon are not failed logons and are recorded under the user "": the first
anonymous request's challenge and the NTLM CHALLENGE (type 2) answer to a NEGOTIATE. So
``ews.stats.unauthorized(email)`` is the number of bad-password attempts an AD lockout policy
("5 bad attempts in 30 minutes") would count for that account.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from ews_fixtures import EWS_PASSWORD

from app import secrets
from app.diagnostics.steps import run_mailbox_test
from app.domain import timeunit
from app.domain.enums import AlertLevel, AlertScope, CredentialSource, RunStatus, Workload
from app.store import alerts
from app.store.base import clock_as
from app.store.models import Alert, DiagnosticRun, Mailbox, ServerProfile, WorkloadState
from app.sync.scheduler import Scheduler

T0 = datetime(2024, 5, 1, 10, 30, tzinfo=timezone.utc)


class Clock:
    def __init__(self, now=T0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


def _alerts(mailbox, level=None):
    query = Alert.select().where((Alert.mailbox == mailbox.id) & (Alert.scope == AlertScope.MAILBOX))
    if level is not None:
        query = query.where(Alert.level == level)
    return list(query.order_by(Alert.id))


def _states(mailbox):
    return {s.workload: s for s in WorkloadState.select().where(WorkloadState.mailbox == mailbox.id)}


def _local(when):
    return when.astimezone().strftime("%H:%M")


class LogonWatch:
    """Runs steps of the scenario and notes, by fake time, the failed logons the server counted."""

    def __init__(self, ews, email, clock):
        self.ews, self.email, self.clock = ews, email, clock
        self.failed: list[tuple[datetime, int]] = []
        self.challenges = 0  # the handshake's 401s, not failed logons (user "")

    def __call__(self, action):
        before, anonymous = self.ews.stats.unauthorized(self.email), self.ews.stats.unauthorized("")
        result = action()
        failed = self.ews.stats.unauthorized(self.email) - before
        self.challenges += self.ews.stats.unauthorized("") - anonymous
        if failed:
            self.failed.append((self.clock.now, failed))
        return result

    @property
    def total(self) -> int:
        return sum(n for _, n in self.failed)

    def gaps(self) -> list[timedelta]:
        times = [t for t, _ in self.failed]
        return [b - a for a, b in zip(times, times[1:], strict=False)]


def test_a_wrong_password_warns_retries_then_errors_and_a_corrected_one_succeeds(setup, ews):
    account = ews.new_account("wrongpw")
    mailbox = setup.mailbox(setup.profile("Wrong password"), account.email, password="not-the-password")
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    watch = LogonWatch(ews, account.email, clock)

    with clock_as(clock):  # the admin's Test & Enable, at T0
        report = watch(lambda: run_mailbox_test(mailbox.id))
    assert report.status is RunStatus.FAILURE
    [warning] = _alerts(mailbox)
    assert (warning.level, warning.error_code) == (AlertLevel.WARNING, "Unauthorized")
    retry_on = T0 + timedelta(minutes=5)
    assert warning.message.endswith(f" Will retry at {_local(retry_on)} (attempt 2 of 3)."), warning.message
    assert alerts.message_parts(warning)[-1][2]["retry_on"] == retry_on.isoformat(), "the time is a param"
    stored = Mailbox.get_by_id(mailbox.id)
    assert stored.next_sync_on == retry_on, "the mailbox shows its next retry"
    assert not (stored.incoming_enabled or stored.outgoing_enabled or stored.act_enabled)
    assert all(s.retry_test and s.next_run_on == retry_on for s in _states(mailbox).values())

    for _ in range(60):  # an hour of fake time, a scheduler pass every minute
        clock.advance(minutes=1)
        watch(scheduler.run_due)

    # the server counted one failed logon per attempt: the test and two retries, 5 minutes apart
    assert watch.failed == [(T0, 1), (T0 + timedelta(minutes=5), 1), (T0 + timedelta(minutes=10), 1)]
    assert watch.total <= 3 and all(gap >= timedelta(minutes=5) for gap in watch.gaps())
    assert watch.challenges > 0, "the handshake's 401s happened, and are not counted as failed logons"
    assert DiagnosticRun.select().where(DiagnosticRun.mailbox == mailbox.id).count() == 3, "each retry is a test"

    warning, error = _alerts(mailbox)
    assert (warning.level, warning.occurrences) == (AlertLevel.WARNING, 2)
    assert warning.message.endswith("(attempt 3 of 3)."), warning.message
    assert (error.level, error.error_code) == (AlertLevel.ERROR, "Unauthorized")
    assert error.message.startswith("Disabled after repeated failures. The server refused the user name")
    assert error.message.endswith("No further logon is tried, so that the account is not locked out.")
    stored = Mailbox.get_by_id(mailbox.id)
    assert not (stored.incoming_enabled or stored.outgoing_enabled or stored.act_enabled), "disabled"
    assert stored.mailbox_status is RunStatus.FAILURE and stored.next_sync_on is None
    assert not any(s.retry_test for s in _states(mailbox).values())

    secrets.set_password(secrets.mailbox_key(mailbox.id), EWS_PASSWORD)  # the admin corrects it
    with clock_as(clock):
        report = watch(lambda: run_mailbox_test(mailbox.id))
    assert report.status is RunStatus.SUCCESS, report.as_text()
    assert watch.total == 3, "the right password is no failed logon"
    [information] = _alerts(mailbox, AlertLevel.INFORMATION)
    assert information.error_code == alerts.RECOVERED_CODE
    assert [a.is_open for a in _alerts(mailbox) if a.level is not AlertLevel.INFORMATION] == [False, False]
    stored = Mailbox.get_by_id(mailbox.id)
    assert stored.incoming_enabled and stored.outgoing_enabled and stored.act_enabled


def test_with_the_demo_clock_the_story_takes_seconds(setup, ews):
    """`--demo` counts the engine's minutes in seconds: Warning, retries, Error within a minute."""
    timeunit.use_demo_clock()
    account = ews.new_account("demopw")
    mailbox = setup.mailbox(setup.profile("Demo clock"), account.email, password="not-the-password")
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    watch = LogonWatch(ews, account.email, clock)
    with clock_as(clock):
        watch(lambda: run_mailbox_test(mailbox.id))
    [warning] = _alerts(mailbox)
    retry_on = T0 + timedelta(seconds=5)
    assert warning.message.endswith(f"Will retry at {retry_on.astimezone():%H:%M:%S} (attempt 2 of 3).")
    errors = []
    while not errors and clock.now < T0 + timedelta(seconds=60):
        clock.advance(seconds=1)
        watch(scheduler.run_due)
        errors = _alerts(mailbox, AlertLevel.ERROR)
    assert errors and clock.now <= T0 + timedelta(seconds=15), clock.now
    assert [t - T0 for t, _ in watch.failed] == [timedelta(0), timedelta(seconds=5), timedelta(seconds=10)]
    assert not Mailbox.get_by_id(mailbox.id).incoming_enabled


def test_server_busy_on_the_first_test_enables_on_the_first_successful_retry(setup, ews):
    account = ews.new_account("busyfirst", emails=2)
    mailbox = setup.mailbox(setup.profile("Busy first"), account.email)
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    ews.faults.inject("server_busy", account=account.email, count=None, backoff_ms=10 * 60 * 1000)
    with clock_as(clock):
        report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.FAILURE
    [warning] = _alerts(mailbox)
    assert (warning.level, warning.error_code) == (AlertLevel.WARNING, "ErrorServerBusy")
    retry_on = T0 + timedelta(minutes=10)  # Exchange's BackOffMilliseconds, longer than the 5 minutes
    assert warning.message.endswith(f"Will retry at {_local(retry_on)} (attempt 2 of 10)."), warning.message
    assert Mailbox.get_by_id(mailbox.id).next_sync_on == retry_on
    ews.faults.clear(account=account.email)  # Exchange is not busy any more

    clock.advance(minutes=9)
    assert scheduler.run_due() == [], "the back-off is respected"
    clock.advance(minutes=1)
    [retry] = scheduler.run_due()
    assert retry.retest and retry.ok, retry.summary()
    stored = Mailbox.get_by_id(mailbox.id)
    assert stored.incoming_enabled and stored.outgoing_enabled and stored.act_enabled, "enabled, no click"
    assert (stored.incoming_status, stored.mailbox_status) == (RunStatus.SUCCESS, RunStatus.SUCCESS)
    [information] = _alerts(mailbox, AlertLevel.INFORMATION)
    assert information.workload is Workload.INCOMING and not Alert.get_by_id(warning.id).is_open
    assert not any(s.retry_test for s in _states(mailbox).values())

    cycles = scheduler.run_due()  # and synchronization starts
    assert sorted(r.workload.value for r in cycles) == ["act", "incoming", "outgoing"]
    assert all(r.ok and not r.retest for r in cycles), [r.summary() for r in cycles]
    assert ews.stats.count("SyncFolderItems", account.email) > 0, "the Inbox was read"


def test_a_retry_is_never_forced_and_not_run_before_its_time(setup, ews):
    account = ews.new_account("notforced")
    mailbox = setup.mailbox(setup.profile("Not forced"), account.email, password="not-the-password")
    run_mailbox_test(mailbox.id)
    refused = ews.stats.unauthorized(account.email)
    assert Scheduler().run_once([mailbox.id]) == [], "sync --once does not retry before the time"
    assert Scheduler().sync_now(mailbox.id) == 0, "Sync now does not force the retry of a refused logon"
    assert ews.stats.unauthorized(account.email) == refused


def test_a_refused_logon_in_a_sync_cycle_is_sent_once_for_all_workloads(setup, ews):
    """Three enabled workloads of one mailbox, the password changed in Exchange meanwhile: one
    failed logon, one Warning, and the retries are tests (one logon each), not three cycles."""
    account = ews.new_account("changed", emails=1)
    mailbox = setup.mailbox(setup.profile("Changed password"), account.email)
    assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    ews.server.set_password(account.email, "changed-in-AD")
    from exchangelib.protocol import close_connections

    from app.sync.session import forget_connection

    forget_connection(mailbox.id)  # as after a restart of the app: new connections, new logons
    close_connections()
    clock = Clock(datetime.now(timezone.utc))
    scheduler = Scheduler(clock=clock)
    watch = LogonWatch(ews, account.email, clock)
    results = watch(scheduler.run_due)
    assert watch.total == 1, [r.summary() for r in results]
    assert sum(1 for r in results if r.held) >= 1, "the others waited and did not log on"
    [warning] = _alerts(mailbox)
    assert (warning.level, warning.error_code) == (AlertLevel.WARNING, "Unauthorized")
    states = _states(mailbox)
    assert all(s.retry_test and s.authentication_failures == 1 for s in states.values())
    for _ in range(30):
        clock.advance(minutes=1)
        watch(scheduler.run_due)
    assert [n for _, n in watch.failed] == [1, 1, 1] and all(g >= timedelta(minutes=5) for g in watch.gaps())
    stored = Mailbox.get_by_id(mailbox.id)
    assert not (stored.incoming_enabled or stored.outgoing_enabled or stored.act_enabled)
    assert [a.level for a in _alerts(mailbox)] == [AlertLevel.WARNING, AlertLevel.ERROR]


def test_a_refused_profile_account_is_tried_once_per_retry_for_all_its_mailboxes(setup, ews):
    """Mailboxes that log on with the profile's account (impersonation) share its budget: when the
    account's password changes in Exchange, one failed logon, then one per retry, for all of them."""
    service = ews.new_account("svcacct", roles=("impersonation",))
    profile = setup.profile(
        "Service account",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password=EWS_PASSWORD,
    )
    mailboxes = [setup.mailbox(profile, ews.new_account(f"imp{i}").email, password=None) for i in range(3)]
    for mailbox in mailboxes:
        assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    ews.server.set_password(service.email, "changed-in-AD")
    from exchangelib.protocol import close_connections

    close_connections()  # new connections, new logons (as after a restart of the app)
    clock = Clock(datetime.now(timezone.utc))
    scheduler = Scheduler(clock=clock)
    watch = LogonWatch(ews, service.email, clock)
    results = watch(scheduler.run_due)
    assert watch.total == 1, [r.summary() for r in results]
    for mailbox in mailboxes:
        assert [a.level for a in _alerts(mailbox)] == [AlertLevel.WARNING], "every mailbox of the account is told"
        assert all(s.retry_test and s.authentication_failures == 1 for s in _states(mailbox).values())
    for _ in range(30):
        clock.advance(minutes=1)
        watch(scheduler.run_due)
    assert [n for _, n in watch.failed] == [1, 1, 1] and all(g >= timedelta(minutes=5) for g in watch.gaps())
    for mailbox in mailboxes:
        stored = Mailbox.get_by_id(mailbox.id)
        assert not (stored.incoming_enabled or stored.outgoing_enabled or stored.act_enabled)
        assert [a.level for a in _alerts(mailbox)] == [AlertLevel.WARNING, AlertLevel.ERROR]


def test_when_the_profile_account_logs_on_again_its_other_mailboxes_follow(setup, ews):
    service = ews.new_account("svcback", roles=("impersonation",))
    profile = setup.profile(
        "Service account back",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password=EWS_PASSWORD,
    )
    mailboxes = [setup.mailbox(profile, ews.new_account(f"back{i}").email, password=None) for i in range(3)]
    for mailbox in mailboxes:
        assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    ews.server.set_password(service.email, "changed-in-AD")
    from exchangelib.protocol import close_connections

    close_connections()
    clock = Clock(datetime.now(timezone.utc))
    scheduler = Scheduler(clock=clock)
    watch = LogonWatch(ews, service.email, clock)
    watch(scheduler.run_due)
    ews.server.set_password(service.email, EWS_PASSWORD)  # the Exchange admin puts it back
    clock.advance(minutes=5)
    [retry] = watch(scheduler.run_due)
    assert retry.retest and retry.ok, retry.summary()
    followers = watch(scheduler.run_due)  # the others are retried at once, and pass
    assert sorted(r.mailbox_id for r in followers if r.retest) == sorted(
        m.id for m in mailboxes if m.id != retry.mailbox_id
    )
    assert all(r.ok for r in followers), [r.summary() for r in followers]
    assert watch.total == 1
    for mailbox in mailboxes:
        stored = Mailbox.get_by_id(mailbox.id)
        assert stored.incoming_enabled and stored.outgoing_enabled and stored.act_enabled
        assert [a.level for a in _alerts(mailbox, AlertLevel.INFORMATION)] == [AlertLevel.INFORMATION]


def test_autodiscover_stops_at_the_first_refused_logon(setup, tmp_path):
    """With Autodiscover, a wrong password is sent to the first candidate that asks for it, not
    to each of contoso.com and autodiscover.contoso.com (both would count as failed logons)."""
    from app.exchange import net
    from app.simulator.server import LoopbackExchange

    hosts = ("contoso.com", "autodiscover.contoso.com", "mail.contoso.com")
    server = LoopbackExchange(tmp_path / "autodiscover", hostnames=hosts)
    server.add_account("eve@contoso.com", EWS_PASSWORD)
    server.start()
    try:
        for host in hosts:
            net.map_host(host, 443, "127.0.0.1", server.port)
        profile = setup.profile(
            "Autodiscover once",
            auto_discover=True,
            incoming_url="",
            incoming_port=443,
            trusted_ca_path=str(server.ca_path),
        )
        mailbox = setup.mailbox(profile, "eve@contoso.com", password="not-the-password")
        report = run_mailbox_test(mailbox.id)
        endpoint = report.steps[1]
        assert endpoint.failure.code == "Unauthorized" and endpoint.failure.authentication, report.as_text()
        assert server.stats.unauthorized("eve@contoso.com") == 1, "one failed logon, not one per candidate"
        assert "https://contoso.com/autodiscover/autodiscover.svc" in endpoint.message
        assert "https://autodiscover.contoso.com/" not in endpoint.message, "not asked with refused credentials"
        secrets.set_password(secrets.mailbox_key(mailbox.id), EWS_PASSWORD)
        assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    finally:
        server.stop()


def _mailbox_not_found(setup, ews):
    service = ews.new_account("svc", roles=("impersonation",))
    profile = setup.profile(
        "Not found",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password=EWS_PASSWORD,
    )
    return setup.mailbox(profile, "nobody.here@contoso.com", password=None), service.email


def _impersonation_denied(setup, ews):
    plain = ews.new_account("plain")
    profile = setup.profile(
        "Denied",
        credential_source=CredentialSource.PROFILE,
        username=plain.email,
        use_impersonation=True,
        password=EWS_PASSWORD,
    )
    return setup.mailbox(profile, ews.new_account("target").email, password=None), plain.email


def _certificate_untrusted(setup, ews):
    account = ews.new_account("untrusted")
    return setup.mailbox(setup.profile("Untrusted", trusted_ca_path=""), account.email), account.email


def _ssl_required_but_http(setup, ews):
    account = ews.new_account("httpssl")
    mailbox = setup.mailbox(setup.profile("SSL on, http address"), account.email)
    ServerProfile.update(incoming_url=ews.ews_url.replace("https://", "http://")).where(
        ServerProfile.id == mailbox.profile_id
    ).execute()  # as a profile edited elsewhere
    return mailbox, account.email


def _trusted_ca_missing(setup, ews, tmp_path):
    account = ews.new_account("nocafile")
    missing = tmp_path / "gone-ca.pem"
    missing.write_bytes(ews.ca_path.read_bytes())
    mailbox = setup.mailbox(setup.profile("CA file gone", trusted_ca_path=str(missing)), account.email)
    missing.unlink()
    return mailbox, account.email


def _credential_store_missing(setup, ews):
    import keyring
    from keyring.backends import fail

    account = ews.new_account("nokeyring")
    mailbox = setup.mailbox(setup.profile("No keyring"), account.email)
    keyring.set_keyring(fail.Keyring())  # the memory_keyring fixture puts the previous one back
    return mailbox, account.email


PERMANENT = {
    "MailboxNotFound": _mailbox_not_found,
    "ImpersonationDenied": _impersonation_denied,
    "CertificateNotTrusted": _certificate_untrusted,
    "HttpAddressWithSsl": _ssl_required_but_http,
    "TrustedCaMissing": _trusted_ca_missing,
    "CredentialStoreUnavailable": _credential_store_missing,
}


@pytest.mark.parametrize("code", PERMANENT)
def test_faults_no_retry_can_fix_are_an_error_at_once_and_never_retried(setup, ews, tmp_path, code):
    make = PERMANENT[code]
    mailbox, user = make(setup, ews, tmp_path) if code == "TrustedCaMissing" else make(setup, ews)
    clock = Clock()
    with clock_as(clock):
        report = run_mailbox_test(mailbox.id)
    failed = [s for s in report.steps if s.status is RunStatus.FAILURE][0]
    assert failed.failure.code == code and not failed.failure.retryable, report.as_text()
    assert [(a.level, a.error_code) for a in _alerts(mailbox)] == [(AlertLevel.ERROR, code)], "an Error at once"
    assert "Will retry" not in _alerts(mailbox)[0].message
    stored = Mailbox.get_by_id(mailbox.id)
    assert not stored.incoming_enabled and stored.next_sync_on is None
    assert not any(s.retry_test for s in _states(mailbox).values())
    requests = ews.stats.count(account=user)
    clock.advance(hours=1)
    assert Scheduler(clock=clock).run_due() == [], "nothing to retry"
    assert ews.stats.count(account=user) == requests


def test_a_retry_that_cannot_record_its_outcome_is_not_repeated_at_once(setup, ews):
    """The store failing under a retried test (its logon already made) must not turn into a retry
    loop: the retry waits for the back-off, in the scheduler when the store cannot keep it."""
    from app.store.db import StoreError, StoreProblem

    account = ews.new_account("storefail")
    mailbox = setup.mailbox(setup.profile("Store failing"), account.email, password="not-the-password")
    clock = Clock()
    with clock_as(clock):
        run_mailbox_test(mailbox.id)
    calls = []

    def failing_retest(mailbox_id, workloads):
        calls.append(clock.now)
        raise StoreError(ews.ca_path, StoreProblem.BUSY, "database is locked")

    scheduler = Scheduler(clock=clock, retest=failing_retest)
    for _ in range(20):
        clock.advance(minutes=1)
        scheduler.run_due()
    assert calls and all(b - a >= timedelta(minutes=5) for a, b in zip(calls, calls[1:], strict=False)), calls
