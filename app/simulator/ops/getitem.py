"""GetItem."""

from __future__ import annotations

from ..service import M, OpError, RequestContext, response, response_message
from ..xmlitems import RenderContext, render_item
from .common import item_shape


def get_item(ctx: RequestContext, req) -> str:
    wanted, body_type = item_shape(req.find(M + "ItemShape"), find=False)
    ids = req.find(M + "ItemIds")
    msgs = []
    contexts: dict[str, RenderContext] = {}
    for el in list(ids) if ids is not None else []:
        try:
            mb, item = ctx.resolve_item(el)
            rctx = contexts.get(mb.email)
            if rctx is None:
                rctx = contexts[mb.email] = ctx.render_context(mb, body_type)
            msgs.append(response_message("GetItem", f"<m:Items>{render_item(item, wanted, rctx)}</m:Items>"))
        except OpError as e:
            msgs.append(response_message("GetItem", error=e, error_inner="<m:Items/>"))
    return response("GetItem", msgs)
