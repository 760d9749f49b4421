"""The Records page's queries: ids in order (sorted, filtered, searched in SQL), one page of rows,
where a record stands with Exchange, an email's detail, records saved and deleted."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ApprovalStatus,
    ConflictPolicy,
    EmailDirection,
    EmailStatus,
    RecordType,
    SyncMethod,
    SyncState,
    TrackedBy,
    Workload,
)
from app.domain.records import AppointmentValues, ContactValues, TaskValues
from app.domain.validation import ValidationError
from app.store import record_edits, repo, search_index
from app.store.alerts import raise_alert
from app.store.email_records import email_detail, sending_mailboxes
from app.store.models import (
    Appointment,
    ConflictLog,
    Contact,
    EmailActivity,
    EmailMailboxLink,
    ItemLink,
    Mailbox,
    ServerProfile,
)
from app.store.records import APPOINTMENTS, CONTACTS, EMAILS, FAILED, TASKS, ListQuery

T0 = datetime(2025, 5, 1, 9, 0, tzinfo=timezone.utc)


def mailbox_of(user, email, **changes):
    profile = ServerProfile.get_or_none(ServerProfile.name == "P") or ServerProfile.create(name="P")
    values = dict(
        name=email.split("@")[0],
        email=email,
        owner_user=user,
        profile=profile,
        approval=ApprovalStatus.APPROVED,
        act_enabled=True,
        outgoing_enabled=True,
    )
    values.update(changes)
    return Mailbox.create(**values)


def email(subject, *, minutes=0, direction=EmailDirection.INCOMING, status=EmailStatus.RECEIVED, **fields):
    at = T0 + timedelta(minutes=minutes)
    values = dict(
        message_id=f"<{subject.replace(' ', '.')}.{minutes}@contoso.com>",
        subject=subject,
        sender="carol@fabrikam.com",
        to_recipients="alice@contoso.com",
        direction=direction,
        status=status,
        created_on=at,
    )
    if direction is EmailDirection.INCOMING:
        values["received_on"] = at
    values.update(fields)
    return EmailActivity.create(**values)


@pytest.fixture
def people(store):
    alice = repo.create_user("Alice", "alice@contoso.com", is_current=True)
    bob = repo.create_user("Bob", "bob@contoso.com")
    return alice, bob


def ids(records, **query):
    return list(records.ids(ListQuery(**query)))


def test_emails_sort_on_every_column_both_ways_with_the_id_breaking_ties(people):
    alice, bob = people
    older = email("beta offer", minutes=0, sender="zed@fabrikam.com", owner_user=alice)
    newer = email("Alpha offer", minutes=10, sender="Amy@fabrikam.com", owner_user=bob)
    sent = email("gamma", minutes=5, direction=EmailDirection.OUTGOING, status=EmailStatus.SENT, owner_user=alice)
    EmailActivity.update(sent_on=T0 + timedelta(minutes=20)).where(EmailActivity.id == sent.id).execute()

    assert ids(EMAILS) == [sent.id, newer.id, older.id], "newest first by default: received, else sent"
    assert ids(EMAILS, descending=False) == [older.id, newer.id, sent.id]
    assert ids(EMAILS, sort="subject", descending=False) == [newer.id, older.id, sent.id], "without regard to case"
    assert ids(EMAILS, sort="sender", descending=False)[0] == newer.id
    assert "owner" not in EMAILS.sorts, "the owner is a filter: sorting by a name would sort every row"
    assert ids(EMAILS, sort="status", descending=False) == [older.id, newer.id, sent.id]
    for key in EMAILS.sorts:
        assert sorted(ids(EMAILS, sort=key)) == sorted([older.id, newer.id, sent.id]), key


def test_email_filters_mailbox_owner_direction_status_and_dates(people):
    alice, bob = people
    box = mailbox_of(alice, "alice@contoso.com")
    first = email("first", minutes=0, owner_user=alice)
    second = email("second", minutes=60, owner_user=bob)
    failed = email("third", minutes=120, direction=EmailDirection.OUTGOING, status=EmailStatus.FAILED, owner_user=alice)
    EmailMailboxLink.create(email=first, mailbox=box)

    assert ids(EMAILS, mailbox_id=box.id) == [first.id]
    assert ids(EMAILS, owner_user_id=alice.id) == [failed.id, first.id]
    assert ids(EMAILS, direction=EmailDirection.OUTGOING) == [failed.id]
    assert ids(EMAILS, status=EmailStatus.RECEIVED) == [second.id, first.id]
    assert ids(EMAILS, since=T0 + timedelta(minutes=30), until=T0 + timedelta(minutes=90)) == [second.id]
    assert ids(EMAILS, status=EmailStatus.SENT) == []


@pytest.mark.parametrize("indexed", [False, True], ids=["just stored", "indexed"])
def test_email_search_matches_substrings_of_every_word_long_or_short(people, indexed):
    offer = email("Quarterly offer", sender="carol@fabrikam.com", tracking_token="CRM:0000042")
    other = email("Invoice", minutes=1, sender="dave@litware.com", to_recipients="bob@contoso.com")
    if indexed:  # else both are past the search table's mark: read with LIKE (app.store.search_index)
        assert search_index.catch_up() == 2

    assert ids(EMAILS, search="arter") == [offer.id], "a substring of a word"
    assert ids(EMAILS, search="FABRIKAM") == [offer.id], "any case"
    assert ids(EMAILS, search="offer carol") == [offer.id], "every word"
    assert ids(EMAILS, search="offer dave") == []
    assert ids(EMAILS, search="0000042") == [offer.id], "the tracking token"
    assert ids(EMAILS, search="bo") == [other.id], "a short word (LIKE)"
    assert ids(EMAILS, search="in li") == [other.id]
    assert ids(EMAILS, search='"of%') == [], "no operator, no wildcard"
    EmailActivity.update(subject="Yearly").where(EmailActivity.id == offer.id).execute()
    assert ids(EMAILS, search="arter") == [], "the index follows changes"


def test_email_rows_are_one_page_of_plain_values(people):
    alice, _ = people
    first = email("Offer", owner_user=alice, tracking_token="CRM:0000001")
    answer = email("Re: Offer", minutes=1, in_reply_to=first.message_id)
    rows = EMAILS.rows([answer.id, first.id])
    assert set(rows) == {first.id, answer.id}
    assert rows[first.id].owner_name == "Alice" and rows[first.id].tracking_token == "CRM:0000001"
    assert rows[first.id].shown_on == T0 and rows[first.id].status is EmailStatus.RECEIVED
    assert rows[answer.id].is_answer and not rows[first.id].is_answer


def appointment(owner, subject, hours=0, **fields):
    return Appointment.create(
        owner=owner, subject=subject, start=T0 + timedelta(hours=hours), end=T0 + timedelta(hours=hours + 1), **fields
    )


def test_appointments_stand_synced_pending_conflict_unlinked_or_not_synchronized(people):
    alice, bob = people
    box = mailbox_of(alice, "alice@contoso.com")
    synced = appointment(alice, "synced", 1)
    changed = appointment(alice, "changed here", 2)
    conflict = appointment(alice, "conflict", 3)
    gone = appointment(alice, "deleted in Exchange", 4)
    new = appointment(alice, "new here", 5)
    stranger = appointment(bob, "Bob's", 6)  # Bob has no mailbox: it does not go to Exchange
    later = datetime.now(timezone.utc) + timedelta(days=1)  # synchronized after the records' last change
    for record in (synced, changed, conflict, gone):
        ItemLink.create(
            mailbox=box,
            record_type=RecordType.APPOINTMENT,
            record_id=record.id,
            item_id=f"item-{record.id}",
            change_key="ck",
            synced_on=later,
        )
    Appointment.update(modified_on=later + timedelta(minutes=1)).where(Appointment.id == changed.id).execute()
    entry = ConflictLog.create(
        mailbox=box,
        record_type=RecordType.APPOINTMENT,
        record_id=conflict.id,
        item_id="x",
        policy=ConflictPolicy.EXCHANGE_WINS,
        winner="exchange",
    )
    ItemLink.update(conflict_id=entry.id).where(ItemLink.record_id == conflict.id).execute()
    ItemLink.update(unlinked_on=later).where(ItemLink.record_id == gone.id).execute()

    rows = APPOINTMENTS.rows(ids(APPOINTMENTS))
    states = {row.title: row.state for row in rows.values()}
    assert states == {
        "synced": SyncState.SYNCED,
        "changed here": SyncState.PENDING,
        "conflict": SyncState.CONFLICT,
        "deleted in Exchange": SyncState.UNLINKED,
        "new here": SyncState.PENDING,
        "Bob's": SyncState.NOT_SYNCED,
    }
    assert rows[conflict.id].conflict.winner == "exchange" and rows[conflict.id].conflict.id == entry.id
    assert rows[synced.id].values["start"] == T0 + timedelta(hours=1)
    assert ids(APPOINTMENTS, sync_state=SyncState.CONFLICT) == [conflict.id]
    assert ids(APPOINTMENTS, sync_state=SyncState.UNLINKED) == [gone.id]
    assert set(ids(APPOINTMENTS, sync_state=SyncState.PENDING)) == {changed.id, new.id, stranger.id}, (
        "pending in SQL includes those without a link; the rows tell them apart"
    )
    assert ids(APPOINTMENTS, sort="state", descending=False)[0] == changed.id
    assert ids(APPOINTMENTS, owner_user_id=bob.id) == [stranger.id]
    assert ids(APPOINTMENTS, mailbox_id=box.id, sort="start", descending=False) == [
        synced.id,
        changed.id,
        conflict.id,
        gone.id,
    ]
    assert ids(APPOINTMENTS, search="Bob") == [stranger.id]
    assert ids(APPOINTMENTS, since=T0 + timedelta(hours=5), until=T0 + timedelta(hours=6)) == [new.id]


def test_contacts_sort_by_last_then_first_name_and_tasks_by_due(people):
    alice, _ = people
    ann = Contact.create(owner=alice, first_name="Ann", last_name="Lee", email="ann@fabrikam.com")
    bo = Contact.create(owner=alice, first_name="Bo", last_name="lee")
    cy = Contact.create(owner=alice, first_name="Cy", last_name="Abe", company="Litware")
    assert ids(CONTACTS, descending=False) == [cy.id, ann.id, bo.id]
    assert ids(CONTACTS) == [bo.id, ann.id, cy.id]
    assert CONTACTS.rows([ann.id])[ann.id].title == "Ann Lee"
    assert ids(CONTACTS, search="litw") == [cy.id]
    record_edits.save_record(TaskValues(alice.id, "later", due=T0 + timedelta(days=2)))
    first = record_edits.save_record(TaskValues(alice.id, "sooner", due=T0 + timedelta(days=1)))
    assert ids(TASKS, sort="due", descending=False)[0] == first


def test_failed_list_holds_email_alerts_with_the_reason(people):
    alice, _ = people
    box = mailbox_of(alice, "alice@contoso.com")
    refused = email(
        "Refused", direction=EmailDirection.OUTGOING, status=EmailStatus.FAILED, failure_reason="ErrorX: no"
    )
    raise_alert(
        AlertLevel.ERROR,
        AlertScope.EMAIL,
        "ErrorX",
        "An email could not be sent.",
        mailbox=box,
        email=refused.id,
        workload=Workload.OUTGOING,
    )
    raise_alert(
        AlertLevel.ERROR,
        AlertScope.EMAIL,
        "IncomingEmailNotProcessed",
        "An incoming email could not be processed.",
        mailbox=box,
        workload=Workload.INCOMING,
        details="Subject: Broken one\nFrom: x@y.com",
    )
    rows = FAILED.rows(ids(FAILED))
    by_code = {row.error_code: row for row in rows.values()}
    assert by_code["ErrorX"].email_status is EmailStatus.FAILED and by_code["ErrorX"].failure_reason == "ErrorX: no"
    assert by_code["IncomingEmailNotProcessed"].subject == "Broken one"
    assert len(ids(FAILED, direction=EmailDirection.INCOMING)) == 1
    assert len(ids(FAILED, search="broken")) == 1


def test_email_detail_says_how_it_is_tracked_and_what_it_is_correlated_to(people):
    alice, bob = people
    alice_box = mailbox_of(alice, "alice@contoso.com")
    bob_box = mailbox_of(bob, "bob@contoso.com")
    Contact.create(owner=alice, first_name="Carol", last_name="Ray", email="carol@fabrikam.com")
    offer = email(
        "Offer",
        direction=EmailDirection.OUTGOING,
        status=EmailStatus.SENT,
        sender="alice@contoso.com",
        to_recipients="carol@fabrikam.com",
        tracking_token="CRM:0000007",
        conversation_id="conv-1",
        owner_user=alice,
    )
    EmailMailboxLink.create(email=offer, mailbox=alice_box, folder="sentitems", tracked_by=TrackedBy.SENT)
    EmailMailboxLink.create(email=offer, mailbox=bob_box, folder="inbox", tracked_by=TrackedBy.MESSAGE_ID)
    answer = email(
        "Re: Offer CRM:0000007",
        minutes=5,
        in_reply_to=offer.message_id,
        references=offer.message_id,
        tracking_token="CRM:0000007",
        conversation_id="conv-1",
    )

    detail = email_detail(answer.id)
    assert [(r.id, r.how) for r in detail.correlated] == [(offer.id, "in_reply_to")], "each email once"
    assert [(r.kind, r.name) for r in detail.regarding] == [("contact", "Carol Ray")]
    first = email_detail(offer.id)
    assert [(c.mailbox_name, c.folder, c.tracked_by) for c in first.copies] == [
        ("alice", "sentitems", TrackedBy.SENT),
        ("bob", "inbox", TrackedBy.MESSAGE_ID),
    ]
    assert [a.id for a in first.answers] == [answer.id]
    assert first.tracking_token == "CRM:0000007" and first.owner_name == "Alice"
    assert email_detail(10_000) is None


def test_sending_mailboxes_say_whether_their_emails_carry_a_token(people):
    alice, bob = people
    mailbox_of(alice, "alice@contoso.com")
    mailbox_of(bob, "bob@contoso.com", outgoing_method=SyncMethod.NONE)
    found = sending_mailboxes()
    assert [(m.address, m.tracks_replies, m.enabled) for m in found] == [("alice@contoso.com", True, True)]


def test_records_are_saved_validated_in_one_transaction_and_deleted(people):
    alice, _ = people
    with pytest.raises(ValidationError) as caught:
        record_edits.save_record(AppointmentValues(alice.id, "", start=T0, end=T0 - timedelta(hours=1)))
    assert {issue.field for issue in caught.value.issues} == {"subject", "end"}
    assert Appointment.select().count() == 0
    new_id = record_edits.save_record(
        AppointmentValues(
            alice.id, "Offsite", start=T0 + timedelta(hours=5), end=T0 + timedelta(days=1), is_all_day=True
        )
    )
    saved = Appointment.get_by_id(new_id)
    assert (saved.start, saved.end) == (
        datetime(2025, 5, 1, tzinfo=timezone.utc),
        datetime(2025, 5, 2, tzinfo=timezone.utc),
    )
    before = saved.modified_on
    record_edits.save_record(record_edits.load_record(RecordType.APPOINTMENT, new_id), new_id)
    assert Appointment.get_by_id(new_id).modified_on > before, "an edit is a change the sync sees"
    contact_id = record_edits.save_record(ContactValues(alice.id, "Ann", email="ann@fabrikam.com"))
    with pytest.raises(ValidationError):
        record_edits.save_record(ContactValues(alice.id, "Ann", email="ann@"), contact_id)
    assert Contact.get_by_id(contact_id).email == "ann@fabrikam.com", "nothing half-saved"
    assert record_edits.delete_record(RecordType.CONTACT, contact_id)
    with pytest.raises(LookupError):
        record_edits.save_record(ContactValues(alice.id, "Ann"), contact_id)
