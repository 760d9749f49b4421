"""What app.exchange hands to its callers: values read from EWS answers, our errors, their classification."""

from __future__ import annotations

from datetime import datetime, timezone

from exchangelib import errors as ews
from lxml import etree

from app.exchange.errors import (
    EmailRefused,
    ItemError,
    ServerBusy,
    SyncStateInvalid,
    classify,
    item_error,
    unauthorized_failure,
)
from app.exchange.message_parse import NewMessage, parse_message, parse_new_item

T_NS = "http://schemas.microsoft.com/exchange/services/2006/types"


def element(xml: str):
    return etree.fromstring(f'<t:Root xmlns:t="{T_NS}">{xml}</t:Root>')[0]


def test_a_getitem_message_becomes_plain_values():
    email = parse_message(
        element("""
        <t:Message>
          <t:ItemId Id="AAA=" ChangeKey="CK1"/>
          <t:Subject>Order 17</t:Subject>
          <t:Body BodyType="HTML">&lt;p&gt;Hi&lt;/p&gt;</t:Body>
          <t:DateTimeReceived>2024-05-06T09:00:00Z</t:DateTimeReceived>
          <t:DateTimeSent>2024-05-06T10:59:30+02:00</t:DateTimeSent>
          <t:InternetMessageId> &lt;m1@fabrikam.com&gt; </t:InternetMessageId>
          <t:ConversationId Id="CONV"/>
          <t:Sender><t:Mailbox><t:EmailAddress>sender@fabrikam.com</t:EmailAddress></t:Mailbox></t:Sender>
          <t:From><t:Mailbox><t:Name>Only a name</t:Name></t:Mailbox></t:From>
          <t:ToRecipients>
            <t:Mailbox><t:EmailAddress>a@contoso.com</t:EmailAddress></t:Mailbox>
            <t:Mailbox><t:Name>no address</t:Name></t:Mailbox>
            <t:Mailbox><t:EmailAddress>b@contoso.com</t:EmailAddress></t:Mailbox>
          </t:ToRecipients>
        </t:Message>""")
    )
    assert (email.item_id, email.change_key, email.subject) == ("AAA=", "CK1", "Order 17")
    assert email.body == "<p>Hi</p>" and email.body_is_html
    assert email.received == datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
    assert email.sent == datetime(2024, 5, 6, 8, 59, 30, tzinfo=timezone.utc) and email.sent.tzinfo is timezone.utc
    assert email.message_id == "<m1@fabrikam.com>" and email.conversation_id == "CONV"
    assert email.sender == "sender@fabrikam.com", "From without an address: the Sender's"
    assert email.to_recipients == "a@contoso.com;b@contoso.com" and email.cc_recipients == ""
    assert (email.in_reply_to, email.references) == (None, "")


def test_a_bare_message_has_empty_values():
    email = parse_message(element('<t:Message><t:ItemId Id="B"/><t:Body BodyType="Text"/></t:Message>'))
    assert (email.subject, email.body, email.body_is_html, email.sender, email.message_id) == ("", "", False, "", "")
    assert email.change_key is None and email.received is None and email.conversation_id is None


def test_created_items_of_syncfolderitems():
    asked = []

    def exchangelib_reads(elem):
        asked.append(elem)
        return datetime(2024, 5, 6, 7, 0, tzinfo=timezone.utc)

    plain = element(
        '<t:Message><t:ItemId Id="M" ChangeKey="K"/>'
        "<t:DateTimeReceived>2024-05-06T09:00:00Z</t:DateTimeReceived></t:Message>"
    )
    assert parse_new_item(plain, exchangelib_reads) == NewMessage(
        "M", "K", datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
    )
    assert asked == [], "whole seconds UTC: read here"
    other = element(
        '<t:Message><t:ItemId Id="M2" ChangeKey="K"/>'
        "<t:DateTimeReceived>2024-05-06T09:00:00+02:00</t:DateTimeReceived></t:Message>"
    )
    assert parse_new_item(other, exchangelib_reads).received == datetime(2024, 5, 6, 7, 0, tzinfo=timezone.utc)
    assert asked == [other], "any other form: exchangelib's own field reads it"
    meeting = element(
        '<t:MeetingRequest><t:ItemId Id="R" ChangeKey="K"/>'
        "<t:DateTimeReceived>2024-05-06T09:00:00Z</t:DateTimeReceived></t:MeetingRequest>"
    )
    assert parse_new_item(meeting, exchangelib_reads) == NewMessage(  # a meeting request is mail too
        "R", "K", datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
    )
    appointment = element('<t:CalendarItem><t:ItemId Id="C" ChangeKey="K"/></t:CalendarItem>')
    assert parse_new_item(appointment, exchangelib_reads) is None


def test_item_errors_are_plain_values():
    gone = item_error(ews.ErrorItemNotFound("The specified object was not found in the store."))
    assert gone == ItemError("ErrorItemNotFound", "The specified object was not found in the store.")
    assert gone.item_gone and not gone.changed_meanwhile and str(gone) == gone.text
    stale = item_error(ews.ErrorIrresolvableConflict("changed"))
    assert stale.changed_meanwhile and not stale.item_gone


def test_our_errors_are_classified_as_the_exchangelib_error_they_stand_for():
    busy = ews.ErrorServerBusy("busy", back_off=12.5)
    assert classify(ServerBusy(str(busy), busy)) == classify(busy)
    assert classify(ServerBusy(str(busy), busy)).backoff_ms == 12500
    refused_state = ews.ErrorInvalidSyncStateData("bad state")
    assert classify(SyncStateInvalid("bad state", refused_state)) == classify(refused_state)
    refused = EmailRefused("ErrorInvalidRecipients", "no such recipient")
    assert (refused.code, refused.text, str(refused)) == (
        "ErrorInvalidRecipients",
        "no such recipient",
        "no such recipient",
    )


def test_unauthorized_failure_is_the_401_classification():
    text = "Invalid credentials for https://mail.contoso.com/EWS/Exchange.asmx"
    failure = unauthorized_failure(text)
    assert failure == classify(ews.UnauthorizedError(text))
    assert failure.code == "Unauthorized" and not failure.transient


def test_reports_and_attachments_are_read_from_getitem():
    from app.exchange.message_parse import AttachmentInfo

    email = parse_message(
        element("""
        <t:Message>
          <t:ItemId Id="NDR=" ChangeKey="CK"/>
          <t:ItemClass>REPORT.IPM.Note.NDR</t:ItemClass>
          <t:Subject>Undeliverable: Offer</t:Subject>
          <t:Attachments>
            <t:ItemAttachment><t:AttachmentId Id="A1"/><t:Name>Offer</t:Name><t:Size>812</t:Size>
              <t:IsInline>false</t:IsInline></t:ItemAttachment>
            <t:FileAttachment><t:AttachmentId Id="A2"/><t:Name>logo.png</t:Name><t:ContentType>image/png</t:ContentType>
              <t:ContentId>logo@1</t:ContentId><t:Size>10</t:Size><t:IsInline>true</t:IsInline></t:FileAttachment>
          </t:Attachments>
        </t:Message>""")
    )
    assert email.item_class == "REPORT.IPM.Note.NDR" and email.is_non_delivery_report
    assert email.attachments == [
        AttachmentInfo("A1", "Offer", "", 812, None, False, True),
        AttachmentInfo("A2", "logo.png", "image/png", 10, "logo@1", True, False),
    ]
    plain = parse_message(element('<t:Message><t:ItemId Id="P"/></t:Message>'))
    assert plain.item_class == "IPM.Note" and not plain.is_non_delivery_report and plain.attachments == []
    created = parse_new_item(
        element('<t:Message><t:ItemId Id="N"/><t:ItemClass>REPORT.IPM.Note.IPNRN</t:ItemClass></t:Message>'),
        lambda elem: None,
    )
    assert created.item_class == "REPORT.IPM.Note.IPNRN"
