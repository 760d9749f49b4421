"""The only code that touches the OS credential store (Windows Credential Manager, macOS
Keychain, Secret Service on Linux), through keyring.

Passwords never go to SQLite, logs or exports. When no usable keyring exists, or it is
locked, a ``SecretStoreError`` says which backend was tried and what to do — there is no
plaintext fallback, silent or otherwise.

On a shared PostgreSQL database (several engine hosts, which cannot share one desktop's keyring)
the passwords are sealed with AES-GCM in the database instead (app.store.secret_vault), and this
module keeps only the database's data key in the credential store (``datakey:<key id>``). The
functions below send a password to whichever of the two the open store uses; callers do not
change.

keyring itself is imported at the first use of a password (importing it costs a quarter of a
second, more than the window takes to open without it).
"""

from __future__ import annotations

SERVICE = "ServerSideSyncManager"


class SecretStoreError(RuntimeError):
    """The credential store could not be used; the message names the backend and a next step."""


class DataKeyMissing(SecretStoreError):
    """A shared database's passwords are sealed with a data key that this host does not hold, or
    holds a different one of (``python -m app keys import`` brings it)."""


def backend_name() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _unusable(backend) -> bool:
    # keyring's "fail" backend and the plaintext/null ones from keyrings.alt are not acceptable
    name = type(backend).__module__ + "." + type(backend).__name__
    return any(token in name for token in ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt"))


# what a person calls the stores keyring's backends stand for
_STORE_NAMES = {
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
}


def credential_store() -> tuple[str, bool]:
    """Which credential store keyring found (its name and backend class) and whether passwords
    can be kept in it: ``self-check`` reports it (a frozen build without keyring's Windows
    backend would otherwise find out at the first saved password)."""
    import keyring

    backend = keyring.get_keyring()
    chosen = [b for b in getattr(backend, "backends", [backend]) if not _unusable(b)]
    if not chosen:
        return f"none usable ({backend_name()})", False
    described = []
    for b in chosen:
        name = f"{type(b).__module__}.{type(b).__name__}"
        described.append(f"{_STORE_NAMES[name]} ({name})" if name in _STORE_NAMES else name)
    return ", ".join(described), True


def _error(action: str, exc: Exception | None = None) -> SecretStoreError:
    from keyring.errors import KeyringLocked

    backend = backend_name()
    if isinstance(exc, KeyringLocked):
        advice = "The credential store is locked: unlock it (sign in to your desktop session) and try again."
    else:
        advice = (
            "On Windows the app uses Windows Credential Manager; on Linux a Secret Service such as "
            "GNOME Keyring or KWallet must be running and unlocked."
        )
    detail = f" ({exc})" if exc else ""
    return SecretStoreError(f"Could not {action} in the credential store {backend}{detail}. {advice}")


def _check_backend() -> None:
    import keyring
    from keyring.errors import NoKeyringError

    if _unusable(keyring.get_keyring()):
        raise _error("use a password", NoKeyringError("no usable keyring backend"))


def profile_key(profile_id: int, outgoing: bool = False) -> str:
    return f"profile:{profile_id}:{'outgoing' if outgoing else 'incoming'}"


def mailbox_key(mailbox_id: int) -> str:
    return f"mailbox:{mailbox_id}"


def _shared() -> bool:
    """True when the open store is a shared database, whose passwords are sealed in it."""
    from app.store import secret_vault

    return secret_vault.in_use()


def set_password(key: str, password: str) -> None:
    if not password:
        raise ValueError("an empty password is not stored; delete it instead")
    if _shared():
        from app.store import secret_vault

        secret_vault.seal(key, password)
        return
    _keyring_set(key, password, "save the password")


def get_password(key: str) -> str | None:
    if _shared():
        from app.store import secret_vault

        return secret_vault.unseal(key)
    return _keyring_get(key, "read the password")


def has_password(key: str) -> bool:
    if _shared():
        from app.store import secret_vault

        return secret_vault.exists(key)  # known without the data key
    return bool(get_password(key))


def delete_password(key: str) -> None:
    """Delete if present; a missing entry is not an error."""
    if _shared():
        from app.store import secret_vault

        secret_vault.remove(key)
        return
    _keyring_delete(key, "delete the password")


# -- a shared database's data key: in this computer's credential store ------------------------------
def data_key_name(key_id: str) -> str:
    return f"datakey:{key_id}"


def get_data_key(key_id: str) -> bytes | None:
    """This computer's copy of the data key *key_id*, or None when it has none."""
    import base64
    import binascii

    text = _keyring_get(data_key_name(key_id), "read the data key")
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None  # not a key: the check against the database says so


def set_data_key(key_id: str, key: bytes) -> None:
    import base64

    _keyring_set(data_key_name(key_id), base64.b64encode(key).decode("ascii"), "save the data key")


def delete_data_key(key_id: str) -> None:
    _keyring_delete(data_key_name(key_id), "delete the data key")


# -- keyring itself ---------------------------------------------------------------------------------
def _keyring_set(key: str, value: str, action: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    _check_backend()
    try:
        keyring.set_password(SERVICE, key, value)
    except KeyringError as exc:
        raise _error(action, exc) from exc


def _keyring_get(key: str, action: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    _check_backend()
    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError as exc:
        raise _error(action, exc) from exc


def _keyring_delete(key: str, action: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    _check_backend()
    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        return
    except KeyringError as exc:
        raise _error(action, exc) from exc
