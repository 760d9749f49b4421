"""Writing and sending an email in the app, against the loopback Exchange server: composed in the
window, sent at once through the outgoing cycle, its status followed on screen, found on the
server, received by the recipient's incoming sync and shown in the recipient's Records, tracked
and correlated to the sender's. And an email Exchange refuses: Failed, with the reason, an alert
and Retry, never sent twice."""

from __future__ import annotations

import pytest

from app.domain.enums import AlertScope, EmailStatus, TrackedBy
from app.exchange.connection import open_account, plan_connection
from app.gui.pages.records_lists import ListKind
from app.store import repo
from app.store.models import Alert, EmailActivity, Mailbox


def enable(mailbox, **flags):
    Mailbox.update(**flags).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


@pytest.fixture
def people(setup, ews):
    """Alice and Bob, each a user of the store with a mailbox on the loopback server."""
    alice_account, bob_account = ews.new_account("fromalice"), ews.new_account("tobob")
    alice_user = repo.create_user("Alice", alice_account.email)
    bob_user = repo.create_user("Bob", bob_account.email)
    profile = setup.profile("Loopback")
    alice = enable(setup.mailbox(profile, alice_account.email, owner_id=alice_user.id), outgoing_enabled=True)
    bob = enable(setup.mailbox(profile, bob_account.email, owner_id=bob_user.id), incoming_enabled=True)
    return alice, bob


@pytest.fixture
def page(qtbot, people, message_log):
    from app.gui.pages.records_page import RecordsPage

    widget = RecordsPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def find_by_message_id(ews, mailbox, folder_name, message_id):
    """The mailbox's items with this Message-ID, asked through EWS with its own credentials."""
    account = open_account(plan_connection(mailbox), ews.ews_url)
    folder = account.inbox if folder_name == "inbox" else account.sent
    return list(folder.filter(message_id=message_id))


def test_an_email_composed_in_the_app_is_sent_received_and_shown_tracked_in_the_recipients_records(
    qtbot, ews, people, page, click
):
    from app.sync.incoming import sync_incoming

    alice, bob = people
    # 1. compose from Alice to Bob
    window = page.compose()
    ui = window.ui
    ui.mailbox.setCurrentIndex(ui.mailbox.findData(alice.id))
    qtbot.keyClicks(ui.to, bob.email)
    qtbot.keyClicks(ui.subject, "Offer for the next quarter")
    qtbot.keyClicks(ui.body, "Dear Bob, here is the offer.")
    assert ui.tracked.isChecked(), "Alice tracks the answers to tracked email: the email carries a token"
    # the server answers the send a moment late, so that Sending can be seen on screen
    ews.faults.inject("delay", account=alice.email, operation="CreateItem", count=1, seconds=1.0)

    # 2. send
    click(ui.sendButton)

    # 3. the status moves on screen to Sent
    qtbot.waitUntil(lambda: window.worker is None and window.email_id is not None, timeout=30_000)
    assert window.statuses_seen[-2:] == [EmailStatus.SENDING, EmailStatus.SENT], window.statuses_seen
    assert "Sent" in ui.statusLabel.text()
    email = EmailActivity.get_by_id(window.email_id)
    assert email.tracking_token and email.tracking_token in ui.statusLabel.text()
    assert email.send_attempts == 1

    # 4. in Bob's Inbox on the server (through EWS), and in Alice's Sent Items
    received = find_by_message_id(ews, bob, "inbox", email.message_id)
    sent = find_by_message_id(ews, alice, "sentitems", email.message_id)
    assert len(received) == 1 and len(sent) == 1
    assert received[0].subject == f"Offer for the next quarter {email.tracking_token}", "the token in the subject"
    assert received[0].sender.email_address.lower() == alice.email.lower()

    # 5. Bob's incoming sync
    run = sync_incoming(bob)
    assert run.failure is None

    # 6. the email in Bob's Records: tracked, and correlated to the one Alice sent
    page.refresh()
    emails = page.show_tab(ListKind.EMAIL)
    emails.ui.mailboxFilter.setCurrentIndex(emails.ui.mailboxFilter.findData(bob.id))
    assert emails.model.total == 1
    emails.ui.table.selectRow(0)
    detail = emails.detail
    assert detail.detail is not None and detail.detail.id == email.id, "the same email, stored once"
    copies = {(c.mailbox_id, c.folder): c.tracked_by for c in detail.detail.copies}
    assert copies == {(alice.id, "sentitems"): TrackedBy.SENT, (bob.id, "inbox"): TrackedBy.MESSAGE_ID}
    assert "Inbox" in detail.ui.copies.text() and "same Message-ID" in detail.ui.copies.text()
    assert detail.ui.token.text() == email.tracking_token
    assert ews.stats.count(operation="CreateItem", account=alice.email) == 1, "sent once"


def test_an_email_exchange_refuses_ends_failed_with_the_reason_an_alert_and_retry(
    qtbot, ews, people, page, message_log, click
):
    alice, bob = people
    window = page.compose()
    ui = window.ui
    ui.mailbox.setCurrentIndex(ui.mailbox.findData(alice.id))
    qtbot.keyClicks(ui.to, bob.email)
    qtbot.keyClicks(ui.subject, "Refused")
    ews.faults.inject("refuse", account=alice.email, operation="CreateItem", count=1, code="ErrorInvalidRecipients")
    click(ui.sendButton)
    qtbot.waitUntil(lambda: window.worker is None and window.email_id is not None, timeout=30_000)

    email = EmailActivity.get_by_id(window.email_id)
    assert email.status is EmailStatus.FAILED and email.failure_reason.startswith("ErrorInvalidRecipients")
    assert "ErrorInvalidRecipients" in ui.statusLabel.text() and ui.retryButton.isVisible()
    assert message_log.errors and "ErrorInvalidRecipients" in message_log.errors[-1][1], "an alert on screen"
    assert Alert.get(Alert.email == email.id).scope is AlertScope.EMAIL, "and among the alerts"
    failed = page.show_tab(ListKind.FAILED)
    page.refresh()
    assert failed.model.total == 1

    click(ui.retryButton)
    qtbot.waitUntil(lambda: window.worker is None and window.statuses_seen[-1] is EmailStatus.SENT, timeout=30_000)
    assert len(find_by_message_id(ews, bob, "inbox", email.message_id)) == 1, "sent once, when retried"
    assert ews.stats.count(operation="CreateItem", account=alice.email) == 2, "the refused try and the retry"
