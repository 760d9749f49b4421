"""Authentication the way IIS does it in front of Exchange: Negotiate, NTLM and Basic.

NTLM and Negotiate go through pyspnego's acceptor. That acceptor reads the accepted
credentials from the file named by the ``NTLM_USER_FILE`` environment variable, a process-wide
setting; several loopback servers may live in one process (tests), so each server writes its
own file and the variable is pointed at it only while that server's acceptor works, under one
process-wide lock (the acceptor's work is a few milliseconds).

NTLM is connection-oriented: once the handshake completes, later requests on the same TCP
connection are authenticated without an ``Authorization`` header (IIS "Persistent-Auth"),
until the account's password changes: then the next request on that connection is challenged
again, so that a password changed on the server (the demo's "change the password") fails the
client's next request, not only its next connection. Basic is checked on every request.

The acceptor is pyspnego's own Python one, on every platform (its default on Windows would be
Windows' SSPI, which knows Windows' accounts, not ours). One exception, on Windows only: once a
Windows account is mapped to a mailbox (``accept_windows_logon``), Negotiate logons are checked by
Windows itself through SSPI, as IIS does with Windows authentication, so that a client using
Windows integrated authentication logs on as the signed-in user, with no password of ours.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spnego
from spnego._ntlm_raw.crypto import ntowfv1

NTLM_USER_FILE_ENV = "NTLM_USER_FILE"
_ENV_LOCK = threading.Lock()
_NTLM_SIGNATURE = b"NTLMSSP\x00"


def challenge_headers(realm: str) -> list[tuple[str, str]]:
    """The three WWW-Authenticate headers an Exchange EWS virtual directory offers."""
    return [
        ("WWW-Authenticate", "Negotiate"),
        ("WWW-Authenticate", "NTLM"),
        ("WWW-Authenticate", f'Basic realm="{realm}"'),
    ]


def netbios_domain(email: str) -> str:
    domain = email.rpartition("@")[2]
    return domain.split(".")[0].upper()[:15]


def _split_user(name: str) -> tuple[str | None, str]:
    name = name.strip()
    if "\\" in name:
        domain, _, user = name.partition("\\")
        return domain, user
    return None, name


def resolve_user(directory, name: str):
    """Find the account behind ``user@domain``, ``DOMAIN\\user`` or a bare ``user``.

    ``DOMAIN`` may be the NetBIOS name (``CONTOSO``) or the DNS name (``contoso.com``) of the
    account's e-mail domain; a bare name matching several accounts picks the first, as the
    NTLM credential file does.
    """
    domain, user = _split_user(name)
    if not user:
        return None
    if "@" in user:
        account = directory.get(user)
        candidates = [account] if account is not None else []
    else:
        candidates = [a for a in directory.accounts() if a.email.partition("@")[0].lower() == user.lower()]
    for account in candidates:
        if not domain:
            return account
        email_domain = account.email.rpartition("@")[2].lower()
        if domain.lower() in (email_domain, netbios_domain(account.email).lower()):
            return account
    return None


def _password_ok(account, password: str) -> bool:
    return hmac.compare_digest(account.password.encode("utf-8"), password.encode("utf-8"))


class NtlmUserFile:
    """The per-server credential file pyspnego's NTLM acceptor checks users against.

    Lines use the smbpasswd layout (``NAME:UID:LM:NT:FLAGS:LCT``) so that passwords never sit
    in the file in clear and may contain colons. Each account is listed under the names a
    Windows client may send: ``user@domain`` (UPN), ``NETBIOS\\user``, ``dns.domain\\user`` and
    a bare ``user``. The file is rewritten whenever an account or password changes.
    """

    def __init__(self, path: Path, directory) -> None:
        self.path = Path(path)
        self.directory = directory
        self._fingerprint: bytes | None = None
        self._names: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def _snapshot(self) -> list[tuple[str, str]]:
        with self.directory.lock:
            return [(a.email, a.password) for a in self.directory.accounts()]

    def refresh(self) -> None:
        accounts = self._snapshot()
        digest = hashlib.sha256(repr(accounts).encode("utf-8")).digest()
        with self._lock:
            if digest == self._fingerprint and self.path.exists():
                return
            lines: list[str] = []
            names: dict[tuple[str, str], str] = {}
            for email, password in accounts:
                nt_hash = ntowfv1(password).hex().upper()
                user, _, dns_domain = email.partition("@")
                for domain, name in (
                    ("", email),
                    (netbios_domain(email), user),
                    (dns_domain, user),
                    ("", user),
                ):
                    key = (domain.upper(), name.upper())
                    if key in names:  # first account wins, as in the file
                        continue
                    names[key] = email
                    login = f"{domain}\\{name}" if domain else name
                    lines.append(f"{login}:0:{'0' * 32}:{nt_hash}:[U]:LCT-00000000")
            tmp = self.path.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            os.replace(tmp, self.path)
            self._names = names
            self._fingerprint = digest

    def email_for(self, principal: str) -> str | None:
        domain, user = _split_user(principal)
        return self._names.get(((domain or "").upper(), user.upper()))

    @contextmanager
    def active(self):
        """Point NTLM_USER_FILE at this server's file while pyspnego reads it."""
        self.refresh()
        with _ENV_LOCK:
            previous = os.environ.get(NTLM_USER_FILE_ENV)
            os.environ[NTLM_USER_FILE_ENV] = str(self.path)
            try:
                yield
            finally:
                if previous is None:
                    os.environ.pop(NTLM_USER_FILE_ENV, None)
                else:
                    os.environ[NTLM_USER_FILE_ENV] = previous


@dataclass
class ConnectionAuth:
    """Authentication state of one TCP connection."""

    account: Any = None  # set once NTLM/Negotiate completed on this connection
    scheme: str | None = None
    context: Any = None
    password: str | None = None  # the account's password at the logon: a change ends the logon


@dataclass
class AuthOutcome:
    account: Any = None  # None: answer 401 with ``headers``
    headers: list[tuple[str, str]] = field(default_factory=list)
    failed_user: str | None = None  # a credential was tried and rejected
    scheme: str | None = None


def _decode_basic(token: str) -> tuple[str, str] | None:
    try:
        raw = base64.b64decode(token.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if ":" not in text:
        return None
    user, _, password = text.partition(":")
    return user, password


def _starts_handshake(token: bytes) -> bool:
    if token.startswith(_NTLM_SIGNATURE):
        return len(token) >= 12 and token[8] == 1  # NTLM NEGOTIATE_MESSAGE
    return token[:1] == b"\x60"  # SPNEGO NegTokenInit (GSS-API InitialContextToken)


class Authenticator:
    def __init__(self, directory, state_dir: Path) -> None:
        self.directory = directory
        self.user_file = NtlmUserFile(Path(state_dir) / "ntlm_users", directory)
        self.windows_logons: dict[str, str] = {}  # DOMAIN\\USER (upper case) -> email

    def accept_windows_logon(self, principal: str, email: str) -> None:
        """On Windows: the Windows account *principal* (``DOMAIN\\user``) logs on as *email*'s
        account, checked by Windows (SSPI) over Negotiate."""
        if sys.platform != "win32":
            raise RuntimeError("Windows logons are checked by Windows' SSPI: only on Windows")
        self.windows_logons[principal.upper()] = email

    def _acceptor(self, scheme: str):
        if scheme == "Negotiate" and self.windows_logons:
            return spnego.server(protocol="negotiate", service="HTTP", options=spnego.NegotiateOptions.use_sspi)
        options = spnego.NegotiateOptions.use_ntlm if scheme == "NTLM" else spnego.NegotiateOptions.use_negotiate
        with self.user_file.active():
            return spnego.server(protocol=scheme.lower(), service="HTTP", options=options)

    def _account_of(self, principal: str):
        email = self.windows_logons.get(principal.upper()) or self.user_file.email_for(principal)
        return self.directory.get(email) if email else None

    @staticmethod
    def challenge(realm: str) -> list[tuple[str, str]]:
        return challenge_headers(realm)

    def authenticate(self, conn: ConnectionAuth, authorization: str | None, realm: str) -> AuthOutcome:
        """``realm``: the Basic realm, which IIS takes from the host name the client asked for."""
        if not authorization:
            if conn.account is not None and conn.password == conn.account.password:
                return AuthOutcome(account=conn.account, scheme=conn.scheme)
            conn.account = conn.context = conn.scheme = conn.password = None
            return AuthOutcome(headers=self.challenge(realm))
        scheme, _, token = authorization.strip().partition(" ")
        scheme_l = scheme.lower()
        if scheme_l == "basic":
            return self._basic(conn, token, realm)
        if scheme_l in ("ntlm", "negotiate"):
            return self._sspi(conn, "NTLM" if scheme_l == "ntlm" else "Negotiate", token.strip(), realm)
        return AuthOutcome(headers=self.challenge(realm))

    def _basic(self, conn: ConnectionAuth, token: str, realm: str) -> AuthOutcome:
        conn.account = conn.context = conn.scheme = None
        decoded = _decode_basic(token)
        if decoded is None:
            return AuthOutcome(headers=self.challenge(realm), failed_user="")
        user, password = decoded
        account = resolve_user(self.directory, user)
        if account is None or not _password_ok(account, password):
            return AuthOutcome(headers=self.challenge(realm), failed_user=user)
        return AuthOutcome(account=account, scheme="Basic")

    def _sspi(self, conn: ConnectionAuth, scheme: str, token_b64: str, realm: str) -> AuthOutcome:
        try:
            token = base64.b64decode(token_b64, validate=True)
        except (binascii.Error, ValueError):
            token = b""
        if not token:
            conn.account = conn.context = conn.scheme = None
            return AuthOutcome(headers=self.challenge(realm))
        if _starts_handshake(token) or conn.context is None or conn.scheme != scheme:
            conn.account = None
            conn.scheme = scheme
            conn.context = self._acceptor(scheme)
        try:
            with self.user_file.active():
                out = conn.context.step(token)
        except Exception:  # noqa: BLE001 - pyspnego raises several types for a bad logon
            principal = self._principal_from_token(token)
            conn.account = conn.context = conn.scheme = None
            return AuthOutcome(headers=self.challenge(realm), failed_user=principal or "")
        if not conn.context.complete:
            value = f"{scheme} {base64.b64encode(out).decode('ascii')}" if out else scheme
            headers = [("WWW-Authenticate", value)]
            if scheme == "NTLM":
                # Exchange 2010/2013 CAS (IIS 7.5+) repeats the bare Negotiate offer here.
                headers.append(("WWW-Authenticate", "Negotiate"))
            return AuthOutcome(headers=headers, scheme=scheme)
        principal = conn.context.client_principal or ""
        account = self._account_of(principal)
        conn.context = None
        if account is None:
            conn.scheme = None
            return AuthOutcome(headers=self.challenge(realm), failed_user=principal)
        conn.account, conn.password = account, account.password
        headers = [("Persistent-Auth", "true")]
        if out:
            headers.append(("WWW-Authenticate", f"{scheme} {base64.b64encode(out).decode('ascii')}"))
        return AuthOutcome(account=account, headers=headers, scheme=scheme)

    @staticmethod
    def _principal_from_token(token: bytes) -> str | None:
        """The user name inside an NTLM AUTHENTICATE message (for counting failures)."""
        start = token.find(_NTLM_SIGNATURE)
        if start < 0:
            return None
        msg = token[start:]
        if len(msg) < 52 or msg[8] != 3:
            return None

        def field_at(offset: int) -> str:
            length = int.from_bytes(msg[offset : offset + 2], "little")
            pos = int.from_bytes(msg[offset + 4 : offset + 8], "little")
            return msg[pos : pos + length].decode("utf-16-le", "replace")

        domain, user = field_at(28), field_at(36)
        return f"{domain}\\{user}" if domain else user
