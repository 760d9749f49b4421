"""Test helper run as a subprocess: one outgoing cycle of a mailbox, optionally killed mid-way.

    python tests/sync/outgoing_crash_worker.py MAILBOX_ADDRESS EWS_URL CA_FILE

Uses the store under ``SSSM_HOME`` (the test's). The test process keeps its passwords in an
in-memory keyring, so this worker installs a tiny keyring backend that returns the password in
``SSSM_WORKER_PASSWORD`` — only here, never in app code. With ``SSSM_WORKER_KILL_AFTER_SEND=1`` the
process kills itself with SIGKILL right after Exchange accepted the email and before the store
records it (the crash window the Sending mark exists for).
"""

from __future__ import annotations

import os
import signal
import sys

from worker_support import open_mailbox


def main(address: str, ews_url: str, ca_file: str) -> int:
    from app.store.db import close_database
    from app.sync.outgoing import sync_outgoing

    mailbox = open_mailbox(address, ews_url, ca_file)
    if mailbox is None:
        return 2

    def kill_now(email):
        os.kill(os.getpid(), signal.SIGKILL)

    crash = os.environ.get("SSSM_WORKER_KILL_AFTER_SEND") == "1"
    run = sync_outgoing(mailbox, after_send=kill_now if crash else None)
    close_database()
    print(f"created={run.created} updated={run.updated} failure={run.failure.code if run.failure else ''}")
    return 0 if run.failure is None else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
