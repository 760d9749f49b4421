"""An appointment's category travels as Exchange (Outlook) categories, both ways, against the
loopback server; appointments linked before the store kept a category are neither pushed again
nor stripped of the categories Outlook gave them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.domain.enums import RecordType
from app.exchange.connection import open_account, plan_connection
from app.exchange.item_mapping import ITEM_MAPPINGS, categories_of, category_of
from app.store.models import Appointment, ItemLink
from app.sync.appointments_contacts_tasks import sync_appointments_contacts_tasks
from app.sync.record_mapping import RECORD_MAPPINGS, RecordMapping

START = datetime(2031, 6, 2, 9, 0, tzinfo=timezone.utc)
NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


class Mailbox:
    def __init__(self, setup, ews):
        self.ews = ews
        self.account = ews.new_account("categories", **NO_SEED)
        self.mailbox = setup.mailbox(setup.profile("Categories"), self.account.email)
        self.user = setup.user
        self.client = open_account(plan_connection(self.mailbox), ews.ews_url)  # "Outlook"

    def cycle(self):
        run = sync_appointments_contacts_tasks(self.mailbox)
        assert run.failure is None, run.failure
        return run

    def items(self):
        return list(self.client.calendar.all())

    def server_categories(self):
        folder = self.ews.server.directory.mailbox(self.account.email).distinguished["calendar"]
        return [tuple(item.categories) for item in folder.items.values()]


@pytest.fixture
def mailbox(setup, ews):
    return Mailbox(setup, ews)


def appointment(owner, subject="Visit", **extra):
    return Appointment.create(owner=owner, subject=subject, start=START, end=START + timedelta(hours=1), **extra)


def test_the_category_is_sent_and_comes_back(mailbox):
    record = appointment(mailbox.user, category="Customer; Travel")
    assert mailbox.cycle().created == 1
    assert mailbox.server_categories() == [("Customer", "Travel")]
    item = mailbox.items()[0]
    assert item.categories == ["Customer", "Travel"]

    item.categories = ["Partner"]
    item.save(update_fields=["categories"])
    assert mailbox.cycle().updated == 1
    assert Appointment.get_by_id(record.id).category == "Partner"

    item = mailbox.items()[0]
    item.categories = None  # removed in Outlook: removed in the store
    item.save(update_fields=["categories"])
    mailbox.cycle()
    assert Appointment.get_by_id(record.id).category == ""

    record = Appointment.get_by_id(record.id)
    record.category = "Customer"
    record.modified_on = datetime.now(timezone.utc)
    record.save()
    assert mailbox.cycle().updated == 1
    assert mailbox.server_categories() == [("Customer",)]


def test_an_appointment_linked_before_categories_keeps_what_outlook_gave_it(mailbox, ews):
    record = appointment(mailbox.user, subject="Old")
    mailbox.cycle()
    # Outlook gave the item a category while the store did not keep them: the link knows that
    # version of the item (its change key) and the record's fingerprint without a category.
    item = mailbox.items()[0]
    item.categories = ["Red"]
    item.save(update_fields=["categories"])
    link = ItemLink.get(ItemLink.record_id == record.id)
    link.change_key = mailbox.items()[0].changekey
    link.save()
    before = ews.stats.count("UpdateItem", mailbox.account.email)
    run = mailbox.cycle()
    assert (run.created, run.updated) == (0, 0)
    assert ews.stats.count("UpdateItem", mailbox.account.email) == before, "nothing pushed again"

    record.subject = "Old, renamed"
    record.modified_on = datetime.now(timezone.utc)
    record.save()
    assert mailbox.cycle().updated == 1
    item = mailbox.items()[0]
    assert (item.subject, item.categories) == ("Old, renamed", ["Red"]), "the category is left alone"


def test_a_fingerprint_without_a_category_is_the_one_made_before_categories():
    mapping = RECORD_MAPPINGS[RecordType.APPOINTMENT]
    fields = tuple(f for f in mapping.store_fields if f not in ("category", "recurrence"))  # both came later
    before = RecordMapping(RecordType.APPOINTMENT, Appointment, mapping.folder, fields)
    values = dict(subject="x", location="", start=START, end=START, is_all_day=False, body="")
    assert mapping.fingerprint_values({**values, "category": ""}) == before.fingerprint_values(values)
    assert mapping.fingerprint_values({**values, "category": "Customer"}) != before.fingerprint_values(values)
    update = ITEM_MAPPINGS[RecordType.APPOINTMENT].update_fields
    assert "categories" not in update({**values, "category": ""})
    assert "categories" in update({**values, "category": "Customer"})


def test_categories_and_the_category_text():
    assert categories_of(" Customer ;Travel;; ") == ["Customer", "Travel"]
    assert categories_of("") == []
    assert category_of(["Customer", " Travel "]) == "Customer; Travel"
    assert category_of(None) == ""
    assert len(category_of(["x" * 200, "y" * 200])) == 255
