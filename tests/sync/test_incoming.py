"""Incoming email against the loopback Exchange server: tracking, dedupe, failures, incremental reads."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    EmailDirection,
    EmailStatus,
    ItemDirection,
    OwnerKind,
    RunStatus,
    TrackingOption,
    Workload,
)
from app.simulator.model import conversation_id
from app.simulator.ops import getitem as simulator_getitem
from app.simulator.service import OpError
from app.store import repo
from app.store.models import (
    Alert,
    Contact,
    CrmAccount,
    EmailActivity,
    EmailMailboxLink,
    FolderSyncState,
    Lead,
    Mailbox,
    Queue,
    SyncHistory,
    SystemSettings,
    UserOptions,
)
from app.sync import incoming
from app.sync.incoming import sync_incoming


def track(user, option: TrackingOption) -> None:
    UserOptions.update(tracking_option=option).where(UserOptions.user == user.id).execute()


def enabled(mailbox):
    Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def incoming_mailbox(setup, ews, prefix, *, option=TrackingOption.ALL, profile=None, **seed):
    account = ews.new_account(prefix, **seed)
    mailbox = enabled(setup.mailbox(profile or setup.profile(f"Incoming {prefix}"), account.email))
    track(setup.user, option)
    return account, mailbox


def inbox_items(ews, address):
    return ews.server.directory.mailbox(address).distinguished["inbox"].items_by_received()


def stored_subjects(mailbox) -> set[str]:
    query = (
        EmailActivity.select(EmailActivity.subject).join(EmailMailboxLink).where(EmailMailboxLink.mailbox == mailbox.id)
    )
    return {e.subject for e in query}


def requests_of(ews, address) -> dict[str, int]:
    return {row["operation"]: row["count"] for row in ews.stats.to_dict()["requests"] if row["account"] == address}


# --- reading the Inbox ------------------------------------------------------------------------


def test_all_messages_are_stored_once_each_and_linked(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "all", emails=150, appointments=0, contacts=0, tasks=0)
    server = inbox_items(ews, account.email)

    run = sync_incoming(mailbox)

    assert run.failure is None and run.created == len(server) > 100
    stored = {e.message_id: e for e in EmailActivity.select()}
    assert set(stored) == {item.msgid for item in server}
    links = list(EmailMailboxLink.select().where(EmailMailboxLink.mailbox == mailbox.id))
    assert len(links) == len(server) and {link.item_id for link in links} == {item.id for item in server}
    sample = server[-1]
    email = stored[sample.msgid]
    assert (email.subject, email.sender, email.direction, email.status) == (
        sample.subject,
        sample.from_[1],
        EmailDirection.INCOMING,
        EmailStatus.RECEIVED,
    )
    assert email.received_on == sample.received and email.owner_user_id == setup.user.id
    assert email.body and email.body_is_html == (sample.body_type == "HTML")
    assert account.email in email.to_recipients.split(";") and email.sent_on is not None
    assert email.conversation_id == conversation_id(ews.server.directory.mailbox(account.email).guid, sample.conv_id)
    replies = [item for item in server if item.in_reply_to]
    assert replies and stored[replies[0].msgid].in_reply_to == replies[0].in_reply_to
    assert stored[replies[0].msgid].references == replies[0].references
    history = SyncHistory.get(SyncHistory.mailbox == mailbox.id)
    assert history.status is RunStatus.SUCCESS and history.created == len(server)
    assert FolderSyncState.get(FolderSyncState.mailbox == mailbox.id, FolderSyncState.folder == "inbox").sync_state


def test_second_cycle_on_an_unchanged_mailbox_is_one_sync_request(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "quiet", emails=40, appointments=0, contacts=0, tasks=0)
    assert sync_incoming(mailbox).created > 0
    before = ews.stats.count(account=account.email)
    syncs = ews.stats.count(operation="SyncFolderItems", account=account.email)

    run = sync_incoming(mailbox)

    assert run.failure is None and (run.created, run.updated) == (0, 0)
    assert ews.stats.count(operation="SyncFolderItems", account=account.email) == syncs + 1
    assert ews.stats.count(account=account.email) == before + 1, "nothing but the one SyncFolderItems"


def test_new_mail_is_read_incrementally(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "incr", emails=30, appointments=0, contacts=0, tasks=0)
    first = sync_incoming(mailbox).created
    ews.stats.reset()
    ews.server.deliver(account.email, "Fresh order", "Two more pallets, please.", sender="buyer@fabrikam.example")

    run = sync_incoming(mailbox)

    assert run.created == 1 and EmailActivity.select().count() == first + 1
    assert requests_of(ews, account.email) == {"SyncFolderItems": 1, "GetItem": 1}
    assert EmailActivity.get(EmailActivity.subject == "Fresh order").sender == "buyer@fabrikam.example"


def test_mail_received_before_process_email_from_is_not_processed(setup, ews):
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=1)
    profile = setup.profile("From yesterday", process_email_from=start)
    account, mailbox = incoming_mailbox(setup, ews, "from", profile=profile)
    for days, subject in ((30, "Last month"), (2, "Two days ago"), (0, "Today")):
        ews.server.deliver(account.email, subject, "x", received=start + timedelta(hours=1) - timedelta(days=days))
    ews.server.deliver(account.email, "At the start", "x", received=start)

    run = sync_incoming(mailbox)

    assert run.failure is None and stored_subjects(mailbox) == {"Today", "At the start"}
    assert "before process-from 2" in run.notes[0]
    old = ews.new_account("fromold")
    old_mailbox = enabled(setup.mailbox(profile, old.email))
    ews.server.deliver(old.email, "Ancient", "x", received=start - timedelta(days=300))
    assert sync_incoming(old_mailbox).created == 0
    assert "GetItem" not in requests_of(ews, old.email), "old mail is dropped without being fetched"


def test_a_mailbox_without_incoming_sync_enabled_is_left_alone(setup, ews):
    account = ews.new_account("off")
    mailbox = setup.mailbox(setup.profile("Off"), account.email)
    ews.server.deliver(account.email, "Hello", "x")
    run = sync_incoming(mailbox)
    assert run.connection is None and run.notes == ["incoming email is not enabled"]
    assert ews.stats.count(account=account.email) == 0 and EmailActivity.select().count() == 0


# --- the tracking options ---------------------------------------------------------------------


def test_responses_track_the_token_in_the_subject(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "token", option=TrackingOption.RESPONSES)
    ews.server.deliver(account.email, "RE: Your quote CRM:0001234", "Agreed.")
    ews.server.deliver(account.email, "Newsletter", "Sale!")
    SystemSettings.update(tracking_token_prefix="SSS-").execute()
    ews.server.deliver(account.email, "Renewal [SSS-0077]", "x")

    sync_incoming(mailbox)

    assert stored_subjects(mailbox) == {"Renewal [SSS-0077]"}, "only the configured prefix counts"
    assert EmailActivity.get().tracking_token == "SSS-0077"


def test_responses_track_replies_to_a_tracked_message_id(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "reply", option=TrackingOption.RESPONSES)
    tracked = EmailActivity.create(
        message_id="<quote.17@contoso.com>",
        subject="Quote 17",
        sender=account.email,
        direction=EmailDirection.OUTGOING,
        status=EmailStatus.SENT,
    )
    ews.server.deliver(
        account.email,
        "RE: Quote 17",
        "Thanks",
        sender="buyer@fabrikam.example",
        in_reply_to=tracked.message_id,
        references=tracked.message_id,
    )
    ews.server.deliver(
        account.email,
        "RE: RE: Quote 17",
        "One more thing",
        sender="cfo@fabrikam.example",
        in_reply_to="<their.reply@fabrikam.example>",
        references=f"{tracked.message_id} <their.reply@fabrikam.example>",
    )
    ews.server.deliver(
        account.email,
        "RE: Something else",
        "x",
        in_reply_to="<unknown@example.org>",
        references="<unknown@example.org>",
    )

    run = sync_incoming(mailbox)

    assert stored_subjects(mailbox) == {"RE: Quote 17", "RE: RE: Quote 17"}
    assert run.created == 2 and "not tracked 1" in run.notes[0]


def test_responses_track_the_conversation_of_a_tracked_email(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "conv", option=TrackingOption.RESPONSES)
    ews.server.deliver(account.email, "Site visit", "No reply headers, same conversation")
    ews.server.deliver(account.email, "Unrelated", "x")
    server_mailbox = ews.server.directory.mailbox(account.email)
    visit = next(item for item in inbox_items(ews, account.email) if item.subject == "Site visit")
    EmailActivity.create(
        message_id="<earlier@contoso.com>",
        subject="Site visit",
        conversation_id=conversation_id(server_mailbox.guid, visit.conv_id),
        direction=EmailDirection.OUTGOING,
        status=EmailStatus.SENT,
    )

    sync_incoming(mailbox)

    assert stored_subjects(mailbox) == {"Site visit"}


def test_replies_to_mail_stored_in_the_same_cycle_are_tracked(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "chain", option=TrackingOption.RESPONSES)
    ews.server.deliver(account.email, "Order CRM:0000042", "x", msgid="<order.42@fabrikam.example>")
    ews.server.deliver(
        account.email,
        "RE: Order",
        "x",
        in_reply_to="<order.42@fabrikam.example>",
        references="<order.42@fabrikam.example>",
    )
    assert sync_incoming(mailbox).created == 2


def _senders_mailbox(setup, ews, prefix, option):
    account, mailbox = incoming_mailbox(setup, ews, prefix, option=option)
    Contact.create(first_name="Carol", last_name="Contact", email="Carol@Fabrikam.example")
    CrmAccount.create(name="Northwind", email="sales@northwind.example")
    Lead.create(name="Lena Lead", email="lena@tailspin.example")
    Queue.create(name="Support", email="support@contoso.com")
    senders = {
        "contact": "carol@fabrikam.example",
        "account": "SALES@northwind.example",
        "lead": "lena@tailspin.example",
        "user": setup.user.email,
        "queue": "support@contoso.com",
        "stranger": "spam@example.org",
    }
    for kind, sender in senders.items():
        ews.server.deliver(account.email, f"From the {kind}", "x", sender=sender)
    return mailbox


def test_known_senders_track_contacts_accounts_and_leads(setup, ews):
    mailbox = _senders_mailbox(setup, ews, "known", TrackingOption.KNOWN_SENDERS)
    sync_incoming(mailbox)
    assert stored_subjects(mailbox) == {"From the contact", "From the account", "From the lead"}


def test_email_enabled_tracks_any_record_with_the_address(setup, ews):
    mailbox = _senders_mailbox(setup, ews, "enabled", TrackingOption.EMAIL_ENABLED)
    sync_incoming(mailbox)
    assert stored_subjects(mailbox) == {
        "From the contact",
        "From the account",
        "From the lead",
        "From the user",
        "From the queue",
    }


def test_a_queue_mailbox_tracks_everything(setup, ews):
    track(setup.user, TrackingOption.RESPONSES)  # the user's option does not apply to a queue
    queue = Queue.create(name="Sales queue", email="salesq@contoso.com")
    account = ews.new_account("queue")
    mailbox = enabled(
        setup.mailbox(setup.profile("Queue"), account.email, owner_kind=OwnerKind.QUEUE, owner_id=queue.id)
    )
    ews.server.deliver(account.email, "Anything", "x")
    assert sync_incoming(mailbox).created == 1
    assert EmailActivity.get().owner_queue_id == queue.id


# --- one email, several mailboxes -------------------------------------------------------------


def test_one_message_delivered_to_two_mailboxes_is_stored_once_and_linked_to_both(setup, ews):
    profile = setup.profile("Shared")
    first, first_mailbox = incoming_mailbox(setup, ews, "to1", profile=profile)
    second, second_mailbox = incoming_mailbox(setup, ews, "to2", profile=profile)
    for address in (first.email, second.email):
        ews.server.deliver(
            address,
            "Board meeting",
            "Agenda attached",
            sender="ceo@fabrikam.example",
            msgid="<board.2026@fabrikam.example>",
            to=[(None, first.email), (None, second.email)],
        )
    ews.server.deliver(second.email, "Only for the second", "x")

    one, two = sync_incoming(first_mailbox), sync_incoming(second_mailbox)

    assert (one.created, one.updated) == (1, 0) and (two.created, two.updated) == (1, 1)
    email = EmailActivity.get(EmailActivity.message_id == "<board.2026@fabrikam.example>")
    assert EmailActivity.select().count() == 2
    links = {link.mailbox_id: link.item_id for link in email.mailbox_links}
    assert links == {
        first_mailbox.id: inbox_items(ews, first.email)[0].id,
        second_mailbox.id: next(i.id for i in inbox_items(ews, second.email) if i.subject == "Board meeting"),
    }
    again = sync_incoming(first_mailbox), sync_incoming(second_mailbox)
    assert [(r.created, r.updated) for r in again] == [(0, 0), (0, 0)]
    assert EmailMailboxLink.select().count() == 3


def test_two_copies_in_one_inbox_are_one_email(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "twice")
    for _ in range(2):
        ews.server.deliver(account.email, "Digest", "x", msgid="<digest.1@lists.example>")
    run = sync_incoming(mailbox)
    assert run.failure is None and run.created == 1 and EmailMailboxLink.select().count() == 1


# --- messages that cannot be processed --------------------------------------------------------


@pytest.fixture
def corrupt_on_server(monkeypatch):
    """The loopback server answers GetItem for messages titled "Broken" with ErrorItemCorrupt."""
    original = simulator_getitem.render_item

    def render(item, wanted, ctx):
        if item.subject == "Broken":
            raise OpError("ErrorItemCorrupt", "The item is corrupt.")
        return original(item, wanted, ctx)

    monkeypatch.setattr(simulator_getitem, "render_item", render)


@pytest.fixture
def fails_to_store(monkeypatch):
    """Storing a message titled "Broken" fails (a processing error of that message only)."""
    original = incoming.IncomingEmailSync._email_values

    def values(self, item, message_id, token):
        if item.subject == "Broken":
            raise ValueError("cannot store this one")
        return original(self, item, message_id, token)

    monkeypatch.setattr(incoming.IncomingEmailSync, "_email_values", values)


def _undeliverable(ews, address):
    mailbox = ews.server.directory.mailbox(address)
    inbox = mailbox.distinguished["inbox"]
    return next((f for f in mailbox.children(inbox.id) if f.name == "Undeliverable"), None)


@pytest.mark.parametrize("cause", ["corrupt_on_server", "fails_to_store"])
def test_failed_message_goes_to_undeliverable_when_the_profile_says_so(setup, ews, request, cause):
    request.getfixturevalue(cause)
    profile = setup.profile("Undeliverable", move_failed_to_undeliverable=True)
    account, mailbox = incoming_mailbox(setup, ews, "undeliv", profile=profile)
    ews.server.deliver(account.email, "Broken", "x", sender="odd@example.org")
    ews.server.deliver(account.email, "Fine", "x")

    run = sync_incoming(mailbox)

    assert run.failure is None and stored_subjects(mailbox) == {"Fine"}
    folder = _undeliverable(ews, account.email)
    assert folder is not None and [item.subject for item in folder.items.values()] == ["Broken"]
    assert [item.subject for item in inbox_items(ews, account.email)] == ["Fine"]
    assert "moved to Undeliverable 1" in run.notes[0]
    assert Alert.select().where(Alert.scope == AlertScope.EMAIL).count() == 0
    before = ews.stats.count(account=account.email)
    assert sync_incoming(mailbox).created == 0
    assert ews.stats.count(account=account.email) == before + 1, "the move is not read back as new mail"


@pytest.mark.parametrize("cause", ["corrupt_on_server", "fails_to_store"])
def test_failed_message_stays_and_raises_an_email_alert_when_the_option_is_off(setup, ews, request, cause):
    request.getfixturevalue(cause)
    account, mailbox = incoming_mailbox(setup, ews, "stays")
    ews.server.deliver(account.email, "Broken", "x", sender="odd@example.org")
    ews.server.deliver(account.email, "Fine", "x")

    run = sync_incoming(mailbox)

    assert run.failure is None and stored_subjects(mailbox) == {"Fine"}
    assert sorted(item.subject for item in inbox_items(ews, account.email)) == ["Broken", "Fine"]
    assert _undeliverable(ews, account.email) is None
    alert = Alert.get(Alert.scope == AlertScope.EMAIL)
    assert (alert.level, alert.mailbox_id, alert.workload) == (AlertLevel.ERROR, mailbox.id, Workload.INCOMING)
    assert "left in the Inbox" in alert.message
    code = "ErrorItemCorrupt" if cause == "corrupt_on_server" else "ValueError"
    assert code in alert.details and "Item id: " in alert.details
    if cause == "fails_to_store":
        assert "Subject: Broken" in alert.details and "From: odd@example.org" in alert.details
    assert Mailbox.get_by_id(mailbox.id).incoming_enabled, "one bad email does not stop the mailbox"
    assert SyncHistory.get(SyncHistory.mailbox == mailbox.id).status is RunStatus.SUCCESS


def test_a_message_gone_before_it_is_fetched_is_skipped_quietly(setup, ews, monkeypatch):
    original = simulator_getitem.render_item

    def render(item, wanted, ctx):
        if item.subject == "Deleted meanwhile":
            raise OpError("ErrorItemNotFound")
        return original(item, wanted, ctx)

    monkeypatch.setattr(simulator_getitem, "render_item", render)
    account, mailbox = incoming_mailbox(setup, ews, "gone")
    ews.server.deliver(account.email, "Deleted meanwhile", "x")
    ews.server.deliver(account.email, "Fine", "x")
    run = sync_incoming(mailbox)
    assert run.failure is None and stored_subjects(mailbox) == {"Fine"} and Alert.select().count() == 0


# --- efficiency and robustness ----------------------------------------------------------------


def test_fetching_runs_in_parallel_within_the_profile_gate(setup, ews):
    profile = setup.profile("Gate", max_connections=2)
    account, mailbox = incoming_mailbox(
        setup, ews, "gate", profile=profile, emails=500, appointments=0, contacts=0, tasks=0, body_size=300
    )
    ews.faults.inject("delay", account=account.email, operation="GetItem", count=None, seconds=0.05)
    peak, stop = [0], threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], ews.server.throttle.in_flight(account.email))
            time.sleep(0.002)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        run = sync_incoming(mailbox)
    finally:
        stop.set()
        sampler.join()
    expected = len(inbox_items(ews, account.email))
    assert run.failure is None and run.created == expected
    assert peak[0] == 2, f"parallel, never more than the profile's maximum (peak {peak[0]})"
    batches = -(-expected // incoming.FETCH_BATCH)
    assert ews.stats.count(operation="GetItem", account=account.email) == batches


def test_a_refused_sync_state_reads_the_inbox_again_without_doubles(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "state", emails=20, appointments=0, contacts=0, tasks=0)
    created = sync_incoming(mailbox).created
    FolderSyncState.update(sync_state="bm90IGEgc3RhdGU=").where(FolderSyncState.mailbox == mailbox.id).execute()

    run = sync_incoming(mailbox)

    assert run.failure is None and run.created == 0 and EmailActivity.select().count() == created
    assert "read the Inbox from the start" in run.notes[0]
    assert EmailMailboxLink.select().count() == created
    assert requests_of(ews, account.email).get("GetItem") == 1, "linked messages are not fetched again"


def test_owner_options_default_to_responses(setup, ews):
    user = repo.create_user("Nobody", "nobody@contoso.com")
    UserOptions.delete().where(UserOptions.user == user.id).execute()
    account = ews.new_account("default")
    mailbox = setup.mailbox(setup.profile("Default"), account.email, owner_id=user.id)
    assert incoming.tracking_option_for(mailbox) is TrackingOption.RESPONSES


def test_an_incoming_cycle_tells_the_session_its_logon_worked(setup, ews):
    """The first page is read on the cycle's own thread: run_workload counts that thread's answers
    to know the credentials logged on, so the runs sharing them stop taking turns."""
    from app.sync import session

    _, mailbox = incoming_mailbox(setup, ews, "proven", emails=3, appointments=0, contacts=0, tasks=0)
    assert sync_incoming(mailbox).failure is None
    assert session._proven(*session._logon_identity(Mailbox.get_by_id(mailbox.id)))


def test_an_email_that_failed_is_in_item_monitoring_and_the_admins_retry_stores_it(setup, ews, monkeypatch):
    """Item monitoring: an email that could not be stored gets an entry; the admin's Retry has the
    next cycle fetch it again although the sync state is past it; stored, its entry goes."""
    from app.domain.item_failures import STORE_FAILED
    from app.store import item_failures
    from app.store.models_monitoring import ItemFailure

    original = incoming.IncomingEmailSync._email_values
    broken = [True]

    def values(self, item, message_id, token):
        if item.subject == "Broken" and broken[0]:
            raise ValueError("cannot store this one")
        return original(self, item, message_id, token)

    monkeypatch.setattr(incoming.IncomingEmailSync, "_email_values", values)
    account, mailbox = incoming_mailbox(setup, ews, "retried", emails=150, appointments=0, contacts=0, tasks=0)
    ews.server.deliver(account.email, "Broken", "x", sender="odd@example.org")

    assert sync_incoming(mailbox).failure is None
    failure = ItemFailure.get(ItemFailure.mailbox == mailbox.id)
    broken_item = next(item for item in inbox_items(ews, account.email) if item.subject == "Broken")
    assert (failure.direction, failure.error_code, failure.item_id) == (
        ItemDirection.INCOMING,
        STORE_FAILED,
        broken_item.id,
    )
    linked = EmailMailboxLink.select().where(EmailMailboxLink.mailbox == mailbox.id).count()
    assert "Broken" not in stored_subjects(mailbox) and linked == len(inbox_items(ews, account.email)) - 1, (
        "every other email stored"  # (subjects repeat: how many differ depends on the seed)
    )

    broken[0] = False  # the cause is gone; without a retry the sync state is past the email
    assert sync_incoming(mailbox).created == 0 and ItemFailure.select().count() == 1
    item_failures.retry([failure.id])
    run = sync_incoming(mailbox)
    assert run.failure is None and run.created == 1
    assert "Broken" in stored_subjects(mailbox) and ItemFailure.select().count() == 0


def test_the_engine_indexes_a_cycles_emails_for_search_after_storing_them(setup, ews):
    from app.store import search_index
    from app.store.base import database
    from app.sync.scheduler import Scheduler

    account, mailbox = incoming_mailbox(setup, ews, "indexed", emails=30, appointments=0, contacts=0, tasks=0)
    run = sync_incoming(mailbox)  # the workload alone stores without tokenizing
    assert run.created > 20 and search_index.pending() == run.created

    ews.server.deliver(account.email, "Quarterly pipeline review", "Numbers attached.", sender="cfo@fabrikam.example")
    [result] = Scheduler().run_once([mailbox.id])
    assert result.ok and result.created == 1, result.summary()
    assert search_index.pending() == 0, "the engine's cycle ends with the rows in the search table"
    [(found,)] = database.execute_sql(
        "SELECT rowid FROM email_search WHERE email_search MATCH ?", ('"pipeline revi"',)
    ).fetchall()
    assert EmailActivity.get_by_id(found).sender == "cfo@fabrikam.example"
