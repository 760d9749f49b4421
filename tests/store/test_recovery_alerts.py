"""Recovery after a failure (docs/product-rules.md §4): once a 401 or 403 is fixed, the next success
closes every open Warning/Error alert of the mailbox's workload and says so once."""

from __future__ import annotations

from ews_fixtures import EWS_PASSWORD

from app import secrets
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AlertLevel, AlertScope, RunStatus, Workload
from app.store import alerts
from app.store.base import utcnow
from app.store.models import Alert, Mailbox
from app.sync.scheduler import Scheduler


def _open(mailbox: Mailbox) -> list[Alert]:
    return list(
        Alert.select().where((Alert.mailbox == mailbox.id) & Alert.is_open & (Alert.level != AlertLevel.INFORMATION))
    )


def _information(mailbox: Mailbox) -> list[Alert]:
    return list(Alert.select().where((Alert.mailbox == mailbox.id) & (Alert.level == AlertLevel.INFORMATION)))


def test_fixed_password_closes_the_warning_and_says_it_works_again(setup, ews, memory_keyring):
    account = ews.new_account("wrongpw")
    mailbox = setup.mailbox(setup.profile("Wrong password"), account.email, password="not-the-password")

    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.FAILURE, report.as_text()
    warnings = _open(mailbox)  # a refused logon warns first and is retried (issue 13)
    assert warnings and {a.level for a in warnings} == {AlertLevel.WARNING}, [a.error_code for a in warnings]
    assert "Unauthorized" in {a.error_code for a in warnings}

    secrets.set_password(secrets.mailbox_key(mailbox.id), EWS_PASSWORD)  # the admin corrects it
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.SUCCESS, report.as_text()
    assert _open(mailbox) == [], "every open alert of the mailbox is closed"
    information = _information(mailbox)
    assert len(information) == 1 and information[0].error_code == alerts.RECOVERED_CODE
    assert information[0].is_open

    assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    assert len(_information(mailbox)) == 1, "a second success has nothing to recover from"


def test_fixed_access_closes_the_403_alerts_of_a_sync_cycle_and_of_test_and_enable(setup, ews):
    account = ews.new_account("forbidden")
    mailbox = setup.mailbox(setup.profile("Forbidden"), account.email)
    assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    assert _information(mailbox) == []

    ews.faults.inject("http403", account=account.email, count=None)
    results = Scheduler().run_once([mailbox.id])  # each workload that calls Exchange fails and is disabled
    refused = {r.workload for r in results if not r.ok}
    assert refused and all(r.failure.code == "Forbidden" for r in results if not r.ok)
    failed = _open(mailbox)
    assert failed and all(a.level is AlertLevel.ERROR and a.error_code == "Forbidden" for a in failed)
    stored = Mailbox.get_by_id(mailbox.id)
    assert not any(getattr(stored, f"{w.value}_enabled") for w in refused)

    ews.faults.clear()  # the Exchange admin grants the access again
    assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    assert _open(mailbox) == []
    workloads = {a.workload for a in failed}
    information = _information(mailbox)
    assert sorted(a.workload for a in information) == sorted(workloads), "one per workload that had failed"
    assert all(a.error_code == alerts.RECOVERED_CODE for a in information)

    results = Scheduler().run_once([mailbox.id])  # and sync succeeds without a further alert
    assert results and all(r.ok for r in results), [r.summary() for r in results]
    assert len(_information(mailbox)) == len(information)


def test_a_sync_success_closes_an_alert_left_open_by_an_earlier_permanent_failure(store, setup, ews):
    """The escalation state alone (no transient failures counted) must not hide an open Error."""
    account = ews.new_account("leftopen")
    mailbox = setup.mailbox(setup.profile("Left open"), account.email)
    assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    alerts.raise_alert(
        AlertLevel.ERROR,
        AlertScope.MAILBOX,
        "AccessDenied",
        "Access denied.",
        mailbox=Mailbox.get_by_id(mailbox.id),
        workload=Workload.OUTGOING,
    )
    assert Alert.get(Alert.error_code == "AccessDenied").resolved_on is None, "open: not resolved"
    before = utcnow()
    results = Scheduler().run_once([mailbox.id])
    assert results and all(r.ok for r in results), [r.summary() for r in results]
    assert _open(mailbox) == []
    information = _information(mailbox)
    assert [(a.workload, a.error_code) for a in information] == [(Workload.OUTGOING, alerts.RECOVERED_CODE)]
    resolved = Alert.get(Alert.error_code == "AccessDenied")
    assert resolved.resolved_on is not None and before <= resolved.resolved_on <= utcnow(), "says when it closed"

    again = alerts.raise_alert(  # the condition comes back: a new alert, open and not resolved
        AlertLevel.ERROR,
        AlertScope.MAILBOX,
        "AccessDenied",
        "Access denied.",
        mailbox=Mailbox.get_by_id(mailbox.id),
        workload=Workload.OUTGOING,
    )
    assert again is not None and again.id != resolved.id and again.is_open and again.resolved_on is None
    assert Alert.get_by_id(resolved.id).resolved_on == resolved.resolved_on, "the old one keeps its time"


def test_an_email_alert_is_not_a_mailbox_failure(store, setup, ews):
    """A per-email Error (one message refused) stays open and is no "recovery" when the cycle succeeds."""
    account = ews.new_account("peremail")
    mailbox = setup.mailbox(setup.profile("Per email"), account.email)
    assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    alerts.raise_alert(
        AlertLevel.ERROR,
        AlertScope.EMAIL,
        "ErrorMessageSizeExceeded",
        "Too large.",
        mailbox=Mailbox.get_by_id(mailbox.id),
        workload=Workload.OUTGOING,
    )
    results = Scheduler().run_once([mailbox.id])
    assert results and all(r.ok for r in results)
    assert [a.error_code for a in _open(mailbox)] == ["ErrorMessageSizeExceeded"]
    assert _information(mailbox) == []
