import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from keyring.errors import KeyringLocked

from app import secrets


def test_round_trip_and_delete(memory_keyring):
    secrets.set_password("mailbox:7", "pw")
    assert secrets.get_password("mailbox:7") == "pw"
    secrets.delete_password("mailbox:7")
    assert secrets.get_password("mailbox:7") is None
    secrets.delete_password("mailbox:7")  # deleting twice is fine


def test_no_usable_keyring_is_a_clear_error_not_a_fallback(monkeypatch):
    keyring.set_keyring(FailKeyring())
    with pytest.raises(secrets.SecretStoreError) as caught:
        secrets.set_password("mailbox:1", "pw")
    message = str(caught.value)
    assert "keyring.backends.fail.Keyring" in message, "names the backend"
    assert "Credential Manager" in message and "Secret Service" in message, "says what to do"
    with pytest.raises(secrets.SecretStoreError):
        secrets.get_password("mailbox:1")


def test_locked_keyring_says_unlock(monkeypatch):
    def locked(*args):
        raise KeyringLocked("locked")

    monkeypatch.setattr(keyring, "get_password", locked)
    with pytest.raises(secrets.SecretStoreError, match="locked: unlock it"):
        secrets.get_password("profile:1:incoming")


def test_empty_password_is_not_stored(memory_keyring):
    with pytest.raises(ValueError):
        secrets.set_password("mailbox:1", "")
    assert memory_keyring.entries == {}
