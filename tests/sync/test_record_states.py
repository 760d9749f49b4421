"""What the Records page reads from the engine's work, against the loopback server: why each
mailbox's copy of an email is in the store, and where an appointment, contact or task stands with
Exchange (its sync code, kept by triggers; the conflict its last synchronization resolved)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.enums import ConflictPolicy, TrackedBy, TrackingOption
from app.exchange.connection import open_account, plan_connection
from app.store import repo
from app.store.base import database
from app.store.models import Appointment, ConflictLog, EmailActivity, EmailMailboxLink, ItemLink, Mailbox, UserOptions
from app.store.records_schema import SYNC_CONFLICT, SYNC_NO_LINK, SYNC_PENDING, SYNC_SYNCED, SYNC_UNLINKED
from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks
from app.sync.incoming import sync_incoming
from app.sync.outgoing import queue_email, sync_outgoing

START = datetime(2031, 7, 1, 9, 0, tzinfo=timezone.utc)


def enable(mailbox, **flags):
    Mailbox.update(**flags).where(Mailbox.id == mailbox.id).execute()
    return Mailbox.get_by_id(mailbox.id)


def code_of(record):
    return database.execute_sql('SELECT "sync_code" FROM "appointment" WHERE "id" = ?', (record.id,)).fetchone()[0]


def test_each_copy_of_an_email_says_why_it_is_in_the_store(setup, ews):
    profile = setup.profile("Copies")
    sender_account, one, two = ews.new_account("send"), ews.new_account("one"), ews.new_account("two")
    sender = enable(setup.mailbox(profile, sender_account.email), outgoing_enabled=True)
    owner = repo.create_user("Receiver", one.email)
    UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == owner.id).execute()
    first = enable(setup.mailbox(profile, one.email, owner_id=owner.id), incoming_enabled=True)
    second = enable(setup.mailbox(profile, two.email, owner_id=owner.id), incoming_enabled=True)
    email = queue_email(setup.user, [one.email, two.email], "Both", "x")
    assert sync_outgoing(sender).created == 1
    EmailActivity.delete().where(EmailActivity.id == email.id).execute()  # as if sent by someone else

    assert sync_incoming(first).created == 1
    assert sync_incoming(second).updated == 1
    stored = EmailActivity.get(EmailActivity.message_id == email.message_id)
    reasons = {
        link.mailbox_id: link.tracked_by
        for link in EmailMailboxLink.select().where(EmailMailboxLink.email == stored.id)
    }
    assert reasons == {first.id: TrackedBy.ALL, second.id: TrackedBy.MESSAGE_ID}


def test_an_appointment_s_sync_code_follows_the_synchronization_and_its_conflicts(setup, ews):
    account = ews.new_account("codes")
    mailbox = enable(setup.mailbox(setup.profile("Codes"), account.email), act_enabled=True)
    UserOptions.update(appointment_conflict_policy=ConflictPolicy.STORE_WINS).where(
        UserOptions.user == setup.user.id
    ).execute()
    record = Appointment.create(owner=setup.user, subject="Plan", start=START, end=START + timedelta(hours=1))
    assert code_of(record) == SYNC_NO_LINK
    assert sync_appointments_contacts_tasks(mailbox).failure is None
    assert code_of(record) == SYNC_SYNCED

    record = Appointment.get_by_id(record.id)
    record.location, record.modified_on = "Here", datetime.now(timezone.utc)
    record.save()
    assert code_of(record) == SYNC_PENDING, "changed here since"

    calendar = open_account(plan_connection(mailbox), ews.ews_url).calendar
    item = next(iter(calendar.all()))
    item.location = "There"
    item.save(update_fields=["location"])
    assert sync_appointments_contacts_tasks(mailbox).failure is None
    link = ItemLink.get(ItemLink.record_id == record.id)
    entry = ConflictLog.get(ConflictLog.record_id == record.id)
    assert link.conflict_id == entry.id and entry.winner == "store"
    assert code_of(record) == SYNC_CONFLICT

    item = next(iter(calendar.all()))
    item.subject = "Plan B"
    item.save(update_fields=["subject"])
    assert sync_appointments_contacts_tasks(mailbox).failure is None
    assert ItemLink.get(ItemLink.record_id == record.id).conflict_id is None, "a change of one side only"
    assert code_of(record) == SYNC_SYNCED and Appointment.get_by_id(record.id).subject == "Plan B"

    next(iter(calendar.all())).delete()
    assert sync_appointments_contacts_tasks(mailbox).failure is None
    assert code_of(record) == SYNC_UNLINKED
