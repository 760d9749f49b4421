"""Item operations as Exchange 2013 SP1 answers them: generic Item, ReplyToItem, ReplyAllToItem,
ForwardItem, CopyItem, SendItem, MarkAllItemsAsRead, EmptyFolder, ExpandDL, Get/SetUserOofSettings,
GetServerTimeZones, Move/CopyFolder; non-delivery reports and read receipts."""

from __future__ import annotations

import pytest
from service_util import NS, classes, codes, create_message, find_items, get_items, item_ids, make_world, text


@pytest.fixture
def world():
    return make_world()


def _inbox_ids(client, folder="inbox"):
    return [i for i, _ in item_ids(find_items(client, folder=folder, shape="Default"))]


def _subjects(client, folder="inbox"):
    return [e.text for e in find_items(client, folder=folder, shape="Default").iterfind(".//t:Subject", NS)]


def _smart(client, tag, ref_id, disposition="SendAndSaveCopy", inner=""):
    return client.call(
        f'<m:CreateItem MessageDisposition="{disposition}"><m:Items><t:{tag}>{inner}'
        f'<t:ReferenceItemId Id="{ref_id}"/><t:NewBodyContent BodyType="Text">My answer</t:NewBodyContent>'
        f"</t:{tag}></m:Items></m:CreateItem>"
    )


def test_generic_item_of_class_ipm_note_is_a_message(world):
    _, _, alice, _, _ = world
    created = alice.call(
        '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Item><t:ItemClass>IPM.Note</t:ItemClass>'
        "<t:Subject>Generic</t:Subject></t:Item></m:Items></m:CreateItem>"
    )
    assert codes(created) == ["NoError"]
    assert created.find(".//m:Items/t:Message", NS) is not None
    custom = alice.call(
        '<m:CreateItem><m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/></m:SavedItemFolderId><m:Items>'
        "<t:Item><t:ItemClass>IPM.Custom.Thing</t:ItemClass><t:Subject>Custom</t:Subject></t:Item></m:Items>"
        "</m:CreateItem>"
    )
    (item_id, _) = item_ids(custom)[0]
    got = get_items(alice, [item_id])
    assert got.find(".//m:Items/t:Item", NS) is not None and text(got, ".//t:ItemClass") == "IPM.Custom.Thing"


def test_reply_reply_all_and_forward(world):
    _, _, alice, bob, _ = world
    create_message(alice, subject="Plan", to=("bob@contoso.example", "carol@elsewhere.example"))
    (received,) = _inbox_ids(bob)
    original_msgid = text(get_items(bob, [received]), ".//t:InternetMessageId")

    assert codes(_smart(bob, "ReplyToItem", received)) == ["NoError"]
    (reply_id,) = _inbox_ids(alice)
    reply = get_items(alice, [reply_id])
    assert text(reply, ".//t:Subject") == "RE: Plan"
    assert text(reply, ".//t:InReplyTo") == original_msgid
    assert original_msgid in text(reply, ".//t:References")
    assert text(reply, ".//t:Body").startswith("My answer") and "Body text" in text(reply, ".//t:Body")
    assert text(reply, ".//t:ConversationId") is None or True
    assert reply.find(".//t:ConversationId", NS).get("Id")

    draft = _smart(bob, "ReplyAllToItem", received, disposition="SaveOnly")
    (draft_id, _) = item_ids(draft)[0]
    recipients = [e.text for e in get_items(bob, [draft_id]).iterfind(".//t:ToRecipients//t:EmailAddress", NS)]
    assert recipients == ["alice@contoso.example", "carol@elsewhere.example"], "everyone but me"

    no_recipient = _smart(bob, "ForwardItem", received)
    assert codes(no_recipient) == ["ErrorInvalidRecipients"]
    forwarded = _smart(
        bob,
        "ForwardItem",
        received,
        inner="<t:ToRecipients><t:Mailbox><t:EmailAddress>alice@contoso.example</t:EmailAddress></t:Mailbox>"
        "</t:ToRecipients>",
    )
    assert codes(forwarded) == ["NoError"]
    assert "FW: Plan" in _subjects(alice)


def test_copy_item_makes_an_independent_copy(world):
    _, _, alice, _, _ = world
    (item_id, _) = item_ids(create_message(alice, subject="Keep", disposition="SaveOnly"))[0]
    copied = alice.call(
        '<m:CopyItem><m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId>'
        f'<m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:CopyItem>'
    )
    assert codes(copied) == ["NoError"]
    (copy_id, _) = item_ids(copied)[0]
    assert copy_id != item_id
    assert _subjects(alice, "inbox") == ["Keep"] and _subjects(alice, "drafts") == ["Keep"]
    missing = alice.call(
        '<m:CopyItem><m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId>'
        f'<m:ItemIds><t:ItemId Id="{item_id[:-4]}AAAA"/></m:ItemIds></m:CopyItem>'
    )
    assert classes(missing) == ["Error"]


def test_send_item_sends_a_draft(world):
    _, _, alice, bob, _ = world
    (item_id, change_key) = item_ids(create_message(alice, subject="Draft to send", disposition="SaveOnly"))[0]
    sent = alice.call(
        f'<m:SendItem SaveItemToFolder="true"><m:ItemIds><t:ItemId Id="{item_id}" ChangeKey="{change_key}"/>'
        "</m:ItemIds></m:SendItem>"
    )
    assert codes(sent) == ["NoError"]
    assert _subjects(bob) == ["Draft to send"]
    assert _subjects(alice, "sentitems") == ["Draft to send"] and _subjects(alice, "drafts") == []
    again = alice.call(
        f'<m:SendItem SaveItemToFolder="false"><m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:SendItem>'
    )
    assert codes(again) == ["ErrorItemNotFound"]


def test_mark_all_items_as_read_and_empty_folder(world):
    _, _, alice, bob, _ = world
    for n in range(3):
        create_message(alice, subject=f"m{n}")
    marked = bob.call(
        "<m:MarkAllItemsAsRead><m:ReadFlag>true</m:ReadFlag><m:SuppressReadReceipts>true</m:SuppressReadReceipts>"
        '<m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:MarkAllItemsAsRead>'
    )
    assert codes(marked) == ["NoError"]
    flags = [e.text for e in find_items(bob, shape="Default").iterfind(".//t:IsRead", NS)]
    assert flags == ["true"] * 3
    emptied = bob.call(
        '<m:EmptyFolder DeleteType="MoveToDeletedItems" DeleteSubFolders="false"><m:FolderIds>'
        '<t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:EmptyFolder>'
    )
    assert codes(emptied) == ["NoError"]
    assert _subjects(bob) == [] and len(_subjects(bob, "deleteditems")) == 3


def test_expand_dl(world):
    directory, _, alice, _, _ = world
    directory.add_group("team@contoso.example", "Team", ["bob@contoso.example", "outside@example.org"])
    expanded = alice.call(
        "<m:ExpandDL><m:Mailbox><t:EmailAddress>team@contoso.example</t:EmailAddress></m:Mailbox></m:ExpandDL>"
    )
    assert [e.text for e in expanded.iterfind(".//t:Mailbox/t:EmailAddress", NS)] == [
        "bob@contoso.example",
        "outside@example.org",
    ]
    assert [e.text for e in expanded.iterfind(".//t:Mailbox/t:MailboxType", NS)] == ["Mailbox", "OneOff"]
    unknown = alice.call(
        "<m:ExpandDL><m:Mailbox><t:EmailAddress>no@contoso.example</t:EmailAddress></m:Mailbox></m:ExpandDL>"
    )
    assert codes(unknown) == ["ErrorNameResolutionNoResults"]


def test_mail_to_a_group_reaches_its_members(world):
    directory, _, alice, bob, _ = world
    directory.add_group("team@contoso.example", "Team", ["bob@contoso.example"])
    create_message(alice, subject="To the team", to=("team@contoso.example",))
    assert _subjects(bob) == ["To the team"]


def test_oof_settings_round_trip(world):
    _, _, alice, bob, _ = world
    get = (
        "<m:GetUserOofSettingsRequest><t:Mailbox><t:Address>alice@contoso.example</t:Address></t:Mailbox>"
        "</m:GetUserOofSettingsRequest>"
    )
    fresh = alice.call(get)
    assert text(fresh, ".//t:OofState") == "Disabled" and text(fresh, ".//m:AllowExternalOof") == "All"
    set_ = (
        "<m:SetUserOofSettingsRequest><t:Mailbox><t:Address>alice@contoso.example</t:Address></t:Mailbox>"
        "<t:UserOofSettings><t:OofState>Scheduled</t:OofState><t:ExternalAudience>Known</t:ExternalAudience>"
        "<t:Duration><t:StartTime>2027-08-01T00:00:00Z</t:StartTime><t:EndTime>2027-08-15T00:00:00Z</t:EndTime>"
        "</t:Duration><t:InternalReply><t:Message>夏季休暇中です</t:Message></t:InternalReply>"
        "<t:ExternalReply><t:Message>Away</t:Message></t:ExternalReply></t:UserOofSettings></m:SetUserOofSettingsRequest>"
    )
    assert text(alice.call(set_), ".//m:ResponseCode") == "NoError"
    got = alice.call(get)
    assert text(got, ".//t:OofState") == "Scheduled" and text(got, ".//t:ExternalAudience") == "Known"
    assert text(got, ".//t:Duration/t:StartTime") == "2027-08-01T00:00:00Z"
    assert text(got, ".//t:InternalReply/t:Message") == "夏季休暇中です"
    assert text(bob.call(get), ".//m:ResponseCode") == "ErrorAccessDenied"
    no_duration = set_.replace(
        "<t:Duration><t:StartTime>2027-08-01T00:00:00Z</t:StartTime><t:EndTime>2027-08-15T00:00:00Z</t:EndTime></t:Duration>",
        "",
    )
    assert text(alice.call(no_duration), ".//m:ResponseCode") == "ErrorInvalidScheduledOofDuration"


def test_get_server_time_zones(world):
    _, _, alice, _, _ = world
    everything = alice.call("<m:GetServerTimeZones/>")
    ids = [z.get("Id") for z in everything.iterfind(".//t:TimeZoneDefinition", NS)]
    assert {"Tokyo Standard Time", "UTC", "W. Europe Standard Time"} <= set(ids)
    tokyo = alice.call(
        '<m:GetServerTimeZones ReturnFullTimeZoneData="true"><m:Ids><t:Id>Tokyo Standard Time</t:Id>'
        "<t:Id>Eastern Standard Time</t:Id></m:Ids></m:GetServerTimeZones>"
    )
    zones = list(tokyo.iterfind(".//t:TimeZoneDefinition", NS))
    assert [z.get("Id") for z in zones] == ["Tokyo Standard Time", "Eastern Standard Time"]
    assert zones[0].find(".//t:Period", NS).get("Bias") == "-PT9H"
    assert len(zones[1].findall(".//t:RecurringDayTransition", NS)) == 2
    names_only = alice.call('<m:GetServerTimeZones ReturnFullTimeZoneData="false"/>')
    assert names_only.find(".//t:Periods", NS) is None


def test_mail_to_an_unknown_address_of_our_domain_comes_back_as_an_ndr(world):
    _, _, alice, _, _ = world
    create_message(alice, subject="Hello ghost", to=("ghost@contoso.example", "someone@elsewhere.example"))
    (ndr_id,) = _inbox_ids(alice)
    ndr = get_items(alice, [ndr_id])
    assert text(ndr, ".//t:ItemClass") == "REPORT.IPM.Note.NDR"
    assert text(ndr, ".//t:Subject") == "Undeliverable: Hello ghost"
    assert "ghost@contoso.example" in text(ndr, ".//t:Body") and "elsewhere" not in text(ndr, ".//t:Body")
    assert text(ndr, ".//t:From/t:Mailbox/t:EmailAddress") == "postmaster@contoso.example"
    sent_msgid = text(get_items(alice, _inbox_ids(alice, "sentitems")), ".//t:InternetMessageId")
    assert text(ndr, ".//t:InReplyTo") == sent_msgid
    assert text(ndr, ".//t:Attachments/t:ItemAttachment/t:Name") == "Hello ghost"


def test_read_receipt_when_the_recipient_reads(world):
    _, _, alice, bob, _ = world
    create_message(alice, subject="Please confirm", extra="<t:IsReadReceiptRequested>true</t:IsReadReceiptRequested>")
    (received,) = _inbox_ids(bob)
    change_key = get_items(bob, [received]).find(".//t:ItemId", NS).get("ChangeKey")
    for value in ("true", "false", "true"):  # read, unread, read again: one receipt
        change_key = item_ids(
            bob.call(
                f'<m:UpdateItem ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange>'
                f'<t:ItemId Id="{received}" ChangeKey="{change_key}"/><t:Updates><t:SetItemField>'
                f'<t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>{value}</t:IsRead></t:Message>'
                "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
            )
        )[0][1]
    receipts = _inbox_ids(alice)
    assert len(receipts) == 1
    receipt = get_items(alice, receipts)
    assert text(receipt, ".//t:ItemClass") == "REPORT.IPM.Note.IPNRN"
    assert text(receipt, ".//t:Subject") == "Read: Please confirm"


def test_move_and_copy_folder(world):
    _, _, alice, _, _ = world

    def create(name, parent="inbox"):
        made = alice.call(
            f'<m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id="{parent}"/></m:ParentFolderId>'
            f"<m:Folders><t:Folder><t:DisplayName>{name}</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>"
        )
        return made.find(".//t:FolderId", NS).get("Id")

    projects = create("Projects")
    moved = alice.call(
        '<m:MoveFolder><m:ToFolderId><t:DistinguishedFolderId Id="drafts"/></m:ToFolderId>'
        f'<m:FolderIds><t:FolderId Id="{projects}"/></m:FolderIds></m:MoveFolder>'
    )
    assert codes(moved) == ["NoError"] and moved.find(".//t:FolderId", NS).get("Id") == projects
    copied = alice.call(
        '<m:CopyFolder><m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId>'
        f'<m:FolderIds><t:FolderId Id="{projects}"/></m:FolderIds></m:CopyFolder>'
    )
    assert codes(copied) == ["NoError"] and copied.find(".//t:FolderId", NS).get("Id") != projects
    distinguished = alice.call(
        '<m:MoveFolder><m:ToFolderId><t:DistinguishedFolderId Id="drafts"/></m:ToFolderId>'
        '<m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:MoveFolder>'
    )
    assert codes(distinguished) == ["ErrorMoveDistinguishedFolder"]
