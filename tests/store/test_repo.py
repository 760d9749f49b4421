"""Saving profiles and mailboxes: validation, and passwords only in the keyring."""

from datetime import datetime, timezone

import pytest

from app import paths, secrets
from app.domain.enums import ApprovalStatus, CredentialSource, RecordType
from app.domain.settings import MailboxSettings, ProfileSettings
from app.domain.validation import ValidationError
from app.store import repo
from app.store.models import FilterCriterion, ServerProfile, SyncFilter

PROFILE_PASSWORD = "Pr0file-S3cret-Î±"
MAILBOX_PASSWORD = "Ma1lbox-Secr3t-æ¼¢"


def make_profile(**changes):
    values = dict(
        name="Exchange 2013 on-premises",
        credential_source=CredentialSource.PROFILE,
        username="CONTOSO\\svc-crm",
        process_email_from=datetime(2026, 1, 1, tzinfo=timezone.utc),
    )
    values.update(changes)
    return ProfileSettings(**values)


def test_passwords_never_reach_the_sqlite_file(store, memory_keyring):
    profile = repo.save_profile(make_profile(), password=PROFILE_PASSWORD)
    user = repo.create_user("Alice", "alice@contoso.com", is_current=True)
    mailbox = repo.save_mailbox(
        MailboxSettings(
            name="Alice",
            email="alice@contoso.com",
            owner_id=user.id,
            profile_id=profile.id,
            approval=ApprovalStatus.APPROVED,
            allow_credentials=True,
            username="alice",
        ),
        password=MAILBOX_PASSWORD,
    )
    store.execute_sql("PRAGMA wal_checkpoint(FULL)")
    files = [p for p in paths.data_dir().iterdir() if p.name.startswith("sssm.sqlite3")]
    assert files, "the store is a real file"
    for path in files:  # the database and its WAL
        raw = path.read_bytes()
        for secret in (PROFILE_PASSWORD, MAILBOX_PASSWORD):
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in raw, f"password found in {path.name}"
    assert b"alice@contoso.com" in b"".join(p.read_bytes() for p in files), "sanity: data is there"
    assert memory_keyring.entries[(secrets.SERVICE, secrets.profile_key(profile.id))] == PROFILE_PASSWORD
    assert memory_keyring.entries[(secrets.SERVICE, secrets.mailbox_key(mailbox.id))] == MAILBOX_PASSWORD
    assert repo.profile_settings(profile).has_password
    assert repo.mailbox_settings(mailbox).has_password


def test_invalid_profile_is_not_saved(store):
    with pytest.raises(ValidationError) as caught:
        repo.save_profile(make_profile(max_connections=301), password=PROFILE_PASSWORD)
    assert [i.field for i in caught.value.issues] == ["max_connections"]
    assert ServerProfile.select().count() == 0


def test_profile_without_password_is_refused_then_kept_on_edit(store):
    with pytest.raises(ValidationError) as caught:
        repo.save_profile(make_profile())
    assert [i.field for i in caught.value.issues] == ["password"]
    profile = repo.save_profile(make_profile(), password=PROFILE_PASSWORD)
    # editing without retyping the password keeps the stored one
    repo.save_profile(make_profile(description="edited"), profile=profile)
    assert ServerProfile.get_by_id(profile.id).description == "edited"
    assert secrets.get_password(secrets.profile_key(profile.id)) == PROFILE_PASSWORD


def test_duplicate_profile_name_refused(store):
    repo.save_profile(make_profile(), password=PROFILE_PASSWORD)
    with pytest.raises(ValidationError, match="already named"):
        repo.save_profile(make_profile(name="exchange 2013 ON-PREMISES"), password=PROFILE_PASSWORD)


def test_keyring_failure_leaves_no_half_saved_profile(store, monkeypatch):
    from keyring.errors import KeyringLocked

    def locked(*args):
        raise KeyringLocked("collection is locked")

    monkeypatch.setattr("keyring.set_password", locked)
    with pytest.raises(secrets.SecretStoreError, match="locked"):
        repo.save_profile(make_profile(), password=PROFILE_PASSWORD)
    assert ServerProfile.select().count() == 0


def test_deleting_profile_removes_its_passwords(store, memory_keyring):
    profile = repo.save_profile(make_profile(), password=PROFILE_PASSWORD)
    repo.delete_profile(profile)
    assert memory_keyring.entries == {}


def test_new_user_gets_the_default_sync_filters(store):
    user = repo.create_user("Alice", "alice@contoso.com", is_current=True)
    filters = {f.record_type: f for f in SyncFilter.select().where(SyncFilter.user == user)}
    assert {f.name for f in filters.values()} == {"My Appointments", "My Contacts", "My Tasks"}
    assert set(filters) == set(RecordType)
    criteria = (
        FilterCriterion.select()
        .where(FilterCriterion.filter == filters[RecordType.TASK])
        .order_by(FilterCriterion.position)
    )
    assert [(c.field, c.operator.value, c.value) for c in criteria] == [
        ("owner", "current_user", ""),
        ("state", "eq", "active"),
    ]
    assert repo.user_options(user).tracking_option.value == "responses"
