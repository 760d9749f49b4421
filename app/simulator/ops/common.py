"""Helpers shared by operations: response shapes and restrictions."""

from __future__ import annotations

import operator

from .. import attachments, extended, soap
from ..service import Fault, M, OpError, T
from ..xmlitems import (
    ALL_PROPS,
    BY_ELEM,
    BY_URI,
    DEFAULT_FIND,
    DEFAULT_GET,
    ID_ONLY,
    INDEXED,
    NOT_SEARCHABLE,
    PropertyError,
    parse_dt,
)

_BASE = {"IdOnly": ID_ONLY, "AllProperties": ALL_PROPS}


def item_shape(shape_el, *, find: bool) -> tuple[frozenset, str]:
    """(wanted element names, BodyType) from an m:ItemShape element."""
    if shape_el is None:
        raise Fault(soap.schema_validation_fault("The element 'ItemShape' is missing."))
    base = (shape_el.findtext(T + "BaseShape") or "").strip()
    if base == "Default":
        wanted = DEFAULT_FIND if find else DEFAULT_GET
    elif base in _BASE:
        wanted = _BASE[base]
        if find and base == "AllProperties":
            wanted = DEFAULT_FIND
    else:
        raise Fault(soap.schema_validation_fault(f"The element 'BaseShape' has invalid value '{base}'."))
    body_type = (shape_el.findtext(T + "BodyType") or "Best").strip()
    extra = shape_el.find(T + "AdditionalProperties")
    if (shape_el.findtext(T + "IncludeMimeContent") or "").strip() in ("true", "1"):
        wanted = wanted | {"MimeContent"}
    if extra is not None:
        names = set(wanted)
        for p in extra:
            uri = p.get("FieldURI") or ""
            if p.tag == T + "FieldURI":
                f = BY_URI.get(uri)
                if f is not None:
                    names.add(f.elem)
            elif p.tag == T + "IndexedFieldURI" and uri in INDEXED:
                names.add(INDEXED[uri])
            elif p.tag == extended.PATH_TAG:
                try:
                    names.add(extended.wanted_entry(p))
                except extended.ExtendedPathError as e:
                    raise Fault(soap.fault("ErrorInvalidExtendedProperty", str(e))) from None
                names.add(extended.ELEMENT)
        wanted = frozenset(names)
    return wanted, body_type


# ---------------------------------------------------------------------------- restrictions
_CMP = {
    "IsEqualTo": operator.eq,
    "IsNotEqualTo": operator.ne,
    "IsGreaterThan": operator.gt,
    "IsGreaterThanOrEqualTo": operator.ge,
    "IsLessThan": operator.lt,
    "IsLessThanOrEqualTo": operator.le,
}


# enumerations whose constant may also be given as its number, as .NET's Enum.Parse takes it
# (ews-javascript-api writes Importance High as "2")
ENUM_VALUES = {
    "item:Importance": ("Low", "Normal", "High"),
    "item:Sensitivity": ("Normal", "Personal", "Private", "Confidential"),
}


def _convert(ftype, text):
    if ftype.startswith("enum:"):
        names = ENUM_VALUES[ftype[5:]]
        stripped = text.strip()
        if stripped.isdigit():
            if int(stripped) >= len(names):
                raise ValueError(text)
            return names[int(stripped)]
        return stripped
    if ftype == "dt":
        return parse_dt(text)
    if ftype == "bool":
        return text.strip() in ("true", "1")
    if ftype in ("int",):
        return int(text)
    if ftype == "float":
        return float(text)
    return text


def compile_restriction(el, getter_for_uri):
    """A predicate(obj) for a t:Restriction child; *getter_for_uri(uri)* -> (getter(obj), type)."""
    tag = el.tag[len(T) :]
    if tag == "And":
        parts = [compile_restriction(c, getter_for_uri) for c in el]
        return lambda o: all(p(o) for p in parts)
    if tag == "Or":
        parts = [compile_restriction(c, getter_for_uri) for c in el]
        return lambda o: any(p(o) for p in parts)
    if tag == "Not":
        inner = compile_restriction(el[0], getter_for_uri)
        return lambda o: not inner(o)
    path = el[0] if len(el) else None
    if path is None:
        raise OpError("ErrorInvalidRestriction", "The restriction is invalid.")
    uri = path.get("FieldURI") or ""
    getter, ftype = getter_for_uri(uri, path)
    if tag == "Exists":
        if path.tag == extended.PATH_TAG:  # set, whatever its value
            return lambda o: getter(o) is not None
        return lambda o: getter(o) not in (None, "", (), {})
    if tag in _CMP:
        holder = el.find(T + "FieldURIOrConstant")
        const = holder.find(T + "Constant") if holder is not None else None
        cmp = _CMP[tag]
        if const is None:
            other = holder[0] if holder is not None and len(holder) else None
            if other is None:
                raise OpError("ErrorInvalidRestriction", "The restriction is invalid.")
            other_getter, _ = getter_for_uri(other.get("FieldURI") or "", other)  # two properties compared
            return lambda o: _compare(cmp, tag, getter(o), other_getter(o))
        try:
            value = _convert(ftype, const.get("Value") or "")
        except (ValueError, PropertyError):
            raise OpError("ErrorInvalidValueForProperty", "The value is invalid for property.") from None
        return lambda o: _compare(cmp, tag, getter(o), value)
    if tag == "Excludes":
        mask_el = el.find(T + "Bitmask")
        try:
            mask = int((mask_el.get("Value") if mask_el is not None else "") or "", 0)
        except ValueError:
            raise OpError("ErrorInvalidValueForProperty", "The value is invalid for property.") from None

        def excludes(o):
            v = getter(o)
            try:
                return v is not None and int(v) & mask == 0
            except (TypeError, ValueError):
                return False

        return excludes
    if tag == "Contains":
        const = el.find(T + "Constant")
        needle = const.get("Value") if const is not None else ""
        mode = el.get("ContainmentMode") or "Substring"
        comparison = el.get("ContainmentComparison") or "Exact"
        ignore_case = comparison in ("IgnoreCase", "IgnoreCaseAndNonSpacingCharacters", "Loose", "LooseAndIgnoreCase")
        if ignore_case:
            needle = needle.lower()

        def contains(o):
            v = getter(o)
            if v is None:
                return False
            values = v if isinstance(v, (tuple, list)) else (v,)
            for s in values:
                s = s if isinstance(s, str) else " ".join(x for x in s if x) if isinstance(s, tuple) else str(s)
                if ignore_case:
                    s = s.lower()
                if (
                    (mode == "FullString" and s == needle)
                    or (mode == "Prefixed" and s.startswith(needle))
                    or (mode not in ("FullString", "Prefixed") and needle in s)
                ):
                    return True
            return False

        return contains
    raise OpError("ErrorUnsupportedQueryFilter", f"The restriction {tag} is not supported.")


def _compare(cmp, tag, v, value) -> bool:
    if v is None or value is None:
        return tag == "IsNotEqualTo" and v != value
    if isinstance(v, tuple) and isinstance(value, str) and tag in ("IsEqualTo", "IsNotEqualTo"):
        equal = any(isinstance(x, str) and x.lower() == value.lower() for x in v)  # a recipient: name or address
        return equal if tag == "IsEqualTo" else not equal
    if isinstance(v, str) and isinstance(value, str) and tag in ("IsEqualTo", "IsNotEqualTo"):
        v, value = v.lower(), value.lower()  # Exchange compares text without regard to case
    try:
        return cmp(v, value)
    except TypeError:
        return False


def _extended_getter(path, ctx=None):
    """(getter, type) of an extended property: its value converted by its PropertyType."""
    try:
        key = extended.key_of(path)
    except extended.ExtendedPathError as e:
        raise OpError("ErrorInvalidExtendedProperty", str(e)) from None
    ftype = extended.value_type(path)

    def getter(it):
        value = extended.lookup(it, key, ctx)
        if value is None or isinstance(value, tuple):
            return value
        try:
            return _convert(ftype, value)
        except (ValueError, PropertyError):
            return None

    return getter, ftype


def item_getter(render_ctx):
    def getter_for_uri(uri, path):
        if path.tag == extended.PATH_TAG:
            return _extended_getter(path, render_ctx)
        if path.tag == T + "IndexedFieldURI":
            return _indexed_getter(path)
        f = BY_URI.get(uri)
        if f is None or uri in NOT_SEARCHABLE:
            raise OpError("ErrorUnsupportedPathForQuery", "The property path is not supported for this query.")
        if f.type == "attachments":
            return (lambda it: tuple(a["name"] for a in attachments.attachments(it)) or None), "tuple"
        if f.type == "mime":
            raise OpError("ErrorUnsupportedPathForQuery", "The property path is not supported for this query.")
        if f.type in ("mailbox", "mailboxes"):
            if f.type == "mailbox":
                return (lambda it: (lambda v: v and (v[1], v[0] or "") or None)(f.value(it, render_ctx))), "tuple"
            return (lambda it: tuple(e for _, e in f.value(it, render_ctx) or ())), "tuple"
        if f.type in ("body", "textbody"):
            return (lambda it: it.body), "str"
        if f.type == "itemid":
            return (lambda it: it.id), "str"
        if uri in ENUM_VALUES:
            return (lambda it: f.value(it, render_ctx)), f"enum:{uri}"
        return (lambda it: f.value(it, render_ctx)), f.type

    return getter_for_uri


def _indexed_getter(path):
    """A member of a contact's dictionary (contacts:EmailAddress with FieldIndex EmailAddress1 …)."""
    elem = INDEXED.get(path.get("FieldURI") or "")
    index = path.get("FieldIndex") or ""
    if elem is None:
        raise OpError("ErrorUnsupportedPathForQuery", "The property path is not supported for this query.")
    f = BY_ELEM["Contact"][elem]

    def getter(it):
        if it.kind != "Contact":
            return None
        found = (it.get(f.attr) or {}).get(index)
        if isinstance(found, dict):  # a physical address: its parts as one text
            return " ".join(v for v in found.values() if v) or None
        return found

    return getter, "str"


def kind_fields(kind):
    return BY_ELEM[kind]


def children_named(el, tag):
    return el.findall(M + tag) if el is not None else []
