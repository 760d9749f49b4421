"""Recurring appointments round-trip both ways with their pattern and their zone, and a meeting
request in the Inbox is read as the email it is (against the loopback server)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from exchangelib import Attendee, CalendarItem, EWSDateTime, EWSTimeZone, Mailbox
from exchangelib.recurrence import Recurrence, RelativeMonthlyPattern, WeeklyPattern
from test_appointments_contacts_tasks import NO_SEED, Env
from test_incoming import enabled, stored_subjects, track

from app.domain.enums import RecordType, TrackingOption
from app.exchange.connection import open_account, plan_connection
from app.exchange.recurrence_mapping import parse_recurrence, recurrence_text, to_recurrence
from app.store.models import Appointment, EmailActivity
from app.sync.incoming import sync_incoming

BERLIN = EWSTimeZone("Europe/Berlin")


def _view(env, start, days=60):
    return list(env.client.calendar.view(start=start, end=start + timedelta(days=days)))


def test_a_series_made_in_outlook_comes_in_with_its_pattern_and_goes_back_unchanged(setup, ews):
    env = Env(setup, ews, **NO_SEED)
    start = EWSDateTime(2027, 3, 15, 9, 0, tzinfo=BERLIN)  # summer time starts on 2027-03-28
    series = CalendarItem(
        account=env.client,
        folder=env.client.calendar,
        subject="Team sync",
        start=start,
        end=start + timedelta(minutes=30),
        recurrence=Recurrence(pattern=WeeklyPattern(interval=1, weekdays=[1]), start=start.date(), number=6),
    )
    series.save()
    assert env.cycle().created == 1
    record = Appointment.get(Appointment.subject == "Team sync")
    assert json.loads(record.recurrence) == {
        "pattern": "Weekly",
        "interval": 1,
        "days": ["Monday"],
        "first_day": "Monday",
        "range": "Numbered",
        "start": "2027-03-15",
        "count": 6,
        "zone": "W. Europe Standard Time",
    }
    assert record.start == datetime(2027, 3, 15, 8, 0, tzinfo=timezone.utc)  # the first occurrence

    record.subject = "Team sync (new room)"
    record.modified_on = datetime.now(timezone.utc)
    record.save()
    assert env.cycle().updated == 1  # the store's change goes back with the pattern
    [item] = env.items(RecordType.APPOINTMENT)
    assert item.subject == "Team sync (new room)" and isinstance(item.recurrence.pattern, WeeklyPattern)
    hours = [o.start.astimezone(BERLIN).hour for o in _view(env, start)]
    assert hours == [9] * 6, "still 09:00 in Berlin, after the clocks changed too"
    again = env.cycle()
    assert (again.created, again.updated) == (0, 0), "nothing travels back and forth"


def test_a_series_made_in_the_store_reaches_exchange_as_a_series(setup, ews):
    env = Env(setup, ews, **NO_SEED)
    first = datetime(2027, 4, 13, 7, 0, tzinfo=timezone.utc)  # the second Tuesday, 16:00 in Tokyo
    pattern = json.dumps(
        {
            "pattern": "RelativeMonthly",
            "interval": 1,
            "day": "Tuesday",
            "week": "Second",
            "range": "EndDate",
            "start": "2027-04-13",
            "end": "2027-07-31",
            "zone": "Tokyo Standard Time",
        },
        sort_keys=True,
    )
    record = Appointment.create(
        owner=setup.user, subject="Monthly review", start=first, end=first + timedelta(hours=1), recurrence=pattern
    )
    assert env.cycle().created == 1
    [item] = env.items(RecordType.APPOINTMENT)
    assert item.type == "RecurringMaster" and isinstance(item.recurrence.pattern, RelativeMonthlyPattern)
    days = [o.start.astimezone(EWSTimeZone("Asia/Tokyo")) for o in _view(env, EWSDateTime.from_datetime(first), 120)]
    assert [(d.date().isoformat(), d.hour) for d in days] == [
        ("2027-04-13", 16),
        ("2027-05-11", 16),
        ("2027-06-08", 16),
        ("2027-07-13", 16),
    ]
    assert env.cycle().updated == 0  # read back, the pattern is the one the store has
    assert Appointment.get_by_id(record.id).recurrence == pattern

    item.recurrence = Recurrence(pattern=WeeklyPattern(interval=2, weekdays=[2]), start=item.start.date(), number=3)
    item.save(update_fields=["recurrence"])
    assert env.cycle().updated == 1  # a new pattern in Outlook comes into the store
    assert parse_recurrence(Appointment.get_by_id(record.id).recurrence)["pattern"] == "Weekly"


def test_the_store_text_and_exchangelib_patterns_convert_both_ways():
    for text in (
        '{"count": 3, "interval": 2, "pattern": "Daily", "range": "Numbered", "start": "2027-01-01"}',
        '{"day_of_month": 31, "month": "May", "pattern": "AbsoluteYearly", "range": "NoEnd", "start": "2027-05-31"}',
        '{"day": "WeekendDay", "end": "2028-01-01", "month": "June", "pattern": "RelativeYearly", "range": "EndDate",'
        ' "start": "2027-06-05", "week": "First"}',
    ):
        assert recurrence_text(to_recurrence(parse_recurrence(text)), None) == text
    assert parse_recurrence("") is None and parse_recurrence("not json") is None


def test_a_meeting_request_arrives_as_a_readable_email(setup, ews):
    organizer = ews.new_account("organizer", **NO_SEED)
    account = ews.new_account("invited", **NO_SEED)
    mailbox = enabled(setup.mailbox(setup.profile("Meetings"), account.email))
    track(setup.user, TrackingOption.ALL)
    client = open_account(plan_connection(setup.mailbox(setup.profile("Organizer"), organizer.email)), ews.ews_url)
    start = EWSDateTime(2027, 9, 6, 9, 0, tzinfo=BERLIN)
    CalendarItem(
        account=client,
        folder=client.calendar,
        subject="Contract review",
        body="Let us go through the draft.",
        start=start,
        end=start + timedelta(hours=1),
        required_attendees=[Attendee(mailbox=Mailbox(email_address=account.email))],
    ).save(send_meeting_invitations="SendToAllAndSaveCopy")
    run = sync_incoming(mailbox)
    assert run.failure is None, run.failure
    assert stored_subjects(mailbox) == {"Contract review"}
    email = EmailActivity.get(EmailActivity.subject == "Contract review")
    assert email.sender == organizer.email and "draft" in email.body
