"""Passwords on a shared database (issue 17): sealed with AES-GCM in the database, under a data key
that each engine host keeps in its own credential store.

Hosts cannot share one desktop's credential store. On a shared PostgreSQL database each profile's
and mailbox's password is an ``EncryptedSecret``: a 12-byte random nonce, then AES-GCM (256-bit
key, ``cryptography``) of the password, bound to its name and key id (the associated data), so a
sealed value copied onto another row does not open. The database holds the key's id and a check
value (``DataKey``: a fixed text sealed with the key), never the key: app.secrets keeps it in this
computer's credential store, the one module that uses keyring. The first password saved (or the
first ``keys export``) makes the key.

- ``keys export --to FILE`` wraps the key with a key derived from a passphrase (scrypt), so a new
  host can be provisioned; ``keys import FILE`` unwraps it, checks it against the database and
  puts it in this host's credential store.
- ``keys rotate`` seals every password again under a new key, in one transaction.
- A host that lacks the key (or holds another) is told so by ``host_problem``: the engine
  commands refuse to start with that one line.

An SQLite store does not use this module: its passwords stay in the credential store.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import uuid
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app import secrets
from app.store import backends
from app.store.base import database, utcnow
from app.store.models import DataKey, EncryptedSecret

log = logging.getLogger(__name__)

NONCE_BYTES = 12
CHECK_TEXT = b"Server-Side Sync Manager data key"
FILE_FORMAT = "sssm-data-key"
FILE_VERSION = 1
MIN_PASSPHRASE = 12
# scrypt's cost: 32 MiB and about a tenth of a second, once per export or import
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class KeyFileError(ValueError):
    """A data key file that cannot be used here: not one, the wrong passphrase, another key."""


def in_use() -> bool:
    """True when the open store is a shared database (its passwords are sealed in it)."""
    return backends.is_postgres()


# -- sealing --------------------------------------------------------------------------------------
def _aad(name: str, key_id: str) -> bytes:
    return f"{name}\n{key_id}".encode()


def _seal(key: bytes, plain: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plain, aad)


def _open(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Raises InvalidTag when *key* is not the one it was sealed with, or it was changed."""
    return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)


# -- the data key ---------------------------------------------------------------------------------
def current_key() -> DataKey | None:
    """The database's data key (its id and check value); None until the first password is saved."""
    row: DataKey | None = DataKey.select().order_by(DataKey.id).first()
    return row


def _missing(key_id: str) -> secrets.DataKeyMissing:
    return secrets.DataKeyMissing(
        f"This host does not hold the data key of the passwords on this shared database (key {key_id[:8]}). "
        "Import it: python -m app keys import FILE (the file is made by “python -m app keys export --to FILE” "
        "on a host that has the key)."
    )


def host_key(row: DataKey) -> bytes:
    """This host's copy of *row*'s key, checked against the database; DataKeyMissing when it has
    none or a different one (a rotation since it was imported)."""
    key = secrets.get_data_key(row.key_id)
    if key is None or len(key) != 32:
        raise _missing(row.key_id)
    try:
        _open(key, bytes(row.check_value), _aad("check", row.key_id))
    except InvalidTag:
        raise _missing(row.key_id) from None
    return key


def _new_key() -> tuple[str, bytes, bytes]:
    """(id, key, check value) of a new data key."""
    key_id, key = uuid.uuid4().hex, AESGCM.generate_key(bit_length=256)
    return key_id, key, _seal(key, CHECK_TEXT, _aad("check", key_id))


def ensure_key() -> DataKey:
    """The database's data key; made now, and put in this host's credential store, when it has
    none yet. Inside the caller's transaction: a credential store that refuses the key leaves no
    row behind."""
    with database.atomic():
        backends.lock_secrets(database.obj)
        row = current_key()
        if row is None:
            key_id, key, check = _new_key()
            secrets.set_data_key(key_id, key)
            row = DataKey.create(key_id=key_id, created_on=utcnow(), check_value=check)
            log.info("made the data key %s of the shared database's passwords", key_id[:8])
    return row


def host_problem() -> str | None:
    """Why this host cannot open the shared database's passwords (no data key, another one, a
    credential store that cannot be used), in one line; None when it can, or when there is
    nothing to open (an SQLite store, or no password saved yet)."""
    if not in_use():
        return None
    row = current_key()
    if row is None:
        return None
    try:
        host_key(row)
    except secrets.SecretStoreError as exc:
        return str(exc)
    return None


# -- the passwords (called through app.secrets) -----------------------------------------------------
def seal(name: str, password: str) -> None:
    """Store *password* under *name*, sealed (replacing what was there), in the caller's transaction."""
    with database.atomic():
        row = ensure_key()
        sealed = _seal(host_key(row), password.encode("utf-8"), _aad(name, row.key_id))
        now = utcnow()
        (
            EncryptedSecret.insert(name=name, key_id=row.key_id, sealed=sealed, modified_on=now)
            .on_conflict(
                conflict_target=[EncryptedSecret.name],
                update={
                    EncryptedSecret.key_id: row.key_id,
                    EncryptedSecret.sealed: sealed,
                    EncryptedSecret.modified_on: now,
                },
            )
            .execute()
        )


def unseal(name: str) -> str | None:
    """The password stored under *name*, or None; DataKeyMissing when this host cannot open it."""
    secret = EncryptedSecret.get_or_none(EncryptedSecret.name == name)
    if secret is None:
        return None
    row = DataKey.get_or_none(DataKey.key_id == secret.key_id)
    if row is None:
        raise _missing(secret.key_id)
    try:
        return _open(host_key(row), bytes(secret.sealed), _aad(name, secret.key_id)).decode("utf-8")
    except InvalidTag:
        raise secrets.SecretStoreError(
            f"The stored password {name} does not open with the data key: it was changed in the database. "
            "Enter the password again."
        ) from None


def exists(name: str) -> bool:
    return bool(EncryptedSecret.select().where(EncryptedSecret.name == name).exists())


def remove(name: str) -> None:
    EncryptedSecret.delete().where(EncryptedSecret.name == name).execute()


# -- rotation -------------------------------------------------------------------------------------
def rotate() -> tuple[str, int]:
    """Seal every password again under a new data key, in one transaction: (new key id, how many).
    The new key goes to this host's credential store before the commit; the old one leaves it
    after. The other hosts need the new key (``keys export`` here, ``keys import`` there)."""
    with database.atomic():
        backends.lock_secrets(database.obj)
        old = current_key()
        old_key = host_key(old) if old is not None else None
        key_id, key, check = _new_key()
        count = 0
        for secret in EncryptedSecret.select().order_by(EncryptedSecret.id):
            if old is None or old_key is None or secret.key_id != old.key_id:
                raise _missing(secret.key_id)
            plain = _open(old_key, bytes(secret.sealed), _aad(secret.name, secret.key_id))
            sealed = _seal(key, plain, _aad(secret.name, key_id))
            EncryptedSecret.update(key_id=key_id, sealed=sealed, modified_on=utcnow()).where(
                EncryptedSecret.id == secret.id
            ).execute()
            count += 1
        DataKey.delete().execute()
        DataKey.create(key_id=key_id, created_on=utcnow(), check_value=check)
        secrets.set_data_key(key_id, key)
    if old is not None:
        try:
            secrets.delete_data_key(old.key_id)
        except secrets.SecretStoreError as exc:  # the rotation stands; the old key opens nothing any more
            log.warning("the old data key stayed in the credential store: %s", exc)
    log.info("rotated the data key: %s passwords sealed again under key %s", count, key_id[:8])
    return key_id, count


# -- export and import (provisioning a host) ------------------------------------------------------
def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def export_document(passphrase: str) -> dict[str, Any]:
    """The data key wrapped under *passphrase* (scrypt, then AES-GCM): what ``keys export`` writes.
    Makes the key when the database has none yet."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyFileError(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    row = ensure_key()
    key = host_key(row)
    salt = os.urandom(16)
    wrapping = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "key_id": row.key_id,
        "kdf": {"name": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
        "wrapped_key": _b64(_seal(wrapping, key, _aad("wrapped", row.key_id))),
    }


def import_document(document: object, passphrase: str) -> str:
    """Unwrap the key of a ``keys export`` file with *passphrase*, check it against the database
    and put it in this host's credential store; its id. KeyFileError when it cannot be used."""
    key_id, salt, n, r, p, wrapped = _read_document(document)
    try:
        key = _open(_derive(passphrase, salt, n, r, p), wrapped, _aad("wrapped", key_id))
    except InvalidTag:
        raise KeyFileError("The passphrase is wrong, or the file was changed.") from None
    row = current_key()
    if row is None:
        raise KeyFileError("This database has no data key yet: there is nothing to import it for.")
    if row.key_id != key_id:
        raise KeyFileError(
            f"The file holds the data key {key_id[:8]}, but this database's passwords are sealed with the key "
            f"{row.key_id[:8]} (rotated since the export?). Export the current key on a host that has it."
        )
    try:
        _open(key, bytes(row.check_value), _aad("check", row.key_id))
    except InvalidTag:
        raise KeyFileError("The key in the file does not open this database's passwords.") from None
    secrets.set_data_key(key_id, key)
    return key_id


def _read_document(document: object) -> tuple[str, bytes, int, int, int, bytes]:
    bad = KeyFileError("This is not a data key file of Server-Side Sync Manager (made by keys export).")
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise bad
    if document.get("version") != FILE_VERSION:
        raise KeyFileError(f"This data key file has version {document.get('version')}; this version reads 1.")
    kdf = document.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        raise bad
    try:
        key_id = str(document["key_id"])
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        salt, wrapped = _unb64(kdf["salt"]), _unb64(document["wrapped_key"])
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise bad from None
    if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):  # a hostile file cannot exhaust memory
        raise bad
    return key_id, salt, n, r, p, wrapped


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("not text")
    return base64.b64decode(text, validate=True)
