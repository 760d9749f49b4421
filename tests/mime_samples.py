"""MIME messages as mail clients and gateways send them (for the MIME tests): a Japanese one in
ISO-2022-JP with an encoded-word subject and an attachment, the same in UTF-8, an HTML one.
Built with Python's email package, the bytes fixed per call (no random boundary or date)."""

from __future__ import annotations

import email.policy
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

JA_SUBJECT = "会議の議事録について"
JA_BODY = "田中様\n\nお世話になっております。\n添付の議事録をご確認ください。\n\n鈴木"
JA_ATTACHMENT = ("議事録.txt", "第1回 定例会議 議事録\n".encode() * 3)
POLICY = email.policy.SMTP


def iso2022jp_message(
    sender: str,
    to: str,
    *,
    msgid: str = "<ja-mail-1@example.jp>",
    cc: str | None = None,
    bcc: str | None = None,
    attachment: tuple[str, bytes] | None = JA_ATTACHMENT,
) -> bytes:
    """A Japanese message the way Japanese mailers write it: ISO-2022-JP text, 7bit, the subject
    and the attachment's name as ISO-2022-JP encoded words."""
    body = MIMEText(JA_BODY, "plain", "iso-2022-jp")
    if attachment is None:
        msg = body
    else:
        msg = MIMEMultipart("mixed", boundary="----=_Part_JA_0001")
        msg.attach(body)
        name, content = attachment
        part = MIMEApplication(content, "octet-stream")
        encoded_name = Header(name, "iso-2022-jp").encode()  # as Japanese mailers write it (RFC 2047)
        part["Content-Disposition"] = f'attachment; filename="{encoded_name}"'
        msg.attach(part)
    msg["From"] = f"{Header('鈴木 一郎', 'iso-2022-jp').encode()} <{sender}>"
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    if bcc:
        msg["Bcc"] = bcc
    msg["Subject"] = Header(JA_SUBJECT, "iso-2022-jp").encode()
    msg["Date"] = "Mon, 06 May 2024 09:00:00 +0900"
    msg["Message-ID"] = msgid
    return msg.as_bytes(policy=POLICY)


def utf8_message(sender: str, to: str, *, msgid: str = "<ja-mail-utf8@example.jp>") -> bytes:
    msg = EmailMessage(policy=POLICY)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = JA_SUBJECT
    msg["Date"] = "Mon, 06 May 2024 09:00:00 +0900"
    msg["Message-ID"] = msgid
    msg.set_content(JA_BODY, charset="utf-8", cte="base64")
    return msg.as_bytes()


def html_message(sender: str, to: str, *, msgid: str = "<html-1@example.org>", subject: str = "HTML news") -> bytes:
    msg = EmailMessage(policy=POLICY)
    msg["From"] = f"News Desk <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = "Tue, 07 May 2024 10:00:00 +0000"
    msg["Message-ID"] = msgid
    msg["Importance"] = "high"
    msg.set_content("Plain part")
    msg.add_alternative("<html><body><p>Rich <b>part</b></p></body></html>", subtype="html")
    msg.add_attachment(b"%PDF-1.4 sample", maintype="application", subtype="pdf", filename="report.pdf")
    return msg.as_bytes()
