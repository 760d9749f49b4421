"""Accounts and mailboxes known to the loopback EWS server (its "Active Directory")."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from .model import Mailbox


@dataclass
class Account:
    email: str
    password: str
    display_name: str
    roles: set[str] = field(default_factory=set)  # "impersonation" (ApplicationImpersonation), "admin"
    delegates_to: set[str] = field(default_factory=set)  # other mailboxes this account has full access to

    @property
    def username(self) -> str:
        return self.email.split("@", 1)[0]

    @property
    def domain(self) -> str:
        return self.email.split("@", 1)[1] if "@" in self.email else ""


@dataclass
class Group:
    """A distribution group of the directory (ExpandDL)."""

    email: str
    display_name: str
    members: list[str] = field(default_factory=list)  # addresses: accounts, groups or external


class Directory:
    """Thread-safe registry of accounts and their mailboxes.

    ``lock`` (an RLock) guards the whole state, mailboxes included; EwsService holds it
    while it runs an operation.
    """

    def __init__(self):
        self.lock = threading.RLock()
        self._accounts: dict[str, Account] = {}
        self._mailboxes: dict[str, Mailbox] = {}
        self._by_guid: dict[str, Mailbox] = {}
        self._groups: dict[str, Group] = {}
        self.oof: dict[str, dict] = {}  # email -> Out of Office settings (ops/oof.py)
        from .notifications import NotificationHub  # lazy: notifications builds on service, which on this

        self.notifications = NotificationHub()  # mailbox events and subscriptions

    def add_account(self, email, password, display_name=None, roles=(), mailbox=True) -> Account:
        """Create (or replace) an account; with *mailbox*, also its mailbox with the standard folders."""
        email = email.strip().lower()
        if "@" not in email:
            raise ValueError(f"account email must be user@domain, got {email!r}")
        with self.lock:
            account = Account(
                email=email,
                password=password,
                display_name=display_name or email.split("@")[0].replace(".", " ").title(),
                roles=set(roles),
            )
            self._accounts[email] = account
            if mailbox and email not in self._mailboxes:
                mb = Mailbox(email)
                mb.create_standard_folders()
                self._attach(mb)
            return account

    def _attach(self, mb: Mailbox):
        mb.observer = self.notifications.record
        self._mailboxes[mb.email] = mb
        self._by_guid[mb.guid] = mb

    def get(self, email_or_username) -> Account | None:
        """Look up by "user@domain", "DOMAIN\\user" or bare "user" (case-insensitive)."""
        if not email_or_username:
            return None
        key = str(email_or_username).strip().lower()
        with self.lock:
            if key in self._accounts:
                return self._accounts[key]
            if "\\" in key:
                domain, key = key.split("\\", 1)
                matches = [
                    a
                    for a in self._accounts.values()
                    if a.username == key and (a.domain.split(".")[0] == domain or a.domain == domain)
                ]
                if not matches:
                    matches = [a for a in self._accounts.values() if a.username == key]
            elif "@" in key:
                return None
            else:
                matches = [a for a in self._accounts.values() if a.username == key]
            return matches[0] if len(matches) == 1 else None

    def authenticate(self, username, password) -> Account | None:
        """The account if *username* exists and *password* matches, else None."""
        account = self.get(username)
        if account is not None and password is not None and account.password == password:
            return account
        return None

    def mailbox(self, email) -> Mailbox | None:
        """The mailbox of *email*, or None."""
        if not email:
            return None
        with self.lock:
            return self._mailboxes.get(str(email).strip().lower())

    def mailbox_by_guid(self, guid) -> Mailbox | None:
        with self.lock:
            return self._by_guid.get(guid)

    def set_password(self, email, password):
        """Change an account's password (KeyError if unknown)."""
        with self.lock:
            self._accounts[email.strip().lower()].password = password

    def accounts(self) -> list[Account]:
        with self.lock:
            return list(self._accounts.values())

    def hosts_domain(self, domain: str) -> bool:
        """Whether *domain* is one of this organization's (an accepted domain: mail to an unknown
        address there is not delivered and comes back as a non-delivery report)."""
        domain = domain.strip().lower()
        with self.lock:
            return any(a.domain == domain for a in self._accounts.values()) or any(
                g.email.endswith("@" + domain) for g in self._groups.values()
            )

    def add_group(self, email: str, display_name: str, members=()) -> Group:
        email = email.strip().lower()
        with self.lock:
            group = Group(email, display_name, [m.strip().lower() for m in members])
            self._groups[email] = group
            return group

    def group(self, email: str | None) -> Group | None:
        with self.lock:
            return self._groups.get((email or "").strip().lower())

    def can_open(self, account: Account, email: str) -> bool:
        """Whether *account* has full access to the mailbox of *email*."""
        email = email.strip().lower()
        return email == account.email or email in {d.lower() for d in account.delegates_to}

    def to_dict(self) -> dict:
        """Full state, mailboxes and items included (JSON-serializable)."""
        with self.lock:
            return {
                "version": 1,
                "accounts": [
                    {
                        "email": a.email,
                        "password": a.password,
                        "display_name": a.display_name,
                        "roles": sorted(a.roles),
                        "delegates_to": sorted(a.delegates_to),
                    }
                    for a in self._accounts.values()
                ],
                "mailboxes": [mb.to_dict() for mb in self._mailboxes.values()],
                "groups": [
                    {"email": g.email, "display_name": g.display_name, "members": list(g.members)}
                    for g in self._groups.values()
                ],
                "oof": self.oof,
            }

    @classmethod
    def from_dict(cls, d: dict) -> Directory:
        """Rebuild a directory saved by :meth:`to_dict`."""
        directory = cls()
        for a in d.get("accounts", ()):
            account = directory.add_account(
                a["email"], a["password"], a.get("display_name"), a.get("roles", ()), mailbox=False
            )
            account.delegates_to = set(a.get("delegates_to", ()))
        for m in d.get("mailboxes", ()):
            directory._attach(Mailbox.from_dict(m))
        for g in d.get("groups", ()):
            directory.add_group(g["email"], g["display_name"], g.get("members", ()))
        directory.oof = dict(d.get("oof") or {})
        return directory
