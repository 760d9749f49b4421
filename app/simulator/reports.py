"""Reports Exchange writes into the sender's Inbox: non-delivery reports and read receipts.

- A message sent to an address of a domain this server hosts, for which there is no mailbox,
  comes back as a non-delivery report (item class ``REPORT.IPM.Note.NDR``) from the Microsoft
  Exchange postmaster: subject "Undeliverable: …", a text naming the recipient and the status
  550 5.1.1 RESOLVER.ADR.RecipNotFound, the original message attached (message/rfc822), and the
  ``X-MS-Exchange-Message-Is-Ndr`` header. Its MIME is a multipart/report (RFC 3464) with the
  delivery-status part, as Exchange sends NDRs over SMTP. Addresses of other domains are handed
  to the "Internet" and vanish, as from a server whose smart host accepts everything.
- A message that asked for a read receipt (``IsReadReceiptRequested``) produces one, item class
  ``REPORT.IPM.Note.IPNRN``, subject "Read: …", when its recipient first marks it read — unless
  the recipient suppressed it (``SuppressReadReceipt``).

EWS (Exchange 2013 SP1) returns both as ``t:Message`` with that ItemClass: the schema has no
element of its own for reports.
"""

from __future__ import annotations

import uuid
from email.message import EmailMessage
from email.utils import format_datetime

from . import attachments as att
from .model import Address, Item, Mailbox, utcnow

POSTMASTER_NAME = "Microsoft Outlook"
NDR_CLASS = "REPORT.IPM.Note.NDR"
READ_RECEIPT_CLASS = "REPORT.IPM.Note.IPNRN"
NDR_STATUS = "5.1.1"
NDR_DIAGNOSTIC = "smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"


def postmaster(domain: str) -> Address:
    return (POSTMASTER_NAME, f"postmaster@{domain}")


def _new_message_id(domain: str) -> str:
    return f"<{uuid.uuid4().hex.upper()}@{domain}>"


def non_delivery_report(sender_mb: Mailbox, original: Item, unknown: list[Address]) -> Item:
    """The NDR of *original* (sent from *sender_mb*) for the *unknown* recipients."""
    from .mime import POLICY, build_mime

    domain = sender_mb.email.split("@", 1)[1]
    subject = f"Undeliverable: {original.subject or ''}"
    text = (
        "Delivery has failed to these recipients or groups:\n\n"
        + "".join(f"{name or email} ({email})\n" for name, email in unknown)
        + "The email address you entered couldn't be found. Please check the recipient's email address "
        "and try to resend the message. If the problem continues, please contact your helpdesk.\n\n"
        "Diagnostic information for administrators:\n\n"
        f"Generating server: mail.{domain}\n\n"
        + "".join(
            f"{email}\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n"
            for _, email in unknown
        )
    )
    report = Item("Message")
    report.item_class = NDR_CLASS
    report.subject = subject
    report.body, report.body_type = text, "Text"
    report.sender = report.from_ = postmaster(domain)
    report.to = (original.from_ or original.sender or (None, sender_mb.email),)
    report.msgid = _new_message_id(domain)
    report.in_reply_to = original.msgid
    report.references = original.msgid
    report.sent = utcnow()
    report.set("ndr_recipients", tuple(e for _, e in unknown))
    original_mime = build_mime(original)
    att.add(report, att.new_item_attachment(original_mime, name=original.subject or "Untitled"))
    # the MIME Exchange delivers: multipart/report with the delivery status and the original
    msg = EmailMessage(policy=POLICY)
    msg["From"] = f"{POSTMASTER_NAME} <postmaster@{domain}>"
    addr = report.to[0]
    msg["To"] = f"{addr[0]} <{addr[1]}>" if addr[0] else addr[1]
    msg["Subject"] = subject
    msg["Date"] = format_datetime(report.sent)
    msg["Message-ID"] = report.msgid
    if original.msgid:
        msg["In-Reply-To"] = original.msgid
        msg["References"] = original.msgid
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-MS-Exchange-Message-Is-Ndr"] = ""
    msg["Content-Language"] = "en-US"
    msg.set_content(text)
    msg.make_mixed()
    status = EmailMessage(policy=POLICY)  # message/delivery-status: one header block per part
    status["Content-Type"] = "message/delivery-status"
    blocks: list = [EmailMessage(policy=POLICY)]
    blocks[0]["Reporting-MTA"] = f"dns;mail.{domain}"
    blocks[0]["Arrival-Date"] = format_datetime(report.sent)
    for _, email in unknown:
        block = EmailMessage(policy=POLICY)
        block["Final-Recipient"] = f"rfc822;{email}"
        block["Action"] = "failed"
        block["Status"] = NDR_STATUS
        block["Diagnostic-Code"] = NDR_DIAGNOSTIC
        blocks.append(block)
    status.set_payload(blocks)
    msg.attach(status)
    original_part = EmailMessage(policy=POLICY)
    from email.parser import BytesParser

    original_part.set_content(BytesParser(policy=POLICY).parsebytes(original_mime))
    msg.attach(original_part)
    msg.set_type("multipart/report")
    msg.set_param("report-type", "delivery-status")
    msg.set_boundary(f"_ndr_{uuid.uuid4().hex}_")
    report.set(
        "headers",
        tuple((k, " ".join(str(v).split())) for k, v in msg.items() if k.lower() not in ("content-type",))
        + (("Content-Type", "multipart/report; report-type=delivery-status"),),
    )
    report.set("mime", msg.as_bytes(policy=POLICY))
    return report


def read_receipt(reader_mb: Mailbox, reader: Address, original: Item) -> Item:
    """The read receipt of *original* (as read in *reader_mb*), to its sender."""
    domain = reader_mb.email.split("@", 1)[1]
    receipt = Item("Message")
    receipt.item_class = READ_RECEIPT_CLASS
    receipt.subject = f"Read: {original.subject or ''}"
    sent = original.sent or original.received or utcnow()
    receipt.body = (
        "Your message\n\n"
        f"  To: {reader[0] or reader[1]}\n"
        f"  Subject: {original.subject or ''}\n"
        f"  Sent: {sent:%A, %B %d, %Y %H:%M:%S} (UTC)\n\n"
        f"was read on {utcnow():%A, %B %d, %Y %H:%M:%S} (UTC)."
    )
    receipt.body_type = "Text"
    receipt.sender = receipt.from_ = reader
    author = original.from_ or original.sender
    receipt.to = (author,) if author else ()
    receipt.msgid = _new_message_id(domain)
    receipt.in_reply_to = original.msgid
    receipt.references = original.msgid
    receipt.sent = utcnow()
    return receipt
