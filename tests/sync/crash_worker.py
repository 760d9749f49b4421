"""Test helper run as a subprocess: one incoming cycle of a mailbox (the crash test kills it).

    python tests/sync/crash_worker.py MAILBOX_ADDRESS EWS_URL CA_FILE

Uses the store under ``SSSM_HOME`` (the test's). The test process keeps its passwords in an
in-memory keyring, so this worker installs a tiny keyring backend that returns the password in
``SSSM_WORKER_PASSWORD`` — only here, never in app code. Prints the cycle's counts and exits 0
when the cycle succeeded.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402


class EnvironmentKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return os.environ["SSSM_WORKER_PASSWORD"]

    def set_password(self, service, username, password):
        raise NotImplementedError("read-only test keyring")

    def delete_password(self, service, username):
        raise NotImplementedError("read-only test keyring")


def main(address: str, ews_url: str, ca_file: str) -> int:
    keyring.set_keyring(EnvironmentKeyring())
    from app import paths
    from app.store.db import close_database, open_database
    from app.store.models import Mailbox
    from app.sync.incoming import sync_incoming

    open_database(paths.database_path())
    mailbox = Mailbox.get(Mailbox.email == address)
    profile = mailbox.profile
    if (profile.incoming_url, profile.trusted_ca_path) != (ews_url, ca_file):
        print(f"the store's profile points at {profile.incoming_url}, not {ews_url}", file=sys.stderr)
        return 2
    run = sync_incoming(mailbox)
    close_database()
    failure = f"{run.failure.code}: {run.failure.details}" if run.failure else ""
    print(f"created={run.created} updated={run.updated} failure={failure} notes={'; '.join(run.notes)}")
    return 0 if run.failure is None else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
