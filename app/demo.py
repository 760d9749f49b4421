"""Demo mode (``python -m app --demo``): the loopback Exchange server plus a store set up to use it.

The demo keeps its own home (``<data folder>/demo`` unless SSSM_HOME is set) so it never mixes
with real profiles. The server's state file keeps its mailboxes across restarts; each start
gets a fresh port, so the demo profile's address is updated every time.

Its records are named in the window's language (``DEMO_NAMES``): the Japanese demo's profile is the
walkthrough's "Exchange 2013 設置型", its people have Japanese names; a start in another language
renames them, a start that names no language (the command line) keeps them.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import keyring
import platformdirs
from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError

from app import APP_ID, paths, secrets
from app.domain.enums import ApprovalStatus, CredentialSource
from app.domain.settings import MailboxSettings, ProfileSettings

if TYPE_CHECKING:
    from app.simulator.server import LoopbackExchange

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoNames:
    profile: str
    description: str
    admin: str
    people: dict[str, str] = field(default_factory=dict)  # an account's user part → its mailbox's name


DEMO_NAMES = {
    "en": DemoNames(
        "Demo Exchange 2013 (loopback)", "The built-in loopback Exchange server of demo mode.", "Demo Admin"
    ),
    "ja": DemoNames(
        "Exchange 2013 設置型",
        "デモモードに組み込まれたループバックの Exchange サーバーです。",
        "デモ管理者",
        {"alice": "青木 愛", "bob": "佐藤 大輔", "carol": "加藤 千春", "dave": "田中 大樹", "erin": "伊藤 恵理"},
    ),
}
DEMO_PROFILE = DEMO_NAMES["en"].profile
# contoso.com's names that Autodiscover and the demo profile use, all served by the loopback server
DEMO_HOSTS = ("contoso.com", "autodiscover.contoso.com", "mail.contoso.com")
DEMO_MAILBOXES = 3
DEMO_EMAILS = 40


def prepare_demo_home() -> Path:
    """Point SSSM_HOME at the demo's own folder (unless the caller chose one)."""
    if not os.environ.get(paths.HOME_ENV):
        base = Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False)) / "demo"
        os.environ[paths.HOME_ENV] = str(base)
    return Path(os.environ[paths.HOME_ENV])


class DemoFileKeyring(KeyringBackend):
    """Only for the demo, and only when the machine has no credential store: the demo server's
    made-up passwords kept in a file of the demo home. It holds nothing else: a password that is
    not one of the demo server's own (random, made up at the demo's first start) is refused
    with the usual "no credential store" error, so a real profile or mailbox saved in a process
    that started the demo never reaches the file."""

    priority = 0.1

    def __init__(self, path: Path, demo_passwords: Callable[[], Iterable[str]]) -> None:
        super().__init__()
        self.path = path
        self._demo_passwords = demo_passwords
        self._lock = threading.Lock()
        self._drop_others()

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        except ValueError:
            return {}
        return (
            {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
            if isinstance(data, dict)
            else {}
        )

    def _save(self, data: dict[str, str]) -> None:
        self.path.write_text(json.dumps(data), encoding="utf-8")

    def _drop_others(self) -> None:
        """An earlier version kept whatever it was given: keep only the demo's own passwords."""
        with self._lock:
            data = self._load()
            allowed = set(self._demo_passwords())
            kept = {key: value for key, value in data.items() if value in allowed}
            if kept != data:
                self._save(kept)
                log.warning(
                    "demo: removed %d password(s) that were not the demo server's from %s",
                    len(data) - len(kept),
                    self.path,
                )

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        if password not in set(self._demo_passwords()):
            raise PasswordSetError(
                "no credential store: only the demo server's own accounts can be kept in the demo's "
                "password file, never a real password"
            )
        with self._lock:
            data = self._load()
            data[f"{service}/{username}"] = password
            self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            data = self._load()
            if data.pop(f"{service}/{username}", None) is not None:
                self._save(data)


@dataclass
class DemoEnvironment:
    server: LoopbackExchange
    profile_id: int
    notice: str = ""

    def stop(self) -> None:
        from app.exchange import net

        for host in DEMO_HOSTS:
            net.unmap_host(host, 443)
        self.server.stop()


RETIRED_PASSWORDS_FILE = "demo-retired-passwords.json"


def retired_passwords() -> list[str]:
    """The demo accounts' earlier passwords, changed from the Demo menu (still made-up ones)."""
    path = paths.data_dir() / RETIRED_PASSWORDS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    except (OSError, ValueError):
        return []
    return [p for p in data if isinstance(p, str)] if isinstance(data, list) else []


def change_password(server: LoopbackExchange, email: str, password: str) -> None:
    """The Demo menu's "change the password of a demo account": on the loopback server only, as an
    administrator would in Active Directory. The app's mailbox keeps the password it has stored,
    which is now wrong: a real wrong-password case. The old password is remembered as a demo one,
    so that the demo's password file (without a credential store) keeps it across restarts."""
    if not password:
        raise ValueError("the new password is empty")
    account = server.directory.get(email)
    if account is None:
        raise KeyError(email)
    old = account.password
    server.set_password(account.email, password)
    server.save_state()
    retired = retired_passwords()
    if old not in retired:
        path = paths.data_dir() / RETIRED_PASSWORDS_FILE
        path.write_text(json.dumps([*retired, old]), encoding="utf-8")
    log.info("demo: changed the password of %s on the loopback server", account.email)


def _ensure_keyring(server: Any) -> str:
    try:
        secrets._check_backend()
        return ""
    except secrets.SecretStoreError:
        path = paths.data_dir() / "demo-passwords.json"
        keyring.set_keyring(
            DemoFileKeyring(path, lambda: [a.password for a in server.directory.accounts()] + retired_passwords())
        )
        return (
            f"No credential store is available here, so the demo server's made-up passwords are kept in "
            f"{path}; it refuses any other password. Real profiles need Windows Credential Manager or a "
            f"Secret Service."
        )


def map_demo_hosts(server: Any) -> None:
    """Autodiscover works in the demo: a profile created with Autodiscover on, for a contoso.com
    address, reaches the loopback server (HTTPS on 443 of contoso.com's names goes there, and the
    demo CA is trusted for those names only). Only this process is affected."""
    from app.exchange import net

    for host in DEMO_HOSTS:
        net.map_host(host, 443, "127.0.0.1", server.port, ca_file=str(server.ca_path))


def demo_profile() -> Any:
    """The demo's profile (a ServerProfile), whichever language named it; None before the first start."""
    from app.store.models import ServerProfile

    names = [n.profile for n in DEMO_NAMES.values()]
    return ServerProfile.select().where(ServerProfile.name.in_(names)).order_by(ServerProfile.id).first()


def _mailbox_name(account: Any, names: DemoNames) -> str:
    return names.people.get(account.email.split("@")[0]) or account.display_name or account.email


def _rename_people(accounts: Iterable[Any], user: Any, names: DemoNames) -> None:
    """The demo's admin and mailboxes named as this language names them, where another language
    named them (a name the admin chose stays)."""
    from app.store.models import Mailbox

    if user.name in {n.admin for n in DEMO_NAMES.values()} and user.name != names.admin:
        user.name = names.admin
        user.save()
    for account in accounts:
        theirs = {_mailbox_name(account, n) for n in DEMO_NAMES.values()}
        wanted = _mailbox_name(account, names)
        Mailbox.update(name=wanted).where(
            (Mailbox.email == account.email) & Mailbox.name.in_(theirs) & (Mailbox.name != wanted)
        ).execute()


def start_demo(language: str | None = None) -> DemoEnvironment:
    """Start the loopback server and make sure the store has the demo profile and mailboxes, named
    in *language* (None: as they are, English at the first start). The store must be open."""
    from app.simulator.demo_accounts import create_demo_accounts
    from app.simulator.server import LoopbackExchange
    from app.store import repo
    from app.store.models import Mailbox, SystemUser

    folder = paths.simulator_dir()
    server = LoopbackExchange(folder, state_file=folder / "state.json", hostnames=DEMO_HOSTS)
    if not server.directory.accounts():
        create_demo_accounts(server, DEMO_MAILBOXES, DEMO_EMAILS)
        server.save_state()  # now, before the mailboxes keep these passwords: a killed demo keeps them too
    notice = _ensure_keyring(server)  # knows the demo's own passwords: it keeps nothing else
    server.start()
    map_demo_hosts(server)

    profile = demo_profile()
    if language is None:  # keep the names the demo has
        language = next((k for k, n in DEMO_NAMES.items() if profile is not None and n.profile == profile.name), "en")
    names = DEMO_NAMES.get(language, DEMO_NAMES["en"])
    from app.store.base import is_set

    user = SystemUser.get_or_none(is_set(SystemUser.is_current)) or repo.create_user(names.admin, None, is_current=True)
    settings = ProfileSettings(
        name=names.profile,
        description=names.description,
        auto_discover=False,
        incoming_url=server.ews_url,
        incoming_port=server.port,
        credential_source=CredentialSource.USER_OR_QUEUE,
        trusted_ca_path=str(server.ca_path),
        process_email_from=datetime.now(timezone.utc) - timedelta(days=30),
        timeout_seconds=20,
    )
    profile = repo.save_profile(settings, profile=profile)
    people = [a for a in server.directory.accounts() if "impersonation" not in a.roles]
    _rename_people(people, user, names)
    for account in people:
        mailbox = Mailbox.get_or_none(Mailbox.email == account.email)
        if mailbox is None:
            repo.save_mailbox(
                MailboxSettings(
                    name=_mailbox_name(account, names),
                    email=account.email,
                    owner_id=user.id,
                    profile_id=profile.id,
                    approval=ApprovalStatus.APPROVED,
                    allow_credentials=True,
                    username=account.email,
                ),
                password=account.password,
            )
    log.info("demo: loopback Exchange at %s, profile %s", server.ews_url, profile.id)
    return DemoEnvironment(server, profile.id, notice)


# The faults the Demo menu simulates: the loopback server's kinds that Exchange and IIS really show
DEMO_FAULTS = ("server_busy", "delay", "http503", "reset")
DELAY_PAST_TIMEOUT = 10  # seconds a "delay" answers later than the longest profile time-out
SYNC_OPERATION = "SyncFolderItems"


def fault_delay_seconds(email: str | None) -> int:
    """How late a "delay" answers: past the time-out of the profile of every mailbox with this address
    (of every profile for None), so that the client gives up first."""
    from app.store.models import Mailbox, ServerProfile

    query = ServerProfile.select()
    if email:
        query = query.join(Mailbox, on=Mailbox.profile == ServerProfile.id).where(Mailbox.email == email.lower())
    longest = max((p.timeout_seconds for p in query), default=60)
    return int(longest) + DELAY_PAST_TIMEOUT


def simulate_fault(
    server: LoopbackExchange, kind: str, email: str | None = None, *, operation: str = "*", count: int | None = None
) -> Any:
    """The Demo menu's "simulate a fault": the demo's own server fails *count* matching requests
    (None: until ended) of *email*'s account (None: every account) the way *kind* says."""
    if kind not in DEMO_FAULTS:
        raise ValueError(f"not a demo fault: {kind!r}")
    params: dict[str, Any] = {"seconds": fault_delay_seconds(email)} if kind == "delay" else {}
    fault = server.faults.inject(kind, email or "*", operation, count, **params)
    log.info("demo: simulating %s for %s (%s, %s)", kind, email or "every account", operation, count or "until ended")
    return fault


def end_faults(server: LoopbackExchange) -> int:
    """The Demo menu's "end faults": every simulated fault removed; how many there were."""
    removed: int = server.faults.clear()
    log.info("demo: ended %d fault(s)", removed)
    return removed
