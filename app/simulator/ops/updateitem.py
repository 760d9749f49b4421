"""UpdateItem: SetItemField / AppendToItemField / DeleteItemField with ChangeKey checks."""

from __future__ import annotations

import base64
import binascii

from .. import extended, soap
from ..service import Fault, M, OpError, RequestContext, T, response, response_message
from ..xmlitems import BY_ELEM, BY_URI, INDEXED, PropertyError, apply_field, delete_field, text_only_violation
from . import calendar as calendar_ops
from .createitem import _send, check_calendar_duration
from .items_extra import send_read_receipt

_CONFLICT_MODES = ("NeverOverwrite", "AutoResolve", "AlwaysOverwrite")
# changes that leave a message's MIME as it was (flags, not content)
_MIME_NEUTRAL = frozenset(
    {"IsRead", extended.ELEMENT, "Categories", "ReminderIsSet", "ReminderDueBy", "ReminderMinutesBeforeStart"}
)
# exchangelib sends these with every Start/End update; this server keeps all times in UTC (the
# start and end zones are kept by name: an all-day event's midnights are in them).
_TIMEZONE_URIS = ("calendar:MeetingTimeZone",)


def _check_change_key(mb, item, change_key: str | None, mode: str):
    if change_key is None:
        return
    try:
        raw = base64.b64decode(change_key, validate=True)
    except (binascii.Error, ValueError):
        raise OpError("ErrorInvalidChangeKey") from None
    if len(raw) < 8:
        raise OpError("ErrorInvalidChangeKey")
    if change_key != mb.change_key(item) and mode != "AlwaysOverwrite":
        raise OpError("ErrorIrresolvableConflict")


def _path(update):
    for child in update:
        if child.tag in (T + "FieldURI", T + "IndexedFieldURI", T + "ExtendedFieldURI"):
            return child
    raise OpError("ErrorInvalidRequest", "An update is missing its property path.")


def _field_for(item, path):
    uri = path.get("FieldURI") or ""
    if path.tag == T + "IndexedFieldURI":
        elem = INDEXED.get(uri)
        f = BY_ELEM[item.kind].get(elem) if elem else None
    else:
        f = BY_URI.get(uri)
        if f is not None and BY_ELEM[item.kind].get(f.elem) is not f:
            f = None
    if f is None:
        raise OpError("ErrorInvalidPropertySet", f"The property {uri} is not valid for an item of type {item.kind}.")
    return f


def _apply_update(item, update) -> str | None:
    """Apply one update; returns the element name of the property changed (None: nothing changed)."""
    op = update.tag[len(T) :]
    path = _path(update)
    if item.kind == "CalendarItem" and path.get("FieldURI") in _TIMEZONE_URIS:
        return None
    if path.tag == extended.PATH_TAG:
        return _apply_extended(item, op, path, update)
    f = _field_for(item, path)
    try:
        if op == "DeleteItemField":
            index = path.get("FieldIndex") if path.tag == T + "IndexedFieldURI" else None
            delete_field(item, f, index)
            return f.elem
        container = next((c for c in update if c is not path), None)
        value_el = container.find(T + f.elem) if container is not None else None
        if value_el is None:
            raise OpError("ErrorInvalidPropertySet", f"The item in the {op} does not contain the property {f.uri}.")
        apply_field(item, f, value_el, append=op == "AppendToItemField")
    except PropertyError as e:
        raise OpError(e.code, str(e)) from None
    return f.elem


def _apply_extended(item, op: str, path, update) -> str | None:
    """Set or delete one extended property (the value comes in the item element's
    ExtendedProperty with the same ExtendedFieldURI)."""
    try:
        key = extended.key_of(path)
        if op == "DeleteItemField":
            return extended.ELEMENT if extended.delete_property(item, key) else None
        container = next((c for c in update if c is not path), None)
        value_el = extended.find_element(container, key) if container is not None else None
        if value_el is None:
            raise OpError(
                "ErrorInvalidPropertySet", f"The item in the {op} does not contain the extended property it names."
            )
        _, value = extended.parse_element(value_el)
    except extended.ExtendedPathError as e:
        raise OpError("ErrorInvalidExtendedProperty", str(e)) from None
    current = extended.lookup(item, key)
    if op == "AppendToItemField" and isinstance(value, tuple) and isinstance(current, tuple):
        value = current + value
    extended.set_property(item, key, value)
    return extended.ELEMENT


def update_item(ctx: RequestContext, req) -> str:
    mode = req.get("ConflictResolution") or "AutoResolve"
    disposition = req.get("MessageDisposition")
    if mode not in _CONFLICT_MODES:
        raise Fault(
            soap.schema_validation_fault(
                f"The 'ConflictResolution' attribute is invalid - The value '{mode}' is invalid."
            )
        )
    changes = req.find(M + "ItemChanges")
    # schema validation comes before any change is applied
    for container in changes.iter() if changes is not None else ():
        if container.tag in (T + "SetItemField", T + "AppendToItemField"):
            for el in container:
                violation = text_only_violation(el)
                if violation:
                    raise Fault(soap.schema_validation_fault(violation))
    msgs = []
    for change in list(changes) if changes is not None else []:
        try:
            id_el = next((c for c in change if c.tag in calendar_ops.ITEM_ID_TAGS), None)
            if id_el is None:
                raise OpError("ErrorInvalidRequest", "Only ItemId changes are supported by this server.")
            mb, item = ctx.resolve_item(id_el)
            _check_change_key(mb, item, id_el.get("ChangeKey"), mode)
            updates = change.find(T + "Updates")
            # Work on a copy so a failing update leaves the item untouched, as Exchange does.
            before = {k: getattr(item, k) for k in item.__slots__}
            before["x"] = dict(item.x) if item.x else None
            changed = set()
            try:
                for update in list(updates) if updates is not None else []:
                    changed.add(_apply_update(item, update))
                changed.discard(None)
                check_calendar_duration(item)
                calendar_ops.check_changes(item, changed)
            except OpError:
                for k, v in before.items():
                    setattr(item, k, v)
                raise
            if changed - _MIME_NEUTRAL:
                item.set("mime", None)  # the stored MIME no longer says what the item holds
            meeting_mode = req.get("SendMeetingInvitationsOrCancellations")
            if changed and not calendar_ops.save_changes(ctx, mb, item, before["x"], meeting_mode):
                mb.touch(item, read_flag_only=changed == {"IsRead"})
            if item.is_read and not before["is_read"]:
                send_read_receipt(ctx, mb, item)
            tag = item.kind
            inner = (
                f'<m:Items><t:{tag}><t:ItemId Id="{item.id}" ChangeKey="{mb.change_key(item)}"/></t:{tag}></m:Items>'
            )
            if item.kind == "Message" and disposition in ("SendOnly", "SendAndSaveCopy") and item.is_draft:
                mb.remove_item(item)
                save = mb.distinguished["sentitems"] if disposition == "SendAndSaveCopy" else None
                item.created = item.modified = None
                _send(ctx, mb, item, save)
                inner = "<m:Items/>"
            msgs.append(
                response_message("UpdateItem", inner + "<m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>")
            )
        except OpError as e:
            msgs.append(response_message("UpdateItem", error=e, error_inner="<m:Items/>"))
    return response("UpdateItem", msgs)
