"""Extended properties beyond the client's own: MAPI properties that are the model's fields
(PropertyTag), distinguished property sets by name or by GUID, the InternetHeaders set, and
folders (CreateFolder, UpdateFolder Set/DeleteFolderField, GetFolder and FindFolder shapes,
FindFolder restrictions: an IMAP gateway lists mail folders by PR_CONTAINER_CLASS)."""

from __future__ import annotations

import pytest
from service_util import NS, codes, create_message, find_items, get_items, item_ids, make_world, text

PR_SUBJECT = '<t:ExtendedFieldURI PropertyTag="0x37" PropertyType="String"/>'
PR_MESSAGE_FLAGS = '<t:ExtendedFieldURI PropertyTag="0x0E07" PropertyType="Integer"/>'
PR_CONTAINER_CLASS = '<t:ExtendedFieldURI PropertyTag="0x3613" PropertyType="String"/>'
PR_CONTENT_COUNT = '<t:ExtendedFieldURI PropertyTag="0x3602" PropertyType="Integer"/>'
PUBLIC_BY_NAME = (
    '<t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="uidNext" PropertyType="Integer"/>'
)
PUBLIC_BY_GUID = (
    '<t:ExtendedFieldURI PropertySetId="00020329-0000-0000-C000-000000000046" PropertyName="uidNext" '
    'PropertyType="Integer"/>'
)


@pytest.fixture
def world():
    return make_world()


def _ask(*paths):
    return f"<t:AdditionalProperties>{''.join(paths)}</t:AdditionalProperties>"


def _values(element):
    return [p.findtext("t:Value", None, NS) for p in element.iterfind(".//t:ExtendedProperty", NS)]


def test_property_tags_read_the_items_own_fields(world):
    _, _, alice, bob, _ = world
    create_message(alice, subject="Tagged", to=("bob@contoso.example",))
    (item_id, _) = item_ids(find_items(bob))[0]
    got = get_items(bob, [item_id], shape="IdOnly", extra=_ask(PR_SUBJECT, PR_MESSAGE_FLAGS))
    flags_then_subject = _values(got)
    assert "Tagged" in flags_then_subject
    flags = int(next(v for v in flags_then_subject if v != "Tagged"))
    assert flags & 0x01 == 0, "unread"


def test_setting_pr_message_flags_marks_read_and_restrictions_see_it(world):
    _, _, alice, bob, _ = world
    create_message(alice, subject="One")
    create_message(alice, subject="Two")
    ids = [i for i, _ in item_ids(find_items(bob, shape="Default"))]
    first = get_items(bob, ids[:1]).find(".//t:ItemId", NS)
    updated = bob.call(
        f'<m:UpdateItem ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange>'
        f'<t:ItemId Id="{first.get("Id")}" ChangeKey="{first.get("ChangeKey")}"/><t:Updates><t:SetItemField>'
        f"{PR_MESSAGE_FLAGS}<t:Message><t:ExtendedProperty>{PR_MESSAGE_FLAGS}<t:Value>1</t:Value>"
        "</t:ExtendedProperty></t:Message></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
    )
    assert codes(updated) == ["NoError"]
    assert text(get_items(bob, ids[:1]), ".//t:IsRead") == "true"
    unread = find_items(
        bob,
        restriction=(
            f'<m:Restriction><t:Excludes>{PR_MESSAGE_FLAGS}<t:Bitmask Value="0x1"/></t:Excludes></m:Restriction>'
        ),
    )
    assert [i for i, _ in item_ids(unread)] == ids[1:]
    by_subject = find_items(
        bob,
        restriction=f'<m:Restriction><t:IsEqualTo>{PR_SUBJECT}<t:FieldURIOrConstant><t:Constant Value="two"/>'
        "</t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>",
    )
    assert len(item_ids(by_subject)) == 1, "text compares without regard to case"


def test_a_distinguished_set_by_guid_is_the_same_property(world):
    _, _, alice, _, _ = world
    created = create_message(
        alice,
        disposition="SaveOnly",
        extra=f"<t:ExtendedProperty>{PUBLIC_BY_GUID}<t:Value>42</t:Value></t:ExtendedProperty>",
    )
    (item_id, _) = item_ids(created)[0]
    got = get_items(alice, [item_id], shape="IdOnly", extra=_ask(PUBLIC_BY_NAME))
    assert _values(got) == ["42"]


def test_internet_headers_set_reads_headers_by_name(world):
    _, _, alice, _, _ = world
    import base64

    raw = b"From: a@example.org\r\nTo: alice@contoso.example\r\nSubject: h\r\nX-Custom-Tag: tagged\r\n\r\nx\r\n"
    created = alice.call(
        '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/>'
        f"</m:SavedItemFolderId><m:Items><t:Message><t:MimeContent>{base64.b64encode(raw).decode()}</t:MimeContent>"
        "</t:Message></m:Items></m:CreateItem>"
    )
    (item_id, _) = item_ids(created)[0]
    path = (
        '<t:ExtendedFieldURI DistinguishedPropertySetId="InternetHeaders" PropertyName="x-custom-tag" '
        'PropertyType="String"/>'
    )
    assert _values(get_items(alice, [item_id], shape="IdOnly", extra=_ask(path))) == ["tagged"]


def test_unknown_distinguished_set_is_refused(world):
    _, _, alice, _, _ = world
    path = '<t:ExtendedFieldURI DistinguishedPropertySetId="Nonsense" PropertyName="x" PropertyType="String"/>'
    created = create_message(
        alice, disposition="SaveOnly", extra=f"<t:ExtendedProperty>{path}<t:Value>1</t:Value></t:ExtendedProperty>"
    )
    assert codes(created) == ["ErrorInvalidExtendedProperty"]


def _find_folders(client, restriction="", shape_extra="", traversal="Deep"):
    return client.call(
        f'<m:FindFolder Traversal="{traversal}"><m:FolderShape><t:BaseShape>Default</t:BaseShape>{shape_extra}'
        f'</m:FolderShape>{restriction}<m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/>'
        "</m:ParentFolderIds></m:FindFolder>"
    )


def test_gateway_lists_mail_folders_by_container_class(world):
    """As DavMail's IMAP LIST: folders whose PR_CONTAINER_CLASS is IPF.Note, or that have none."""
    _, _, alice, _, _ = world
    restriction = (
        f'<m:Restriction><t:Or><t:IsEqualTo>{PR_CONTAINER_CLASS}<t:FieldURIOrConstant><t:Constant Value="IPF.Note"/>'
        f"</t:FieldURIOrConstant></t:IsEqualTo><t:Not><t:Exists>{PR_CONTAINER_CLASS}</t:Exists></t:Not></t:Or>"
        "</m:Restriction>"
    )
    found = _find_folders(alice, restriction, _ask(PR_CONTAINER_CLASS, PR_CONTENT_COUNT))
    assert codes(found) == ["NoError"]
    names = {f.findtext("t:DisplayName", None, NS) for f in found.iterfind(".//t:Folders/*", NS)}
    assert {"Inbox", "Sent Items", "Drafts", "Deleted Items"} <= names
    assert not {"Calendar", "Contacts", "Tasks"} & names
    inbox = next(f for f in found.iterfind(".//t:Folders/*", NS) if f.findtext("t:DisplayName", None, NS) == "Inbox")
    assert sorted(_values(inbox)) == ["0", "IPF.Note"]
    folder_type = '<t:ExtendedFieldURI PropertyTag="0x3601" PropertyType="Integer"/>'
    generic = (
        f'<m:Restriction><t:IsEqualTo>{folder_type}<t:FieldURIOrConstant><t:Constant Value="1"/>'
        "</t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>"
    )
    assert len(list(_find_folders(alice, generic).iterfind(".//t:Folders/*", NS))) > 5, "PR_FOLDER_TYPE: generic"


def test_folder_class_field_restriction(world):
    _, _, alice, _, _ = world
    restriction = (
        '<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="folder:FolderClass"/><t:FieldURIOrConstant>'
        '<t:Constant Value="IPF.Appointment"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>'
    )
    found = _find_folders(alice, restriction)
    assert [f.findtext("t:DisplayName", None, NS) for f in found.iterfind(".//t:Folders/*", NS)] == ["Calendar"]


def test_folder_extended_properties_created_updated_and_deleted(world):
    _, _, alice, _, _ = world
    created = alice.call(
        '<m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId><m:Folders>'
        f"<t:Folder><t:DisplayName>Gateway</t:DisplayName><t:ExtendedProperty>{PUBLIC_BY_NAME}<t:Value>7</t:Value>"
        "</t:ExtendedProperty></t:Folder></m:Folders></m:CreateFolder>"
    )
    folder = created.find(".//t:FolderId", NS)

    def get_value():
        got = alice.call(
            f"<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape>{_ask(PUBLIC_BY_GUID)}</m:FolderShape>"
            f'<m:FolderIds><t:FolderId Id="{folder.get("Id")}"/></m:FolderIds></m:GetFolder>'
        )
        return _values(got)

    assert get_value() == ["7"]
    updated = alice.call(
        f'<m:UpdateFolder><m:FolderChanges><t:FolderChange><t:FolderId Id="{folder.get("Id")}"/><t:Updates>'
        f"<t:SetFolderField>{PUBLIC_BY_NAME}<t:Folder><t:ExtendedProperty>{PUBLIC_BY_NAME}<t:Value>8</t:Value>"
        "</t:ExtendedProperty></t:Folder></t:SetFolderField>"
        '<t:SetFolderField><t:FieldURI FieldURI="folder:DisplayName"/><t:Folder><t:DisplayName>Renamed</t:DisplayName>'
        "</t:Folder></t:SetFolderField></t:Updates></t:FolderChange></m:FolderChanges></m:UpdateFolder>"
    )
    assert codes(updated) == ["NoError"]
    assert get_value() == ["8"]
    restriction = (
        f'<m:Restriction><t:IsGreaterThan>{PUBLIC_BY_NAME}<t:FieldURIOrConstant><t:Constant Value="7"/>'
        "</t:FieldURIOrConstant></t:IsGreaterThan></m:Restriction>"
    )
    assert [
        f.findtext("t:DisplayName", None, NS) for f in _find_folders(alice, restriction).iterfind(".//t:Folders/*", NS)
    ] == ["Renamed"]
    alice.call(
        f'<m:UpdateFolder><m:FolderChanges><t:FolderChange><t:FolderId Id="{folder.get("Id")}"/><t:Updates>'
        f"<t:DeleteFolderField>{PUBLIC_BY_NAME}</t:DeleteFolderField></t:Updates></t:FolderChange></m:FolderChanges>"
        "</m:UpdateFolder>"
    )
    assert get_value() == []


def test_folder_restriction_on_an_unknown_field_uri_is_unsupported(world):
    _, _, alice, _, _ = world
    restriction = '<m:Restriction><t:Exists><t:FieldURI FieldURI="folder:PermissionSet"/></t:Exists></m:Restriction>'
    assert codes(_find_folders(alice, restriction)) == ["ErrorUnsupportedPathForQuery"]
