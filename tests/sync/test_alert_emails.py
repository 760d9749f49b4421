"""Alert emails over real HTTP: an alert of a failing mailbox becomes one email to its owner, sent
by the outgoing sync of the mailbox chosen in the system settings, to the loopback Exchange server."""

from __future__ import annotations

from app.domain.enums import AlertLevel, EmailDirection, EmailStatus, Workload
from app.domain.system_settings import SystemSettingsValues
from app.store import repo
from app.store.models import Alert, EmailActivity, Mailbox
from app.store.system_settings import save_system_settings
from app.sync.incoming import sync_incoming
from app.sync.outgoing import sync_outgoing

SUBJECT_START = "[Server-Side Sync Manager] "


def enabled(mailbox, **flags):
    Mailbox.update(**flags).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def alert_emails_received(ews, address):
    inbox = ews.server.directory.mailbox(address).distinguished["inbox"].items_by_received()
    return [item for item in inbox if item.subject.startswith(SUBJECT_START)]


def outgoing_emails():
    return list(
        EmailActivity.select().where(EmailActivity.direction == EmailDirection.OUTGOING).order_by(EmailActivity.id)
    )


def watched_and_sender(setup, ews, name):
    """A mailbox owned by Bob that will fail, and the admin's mailbox that sends the alert emails."""
    profile = setup.profile(name)
    sender_account, owner_account, watched_account = (
        ews.new_account("alerts"),
        ews.new_account("bob"),
        ews.new_account("watched"),
    )
    sender = enabled(setup.mailbox(profile, sender_account.email), outgoing_enabled=True)
    bob = repo.create_user("Bob Brown", owner_account.email)
    watched = enabled(setup.mailbox(profile, watched_account.email, owner_id=bob.id), incoming_enabled=True)
    save_system_settings(SystemSettingsValues(notify_owner_by_email=True, notify_mailbox_id=sender.id))
    return sender, watched, owner_account.email


def test_an_alert_becomes_one_email_to_the_owner_sent_through_the_chosen_mailbox(setup, ews):
    sender, watched, owner_address = watched_and_sender(setup, ews, "Alert emails")
    ews.faults.inject("http503", account=watched.email, count=None)

    assert sync_incoming(watched).failure is not None
    [warning] = Alert.select().where(Alert.mailbox == watched.id)
    assert warning.level is AlertLevel.WARNING and warning.workload is Workload.INCOMING
    [email] = outgoing_emails()
    assert (email.status, email.sender, email.to_recipients) == (EmailStatus.PENDING_SEND, sender.email, owner_address)

    run = sync_outgoing(sender)
    assert run.failure is None and run.created == 1
    [received] = alert_emails_received(ews, owner_address)
    assert received.msgid == email.message_id and received.sender[1].lower() == sender.email.lower()
    assert received.subject.startswith(f"{SUBJECT_START}Warning: {watched.name}: ")
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENT

    sends = ews.stats.count(operation="CreateItem", account=sender.email)
    for _ in range(2):  # the failure goes on: its alert counts up, nothing more is sent
        assert sync_incoming(watched).failure is not None
        assert sync_outgoing(sender).created == 0
    assert Alert.get_by_id(warning.id).occurrences == 3
    assert ews.stats.count(operation="CreateItem", account=sender.email) == sends
    assert len(alert_emails_received(ews, owner_address)) == 1, "exactly once"

    ews.faults.clear(account=watched.email)  # it works again: the owner hears that too, once
    assert sync_incoming(watched).failure is None
    assert sync_outgoing(sender).created == 1 and sync_outgoing(sender).created == 0
    subjects = [item.subject for item in alert_emails_received(ews, owner_address)]
    assert len(subjects) == 2 and subjects[1].startswith(f"{SUBJECT_START}Information: {watched.name}: ")


def test_the_sending_mailbox_failing_emails_nothing_about_itself_and_sends_the_waiting_email_once(setup, ews):
    sender, watched, owner_address = watched_and_sender(setup, ews, "Sender failing")
    ews.faults.inject("http503", account=watched.email, count=1)
    assert sync_incoming(watched).failure is not None
    [waiting] = outgoing_emails()
    ews.faults.inject("server_busy", account=sender.email, operation="CreateItem", count=None, backoff_ms=1)

    for _ in range(3):
        assert sync_outgoing(sender).failure is not None
    sender_alerts = list(Alert.select().where(Alert.mailbox == sender.id))
    assert [(a.level, a.workload, a.occurrences) for a in sender_alerts] == [(AlertLevel.WARNING, Workload.OUTGOING, 3)]
    assert outgoing_emails() == [waiting], "no email about the mailbox that sends them: no loop"
    assert alert_emails_received(ews, owner_address) == []

    ews.faults.clear(account=sender.email)
    run = sync_outgoing(sender)
    assert run.failure is None and run.created == 1
    assert [m.msgid for m in alert_emails_received(ews, owner_address)] == [waiting.message_id]
    assert outgoing_emails() == [waiting], "its recovery is not emailed either"
