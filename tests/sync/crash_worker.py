"""Test helper run as a subprocess: one incoming cycle of a mailbox (the crash test kills it).

    python tests/sync/crash_worker.py MAILBOX_ADDRESS EWS_URL CA_FILE

Uses the store under ``SSSM_HOME`` (the test's). The test process keeps its passwords in an
in-memory keyring, so this worker installs a tiny keyring backend that returns the password in
``SSSM_WORKER_PASSWORD`` — only here, never in app code. Prints the cycle's counts and exits 0
when the cycle succeeded.
"""

from __future__ import annotations

import sys

from worker_support import open_mailbox


def main(address: str, ews_url: str, ca_file: str) -> int:
    from app.store.db import close_database
    from app.sync.incoming import sync_incoming

    mailbox = open_mailbox(address, ews_url, ca_file)
    if mailbox is None:
        return 2
    run = sync_incoming(mailbox)
    close_database()
    failure = f"{run.failure.code}: {run.failure.details}" if run.failure else ""
    print(f"created={run.created} updated={run.updated} failure={failure} notes={'; '.join(run.notes)}")
    return 0 if run.failure is None else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
