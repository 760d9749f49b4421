"""exchangelib over HTTPS: recurring series, CalendarView, occurrences, meetings between two
mailboxes (request, accept / tentative / decline, update, cancellation) and free/busy.

Every response is schema-checked by the session guard (tests/ews_fixtures.py).
"""

from __future__ import annotations

import datetime

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import (
    DELEGATE,
    Account,
    Attendee,
    CalendarItem,
    Configuration,
    Credentials,
    EWSDateTime,
    EWSTimeZone,
    Mailbox,
)
from exchangelib.items import (
    SEND_ONLY_TO_ALL,
    SEND_TO_ALL_AND_SAVE_COPY,
    MeetingCancellation,
    MeetingRequest,
    MeetingResponse,
)
from exchangelib.properties import FreeBusyViewOptions, MailboxData, TimeWindow, TimeZone
from exchangelib.recurrence import (
    AbsoluteMonthlyPattern,
    DailyPattern,
    Recurrence,
    RelativeYearlyPattern,
    WeeklyPattern,
)
from exchangelib.services import GetUserAvailability
from exchangelib.version import EXCHANGE_2013_SP1, Version

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)
BERLIN = EWSTimeZone("Europe/Berlin")


@pytest.fixture(autouse=True)
def trusted(ews):
    with exchangelib_trusts(ews.ca_path):
        yield


def connect(ews, account):
    config = Configuration(
        service_endpoint=ews.ews_url,
        credentials=Credentials(account.email, account.password),
        version=Version(build=EXCHANGE_2013_SP1),
    )
    return Account(account.email, config=config, autodiscover=False, access_type=DELEGATE)


def _series(lib, subject, start, pattern, number, attendees=(), send=None):
    item = CalendarItem(
        account=lib,
        folder=lib.calendar,
        subject=subject,
        start=start,
        end=start + datetime.timedelta(hours=1),
        location="Room 301",
        recurrence=Recurrence(pattern=pattern, start=start.date(), number=number),
        required_attendees=[Attendee(mailbox=Mailbox(email_address=a.email)) for a in attendees] or None,
    )
    item.save(send_meeting_invitations=send or "SendToNone")
    return item


def test_a_weekly_series_keeps_its_local_time_across_daylight_saving(ews):
    alice = connect(ews, ews.new_account("cal", **NO_SEED))
    start = EWSDateTime(2027, 3, 22, 9, 0, tzinfo=BERLIN)  # summer time begins on 2027-03-28
    master = _series(alice, "Stand-up", start, WeeklyPattern(interval=1, weekdays=[1, 3]), 4)
    master.refresh()
    assert master.type == "RecurringMaster"
    assert isinstance(master.recurrence.pattern, WeeklyPattern) and master.recurrence.boundary.number == 4
    view = list(alice.calendar.view(start=start - datetime.timedelta(days=1), end=start + datetime.timedelta(days=30)))
    local = [o.start.astimezone(BERLIN) for o in view]
    assert [(t.date().isoformat(), t.hour) for t in local] == [
        ("2027-03-22", 9),
        ("2027-03-24", 9),
        ("2027-03-29", 9),
        ("2027-03-31", 9),
    ]
    assert {o.type for o in view} == {"Occurrence"}
    assert master.last_occurrence.start == view[-1].start


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (DailyPattern(interval=2), ["2027-05-03", "2027-05-05", "2027-05-07"]),
        (AbsoluteMonthlyPattern(interval=1, day_of_month=31), ["2027-05-31", "2027-06-30", "2027-07-31"]),
        (
            RelativeYearlyPattern(weekday=1, week_number=5, month=5),
            ["2027-05-31", "2028-05-29"],
        ),  # the third is past the two years a view may span
    ],
    ids=["daily", "absolute-monthly", "relative-yearly"],
)
def test_other_patterns_round_trip_and_expand(ews, pattern, expected):
    alice = connect(ews, ews.new_account("pat", **NO_SEED))
    start = EWSDateTime(2027, 5, 3, 14, 0, tzinfo=BERLIN)
    master = _series(alice, "Pattern", start, pattern, 3)
    master.refresh()
    assert type(master.recurrence.pattern) is type(pattern)
    assert str(master.recurrence.pattern) == str(pattern)
    view = alice.calendar.view(start=start - datetime.timedelta(days=1), end=start + datetime.timedelta(days=730))
    assert [o.start.astimezone(BERLIN).date().isoformat() for o in view] == expected


def test_changed_and_deleted_occurrences(ews):
    alice = connect(ews, ews.new_account("exc", **NO_SEED))
    start = EWSDateTime(2027, 6, 7, 10, 0, tzinfo=BERLIN)
    master = _series(alice, "Review", start, WeeklyPattern(interval=1, weekdays=[1]), 5)
    third = master.occurrence(3)
    third.refresh()
    third.subject = "Review (moved)"
    third.start += datetime.timedelta(hours=3)
    third.end += datetime.timedelta(hours=3)
    third.save(update_fields=["subject", "start", "end"])
    master.occurrence(4).delete()
    master.refresh()
    assert [o.original_start for o in master.modified_occurrences] == [third.original_start]
    assert [d.start.astimezone(BERLIN).date().isoformat() for d in master.deleted_occurrences] == ["2027-06-28"]
    view = list(alice.calendar.view(start=start, end=start + datetime.timedelta(days=40)))
    assert [(o.subject, o.type, o.start.astimezone(BERLIN).hour) for o in view] == [
        ("Review", "Occurrence", 10),
        ("Review", "Occurrence", 10),
        ("Review (moved)", "Exception", 13),
        ("Review", "Occurrence", 10),
    ]
    again = view[2].recurring_master()
    again.refresh()
    assert again.id == master.id and again.subject == "Review"


def _inbox(lib, cls):
    return [m for m in lib.inbox.all() if isinstance(m, cls)]


def test_a_meeting_request_reaches_the_attendee_who_accepts_it(ews):
    organizer = ews.new_account("org", **NO_SEED)
    attendee = ews.new_account("att", **NO_SEED)
    alice, bob = connect(ews, organizer), connect(ews, attendee)
    start = EWSDateTime(2027, 9, 6, 9, 0, tzinfo=BERLIN)
    meeting = _series(
        alice, "Planning", start, WeeklyPattern(interval=1, weekdays=[1]), 3, [attendee], SEND_TO_ALL_AND_SAVE_COPY
    )
    meeting.refresh()
    assert meeting.meeting_request_was_sent and meeting.my_response_type == "Organizer"
    [request] = _inbox(bob, MeetingRequest)
    assert request.subject == "Planning" and request.author.email_address == organizer.email
    assert request.meeting_request_type == "NewMeetingRequest"
    assert isinstance(request.recurrence.pattern, WeeklyPattern)
    [tentative] = list(bob.calendar.all())
    assert (tentative.my_response_type, tentative.legacy_free_busy_status) == ("NoResponseReceived", "Tentative")
    assert request.associated_calendar_item_id.id == tentative.id
    assert [m.subject for m in alice.sent.all()] == ["Planning"]
    request.accept(body="See you there")
    [accepted] = list(bob.calendar.all())
    assert (accepted.my_response_type, accepted.legacy_free_busy_status) == ("Accept", "Busy")
    assert accepted.id != tentative.id  # EWS recreates the attendee's calendar item
    assert _inbox(bob, MeetingRequest) == []
    [response] = _inbox(alice, MeetingResponse)
    assert response.subject == "Accepted: Planning" and response.item_class == "IPM.Schedule.Meeting.Resp.Pos"
    meeting.refresh()
    assert [(a.mailbox.email_address, a.response_type) for a in meeting.required_attendees] == [
        (attendee.email, "Accept")
    ]
    bob_view = bob.calendar.view(start=start, end=start + datetime.timedelta(days=20))
    assert [o.start for o in bob_view] == [
        o.start for o in alice.calendar.view(start=start, end=start + datetime.timedelta(days=20))
    ]


def test_tentative_and_decline(ews):
    organizer = ews.new_account("org", **NO_SEED)
    first, second = ews.new_account("att", **NO_SEED), ews.new_account("att", **NO_SEED)
    alice = connect(ews, organizer)
    start = EWSDateTime(2027, 9, 8, 15, 0, tzinfo=BERLIN)
    meeting = CalendarItem(
        account=alice,
        folder=alice.calendar,
        subject="Budget",
        start=start,
        end=start + datetime.timedelta(hours=1),
        required_attendees=[Attendee(mailbox=Mailbox(email_address=a.email)) for a in (first, second)],
    )
    meeting.save(send_meeting_invitations=SEND_ONLY_TO_ALL)
    assert list(alice.sent.all()) == []  # SendOnlyToAll keeps no copy
    maybe, no = connect(ews, first), connect(ews, second)
    _inbox(maybe, MeetingRequest)[0].tentatively_accept()
    [calendar_item] = list(no.calendar.all())
    calendar_item.decline()  # answering on the calendar item works too
    assert list(no.calendar.all()) == []
    assert (list(maybe.calendar.all())[0].my_response_type) == "Tentative"
    subjects = sorted(m.subject for m in _inbox(alice, MeetingResponse))
    assert subjects == ["Declined: Budget", "Tentative: Budget"]
    meeting.refresh()
    assert {a.mailbox.email_address: a.response_type for a in meeting.required_attendees} == {
        first.email: "Tentative",
        second.email: "Decline",
    }
    with pytest.raises(Exception, match="ErrorCalendarIsOrganizerForAccept|organizer"):
        meeting.accept()


def test_an_update_and_a_cancellation_reach_the_attendee(ews):
    organizer, attendee = ews.new_account("org", **NO_SEED), ews.new_account("att", **NO_SEED)
    alice, bob = connect(ews, organizer), connect(ews, attendee)
    start = EWSDateTime(2027, 10, 4, 11, 0, tzinfo=BERLIN)
    meeting = CalendarItem(
        account=alice,
        folder=alice.calendar,
        subject="Kick-off",
        start=start,
        end=start + datetime.timedelta(hours=1),
        location="Room 12B",
        required_attendees=[Attendee(mailbox=Mailbox(email_address=attendee.email))],
    )
    meeting.save(send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY)
    _inbox(bob, MeetingRequest)[0].accept()
    meeting.refresh()
    meeting.start += datetime.timedelta(hours=2)
    meeting.end += datetime.timedelta(hours=2)
    meeting.save(update_fields=["start", "end"], send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY)
    [update] = _inbox(bob, MeetingRequest)
    assert update.meeting_request_type == "FullUpdate"
    [moved] = list(bob.calendar.all())
    assert moved.start == meeting.start and moved.my_response_type == "NoResponseReceived"
    meeting.refresh()
    assert meeting.appointment_sequence_number == 1
    meeting.cancel()
    [cancellation] = _inbox(bob, MeetingCancellation)
    assert cancellation.subject == "Canceled: Kick-off"
    [cancelled] = list(bob.calendar.all())
    assert cancelled.is_cancelled and cancelled.subject == "Canceled: Kick-off"
    assert list(alice.calendar.all()) == []


def _berlin_zone():
    from exchangelib.properties import DaylightTime, StandardTime

    return TimeZone(
        bias=-60,
        standard_time=StandardTime(bias=0, time=datetime.time(3, 0), occurrence=5, iso_month=10, weekday=7),
        daylight_time=DaylightTime(bias=-60, time=datetime.time(2, 0), occurrence=5, iso_month=3, weekday=7),
    )


def test_free_busy_of_the_seeded_mailboxes(ews):
    owner, other = ews.new_account("fb", **NO_SEED), ews.new_account("fb", **NO_SEED)
    alice, bob = connect(ews, owner), connect(ews, other)
    day = EWSDateTime(2027, 7, 5, 0, 0, tzinfo=BERLIN)  # summer time: Berlin is UTC+2
    _series(bob, "Daily call", day.replace(hour=9), DailyPattern(interval=1), 5)
    views = list(
        GetUserAvailability(alice.protocol).call(
            tzinfo=BERLIN,
            mailbox_data=[
                MailboxData(email=other.email, attendee_type="Required", exclude_conflicts=False),
                MailboxData(email=owner.email, attendee_type="Organizer", exclude_conflicts=False),
                MailboxData(email="nobody@contoso.com", attendee_type="Required", exclude_conflicts=False),
            ],
            timezone=_berlin_zone(),
            free_busy_view_options=FreeBusyViewOptions(
                time_window=TimeWindow(start=day, end=day + datetime.timedelta(days=2)),
                merged_free_busy_interval=60,
                requested_view="DetailedMerged",
            ),
        )
    )
    bobs, alices, nobody = views
    assert bobs.view_type == "FreeBusyMerged"  # another's calendar: free/busy time only
    assert [(e.start.hour, e.end.hour, e.busy_type) for e in bobs.calendar_events] == [(9, 10, "Busy"), (9, 10, "Busy")]
    assert bobs.calendar_events[0].details is None
    assert bobs.merged == ("000000000200000000000000" * 2)
    assert alices.view_type == "DetailedMerged" and alices.calendar_events == []
    assert "ErrorMailRecipientNotFound" in type(nobody).__name__ + str(nobody)


def test_free_busy_through_exchangelibs_own_call(ews):
    """protocol.get_free_busy_info: GetServerTimeZones for the zone, then GetUserAvailability."""
    owner, other = ews.new_account("fbi", **NO_SEED), ews.new_account("fbi", **NO_SEED)
    alice, bob = connect(ews, owner), connect(ews, other)
    tokyo = EWSTimeZone("Asia/Tokyo")
    start = EWSDateTime(2027, 11, 1, 0, 0, tzinfo=tokyo)
    meeting = CalendarItem(
        account=bob,
        folder=bob.calendar,
        subject="Private talk",
        start=start.replace(hour=14),
        end=start.replace(hour=15, minute=30),
        legacy_free_busy_status="OOF",
    )
    meeting.save()
    [view] = alice.protocol.get_free_busy_info(
        accounts=[(other.email, "Required", False)], start=start, end=start + datetime.timedelta(days=1)
    )
    assert [(e.start.hour, e.end.hour, e.end.minute, e.busy_type) for e in view.calendar_events] == [
        (14, 15, 30, "OOF")
    ]
    assert view.merged[28:31] == "333"  # 14:00 to 15:30 in half hours, away
