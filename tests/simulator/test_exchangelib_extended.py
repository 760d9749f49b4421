"""exchangelib's extended properties and calendar time zones against the loopback server (over
HTTPS, every response schema-checked by the session guard)."""

from __future__ import annotations

import datetime

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import CalendarItem, Contact, EWSDate, EWSTimeZone, ExtendedProperty
from test_exchangelib_operations import NO_SEED, connect


class Marker(ExtendedProperty):
    property_set_id = "0b6a5b62-0c8e-4c1f-9d35-6f3e1f0b8a11"
    property_name = "SimulatorTestMarker"
    property_type = "String"


@pytest.fixture
def marked():
    for cls in (CalendarItem, Contact):
        cls.register("test_marker", Marker)
    yield
    for cls in (CalendarItem, Contact):
        cls.deregister("test_marker")


@pytest.fixture(autouse=True)
def trusted(ews):
    with exchangelib_trusts(ews.ca_path):
        yield


def test_created_found_read_and_updated_through_exchangelib(ews, marked):
    account = ews.new_account("ext", **NO_SEED)
    lib = connect(ews, account)
    for given, surname, marker in (("Ann", "Lee", "rec-1"), ("Bo", "Kim", "rec-2"), ("Cy", "Unmarked", None)):
        Contact(
            account=lib,
            folder=lib.contacts,
            given_name=given,
            surname=surname,
            display_name=surname,
            test_marker=marker,
        ).save()

    found = list(lib.contacts.filter(test_marker__in=["rec-2", "rec-3"]).only("id", "surname", "test_marker"))
    assert [(c.surname, c.test_marker) for c in found] == [("Kim", "rec-2")]
    everything = {c.surname: c.test_marker for c in lib.contacts.all().only("surname", "test_marker")}
    assert everything == {"Lee": "rec-1", "Kim": "rec-2", "Unmarked": None}

    [ann] = lib.contacts.filter(surname="Lee")
    ann.test_marker = "rec-9"
    ann.save(update_fields=["test_marker"])
    assert lib.contacts.get(test_marker="rec-9").surname == "Lee"
    ann.test_marker = None
    ann.save(update_fields=["test_marker"])  # a DeleteItemField
    assert list(lib.contacts.filter(test_marker__exists=True).values_list("surname", flat=True)) == ["Kim"]


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/New_York"])
def test_an_all_day_event_keeps_its_dates_in_its_own_zone(ews, zone):
    account = ews.new_account("allday", **NO_SEED)
    lib = connect(ews, account)
    tz = EWSTimeZone(zone)
    item = CalendarItem(
        account=lib,
        folder=lib.calendar,
        subject="Offsite",
        is_all_day=True,
        start=EWSDate(2027, 1, 6),
        end=EWSDate(2027, 1, 7),
    )
    item._start_timezone = item._end_timezone = tz
    item.save()
    stored = ews.server.directory.mailbox(account.email).items[item.id]
    start = datetime.datetime(2027, 1, 6, tzinfo=tz)
    assert (stored.get("start"), stored.get("end")) == (start, start + datetime.timedelta(days=2))
    [read] = lib.fetch(
        ids=[(item.id, None)], only_fields=["start", "end", "is_all_day", "_start_timezone", "_end_timezone"]
    )
    assert read.is_all_day and (read.start, read.end) == (EWSDate(2027, 1, 6), EWSDate(2027, 1, 7))
    assert read._start_timezone == tz
