"""Items as RFC 5322 MIME and back, the way Exchange 2013 converts them for EWS.

- ``item_mime(item, ctx)``: the ``t:MimeContent`` of GetItem with ``IncludeMimeContent`` (and
  of an item attachment). An item that arrived as MIME and has not changed since keeps its
  original bytes, as Exchange returns the stored MIME of an unmodified message; any other item
  is written from its properties: headers in Exchange's order (From, To, Cc, Subject,
  Thread-Topic, Thread-Index, Date, Message-ID, References, In-Reply-To, Accept-Language,
  Content-Language, X-MS-Has-Attach, X-MS-TNEF-Correlator, Content-Type, MIME-Version), the body
  as multipart/alternative (text/plain and text/html), inline attachments in multipart/related,
  the others in multipart/mixed, an item attachment as message/rfc822.
- ``item_from_mime(raw)``: the message of a CreateItem ``t:MimeContent`` (or of an attached
  message/rfc822 part): recipients, subject (encoded words decoded, ISO-2022-JP as well as UTF-8),
  body (the HTML part when there is one), Message-ID, threading headers, importance, read-receipt
  request and attachments; the original bytes are kept.

Only Python's ``email`` package is used; ``MimeError`` means the bytes are no message.
"""

from __future__ import annotations

import base64
import binascii
import email.policy
import hashlib
import mimetypes
import re
from datetime import datetime, timezone
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

from . import attachments as att
from .model import Address, Item, utcnow
from .xmlitems import body_as

POLICY = email.policy.SMTP.clone(max_line_length=998)  # CRLF, like Exchange
_PARSE_POLICY = email.policy.default
_IMPORTANCE = {"high": "High", "low": "Low", "normal": "Normal", "urgent": "High", "non-urgent": "Low"}
_PRIORITY = {"1": "High", "2": "High", "3": "Normal", "4": "Low", "5": "Low"}
_SENSITIVITY = {"personal": "Personal", "private": "Private", "company-confidential": "Confidential"}


class MimeError(ValueError):
    """The MimeContent is not a message (-> ErrorMimeContentInvalid / ConversionFailed)."""


# ------------------------------------------------------------------------------ decoding
def decode_content(text: str) -> bytes:
    """The bytes of a base64 ``t:MimeContent`` text; MimeError when it is not base64."""
    try:
        raw = base64.b64decode("".join((text or "").split()), validate=True)
    except (binascii.Error, ValueError):
        raise MimeError("The MIME content is not valid base64.") from None
    if not raw.strip():
        raise MimeError("The MIME content is empty.")
    return raw


def _addresses(msg: Message, name: str) -> tuple[Address, ...]:
    header = msg.get(name)
    if header is None:
        return ()
    try:
        found = getattr(header, "addresses", ())
    except (IndexError, ValueError, TypeError):  # a header the parser could not split
        found = ()
    out = []
    for a in found:
        if a.addr_spec and "@" in a.addr_spec:
            out.append((a.display_name or None, a.addr_spec))
    return tuple(out)


def _text_header(msg: Message, name: str) -> str | None:
    value = msg.get(name)
    if value is None:
        return None
    return " ".join(str(value).split()) if name != "Subject" else str(value).replace("\r", "").replace("\n", "")


def _decoded(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, UnicodeError, KeyError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    return content if isinstance(content, str) else content.decode("utf-8", "replace")


def _body(msg: EmailMessage) -> tuple[str, str]:
    """(body type, text): the HTML part when there is one, else the plain text."""
    part = msg.get_body(preferencelist=("html", "plain"))
    if part is None:
        return "Text", ""
    text = _decoded(part).replace("\r\n", "\n")
    return ("HTML" if part.get_content_subtype() == "html" else "Text"), text


def _attachment_parts(msg: EmailMessage):
    """The attachments of *msg*: iter_attachments of each multipart level (inline images of a
    multipart/related included)."""
    found = []
    body_parts = set()
    body = msg.get_body(preferencelist=("related", "html", "plain"))
    if body is not None:
        body_parts.add(id(body))
        for p in body.walk():
            if p.get_content_maintype() == "text" and p.get_content_disposition() != "attachment":
                body_parts.add(id(p))
    for part in msg.walk():
        if part is msg or part.is_multipart() and part.get_content_type() != "message/rfc822":
            continue
        if id(part) in body_parts:
            continue
        disposition = part.get_content_disposition()
        if (
            part.get_content_type() == "message/rfc822"
            or disposition in ("attachment", "inline")
            or part.get_content_maintype() not in ("text", "multipart")
        ):
            found.append(part)
    # a message/rfc822 part's own sub-parts were walked too: keep only top-level attachments
    inner: set[int] = set()
    for part in found:
        if part.get_content_type() == "message/rfc822":
            for sub in part.walk():
                if sub is not part:
                    inner.add(id(sub))
    return [p for p in found if id(p) not in inner]


def item_from_mime(raw: bytes, *, received: datetime | None = None) -> Item:
    """A new Message from RFC 5322 bytes (MimeError when they are not a message)."""
    try:
        msg = BytesParser(policy=_PARSE_POLICY).parsebytes(raw)
    except Exception as exc:  # noqa: BLE001 - any parser failure is a conversion failure
        raise MimeError(f"The MIME content could not be parsed: {exc}") from None
    if not isinstance(msg, EmailMessage) or not msg.keys():
        raise MimeError("The MIME content has no headers.")
    item = Item("Message")
    item.subject = _text_header(msg, "Subject")
    item.body_type, item.body = _body(msg)
    from_ = _addresses(msg, "From")
    sender = _addresses(msg, "Sender")
    item.from_ = from_[0] if from_ else None
    item.sender = sender[0] if sender else item.from_
    item.to = _addresses(msg, "To")
    item.cc = _addresses(msg, "Cc")
    item.bcc = _addresses(msg, "Bcc")
    item.reply_to = _addresses(msg, "Reply-To")
    item.msgid = _text_header(msg, "Message-ID")
    item.in_reply_to = _text_header(msg, "In-Reply-To")
    item.references = _text_header(msg, "References")
    date = msg.get("Date")
    if date is not None:
        try:
            sent = parsedate_to_datetime(str(date))
            item.sent = (sent if sent.tzinfo else sent.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
        except (TypeError, ValueError, IndexError):
            item.sent = None
    importance = (_text_header(msg, "Importance") or "").lower()
    priority = (_text_header(msg, "X-Priority") or "").strip()[:1]
    item.importance = _IMPORTANCE.get(importance) or _PRIORITY.get(priority, "Normal")
    item.sensitivity = _SENSITIVITY.get((_text_header(msg, "Sensitivity") or "").lower(), "Normal")
    if msg.get("Disposition-Notification-To") is not None:
        item.set("read_receipt", True)
    if msg.get("Return-Receipt-To") is not None:
        item.set("delivery_receipt", True)
    keywords = _text_header(msg, "Keywords")
    if keywords:
        item.categories = tuple(k.strip() for k in keywords.split(",") if k.strip())
    item.set("headers", tuple((k, " ".join(str(v).split())) for k, v in msg.items()))
    when = received or utcnow()
    for part in _attachment_parts(msg):
        att.add(item, _attachment_from_part(part, when))
    item.set("mime", raw)
    return item


def _attachment_from_part(part: Message, when: datetime) -> dict[str, Any]:
    name = part.get_filename() or part.get_param("name") or None
    content_id = part.get("Content-ID")
    if part.get_content_type() == "message/rfc822":
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        mime = inner.as_bytes(policy=POLICY) if isinstance(inner, Message) else b""
        subject = None
        if isinstance(inner, Message):
            subject = _text_header(inner, "Subject")
        return att.new_item_attachment(mime, name=str(name or subject or "Untitled"), modified=when)
    content = part.get_payload(decode=True) or b""
    return att.new_file_attachment(
        str(name or "Untitled"),
        content if isinstance(content, bytes) else bytes(content),
        content_type=part.get_content_type(),
        content_id=str(content_id).strip().strip("<>") if content_id else None,
        is_inline=part.get_content_disposition() == "inline",
        modified=when,
    )


# ------------------------------------------------------------------------------ encoding
def _header_address(addr: Address) -> HeaderAddress:
    name, email_ = addr
    local, _, domain = email_.partition("@")
    try:
        return HeaderAddress(display_name=name or "", username=local, domain=domain)
    except (ValueError, IndexError):
        return HeaderAddress(display_name=name or "", addr_spec=email_)


def _set_addresses(msg: EmailMessage, name: str, addrs) -> None:
    if addrs:
        msg[name] = [_header_address(a) for a in addrs]


def _boundary(item: Item, n: int) -> str:
    seed = (item.msgid or item.id or "").encode()
    return f"_{n:03d}_{hashlib.sha1(seed).hexdigest()[:24].upper()}_"


def _body_part(item: Item) -> EmailMessage:
    """multipart/alternative: the text and the HTML of the body."""
    _, text = body_as(item, "Text")
    _, html = body_as(item, "HTML")
    part = EmailMessage(policy=POLICY)
    part.set_content(text or "", subtype="plain", charset=_charset(text), cte=_cte(text))
    part.add_alternative(html or "", subtype="html", charset=_charset(html), cte=_cte(html))
    return part


def _charset(text: str | None) -> str:
    return "us-ascii" if (text or "").isascii() else "utf-8"


def _cte(text: str | None) -> str:
    return "quoted-printable" if (text or "").isascii() else "base64"


def _attachment_part(a: dict[str, Any]) -> EmailMessage:
    part = EmailMessage(policy=POLICY)
    if a["kind"] == "item":
        inner = BytesParser(policy=POLICY).parsebytes(a.get("mime") or b"")
        part.set_content(inner, disposition="attachment")
        return part
    ctype = a.get("content_type") or mimetypes.guess_type(a["name"])[0] or "application/octet-stream"
    maintype, _, subtype = ctype.partition("/")
    part.set_content(
        bytes(a.get("content") or b""),
        maintype=maintype or "application",
        subtype=subtype or "octet-stream",
        disposition="inline" if a.get("is_inline") else "attachment",
        filename=a["name"],
        cid=f"<{a['content_id']}>" if a.get("content_id") else None,
    )
    part.set_param("name", a["name"])
    part.set_param("size", str(len(a.get("content") or b"")), header="Content-Disposition")
    stamp = format_datetime(a.get("modified") or utcnow())
    part.set_param("creation-date", stamp, header="Content-Disposition")
    part.set_param("modification-date", stamp, header="Content-Disposition")
    part["Content-Description"] = a["name"]
    return part


def build_mime(item: Item, owner: Address | None = None) -> bytes:
    """The item written as MIME from its properties (see the module's description)."""
    body = _body_part(item)
    attachments = list(att.attachments(item))
    inline = [a for a in attachments if a.get("is_inline") and a["kind"] == "file"]
    others = [a for a in attachments if a not in inline]
    content: EmailMessage = body
    body.set_boundary(_boundary(item, 0))
    if inline:
        related = EmailMessage(policy=POLICY)
        related.make_related()
        related.attach(body)
        for a in inline:
            related.attach(_attachment_part(a))
        related.set_boundary(_boundary(item, 1))
        content = related
    if others:
        mixed = EmailMessage(policy=POLICY)
        mixed.make_mixed()
        mixed.attach(content)
        for a in others:
            mixed.attach(_attachment_part(a))
        mixed.set_boundary(_boundary(item, 2))
        content = mixed
    msg = EmailMessage(policy=POLICY)
    author = item.from_ or item.sender or owner
    if author is not None:
        _set_addresses(msg, "From", [author])
    if item.sender and item.from_ and item.sender[1].lower() != item.from_[1].lower():
        _set_addresses(msg, "Sender", [item.sender])
    _set_addresses(msg, "To", item.to)
    _set_addresses(msg, "Cc", item.cc)
    if item.is_draft or item.is_from_me:
        _set_addresses(msg, "Bcc", item.bcc)
    _set_addresses(msg, "Reply-To", item.reply_to)
    msg["Subject"] = item.subject or ""
    topic = re.sub(r"^(?:(?:re|fw|fwd)\s*:\s*)+", "", item.subject or "", flags=re.I)
    msg["Thread-Topic"] = topic
    if item.conv_index:
        msg["Thread-Index"] = base64.b64encode(item.conv_index).decode()
    msg["Date"] = format_datetime(item.sent or item.created or utcnow())
    if item.msgid:
        msg["Message-ID"] = item.msgid
    if item.references:
        msg["References"] = item.references
    if item.in_reply_to:
        msg["In-Reply-To"] = item.in_reply_to
    if item.importance != "Normal":
        msg["Importance"] = item.importance.lower()
        msg["X-Priority"] = "1" if item.importance == "High" else "5"
    if item.sensitivity != "Normal":
        reverse = {v: k for k, v in _SENSITIVITY.items()}
        msg["Sensitivity"] = reverse.get(item.sensitivity, "personal")
    if item.categories:
        msg["Keywords"] = ", ".join(item.categories)
    if item.get("read_receipt") and author is not None:
        _set_addresses(msg, "Disposition-Notification-To", [author])
    for name, value in item.get("report_headers") or ():
        msg[name] = value
    msg["Accept-Language"] = "en-US"
    msg["Content-Language"] = "en-US"
    msg["X-MS-Has-Attach"] = "yes" if others else ""
    msg["X-MS-TNEF-Correlator"] = ""
    for key, value in content.items():
        msg[key] = value
    msg.set_payload(content.get_payload())
    if "MIME-Version" in msg:
        del msg["MIME-Version"]
    msg["MIME-Version"] = "1.0"
    return msg.as_bytes(policy=POLICY)


def item_mime(item: Item, owner: Address | None = None) -> bytes:
    """The MimeContent of *item*: its original MIME while unchanged, else built from it."""
    kept = item.get("mime")
    if kept:
        return bytes(kept)
    return build_mime(item, owner)


def header_pairs(item: Item, owner: Address | None = None) -> tuple[tuple[str, str], ...]:
    """The Internet headers of *item*'s MIME, as (name, value) pairs unfolded."""
    raw = item_mime(item, owner)
    msg = BytesParser(policy=_PARSE_POLICY).parsebytes(raw, headersonly=True)
    return tuple((k, " ".join(str(v).split())) for k, v in msg.items())


def render(item: Item, owner: Address | None = None) -> str:
    """``<t:MimeContent CharacterSet="UTF-8">base64</t:MimeContent>``."""
    return f'<t:MimeContent CharacterSet="UTF-8">{base64.b64encode(item_mime(item, owner)).decode()}</t:MimeContent>'


def with_headers(raw: bytes, headers: list[tuple[str, str]]) -> bytes:
    """*raw* with *headers* put in front (a Message-ID or Date Exchange adds when sending)."""
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return lines.encode("ascii", "replace") + raw


def without_header(raw: bytes, name: str) -> bytes:
    """*raw* without header *name* (folded lines included): a Bcc is not delivered."""
    sep = b"\r\n\r\n" if b"\r\n\r\n" in raw else b"\n\n"
    head, found, rest = raw.partition(sep)
    if not found:
        return raw
    nl = b"\r\n" if sep == b"\r\n\r\n" else b"\n"
    kept: list[bytes] = []
    skipping = False
    for line in head.split(nl):
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        skipping = line.split(b":", 1)[0].strip().lower() == name.lower().encode()
        if not skipping:
            kept.append(line)
    return nl.join(kept) + sep + rest


def format_date(when: datetime) -> str:
    return format_datetime(when)


def format_address(addr: Address | None) -> str:
    if addr is None:
        return ""
    msg = EmailMessage(policy=POLICY)
    _set_addresses(msg, "From", [addr])
    return str(msg["From"])


def has_header(raw: bytes, name: str) -> bool:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return re.search(rb"(?im)^" + re.escape(name.encode()) + rb"\s*:", head) is not None


__all__ = [
    "MimeError",
    "build_mime",
    "decode_content",
    "has_header",
    "item_from_mime",
    "item_mime",
    "render",
    "with_headers",
]
