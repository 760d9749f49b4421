"""The store side of the main window's management actions: each one transaction, all or nothing."""

from datetime import datetime, timedelta, timezone

import pytest

from app import secrets
from app.domain.enums import (
    ApprovalStatus,
    EmailDirection,
    EmailStatus,
    RecordType,
    RunStatus,
    SyncMethod,
    Workload,
)
from app.gui.screenshots.sample_data import create_sample_data
from app.store import manage, queries, repo
from app.store.models import (
    Appointment,
    DiagnosticRun,
    EmailActivity,
    EmailMailboxLink,
    ItemLink,
    Mailbox,
    ServerProfile,
    SyncHistory,
    SystemSettings,
    WorkloadState,
)
from app.sync.scheduler import eligible_jobs

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def sample(store):
    return create_sample_data()


def link_records(mailbox_id: int) -> tuple[int, int]:
    """An email received by the mailbox and an appointment synchronized with it."""
    email = EmailActivity.create(
        message_id=f"<m{mailbox_id}@contoso.com>", direction=EmailDirection.INCOMING, status=EmailStatus.RECEIVED
    )
    EmailMailboxLink.create(email=email, mailbox=mailbox_id, item_id=f"AAMk-{mailbox_id}")
    appointment = Appointment.create(subject="Review", start=NOW, end=NOW + timedelta(hours=1))
    ItemLink.create(
        mailbox=mailbox_id, record_type=RecordType.APPOINTMENT, record_id=appointment.id, item_id="AAMk", change_key="1"
    )
    return email.id, appointment.id


def mailbox(sample, key: str) -> Mailbox:
    return Mailbox.get_by_id(sample.mailbox_ids[key])


def test_the_default_profile_is_marked_in_the_profile_rows(sample):
    onprem, manual = sample.profile_ids
    manage.set_default_profile(manual)
    assert repo.system_settings().default_profile_id == manual
    assert {r.id: r.is_default for r in queries.profile_rows()} == {onprem: False, manual: True}
    manage.set_default_profile(None)
    assert not any(r.is_default for r in queries.profile_rows())
    with pytest.raises(ValueError):
        manage.set_default_profile(9999)


def test_profile_rows_count_mailboxes_failing_ones_and_the_last_test(sample):
    onprem, manual = sample.profile_ids
    rows = {r.id: r for r in queries.profile_rows()}
    # on-premises: Kenichiro (Success), Alice (Failure), Support (never tested)
    assert (rows[onprem].mailbox_count, rows[onprem].failing_count) == (3, 1)
    assert (rows[manual].mailbox_count, rows[manual].failing_count) == (1, 1)  # Bob: a Warning
    assert rows[onprem].last_test_on == mailbox(sample, "alice").test_completed_on


def test_mailbox_rows_carry_the_worst_status_open_alerts_and_activity(sample):
    rows = {r.name: r for r in queries.mailbox_rows()}
    assert rows["Alice Wong"].status is RunStatus.FAILURE and rows["Alice Wong"].failing
    assert rows["Bob Sato"].status is RunStatus.WARNING and rows["Bob Sato"].open_alerts == 1
    assert rows["Kenichiro Nakamura"].status is RunStatus.SUCCESS and rows["Kenichiro Nakamura"].open_alerts == 0
    assert rows["Support queue"].status is RunStatus.NOT_RUN and not rows["Support queue"].sync_off
    assert rows["Alice Wong"].sync_off  # tested, nothing enabled
    assert all(r.synchronized for r in rows.values())


def test_a_profile_that_mailboxes_use_is_not_deleted(sample, memory_keyring):
    onprem, _manual = sample.profile_ids
    with pytest.raises(manage.ProfileInUse) as refused:
        manage.delete_profile(onprem)
    assert refused.value.mailbox_names == ["Alice Wong", "Kenichiro Nakamura", "Support queue"]
    assert ServerProfile.get_or_none(ServerProfile.id == onprem) is not None


def test_deleting_a_profile_moves_its_mailboxes_then_removes_its_passwords(sample, memory_keyring):
    onprem, manual = sample.profile_ids
    manage.set_default_profile(manual)
    assert secrets.has_password(secrets.profile_key(manual))
    # the manual profile uses its own credentials: Bob moves to on-premises, which uses each
    # mailbox's, and Bob's settings do not allow his: refused, nothing deleted
    with pytest.raises(manage.ChangeRefused) as refused:
        manage.delete_profile(manual, move_to=onprem)
    assert [(p.mailbox_name, [i.field for i in p.issues]) for p in refused.value.problems] == [
        ("Bob Sato", ["allow_credentials"])
    ]
    assert ServerProfile.get_or_none(ServerProfile.id == manual) is not None
    assert mailbox(sample, "bob").profile_id == manual

    assert manage.delete_profile(onprem, move_to=manual) == 3
    assert ServerProfile.get_or_none(ServerProfile.id == onprem) is None
    assert {m.profile_id for m in Mailbox.select()} == {manual}
    # the default stays; a deleted default would be cleared by its foreign key
    assert repo.system_settings().default_profile_id == manual


def test_deleting_an_unused_profile_removes_both_passwords(sample, memory_keyring):
    onprem, manual = sample.profile_ids
    Mailbox.update(profile=onprem).where(Mailbox.profile == manual).execute()
    manage.set_default_profile(manual)
    assert manage.delete_profile(manual) == 0
    assert not secrets.has_password(secrets.profile_key(manual))
    assert not secrets.has_password(secrets.profile_key(manual, outgoing=True))
    assert SystemSettings.get().default_profile_id is None


def test_moving_mailboxes_is_all_or_nothing(sample):
    onprem, manual = sample.profile_ids
    ids = [sample.mailbox_ids["admin"], sample.mailbox_ids["bob"]]
    assert [p.mailbox_name for p in manage.move_problems(ids, onprem)] == ["Bob Sato"]
    with pytest.raises(manage.ChangeRefused):
        manage.move_mailboxes(ids, onprem)
    assert mailbox(sample, "admin").profile_id == onprem and mailbox(sample, "bob").profile_id == manual
    # to the profile with its own credentials: nothing breaks
    assert manage.move_problems(ids, manual) == []
    assert manage.move_mailboxes(ids, manual) == 1  # Bob was there already
    assert mailbox(sample, "admin").profile_id == manual


def test_approve_mailboxes(sample):
    ids = [sample.mailbox_ids["support"], sample.mailbox_ids["alice"]]
    assert manage.approve_mailboxes(ids) == 1  # Alice was approved already
    assert mailbox(sample, "support").approval is ApprovalStatus.APPROVED


def test_disable_sync_sets_the_method_to_none_and_the_scheduler_leaves_the_workload(sample):
    admin = sample.mailbox_ids["admin"]
    assert {j.workload for j in eligible_jobs([admin])} == set(Workload)
    WorkloadState.create(mailbox=admin, workload=Workload.INCOMING, retry_test=True)
    assert manage.set_sync([admin], [Workload.INCOMING], on=False) == 1
    row = mailbox(sample, "admin")
    assert (row.incoming_method, row.incoming_enabled) == (SyncMethod.NONE, False)
    assert not WorkloadState.get(mailbox=admin, workload=Workload.INCOMING).retry_test
    assert {j.workload for j in eligible_jobs([admin])} == {Workload.OUTGOING, Workload.ACT}
    assert manage.set_sync([admin], [Workload.INCOMING], on=False) == 0  # already off


def test_enable_sync_sets_server_side_and_waits_for_test_and_enable(sample):
    support = sample.mailbox_ids["support"]
    assert mailbox(sample, "support").act_method is SyncMethod.NONE
    assert manage.set_sync([support], [Workload.ACT], on=True) == 1
    row = mailbox(sample, "support")
    assert row.act_method is SyncMethod.SERVER_SIDE and not row.act_enabled  # a passing test enables it


def test_enable_sync_is_refused_where_the_profile_needs_credentials_the_mailbox_lacks(sample):
    onprem, _manual = sample.profile_ids
    settings = repo.mailbox_settings(mailbox(sample, "bob"))
    settings.incoming_method = settings.outgoing_method = settings.act_method = SyncMethod.NONE
    settings.profile_id = onprem  # valid: nothing is synchronized server-side
    repo.save_mailbox(settings, mailbox=mailbox(sample, "bob"))
    with pytest.raises(manage.ChangeRefused) as refused:
        manage.set_sync([sample.mailbox_ids["bob"], sample.mailbox_ids["admin"]], list(Workload), on=True)
    assert [p.mailbox_name for p in refused.value.problems] == ["Bob Sato"]
    assert mailbox(sample, "bob").incoming_method is SyncMethod.NONE


def test_deactivated_mailboxes_get_no_jobs_and_keep_everything(sample):
    admin = sample.mailbox_ids["admin"]
    assert manage.set_mailboxes_active([admin], False) == 1
    assert eligible_jobs([admin]) == []
    row = next(r for r in queries.mailbox_rows() if r.id == admin)
    assert not row.synchronized and row.sync_off and row.status is RunStatus.SUCCESS
    assert SyncHistory.select().where(SyncHistory.mailbox == admin).count() == 4
    assert manage.set_mailboxes_active([admin], True) == 1
    assert eligible_jobs([admin]) != []


def test_deleting_mailboxes_keeps_their_records_unlinked(sample, memory_keyring):
    alice, admin = sample.mailbox_ids["alice"], sample.mailbox_ids["admin"]
    email_id, appointment_id = link_records(alice)
    DiagnosticRun.create(mailbox=alice, status=RunStatus.FAILURE)
    settings = repo.system_settings()
    settings.notify_mailbox_id = alice
    settings.save()
    assert secrets.has_password(secrets.mailbox_key(alice))

    assert manage.delete_mailboxes([alice, admin]) == 2
    assert not Mailbox.select().where(Mailbox.id.in_([alice, admin])).exists()
    # the records stay, unlinked
    assert EmailActivity.get_or_none(EmailActivity.id == email_id) is not None
    assert Appointment.get_or_none(Appointment.id == appointment_id) is not None
    assert EmailMailboxLink.select().where(EmailMailboxLink.email == email_id).count() == 0
    assert ItemLink.select().where(ItemLink.record_id == appointment_id).count() == 0
    # what belonged to the mailbox goes with it
    assert DiagnosticRun.select().where(DiagnosticRun.mailbox == alice).count() == 0
    assert not secrets.has_password(secrets.mailbox_key(alice))
    assert repo.system_settings().notify_mailbox_id is None


def test_a_keyring_failure_deletes_no_mailbox(sample, memory_keyring, monkeypatch):
    ids = [sample.mailbox_ids["alice"], sample.mailbox_ids["admin"]]
    calls = []

    def failing_delete(key):
        calls.append(key)
        if len(calls) == 2:
            raise secrets.SecretStoreError("the credential store is locked")

    monkeypatch.setattr(secrets, "delete_password", failing_delete)
    with pytest.raises(secrets.SecretStoreError):
        manage.delete_mailboxes(ids)
    assert Mailbox.select().where(Mailbox.id.in_(ids)).count() == 2
