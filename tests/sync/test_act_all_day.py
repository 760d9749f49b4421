"""An all-day appointment keeps its length: store → Exchange → store, and on to a second mailbox.

The store keeps an all-day appointment as whole days (2027-01-06 all day: 01-06 00:00 to 01-07
00:00 UTC, the end exclusive). exchangelib reads an all-day event's end as its last day
(inclusive) in the event's zone; read back as it came, the length was lost (Start = End), and
the next round made End < Start, which exchangelib then refused for the whole cycle.
The machine's own zone must not matter either: the tests run under several.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from exchangelib import CalendarItem, EWSDate, EWSTimeZone
from test_appointments_contacts_tasks import NO_SEED, Env

from app.domain.enums import RecordType
from app.store.models import Appointment, ItemLink

DAY = timedelta(days=1)
JAN_6 = datetime(2027, 1, 6, tzinfo=timezone.utc)


@pytest.fixture(params=["UTC", "America/New_York", "Asia/Tokyo"])
def machine_zone(request, monkeypatch):
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset to change the process's zone")
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


class SecondMailbox(Env):
    """Another mailbox of the same owner, on the first one's profile: the owner's records go to both."""

    def __init__(self, setup, ews, first: Env):
        self.ews, self.user, self._client = ews, setup.user, None
        self.account = ews.new_account("act2", **NO_SEED)
        self.mailbox = setup.mailbox(first.mailbox.profile, self.account.email)


def calendar(ews, email):
    return list(ews.server.directory.mailbox(email).distinguished["calendar"].items.values())


def span(item):
    return item.get("start"), item.get("end"), item.get("is_all_day")


def test_an_all_day_appointment_round_trips_and_reaches_a_second_mailbox_with_its_length(setup, ews, machine_zone):
    first = Env(setup, ews, **NO_SEED)
    second = SecondMailbox(setup, ews, first)
    record = Appointment.create(owner=setup.user, subject="Offsite", start=JAN_6, end=JAN_6 + DAY, is_all_day=True)

    first.cycle()
    [pushed] = calendar(ews, first.account.email)
    assert span(pushed) == (JAN_6, JAN_6 + DAY, True), "store → Exchange"

    # changed in Outlook (the subject only): read back into the store with its length
    [item] = first.items(RecordType.APPOINTMENT)
    item.subject = "Offsite (moved room)"
    item.save(update_fields=["subject"])
    first.cycle()
    stored = Appointment.get_by_id(record.id)
    assert (stored.subject, stored.start, stored.end, stored.is_all_day) == (
        "Offsite (moved room)",
        JAN_6,
        JAN_6 + DAY,
        True,
    ), "Exchange → store"

    second.cycle()
    [copy] = calendar(ews, second.account.email)
    assert span(copy) == (JAN_6, JAN_6 + DAY, True), "pushed to the second mailbox with its length"
    assert copy.subject == "Offsite (moved room)"
    for env in (first, second):
        again = env.cycle()
        assert (again.created, again.updated) == (0, 0), "settled"
    assert Appointment.select().count() == 1 and ItemLink.select().count() == 2


@pytest.mark.parametrize("event_zone", ["UTC", "Asia/Tokyo", "America/Los_Angeles"])
def test_an_all_day_event_made_in_outlook_comes_in_and_goes_to_a_second_mailbox_whole(
    setup, ews, machine_zone, event_zone
):
    """The tester's case: 2027-01-06 → 2027-01-07 all day, made in Outlook in the user's zone,
    became Start = End = 2027-01-06 in the second mailbox."""
    first = Env(setup, ews, **NO_SEED)
    second = SecondMailbox(setup, ews, first)
    event = CalendarItem(
        account=first.client,
        folder=first.client.calendar,
        subject="Holiday",
        is_all_day=True,
        start=EWSDate(2027, 1, 6),
        end=EWSDate(2027, 1, 6),
    )  # exchangelib: the last day
    event._start_timezone = event._end_timezone = EWSTimeZone(event_zone)
    event.save()

    assert first.cycle().created == 1
    record = Appointment.get()
    assert (record.start, record.end, record.is_all_day) == (JAN_6, JAN_6 + DAY, True), "one whole day"

    second.cycle()
    [copy] = calendar(ews, second.account.email)
    assert span(copy) == (JAN_6, JAN_6 + DAY, True)
    [read] = second.items(RecordType.APPOINTMENT)
    assert (read.start, read.end) == (EWSDate(2027, 1, 6), EWSDate(2027, 1, 6)), "Outlook shows one day"
    for env in (first, second):
        again = env.cycle()
        assert (again.created, again.updated, again.failure) == (0, 0, None)
