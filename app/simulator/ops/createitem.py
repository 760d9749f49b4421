"""CreateItem: save drafts/appointments/contacts/tasks/items, send mail between local mailboxes.

A message may come as properties, as ``t:MimeContent`` (RFC 5322, base64: recipients, subject,
body, Message-ID and attachments read from it; properties given beside it win) or both, with
``t:Attachments``. A generic ``t:Item`` is stored as the kind its ItemClass names (IPM.Note: a
message …). ReplyToItem, ReplyAllToItem, ForwardItem and SuppressReadReceipt are
``ops/items_extra.py``'s. Sending delivers to local mailboxes, expands distribution groups, and
answers unknown addresses of the organization's domains with a non-delivery report.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import os
import struct
from datetime import datetime, timedelta

from .. import attachments as att
from .. import mime, reports, soap
from ..model import Address, Item, Mailbox, kind_for_class, utcnow
from ..service import Fault, M, OpError, RequestContext, T, response, response_message
from ..xmlitems import BY_ELEM, KIND_BY_ELEM, PropertyError, item_from_xml, text_only_violation
from . import calendar as calendar_ops

DEFAULT_FOLDER = {
    "Message": "drafts",
    "CalendarItem": "calendar",
    "Contact": "contacts",
    "Task": "tasks",
    "Item": "drafts",
}
CREATABLE = {"Message", "CalendarItem", "Contact", "Task", "Item"}
_ATTACHMENT_TOO_LARGE = "The attachment could not be created because it is too large."
MAX_CALENDAR_DURATION = timedelta(days=5 * 365 + 1)  # five years, a leap day included


def _filetime_bytes(dt: datetime) -> bytes:
    ft = int((dt.timestamp() + 11644473600) * 10_000_000)
    return struct.pack(">Q", ft)[:6][1:]  # the 5 bytes of the header after the reserved byte


def new_message_id(domain: str) -> str:
    return f"<{os.urandom(8).hex().upper()}@{domain}>"


def _find_parent(mailboxes, ids: list[str]) -> Item | None:
    for mid in reversed(ids):
        for mb in mailboxes:
            item_id = mb.by_msgid.get(mid)
            if item_id and item_id in mb.items:
                return mb.items[item_id]
    return None


def thread(item: Item, mailboxes) -> None:
    """Set ConversationIndex/ConversationId from the thread the message replies to (or start one)."""
    if item.conv_index and item.conv_id:
        return
    refs = (item.references or "").split()
    if item.in_reply_to:
        refs.append(item.in_reply_to.strip())
    parent = _find_parent(mailboxes, refs) if refs else None
    if parent is not None and parent.conv_index:
        item.conv_index = parent.conv_index + os.urandom(5)
        item.conv_id = parent.conv_id
    else:
        root = refs[0] if refs else None
        guid = hashlib.md5(root.encode()).digest() if root else os.urandom(16)
        item.conv_index = b"\x01" + _filetime_bytes(item.sent or utcnow()) + guid
        item.conv_id = guid


def deliver_copy(
    mb: Mailbox, item: Item, *, received: datetime | None = None, folder=None, is_read: bool = False
) -> Item:
    """Put a copy of message *item* into *mb*'s Inbox (or *folder*) as a received message."""
    copy_ = copy.copy(item)
    now = utcnow()
    copy_.received = received or now
    copy_.sent = item.sent or copy_.received
    copy_.created = copy_.modified = None
    copy_.is_draft = False
    copy_.is_from_me = False
    copy_.is_read = is_read
    copy_.bcc = ()
    copy_.x = dict(item.x) if item.x else None
    kept = copy_.get("mime")
    if kept:
        copy_.set("mime", mime.without_header(bytes(kept), "Bcc"))
    if not copy_.msgid:
        domain = mb.email.split("@", 1)[1]
        copy_.msgid = new_message_id(domain)
    thread(copy_, [mb])
    return mb.add_item(folder or mb.distinguished["inbox"], copy_, new_mail=True)


def _expand(ctx: RequestContext, recipients: list[Address]) -> tuple[list[Mailbox], list[Address]]:
    """(local mailboxes to deliver to, unknown addresses of the organization's domains); groups
    are expanded (nested ones too)."""
    local: list[Mailbox] = []
    unknown: list[Address] = []
    seen: set[str] = set()
    pending = list(recipients)
    while pending:
        name, email = pending.pop(0)
        key = email.strip().lower()
        if key in seen:
            continue
        seen.add(key)
        rmb = ctx.directory.mailbox(key)
        group = ctx.directory.group(key)
        if rmb is not None:
            if rmb not in local:
                local.append(rmb)
        elif group is not None:
            pending.extend((None, m) for m in group.members)
        elif "@" in key and ctx.directory.hosts_domain(key.split("@", 1)[1]):
            unknown.append((name, email))
    return local, unknown


def send(ctx: RequestContext, mb: Mailbox, item: Item, save_folder) -> Item | None:
    """Send *item* from *mb*: delivered to local recipients, a non-delivery report for unknown
    ones, a copy in *save_folder* (None: no copy)."""
    account = ctx.directory.get(mb.email) or ctx.account
    me = (account.display_name, account.email)
    now = utcnow()
    item.sender = item.sender or me
    item.from_ = item.from_ or me
    item.sent = now
    item.is_draft = False
    item.is_read = True
    item.is_from_me = True
    kept = item.get("mime")
    if not item.msgid:
        item.msgid = new_message_id(mb.email.split("@", 1)[1])
    if kept:  # what Exchange adds to a message submitted as MIME without them
        missing = []
        if not mime.has_header(bytes(kept), "Message-ID"):
            missing.append(("Message-ID", item.msgid))
        if not mime.has_header(bytes(kept), "Date"):
            missing.append(("Date", mime.format_date(now)))
        if not mime.has_header(bytes(kept), "From"):
            missing.append(("From", mime.format_address(item.from_)))
        if missing:
            item.set("mime", mime.with_headers(bytes(kept), missing))
    recipients = list(item.to) + list(item.cc) + list(item.bcc)
    if not recipients:
        raise OpError("ErrorInvalidRecipients")
    local, unknown = _expand(ctx, recipients)
    thread(item, [mb] + local)
    for rmb in local:
        deliver_copy(rmb, item, received=now)
    if unknown:
        ndr = reports.non_delivery_report(mb, item, unknown)
        thread(ndr, [mb])
        ndr.received = utcnow()
        mb.add_item(mb.distinguished["inbox"], ndr)
    if save_folder is not None:
        item.received = now
        return mb.add_item(save_folder, item)
    return None


def check_calendar_duration(item: Item) -> None:
    """Exchange refuses a calendar item longer than five years (ErrorCalendarDurationIsTooLong)."""
    start, end = item.get("start"), item.get("end")
    if item.kind == "CalendarItem" and start and end and end - start > MAX_CALENDAR_DURATION:
        raise OpError("ErrorCalendarDurationIsTooLong", "The duration of the calendar item exceeds five years.")


_send = send  # the name updateitem.py imports


def parse_attachment(ctx: RequestContext, el) -> dict:
    """One ``t:FileAttachment`` / ``t:ItemAttachment`` of a request, as ``attachments.py`` keeps it."""
    tag = el.tag[len(T) :] if el.tag.startswith(T) else el.tag
    name = (el.findtext(T + "Name") or "").strip()
    is_inline = (el.findtext(T + "IsInline") or "").strip() in ("true", "1")
    if tag == "FileAttachment":
        try:
            content = base64.b64decode("".join((el.findtext(T + "Content") or "").split()), validate=True)
        except (binascii.Error, ValueError):
            raise OpError("ErrorInvalidValueForProperty", "The attachment content is not valid base64.") from None
        if len(content) > ctx.service.max_attachment_size:
            raise OpError("ErrorAttachmentSizeLimitExceeded", _ATTACHMENT_TOO_LARGE)
        return att.new_file_attachment(
            name or "Untitled",
            content,
            content_type=(el.findtext(T + "ContentType") or "").strip() or None,
            content_id=(el.findtext(T + "ContentId") or "").strip() or None,
            content_location=(el.findtext(T + "ContentLocation") or "").strip() or None,
            is_inline=is_inline,
            is_contact_photo=(el.findtext(T + "IsContactPhoto") or "").strip() in ("true", "1"),
        )
    if tag == "ItemAttachment":
        inner = next((c for c in el if c.tag[len(T) :] in CREATABLE), None)
        if inner is None:
            raise OpError("ErrorMissingItemForCreateItemAttachment", "The item attachment has no item.")
        inner_kind = KIND_BY_ELEM[inner.tag[len(T) :]]
        item = build_item(ctx, inner, inner_kind)
        raw = mime.item_mime(item)
        if len(raw) > ctx.service.max_attachment_size:
            raise OpError("ErrorAttachmentSizeLimitExceeded", _ATTACHMENT_TOO_LARGE)
        return att.new_item_attachment(
            raw, name=name or item.subject or "Untitled", item_kind=item.kind, is_inline=is_inline
        )
    raise OpError("ErrorInvalidRequest", f"{tag} is not an attachment.")


def build_item(ctx: RequestContext, el, kind: str) -> Item:
    """The Item an item element of a request describes: MimeContent first, its properties on
    top, its Attachments. A generic ``t:Item`` becomes the kind its ItemClass names."""
    base = None
    mime_el = el.find(T + "MimeContent")
    if mime_el is not None:
        if kind not in ("Message", "Item"):
            raise OpError("ErrorUnsupportedMimeConversion", f"MIME content cannot be converted to a {kind}.")
        try:
            raw = mime.decode_content(mime_el.text or "")
            base = mime.item_from_mime(raw)
        except mime.MimeError as e:
            raise OpError("ErrorMimeContentInvalid", str(e)) from None
        kind = "Message"
    before = _content(base) if base is not None else None
    try:
        item = item_from_xml(el, kind, base)
    except PropertyError as e:
        raise OpError(e.code, str(e)) from None
    if item.kind == "Item":
        real = kind_for_class(item.item_class, default="Item")
        if real != "Item":  # a t:Item of class IPM.Note is a message …
            item.kind = real
            fields = BY_ELEM[real]
            for child in el:  # … and takes the properties of its kind that t:Item lacks
                name = child.tag[len(T) :]
                f = fields.get(name)
                if f is not None and name not in BY_ELEM["Item"] and not f.readonly:
                    item_from_xml(_wrap(child), real, item)
    if base is not None and _content(item) != before:
        item.set("mime", None)  # explicit properties changed what the MIME said
    attachments_el = el.find(T + "Attachments")
    for a_el in list(attachments_el) if attachments_el is not None else []:
        att.add(item, parse_attachment(ctx, a_el))
        item.set("mime", None)  # an attachment the MIME does not have
    return item


def _content(item: Item) -> tuple:
    """What a message's MIME says: when properties given beside MimeContent change it, the MIME
    is written anew from the item."""
    return (
        item.subject,
        item.body,
        item.body_type,
        item.to,
        item.cc,
        item.bcc,
        item.reply_to,
        item.from_,
        item.importance,
        item.sensitivity,
        item.msgid,
        item.in_reply_to,
        item.references,
    )


def _wrap(child):
    import xml.etree.ElementTree as ET

    holder = ET.Element(T + "Item")
    holder.append(child)
    return holder


def _saved_folder(ctx: RequestContext, saved_el, kind: str, disposition: str | None):
    if saved_el is not None and len(saved_el):
        return ctx.resolve_folder(saved_el[0])
    mb = ctx.own_mailbox()
    default = "sentitems" if (kind == "Message" and disposition == "SendAndSaveCopy") else DEFAULT_FOLDER[kind]
    return mb, mb.distinguished[default]


def save_or_send(ctx: RequestContext, item: Item, mb: Mailbox, folder, disposition: str | None) -> Item | None:
    """Store or send a new message as *disposition* says; the stored draft, None when sent."""
    if disposition is None:
        raise OpError("ErrorMessageDispositionRequired", "MessageDisposition attribute is required.")
    flags_given = bool(item.get("message_flags_set"))
    item.set("message_flags_set", None)
    if disposition == "SaveOnly":
        if flags_given:  # PR_MESSAGE_FLAGS given: a message stored as it is (an IMAP APPEND)
            author = item.from_ or item.sender
            item.is_from_me = author is None or author[1].lower() == mb.email
        else:
            item.is_draft = item.is_read = item.is_from_me = True
        if not item.msgid:
            item.msgid = new_message_id(mb.email.split("@", 1)[1])
        return mb.add_item(folder, item)
    send(ctx, mb, item, folder if disposition == "SendAndSaveCopy" else None)
    return None  # Exchange answers an empty m:Items for a message it sent


def create_item(ctx: RequestContext, req) -> str:
    from .items_extra import RESPONSE_OBJECTS, create_response_object

    disposition = req.get("MessageDisposition")
    saved_el = req.find(M + "SavedItemFolderId")
    items_el = req.find(M + "Items")
    if items_el is None:
        raise Fault(soap.schema_validation_fault("The element 'CreateItem' has incomplete content; 'Items' expected."))
    if disposition not in (None, "SaveOnly", "SendOnly", "SendAndSaveCopy"):
        raise Fault(
            soap.schema_validation_fault(
                f"The 'MessageDisposition' attribute is invalid - The value '{disposition}' is invalid."
            )
        )
    for el in items_el:  # schema validation comes before any item is created
        violation = text_only_violation(el)
        if violation:
            raise Fault(soap.schema_validation_fault(violation))
    msgs = []
    for el in items_el:
        tag = el.tag[len(T) :] if el.tag.startswith(T) else el.tag
        if tag in calendar_ops.RESPONSE_OBJECTS:  # AcceptItem, CancelCalendarItem …
            msgs.append(calendar_ops.response_object(ctx, el, tag, disposition))
            continue
        try:
            if tag in RESPONSE_OBJECTS:
                inner = create_response_object(ctx, el, tag, disposition, saved_el)
                msgs.append(response_message("CreateItem", f"<m:Items>{inner}</m:Items>"))
                continue
            kind = KIND_BY_ELEM.get(tag) if tag in CREATABLE else None
            if kind is None:
                raise OpError("ErrorInvalidRequest", f"Creating {tag} items is not supported by this server.")
            item = build_item(ctx, el, kind)
            kind = item.kind
            mb, folder = _saved_folder(ctx, saved_el, kind, disposition)
            if kind == "Message":
                saved = save_or_send(ctx, item, mb, folder, disposition)
            else:
                if kind == "CalendarItem":
                    if not item.get("start"):
                        raise OpError("ErrorInvalidPropertySet", "Start is required for a calendar item.")
                    check_calendar_duration(item)
                    owner = ctx.directory.get(mb.email)
                    item.set(
                        "organizer",
                        item.get("organizer") or ((owner.display_name, owner.email) if owner else (None, mb.email)),
                    )
                    item.set("uid", item.get("uid") or os.urandom(16).hex().upper())
                    item.set("reminder_is_set", item.get("reminder_is_set", True))
                    item.set("reminder_minutes", item.get("reminder_minutes", 15))
                    calendar_ops.prepare_new(item)
                item.is_read = True
                item.is_from_me = kind != "Contact"
                mb.add_item(folder, item)
                saved = item
                if kind == "CalendarItem":
                    calendar_ops.after_create(ctx, mb, item, req.get("SendMeetingInvitations"))
            inner = ""
            if saved is not None:
                inner = (
                    f'<t:{saved.kind}><t:ItemId Id="{saved.id}" ChangeKey="{mb.change_key(saved)}"/></t:{saved.kind}>'
                )
            msgs.append(response_message("CreateItem", f"<m:Items>{inner}</m:Items>"))
        except OpError as e:
            msgs.append(response_message("CreateItem", error=e, error_inner="<m:Items/>"))
    return response("CreateItem", msgs)
