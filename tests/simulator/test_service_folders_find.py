"""Folders and FindItem (paging, restrictions, sort) of the EWS service core."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from service_util import NS, classes, codes, find_items, item_ids, make_world, text

from app.simulator.seed import seed_mailbox
from app.simulator.xmlitems import parse_dt

START = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def seeded():
    directory, service, alice, bob, svc = make_world()
    counts = seed_mailbox(
        directory, "alice@contoso.example", emails=2500, appointments=10, contacts=12, tasks=6, seed=7, start=START
    )
    directory.seeded = counts  # what the seed made (the mix adds meetings with its meeting requests)
    return directory, alice


def test_create_folder_under_inbox_and_duplicate(seeded):
    directory, alice = seeded
    body = (
        '<m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId>'
        "<m:Folders><t:Folder><t:DisplayName>Undeliverable</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>"
    )
    created = alice.call(body)
    assert codes(created) == ["NoError"]
    fid = created.find(".//t:Folder/t:FolderId", NS).get("Id")
    again = alice.call(body)
    assert classes(again) == ["Error"] and codes(again) == ["ErrorFolderExists"]
    assert again.find(".//m:Folders", NS) is not None
    found = alice.call(
        '<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape>'
        '</m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>'
        "</m:FindFolder>"
    )
    assert [f.get("Id") for f in found.iterfind(".//t:FolderId", NS)] == [fid]
    assert found.find(".//m:RootFolder", NS).get("TotalItemsInView") == "1"
    got = alice.call(
        "<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape>"
        f'<m:FolderIds><t:FolderId Id="{fid}"/></m:FolderIds></m:GetFolder>'
    )
    assert text(got, ".//t:Folder/t:DisplayName") == "Undeliverable"
    assert (
        got.find(".//t:Folder/t:ParentFolderId", NS).get("Id")
        == directory.mailbox("alice@contoso.example").distinguished["inbox"].id
    )
    deleted = alice.call(
        f'<m:DeleteFolder DeleteType="HardDelete"><m:FolderIds><t:FolderId Id="{fid}"/></m:FolderIds></m:DeleteFolder>'
    )
    assert codes(deleted) == ["NoError"]
    gone = alice.call(
        "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
        f'<m:FolderIds><t:FolderId Id="{fid}"/></m:FolderIds></m:GetFolder>'
    )
    assert codes(gone) == ["ErrorFolderNotFound"]


def test_folder_errors(seeded):
    _, alice = seeded
    dist = alice.call(
        '<m:DeleteFolder DeleteType="HardDelete"><m:FolderIds><t:DistinguishedFolderId Id="inbox"/>'
        "</m:FolderIds></m:DeleteFolder>"
    )
    assert codes(dist) == ["ErrorDeleteDistinguishedFolder"]
    malformed = alice.call(
        '<m:CreateFolder><m:ParentFolderId><t:FolderId Id="malformedparentid"/></m:ParentFolderId>'
        "<m:Folders><t:Folder><t:DisplayName>x</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>"
    )
    assert codes(malformed) == ["ErrorInvalidIdMalformed"]


def test_deep_find_folder_lists_standard_folders(seeded):
    _, alice = seeded
    tree = alice.call(
        '<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape>'
        '</m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/>'
        "</m:ParentFolderIds></m:FindFolder>"
    )
    names = {e.text for e in tree.iterfind(".//t:DisplayName", NS)}
    assert {"Inbox", "Sent Items", "Deleted Items", "Calendar", "Contacts", "Tasks"} <= names
    assert tree.find(".//t:CalendarFolder", NS) is not None and tree.find(".//t:ContactsFolder", NS) is not None


def test_find_item_paging_walks_every_item_once(seeded):
    directory, alice = seeded
    inbox = directory.mailbox("alice@contoso.example").distinguished["inbox"]
    seen, offset = [], 0
    while True:
        page = find_items(
            alice, view=f'<m:IndexedPageItemView MaxEntriesReturned="700" Offset="{offset}" BasePoint="Beginning"/>'
        )
        root = page.find(".//m:RootFolder", NS)
        assert root.get("TotalItemsInView") == str(len(inbox.items))
        seen += [i for i, _ in item_ids(page)]
        offset = int(root.get("IndexedPagingOffset"))
        assert offset == len(seen)
        if root.get("IncludesLastItemInRange") == "true":
            break
    assert len(seen) == len(set(seen)) == len(inbox.items)


def test_find_item_caps_pages_at_1000(seeded):
    _, alice = seeded
    page = find_items(alice, view='<m:IndexedPageItemView MaxEntriesReturned="5000" Offset="0" BasePoint="Beginning"/>')
    assert len(item_ids(page)) == 1000
    assert page.find(".//m:RootFolder", NS).get("IncludesLastItemInRange") == "false"


def test_find_item_restriction_and_sort_on_received(seeded):
    directory, alice = seeded
    since = START - timedelta(days=10)
    until = START - timedelta(days=5)
    restriction = (
        "<m:Restriction><t:And>"
        '<t:IsGreaterThanOrEqualTo><t:FieldURI FieldURI="item:DateTimeReceived"/><t:FieldURIOrConstant>'
        f'<t:Constant Value="{since:%Y-%m-%dT%H:%M:%SZ}"/></t:FieldURIOrConstant></t:IsGreaterThanOrEqualTo>'
        '<t:IsLessThan><t:FieldURI FieldURI="item:DateTimeReceived"/><t:FieldURIOrConstant>'
        f'<t:Constant Value="{until:%Y-%m-%dT%H:%M:%SZ}"/></t:FieldURIOrConstant></t:IsLessThan>'
        "</t:And></m:Restriction>"
    )
    sort = (
        '<m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="item:DateTimeReceived"/>'
        "</t:FieldOrder></m:SortOrder>"
    )
    page = find_items(
        alice,
        shape="IdOnly",
        restriction=restriction,
        sort=sort,
        extra='<t:AdditionalProperties><t:FieldURI FieldURI="item:DateTimeReceived"/></t:AdditionalProperties>',
    )
    received = [parse_dt(e.text) for e in page.iterfind(".//t:DateTimeReceived", NS)]
    inbox = directory.mailbox("alice@contoso.example").distinguished["inbox"]
    expected = sorted(it.received for it in inbox.items.values() if since <= it.received < until)
    assert received == expected and len(expected) > 50
    newest_first = find_items(alice, shape="Default", restriction=restriction)
    received_desc = [parse_dt(e.text) for e in newest_first.iterfind(".//t:DateTimeReceived", NS)]
    assert received_desc == sorted(expected, reverse=True)


def test_find_item_item_class_restriction(seeded):
    directory, alice = seeded
    restriction = (
        '<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="item:ItemClass"/><t:FieldURIOrConstant>'
        '<t:Constant Value="IPM.Appointment"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>'
    )
    meetings = directory.seeded["appointments"] + directory.seeded["meeting_requests"]
    assert len(item_ids(find_items(alice, folder="calendar", restriction=restriction))) == meetings
    assert item_ids(find_items(alice, folder="inbox", restriction=restriction)) == []


def test_calendar_view(seeded):
    directory, alice = seeded
    view = (
        f'<m:CalendarView StartDate="{(START - timedelta(days=40)):%Y-%m-%dT%H:%M:%SZ}" '
        f'EndDate="{(START + timedelta(days=70)):%Y-%m-%dT%H:%M:%SZ}"/>'
    )
    page = find_items(alice, folder="calendar", shape="Default", view=view)
    starts = [parse_dt(e.text) for e in page.iterfind(".//t:Start", NS)]
    assert starts == sorted(starts)
    # every single item in the window is listed; recurring masters appear as their occurrences
    window = (START - timedelta(days=40), START + timedelta(days=70))
    calendar = directory.mailbox("alice@contoso.example").distinguished["calendar"]
    singles = [
        it.get("start")
        for it in calendar.items.values()
        if not it.get("recurrence") and it.get("start") < window[1] and it.get("end") > window[0]
    ]
    kinds = [e.text for e in page.iterfind(".//t:CalendarItemType", NS)]
    assert kinds.count("Single") == len(singles) >= 10
    assert set(kinds) - {"Single"} <= {"Occurrence"} and "Occurrence" in kinds
