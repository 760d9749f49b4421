"""Another program write-locks the store for longer than the busy timeout while
``python -m app sync --once`` runs: each cycle fails as "the store is busy" (one line, exit 1, no
traceback) and the failure is recorded once the store is free (an alert, the back-off)."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from ews_fixtures import EWS_PASSWORD

from app import paths
from app.domain.enums import AlertLevel, Workload
from app.store.models import Alert, Mailbox, WorkloadState

REPO = Path(__file__).resolve().parents[2]
SAFETY = 90  # seconds; only reached when something is broken
CHILD = """
import sys
sys.path.insert(0, "tests/sync")
from worker_support import install_keyring
install_keyring()
from app.cli import main
sys.exit(main(["sync", "--once"]))
"""
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
print("released", flush=True)
"""


def _lines(stream, sink: queue.Queue) -> None:
    for line in stream:
        sink.put(line.rstrip("\n"))
    sink.put(None)


def test_sync_once_against_a_store_held_by_another_program(setup, ews, sssm_home):
    profile = setup.profile("Busy store")
    mailbox = setup.mailbox(profile, ews.new_account("busy").email)
    Mailbox.update(outgoing_enabled=True, incoming_enabled=False, act_enabled=False).where(
        Mailbox.id == mailbox.id
    ).execute()

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.database_path())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    env = dict(os.environ, SSSM_HOME=str(sssm_home), SSSM_WORKER_PASSWORD=EWS_PASSWORD, PYTHONPATH=str(REPO))
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    errors: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(child.stderr, errors), daemon=True).start()
    stderr: list[str] = []
    try:
        # the lock is held until the command has met it (longer than its busy timeout) ...
        while not any(word in stderr[-1].lower() for word in ("busy", "locked")) if stderr else True:
            line = errors.get(timeout=SAFETY)
            assert line is not None, f"sync ended before meeting the lock: {stderr}"
            stderr.append(line)
        met = time.monotonic() - started
        # ... and then released: the failure can be recorded
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        out, _ = child.communicate(timeout=SAFETY)
    finally:
        for process in (child, holder):
            if process.poll() is None:
                process.kill()
                process.wait()
    while (line := errors.get(timeout=SAFETY)) is not None:
        stderr.append(line)
    text = "\n".join(stderr)

    assert child.returncode == 1, (out, text)
    assert "Traceback" not in text and "InternalError" not in out + text, text
    failed = [line for line in out.splitlines() if "FAILED" in line]
    assert len(failed) == 1, out
    assert failed[0].startswith(f"{mailbox.email} outgoing: FAILED StoreBusy: ")
    assert "another program holds it" in failed[0] and str(paths.database_path()) in failed[0]
    assert "Close the other program" in failed[0], "and what to do, on the same line"
    assert "0 of 1 cycles succeeded" in out
    assert met < SAFETY / 2, f"the busy timeout is sensible ({met:.1f} s until the lock was met)"

    # recorded like any transient failure: a Warning, the back-off, the mailbox's last error
    alert = Alert.get(Alert.mailbox == mailbox.id)
    assert (alert.error_code, alert.level, alert.workload) == ("StoreBusy", AlertLevel.WARNING, Workload.OUTGOING)
    assert alert.next_step and "Close the other program" in alert.next_step
    state = WorkloadState.get((WorkloadState.mailbox == mailbox.id) & (WorkloadState.workload == Workload.OUTGOING))
    assert state.consecutive_transient_failures == 1 and state.backoff_reason.startswith("StoreBusy")
    assert state.next_run_on is not None
    stored = Mailbox.get_by_id(mailbox.id)
    assert stored.outgoing_enabled and "busy" in stored.last_sync_error
