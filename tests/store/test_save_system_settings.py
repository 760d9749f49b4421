"""Saving the system settings: validated against the store, one transaction, nothing half-saved;
and the alert emails a new alert queues when the settings ask for them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ApprovalStatus,
    EmailDirection,
    EmailStatus,
    OwnerKind,
    SyncMethod,
    Workload,
)
from app.domain.settings import MailboxSettings, ProfileSettings
from app.domain.system_settings import SystemSettingsValues
from app.domain.validation import ValidationError
from app.store import alerts, repo
from app.store.models import Alert, EmailActivity, Mailbox, Queue, SystemSettings
from app.store.system_settings import (
    load_system_settings,
    save_system_settings,
    sending_mailboxes,
)


def profile(name="Contoso"):
    return repo.save_profile(ProfileSettings(name=name, process_email_from=datetime(2024, 1, 1, tzinfo=timezone.utc)))


def mailbox(owner, address, profile, **changes):
    values = dict(
        name=address.split("@")[0],
        email=address,
        owner_id=owner.id,
        profile_id=profile.id,
        approval=ApprovalStatus.APPROVED,
        allow_credentials=True,  # the profile uses each mailbox's credentials
        username=address,
    )
    values.update(changes)
    return repo.save_mailbox(MailboxSettings(**values), password="Passw0rd!")


def test_a_fresh_store_has_the_defaults(store):
    assert load_system_settings() == SystemSettingsValues()


def test_every_setting_is_saved_and_loaded_back(store):
    chosen_profile = profile()
    owner = repo.create_user("Admin", "admin@contoso.com")
    sender = mailbox(owner, "alerts@contoso.com", chosen_profile)
    values = SystemSettingsValues(
        record_errors=True,
        record_warnings=False,
        record_information=False,
        toast_errors=False,
        toast_warnings=False,
        allow_insecure_credentials=True,
        transient_failure_limit=4,
        default_backoff_minutes=15,
        auth_retry_limit=0,
        tracking_token_prefix="SSM-",
        notify_owner_by_email=True,
        notify_mailbox_id=sender.id,
        language="ja",
        default_profile_id=chosen_profile.id,
    )
    save_system_settings(values)
    assert load_system_settings() == values
    assert SystemSettings.select().count() == 1
    row = repo.system_settings()
    assert row.default_profile_id == chosen_profile.id and row.notify_mailbox_id == sender.id


def test_a_broken_rule_saves_nothing(store):
    before = load_system_settings()
    bad = replace(before, transient_failure_limit=0, tracking_token_prefix="CRM 1", record_information=False)
    with pytest.raises(ValidationError) as caught:
        save_system_settings(bad)
    assert {issue.field for issue in caught.value.issues} == {"transient_failure_limit", "tracking_token_prefix"}
    assert load_system_settings() == before, "not even the valid fields were written"


def test_only_a_mailbox_that_sends_by_server_side_sync_may_send_alert_emails(store):
    chosen_profile = profile()
    owner = repo.create_user("Admin", "admin@contoso.com")
    sender = mailbox(owner, "alerts@contoso.com", chosen_profile)
    outlook = mailbox(owner, "outlook@contoso.com", chosen_profile, outgoing_method=SyncMethod.OUTLOOK)
    inactive = mailbox(owner, "inactive@contoso.com", chosen_profile)
    Mailbox.update(is_active=False).where(Mailbox.id == inactive.id).execute()
    queue = Queue.create(name="Support", email="support@contoso.com", is_active=False)
    of_inactive_queue = mailbox(queue, "support@contoso.com", chosen_profile, owner_kind=OwnerKind.QUEUE)
    assert [m.id for m in sending_mailboxes()] == [sender.id]
    for refused in (outlook, inactive, of_inactive_queue):
        with pytest.raises(ValidationError) as caught:
            save_system_settings(SystemSettingsValues(notify_owner_by_email=True, notify_mailbox_id=refused.id))
        assert caught.value.for_field("notify_mailbox"), refused.email
    save_system_settings(SystemSettingsValues(notify_owner_by_email=True, notify_mailbox_id=sender.id))


def test_a_deleted_profile_cannot_be_the_default(store):
    gone = profile("Gone")
    gone_id = gone.id
    repo.delete_profile(gone)
    with pytest.raises(ValidationError) as caught:
        save_system_settings(SystemSettingsValues(default_profile_id=gone_id))
    assert caught.value.for_field("default_profile")


def test_recorded_levels_apply_to_the_next_alert(store):
    owner = repo.create_user("Admin", "admin@contoso.com")
    box = mailbox(owner, "alice@contoso.com", profile())
    save_system_settings(SystemSettingsValues(record_warnings=False))
    assert alerts.raise_alert(AlertLevel.WARNING, AlertScope.MAILBOX, "X", "x", mailbox=box) is None
    save_system_settings(SystemSettingsValues(record_warnings=True))
    assert alerts.raise_alert(AlertLevel.WARNING, AlertScope.MAILBOX, "X", "x", mailbox=box) is not None


# --- alert emails (queued here; sent over HTTP in tests/sync/test_alert_emails.py) ------------


def outgoing_emails():
    return list(EmailActivity.select().where(EmailActivity.direction == EmailDirection.OUTGOING))


def test_a_new_alert_queues_one_email_to_its_mailbox_owner_through_the_chosen_mailbox(store):
    chosen_profile = profile()
    admin = repo.create_user("Admin", "admin@contoso.com")
    alice = repo.create_user("Alice", "alice.wong@contoso.com")
    sender = mailbox(admin, "alerts@contoso.com", chosen_profile)
    box = mailbox(alice, "alice@contoso.com", chosen_profile)
    alerts.raise_alert(AlertLevel.WARNING, AlertScope.MAILBOX, "X", "Before the setting.", mailbox=box)
    assert outgoing_emails() == [], "nothing is emailed while the setting is off"
    save_system_settings(SystemSettingsValues(notify_owner_by_email=True, notify_mailbox_id=sender.id))

    alert = alerts.raise_alert(
        AlertLevel.ERROR,
        AlertScope.MAILBOX,
        "ErrorAccessDenied",
        "Exchange refused access to the mailbox.",
        mailbox=box,
        workload=Workload.INCOMING,
        next_step="Grant the account access.",
        details="password=hunter2",
    )
    for _ in range(3):  # repeats count on the open alert: no more email
        alerts.raise_alert(
            AlertLevel.ERROR, AlertScope.MAILBOX, "ErrorAccessDenied", "again", mailbox=box, workload=Workload.INCOMING
        )
    assert Alert.get_by_id(alert.id).occurrences == 4

    [email] = outgoing_emails()
    assert email.status is EmailStatus.PENDING_SEND and email.sender == sender.email
    assert email.owner_user_id == admin.id, "owned by the sending mailbox's owner: its outgoing sync sends it"
    assert email.to_recipients == "alice.wong@contoso.com", "the owner's own address"
    assert email.subject == ("[Server-Side Sync Manager] Error: alice: Exchange refused access to the mailbox.")
    assert "What to do: Grant the account access." in email.body and "hunter2" not in email.body
    assert email.message_id.startswith("<sssm.") and email.message_id.endswith("@contoso.com>")


def test_no_email_for_the_sending_mailbox_itself_nor_for_a_profile(store):
    chosen_profile = repo.save_profile(
        ProfileSettings(
            name="Watched",
            process_email_from=datetime(2024, 1, 1, tzinfo=timezone.utc),
            alert_when_most_fail=True,
        )
    )
    admin = repo.create_user("Admin", "admin@contoso.com")
    sender = mailbox(admin, "alerts@contoso.com", chosen_profile)
    save_system_settings(SystemSettingsValues(notify_owner_by_email=True, notify_mailbox_id=sender.id))
    alerts.raise_alert(
        AlertLevel.ERROR, AlertScope.MAILBOX, "ErrorServerBusy", "busy", mailbox=sender, workload=Workload.OUTGOING
    )
    alerts.raise_alert(
        AlertLevel.ERROR,
        AlertScope.EMAIL,
        "ErrorInvalidRecipients",
        "refused",
        mailbox=sender,
        workload=Workload.OUTGOING,
    )
    assert alerts.check_most_mailboxes_failing(chosen_profile) is not None, "a profile-wide alert"
    assert outgoing_emails() == []


def test_an_alert_and_its_email_are_stored_together_or_not_at_all(store, monkeypatch):
    from app.store import alert_emails

    admin = repo.create_user("Admin", "admin@contoso.com")
    chosen_profile = profile()
    sender = mailbox(admin, "alerts@contoso.com", chosen_profile)
    box = mailbox(admin, "alice@contoso.com", chosen_profile)
    save_system_settings(SystemSettingsValues(notify_owner_by_email=True, notify_mailbox_id=sender.id))

    def broken(alert):
        raise RuntimeError("disk full")

    monkeypatch.setattr(alerts, "queue_alert_email", broken)
    with pytest.raises(RuntimeError):
        alerts.raise_alert(AlertLevel.ERROR, AlertScope.MAILBOX, "X", "x", mailbox=box)
    assert Alert.select().count() == 0, "no alert without its email: the next try records both"
    monkeypatch.setattr(alerts, "queue_alert_email", alert_emails.queue_alert_email)
    alerts.raise_alert(AlertLevel.ERROR, AlertScope.MAILBOX, "X", "x", mailbox=box)
    assert Alert.select().count() == 1 and len(outgoing_emails()) == 1
