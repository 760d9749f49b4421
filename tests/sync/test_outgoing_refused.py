"""Emails Exchange refuses (against the loopback server): Failed with Exchange's reason and an alert,
never sent twice, never lost; retried by hand. And Send now: the scheduler's own cycle, at once."""

from __future__ import annotations

from app.domain.enums import AlertScope, EmailStatus, TrackedBy, Workload
from app.store.models import Alert, EmailActivity, EmailMailboxLink, Mailbox
from app.sync.outgoing import queue_email, retry_email, sync_outgoing
from app.sync.run_now import run_workload_now


def enabled(mailbox):
    Mailbox.update(outgoing_enabled=True).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def inbox_copies(ews, address, message_id):
    items = ews.server.directory.mailbox(address).distinguished["inbox"].items_by_received()
    return [item for item in items if item.msgid == message_id]


def test_send_as_denied_fails_the_email_with_the_reason_and_the_mailbox_with_an_error(setup, ews):
    sender, rcpt = ews.new_account("denied"), ews.new_account("denrcpt")
    mailbox = enabled(setup.mailbox(setup.profile("Denied"), sender.email))
    first = queue_email(setup.user, rcpt.email, "first", "x")
    second = queue_email(setup.user, rcpt.email, "second", "x")
    ews.faults.inject("refuse", account=sender.email, operation="CreateItem", count=1, code="ErrorSendAsDenied")

    run = sync_outgoing(mailbox)

    assert run.failure is not None and run.failure.code == "SendAsDenied" and not run.failure.transient
    failed = EmailActivity.get_by_id(first.id)
    assert failed.status is EmailStatus.FAILED and failed.failure_reason.startswith("ErrorSendAsDenied: ")
    assert "right to send" in failed.failure_reason, "Exchange's own words"
    alert = Alert.get(Alert.email == first.id)
    assert alert.scope is AlertScope.EMAIL and alert.error_code == "ErrorSendAsDenied"
    assert EmailActivity.get_by_id(second.id).status is EmailStatus.PENDING_SEND, "waits for the mailbox"
    assert not Mailbox.get_by_id(mailbox.id).outgoing_enabled, "a permanent failure of the mailbox"
    assert inbox_copies(ews, rcpt.email, first.message_id) == []

    enabled(mailbox)
    again = sync_outgoing(mailbox)
    assert again.created == 1 and EmailActivity.get_by_id(first.id).status is EmailStatus.FAILED, (
        "a Failed email is not sent again by itself"
    )
    assert retry_email(first.id) and not retry_email(first.id)
    assert sync_outgoing(mailbox).created == 1
    sent = EmailActivity.get_by_id(first.id)
    assert (sent.status, sent.failure_reason) == (EmailStatus.SENT, "")
    assert len(inbox_copies(ews, rcpt.email, first.message_id)) == 1, "sent once, after the retry"


def test_invalid_recipients_refused_by_exchange_fail_only_that_email(setup, ews):
    sender, rcpt = ews.new_account("invalid"), ews.new_account("invrcpt")
    mailbox = enabled(setup.mailbox(setup.profile("Invalid"), sender.email))
    email = queue_email(setup.user, rcpt.email, "refused", "x")
    ews.faults.inject("refuse", account=sender.email, operation="CreateItem", count=1, code="ErrorInvalidRecipients")

    run = sync_outgoing(mailbox)

    assert run.failure is None
    stored = EmailActivity.get_by_id(email.id)
    assert stored.status is EmailStatus.FAILED and stored.failure_reason.startswith("ErrorInvalidRecipients: ")
    assert Mailbox.get_by_id(mailbox.id).outgoing_enabled
    assert ews.stats.count(operation="CreateItem", account=sender.email) == 1
    assert sync_outgoing(mailbox).created == 0, "never sent twice"
    assert ews.stats.count(operation="CreateItem", account=sender.email) == 1


def test_send_now_runs_the_outgoing_cycle_under_its_lease_and_links_the_sent_copy(setup, ews):
    sender, rcpt = ews.new_account("now"), ews.new_account("nowrcpt")
    mailbox = enabled(setup.mailbox(setup.profile("Now"), sender.email))
    email = queue_email(setup.user, rcpt.email, "at once", "x")

    result = run_workload_now(mailbox.id, Workload.OUTGOING)

    assert result is not None and result.ok and result.created == 1 and not result.skipped
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENT
    link = EmailMailboxLink.get(EmailMailboxLink.email == email.id)
    assert (link.folder, link.tracked_by) == ("sentitems", TrackedBy.SENT)
    assert Mailbox.get_by_id(mailbox.id).next_sync_on is not None, "the next run is stored, as by the scheduler"
    assert len(inbox_copies(ews, rcpt.email, email.message_id)) == 1


def test_send_now_waits_for_the_cycle_holding_the_lease(setup, ews):
    from app.store import leases

    sender, rcpt = ews.new_account("held"), ews.new_account("heldrcpt")
    mailbox = enabled(setup.mailbox(setup.profile("Held"), sender.email))
    email = queue_email(setup.user, rcpt.email, "waits", "x")
    name = leases.mailbox_lease_name(mailbox.id, Workload.OUTGOING.value)
    assert leases.claim(name, "another process")

    result = run_workload_now(mailbox.id, Workload.OUTGOING, attempts=2, wait_seconds=0.05)

    assert result is not None and result.skipped
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.PENDING_SEND
    assert ews.stats.count(operation="CreateItem", account=sender.email) == 0
    leases.release(name, "another process")
    assert run_workload_now(mailbox.id, Workload.OUTGOING).created == 1


def test_send_now_does_nothing_for_a_mailbox_that_may_not_send(setup, ews):
    sender = ews.new_account("off")
    mailbox = setup.mailbox(setup.profile("Off"), sender.email)
    queue_email(setup.user, "someone@contoso.com", "stays", "x")
    assert run_workload_now(mailbox.id, Workload.OUTGOING) is None
    assert EmailActivity.get().status is EmailStatus.PENDING_SEND
