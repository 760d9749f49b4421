"""A crash between SendAndSaveCopy and the store commit does not send the email again.

A worker subprocess (tests/sync/outgoing_crash_worker.py) sends and is killed with SIGKILL right
after Exchange accepted the email; the next normal cycle finds the email in Sent Items by its
Message-ID and records it as sent without a second CreateItem.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from ews_fixtures import EWS_PASSWORD

from app.domain.enums import EmailStatus
from app.store.base import utcnow
from app.store.models import EmailActivity, EmailMailboxLink, Mailbox
from app.sync.outgoing import claim_lease, queue_email, sync_outgoing

WORKER = Path(__file__).with_name("outgoing_crash_worker.py")


def run_worker(mailbox, ews, sssm_home, *, kill_after_send: bool) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        SSSM_HOME=str(sssm_home),
        SSSM_WORKER_PASSWORD=EWS_PASSWORD,
        SSSM_WORKER_KILL_AFTER_SEND="1" if kill_after_send else "0",
    )
    return subprocess.run(
        [sys.executable, str(WORKER), mailbox.email, ews.ews_url, str(ews.ca_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def copies(ews, address, folder, message_id):
    items = ews.server.directory.mailbox(address).distinguished[folder].items_by_received()
    return [item for item in items if item.msgid == message_id]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_crash_between_send_and_commit_does_not_send_again(setup, ews, sssm_home):
    sender, rcpt = ews.new_account("crash"), ews.new_account("once")
    mailbox = setup.mailbox(setup.profile("Crash"), sender.email)
    Mailbox.update(outgoing_enabled=True).where(Mailbox.id == mailbox.id).execute()
    email = queue_email(setup.user, rcpt.email, "Exactly once", "Sent before the crash.")

    worker = run_worker(mailbox, ews, sssm_home, kill_after_send=True)

    assert worker.returncode == -signal.SIGKILL, worker.stderr[-2000:]
    after_crash = EmailActivity.get_by_id(email.id)
    assert after_crash.status is EmailStatus.SENDING and after_crash.send_attempts == 1
    assert len(copies(ews, sender.email, "sentitems", email.message_id)) == 1, "the send did happen"
    creates = ews.stats.count(operation="CreateItem", account=sender.email)
    assert creates == 1

    run = sync_outgoing(mailbox)

    assert run.failure is None and (run.created, run.updated) == (0, 1)
    stored = EmailActivity.get_by_id(email.id)
    assert stored.status is EmailStatus.SENT and stored.send_attempts == 1 and stored.sent_on is not None
    saved = copies(ews, sender.email, "sentitems", email.message_id)
    assert len(saved) == 1 and len(copies(ews, rcpt.email, "inbox", email.message_id)) == 1
    link = EmailMailboxLink.get(EmailMailboxLink.email == email.id)
    assert (link.folder, link.item_id) == ("sentitems", saved[0].id)
    assert ews.stats.count(operation="CreateItem", account=sender.email) == creates, "not sent again"
    assert ews.stats.count(operation="FindItem", account=sender.email) == 1, "one Sent Items lookup"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_sending_email_absent_from_sent_items_is_sent(setup, ews, sssm_home):
    """Marked Sending, but the try never reached Exchange (killed before the send): sent once now."""
    sender, rcpt = ews.new_account("never"), ews.new_account("late")
    mailbox = setup.mailbox(setup.profile("Never"), sender.email)
    Mailbox.update(outgoing_enabled=True).where(Mailbox.id == mailbox.id).execute()
    email = queue_email(setup.user, rcpt.email, "Second try", "x")
    claimed = utcnow() - claim_lease(mailbox) - timedelta(seconds=1)  # the killed try's claim has run out
    EmailActivity.update(status=EmailStatus.SENDING, send_attempts=1, modified_on=claimed).where(
        EmailActivity.id == email.id
    ).execute()

    worker = run_worker(mailbox, ews, sssm_home, kill_after_send=False)

    assert worker.returncode == 0, worker.stderr[-2000:]
    assert "created=1 updated=0" in worker.stdout
    stored = EmailActivity.get_by_id(email.id)
    assert stored.status is EmailStatus.SENT and stored.send_attempts == 2
    assert len(copies(ews, sender.email, "sentitems", email.message_id)) == 1
    assert len(copies(ews, rcpt.email, "inbox", email.message_id)) == 1


def test_a_freshly_claimed_email_is_not_sent_by_another_process(setup, ews):
    """The window and `python -m app run` on one store: a Sending claim that is still young may be
    a send in progress elsewhere — it is looked up, held, and sent only once the claim ran out."""
    sender, rcpt = ews.new_account("held"), ews.new_account("heldrcpt")
    mailbox = setup.mailbox(setup.profile("Held"), sender.email)
    Mailbox.update(outgoing_enabled=True).where(Mailbox.id == mailbox.id).execute()
    email = queue_email(setup.user, rcpt.email, "Claimed elsewhere", "x")
    EmailActivity.update(status=EmailStatus.SENDING, send_attempts=1, modified_on=utcnow()).where(
        EmailActivity.id == email.id
    ).execute()

    held = sync_outgoing(mailbox)

    assert held.failure is None and held.created == 0
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENDING
    assert ews.stats.count(operation="CreateItem", account=sender.email) == 0, "not sent while claimed"
    assert ews.stats.count(operation="FindItem", account=sender.email) == 1, "but looked up"

    EmailActivity.update(modified_on=utcnow() - claim_lease(mailbox) - timedelta(seconds=1)).where(
        EmailActivity.id == email.id
    ).execute()
    later = sync_outgoing(mailbox)

    assert later.created == 1 and EmailActivity.get_by_id(email.id).status is EmailStatus.SENT
    assert len(copies(ews, rcpt.email, "inbox", email.message_id)) == 1
