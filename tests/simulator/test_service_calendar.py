"""Recurring masters, CalendarView, occurrences and exceptions, as raw EWS against EwsService.

What is asserted follows Exchange's documented behaviour and the recurring-series capture in
tests/data (php-ews CalendarTest.testRecurringEventSupport, Exchange 2019): a master reads
CalendarItemType RecurringMaster with IsRecurring false and FirstOccurrence/LastOccurrence; a
CalendarView lists occurrences (ItemClass IPM.Appointment.Occurrence, RecurrenceId, IsRecurring
true) and never the master; an occurrence shares its master's change key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from service_util import NS, Client, classes, codes, get_items, make_world, text

from app.simulator.directory import Directory
from app.simulator.service import EwsService

DATA = Path(__file__).resolve().parents[1] / "data" / "ews-captures" / "php-ews-recordings" / "garethp" / "ews"
WEEKLY = (
    "<t:Recurrence><t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Wednesday</t:DaysOfWeek>"
    "</t:WeeklyRecurrence><t:NumberedRecurrence><t:StartDate>2027-07-07</t:StartDate>"
    "<t:NumberOfOccurrences>4</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>"
)


@pytest.fixture
def world():
    return make_world()


def create_appointment(client, *, subject="Weekly Team Meeting", start="2027-07-07T10:00:00Z", recurrence=WEEKLY):
    created = client.call(
        '<m:CreateItem SendMeetingInvitations="SendToNone"><m:SavedItemFolderId>'
        '<t:DistinguishedFolderId Id="calendar"/></m:SavedItemFolderId><m:Items><t:CalendarItem>'
        f"<t:Subject>{subject}</t:Subject><t:Start>{start}</t:Start>"
        f"<t:End>{start.replace('T10', 'T11')}</t:End><t:Location>Conference Room A</t:Location>"
        f"{recurrence}</t:CalendarItem></m:Items></m:CreateItem>"
    )
    assert classes(created) == ["Success"], codes(created)
    return created.find(".//t:ItemId", NS).get("Id")


def calendar_view(client, start="2027-07-01T00:00:00Z", end="2027-08-01T00:00:00Z", shape="Default"):
    return client.call(
        f'<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>{shape}</t:BaseShape></m:ItemShape>'
        f'<m:CalendarView StartDate="{start}" EndDate="{end}"/>'
        '<m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>'
    )


def _children(el) -> list[str]:
    return [c.tag.split("}")[1] for c in el]


def test_a_recurring_master_reads_as_on_exchange(world):
    _, _, alice, _, _ = world
    master_id = create_appointment(alice)
    item = get_items(alice, [master_id]).find(".//t:CalendarItem", NS)
    assert text(item, "t:CalendarItemType") == "RecurringMaster"
    assert text(item, "t:IsRecurring") == "false"  # as the capture: only occurrences say true
    assert text(item, "t:Recurrence/t:WeeklyRecurrence/t:DaysOfWeek") == "Wednesday"
    assert text(item, "t:Recurrence/t:NumberedRecurrence/t:StartDate") == "2027-07-07Z"
    assert text(item, "t:FirstOccurrence/t:Start") == "2027-07-07T10:00:00Z"
    assert text(item, "t:LastOccurrence/t:Start") == "2027-07-28T10:00:00Z"
    first_id = item.find("t:FirstOccurrence/t:ItemId", NS)
    assert first_id.get("ChangeKey") == item.find("t:ItemId", NS).get("ChangeKey")
    capture = json.loads((DATA / "Test/Calendar/CalendarTest.testRecurringEventSupport.json").read_text())
    recorded = capture[4]["body"]
    order = [
        "UID",
        "DateTimeStamp",
        "Start",
        "End",
        "IsAllDayEvent",
        "LegacyFreeBusyStatus",
        "Location",
        "IsMeeting",
        "IsCancelled",
        "IsRecurring",
        "MeetingRequestWasSent",
        "CalendarItemType",
        "MyResponseType",
        "Organizer",
        "Duration",
        "TimeZone",
        "AppointmentSequenceNumber",
        "AppointmentState",
        "Recurrence",
        "FirstOccurrence",
        "LastOccurrence",
    ]
    ours = [name for name in _children(item) if name in order]
    assert ours == [name for name in order if f"<t:{name}>" in recorded]  # the capture's order and presence


def test_a_start_off_the_pattern_moves_the_master_to_its_first_occurrence(world):
    _, _, alice, _, _ = world
    master_id = create_appointment(alice, start="2027-07-05T10:00:00Z")  # a Monday; the pattern says Wednesday
    item = get_items(alice, [master_id]).find(".//t:CalendarItem", NS)
    assert text(item, "t:Start") == "2027-07-07T10:00:00Z"


def test_calendar_view_lists_occurrences_not_the_master(world):
    _, _, alice, _, _ = world
    create_appointment(alice)
    create_appointment(alice, subject="One-off", start="2027-07-08T10:00:00Z", recurrence="")
    found = calendar_view(alice)
    root = found.find(".//m:RootFolder", NS)
    assert root.get("TotalItemsInView") == "5"
    items = root.findall("t:Items/t:CalendarItem", NS)
    kinds = [(text(i, "t:Start")[:10], text(i, "t:CalendarItemType"), text(i, "t:ItemClass")) for i in items]
    assert kinds == [
        ("2027-07-07", "Occurrence", "IPM.Appointment.Occurrence"),
        ("2027-07-08", "Single", "IPM.Appointment"),
        ("2027-07-14", "Occurrence", "IPM.Appointment.Occurrence"),
        ("2027-07-21", "Occurrence", "IPM.Appointment.Occurrence"),
        ("2027-07-28", "Occurrence", "IPM.Appointment.Occurrence"),
    ]
    occurrence = items[0]
    assert text(occurrence, "t:IsRecurring") == "true"
    assert text(occurrence, "t:RecurrenceId") == "2027-07-07T10:00:00Z"
    assert occurrence.find("t:Recurrence", NS) is None  # FindItem does not return the pattern
    narrow = calendar_view(alice, "2027-07-14T10:30:00Z", "2027-07-14T12:00:00Z")
    overlapping = [text(i, "t:Start") for i in narrow.iterfind(".//t:CalendarItem", NS)]
    assert overlapping == ["2027-07-14T10:00:00Z"]  # an occurrence that overlaps the window counts


def test_an_occurrence_changed_becomes_an_exception_of_its_master(world):
    _, _, alice, _, _ = world
    master_id = create_appointment(alice)
    second = calendar_view(alice).findall(".//t:CalendarItem", NS)[1]
    occurrence_id = second.find("t:ItemId", NS)
    updated = alice.call(
        '<m:UpdateItem ConflictResolution="AutoResolve" SendMeetingInvitationsOrCancellations="SendToNone">'
        f'<m:ItemChanges><t:ItemChange><t:ItemId Id="{occurrence_id.get("Id")}" '
        f'ChangeKey="{occurrence_id.get("ChangeKey")}"/><t:Updates>'
        '<t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:CalendarItem><t:Subject>Moved review</t:Subject>'
        '</t:CalendarItem></t:SetItemField><t:SetItemField><t:FieldURI FieldURI="calendar:Start"/><t:CalendarItem>'
        "<t:Start>2027-07-15T09:00:00Z</t:Start></t:CalendarItem></t:SetItemField>"
        '<t:SetItemField><t:FieldURI FieldURI="calendar:End"/><t:CalendarItem><t:End>2027-07-15T10:00:00Z</t:End>'
        "</t:CalendarItem></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
    )
    assert classes(updated) == ["Success"]
    assert updated.find(".//t:ItemId", NS).get("Id") == occurrence_id.get("Id")
    view = calendar_view(alice).findall(".//t:CalendarItem", NS)
    moved = [i for i in view if text(i, "t:CalendarItemType") == "Exception"]
    assert [(text(i, "t:Subject"), text(i, "t:Start")) for i in moved] == [("Moved review", "2027-07-15T09:00:00Z")]
    assert [text(i, "t:Subject") for i in view].count("Weekly Team Meeting") == 3
    master = get_items(alice, [master_id]).find(".//t:CalendarItem", NS)
    modified = master.find("t:ModifiedOccurrences/t:Occurrence", NS)
    assert text(modified, "t:Start") == "2027-07-15T09:00:00Z"
    assert text(modified, "t:OriginalStart") == "2027-07-14T10:00:00Z"
    assert text(master, "t:Subject") == "Weekly Team Meeting"  # the master keeps its own
    exception = get_items(alice, [occurrence_id.get("Id")]).find(".//t:CalendarItem", NS)
    assert text(exception, "t:CalendarItemType") == "Exception"
    assert text(exception, "t:OriginalStart") == "2027-07-14T10:00:00Z"


def test_deleting_an_occurrence_records_it_and_the_view_leaves_it_out(world):
    directory, _, alice, _, _ = world
    master_id = create_appointment(alice)
    third = calendar_view(alice).findall(".//t:CalendarItem", NS)[2].find("t:ItemId", NS).get("Id")
    calendar = directory.mailbox("alice@contoso.example").distinguished["calendar"]
    before = len(calendar.log)
    deleted = alice.call(
        '<m:DeleteItem DeleteType="MoveToDeletedItems" SendMeetingCancellations="SendToNone"><m:ItemIds>'
        f'<t:ItemId Id="{third}"/></m:ItemIds></m:DeleteItem>'
    )
    assert classes(deleted) == ["Success"]
    assert [op for _, _, op, _ in calendar.log[before:]] == ["u"]  # a change of the master, nothing else
    starts = [text(i, "t:Start")[:10] for i in calendar_view(alice).iterfind(".//t:CalendarItem", NS)]
    assert starts == ["2027-07-07", "2027-07-14", "2027-07-28"]
    master = get_items(alice, [master_id]).find(".//t:CalendarItem", NS)
    assert [text(d, "t:Start") for d in master.iterfind("t:DeletedOccurrences/t:DeletedOccurrence", NS)] == [
        "2027-07-21T10:00:00Z"
    ]
    again = get_items(alice, [third])
    assert codes(again) == ["ErrorCalendarOccurrenceIsDeletedFromRecurrence"]


def test_occurrence_and_master_item_ids(world):
    _, _, alice, _, _ = world
    master_id = create_appointment(alice)
    by_index = alice.call(
        "<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ItemIds>"
        f'<t:OccurrenceItemId RecurringMasterId="{master_id}" InstanceIndex="2"/>'
        f'<t:OccurrenceItemId RecurringMasterId="{master_id}" InstanceIndex="9"/>'
        "</m:ItemIds></m:GetItem>"
    )
    assert codes(by_index) == ["NoError", "ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange"]
    second = by_index.find(".//t:CalendarItem", NS)
    assert text(second, "t:Start") == "2027-07-14T10:00:00Z"
    master = alice.call(
        "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds>"
        f'<t:RecurringMasterItemId OccurrenceId="{second.find("t:ItemId", NS).get("Id")}"/>'
        f'<t:RecurringMasterItemId OccurrenceId="{master_id}"/></m:ItemIds></m:GetItem>'
    )
    assert codes(master) == ["NoError", "ErrorCalendarCannotUseIdForRecurringMasterId"]
    assert master.find(".//t:ItemId", NS).get("Id") == master_id
    moved = alice.call(
        '<m:MoveItem><m:ToFolderId><t:DistinguishedFolderId Id="deleteditems"/></m:ToFolderId><m:ItemIds>'
        f'<t:ItemId Id="{second.find("t:ItemId", NS).get("Id")}"/></m:ItemIds></m:MoveItem>'
    )
    assert codes(moved) == ["ErrorCalendarCannotMoveOrCopyOccurrence"]


def test_a_new_pattern_drops_the_old_exceptions(world):
    _, _, alice, _, _ = world
    master_id = create_appointment(alice)
    third = calendar_view(alice).findall(".//t:CalendarItem", NS)[2].find("t:ItemId", NS).get("Id")
    alice.call(f'<m:DeleteItem DeleteType="HardDelete"><m:ItemIds><t:ItemId Id="{third}"/></m:ItemIds></m:DeleteItem>')
    daily = WEEKLY.replace(
        "<t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Wednesday</t:DaysOfWeek></t:WeeklyRecurrence>",
        "<t:DailyRecurrence><t:Interval>1</t:Interval></t:DailyRecurrence>",
    )
    updated = alice.call(
        f'<m:UpdateItem ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange><t:ItemId Id="{master_id}"/>'
        '<t:Updates><t:SetItemField><t:FieldURI FieldURI="calendar:Recurrence"/><t:CalendarItem>'
        f"{daily}</t:CalendarItem></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
    )
    assert classes(updated) == ["Success"]
    starts = [text(i, "t:Start")[:10] for i in calendar_view(alice).iterfind(".//t:CalendarItem", NS)]
    assert starts == ["2027-07-07", "2027-07-08", "2027-07-09", "2027-07-10"]
    assert get_items(alice, [master_id]).find(".//t:DeletedOccurrences", NS) is None


def test_an_invalid_recurrence_is_refused_per_item(world):
    _, _, alice, _, _ = world
    bad = WEEKLY.replace("Wednesday", "Caturday")
    refused = alice.call(
        '<m:CreateItem SendMeetingInvitations="SendToNone"><m:Items><t:CalendarItem><t:Subject>x</t:Subject>'
        f"<t:Start>2027-07-07T10:00:00Z</t:Start><t:End>2027-07-07T11:00:00Z</t:End>{bad}"
        "</t:CalendarItem></m:Items></m:CreateItem>"
    )
    assert codes(refused) == ["ErrorCalendarInvalidRecurrence"]


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        ("2027-07-10T00:00:00Z", "2027-07-01T00:00:00Z", "ErrorCalendarEndDateIsEarlierThanStartDate"),
        ("2027-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "ErrorCalendarViewRangeTooBig"),
    ],
)
def test_calendar_view_errors(world, start, end, code):
    _, _, alice, _, _ = world
    assert codes(calendar_view(alice, start, end)) == [code]


def test_calendar_view_of_a_mail_folder_is_refused(world):
    _, _, alice, _, _ = world
    found = alice.call(
        '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
        '<m:CalendarView StartDate="2027-07-01T00:00:00Z" EndDate="2027-08-01T00:00:00Z"/>'
        '<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>'
    )
    assert codes(found) == ["ErrorCalendarFolderIsInvalidForCalendarView"]


def test_sync_folder_items_reports_the_master_once_and_its_changes(world):
    _, _, alice, _, _ = world
    create_appointment(alice)
    synced = alice.call(
        "<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId>"
        '<t:DistinguishedFolderId Id="calendar"/></m:SyncFolderId><m:MaxChangesReturned>100</m:MaxChangesReturned>'
        "</m:SyncFolderItems>"
    )
    assert len(synced.findall(".//m:Changes/t:Create", NS)) == 1


def test_the_state_file_keeps_series_exceptions_and_deletions(world):
    directory, _, alice, _, _ = world
    create_appointment(alice)
    items = calendar_view(alice).findall(".//t:CalendarItem", NS)
    alice.call(
        '<m:DeleteItem DeleteType="HardDelete"><m:ItemIds>'
        f'<t:ItemId Id="{items[2].find("t:ItemId", NS).get("Id")}"/></m:ItemIds></m:DeleteItem>'
    )
    alice.call(
        '<m:UpdateItem ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange>'
        f'<t:ItemId Id="{items[1].find("t:ItemId", NS).get("Id")}"/><t:Updates><t:SetItemField>'
        '<t:FieldURI FieldURI="item:Subject"/><t:CalendarItem><t:Subject>Changed</t:Subject></t:CalendarItem>'
        "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
    )
    before = calendar_view(alice)
    restored = Directory.from_dict(json.loads(json.dumps(directory.to_dict(), default=str)))
    again = Client(EwsService(restored), restored.get("alice@contoso.example"))
    after = calendar_view(again)
    listed = lambda answer: [  # noqa: E731
        (i.find("t:ItemId", NS).get("Id"), text(i, "t:Subject"), text(i, "t:Start"))
        for i in answer.iterfind(".//t:CalendarItem", NS)
    ]
    assert listed(after) == listed(before)
    assert [s for _, s, _ in listed(after)] == ["Weekly Team Meeting", "Changed", "Weekly Team Meeting"]
