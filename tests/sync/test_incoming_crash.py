"""Crash safety of incoming email: a worker killed with SIGKILL mid-sync loses and doubles nothing.

A subprocess (tests/sync/crash_worker.py) runs the initial incoming cycle of a mailbox with a few
thousand messages against the loopback server of this test process, sharing this test's store
file. It is killed at several points (once the store holds at least k emails), started again,
and finally left to finish. The store must then hold exactly the Inbox's messages, each once,
each linked once to the mailbox.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ews_fixtures import EWS_PASSWORD

from app.domain.enums import TrackingOption
from app.store.models import EmailActivity, EmailMailboxLink, FolderSyncState, Mailbox, UserOptions
from app.sync.incoming import FETCH_BATCH, PAGE_SIZE

WORKER = Path(__file__).with_name("crash_worker.py")
EMAILS = 2500  # about 90 % land in the Inbox, the rest in Sent Items
KILL_AT = (300, 1000, 1700)  # stored emails after which a worker is killed


def start_worker(mailbox, ews, sssm_home) -> subprocess.Popen:
    env = dict(os.environ, SSSM_HOME=str(sssm_home), SSSM_WORKER_PASSWORD=EWS_PASSWORD)
    return subprocess.Popen(
        [sys.executable, str(WORKER), mailbox.email, ews.ews_url, str(ews.ca_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_when_stored(worker: subprocess.Popen, at_least: int, timeout: float = 60) -> int:
    """SIGKILL the worker once the store holds *at_least* emails; returns the count seen then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stored = EmailActivity.select().count()
        if stored >= at_least:
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
            return stored
        if worker.poll() is not None:
            out, err = worker.communicate()
            pytest.fail(
                f"the worker ended (rc {worker.returncode}) before {at_least} emails were stored:\n{out}\n{err[-3000:]}"
            )
        time.sleep(0.005)
    worker.kill()
    worker.wait(10)
    pytest.fail(f"no {at_least} emails stored within {timeout} s")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_initial_sync_resumes_without_losing_or_doubling(setup, ews, sssm_home):
    account = ews.new_account("crashin", emails=EMAILS, appointments=0, contacts=0, tasks=0, body_size=500)
    mailbox = setup.mailbox(setup.profile("Crash incoming", max_connections=4), account.email)
    Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == setup.user.id).execute()
    inbox = ews.server.directory.mailbox(account.email).distinguished["inbox"].items_by_received()
    assert len(inbox) > KILL_AT[-1] + PAGE_SIZE

    for at_least in KILL_AT:
        worker = start_worker(mailbox, ews, sssm_home)
        kill_when_stored(worker, at_least)
        assert worker.returncode == -signal.SIGKILL
        # an email and its link are committed together, even when the process dies mid-page
        assert EmailActivity.select().count() == EmailMailboxLink.select().count()
    assert FolderSyncState.get(FolderSyncState.mailbox == mailbox.id).sync_state, "progress was kept"
    stored_before = EmailActivity.select().count()
    getitems_before = ews.stats.count(operation="GetItem", account=account.email)

    worker = start_worker(mailbox, ews, sssm_home)
    out, err = worker.communicate(timeout=120)

    assert worker.returncode == 0, f"{out}\n{err[-3000:]}"
    assert f"created={len(inbox) - stored_before} " in out, out
    if stored_before % PAGE_SIZE:  # killed mid-page: its stored part is met again, and only linked
        assert f"already linked {stored_before % PAGE_SIZE}" in out, out
    emails = {e.message_id: e.id for e in EmailActivity.select(EmailActivity.id, EmailActivity.message_id)}
    assert set(emails) == {item.msgid for item in inbox}, "none missing, none extra"
    assert len(emails) == EmailActivity.select().count() == len(inbox), "none doubled"
    links = list(EmailMailboxLink.select().where(EmailMailboxLink.mailbox == mailbox.id))
    assert len(links) == len(inbox) and {link.item_id for link in links} == {item.id for item in inbox}
    assert {link.email_id for link in links} == set(emails.values())
    # what was stored before the last crash is not fetched again
    remaining_pages = -(-(len(inbox) - stored_before) // PAGE_SIZE) + 1
    refetch = ews.stats.count(operation="GetItem", account=account.email) - getitems_before
    assert refetch <= -(-(len(inbox) - stored_before) // FETCH_BATCH) + remaining_pages, refetch
