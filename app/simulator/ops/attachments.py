"""CreateAttachment, GetAttachment and DeleteAttachment.

Adding or removing an attachment changes its item (new change key, modification logged, the
item's kept MIME dropped) and answers with the root item's new id and change key, as Exchange
does. GetAttachment returns a file with its Content and an item attachment with its item
(``IncludeMimeContent`` adds the item's MimeContent, ``BodyType`` picks the body's form).
"""

from __future__ import annotations

from .. import attachments as att
from .. import mime
from ..service import M, OpError, RequestContext, T, response, response_message
from ..xmlitems import DEFAULT_GET, render_item
from .createitem import parse_attachment

# what an attached item shows: the default properties, less those of a stored item
_ATTACHED_ITEM_SHAPE = DEFAULT_GET - {"ItemId", "ParentFolderId", "ConversationId", "Attachments"}


def _changed(mb, item) -> None:
    item.set("mime", None)  # the stored MIME no longer says what the item holds
    mb.touch(item)


def create_attachment(ctx: RequestContext, req) -> str:
    parent = req.find(M + "ParentItemId")
    found = req.find(M + "Attachments")
    attachments_el = list(found) if found is not None else []
    msgs = []
    try:
        if parent is None:
            raise OpError("ErrorInvalidRequest", "ParentItemId is required.")
        mb, item = ctx.resolve_item(parent)
    except OpError as e:
        return response(
            "CreateAttachment",
            [response_message("CreateAttachment", error=e, error_inner="<m:Attachments/>") for _ in attachments_el],
        )
    for el in attachments_el:
        try:
            a = att.add(item, parse_attachment(ctx, el))
            _changed(mb, item)
            msgs.append(
                response_message(
                    "CreateAttachment",
                    f"<m:Attachments>{att.render_id_only(item, a, mb.change_key(item))}</m:Attachments>",
                )
            )
        except OpError as e:
            msgs.append(response_message("CreateAttachment", error=e, error_inner="<m:Attachments/>"))
    return response("CreateAttachment", msgs)


def _resolve(ctx: RequestContext, el):
    try:
        item_id, n = att.parse_attachment_id(el.get("Id") or "")
    except att.AttachmentIdError:
        raise OpError("ErrorInvalidIdMalformed") from None
    holder = el.__class__(T + "ItemId", {"Id": item_id})
    mb, item = ctx.resolve_item(holder)
    a = att.find(item, n)
    if a is None:
        raise OpError("ErrorItemNotFound")
    return mb, item, a


def get_attachment(ctx: RequestContext, req) -> str:
    shape = req.find(M + "AttachmentShape")
    include_mime = shape is not None and (shape.findtext(T + "IncludeMimeContent") or "").strip() in ("true", "1")
    body_type = ((shape.findtext(T + "BodyType") if shape is not None else None) or "Best").strip()
    ids = req.find(M + "AttachmentIds")
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            mb, item, a = _resolve(ctx, el)
            inner = ""
            if a["kind"] == "item":
                attached = mime.item_from_mime(bytes(a.get("mime") or b""), received=a.get("modified"))
                if a.get("item_kind") not in (None, "Message"):
                    attached.kind = a["item_kind"]
                    attached.item_class = {
                        "CalendarItem": "IPM.Appointment",
                        "Contact": "IPM.Contact",
                        "Task": "IPM.Task",
                    }.get(a["item_kind"], attached.item_class)
                attached.received = attached.received or a.get("modified")
                attached.created = attached.modified = a.get("modified")
                wanted = _ATTACHED_ITEM_SHAPE | ({"MimeContent"} if include_mime else set())
                inner = render_item(attached, frozenset(wanted), ctx.render_context(mb, body_type))
            msgs.append(
                response_message("GetAttachment", f"<m:Attachments>{att.render_full(item, a, inner)}</m:Attachments>")
            )
        except OpError as e:
            msgs.append(response_message("GetAttachment", error=e, error_inner="<m:Attachments/>"))
        except mime.MimeError:
            msgs.append(
                response_message(
                    "GetAttachment",
                    error=OpError("ErrorCannotOpenFileAttachment", "The attachment cannot be opened."),
                    error_inner="<m:Attachments/>",
                )
            )
    return response("GetAttachment", msgs)


def delete_attachment(ctx: RequestContext, req) -> str:
    ids = req.find(M + "AttachmentIds")
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            mb, item, a = _resolve(ctx, el)
            att.remove(item, a["n"])
            _changed(mb, item)
            msgs.append(
                response_message(
                    "DeleteAttachment",
                    f'<m:RootItemId RootItemId="{item.id}" RootItemChangeKey="{mb.change_key(item)}"/>',
                )
            )
        except OpError as e:
            msgs.append(response_message("DeleteAttachment", error=e))
    return response("DeleteAttachment", msgs)
