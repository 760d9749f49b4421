"""Extended (MAPI) properties on items, as EWS carries them.

An item keeps its extended properties in ``item.x["ext"]``: canonical key → value (the text of
``t:Value``, or a tuple of the texts of ``t:Values``). A property is named by a
``t:ExtendedFieldURI`` — (DistinguishedPropertySetId | PropertySetId) with PropertyName or
PropertyId, or a PropertyTag — and its PropertyType; the key is built from all of them, so the
same name asked with another type is another property (as in MAPI, where the type is part of
the tag).

What Exchange does, and this server with it:
- CreateItem takes ``t:ExtendedProperty`` elements among the item's properties; UpdateItem sets
  (SetItemField, AppendToItemField) and deletes (DeleteItemField) one through its ExtendedFieldURI;
- GetItem, FindItem and SyncFolderItems return one only when the shape's AdditionalProperties
  name it (never with a base shape alone), echoing the requested ExtendedFieldURI;
- a FindItem Restriction can test one (IsEqualTo and the other comparisons with the value
  converted by its PropertyType, Exists, Contains);
- folders have them too (CreateFolder, UpdateFolder, GetFolder/FindFolder shapes, FindFolder
  restrictions), kept in ``folder.x["ext"]``;
- a MAPI property that is one of the model's own fields (``PropertyTag="0x37"`` the subject,
  ``0x3613`` a folder's class …, see ``mapi_props.py``) reads and writes that field; a property
  set GUID of a distinguished set is that set (``PropertySetId`` of PS_PUBLIC_STRINGS is
  ``DistinguishedPropertySetId="PublicStrings"``); the ``InternetHeaders`` set reads the item's
  Internet headers by name.
"""

from __future__ import annotations

import base64
from typing import Any

from . import mapi_props
from .model import Item
from .soap import T_NS, attr, esc

T = f"{{{T_NS}}}"
PATH_TAG = T + "ExtendedFieldURI"
ELEMENT = "ExtendedProperty"
_ATTRS = ("DistinguishedPropertySetId", "PropertySetId", "PropertyTag", "PropertyName", "PropertyId", "PropertyType")
# PropertyType -> the value type restrictions compare with (compile_restriction's types)
VALUE_TYPES = {
    "String": "str",
    "Boolean": "bool",
    "Integer": "int",
    "Long": "int",
    "Short": "int",
    "Double": "float",
    "Float": "float",
    "Currency": "int",
    "SystemTime": "dt",
    "ApplicationTime": "float",
}


class ExtendedPathError(ValueError):
    """The ExtendedFieldURI does not name a property (-> ErrorInvalidExtendedProperty)."""


def key_of(path) -> str:
    """The canonical key of the property a ``t:ExtendedFieldURI`` element names."""
    values = {name: (path.get(name) or "").strip() for name in _ATTRS}
    if not values["PropertyType"]:
        raise ExtendedPathError("PropertyType is required.")
    property_set = values["PropertySetId"].lower()
    property_set = mapi_props.SET_GUIDS.get(property_set, property_set) or values["DistinguishedPropertySetId"]
    if (
        values["DistinguishedPropertySetId"]
        and values["DistinguishedPropertySetId"] not in mapi_props.DISTINGUISHED_SETS
    ):
        raise ExtendedPathError(f"'{values['DistinguishedPropertySetId']}' is not a distinguished property set.")
    if values["PropertyTag"]:
        if property_set or values["PropertyName"] or values["PropertyId"]:
            raise ExtendedPathError("A PropertyTag cannot be combined with a property set, name or id.")
        try:
            tag = int(values["PropertyTag"], 0) if values["PropertyTag"].lower().startswith("0x") else None
            tag = tag if tag is not None else int(values["PropertyTag"], 10)
            return f"tag:{tag:#06x}|{values['PropertyType']}"
        except ValueError:
            raise ExtendedPathError("The PropertyTag is invalid.") from None
    if not property_set or bool(values["PropertyName"]) == bool(values["PropertyId"]):
        raise ExtendedPathError("A property set with either a PropertyName or a PropertyId is required.")
    name = f"name:{values['PropertyName']}" if values["PropertyName"] else f"id:{int(values['PropertyId'], 0)}"
    return f"set:{property_set}|{name}|{values['PropertyType']}"


def value_type(path) -> str:
    """How restrictions compare this property's values."""
    return VALUE_TYPES.get((path.get("PropertyType") or "").strip(), "str")


def path_xml(path) -> str:
    """The ExtendedFieldURI as Exchange echoes it: the attributes the client used."""
    attrs = "".join(f' {name}="{attr(path.get(name))}"' for name in _ATTRS if path.get(name))
    return f"<t:ExtendedFieldURI{attrs}/>"


def wanted_entry(path) -> tuple[str, str, str]:
    """What an item shape's AdditionalProperties holds for one ExtendedFieldURI."""
    return ("ext", key_of(path), path_xml(path))


def properties(obj: Any) -> dict[str, str | tuple[str, ...]]:
    """What the client stored on an item or folder (``x["ext"]``), mapped fields aside."""
    x = obj.x
    found: dict[str, str | tuple[str, ...]] | None = x.get("ext") if x else None
    return found or {}


def _mapped(obj: Any, key: str):
    """(getter, setter) of a property that is a model field, or None."""
    if key.startswith("tag:"):
        tag = int(key[4:].split("|", 1)[0], 16)
        table = mapi_props.ITEM_TAGS if isinstance(obj, Item) else mapi_props.FOLDER_TAGS
        return table.get(tag)
    if key.startswith("set:") and isinstance(obj, Item):
        property_set, name, _ = key[4:].split("|", 2)
        if property_set == "InternetHeaders" and name.startswith("name:"):
            header = name[5:]
            return (lambda it, c: mapi_props.internet_header(it, header, c)), None
        if name.startswith("id:"):
            return mapi_props.NAMED_IDS.get((property_set, int(name[3:])))
    return None


def lookup(obj: Any, key: str, ctx: Any = None) -> str | tuple[str, ...] | None:
    """The value of one property of an item (*ctx*: its RenderContext) or folder (*ctx*: its
    mailbox): a mapped field's value as text, else what the client stored."""
    mapped = _mapped(obj, key)
    if mapped is not None:
        try:
            value = mapped[0](obj, ctx)
        except (AttributeError, TypeError):  # a field this kind of item does not have
            value = None
        if value is not None:
            return value
    return properties(obj).get(key)


def set_property(obj: Any, key: str, value: str | tuple[str, ...]) -> None:
    """Set one property (a new dict each time: callers copy ``x`` shallowly to undo); a mapped
    field that the client may write is written instead."""
    mapped = _mapped(obj, key)
    if mapped is not None and mapped[1] is not None and isinstance(value, str):
        try:
            mapped[1](obj, value)
            return
        except ValueError:
            raise ExtendedPathError(f"The value {value!r} is invalid for this property.") from None
    changed = dict(properties(obj))
    changed[key] = value
    _set_x(obj, changed)


def _set_x(obj: Any, changed: dict | None) -> None:
    if isinstance(obj, Item):
        obj.set("ext", changed or None)
        return
    if obj.x is None:
        obj.x = {}
    if changed:
        obj.x["ext"] = changed
    else:
        obj.x.pop("ext", None)


def delete_property(obj: Any, key: str) -> bool:
    if key not in properties(obj):
        return False
    changed = dict(properties(obj))
    del changed[key]
    _set_x(obj, changed)
    return True


def parse_element(el) -> tuple[str, str | tuple[str, ...]]:
    """(key, value) of a ``t:ExtendedProperty`` element."""
    path = el.find(PATH_TAG)
    if path is None:
        raise ExtendedPathError("The ExtendedProperty has no ExtendedFieldURI.")
    values = el.find(T + "Values")
    if values is not None:
        return key_of(path), tuple(v.text or "" for v in values.findall(T + "Value"))
    return key_of(path), el.findtext(T + "Value") or ""


def find_element(container, key: str):
    """The ``t:ExtendedProperty`` child of *container* (an item element) for *key*, or None."""
    for el in container.findall(T + ELEMENT):
        path = el.find(PATH_TAG)
        if path is not None and key_of(path) == key:
            return el
    return None


def render(obj: Any, wanted, ctx: Any = None) -> str:
    """The ExtendedProperty elements of an item or folder that *wanted* asks for (in a stable
    order); *ctx* as for ``lookup``."""
    entries = sorted(e for e in wanted if isinstance(e, tuple) and e[0] == "ext")
    out = []
    for _, key, path in entries:
        value = lookup(obj, key, ctx)
        if isinstance(value, bytes):
            value = base64.b64encode(value).decode()
        if value is None or value == ():
            continue
        if isinstance(value, tuple):
            inner = "<t:Values>" + "".join(f"<t:Value>{esc(v)}</t:Value>" for v in value) + "</t:Values>"
        else:
            inner = f"<t:Value>{esc(value)}</t:Value>"
        out.append(f"<t:ExtendedProperty>{path}{inner}</t:ExtendedProperty>")
    return "".join(out)
