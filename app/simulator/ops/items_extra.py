"""Item operations beyond the basic create/read/update/delete:

- the smart responses of CreateItem: ReplyToItem, ReplyAllToItem, ForwardItem (a new message
  whose recipients, subject, threading headers and body Exchange builds from the original:
  "RE: " / "FW: ", the NewBodyContent above a header block and the original body; a forward
  carries the original's attachments) and SuppressReadReceipt;
- CopyItem (a copy with a new id and no change log of the original), SendItem (drafts sent,
  kept in Sent Items or the given folder when SaveItemToFolder), MarkAllItemsAsRead (read receipts
  sent unless SuppressReadReceipts), EmptyFolder (with or without subfolders; the distinguished
  folders stay), ExpandDL (a distribution group's members, nested groups listed as groups).
"""

from __future__ import annotations

import copy

from .. import attachments as att
from .. import reports, soap
from ..model import Item, Mailbox, utcnow
from ..service import Fault, M, OpError, RequestContext, T, response, response_message
from ..soap import esc
from ..xmlitems import PropertyError, body_as, item_from_xml
from . import calendar as calendar_ops
from .createitem import _saved_folder, deliver_copy, save_or_send, send

RESPONSE_OBJECTS = frozenset({"ReplyToItem", "ReplyAllToItem", "ForwardItem", "SuppressReadReceipt"})
_PREFIX = {"ReplyToItem": "RE: ", "ReplyAllToItem": "RE: ", "ForwardItem": "FW: "}


def _reference(ctx: RequestContext, el) -> tuple[Mailbox, Item]:
    ref = el.find(T + "ReferenceItemId")
    if ref is None:
        raise OpError("ErrorItemNotFound", "The response object has no ReferenceItemId.")
    mb, original = ctx.resolve_item(ref)
    if original.kind not in ("Message", "CalendarItem", "Item"):
        raise OpError("ErrorInvalidReferenceItem", "The reference item does not support the requested operation.")
    return mb, original


def _quoted_body(original: Item, new_el, html: bool) -> str:
    """NewBodyContent, then the original's header block and body (as Outlook and Exchange write it)."""
    new_text = (new_el.text or "") if new_el is not None else ""
    new_is_html = new_el is not None and new_el.get("BodyType") == "HTML"
    who = original.from_ or original.sender
    sent = original.sent or original.received or utcnow()
    header = [
        ("From", (who[0] or who[1]) if who else ""),
        ("Sent", f"{sent:%A, %B %d, %Y %H:%M}"),
        ("To", "; ".join(n or e for n, e in original.to)),
        ("Subject", original.subject or ""),
    ]
    if original.cc:
        header.insert(3, ("Cc", "; ".join(n or e for n, e in original.cc)))
    if html:
        _, old = body_as(original, "HTML")
        new = new_text if new_is_html else esc(new_text).replace("\n", "<br>")
        block = "<br>".join(f"<b>{k}:</b> {esc(v)}" for k, v in header)
        return f"<html><body>{new}<hr>{block}<br><br>{old}</body></html>"
    _, old = body_as(original, "Text")
    new = new_text if not new_is_html else body_as(_text_item(new_text), "Text")[1]
    block = "\n".join(f"{k}: {v}" for k, v in header)
    return f"{new}\n\n________________________________\n{block}\n\n{old}"


def _text_item(html: str) -> Item:
    holder = Item("Message")
    holder.body, holder.body_type = html, "HTML"
    return holder


def _recipients(ctx: RequestContext, mb: Mailbox, original: Item, tag: str):
    me = mb.email.lower()
    author = original.reply_to[0] if original.reply_to else (original.from_ or original.sender)
    to = [author] if author else []
    cc = []
    if tag == "ReplyAllToItem":
        to += [a for a in original.to if a[1].lower() != me and a not in to]
        cc = [a for a in original.cc if a[1].lower() != me]
    return tuple(to), tuple(cc)


def create_response_object(ctx: RequestContext, el, tag: str, disposition: str | None, saved_el) -> str:
    """One smart response of CreateItem; the inner XML of its ``m:Items``."""
    mb, original = _reference(ctx, el)
    if tag == "SuppressReadReceipt":
        original.set("receipt_done", True)
        return ""
    try:
        reply = item_from_xml(el, "Message")
    except PropertyError as e:
        raise OpError(e.code, str(e)) from None
    if tag != "ForwardItem":
        to, cc = _recipients(ctx, mb, original, tag)
        reply.to = reply.to or to
        reply.cc = reply.cc or cc
    elif not (reply.to or reply.cc or reply.bcc) and disposition != "SaveOnly":
        raise OpError("ErrorInvalidRecipients")
    if el.find(T + "Subject") is None:
        reply.subject = _PREFIX[tag] + (original.subject or "")
    html = original.body_type == "HTML" or (
        el.find(T + "NewBodyContent") is not None and el.find(T + "NewBodyContent").get("BodyType") == "HTML"
    )
    if el.find(T + "Body") is None:
        reply.body = _quoted_body(original, el.find(T + "NewBodyContent"), html)
        reply.body_type = "HTML" if html else "Text"
    reply.in_reply_to = original.msgid
    refs = (original.references or "").split() + ([original.msgid] if original.msgid else [])
    reply.references = " ".join(refs) or None
    reply.conv_id = original.conv_id
    if original.conv_index:
        import os

        reply.conv_index = original.conv_index + os.urandom(5)
    if tag == "ForwardItem":
        for a in att.attachments(original):
            att.add(reply, copy.deepcopy(a))
    own, folder = _saved_folder(ctx, saved_el, "Message", disposition)
    saved = save_or_send(ctx, reply, own, folder, disposition)
    if saved is None:
        return ""
    return f'<t:Message><t:ItemId Id="{saved.id}" ChangeKey="{own.change_key(saved)}"/></t:Message>'


# ------------------------------------------------------------------------------ CopyItem
def copy_item(ctx: RequestContext, req) -> str:
    to_el = req.find(M + "ToFolderId")
    ids = req.find(M + "ItemIds")
    if to_el is None or len(to_el) == 0:
        raise Fault(
            soap.schema_validation_fault("The element 'CopyItem' has incomplete content; 'ToFolderId' expected.")
        )
    try:
        dst_mb, folder = ctx.resolve_folder(to_el[0])
    except OpError as e:
        return response(
            "CopyItem",
            [
                response_message("CopyItem", error=e, error_inner="<m:Items/>")
                for _ in (list(ids) if ids is not None else [None])
            ],
        )
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            _, item = ctx.resolve_item(el)
            calendar_ops.check_movable(item)  # an occurrence is not copied on its own
            clone = copy.copy(item)
            clone.x = copy.deepcopy(item.x) if item.x else None
            clone.created = clone.modified = None
            new = dst_mb.add_item(folder, clone, copied_from=item)  # a CopiedEvent (notifications.py)
            msgs.append(
                response_message(
                    "CopyItem",
                    f'<m:Items><t:{new.kind}><t:ItemId Id="{new.id}" ChangeKey="{dst_mb.change_key(new)}"/>'
                    f"</t:{new.kind}></m:Items>",
                )
            )
        except OpError as e:
            msgs.append(response_message("CopyItem", error=e, error_inner="<m:Items/>"))
    return response("CopyItem", msgs)


# ------------------------------------------------------------------------------ SendItem
def send_item(ctx: RequestContext, req) -> str:
    save = (req.get("SaveItemToFolder") or "").strip() in ("true", "1")
    saved_el = req.find(M + "SavedItemFolderId")
    ids = req.find(M + "ItemIds")
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            mb, item = ctx.resolve_item(el)
            change_key = el.get("ChangeKey")
            if change_key and change_key != mb.change_key(item):
                raise OpError(
                    "ErrorStaleObject",
                    "The change key passed in the request does not match the current change key for the item.",
                )
            if item.kind != "Message":
                raise OpError("ErrorInvalidItemForOperationSendItem", "The item is not a message.")
            if not item.is_draft:
                raise OpError("ErrorInvalidItemForOperationSendItem", "Only a draft can be sent.")
            folder = None
            if save:
                folder = (
                    ctx.resolve_folder(saved_el[0])[1]
                    if saved_el is not None and len(saved_el)
                    else mb.distinguished["sentitems"]
                )
            mb.remove_item(item)
            item.created = item.modified = None
            send(ctx, mb, item, folder)
            msgs.append(response_message("SendItem"))
        except OpError as e:
            msgs.append(response_message("SendItem", error=e))
    return response("SendItem", msgs)


# ------------------------------------------------------------------------------ MarkAllItemsAsRead
def mark_read(ctx: RequestContext, mb: Mailbox, item: Item, read: bool, *, suppress_receipt: bool = False) -> bool:
    """Set one message's read flag; True when it changed. A first read sends the read receipt
    its sender asked for (unless suppressed)."""
    if item.kind != "Message" or item.is_read == read:
        return False
    item.is_read = read
    mb.touch(item, read_flag_only=True)
    if read:
        send_read_receipt(ctx, mb, item, suppress=suppress_receipt)
    return True


def send_read_receipt(ctx: RequestContext, mb: Mailbox, item: Item, *, suppress: bool = False) -> None:
    """The read receipt of a received *item* that asked for one, once."""
    if not item.get("read_receipt") or item.get("receipt_done") or item.is_from_me or item.is_draft:
        return
    if item.item_class.upper().startswith("REPORT."):
        return
    item.set("receipt_done", True)
    if suppress:
        return
    owner = ctx.directory.get(mb.email)
    reader = (owner.display_name if owner else None, mb.email)
    receipt = reports.read_receipt(mb, reader, item)
    for _, email in receipt.to:
        target = ctx.directory.mailbox(email)
        if target is not None:
            deliver_copy(target, receipt)


def mark_all_items_as_read(ctx: RequestContext, req) -> str:
    read = (req.findtext(M + "ReadFlag") or "").strip() in ("true", "1")
    suppress = (req.findtext(M + "SuppressReadReceipts") or "").strip() in ("true", "1")
    ids = req.find(M + "FolderIds")
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            mb, folder = ctx.resolve_folder(el)
            for item in list(folder.items.values()):
                mark_read(ctx, mb, item, read, suppress_receipt=suppress)
            msgs.append(response_message("MarkAllItemsAsRead"))
        except OpError as e:
            msgs.append(response_message("MarkAllItemsAsRead", error=e))
    return response("MarkAllItemsAsRead", msgs)


# ------------------------------------------------------------------------------ EmptyFolder
def empty_folder(ctx: RequestContext, req) -> str:
    delete_type = req.get("DeleteType")
    subfolders = (req.get("DeleteSubFolders") or "").strip() in ("true", "1")
    if delete_type not in ("HardDelete", "SoftDelete", "MoveToDeletedItems"):
        raise Fault(
            soap.schema_validation_fault(
                f"The 'DeleteType' attribute is invalid - The value '{delete_type}' is invalid."
            )
        )
    ids = req.find(M + "FolderIds")
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            mb, folder = ctx.resolve_folder(el)
            if folder.distinguished in ("searchfolders", "root", "msgfolderroot"):
                raise OpError("ErrorCannotEmptyFolder", "The folder cannot be emptied.")
            trash = mb.distinguished["deleteditems"]
            for item in list(folder.items.values()):
                if delete_type == "MoveToDeletedItems" and folder is not trash:
                    mb.move_item(item, trash)
                else:
                    mb.remove_item(item)
            if subfolders:
                for sub in mb.children(folder.id):
                    if not sub.distinguished:
                        mb.remove_folder(sub)
                folder.ck += 1
            msgs.append(response_message("EmptyFolder"))
        except OpError as e:
            msgs.append(response_message("EmptyFolder", error=e))
    return response("EmptyFolder", msgs)


# ------------------------------------------------------------------------------ ExpandDL
def expand_dl(ctx: RequestContext, req) -> str:
    box = req.find(M + "Mailbox")
    if box is None:  # exchangelib writes it in the types namespace
        box = req.find(T + "Mailbox")
    email = ((box.findtext(T + "EmailAddress") if box is not None else "") or "").strip().lower()
    group = ctx.directory.group(email)
    if group is None:
        error = OpError("ErrorNameResolutionNoResults", "No results were found.")
        return response("ExpandDL", [response_message("ExpandDL", error=error)])
    members = []
    for member in group.members:
        account = ctx.directory.get(member) if "@" in member else None
        sub = ctx.directory.group(member)
        if account is not None:
            name, mtype = account.display_name, "Mailbox"
        elif sub is not None:
            name, mtype = sub.display_name, "PublicDL"
        else:
            name, mtype = member, "OneOff"
        members.append(
            f"<t:Mailbox><t:Name>{esc(name)}</t:Name><t:EmailAddress>{esc(member)}</t:EmailAddress>"
            f"<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>{mtype}</t:MailboxType></t:Mailbox>"
        )
    inner = (
        f'<m:DLExpansion TotalItemsInView="{len(members)}" IncludesLastItemInRange="true">'
        f"{''.join(members)}</m:DLExpansion>"
    )
    return response("ExpandDL", [response_message("ExpandDL", inner)])
