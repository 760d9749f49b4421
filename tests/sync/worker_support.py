"""Shared by the test scripts that run the engine in a subprocess (crash tests, `run`).

The test process keeps passwords in an in-memory keyring, which a child cannot see: a child
installs ``EnvironmentKeyring``, answering with the password in ``SSSM_WORKER_PASSWORD``. Test
code only, never app code.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

PASSWORD_ENV = "SSSM_WORKER_PASSWORD"


class EnvironmentKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return os.environ[PASSWORD_ENV]

    def set_password(self, service, username, password):
        raise NotImplementedError("read-only test keyring")

    def delete_password(self, service, username):
        raise NotImplementedError("read-only test keyring")


def install_keyring() -> None:
    keyring.set_keyring(EnvironmentKeyring())


def open_mailbox(address: str, ews_url: str, ca_file: str):
    """Open the store under SSSM_HOME and return the mailbox, or None (with a message) when the
    store's profile does not point at the server the test started."""
    install_keyring()
    from app import paths
    from app.store.db import open_database
    from app.store.models import Mailbox

    open_database(paths.database_path())
    mailbox = Mailbox.get(Mailbox.email == address)
    profile = mailbox.profile
    if (profile.incoming_url, profile.trusted_ca_path) != (ews_url, ca_file):
        print(f"the store's profile points at {profile.incoming_url}, not {ews_url}", file=sys.stderr)
        return None
    return mailbox
