"""The only code that touches the OS credential store (Windows Credential Manager, macOS
Keychain, Secret Service on Linux), through keyring.

Passwords never go to SQLite, logs or exports. When no usable keyring exists, or it is
locked, a ``SecretStoreError`` says which backend was tried and what to do — there is no
plaintext fallback, silent or otherwise.

keyring itself is imported at the first use of a password (importing it costs a quarter of a
second, more than the window takes to open without it).
"""

from __future__ import annotations

SERVICE = "ServerSideSyncManager"


class SecretStoreError(RuntimeError):
    """The credential store could not be used; the message names the backend and a next step."""


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


def set_password(key: str, password: str) -> None:
    if not password:
        raise ValueError("an empty password is not stored; delete it instead")
    import keyring
    from keyring.errors import KeyringError

    _check_backend()
    try:
        keyring.set_password(SERVICE, key, password)
    except KeyringError as exc:
        raise _error("save the password", exc) from exc


def get_password(key: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    _check_backend()
    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError as exc:
        raise _error("read the password", exc) from exc


def has_password(key: str) -> bool:
    return bool(get_password(key))


def delete_password(key: str) -> None:
    """Delete if present; a missing entry is not an error."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    _check_backend()
    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        return
    except KeyringError as exc:
        raise _error("delete the password", exc) from exc
