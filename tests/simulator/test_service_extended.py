"""Extended properties: set on CreateItem and UpdateItem, returned only when asked for through
AdditionalProperties, found by a FindItem Restriction; a calendar item's start and end zones.
Every response is schema-checked (service_util.Client)."""

from __future__ import annotations

import pytest
from service_util import NS, codes, find_items, get_items, item_ids, make_world, text

SET = "3f0c4d55-3b3e-4b7a-9c55-52e8a1d2a7c1"
PATH = f'<t:ExtendedFieldURI PropertySetId="{SET}" PropertyName="SssmRecordId" PropertyType="String"/>'
OTHER = f'<t:ExtendedFieldURI PropertySetId="{SET}" PropertyName="Other" PropertyType="Integer"/>'
ASK = f"<t:AdditionalProperties>{PATH}</t:AdditionalProperties>"


@pytest.fixture
def world():
    return make_world()


def _create(client, kind, folder, inner, marker=None):
    prop = f"<t:ExtendedProperty>{PATH}<t:Value>{marker}</t:Value></t:ExtendedProperty>" if marker is not None else ""
    result = client.call(
        f'<m:CreateItem><m:SavedItemFolderId><t:DistinguishedFolderId Id="{folder}"/>'
        f"</m:SavedItemFolderId><m:Items><t:{kind}>{inner}{prop}</t:{kind}></m:Items>"
        "</m:CreateItem>"
    )
    assert codes(result) == ["NoError"], codes(result)
    return item_ids(result)[0]


def _appointment(client, subject, marker=None):
    return _create(
        client,
        "CalendarItem",
        "calendar",
        f"<t:Subject>{subject}</t:Subject><t:Start>2027-01-06T09:00:00Z</t:Start><t:End>2027-01-06T10:00:00Z</t:End>",
        marker,
    )


def _markers(element):
    found = {}
    for item in [*element.iterfind(".//t:Items/*", NS), *element.iterfind(".//m:Items/*", NS)]:
        prop = item.find("t:ExtendedProperty", NS)
        found[item.find("t:ItemId", NS).get("Id")] = None if prop is None else prop.findtext("t:Value", None, NS)
    return found


def test_created_with_an_extended_property_and_returned_only_when_asked(world):
    _, _, alice, _, _ = world
    item_id, _ = _appointment(alice, "Marked", marker="rec-1")
    plain, _ = _appointment(alice, "Plain")

    everything = get_items(alice, [item_id], shape="AllProperties")
    assert everything.find(".//t:ExtendedProperty", NS) is None, "a base shape never brings it"

    asked = get_items(alice, [item_id, plain], shape="IdOnly", extra=ASK)
    assert _markers(asked) == {item_id: "rec-1", plain: None}
    prop = asked.find(".//t:ExtendedProperty/t:ExtendedFieldURI", NS)
    assert (prop.get("PropertySetId"), prop.get("PropertyName"), prop.get("PropertyType")) == (
        SET,
        "SssmRecordId",
        "String",
    ), "the requested path is echoed"

    with_subject = get_items(alice, [item_id], shape="Default", extra=ASK)
    names = [c.tag.split("}")[1] for c in with_subject.find(".//t:CalendarItem", NS)]
    assert names.index("HasAttachments") < names.index("ExtendedProperty") < names.index("Culture"), names


@pytest.mark.parametrize(
    "kind,folder,inner",
    [
        ("Contact", "contacts", "<t:GivenName>Ann</t:GivenName><t:Surname>Lee</t:Surname>"),
        ("Task", "tasks", "<t:Subject>Call back</t:Subject>"),
    ],
)
def test_contacts_and_tasks_carry_it_too(world, kind, folder, inner):
    _, _, alice, _, _ = world
    item_id, _ = _create(alice, kind, folder, inner, marker="rec-9")
    found = find_items(alice, folder=folder, extra=ASK)
    assert _markers(found) == {item_id: "rec-9"}


def test_find_item_restriction_on_an_extended_property(world):
    _, _, alice, _, _ = world
    first, _ = _appointment(alice, "First", marker="rec-1")
    second, _ = _appointment(alice, "Second", marker="rec-2")
    _appointment(alice, "Unmarked")

    def find(restriction):
        return find_items(
            alice, folder="calendar", extra=ASK, restriction=f"<m:Restriction>{restriction}</m:Restriction>"
        )

    equal = find(
        f'<t:IsEqualTo>{PATH}<t:FieldURIOrConstant><t:Constant Value="rec-2"/></t:FieldURIOrConstant></t:IsEqualTo>'
    )
    assert _markers(equal) == {second: "rec-2"}
    either = find(
        f'<t:Or><t:IsEqualTo>{PATH}<t:FieldURIOrConstant><t:Constant Value="rec-1"/>'
        f"</t:FieldURIOrConstant></t:IsEqualTo><t:IsEqualTo>{PATH}<t:FieldURIOrConstant>"
        '<t:Constant Value="rec-2"/></t:FieldURIOrConstant></t:IsEqualTo></t:Or>'
    )
    assert _markers(either) == {first: "rec-1", second: "rec-2"}
    assert _markers(find(f"<t:Exists>{PATH}</t:Exists>")) == {first: "rec-1", second: "rec-2"}
    assert _markers(find(f"<t:Not><t:Exists>{PATH}</t:Exists></t:Not>")).keys() - {first, second}
    none = find(
        f'<t:IsEqualTo>{PATH}<t:FieldURIOrConstant><t:Constant Value="rec-3"/></t:FieldURIOrConstant></t:IsEqualTo>'
    )
    assert _markers(none) == {} and none.find(".//m:RootFolder", NS).get("TotalItemsInView") == "0"


def test_update_item_sets_and_deletes_an_extended_property(world):
    _, _, alice, _, _ = world
    item_id, change_key = _appointment(alice, "Later marked")

    def update(change):
        return alice.call(
            '<m:UpdateItem ConflictResolution="AutoResolve" SendMeetingInvitationsOrCancellations='
            f'"SendToNone"><m:ItemChanges><t:ItemChange><t:ItemId Id="{item_id}"/><t:Updates>'
            f"{change}</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
        )

    result = update(
        f"<t:SetItemField>{PATH}<t:CalendarItem><t:ExtendedProperty>{PATH}<t:Value>rec-5</t:Value>"
        "</t:ExtendedProperty></t:CalendarItem></t:SetItemField>"
        f"<t:SetItemField>{OTHER}<t:CalendarItem><t:ExtendedProperty>{OTHER}<t:Value>42</t:Value>"
        "</t:ExtendedProperty></t:CalendarItem></t:SetItemField>"
    )
    assert codes(result) == ["NoError"] and item_ids(result)[0][1] != change_key
    both = get_items(
        alice, [item_id], shape="IdOnly", extra=f"<t:AdditionalProperties>{PATH}{OTHER}</t:AdditionalProperties>"
    )
    assert sorted(v.text for v in both.iterfind(".//t:ExtendedProperty/t:Value", NS)) == ["42", "rec-5"]
    numeric = find_items(
        alice,
        folder="calendar",
        restriction=(
            f'<m:Restriction><t:IsGreaterThan>{OTHER}<t:FieldURIOrConstant><t:Constant Value="41"/>'
            "</t:FieldURIOrConstant></t:IsGreaterThan></m:Restriction>"
        ),
    )
    assert [i for i, _ in item_ids(numeric)] == [item_id], "compared as an Integer"

    assert codes(update(f"<t:DeleteItemField>{PATH}</t:DeleteItemField>")) == ["NoError"]
    assert _markers(get_items(alice, [item_id], shape="IdOnly", extra=ASK)) == {item_id: None}

    missing = update(
        f"<t:SetItemField>{PATH}<t:CalendarItem><t:Subject>x</t:Subject></t:CalendarItem></t:SetItemField>"
    )
    assert codes(missing) == ["ErrorInvalidPropertySet"]


def test_an_extended_field_uri_that_names_nothing_is_refused(world):
    _, _, alice, _, _ = world
    both = f'<t:ExtendedFieldURI PropertySetId="{SET}" PropertyName="A" PropertyId="5" PropertyType="String"/>'
    item_id = _appointment(alice, "x")[0]
    fault = alice.call(
        f"<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>{both}"
        f'</t:AdditionalProperties></m:ItemShape><m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds>'
        "</m:GetItem>",
        expect_status=500,
    )
    assert fault.findtext("detail/e:ResponseCode", None, NS) == "ErrorInvalidExtendedProperty"
    found = find_items(
        alice, folder="calendar", restriction=f"<m:Restriction><t:Exists>{both}</t:Exists></m:Restriction>"
    )
    assert codes(found) == ["ErrorInvalidExtendedProperty"]


def test_start_and_end_zones_are_kept_and_returned_when_asked(world):
    _, _, alice, _, _ = world
    zoned, _ = _create(
        alice,
        "CalendarItem",
        "calendar",
        "<t:Subject>All day in Tokyo</t:Subject><t:Start>2027-01-05T15:00:00Z</t:Start>"
        "<t:End>2027-01-06T15:00:00Z</t:End><t:IsAllDayEvent>true</t:IsAllDayEvent>"
        '<t:StartTimeZone Id="Tokyo Standard Time" Name="(UTC+09:00) Osaka, Sapporo, Tokyo"/>'
        '<t:EndTimeZone Id="Tokyo Standard Time"/>',
    )
    plain, _ = _appointment(alice, "No zone given")
    zones = (
        '<t:AdditionalProperties><t:FieldURI FieldURI="calendar:StartTimeZone"/>'
        '<t:FieldURI FieldURI="calendar:EndTimeZone"/></t:AdditionalProperties>'
    )
    result = get_items(alice, [zoned, plain], shape="IdOnly", extra=zones)
    assert [e.get("Id") for e in result.iterfind(".//t:StartTimeZone", NS)] == ["Tokyo Standard Time", "UTC"]
    assert [e.get("Id") for e in result.iterfind(".//t:EndTimeZone", NS)] == ["Tokyo Standard Time", "UTC"]
    assert get_items(alice, [zoned]).find(".//t:StartTimeZone", NS) is None, "only when asked for"
    assert text(get_items(alice, [zoned]), ".//t:Start") == "2027-01-05T15:00:00Z"
