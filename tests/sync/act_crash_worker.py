"""Test helper run as a subprocess: one appointments/contacts/tasks cycle of a mailbox, killed with
SIGKILL right after the first CreateItem reached Exchange and before its links are stored.

    python tests/sync/act_crash_worker.py MAILBOX_ADDRESS EWS_URL CA_FILE

Uses the store under ``SSSM_HOME`` (the test's) and the password in ``SSSM_WORKER_PASSWORD``
(see worker_support). Exits 0 when the cycle ran to its end without being killed (nothing was
created), 1 when it failed.
"""

from __future__ import annotations

import os
import signal
import sys

from worker_support import open_mailbox


def main(address: str, ews_url: str, ca_file: str) -> int:
    import app.sync.appointments_contacts_tasks as act
    from app.store.db import close_database

    mailbox = open_mailbox(address, ews_url, ca_file)
    if mailbox is None:
        return 2
    real_create = act.create_items

    def create_then_die(*args, **kwargs):
        results = real_create(*args, **kwargs)  # the items exist in Exchange now
        os.kill(os.getpid(), signal.SIGKILL)  # ... and their links are never stored
        return results

    act.create_items = create_then_die
    run = act.sync_appointments_contacts_tasks(mailbox)
    close_database()
    print(f"created={run.created} failure={run.failure.code if run.failure else ''}")
    return 0 if run.failure is None else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
