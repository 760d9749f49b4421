"""Demo mode (``python -m app --demo``): the loopback Exchange server plus a store set up to use it.

The demo keeps its own home (``<data folder>/demo`` unless SSSM_HOME is set) so it never mixes
with real profiles. The server's state file keeps its mailboxes across restarts; each start
gets a fresh port, so the demo profile's address is updated every time.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any
from datetime import datetime, timedelta, timezone
from pathlib import Path

import keyring
import platformdirs
from keyring.backend import KeyringBackend

from app import APP_ID, paths, secrets
from app.domain.enums import ApprovalStatus, CredentialSource
from app.domain.settings import MailboxSettings, ProfileSettings

log = logging.getLogger(__name__)
DEMO_PROFILE = "Demo Exchange 2013 (loopback)"
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
    made-up passwords kept in a file of the demo home. Announced, never used for real profiles."""

    priority = 0.1

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _load(self) -> dict:
        import json

        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}

    def _save(self, data: dict) -> None:
        import json

        self.path.write_text(json.dumps(data), encoding="utf-8")

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service, username):
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._save(data)


@dataclass
class DemoEnvironment:
    server: object
    profile_id: int
    notice: str = ""

    def stop(self) -> None:
        from app.exchange import net

        for host in DEMO_HOSTS:
            net.unmap_host(host, 443)
        self.server.stop()


def _ensure_keyring() -> str:
    try:
        secrets._check_backend()
        return ""
    except secrets.SecretStoreError:
        path = paths.data_dir() / "demo-passwords.json"
        keyring.set_keyring(DemoFileKeyring(path))
        return (f"No credential store is available here, so the demo server's made-up passwords are kept in "
                f"{path}. Real profiles need Windows Credential Manager or a Secret Service.")


def map_demo_hosts(server: Any) -> None:
    """Autodiscover works in the demo: a profile created with Autodiscover on, for a contoso.com
    address, reaches the loopback server (HTTPS on 443 of contoso.com's names goes there, and the
    demo CA is trusted for those names only). Only this process is affected."""
    from app.exchange import net

    for host in DEMO_HOSTS:
        net.map_host(host, 443, "127.0.0.1", server.port, ca_file=str(server.ca_path))


def start_demo() -> DemoEnvironment:
    """Start the loopback server and make sure the store has the demo profile and mailboxes.
    The store must be open."""
    from app.simulator.demo_accounts import create_demo_accounts
    from app.simulator.server import LoopbackExchange
    from app.store import repo
    from app.store.models import Mailbox, ServerProfile, SystemUser

    notice = _ensure_keyring()
    folder = paths.simulator_dir()
    server = LoopbackExchange(folder, state_file=folder / "state.json", hostnames=DEMO_HOSTS)
    if not server.directory.accounts():
        create_demo_accounts(server, DEMO_MAILBOXES, DEMO_EMAILS)
    server.start()
    map_demo_hosts(server)

    user = SystemUser.get_or_none(SystemUser.is_current) or repo.create_user("Demo Admin", None, is_current=True)
    settings = ProfileSettings(
        name=DEMO_PROFILE, description="The built-in loopback Exchange server of demo mode.",
        auto_discover=False, incoming_url=server.ews_url, incoming_port=server.port,
        credential_source=CredentialSource.USER_OR_QUEUE, trusted_ca_path=str(server.ca_path),
        process_email_from=datetime.now(timezone.utc) - timedelta(days=30), timeout_seconds=20)
    profile = ServerProfile.get_or_none(ServerProfile.name == DEMO_PROFILE)
    profile = repo.save_profile(settings, profile=profile)
    for account in server.directory.accounts():
        if "impersonation" in account.roles:
            continue
        mailbox = Mailbox.get_or_none(Mailbox.email == account.email)
        if mailbox is None:
            repo.save_mailbox(MailboxSettings(
                name=account.display_name or account.email, email=account.email, owner_id=user.id,
                profile_id=profile.id, approval=ApprovalStatus.APPROVED, allow_credentials=True,
                username=account.email), password=account.password)
    log.info("demo: loopback Exchange at %s, profile %s", server.ews_url, profile.id)
    return DemoEnvironment(server, profile.id, notice)
