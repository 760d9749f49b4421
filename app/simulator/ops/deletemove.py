"""DeleteItem and MoveItem."""

from __future__ import annotations

from .. import soap
from ..service import Fault, M, OpError, RequestContext, response, response_message
from . import calendar as calendar_ops

_DELETE_TYPES = ("HardDelete", "SoftDelete", "MoveToDeletedItems")


def _move(src_mb, item, dst_mb, folder):
    if src_mb is dst_mb:
        return src_mb.move_item(item, folder)
    src_mb.remove_item(item)
    item.created = item.modified = None
    return dst_mb.add_item(folder, item)


def delete_item(ctx: RequestContext, req) -> str:
    delete_type = req.get("DeleteType")
    if delete_type not in _DELETE_TYPES:
        raise Fault(
            soap.schema_validation_fault(
                f"The 'DeleteType' attribute is invalid - The value '{delete_type}' is invalid."
            )
        )
    ids = req.find(M + "ItemIds")
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            if el.tag not in calendar_ops.ITEM_ID_TAGS:
                raise OpError("ErrorInvalidRequest", "Only ItemId is supported by this server.")
            mb, item = ctx.resolve_item(el)
            if calendar_ops.delete(ctx, mb, item, req.get("SendMeetingCancellations")):
                msgs.append(response_message("DeleteItem"))
                continue
            trash = mb.distinguished["deleteditems"]
            if delete_type == "MoveToDeletedItems" and item.folder_id != trash.id:
                mb.move_item(item, trash)
            else:
                mb.remove_item(item)
            msgs.append(response_message("DeleteItem"))
        except OpError as e:
            msgs.append(response_message("DeleteItem", error=e))
    return response("DeleteItem", msgs)


def move_item(ctx: RequestContext, req) -> str:
    to_el = req.find(M + "ToFolderId")
    ids = req.find(M + "ItemIds")
    if to_el is None or len(to_el) == 0:
        raise Fault(
            soap.schema_validation_fault("The element 'MoveItem' has incomplete content; 'ToFolderId' expected.")
        )
    msgs = []
    try:
        dst_mb, folder = ctx.resolve_folder(to_el[0])
    except OpError as e:
        return response(
            "MoveItem",
            [
                response_message("MoveItem", error=e, error_inner="<m:Items/>")
                for _ in (list(ids) if ids is not None else [None])
            ],
        )
    for el in list(ids) if ids is not None else []:
        try:
            mb, item = ctx.resolve_item(el)
            calendar_ops.check_movable(item)
            moved = _move(mb, item, dst_mb, folder)
            tag = moved.kind
            msgs.append(
                response_message(
                    "MoveItem",
                    f'<m:Items><t:{tag}><t:ItemId Id="{moved.id}" ChangeKey="{dst_mb.change_key(moved)}"/>'
                    f"</t:{tag}></m:Items>",
                )
            )
        except OpError as e:
            msgs.append(response_message("MoveItem", error=e, error_inner="<m:Items/>"))
    return response("MoveItem", msgs)
