"""``python -m app sync --once`` and ``python -m app run`` against the loopback server.

The workloads are the real ones (outgoing here: it needs no incoming engine); ``run`` is tested as
a subprocess that is stopped with SIGINT / SIGTERM once it has synced.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from ews_fixtures import EWS_PASSWORD

from app.cli import main
from app.domain.enums import EmailStatus, Workload
from app.store import repo
from app.store.base import utcnow
from app.store.models import EmailActivity, Mailbox, WorkloadState
from app.sync.outgoing import queue_email

REPO_ROOT = Path(__file__).resolve().parents[2]
SAFETY = 60  # seconds; only reached when something is broken


def _enable(mailbox, *workloads):
    Mailbox.update(**{f"{w.value}_enabled": True for w in workloads}).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def test_sync_once_prints_a_summary_and_fails_when_a_cycle_fails(setup, ews, capsys):
    profile = setup.profile("CLI sync")
    good = _enable(setup.mailbox(profile, ews.new_account("clisync").email), Workload.OUTGOING)
    email = queue_email(setup.user, "someone@contoso.com", "From the CLI", "Hello")
    assert main(["sync", "--once", "--mailbox", good.email]) == 0
    out = capsys.readouterr().out
    assert f"{good.email} outgoing: created 1, updated 0, deleted 0" in out and "1 of 1 cycles succeeded" in out
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENT

    other = repo.create_user("Other", "other@contoso.com")
    bad = _enable(
        setup.mailbox(profile, ews.new_account("clisyncbad").email, password="wrong", owner_id=other.id),
        Workload.OUTGOING,
    )
    queue_email(other, "someone@contoso.com", "Through a wrong password", "Hello")
    assert main(["sync", "--once"]) == 1
    out = capsys.readouterr().out
    assert f"{good.email} outgoing: created 0, updated 0, deleted 0" in out
    assert f"{bad.email} outgoing: FAILED Unauthorized" in out and "1 of 2 cycles succeeded" in out
    # escalated like any cycle: a refused logon waits for its retry (a test, minutes later; issue 13)
    state = WorkloadState.get(WorkloadState.mailbox == bad.id, WorkloadState.workload == Workload.OUTGOING)
    assert state.retry_test and state.authentication_failures == 1 and state.next_run_on > utcnow()
    refused = ews.stats.unauthorized(bad.email)

    assert main(["sync", "--once"]) == 0, "the refused workload waits for its retry; the rest succeed"
    assert ews.stats.unauthorized(bad.email) == refused, "no second wrong password before the retry"
    assert main(["sync", "--once", "--mailbox", "nobody@contoso.com"]) == 2


def test_sync_once_with_nothing_enabled_succeeds(setup, capsys):
    setup.mailbox(setup.profile("Idle CLI"), "untested@contoso.com")
    assert main(["sync", "--once"]) == 0
    assert "Nothing to synchronize" in capsys.readouterr().out


# The child has no in-memory keyring: this tiny backend answers with the test password.
CHILD = """
import sys
sys.path.insert(0, "tests/sync")
from worker_support import install_keyring
install_keyring()
from app.cli import main
sys.exit(main(["run"]))
"""


def _lines(stream, sink: queue.Queue) -> None:
    for line in stream:
        sink.put(line.rstrip("\n"))
    sink.put(None)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_run_keeps_syncing_until_stopped_by_a_signal(setup, ews, sssm_home, sig):
    profile = setup.profile(f"Run {sig.name}")
    mailbox = _enable(setup.mailbox(profile, ews.new_account("clirun").email), Workload.OUTGOING)
    email = queue_email(setup.user, "someone@contoso.com", "From run", "Hello")
    env = dict(os.environ, SSSM_HOME=str(sssm_home), SSSM_WORKER_PASSWORD=EWS_PASSWORD, PYTHONPATH=str(REPO_ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(child.stdout, lines), daemon=True).start()
    try:
        expected = f"{mailbox.email} outgoing: created 1, updated 0, deleted 0"
        seen = []
        while expected not in seen:
            line = lines.get(timeout=SAFETY)
            assert line is not None, f"run ended early: {seen} {child.stderr.read()}"
            seen.append(line)
        child.send_signal(sig)
        assert child.wait(timeout=SAFETY) == 0, child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    rest = []
    while (line := lines.get(timeout=SAFETY)) is not None:
        rest.append(line)
    assert rest[-1] == "Stopped."
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENT
    assert Mailbox.get_by_id(mailbox.id).next_sync_on is not None, "the next run is stored for the UI"


def test_sync_once_runs_the_real_incoming_workload(setup, ews, capsys):
    pytest.importorskip("app.sync.incoming", reason="the incoming workload is not in this build yet")
    from app.domain.enums import TrackingOption

    options = repo.user_options(setup.user)
    options.tracking_option = TrackingOption.ALL
    options.save()
    account = ews.new_account("cliin", emails=6)
    mailbox = _enable(setup.mailbox(setup.profile("CLI incoming"), account.email), Workload.INCOMING)
    inbox = len(ews.server.directory.mailbox(account.email).distinguished["inbox"].items_by_received())
    assert main(["sync", "--once"]) == 0
    assert f"{mailbox.email} incoming: created {inbox}, updated 0, deleted 0" in capsys.readouterr().out
    assert main(["sync", "--once", "--mailbox", mailbox.email.upper()]) == 0
    assert f"{mailbox.email} incoming: created 0, updated 0, deleted 0" in capsys.readouterr().out
