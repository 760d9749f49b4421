"""Outgoing email against the loopback Exchange server: sent once, saved to Sent Items, delivered."""

from __future__ import annotations

import threading

from app.domain.enums import AlertLevel, AlertScope, EmailStatus, OwnerKind, RunStatus, SyncMethod, Workload
from app.store import repo
from app.store.models import Alert, EmailActivity, EmailMailboxLink, Mailbox, Queue, SyncHistory
from app.sync.outgoing import pending_for, queue_email, sync_outgoing


def enabled(mailbox, on=True):
    Mailbox.update(outgoing_enabled=on).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def server_items(ews, address, folder):
    return ews.server.directory.mailbox(address).distinguished[folder].items_by_received()


def with_msgid(items, message_id):
    return [item for item in items if item.msgid == message_id]


def test_queue_email_fixes_the_message_id_and_the_sender(setup, ews):
    account = ews.new_account("queue")
    mailbox = setup.mailbox(setup.profile("Queue"), account.email)
    email = queue_email(setup.user, [" bob@contoso.com", "carol@example.org"], "Offer", "Hello", cc="dave@example.org")
    assert email.status is EmailStatus.PENDING_SEND and email.send_attempts == 0
    assert email.message_id.startswith("<sssm.") and email.message_id.endswith("@contoso.com>")
    assert email.sender == mailbox.email
    assert email.to_recipients == "bob@contoso.com;carol@example.org" and email.cc_recipients == "dave@example.org"
    reply = queue_email(setup.user, "bob@contoso.com", "Re: Offer", "Thanks", in_reply_to=email.message_id)
    assert reply.references == email.message_id and reply.message_id != email.message_id


def test_pending_email_is_sent_once_saved_and_delivered(setup, ews):
    sender = ews.new_account("out")
    recipient = ews.new_account("rcpt")
    mailbox = enabled(setup.mailbox(setup.profile("Out"), sender.email))
    email = queue_email(setup.user, recipient.email, "Quote 17", "Please find the quote.")

    run = sync_outgoing(mailbox)

    assert run.failure is None and run.created == 1
    stored = EmailActivity.get_by_id(email.id)
    assert stored.status is EmailStatus.SENT and stored.sent_on is not None and stored.send_attempts == 1
    link = EmailMailboxLink.get(EmailMailboxLink.email == email.id)
    assert link.mailbox_id == mailbox.id and link.folder == "sentitems"
    sent = with_msgid(server_items(ews, sender.email, "sentitems"), email.message_id)
    received = with_msgid(server_items(ews, recipient.email, "inbox"), email.message_id)
    assert len(sent) == 1 and len(received) == 1
    assert received[0].subject == "Quote 17" and received[0].sender[1].lower() == sender.email.lower()
    assert SyncHistory.get(SyncHistory.mailbox == mailbox.id).status is RunStatus.SUCCESS

    creates = ews.stats.count(operation="CreateItem", account=sender.email)
    again = sync_outgoing(mailbox)
    assert again.failure is None and again.created == 0
    assert ews.stats.count(operation="CreateItem", account=sender.email) == creates, "nothing sent twice"


def test_a_reply_carries_in_reply_to_and_references(setup, ews):
    sender = ews.new_account("reply")
    recipient = ews.new_account("asker")
    mailbox = enabled(setup.mailbox(setup.profile("Reply"), sender.email))
    question = "<question.1@example.org>"
    email = queue_email(
        setup.user,
        recipient.email,
        "Re: Question",
        "<p>Answer</p>",
        body_is_html=True,
        in_reply_to=question,
        references="<root.0@example.org> " + question,
    )
    assert sync_outgoing(mailbox).failure is None
    received = with_msgid(server_items(ews, recipient.email, "inbox"), email.message_id)
    assert len(received) == 1
    assert received[0].in_reply_to == question
    assert received[0].references == "<root.0@example.org> " + question


def test_only_pending_emails_of_enabled_mailboxes_are_sent(setup, ews):
    profile = setup.profile("Mixed")
    on_account, off_account, rcpt = ews.new_account("on"), ews.new_account("off"), ews.new_account("to")
    other_user = repo.create_user("Other", "other@contoso.com")
    on = enabled(setup.mailbox(profile, on_account.email))
    off = setup.mailbox(profile, off_account.email, owner_id=other_user.id)
    assert not off.outgoing_enabled
    pending = queue_email(setup.user, rcpt.email, "pending", "x")
    draft = queue_email(setup.user, rcpt.email, "draft", "x")
    EmailActivity.update(status=EmailStatus.DRAFT).where(EmailActivity.id == draft.id).execute()
    of_disabled = queue_email(other_user, rcpt.email, "of disabled mailbox", "x")
    assert of_disabled.sender == off.email

    disabled_run = sync_outgoing(off)
    run = sync_outgoing(on)

    assert disabled_run.connection is None and ews.stats.count(account=off.email) == 0
    assert not SyncHistory.select().where(SyncHistory.mailbox == off.id).exists()
    assert run.created == 1
    statuses = {e.subject: e.status for e in EmailActivity.select()}
    assert statuses == {
        "pending": EmailStatus.SENT,
        "draft": EmailStatus.DRAFT,
        "of disabled mailbox": EmailStatus.PENDING_SEND,
    }
    subjects = sorted(item.subject for item in server_items(ews, rcpt.email, "inbox"))
    assert subjects == ["pending"]
    assert with_msgid(server_items(ews, rcpt.email, "inbox"), pending.message_id), "the pending email arrived"
    assert pending_for(on) == [] and [e.id for e in pending_for(off)] == [of_disabled.id]


def test_refused_email_fails_with_an_email_alert_and_the_others_go(setup, ews):
    sender, rcpt = ews.new_account("refused"), ews.new_account("good")
    mailbox = enabled(setup.mailbox(setup.profile("Refused"), sender.email))
    bad = queue_email(setup.user, [], "no recipients", "x")
    good = queue_email(setup.user, rcpt.email, "fine", "x")

    run = sync_outgoing(mailbox)

    assert run.failure is None and run.created == 1
    assert EmailActivity.get_by_id(bad.id).status is EmailStatus.FAILED
    assert EmailActivity.get_by_id(good.id).status is EmailStatus.SENT
    alert = Alert.get(Alert.email == bad.id)
    assert (alert.scope, alert.level, alert.error_code) == (
        AlertScope.EMAIL,
        AlertLevel.ERROR,
        "ErrorInvalidRecipients",
    )
    assert alert.mailbox_id == mailbox.id and "recipients" in alert.message
    assert Mailbox.get_by_id(mailbox.id).outgoing_enabled, "one bad email does not disable the mailbox"
    assert len(server_items(ews, rcpt.email, "inbox")) == 1


def test_server_busy_leaves_the_email_pending_and_warns(setup, ews):
    sender, rcpt = ews.new_account("busy"), ews.new_account("waiting")
    mailbox = enabled(setup.mailbox(setup.profile("Busy"), sender.email))
    email = queue_email(setup.user, rcpt.email, "later", "x")
    ews.faults.inject("server_busy", account=sender.email, operation="CreateItem", count=1)

    run = sync_outgoing(mailbox)

    assert run.failure is not None and run.failure.code == "ErrorServerBusy" and run.failure.transient
    stored = EmailActivity.get_by_id(email.id)
    assert stored.status is EmailStatus.PENDING_SEND and stored.send_attempts == 1
    alert = Alert.get(Alert.mailbox == mailbox.id)
    assert alert.level is AlertLevel.WARNING and alert.workload is Workload.OUTGOING
    assert Mailbox.get_by_id(mailbox.id).outgoing_enabled
    assert server_items(ews, rcpt.email, "inbox") == []

    retry = sync_outgoing(mailbox)
    assert retry.failure is None and retry.created == 1
    stored = EmailActivity.get_by_id(email.id)
    assert stored.status is EmailStatus.SENT and stored.send_attempts == 2
    assert len(with_msgid(server_items(ews, rcpt.email, "inbox"), email.message_id)) == 1


def test_a_lost_answer_leaves_the_email_sending_and_the_retry_finds_it(setup, ews):
    """Exchange sent the email but the answer was cut off: unknown outcome, so no blind resend."""
    sender, rcpt = ews.new_account("cut"), ews.new_account("cutrcpt")
    mailbox = enabled(setup.mailbox(setup.profile("Cut"), sender.email))
    email = queue_email(setup.user, rcpt.email, "answer lost", "x")
    ews.faults.inject("truncated", account=sender.email, operation="CreateItem", count=1)

    run = sync_outgoing(mailbox)

    assert run.failure is not None and run.failure.transient
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENDING
    assert len(with_msgid(server_items(ews, rcpt.email, "inbox"), email.message_id)) == 1
    creates = ews.stats.count(operation="CreateItem", account=sender.email)

    retry = sync_outgoing(mailbox)

    assert retry.failure is None and (retry.created, retry.updated) == (0, 1)
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENT
    assert ews.stats.count(operation="CreateItem", account=sender.email) == creates
    assert len(with_msgid(server_items(ews, sender.email, "sentitems"), email.message_id)) == 1
    assert len(with_msgid(server_items(ews, rcpt.email, "inbox"), email.message_id)) == 1


def test_queue_email_goes_out_through_the_queue_mailbox(setup, ews):
    queue_account, rcpt = ews.new_account("support"), ews.new_account("customer")
    queue = Queue.create(name="Support", email=queue_account.email)
    mailbox = enabled(
        setup.mailbox(setup.profile("Queue owner"), queue_account.email, owner_id=queue.id, owner_kind=OwnerKind.QUEUE)
    )
    email = queue_email(None, rcpt.email, "Ticket 42", "Solved.", owner_queue=queue)
    assert email.sender == queue_account.email
    assert sync_outgoing(mailbox).created == 1
    assert EmailActivity.get_by_id(email.id).status is EmailStatus.SENT
    assert len(with_msgid(server_items(ews, rcpt.email, "inbox"), email.message_id)) == 1


def test_an_owner_with_two_mailboxes_sends_each_email_from_its_sender_once(setup, ews):
    first, second, rcpt = ews.new_account("first"), ews.new_account("second"), ews.new_account("both")
    profile = setup.profile("Two")
    one = enabled(setup.mailbox(profile, first.email))
    two = enabled(setup.mailbox(profile, second.email))
    default = queue_email(setup.user, rcpt.email, "from the first mailbox", "x")
    unfixed = queue_email(setup.user, rcpt.email, "sender not fixed yet", "x")
    EmailActivity.update(sender="").where(EmailActivity.id == unfixed.id).execute()
    assert default.sender == first.email

    assert sync_outgoing(two).created == 1  # the unfixed one: whichever mailbox claims it first
    assert sync_outgoing(one).created == 1
    assert EmailActivity.get_by_id(unfixed.id).sender == second.email
    inbox = server_items(ews, rcpt.email, "inbox")
    assert sorted((i.subject, i.sender[1].lower()) for i in inbox) == [
        ("from the first mailbox", first.email.lower()),
        ("sender not fixed yet", second.email.lower()),
    ]


def test_outlook_synchronized_mailbox_is_not_sent_from(setup, ews):
    sender, rcpt = ews.new_account("outlook"), ews.new_account("nobody")
    mailbox = enabled(setup.mailbox(setup.profile("Outlook"), sender.email, outgoing_method=SyncMethod.OUTLOOK))
    queue_email(setup.user, rcpt.email, "stays", "x")
    assert sync_outgoing(mailbox).connection is None
    assert ews.stats.count(account=sender.email) == 0
    assert EmailActivity.get().status is EmailStatus.PENDING_SEND


def test_a_second_cycle_of_the_same_mailbox_waits_for_the_first(setup, ews):
    """Started while the first cycle is between send and commit, the second finds nothing to do."""
    sender, rcpt = ews.new_account("twice"), ews.new_account("single")
    mailbox = enabled(setup.mailbox(setup.profile("Twice"), sender.email))
    email = queue_email(setup.user, rcpt.email, "one cycle at a time", "x")
    second: list = []
    threads: list[threading.Thread] = []
    waited: list[bool] = []

    def start_second_cycle(_email):
        thread = threading.Thread(target=lambda: second.append(sync_outgoing(mailbox)))
        threads.append(thread)
        thread.start()
        thread.join(timeout=0.3)  # room to run ahead if nothing held it back
        waited.append(thread.is_alive())

    first = sync_outgoing(mailbox, after_send=start_second_cycle)
    threads[0].join(timeout=30)

    assert waited == [True], "the second cycle waits while the first is between send and commit"
    assert first.created == 1 and (second[0].created, second[0].updated) == (0, 0)
    assert ews.stats.count(operation="CreateItem", account=sender.email) == 1
    assert len(with_msgid(server_items(ews, rcpt.email, "inbox"), email.message_id)) == 1


def test_a_tracked_email_goes_out_with_its_token_and_its_answer_is_tracked_by_it(setup, ews):
    from app.domain.enums import TrackingOption
    from app.store.models import SystemSettings, UserOptions
    from app.sync.incoming import sync_incoming

    sender, customer = ews.new_account("tracked"), ews.new_account("customer")
    mailbox = setup.mailbox(setup.profile("Tracked"), sender.email)
    Mailbox.update(outgoing_enabled=True, incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    UserOptions.update(tracking_option=TrackingOption.RESPONSES).where(UserOptions.user == setup.user.id).execute()
    SystemSettings.update(tracking_token_prefix="QT-").execute()
    email = queue_email(setup.user, customer.email, "Quote 18", "Our offer.", tracked=True)
    plain = queue_email(setup.user, customer.email, "Untracked", "x")
    assert email.tracking_token == f"QT-{email.id:07d}" and plain.tracking_token is None

    assert sync_outgoing(mailbox).created == 2
    [received] = with_msgid(server_items(ews, customer.email, "inbox"), email.message_id)
    assert received.subject == f"Quote 18 {email.tracking_token}"
    assert EmailActivity.get_by_id(email.id).subject == "Quote 18", "the stored subject stays as written"
    [untracked] = with_msgid(server_items(ews, customer.email, "inbox"), plain.message_id)
    assert untracked.subject == "Untracked"

    ews.server.deliver(sender.email, f"RE: {received.subject}", "Agreed.")  # an answer, by subject only
    assert sync_incoming(mailbox).failure is None
    answer = EmailActivity.get(EmailActivity.subject == f"RE: Quote 18 {email.tracking_token}")
    assert answer.tracking_token == email.tracking_token
