"""Test helper run as a subprocess by the crash loop: one cycle of one workload of a mailbox,
SIGKILLed at a chosen point.

    python tests/reliability/crash_loop_worker.py WORKLOAD MAILBOX_ADDRESS EWS_URL CA_FILE

WORKLOAD is incoming, outgoing or act. The store is the one under ``SSSM_HOME`` (the test's);
passwords come from ``SSSM_WORKER_PASSWORD`` (tests/sync/worker_support.py). With
``SSSM_WORKER_KILL_AT=n`` the process kills itself with SIGKILL at its n-th event (a store
statement or commit, an answer from Exchange; counted from the start of the cycle); with
``SSSM_WORKER_COUNT_EVENTS=1`` it prints ``events=N`` after the cycle. It prints the cycle's
counts and exits 0 when the cycle succeeded.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from worker_support import kill_switch_from_env, open_mailbox


def main(workload: str, address: str, ews_url: str, ca_file: str) -> int:
    from app.store.db import close_database
    from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks
    from app.sync.incoming import sync_incoming
    from app.sync.outgoing import sync_outgoing

    cycle = {"incoming": sync_incoming, "outgoing": sync_outgoing, "act": sync_appointments_contacts_tasks}[workload]
    mailbox = open_mailbox(address, ews_url, ca_file)
    if mailbox is None:
        return 2
    counter = kill_switch_from_env()
    run = cycle(mailbox)
    close_database()
    failure = f"{run.failure.code}: {run.failure.details}" if run.failure else ""
    print(f"created={run.created} updated={run.updated} failure={failure}")
    if counter is not None:
        print(f"events={counter.events}")
    return 0 if run.failure is None else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
