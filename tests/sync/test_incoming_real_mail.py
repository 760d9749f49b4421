"""Incoming sync on what real mailboxes hold, against the loopback server over HTTPS:

- end to end, a Japanese ISO-2022-JP message with an attachment: sent through CreateItem
  MimeContent (exchangelib), fetched with IncludeMimeContent byte for byte, read by the app's
  incoming sync: subject, body and the attachment's metadata in the store, its content on demand;
- a non-delivery report for a tracked email marks that email Failed, and is itself readable;
- items that are no email are skipped, each with a logged reason;
- real Exchange GetItem answers (the vendored captures) are read by the incoming parser.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import DELEGATE, Account, Configuration, Credentials, Message
from exchangelib.version import EXCHANGE_2013_SP1, Version
from lxml import etree
from mime_samples import JA_ATTACHMENT, JA_BODY, JA_SUBJECT, iso2022jp_message

from app.domain.enums import EmailDirection, EmailStatus, TrackingOption
from app.exchange.message_parse import parse_message
from app.exchange.outgoing_email import OutgoingEmail, send_email
from app.store.models import EmailActivity, EmailAttachment, Mailbox, UserOptions
from app.sync.email_attachments import AttachmentNotAvailable, attachment_content
from app.sync.incoming import sync_incoming
from app.sync.session import connection_for

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)
CAPTURES = Path(__file__).resolve().parents[1] / "data" / "ews-captures" / "php-ews-recordings"


def incoming_mailbox(setup, ews, prefix):
    account = ews.new_account(prefix, **NO_SEED)
    mailbox = setup.mailbox(setup.profile(f"Real mail {prefix}"), account.email)
    Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == setup.user.id).execute()
    return account, Mailbox.get_by_id(mailbox.id)


def exchangelib_account(ews, account):
    config = Configuration(
        service_endpoint=ews.ews_url,
        credentials=Credentials(account.email, account.password),
        version=Version(build=EXCHANGE_2013_SP1),
    )
    return Account(account.email, config=config, autodiscover=False, access_type=DELEGATE)


def test_japanese_iso2022jp_mime_with_attachment_end_to_end(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "e2e-ja")
    sender = ews.new_account("e2e-ja-sender", **NO_SEED)
    raw = iso2022jp_message(sender.email, account.email, msgid="<e2e-ja-1@contoso.com>")
    with exchangelib_trusts(ews.ca_path):
        # 1. sent as MIME through CreateItem MimeContent (SendAndSaveCopy)
        outbox = exchangelib_account(ews, sender)
        Message(account=outbox, folder=outbox.sent, mime_content=raw).send_and_save()
        # 2. fetched with IncludeMimeContent: the same bytes
        inbox = exchangelib_account(ews, account)
        assert inbox.inbox.get(message_id="<e2e-ja-1@contoso.com>").mime_content == raw

    # 3. the app's incoming sync reads it into the store
    run = sync_incoming(mailbox)
    assert run.failure is None and run.created == 1
    email = EmailActivity.get(EmailActivity.message_id == "<e2e-ja-1@contoso.com>")
    assert email.subject == JA_SUBJECT
    assert email.body.replace("\r\n", "\n").strip() == JA_BODY
    assert not email.body_is_html and email.item_class == "IPM.Note"
    assert email.sender == sender.email and email.direction is EmailDirection.INCOMING
    (attachment,) = email.attachments
    name, content = JA_ATTACHMENT
    assert (attachment.name, attachment.size, attachment.is_inline, attachment.is_item) == (
        name,
        len(content),
        False,
        False,
    )
    assert attachment.content is None, "metadata only until someone asks"
    assert attachment_content(attachment.id) == content
    assert bytes(EmailAttachment.get_by_id(attachment.id).content) == content, "kept once fetched"


def test_attachment_content_of_a_deleted_email_is_not_available(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "gone-att")
    sender = ews.new_account("gone-att-sender", **NO_SEED)
    with exchangelib_trusts(ews.ca_path):
        outbox = exchangelib_account(ews, sender)
        Message(account=outbox, folder=outbox.sent, mime_content=iso2022jp_message(sender.email, account.email)).send()
    sync_incoming(mailbox)
    (attachment,) = EmailAttachment.select()
    inbox = ews.server.directory.mailbox(account.email)
    for item in list(inbox.distinguished["inbox"].items.values()):
        inbox.remove_item(item)
    with pytest.raises(AttachmentNotAvailable):
        attachment_content(attachment.id)


def test_a_non_delivery_report_marks_the_tracked_email_failed(setup, ews):
    account, mailbox = incoming_mailbox(setup, ews, "ndr")
    tracked = EmailActivity.create(
        message_id="<tracked-offer-1@contoso.com>",
        subject="Our offer",
        body="Dear customer",
        sender=account.email,
        to_recipients="nobody.here@contoso.com",
        direction=EmailDirection.OUTGOING,
        status=EmailStatus.SENT,
        owner_user=setup.user,
    )
    other = EmailActivity.create(
        message_id="<tracked-other@contoso.com>",
        subject="Other",
        sender=account.email,
        direction=EmailDirection.OUTGOING,
        status=EmailStatus.SENT,
    )
    email = OutgoingEmail(
        message_id=tracked.message_id,
        subject=tracked.subject,
        body=tracked.body,
        body_is_html=False,
        to_recipients=["nobody.here@contoso.com"],
        cc_recipients=[],
    )
    send_email(connection_for(mailbox), email)

    run = sync_incoming(mailbox)
    assert run.failure is None
    assert EmailActivity.get_by_id(tracked.id).status is EmailStatus.FAILED
    assert EmailActivity.get_by_id(other.id).status is EmailStatus.SENT
    report = EmailActivity.get(EmailActivity.item_class == "REPORT.IPM.Note.NDR")
    assert report.subject == "Undeliverable: Our offer"
    assert "nobody.here@contoso.com" in report.body and report.in_reply_to == tracked.message_id
    assert [a.is_item for a in report.attachments] == [True], "the original rides along"


def test_items_that_are_no_email_are_skipped_with_a_reason(setup, ews, caplog):
    account, mailbox = incoming_mailbox(setup, ews, "kinds")
    ews.server.deliver(account.email, "A real email", body="text")
    with exchangelib_trusts(ews.ca_path):
        own = exchangelib_account(ews, account)
        from exchangelib import CalendarItem, EWSDateTime, EWSTimeZone

        start = EWSDateTime(2027, 1, 6, 9, 0, tzinfo=EWSTimeZone("UTC"))
        CalendarItem(account=own, folder=own.inbox, subject="Not mail", start=start, end=start).save()
    with caplog.at_level(logging.INFO, logger="app.exchange.services.sync_folder_items"):
        run = sync_incoming(mailbox)
    assert run.created == 1
    assert [e.subject for e in EmailActivity.select()] == ["A real email"]
    assert any("is a CalendarItem (IPM.Appointment), not an email" in r.getMessage() for r in caplog.records)


def _captured_messages():
    for path in sorted((CAPTURES / "garethp" / "ews" / "Test").rglob("*.json")):
        for exchange in json.loads(path.read_text()):
            body = exchange.get("body") or ""
            if "GetItemResponse" not in body:
                continue
            root = etree.fromstring(body.encode())
            for message in root.iter("{http://schemas.microsoft.com/exchange/services/2006/types}Message"):
                yield path.name, message


def test_real_exchange_getitem_answers_are_read():
    """Every t:Message of the GetItem answers recorded from Exchange Online and Exchange 2019."""
    read = [(name, parse_message(message)) for name, message in _captured_messages()]
    assert read, "the captures hold GetItem answers"
    for name, email in read:
        assert email.item_id, name
        assert email.item_class.startswith("IPM."), (name, email.item_class)
        assert all(a.attachment_id and a.name for a in email.attachments), name
