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
  converted by its PropertyType, Exists, Contains).
"""

from __future__ import annotations

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
    property_set = values["PropertySetId"].lower() or values["DistinguishedPropertySetId"]
    if values["PropertyTag"]:
        if property_set or values["PropertyName"] or values["PropertyId"]:
            raise ExtendedPathError("A PropertyTag cannot be combined with a property set, name or id.")
        try:
            return f"tag:{int(values['PropertyTag'], 0):#06x}|{values['PropertyType']}"
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


def properties(item: Item) -> dict[str, str | tuple[str, ...]]:
    found: dict[str, str | tuple[str, ...]] | None = item.get("ext")
    return found or {}


def lookup(item: Item, key: str) -> str | tuple[str, ...] | None:
    return properties(item).get(key)


def set_property(item: Item, key: str, value: str | tuple[str, ...]) -> None:
    """Set one property (a new dict each time: callers copy ``x`` shallowly to undo)."""
    changed = dict(properties(item))
    changed[key] = value
    item.set("ext", changed)


def delete_property(item: Item, key: str) -> bool:
    if key not in properties(item):
        return False
    changed = dict(properties(item))
    del changed[key]
    item.set("ext", changed or None)
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


def render(item: Item, wanted) -> str:
    """The item's ExtendedProperty elements that *wanted* asks for (in a stable order)."""
    entries = sorted(e for e in wanted if isinstance(e, tuple) and e[0] == "ext")
    out = []
    for _, key, path in entries:
        value = lookup(item, key)
        if value is None or value == ():
            continue
        if isinstance(value, tuple):
            inner = "<t:Values>" + "".join(f"<t:Value>{esc(v)}</t:Value>" for v in value) + "</t:Values>"
        else:
            inner = f"<t:Value>{esc(value)}</t:Value>"
        out.append(f"<t:ExtendedProperty>{path}{inner}</t:ExtendedProperty>")
    return "".join(out)
