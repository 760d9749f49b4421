"""Test & Enable against the loopback Exchange server, over HTTPS."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from app.diagnostics.bulk import run_profile_test
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AlertLevel, CredentialSource, RunStatus, Workload
from app.exchange import net
from app.store.models import Alert, DiagnosticRun, Mailbox, WorkloadState
from app.store.repo import system_settings


def server_subjects(ews, email, distinguished):
    mailbox = ews.server.directory.mailbox(email)
    return [item.subject or "" for item in mailbox.distinguished[distinguished].items_by_received()]


def server_child_folders(ews, email, distinguished):
    mailbox = ews.server.directory.mailbox(email)
    return [f.name for f in mailbox.children(mailbox.distinguished[distinguished].id)]


def statuses(report):
    return [(s.name, s.status) for s in report.steps]


def test_success_with_own_credentials_enables_every_workload(setup, ews):
    account = ews.new_account("own")
    mailbox = setup.mailbox(setup.profile(move_failed_to_undeliverable=True), account.email)
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.SUCCESS, report.as_text()
    assert [name for name, _ in statuses(report)] == [
        "preconditions",
        "endpoint",
        "connect",
        "incoming",
        "outgoing",
        "act",
    ]
    stored = Mailbox.get_by_id(mailbox.id)
    assert (stored.incoming_status, stored.outgoing_status, stored.act_status, stored.mailbox_status) == (
        RunStatus.SUCCESS,
    ) * 4
    assert stored.incoming_enabled and stored.outgoing_enabled and stored.act_enabled
    assert stored.test_completed_on is not None
    assert "Exchange2013_SP1" in report.steps[2].message
    assert any(s.startswith("Test Message") for s in server_subjects(ews, account.email, "sentitems"))
    assert any(s.startswith("Test Message") for s in server_subjects(ews, account.email, "inbox")), (
        "sent to the mailbox itself"
    )
    assert "Undeliverable" in server_child_folders(ews, account.email, "inbox")
    assert DiagnosticRun.select().where(DiagnosticRun.mailbox == mailbox.id).count() == 1
    assert Alert.select().count() == 0


def test_impersonation_through_profile_credentials(setup, ews):
    service = ews.new_account("svc", roles=("impersonation",))
    target = ews.new_account("target")
    profile = setup.profile(
        "Impersonating",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password="Passw0rd!",
    )
    mailbox = setup.mailbox(profile, target.email, password=None)
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.SUCCESS, report.as_text()
    assert "impersonating " + target.email in report.steps[2].message
    sent = server_subjects(ews, target.email, "sentitems")
    assert any(s.startswith("Test Message") for s in sent), "sent from the impersonated mailbox"


def test_impersonation_denied_is_a_permanent_error(setup, ews):
    plain = ews.new_account("plain")
    target = ews.new_account("target")
    profile = setup.profile(
        "No role",
        credential_source=CredentialSource.PROFILE,
        username=plain.email,
        use_impersonation=True,
        password="Passw0rd!",
    )
    mailbox = setup.mailbox(profile, target.email, password=None)
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.FAILURE
    failed = [s for s in report.steps if s.status is RunStatus.FAILURE][0]
    assert failed.failure.code == "ImpersonationDenied", report.as_text()
    alert = Alert.get(Alert.mailbox == mailbox.id)
    assert alert.level is AlertLevel.ERROR and "ApplicationImpersonation" in alert.next_step
    assert not Mailbox.get_by_id(mailbox.id).incoming_enabled


def test_wrong_password_warns_and_schedules_one_retry_without_retry_storm(setup, ews):
    """A refused logon follows the seed's path (issue 13): a Warning and a retry on its own budget,
    not an Error at once; each test sends the wrong password once."""
    account = ews.new_account("wrongpw")
    mailbox = setup.mailbox(setup.profile(), account.email, password="not-the-password")
    before = ews.stats.unauthorized(account.email)
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.FAILURE
    connect = [s for s in report.steps if s.name == "connect"][0]
    assert connect.failure.code == "Unauthorized" and connect.failure.authentication
    assert not connect.failure.transient
    stored = Mailbox.get_by_id(mailbox.id)
    assert stored.incoming_status is RunStatus.FAILURE and not stored.incoming_enabled
    alerts = list(Alert.select().where(Alert.mailbox == mailbox.id))
    assert [(a.level, a.error_code) for a in alerts] == [(AlertLevel.WARNING, "Unauthorized")]
    assert "(attempt 2 of 3)" in alerts[0].message
    state = WorkloadState.get(WorkloadState.mailbox == mailbox.id, WorkloadState.workload == Workload.INCOMING)
    assert state.retry_test and state.authentication_failures == 1
    assert (state.next_run_on - state.last_run_on).total_seconds() >= 5 * 60, "at least 5 minutes apart"
    assert stored.next_sync_on == state.next_run_on, "the mailbox shows its next retry"
    # auto-detection probes once unauthenticated, then one NTLM handshake: one failed logon (the
    # anonymous probe and the NTLM challenge count under the user "", not as failed logons)
    assert ews.stats.unauthorized(account.email) - before == 1
    run_mailbox_test(mailbox.id)
    assert Alert.get_by_id(alerts[0].id).occurrences == 2, "a repeat counts on the same alert"
    assert ews.stats.unauthorized(account.email) - before == 2


def test_a_refused_logon_names_the_one_place_of_the_credentials(setup, ews):
    """The next step of a refused logon names the mailbox's Credentials tab when the profile uses the
    mailbox's credentials, the profile when it uses its own; never both ("… or …"). The alert says
    the same."""
    own = ews.new_account("ownpw")
    mailbox = setup.mailbox(setup.profile("Own credentials"), own.email, password="not-the-password")
    service = ews.new_account("svcpw", roles=("impersonation",))
    profile = setup.profile(
        "Profile credentials",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password="not-the-password",
    )
    target = setup.mailbox(profile, ews.new_account("targetpw").email, password=None)
    for tested, place, elsewhere in (
        (mailbox, "the mailbox's Credentials tab", "profile's credentials"),
        (target, "the email server profile's credentials", "Credentials tab"),
    ):
        report = run_mailbox_test(tested.id)
        connect = [s for s in report.steps if s.name == "connect"][0]
        next_step = connect.failure.next_step
        assert connect.failure.code == "Unauthorized" and place in next_step, next_step
        assert elsewhere not in next_step and " or " not in next_step, next_step
        assert Alert.get(Alert.mailbox == tested.id).next_step == next_step


def test_mailbox_not_found(setup, ews):
    service = ews.new_account("svc", roles=("impersonation",))
    profile = setup.profile(
        "Impersonating 2",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password="Passw0rd!",
    )
    mailbox = setup.mailbox(profile, "nobody.here@contoso.com", password=None)
    report = run_mailbox_test(mailbox.id)
    failed = [s for s in report.steps if s.status is RunStatus.FAILURE][0]
    assert failed.failure.code == "MailboxNotFound", report.as_text()


def test_unapproved_address_fails_before_any_network_traffic(setup, ews):
    account = ews.new_account("pending")
    mailbox = setup.mailbox(setup.profile(), account.email, approved=False)
    before = ews.stats.count()
    report = run_mailbox_test(mailbox.id)
    assert statuses(report) == [("preconditions", RunStatus.FAILURE)]
    assert report.steps[0].failure.code == "AddressNotApproved"
    assert ews.stats.count() == before
    assert report.steps[0].details == "", "no request was made"


def test_untrusted_certificate_names_the_trusted_ca_setting(setup, ews):
    account = ews.new_account("untrusted")
    mailbox = setup.mailbox(setup.profile(trusted_ca_path=""), account.email)
    report = run_mailbox_test(mailbox.id)
    connect = [s for s in report.steps if s.name == "connect"][0]
    assert connect.failure.code == "CertificateNotTrusted"
    assert "Trusted CA certificate" in connect.failure.next_step
    assert Alert.get(Alert.mailbox == mailbox.id).level is AlertLevel.ERROR


@pytest.mark.parametrize(
    "kind,params,code,backoff_minutes",
    [
        ("server_busy", {"backoff_ms": 600_000}, "ErrorServerBusy", 10),
        ("http503", {}, "ServerUnavailable", 5),
        ("reset", {}, "ConnectionFailed", 5),
        ("delay", {"seconds": 7}, "Timeout", 5),
    ],
)
def test_transient_failures_warn_with_back_off(setup, ews, kind, params, code, backoff_minutes):
    account = ews.new_account("transient")
    mailbox = setup.mailbox(setup.profile(f"Transient {kind}", timeout_seconds=2), account.email)
    ews.faults.inject(kind, account=account.email, operation="*", count=None, **params)
    report = run_mailbox_test(mailbox.id)
    ews.faults.clear(account=account.email)
    assert report.status is RunStatus.FAILURE
    failure = [s for s in report.steps if s.status is RunStatus.FAILURE][0].failure
    assert failure.transient, failure
    if code:
        assert failure.code == code
    alert = Alert.get(Alert.mailbox == mailbox.id)
    assert alert.level is AlertLevel.WARNING
    state = WorkloadState.get(WorkloadState.mailbox == mailbox.id, WorkloadState.workload == Workload.INCOMING)
    waited = (state.next_run_on - state.last_run_on).total_seconds()
    assert abs(waited - backoff_minutes * 60) < 5


def test_ten_transient_failures_then_error_then_recovery(setup, ews):
    account = ews.new_account("flaky")
    mailbox = setup.mailbox(setup.profile("Flaky"), account.email)
    assert system_settings().transient_failure_limit == 10
    ews.faults.inject("server_busy", account=account.email, count=None, backoff_ms=1000)
    for _ in range(10):
        run_mailbox_test(mailbox.id)
    ews.faults.clear(account=account.email)
    levels = {(a.level, a.error_code): a.occurrences for a in Alert.select().where(Alert.mailbox == mailbox.id)}
    assert levels[(AlertLevel.WARNING, "ErrorServerBusy")] == 9
    assert levels[(AlertLevel.ERROR, "ErrorServerBusy")] == 1
    assert not Mailbox.get_by_id(mailbox.id).incoming_enabled
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.SUCCESS, report.as_text()
    info = Alert.select().where((Alert.mailbox == mailbox.id) & (Alert.level == AlertLevel.INFORMATION))
    assert info.count() >= 1
    assert Mailbox.get_by_id(mailbox.id).incoming_enabled


def test_autodiscover_success_and_failure_with_trace(setup, ews):
    port = ews.server.port
    with socket.socket() as closed:  # a port nobody listens on: the first candidate is refused
        closed.bind(("127.0.0.1", 0))
        dead_port = closed.getsockname()[1]
    net.map_host("contoso.com", 443, "127.0.0.1", dead_port)
    net.map_host("autodiscover.contoso.com", 443, "127.0.0.1", port)
    net.map_host("mail.contoso.com", 443, "127.0.0.1", port)
    account = ews.new_account("auto")
    mailbox = setup.mailbox(setup.profile("Autodiscover", auto_discover=True, incoming_url=""), account.email)
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.SUCCESS, report.as_text()
    endpoint = report.steps[1]
    assert "https://contoso.com/autodiscover/autodiscover.svc" in endpoint.message
    assert "https://autodiscover.contoso.com/autodiscover/autodiscover.svc" in endpoint.message
    assert "→ failed" in endpoint.message and "→ found" in endpoint.message

    net.unmap_host("autodiscover.contoso.com", 443)
    net.map_host("autodiscover.contoso.com", 443, "127.0.0.1", dead_port)
    report = run_mailbox_test(mailbox.id)
    endpoint = report.steps[1]
    assert endpoint.status is RunStatus.FAILURE
    assert endpoint.failure.code == "AutodiscoverFailed"
    assert endpoint.message.count("→ failed") >= 2


def test_autodiscover_redirect_address(setup, ews):
    net.map_host("autodiscover.contoso.com", 443, "127.0.0.1", ews.server.port)
    net.map_host("contoso.com", 443, "127.0.0.1", ews.server.port)
    net.map_host("mail.contoso.com", 443, "127.0.0.1", ews.server.port)
    real = ews.new_account("real")
    alias = f"alias.{real.email}"
    ews.server.set_autodiscover_redirect(alias, address=real.email)
    profile = setup.profile("Redirect", auto_discover=True, incoming_url="")
    mailbox = setup.mailbox(profile, real.email)
    from app.exchange.autodiscover import discover
    from app.exchange.connection import plan_connection

    plan = plan_connection(mailbox)
    plan.email = alias
    result = discover(plan)
    assert result.ews_url, result.trace()
    assert any(a.outcome == "redirect-address" for a in result.attempts), result.trace()


def test_profile_test_respects_max_connections(setup, ews):
    profile = setup.profile("Twenty", max_connections=3)
    accounts = [ews.new_account(f"m{i}") for i in range(20)]
    mailboxes = [setup.mailbox(profile, a.email) for a in accounts]
    ews.faults.inject("delay", count=None, seconds=0.03)  # make requests overlap if they could
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], sum(ews.server.throttle.in_flight(a.email) for a in accounts))
            time.sleep(0.002)

    sampler = threading.Thread(target=sample)
    sampler.start()
    progress = []
    try:
        reports = run_profile_test(profile.id, progress=lambda done, total, r: progress.append((done, total)))
    finally:
        stop.set()
        sampler.join()
    assert len(reports) == 20 and all(r.status is RunStatus.SUCCESS for r in reports)
    assert progress[0] == (0, 20) and progress[-1] == (20, 20)
    assert {m.id for m in mailboxes} == {r.mailbox_id for r in reports}
    assert 2 <= peak[0] <= 3, f"peak in flight {peak[0]}"


def test_ca_bundle_is_built_safely_from_many_threads(ews):
    from concurrent.futures import ThreadPoolExecutor

    net._bundles.clear()
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda _: net.combined_bundle(str(ews.ca_path)), range(64)))
    assert len(set(results)) == 1
    with open(results[0], "rb") as bundle, open(ews.ca_path, "rb") as ca:
        content, ca_pem = bundle.read(), ca.read()
    assert content.endswith(ca_pem), "the bundle is complete, CA last"
