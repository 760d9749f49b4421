"""FindItem: paging views, restrictions, sort order."""

from __future__ import annotations

from ..service import M, OpError, RequestContext, T, response, response_message
from ..xmlitems import render_item
from . import calendar as calendar_ops
from .common import compile_restriction, item_getter, item_shape

# EWSFindCountLimit: Exchange returns at most this many items per FindItem page.
MAX_PAGE = 1000


# enumerations Exchange sorts by their MAPI value, not their name
_RANKS = {
    "item:Importance": {"Low": 0, "Normal": 1, "High": 2},
    "item:Sensitivity": {"Normal": 0, "Personal": 1, "Private": 2, "Confidential": 3},
}


def _received_key(it):
    return (it.received or it.created, it.id)


def _sorted_items(folder, sort_el, render_ctx):
    items = folder.items_by_received()  # ascending, cached
    orders = list(sort_el) if sort_el is not None else []
    if not orders:
        return items[::-1]  # Exchange's default view: newest first
    if len(orders) == 1 and (
        orders[0].find(T + "FieldURI") is not None
        and orders[0].find(T + "FieldURI").get("FieldURI") == "item:DateTimeReceived"
    ):
        return list(items) if orders[0].get("Order") == "Ascending" else items[::-1]
    result = list(items)
    paths = item_getter(render_ctx)
    for order in reversed(orders):
        path = order[0] if len(order) else None
        if path is None:
            raise OpError("ErrorUnsupportedPathForSortGroup", "The property path is not supported for sorting.")
        try:
            getter, _ = paths(path.get("FieldURI") or "", path)
        except OpError:
            raise OpError(
                "ErrorUnsupportedPathForSortGroup", "The property path is not supported for sorting."
            ) from None

        rank = _RANKS.get(path.get("FieldURI") or "")

        def key(it, getter=getter, rank=rank):
            v = getter(it)
            if rank is not None:
                v = rank.get(v, 0)
            if isinstance(v, tuple):
                v = " ".join(x or "" for x in reversed(v) if isinstance(x, str))
            if isinstance(v, str):
                v = v.lower()
            return (v is not None, v if v is not None else 0)

        try:
            result.sort(key=key, reverse=order.get("Order") == "Descending")
        except TypeError:
            result.sort(key=lambda it: str(key(it)), reverse=order.get("Order") == "Descending")
    return result


def find_item(ctx: RequestContext, req) -> str:
    traversal = req.get("Traversal") or "Shallow"
    wanted, body_type = item_shape(req.find(M + "ItemShape"), find=True)
    restriction = req.find(M + "Restriction")
    sort_el = req.find(M + "SortOrder")
    indexed = req.find(M + "IndexedPageItemView")
    fractional = req.find(M + "FractionalPageItemView")
    calview = req.find(M + "CalendarView")
    msgs = []
    parents = req.find(M + "ParentFolderIds")
    for fid in list(parents) if parents is not None else []:
        try:
            if traversal not in ("Shallow", "Associated", "SoftDeleted"):
                raise OpError("ErrorInvalidOperation", "Deep traversal is not supported for items.")
            mb, folder = ctx.resolve_folder(fid)
            rctx = ctx.render_context(mb, body_type)
            if traversal == "Associated":
                items = []
            elif calview is not None:
                items = calendar_ops.calendar_view(folder, calview)
            else:
                items = _sorted_items(folder, sort_el, rctx)
            if restriction is not None and len(restriction):
                pred = compile_restriction(restriction[0], item_getter(rctx))
                items = [it for it in items if pred(it)]
            total = len(items)
            attrs = ""
            if indexed is not None:
                offset = int(indexed.get("Offset") or 0)
                max_entries = min(int(indexed.get("MaxEntriesReturned") or MAX_PAGE), MAX_PAGE)
                if max_entries < 1:
                    raise OpError("ErrorInvalidPagingMaxRows")
                if indexed.get("BasePoint") == "End":
                    stop = max(total - offset, 0)
                    page = items[max(stop - max_entries, 0) : stop]
                    next_offset = offset + len(page)
                else:
                    page = items[offset : offset + max_entries]
                    next_offset = offset + len(page)
                last = next_offset >= total
                attrs = f'IndexedPagingOffset="{next_offset}" '
            elif fractional is not None:
                num = int(fractional.get("Numerator") or 0)
                den = max(int(fractional.get("Denominator") or 1), 1)
                max_entries = min(int(fractional.get("MaxEntriesReturned") or MAX_PAGE), MAX_PAGE)
                offset = total * num // den
                page = items[offset : offset + max_entries]
                next_offset = offset + len(page)
                last = next_offset >= total
                attrs = f'NumeratorOffset="{next_offset}" AbsoluteDenominator="{total}" '
            else:
                max_entries = MAX_PAGE
                if calview is not None and calview.get("MaxEntriesReturned"):
                    max_entries = min(int(calview.get("MaxEntriesReturned")), MAX_PAGE)
                page = items[:max_entries]
                last = len(page) >= total
            body = "".join(render_item(it, wanted, rctx) for it in page)
            msgs.append(
                response_message(
                    "FindItem",
                    f'<m:RootFolder {attrs}TotalItemsInView="{total}" '
                    f'IncludesLastItemInRange="{"true" if last else "false"}">'
                    f"<t:Items>{body}</t:Items></m:RootFolder>",
                )
            )
        except OpError as e:
            msgs.append(response_message("FindItem", error=e))
        except ValueError:
            msgs.append(response_message("FindItem", error=OpError("ErrorInvalidRequest")))
    return response("FindItem", msgs)
