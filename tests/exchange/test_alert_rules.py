"""Alert recording rules: enabled levels, only server-side workloads tested, the profile-wide rule."""

from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AlertLevel, RunStatus, SyncMethod, Workload
from app.store.models import Alert, Mailbox
from app.store.repo import system_settings


def test_only_enabled_levels_are_recorded(setup, ews):
    settings = system_settings()
    settings.record_warnings = False
    settings.save()
    account = ews.new_account("levels")
    mailbox = setup.mailbox(setup.profile("Levels"), account.email)
    ews.faults.inject("server_busy", account=account.email, count=None, backoff_ms=1000)
    run_mailbox_test(mailbox.id)
    assert Alert.select().count() == 0, "Warnings are switched off"
    settings.record_warnings, settings.record_errors = True, False
    settings.save()
    run_mailbox_test(mailbox.id)
    assert [a.level for a in Alert.select()] == [AlertLevel.WARNING]


def test_only_server_side_workloads_are_tested(setup, ews):
    account = ews.new_account("partial")
    mailbox = setup.mailbox(
        setup.profile("Partial"), account.email, outgoing_method=SyncMethod.OUTLOOK, act_method=SyncMethod.NONE
    )
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.SUCCESS
    assert set(report.workloads) == {Workload.INCOMING}
    assert "outgoing" not in [s.name for s in report.steps]
    stored = Mailbox.get_by_id(mailbox.id)
    assert stored.incoming_enabled and not stored.outgoing_enabled and not stored.act_enabled
    assert stored.outgoing_status is RunStatus.NOT_RUN


def test_profile_error_when_most_mailboxes_fail(setup, ews):
    profile = setup.profile("Mostly failing", alert_when_most_fail=True)
    good = setup.mailbox(profile, ews.new_account("ok").email)
    bad = [setup.mailbox(profile, ews.new_account("bad").email, password="wrong-password") for _ in range(2)]
    run_mailbox_test(good.id)
    run_mailbox_test(bad[0].id)
    profile_alerts = Alert.select().where(Alert.error_code == "MostMailboxesFailing")
    assert profile_alerts.count() == 0, "1 of 3 failing is not most"
    run_mailbox_test(bad[1].id)
    alert = profile_alerts.get()
    assert alert.level is AlertLevel.ERROR and alert.profile_id == profile.id and alert.mailbox is None
    assert "2 of 3" in alert.details


def test_profile_error_when_most_mailboxes_fail_in_sync_cycles(setup, ews):
    """The profile-wide rule is evaluated after sync cycles too (issue 13), not only after Test & Enable."""
    from app.sync.scheduler import Scheduler

    profile = setup.profile("Mostly failing sync", alert_when_most_fail=True)
    accounts = [ews.new_account(f"cycle{i}") for i in range(3)]
    mailboxes = [setup.mailbox(profile, a.email) for a in accounts]
    for mailbox in mailboxes:
        assert run_mailbox_test(mailbox.id).status is RunStatus.SUCCESS
    profile_alerts = Alert.select().where(Alert.error_code == "MostMailboxesFailing")
    scheduler = Scheduler()

    ews.faults.inject("http503", account=accounts[0].email, count=None)
    results = scheduler.run_once()
    assert sum(not r.ok for r in results) >= 1
    assert profile_alerts.count() == 0, "1 of 3 failing is not most"

    ews.faults.inject("http503", account=accounts[1].email, count=None)
    results = scheduler.run_once([mailboxes[1].id])
    assert any(r.failure is not None and r.failure.code == "ServerUnavailable" for r in results)
    alert = profile_alerts.get()
    assert alert.level is AlertLevel.ERROR and alert.profile_id == profile.id and alert.mailbox is None
    assert "2 of 3" in alert.details
