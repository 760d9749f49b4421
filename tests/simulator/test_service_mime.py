"""MIME both ways: GetItem with IncludeMimeContent writes RFC 5322 MIME from the item (as Exchange
2013 does: multipart/alternative text and HTML, attachments as parts, Exchange's headers), and
CreateItem takes MimeContent (SaveOnly, SendOnly, SendAndSaveCopy): recipients, subject and body
read from it, its Message-ID kept, its bytes returned unchanged while the item is unchanged.
Japanese in ISO-2022-JP and in UTF-8 round-trips. Every response is schema-checked."""

from __future__ import annotations

import base64
import email.policy
from email.parser import BytesParser

import pytest
from mime_samples import JA_ATTACHMENT, JA_BODY, JA_SUBJECT, html_message, iso2022jp_message, utf8_message
from service_util import NS, codes, create_message, find_items, get_items, item_ids, make_world, text

MIME_SHAPE = "<t:IncludeMimeContent>true</t:IncludeMimeContent>"


@pytest.fixture
def world():
    return make_world()


def create_from_mime(client, raw: bytes, disposition="SaveOnly", folder="", extra=""):
    saved = f'<m:SavedItemFolderId><t:DistinguishedFolderId Id="{folder}"/></m:SavedItemFolderId>' if folder else ""
    return client.call(
        f'<m:CreateItem MessageDisposition="{disposition}">{saved}<m:Items><t:Message>'
        f'<t:MimeContent CharacterSet="UTF-8">{base64.b64encode(raw).decode()}</t:MimeContent>{extra}'
        "</t:Message></m:Items></m:CreateItem>"
    )


def mime_of(client, item_id) -> bytes:
    got = client.call(
        "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
        f'{MIME_SHAPE}</m:ItemShape><m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:GetItem>'
    )
    content = got.find(".//t:MimeContent", NS)
    assert content is not None and content.get("CharacterSet") == "UTF-8"
    assert got.find(".//t:Message", NS)[0].tag.endswith("MimeContent"), "MimeContent comes first, as in the schema"
    return base64.b64decode(content.text)


def parse(raw: bytes):
    return BytesParser(policy=email.policy.default).parsebytes(raw)


def test_includemimecontent_writes_the_item_as_exchange_does(world):
    _, _, alice, _, _ = world
    created = create_message(
        alice,
        subject="Quarterly &amp; more",
        body="&lt;p&gt;Hello &lt;b&gt;Bob&lt;/b&gt;&lt;/p&gt;",
        disposition="SaveOnly",
        extra="<t:Attachments><t:FileAttachment><t:Name>notes.txt</t:Name><t:ContentType>text/plain</t:ContentType>"
        f"<t:Content>{base64.b64encode(b'line one').decode()}</t:Content></t:FileAttachment></t:Attachments>",
    )
    (item_id, _) = item_ids(created)[0]
    raw = mime_of(alice, item_id)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends"
    msg = parse(raw)
    names = [k.lower() for k in msg]
    for earlier, later in (
        ("from", "subject"),
        ("subject", "thread-topic"),
        ("date", "message-id"),
        ("message-id", "content-type"),
    ):
        assert names.index(earlier) < names.index(later), names
    assert names[-1] == "mime-version"
    assert msg["Subject"] == "Quarterly & more" and msg["To"].addresses[0].addr_spec == "bob@contoso.example"
    item_msgid = text(get_items(alice, [item_id]), ".//t:InternetMessageId")
    assert msg["Message-ID"] == item_msgid
    assert msg["X-MS-Has-Attach"] == "yes"
    assert msg.get_content_type() == "multipart/mixed"
    body = msg.get_payload()[0]
    assert body.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in body.get_payload()] == ["text/plain", "text/html"]
    attachment = next(msg.iter_attachments())
    assert attachment.get_filename() == "notes.txt" and attachment.get_content() == "line one"


def test_mimecontent_saveonly_reads_recipients_subject_body_and_keeps_the_bytes(world):
    _, _, alice, _, _ = world
    raw = html_message("desk@example.org", "Alice <alice@contoso.example>, bob@contoso.example")
    created = create_from_mime(alice, raw, folder="inbox")
    assert codes(created) == ["NoError"]
    (item_id, _) = item_ids(created)[0]
    got = get_items(alice, [item_id])
    assert text(got, ".//t:Subject") == "HTML news"
    assert text(got, ".//t:InternetMessageId") == "<html-1@example.org>"
    assert [e.text for e in got.iterfind(".//t:ToRecipients/t:Mailbox/t:EmailAddress", NS)] == [
        "alice@contoso.example",
        "bob@contoso.example",
    ]
    assert text(got, ".//t:From/t:Mailbox/t:Name") == "News Desk"
    assert got.find(".//t:Body", NS).get("BodyType") == "HTML" and "Rich" in text(got, ".//t:Body")
    assert text(got, ".//t:Importance") == "High"
    assert text(got, ".//t:HasAttachments") == "true"
    assert text(got, ".//t:Attachments/t:FileAttachment/t:Name") == "report.pdf"
    assert mime_of(alice, item_id) == raw, "an unchanged item keeps the MIME it came with"


@pytest.mark.parametrize("disposition", ["SendOnly", "SendAndSaveCopy"])
def test_mimecontent_sent_reaches_the_recipient_with_its_message_id(world, disposition):
    _, _, alice, bob, _ = world
    raw = iso2022jp_message(
        "alice@contoso.example",
        "bob@contoso.example",
        msgid=f"<send-{disposition}@contoso.example>",
        bcc="carol@other.example",
    )
    assert codes(create_from_mime(alice, raw, disposition)) == ["NoError"]
    inbox = find_items(bob, shape="Default")
    assert text(inbox, ".//t:Subject") == JA_SUBJECT
    (received_id, _) = item_ids(inbox)[0]
    received = get_items(bob, [received_id])
    assert text(received, ".//t:InternetMessageId") == f"<send-{disposition}@contoso.example>"
    assert text(received, ".//t:Body").replace("\r\n", "\n").rstrip() == JA_BODY
    delivered = mime_of(bob, received_id)
    assert b"Bcc:" not in delivered and b"carol@other.example" not in delivered, "a Bcc is not delivered"
    sent = find_items(alice, folder="sentitems")
    assert len(item_ids(sent)) == (1 if disposition == "SendAndSaveCopy" else 0)


def test_mimecontent_without_recipients_cannot_be_sent(world):
    _, _, alice, _, _ = world
    raw = b"From: alice@contoso.example\r\nSubject: nobody\r\n\r\nbody\r\n"
    result = create_from_mime(alice, raw, "SendOnly")
    assert codes(result) == ["ErrorInvalidRecipients"]


def test_message_id_and_date_added_when_the_mime_has_none(world):
    _, _, alice, bob, _ = world
    raw = b"From: alice@contoso.example\r\nTo: bob@contoso.example\r\nSubject: bare\r\n\r\nbody\r\n"
    assert codes(create_from_mime(alice, raw, "SendOnly")) == ["NoError"]
    (received_id, _) = item_ids(find_items(bob))[0]
    msg = parse(mime_of(bob, received_id))
    assert msg["Message-ID"] == text(get_items(bob, [received_id]), ".//t:InternetMessageId")
    assert msg["Date"] and msg["Subject"] == "bare"


@pytest.mark.parametrize("build", [iso2022jp_message, utf8_message], ids=["iso-2022-jp", "utf-8"])
def test_japanese_mime_round_trips(world, build):
    _, _, alice, _, _ = world
    raw = build("suzuki@example.jp", "alice@contoso.example")
    (item_id, _) = item_ids(create_from_mime(alice, raw, folder="inbox"))[0]
    got = get_items(alice, [item_id])
    assert text(got, ".//t:Subject") == JA_SUBJECT
    assert text(got, ".//t:Body").replace("\r\n", "\n").rstrip() == JA_BODY
    assert mime_of(alice, item_id) == raw
    if build is iso2022jp_message:
        assert b"=?iso-2022-jp?b?" in raw.lower() and b'charset="iso-2022-jp"' in raw
        name, content = JA_ATTACHMENT
        assert text(got, ".//t:Attachments/t:FileAttachment/t:Name") == name
        assert text(got, ".//t:Attachments/t:FileAttachment/t:Size") == str(len(content))


def test_a_changed_item_gets_mime_written_from_its_properties(world):
    _, _, alice, _, _ = world
    raw = utf8_message("suzuki@example.jp", "alice@contoso.example")
    (item_id, change_key) = item_ids(create_from_mime(alice, raw, folder="inbox"))[0]
    alice.call(
        f'<m:UpdateItem ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange>'
        f'<t:ItemId Id="{item_id}" ChangeKey="{change_key}"/><t:Updates><t:SetItemField>'
        '<t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>件名を変更</t:Subject></t:Message>'
        "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
    )
    rebuilt = mime_of(alice, item_id)
    assert rebuilt != raw
    msg = parse(rebuilt)
    assert msg["Subject"] == "件名を変更" and "=?utf-8?" in rebuilt.decode("ascii").lower()
    assert msg["Message-ID"] == "<ja-mail-utf8@example.jp>"
    assert JA_BODY.split("\n")[0] in msg.get_body(("plain",)).get_content()


def test_a_read_flag_change_keeps_the_mime(world):
    _, _, alice, _, _ = world
    raw = utf8_message("suzuki@example.jp", "alice@contoso.example")
    (item_id, change_key) = item_ids(create_from_mime(alice, raw, folder="inbox"))[0]
    alice.call(
        f'<m:UpdateItem ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange>'
        f'<t:ItemId Id="{item_id}" ChangeKey="{change_key}"/><t:Updates><t:SetItemField>'
        '<t:FieldURI FieldURI="message:IsRead"/><t:Message><t:IsRead>false</t:IsRead></t:Message>'
        "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
    )
    assert mime_of(alice, item_id) == raw


def test_properties_beside_mimecontent_win(world):
    _, _, alice, _, _ = world
    raw = utf8_message("suzuki@example.jp", "alice@contoso.example")
    created = create_from_mime(alice, raw, folder="inbox", extra="<t:Subject>Given explicitly</t:Subject>")
    (item_id, _) = item_ids(created)[0]
    assert text(get_items(alice, [item_id]), ".//t:Subject") == "Given explicitly"
    assert parse(mime_of(alice, item_id))["Subject"] == "Given explicitly"


@pytest.mark.parametrize("content", ["not base64 !!", ""])
def test_mimecontent_that_is_no_message_is_refused(world, content):
    _, _, alice, _, _ = world
    result = alice.call(
        '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message>'
        f"<t:MimeContent>{content}</t:MimeContent></t:Message></m:Items></m:CreateItem>"
    )
    assert codes(result) == ["ErrorMimeContentInvalid"]


def test_mimecontent_on_a_contact_is_an_unsupported_conversion(world):
    _, _, alice, _, _ = world
    raw = base64.b64encode(b"BEGIN:VCARD\r\nEND:VCARD\r\n").decode()
    result = alice.call(
        f"<m:CreateItem><m:Items><t:Contact><t:MimeContent>{raw}</t:MimeContent></t:Contact></m:Items></m:CreateItem>"
    )
    assert codes(result) == ["ErrorUnsupportedMimeConversion"]


def test_mime_content_as_a_field_uri_and_internet_headers(world):
    _, _, alice, _, _ = world
    raw = html_message("desk@example.org", "alice@contoso.example")
    (item_id, _) = item_ids(create_from_mime(alice, raw, folder="inbox"))[0]
    got = get_items(
        alice,
        [item_id],
        shape="IdOnly",
        extra='<t:AdditionalProperties><t:FieldURI FieldURI="item:MimeContent"/>'
        '<t:FieldURI FieldURI="item:InternetMessageHeaders"/></t:AdditionalProperties>',
    )
    assert base64.b64decode(text(got, ".//t:MimeContent")) == raw
    headers = {h.get("HeaderName"): h.text for h in got.iterfind(".//t:InternetMessageHeader", NS)}
    assert headers["Message-ID"] == "<html-1@example.org>" and headers["Importance"] == "high"


def test_an_attachment_given_beside_mimecontent_is_in_the_written_mime(world):
    _, _, alice, _, _ = world
    raw = utf8_message("suzuki@example.jp", "alice@contoso.example")
    extra = (
        "<t:Attachments><t:FileAttachment><t:Name>extra.txt</t:Name>"
        f"<t:Content>{base64.b64encode(b'more').decode()}</t:Content></t:FileAttachment></t:Attachments>"
    )
    (item_id, _) = item_ids(create_from_mime(alice, raw, folder="inbox", extra=extra))[0]
    written = parse(mime_of(alice, item_id))
    assert [a.get_filename() for a in written.iter_attachments()] == ["extra.txt"]
    assert written["Subject"] == JA_SUBJECT and written["Message-ID"] == "<ja-mail-utf8@example.jp>"
