"""The demo's accounts on the loopback Exchange server: who they are, and a description of a
running server for a person (``python -m app simulator`` prints it)."""

from __future__ import annotations

import secrets

from .seed_mix import DEMO_MIX

DEMO_DOMAIN = "contoso.com"
DEMO_USERS = ("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy")
SERVICE_ACCOUNT = "sync.service"  # holds ApplicationImpersonation, like a real sync service account


def create_demo_accounts(server, mailboxes: int, emails: int) -> None:
    """Demo users with random passwords and seeded mailboxes, plus an impersonation account."""
    for index in range(max(0, mailboxes)):
        name = DEMO_USERS[index] if index < len(DEMO_USERS) else f"user{index + 1}"
        email = f"{name}@{DEMO_DOMAIN}"
        server.add_account(email, secrets.token_urlsafe(9))
        server.seed(email, emails=emails, seed=index, mix=DEMO_MIX)
    server.add_account(
        f"{SERVICE_ACCOUNT}@{DEMO_DOMAIN}",
        secrets.token_urlsafe(12),
        "Sync Service",
        roles=("impersonation",),
        mailbox=True,
    )


def describe(server) -> str:
    lines = [
        f"Loopback Exchange ({server.server_version}) is running.",
        f"  EWS URL:          {server.ews_url}",
        f"  Autodiscover URL: {server.autodiscover_url}",
        f"  Autodiscover POX: {server.autodiscover_pox_url}",
        f"  CA certificate:   {server.ca_path if server.ca_path else '(plain HTTP)'}",
        f"  Admin API:        {server.admin_url}/status",
        f"  Admin token:      {server.admin_token}",
        "Accounts (demo credentials of this local server):",
    ]
    for account in server.directory.accounts():
        roles = f"  [{', '.join(sorted(account.roles))}]" if account.roles else ""
        lines.append(f"  {account.email:<32} {account.password}{roles}")
    lines.append("Press Ctrl+C to stop.")
    return "\n".join(lines)
