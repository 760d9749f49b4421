"""Meeting messages and GetUserAvailability as raw EWS against EwsService (schema-checked).

Meeting requests, responses and cancellations are Message items of their own classes
(IPM.Schedule.Meeting.*) with the MeetingMessage properties; the answers to AcceptItem & co.
follow the CreateItem (meeting request) reference: an empty Items for a sent response, the
saved response for SaveOnly. GetUserAvailability reads and writes times in the request's zone.
"""

from __future__ import annotations

import pytest
from service_util import NS, classes, codes, find_items, get_items, make_world, text

A, B = "alice@contoso.example", "bob@contoso.example"


@pytest.fixture
def world():
    return make_world()


def invite(client, *, to=B, mode="SendToAllAndSaveCopy", start="2027-07-07T10:00:00Z"):
    end = f"{start[:11]}{int(start[11:13]) + 1:02d}{start[13:]}"
    created = client.call(
        f'<m:CreateItem SendMeetingInvitations="{mode}"><m:Items><t:CalendarItem><t:Subject>Demo</t:Subject>'
        f'<t:Body BodyType="Text">Agenda</t:Body><t:Start>{start}</t:Start><t:End>{end}</t:End>'
        "<t:Location>Room 12B</t:Location><t:RequiredAttendees><t:Attendee><t:Mailbox>"
        f"<t:EmailAddress>{to}</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees>"
        "</t:CalendarItem></m:Items></m:CreateItem>"
    )
    assert classes(created) == ["Success"]
    return created.find(".//t:ItemId", NS).get("Id")


def respond(client, tag, reference, disposition=None):
    attribute = f' MessageDisposition="{disposition}"' if disposition else ""
    return client.call(
        f'<m:CreateItem{attribute}><m:Items><t:{tag}><t:ReferenceItemId Id="{reference}"/></t:{tag}>'
        "</m:Items></m:CreateItem>"
    )


def _only(client, folder="inbox"):
    ids = [e.get("Id") for e in find_items(client, folder).iterfind(".//t:ItemId", NS)]
    return get_items(client, ids) if ids else None


def test_the_meeting_request_in_the_attendees_inbox(world):
    _, _, alice, bob, _ = world
    invite(alice)
    request = _only(bob).find(".//t:MeetingRequest", NS)
    assert text(request, "t:ItemClass") == "IPM.Schedule.Meeting.Request"
    assert text(request, "t:MeetingRequestType") == "NewMeetingRequest"
    assert text(request, "t:ResponseType") == "NoResponseReceived"
    assert text(request, "t:From/t:Mailbox/t:EmailAddress") == A
    assert text(request, "t:Start") == "2027-07-07T10:00:00Z" and text(request, "t:Location") == "Room 12B"
    associated = request.find("t:AssociatedCalendarItemId", NS).get("Id")
    copy = get_items(bob, [associated]).find(".//t:CalendarItem", NS)
    assert text(copy, "t:MyResponseType") == "NoResponseReceived"
    assert text(copy, "t:AppointmentState") == "3"  # a meeting, received
    assert text(copy, "t:UID") == text(request, "t:UID")
    sent = _only(alice, "sentitems").find(".//t:MeetingRequest", NS)
    assert text(sent, "t:ResponseType") == "Organizer"


def test_responses_as_the_reference_documents_them(world):
    _, _, alice, bob, _ = world
    invite(alice)
    request_id = find_items(bob).find(".//t:ItemId", NS).get("Id")
    saved = respond(bob, "TentativelyAcceptItem", request_id, "SaveOnly")
    draft = saved.find(".//m:Items/t:MeetingResponse/t:ItemId", NS)
    assert draft is not None  # SaveOnly: the response waits in Drafts
    kept = get_items(bob, [draft.get("Id")]).find(".//t:MeetingResponse", NS)
    assert text(kept, "t:ItemClass") == "IPM.Schedule.Meeting.Resp.Tent" and text(kept, "t:IsDraft") == "true"
    assert find_items(alice).find(".//t:ItemId", NS) is None  # nothing reached the organizer
    [calendar_id] = [e.get("Id") for e in find_items(bob, "calendar").iterfind(".//t:ItemId", NS)]
    declined = respond(bob, "DeclineItem", calendar_id, "SendAndSaveCopy")
    assert classes(declined) == ["Success"] and len(declined.find(".//m:Items", NS)) == 0
    response = _only(alice).find(".//t:MeetingResponse", NS)
    assert text(response, "t:Subject") == "Declined: Demo" and text(response, "t:ResponseType") == "Decline"
    assert text(response, "t:ItemClass") == "IPM.Schedule.Meeting.Resp.Neg"
    missing = respond(bob, "AcceptItem", request_id)
    assert codes(missing) == ["ErrorMessageDispositionRequired"]


def test_the_organizer_cannot_accept_and_a_cancelled_meeting_is_removed(world):
    _, _, alice, bob, _ = world
    meeting = invite(alice)
    own = respond(alice, "AcceptItem", meeting, "SendOnly")
    assert codes(own) == ["ErrorCalendarIsOrganizerForAccept"]
    deleted = alice.call(
        '<m:DeleteItem DeleteType="MoveToDeletedItems" SendMeetingCancellations="SendOnlyToAll"><m:ItemIds>'
        f'<t:ItemId Id="{meeting}"/></m:ItemIds></m:DeleteItem>'
    )
    assert classes(deleted) == ["Success"]
    messages = _only(bob)
    cancellation = messages.find(".//t:MeetingCancellation", NS)
    assert text(cancellation, "t:ItemClass") == "IPM.Schedule.Meeting.Canceled"
    assert text(cancellation, "t:Importance") == "High"
    calendar = _only(bob, "calendar").find(".//t:CalendarItem", NS)
    assert text(calendar, "t:IsCancelled") == "true" and text(calendar, "t:AppointmentState") == "7"
    accept = respond(bob, "AcceptItem", calendar.find("t:ItemId", NS).get("Id"), "SendOnly")
    assert codes(accept) == ["ErrorCalendarIsCancelledForAccept"]
    removed = respond(bob, "RemoveItem", cancellation.find("t:ItemId", NS).get("Id"))
    assert classes(removed) == ["Success"]
    assert find_items(bob, "calendar").find(".//t:ItemId", NS) is None


def test_send_to_none_invites_nobody(world):
    _, _, alice, bob, _ = world
    meeting = invite(alice, mode="SendToNone")
    assert find_items(bob).find(".//t:ItemId", NS) is None
    item = get_items(alice, [meeting]).find(".//t:CalendarItem", NS)
    assert text(item, "t:MeetingRequestWasSent") == "false" and text(item, "t:IsMeeting") == "true"


# ---------------------------------------------------------------------------- GetUserAvailability
CET = (
    "<t:TimeZone><t:Bias>-60</t:Bias><t:StandardTime><t:Bias>0</t:Bias><t:Time>03:00:00</t:Time>"
    "<t:DayOrder>5</t:DayOrder><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>"
    "<t:DaylightTime><t:Bias>-60</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>5</t:DayOrder><t:Month>3</t:Month>"
    "<t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime></t:TimeZone>"
)


def availability(client, who, start, end, view="DetailedMerged", interval=60, zone=CET):
    boxes = "".join(
        f"<t:MailboxData><t:Email><t:Address>{w}</t:Address></t:Email><t:AttendeeType>Required</t:AttendeeType>"
        "</t:MailboxData>"
        for w in who
    )
    return client.call(
        f"<m:GetUserAvailabilityRequest>{zone}<m:MailboxDataArray>{boxes}</m:MailboxDataArray>"
        f"<t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>{start}</t:StartTime><t:EndTime>{end}</t:EndTime>"
        f"</t:TimeWindow><t:MergedFreeBusyIntervalInMinutes>{interval}</t:MergedFreeBusyIntervalInMinutes>"
        f"<t:RequestedView>{view}</t:RequestedView></t:FreeBusyViewOptions></m:GetUserAvailabilityRequest>"
    )


def test_availability_in_the_requests_zone_across_daylight_saving(world):
    _, _, alice, bob, _ = world
    invite(alice, mode="SendToNone", start="2027-03-26T08:00:00Z")  # Friday 09:00 CET
    invite(alice, mode="SendToNone", start="2027-03-29T07:00:00Z")  # Monday 09:00 CEST
    answer = availability(bob, [A], "2027-03-26T00:00:00", "2027-03-30T00:00:00")
    view = answer.find(".//m:FreeBusyView", NS)
    assert text(view, "t:FreeBusyViewType") == "FreeBusyMerged"  # another's calendar: no details
    starts = [text(e, "t:StartTime") for e in view.iterfind("t:CalendarEventArray/t:CalendarEvent", NS)]
    assert starts == ["2027-03-26T09:00:00", "2027-03-29T09:00:00"]
    merged = text(view, "t:MergedFreeBusy")
    # hourly digits over the real hours of the window: 95, the night of 03-28 has no 02:00
    assert len(merged) == 95 and merged[9] == "2" and merged[71 + 9] == "2" and merged.count("2") == 2
    own = availability(alice, [A], "2027-03-26T00:00:00", "2027-03-27T00:00:00", view="Detailed")
    details = own.find(".//t:CalendarEventDetails", NS)
    assert text(details, "t:Subject") == "Demo" and text(details, "t:IsMeeting") == "true"


@pytest.mark.parametrize(
    ("start", "end", "view", "interval", "code"),
    [
        ("2027-03-02T00:00:00", "2027-03-01T00:00:00", "Detailed", 30, "ErrorInvalidTimeInterval"),
        ("2027-01-01T00:00:00", "2027-03-01T00:00:00", "Detailed", 30, "ErrorTimeIntervalTooBig"),
        ("2027-03-01T00:00:00", "2027-03-02T00:00:00", "Detailed", 2, "ErrorInvalidMergedFreeBusyInterval"),
    ],
)
def test_availability_errors(world, start, end, view, interval, code):
    _, _, alice, _, _ = world
    answer = availability(alice, [A, B], start, end, view, interval)
    assert codes(answer) == [code, code]


def test_availability_of_an_unknown_address(world):
    _, _, alice, _, _ = world
    answer = availability(alice, ["nobody@contoso.example", A], "2027-03-01T00:00:00", "2027-03-02T00:00:00")
    assert codes(answer) == ["ErrorMailRecipientNotFound", "NoError"]
