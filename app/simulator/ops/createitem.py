"""CreateItem: save drafts/appointments/contacts/tasks, send mail between local mailboxes."""

from __future__ import annotations

import copy
import hashlib
import os
import struct
from datetime import datetime

from .. import soap
from ..model import Item, Mailbox, utcnow
from ..service import Fault, M, OpError, RequestContext, T, response, response_message
from ..xmlitems import KIND_BY_ELEM, PropertyError, item_from_xml, text_only_violation
from . import calendar as calendar_ops

DEFAULT_FOLDER = {"Message": "drafts", "CalendarItem": "calendar", "Contact": "contacts", "Task": "tasks"}
CREATABLE = {"Message", "CalendarItem", "Contact", "Task"}


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
    if not copy_.msgid:
        domain = mb.email.split("@", 1)[1]
        copy_.msgid = new_message_id(domain)
    thread(copy_, [mb])
    return mb.add_item(folder or mb.distinguished["inbox"], copy_, new_mail=True)


def _send(ctx: RequestContext, mb: Mailbox, item: Item, save_folder) -> Item | None:
    account = ctx.directory.get(mb.email) or ctx.account
    me = (account.display_name, account.email)
    now = utcnow()
    item.sender = item.sender or me
    item.from_ = item.from_ or me
    item.sent = now
    item.is_draft = False
    item.is_read = True
    item.is_from_me = True
    if not item.msgid:
        item.msgid = new_message_id(mb.email.split("@", 1)[1])
    recipients = list(item.to) + list(item.cc) + list(item.bcc)
    if not recipients:
        raise OpError("ErrorInvalidRecipients")
    local = []
    for _, email in recipients:
        rmb = ctx.directory.mailbox(email)
        if rmb is not None and rmb not in local:
            local.append(rmb)
    thread(item, [mb] + local)
    for rmb in local:
        deliver_copy(rmb, item, received=now)
    if save_folder is not None:
        item.received = now
        return mb.add_item(save_folder, item)
    return None


def create_item(ctx: RequestContext, req) -> str:
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
            kind = KIND_BY_ELEM.get(tag) if tag in CREATABLE else None
            if kind is None:
                raise OpError("ErrorInvalidRequest", f"Creating {tag} items is not supported by this server.")
            if saved_el is not None and len(saved_el):
                mb, folder = ctx.resolve_folder(saved_el[0])
            else:
                mb = ctx.own_mailbox()
                default = (
                    "sentitems" if (kind == "Message" and disposition == "SendAndSaveCopy") else DEFAULT_FOLDER[kind]
                )
                folder = mb.distinguished[default]
            try:
                item = item_from_xml(el, kind)
            except PropertyError as e:
                raise OpError(e.code, str(e)) from None
            if kind == "Message":
                if disposition is None:
                    raise OpError("ErrorMessageDispositionRequired", "MessageDisposition attribute is required.")
                if disposition == "SaveOnly":
                    item.is_draft = True
                    item.is_read = True
                    item.is_from_me = True
                    if not item.msgid:
                        item.msgid = new_message_id(mb.email.split("@", 1)[1])
                    mb.add_item(folder, item)
                    saved = item
                else:
                    _send(ctx, mb, item, folder if disposition == "SendAndSaveCopy" else None)
                    saved = None  # Exchange returns an empty <m:Items/> for sends
            else:
                if kind == "CalendarItem":
                    if not item.get("start"):
                        raise OpError("ErrorInvalidPropertySet", "Start is required for a calendar item.")
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
                inner = f'<t:{tag}><t:ItemId Id="{saved.id}" ChangeKey="{mb.change_key(saved)}"/></t:{tag}>'
            msgs.append(response_message("CreateItem", f"<m:Items>{inner}</m:Items>"))
        except OpError as e:
            msgs.append(response_message("CreateItem", error=e, error_inner="<m:Items/>"))
    return response("CreateItem", msgs)
