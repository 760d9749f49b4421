"""Passwords on a shared database (app.store.secret_vault), on a real PostgreSQL server: sealed
with AES-GCM in the database, only the data key in this host's credential store; export and
import of the key under a passphrase; rotation in one transaction; an SQLite store unchanged."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone

import pytest

from app import secrets
from app.domain.enums import ApprovalStatus, CredentialSource
from app.domain.settings import MailboxSettings, ProfileSettings
from app.store import repo, secret_vault
from app.store.db import open_database
from app.store.models import DataKey, EncryptedSecret, Mailbox

PROFILE_PASSWORD = "Vault-profile-9Qe!"
MAILBOX_PASSWORD = "Vault-mailbox-4Rt#"
PASSPHRASE = "correct horse battery staple"


def make_profile(**changes) -> ProfileSettings:
    values = dict(
        name="Exchange 2013 on-premises",
        credential_source=CredentialSource.PROFILE,
        username="CONTOSO\\svc-crm",
        process_email_from=datetime(2026, 1, 1, tzinfo=timezone.utc),
    )
    values.update(changes)
    return ProfileSettings(**values)


def save_both() -> tuple[int, int]:
    """A profile and a mailbox with their passwords, saved through app.store.repo: their ids."""
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
    return profile.id, mailbox.id


@pytest.fixture
def shared(pg_url):
    open_database(pg_url)
    return pg_url


def keyring_names(memory_keyring) -> list[str]:
    return sorted(name for (_service, name) in memory_keyring.entries)


def test_passwords_are_sealed_in_the_database_and_only_the_data_key_is_in_the_keyring(shared, memory_keyring):
    profile_id, mailbox_id = save_both()
    key = DataKey.get()
    assert keyring_names(memory_keyring) == [f"datakey:{key.key_id}"], "no password in the credential store"
    assert len(base64.b64decode(memory_keyring.entries[(secrets.SERVICE, f"datakey:{key.key_id}")])) == 32
    sealed = {s.name: bytes(s.sealed) for s in EncryptedSecret.select()}
    assert set(sealed) == {secrets.profile_key(profile_id), secrets.mailbox_key(mailbox_id)}
    for value in sealed.values():
        for password in (PROFILE_PASSWORD, MAILBOX_PASSWORD):
            assert password.encode() not in value and password.encode("utf-16-le") not in value
    assert secrets.get_password(secrets.profile_key(profile_id)) == PROFILE_PASSWORD
    assert secrets.get_password(secrets.mailbox_key(mailbox_id)) == MAILBOX_PASSWORD
    assert repo.mailbox_settings(Mailbox.get_by_id(mailbox_id)).has_password
    assert secrets.get_password(secrets.profile_key(profile_id, outgoing=True)) is None
    # saved again: still one row, sealed anew (a new nonce)
    name = secrets.mailbox_key(mailbox_id)
    secrets.set_password(name, "Changed-5Yh$")
    assert EncryptedSecret.select().count() == 2
    assert bytes(EncryptedSecret.get(EncryptedSecret.name == name).sealed) != sealed[name]
    assert secrets.get_password(name) == "Changed-5Yh$"


def test_a_sealed_password_moved_to_another_row_does_not_open(shared):
    profile_id, mailbox_id = save_both()
    mailbox_sealed = EncryptedSecret.get(EncryptedSecret.name == secrets.mailbox_key(mailbox_id)).sealed
    EncryptedSecret.update(sealed=mailbox_sealed).where(
        EncryptedSecret.name == secrets.profile_key(profile_id)
    ).execute()
    with pytest.raises(secrets.SecretStoreError, match="does not open with the data key"):
        secrets.get_password(secrets.profile_key(profile_id))


def test_a_host_without_the_data_key_is_told_what_to_do(shared, memory_keyring):
    profile_id, _mailbox_id = save_both()
    memory_keyring.entries.clear()
    problem = secret_vault.host_problem()
    assert problem is not None and "keys import" in problem and "\n" not in problem
    with pytest.raises(secrets.DataKeyMissing):
        secrets.get_password(secrets.profile_key(profile_id))
    assert secrets.has_password(secrets.profile_key(profile_id)), "known without the key"
    # a wrong key under the right name is no better
    secrets.set_data_key(DataKey.get().key_id, bytes(32))
    assert secret_vault.host_problem() == problem


def test_before_the_first_password_there_is_no_key_and_no_problem(shared, memory_keyring):
    assert secret_vault.host_problem() is None and DataKey.select().count() == 0
    assert memory_keyring.entries == {}


def test_export_and_import_provision_a_host(shared, memory_keyring):
    profile_id, _mailbox_id = save_both()
    stored = dict(memory_keyring.entries)
    document = secret_vault.export_document(PASSPHRASE)
    text = json.dumps(document)
    for value in [*stored.values(), PROFILE_PASSWORD, MAILBOX_PASSWORD, PASSPHRASE]:
        assert value not in text, "neither the key, a password nor the passphrase is in the file"
    memory_keyring.entries.clear()  # the new host
    with pytest.raises(secret_vault.KeyFileError, match="passphrase is wrong"):
        secret_vault.import_document(document, PASSPHRASE + "!")
    with pytest.raises(secret_vault.KeyFileError, match="not a data key file"):
        secret_vault.import_document({"format": "something else"}, PASSPHRASE)
    with pytest.raises(secret_vault.KeyFileError, match="not a data key file"):
        secret_vault.import_document({**document, "kdf": {**document["kdf"], "n": 2**30}}, PASSPHRASE)
    with pytest.raises(secret_vault.KeyFileError, match="at least 12"):
        secret_vault.export_document("short")
    assert memory_keyring.entries == {}
    assert secret_vault.import_document(document, PASSPHRASE) == DataKey.get().key_id
    assert memory_keyring.entries == stored
    assert secrets.get_password(secrets.profile_key(profile_id)) == PROFILE_PASSWORD


def test_rotate_seals_every_password_again_under_a_new_key(shared, memory_keyring):
    profile_id, mailbox_id = save_both()
    old = DataKey.get().key_id
    before = {s.name: bytes(s.sealed) for s in EncryptedSecret.select()}
    old_export = secret_vault.export_document(PASSPHRASE)
    new, count = secret_vault.rotate()
    assert count == 2 and new != old and DataKey.select().count() == 1 and DataKey.get().key_id == new
    assert {s.key_id for s in EncryptedSecret.select()} == {new}
    assert all(bytes(s.sealed) != before[s.name] for s in EncryptedSecret.select())
    assert keyring_names(memory_keyring) == [f"datakey:{new}"], "the old key left the credential store"
    assert secrets.get_password(secrets.profile_key(profile_id)) == PROFILE_PASSWORD
    assert secrets.get_password(secrets.mailbox_key(mailbox_id)) == MAILBOX_PASSWORD
    memory_keyring.entries.clear()
    with pytest.raises(secret_vault.KeyFileError, match="rotated since the export"):
        secret_vault.import_document(old_export, PASSPHRASE)


def test_a_rotation_that_fails_midway_changes_nothing(shared, memory_keyring):
    from cryptography.exceptions import InvalidTag

    profile_id, mailbox_id = save_both()
    old = DataKey.get().key_id
    EncryptedSecret.update(sealed=b"\0" * 40).where(EncryptedSecret.name == secrets.mailbox_key(mailbox_id)).execute()
    before = {s.name: (s.key_id, bytes(s.sealed)) for s in EncryptedSecret.select()}
    stored = dict(memory_keyring.entries)
    with pytest.raises(InvalidTag):  # the damaged row does not open
        secret_vault.rotate()
    assert DataKey.get().key_id == old
    assert {s.name: (s.key_id, bytes(s.sealed)) for s in EncryptedSecret.select()} == before
    assert memory_keyring.entries == stored
    assert secrets.get_password(secrets.profile_key(profile_id)) == PROFILE_PASSWORD


def test_deleting_a_mailbox_deletes_its_sealed_password(shared):
    _profile_id, mailbox_id = save_both()
    repo.delete_mailbox(Mailbox.get_by_id(mailbox_id))
    assert not EncryptedSecret.select().where(EncryptedSecret.name == secrets.mailbox_key(mailbox_id)).exists()


def test_an_sqlite_store_keeps_its_passwords_in_the_credential_store(store, memory_keyring):
    profile = repo.save_profile(make_profile(), password=PROFILE_PASSWORD)
    assert not secret_vault.in_use() and secret_vault.host_problem() is None
    assert memory_keyring.entries == {(secrets.SERVICE, secrets.profile_key(profile.id)): PROFILE_PASSWORD}
    assert EncryptedSecret.select().count() == 0 and DataKey.select().count() == 0
