"""Attachments of an item, as Exchange keeps them, and their EWS XML.

An item keeps its attachments in ``item.x["attachments"]``: a tuple of plain dicts (so the
state file stores them as it stores everything else):

- ``{"kind": "file", "n", "name", "content_type", "content_id", "content_location",
  "is_inline", "is_contact_photo", "modified", "content": bytes}``
- ``{"kind": "item", "n", "name", "modified", "mime": bytes, "item_kind"}``: an attached item,
  kept as its MIME (an attached message is a message/rfc822 part of its parent's MIME).

``n`` numbers the attachments of one item. An attachment id is the item's id and ``n``: like
Exchange's, it changes when the item moves (the item gets a new id). ``MAX_ATTACHMENT_SIZE`` is
the largest attachment accepted, as Exchange's maximum message size (25 MB by default, the
value of the Exchange 2013 send connector and of the EWS ``maxReceivedMessageSize``); a larger
one is refused with ``ErrorAttachmentSizeLimitExceeded``.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from .model import Item, decode_id, utcnow
from .soap import esc

MAX_ATTACHMENT_SIZE = 25 * 1024 * 1024
_MARK = b"\x00\x41\x54\x00"  # between the item id and the attachment's number


class AttachmentIdError(ValueError):
    """Not an attachment id this server issued (-> ErrorInvalidAttachmentId)."""


def attachments(item: Item) -> tuple[dict[str, Any], ...]:
    return tuple(item.get("attachments") or ())


def has_attachments(item: Item) -> bool:
    """HasAttachments: true when the item has an attachment that is not inline."""
    return any(not a.get("is_inline") for a in attachments(item))


def size(a: dict[str, Any]) -> int:
    return len(a.get("content") or b"") if a["kind"] == "file" else len(a.get("mime") or b"")


def add(item: Item, a: dict[str, Any]) -> dict[str, Any]:
    """Attach *a* to *item* (a new tuple: callers copy ``x`` shallowly to undo)."""
    current = attachments(item)
    a = dict(a, n=max((x["n"] for x in current), default=0) + 1)
    item.set("attachments", current + (a,))
    return a


def remove(item: Item, n: int) -> bool:
    current = attachments(item)
    kept = tuple(a for a in current if a["n"] != n)
    if len(kept) == len(current):
        return False
    item.set("attachments", kept or None)
    return True


def new_file_attachment(
    name: str,
    content: bytes,
    *,
    content_type: str | None = None,
    content_id: str | None = None,
    content_location: str | None = None,
    is_inline: bool = False,
    is_contact_photo: bool = False,
    modified: datetime | None = None,
) -> dict[str, Any]:
    return {
        "kind": "file",
        "n": 0,
        "name": name,
        "content_type": content_type or "application/octet-stream",
        "content_id": content_id,
        "content_location": content_location,
        "is_inline": is_inline,
        "is_contact_photo": is_contact_photo,
        "modified": modified or utcnow(),
        "content": content,
    }


def new_item_attachment(
    mime: bytes, *, name: str, item_kind: str = "Message", modified: datetime | None = None, is_inline: bool = False
) -> dict[str, Any]:
    return {
        "kind": "item",
        "n": 0,
        "name": name,
        "item_kind": item_kind,
        "is_inline": is_inline,
        "modified": modified or utcnow(),
        "mime": mime,
    }


# ------------------------------------------------------------------------------ ids
def attachment_id(item: Item, a: dict[str, Any]) -> str:
    assert item.id is not None, "only an item in a mailbox has attachment ids"
    return base64.b64encode(base64.b64decode(item.id) + _MARK + int(a["n"]).to_bytes(4, "big")).decode()


def parse_attachment_id(value: str) -> tuple[str, int]:
    """(item id, attachment number) of an attachment id; AttachmentIdError when malformed."""
    try:
        raw = base64.b64decode(value or "", validate=True)
    except (binascii.Error, ValueError):
        raise AttachmentIdError(value) from None
    if len(raw) < 8 or raw[-8:-4] != _MARK:
        raise AttachmentIdError(value)
    item_id = base64.b64encode(raw[:-8]).decode()
    try:
        decode_id(item_id)
    except ValueError:
        raise AttachmentIdError(value) from None
    return item_id, int.from_bytes(raw[-4:], "big")


def find(item: Item, n: int) -> dict[str, Any] | None:
    return next((a for a in attachments(item) if a["n"] == n), None)


# ------------------------------------------------------------------------------ XML
def _common(item: Item, a: dict[str, Any], root: tuple[str, str] | None) -> str:
    from .xmlitems import fmt_dt

    rid = f' RootItemId="{root[0]}" RootItemChangeKey="{root[1]}"' if root else ""
    out = [f'<t:AttachmentId Id="{attachment_id(item, a)}"{rid}/>', f"<t:Name>{esc(a['name'])}</t:Name>"]
    ctype = a.get("content_type") if a["kind"] == "file" else "message/rfc822"
    if ctype:
        out.append(f"<t:ContentType>{esc(ctype)}</t:ContentType>")
    if a.get("content_id"):
        out.append(f"<t:ContentId>{esc(a['content_id'])}</t:ContentId>")
    if a.get("content_location"):
        out.append(f"<t:ContentLocation>{esc(a['content_location'])}</t:ContentLocation>")
    out.append(f"<t:Size>{size(a)}</t:Size>")
    out.append(f"<t:LastModifiedTime>{fmt_dt(a.get('modified') or utcnow())}</t:LastModifiedTime>")
    out.append(f"<t:IsInline>{'true' if a.get('is_inline') else 'false'}</t:IsInline>")
    return "".join(out)


def render_summary(item: Item, a: dict[str, Any]) -> str:
    """One attachment as the item's ``t:Attachments`` lists it (no content)."""
    if a["kind"] == "file":
        photo = "true" if a.get("is_contact_photo") else "false"
        return (
            f"<t:FileAttachment>{_common(item, a, None)}<t:IsContactPhoto>{photo}</t:IsContactPhoto></t:FileAttachment>"
        )
    return f"<t:ItemAttachment>{_common(item, a, None)}</t:ItemAttachment>"


def render_list(item: Item) -> str:
    found = attachments(item)
    if not found:
        return ""
    return "<t:Attachments>" + "".join(render_summary(item, a) for a in found) + "</t:Attachments>"


def render_id_only(item: Item, a: dict[str, Any], change_key: str) -> str:
    """What CreateAttachment answers: the new id with its root item's id and change key."""
    tag = "FileAttachment" if a["kind"] == "file" else "ItemAttachment"
    assert item.id is not None
    return (
        f'<t:{tag}><t:AttachmentId Id="{attachment_id(item, a)}" RootItemId="{item.id}" '
        f'RootItemChangeKey="{change_key}"/></t:{tag}>'
    )


def render_full(item: Item, a: dict[str, Any], inner_item_xml: str = "") -> str:
    """GetAttachment's answer: a file with its Content, an item attachment with its item."""
    if a["kind"] == "file":
        photo = "true" if a.get("is_contact_photo") else "false"
        content = base64.b64encode(bytes(a.get("content") or b"")).decode()
        return (
            f"<t:FileAttachment>{_common(item, a, None)}<t:IsContactPhoto>{photo}</t:IsContactPhoto>"
            f"<t:Content>{content}</t:Content></t:FileAttachment>"
        )
    return f"<t:ItemAttachment>{_common(item, a, None)}{inner_item_xml}</t:ItemAttachment>"
