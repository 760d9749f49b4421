"""Attachments as Exchange 2013 has them: FileAttachment and ItemAttachment, CreateAttachment
(the root item's new change key answered), GetAttachment (a file's Content; an item attachment's
item, with MimeContent when asked), DeleteAttachment, HasAttachments (inline ones do not count),
Attachments in item shapes, and the size limit (ErrorAttachmentSizeLimitExceeded)."""

from __future__ import annotations

import base64
import email.policy
from email.parser import BytesParser

import pytest
from service_util import NS, codes, create_message, get_items, item_ids, make_world, text

PDF = b"%PDF-1.4 fake report" * 10


@pytest.fixture
def world():
    return make_world()


def _draft(client, **kw):
    (item_id, change_key) = item_ids(create_message(client, disposition="SaveOnly", **kw))[0]
    return item_id, change_key


def _file(name="report.pdf", content=PDF, ctype="application/pdf", extra=""):
    return (
        f"<t:FileAttachment><t:Name>{name}</t:Name><t:ContentType>{ctype}</t:ContentType>{extra}"
        f"<t:Content>{base64.b64encode(content).decode()}</t:Content></t:FileAttachment>"
    )


def create_attachments(client, item_id, change_key, *parts):
    return client.call(
        f'<m:CreateAttachment><m:ParentItemId Id="{item_id}" ChangeKey="{change_key}"/>'
        f"<m:Attachments>{''.join(parts)}</m:Attachments></m:CreateAttachment>"
    )


def get_attachment(client, attachment_id, shape=""):
    return client.call(
        f"<m:GetAttachment>{shape}<m:AttachmentIds>"
        f'<t:AttachmentId Id="{attachment_id}"/></m:AttachmentIds></m:GetAttachment>'
    )


def test_file_attachment_created_listed_fetched_and_deleted(world):
    _, _, alice, _, _ = world
    item_id, change_key = _draft(alice, subject="With a report")
    assert text(get_items(alice, [item_id]), ".//t:HasAttachments") == "false"

    created = create_attachments(alice, item_id, change_key, _file())
    assert codes(created) == ["NoError"]
    aid = created.find(".//t:AttachmentId", NS)
    assert aid.get("RootItemId") == item_id and aid.get("RootItemChangeKey") != change_key

    got = get_items(alice, [item_id])
    assert text(got, ".//t:HasAttachments") == "true"
    listed = got.find(".//t:Attachments/t:FileAttachment", NS)
    assert listed.find("t:AttachmentId", NS).get("Id") == aid.get("Id")
    assert listed.findtext("t:Name", None, NS) == "report.pdf"
    assert listed.findtext("t:Size", None, NS) == str(len(PDF))
    assert listed.find("t:Content", NS) is None, "an item lists its attachments without their content"

    fetched = get_attachment(alice, aid.get("Id"))
    assert base64.b64decode(text(fetched, ".//t:FileAttachment/t:Content")) == PDF
    assert text(fetched, ".//t:FileAttachment/t:ContentType") == "application/pdf"

    deleted = alice.call(
        f'<m:DeleteAttachment><m:AttachmentIds><t:AttachmentId Id="{aid.get("Id")}"/></m:AttachmentIds>'
        "</m:DeleteAttachment>"
    )
    root = deleted.find(".//m:RootItemId", NS)
    assert root.get("RootItemId") == item_id and root.get("RootItemChangeKey") != aid.get("RootItemChangeKey")
    assert text(get_items(alice, [item_id]), ".//t:HasAttachments") == "false"
    assert codes(get_attachment(alice, aid.get("Id"))) == ["ErrorItemNotFound"]


def test_item_attachment_with_its_item_and_mime(world):
    _, _, alice, _, _ = world
    item_id, change_key = _draft(alice, subject="Forwarding as attachment")
    inner = (
        "<t:ItemAttachment><t:Name>Original mail</t:Name><t:Message><t:Subject>Inner subject</t:Subject>"
        '<t:Body BodyType="Text">Inner body</t:Body><t:ToRecipients><t:Mailbox>'
        "<t:EmailAddress>carol@example.org</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></t:ItemAttachment>"
    )
    created = create_attachments(alice, item_id, change_key, inner)
    aid = created.find(".//t:ItemAttachment/t:AttachmentId", NS).get("Id")
    got = get_items(alice, [item_id])
    assert text(got, ".//t:Attachments/t:ItemAttachment/t:Name") == "Original mail"

    plain = get_attachment(alice, aid)
    assert text(plain, ".//t:ItemAttachment/t:Message/t:Subject") == "Inner subject"
    assert plain.find(".//t:ItemAttachment/t:Message/t:MimeContent", NS) is None
    assert plain.find(".//t:ItemAttachment/t:Message/t:ItemId", NS) is None, "an attached item has no id of its own"

    with_mime = get_attachment(
        alice, aid, "<m:AttachmentShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:AttachmentShape>"
    )
    raw = base64.b64decode(text(with_mime, ".//t:ItemAttachment/t:Message/t:MimeContent"))
    msg = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert msg["Subject"] == "Inner subject" and msg["To"].addresses[0].addr_spec == "carol@example.org"

    parent = BytesParser(policy=email.policy.default).parsebytes(
        base64.b64decode(
            text(
                alice.call(
                    "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true"
                    "</t:IncludeMimeContent></m:ItemShape>"
                    f'<m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:GetItem>'
                ),
                ".//t:MimeContent",
            )
        )
    )
    attached = next(parent.iter_attachments())
    assert attached.get_content_type() == "message/rfc822"
    assert attached.get_content()["Subject"] == "Inner subject"


def test_attachments_given_with_createitem_and_inline_ones(world):
    _, _, alice, _, _ = world
    inline = _file(
        "logo.png", b"\x89PNG fake", "image/png", "<t:ContentId>logo@1</t:ContentId><t:IsInline>true</t:IsInline>"
    )
    item_id, _ = _draft(alice, extra=f"<t:Attachments>{inline}</t:Attachments>")
    got = get_items(alice, [item_id])
    assert text(got, ".//t:Attachments/t:FileAttachment/t:ContentId") == "logo@1"
    assert text(got, ".//t:Attachments/t:FileAttachment/t:IsInline") == "true"
    assert text(got, ".//t:HasAttachments") == "false", "an inline picture is no attachment to Exchange"


def test_attachment_over_the_size_limit_is_refused(world):
    _, service, alice, _, _ = world
    service.max_attachment_size = 1000
    item_id, change_key = _draft(alice)
    refused = create_attachments(alice, item_id, change_key, _file(content=b"x" * 1001))
    assert codes(refused) == ["ErrorAttachmentSizeLimitExceeded"]
    assert codes(create_attachments(alice, item_id, change_key, _file(content=b"x" * 1000))) == ["NoError"]
    in_create = create_message(
        alice, disposition="SaveOnly", extra=f"<t:Attachments>{_file(content=b'y' * 1001)}</t:Attachments>"
    )
    assert codes(in_create) == ["ErrorAttachmentSizeLimitExceeded"]


def test_malformed_and_foreign_attachment_ids(world):
    _, _, alice, bob, _ = world
    assert codes(get_attachment(alice, "not-an-id")) == ["ErrorInvalidIdMalformed"]
    item_id, change_key = _draft(alice)
    aid = create_attachments(alice, item_id, change_key, _file()).find(".//t:AttachmentId", NS).get("Id")
    assert codes(get_attachment(bob, aid)) == ["ErrorAccessDenied"]


def test_sent_attachments_reach_the_recipient(world):
    _, _, alice, bob, _ = world
    create_message(alice, subject="Report attached", extra=f"<t:Attachments>{_file()}</t:Attachments>")
    inbox = bob.call(
        '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
        '<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>'
    )
    (received, _) = item_ids(inbox)[0]
    got = get_items(bob, [received])
    aid = got.find(".//t:Attachments/t:FileAttachment/t:AttachmentId", NS).get("Id")
    assert base64.b64decode(text(get_attachment(bob, aid), ".//t:Content")) == PDF


def test_state_file_keeps_mime_attachments_folder_properties_groups_and_oof():
    import json

    from mime_samples import html_message
    from service_util import Client

    from app.simulator.directory import Directory
    from app.simulator.service import EwsService

    directory, _, alice, _, _ = make_world()
    raw = html_message("a@example.org", "alice@contoso.example")
    created = alice.call(
        '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/>'
        f"</m:SavedItemFolderId><m:Items><t:Message><t:MimeContent>{base64.b64encode(raw).decode()}</t:MimeContent>"
        "</t:Message></m:Items></m:CreateItem>"
    )
    (item_id, _) = item_ids(created)[0]
    path = '<t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="n" PropertyType="Integer"/>'
    alice.call(
        '<m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId><m:Folders>'
        f"<t:Folder><t:DisplayName>F</t:DisplayName><t:ExtendedProperty>{path}<t:Value>5</t:Value>"
        "</t:ExtendedProperty></t:Folder></m:Folders></m:CreateFolder>"
    )
    directory.add_group("team@contoso.example", "Team", ["alice@contoso.example"])
    directory.oof["alice@contoso.example"] = {"state": "Enabled", "audience": "All", "internal": "x", "external": ""}

    restored = Directory.from_dict(json.loads(json.dumps(directory.to_dict())))
    again = Client(EwsService(restored), restored.get("alice@contoso.example"))
    got = get_items(again, [item_id])
    assert text(got, ".//t:Attachments/t:FileAttachment/t:Name") == "report.pdf"
    aid = got.find(".//t:AttachmentId", NS).get("Id")
    assert base64.b64decode(text(get_attachment(again, aid), ".//t:Content")) == b"%PDF-1.4 sample"
    assert restored.mailbox("alice@contoso.example").items[item_id].get("mime") == raw
    (folder,) = [f for f in restored.mailbox("alice@contoso.example").folders.values() if f.name == "F"]
    assert folder.x and list(folder.x["ext"].values()) == ["5"]
    assert restored.group("team@contoso.example").members == ["alice@contoso.example"]
    assert restored.oof["alice@contoso.example"]["state"] == "Enabled"
