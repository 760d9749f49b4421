"""Synchronization filters: which of a user's records are synchronized with Exchange.

A user has, per record type, a list of filters OR-ed together; each filter is a list of
(field, operator, value) criteria AND-ed together. Evaluation works on plain records: dicts
or objects with attributes (``owner`` may be an id or an object with an ``id``). Values in
criteria are text, as stored: they are read in the type of the record's value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum
from operator import attrgetter
from typing import Any, Protocol, TypeVar, cast

from app.domain.enums import FilterOperator

_MISSING = object()
_R = TypeVar("_R")


@dataclass(frozen=True)
class Criterion:
    field: str
    operator: FilterOperator
    value: str = ""


class CriterionRow(Protocol):
    """A stored criterion (app.store's FilterCriterion): ``value`` is optional."""

    @property
    def field(self) -> str: ...
    @property
    def operator(self) -> str: ...


# a Criterion, a (field, operator[, value]) tuple or list, a dict or a stored row
CriterionLike = Criterion | tuple[Any, ...] | list[Any] | dict[str, Any] | CriterionRow


class HasCriteria(Protocol):
    """A filter (app.store's SyncFilter); it may have ``is_active`` too."""

    @property
    def criteria(self) -> Iterable[CriterionLike]: ...


# a filter, or a plain list of criteria
FilterLike = HasCriteria | Iterable[CriterionLike]


def as_criterion(raw: CriterionLike) -> Criterion:
    """A Criterion from a Criterion, a (field, operator, value) tuple, a dict or a stored row."""
    if isinstance(raw, Criterion):
        return raw
    if isinstance(raw, (tuple, list)):
        field, operator, *rest = raw
        value = rest[0] if rest else ""
    elif isinstance(raw, dict):
        field, operator, value = raw["field"], raw["operator"], raw.get("value", "")
    else:
        field, operator, value = raw.field, raw.operator, getattr(raw, "value", "")
    return Criterion(field, FilterOperator(operator), "" if value is None else str(value))


def criteria_of(sync_filter_or_criteria: FilterLike) -> list[Criterion]:
    """The criteria of a filter (anything with ``criteria``) or of a plain list, in position order."""
    raw = cast("Iterable[CriterionLike]", getattr(sync_filter_or_criteria, "criteria", sync_filter_or_criteria))
    items = list(raw)
    if items and all(hasattr(c, "position") for c in items):
        items.sort(key=attrgetter("position"))
    return [as_criterion(c) for c in items]


def field_value(record: object, name: str) -> object:
    if isinstance(record, dict):
        value = record.get(name, _MISSING)
        if value is _MISSING and name == "owner":
            value = record.get("owner_id", _MISSING)
    else:
        value = getattr(record, name + "_id", _MISSING) if name == "owner" else _MISSING
        if value is _MISSING:
            value = getattr(record, name, _MISSING)
    if value is _MISSING:
        raise KeyError(f"records have no field {name!r}")
    if value is not None and not isinstance(value, (str, int, float, bool, date, Enum)) and hasattr(value, "id"):
        value = value.id  # a related record: compare by id
    return value


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    text = str(value).strip().replace("Z", "+00:00")
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _coerce(text: str, like: object) -> object:
    """*text* (a criterion value) read in the type of the record's value *like*."""
    if isinstance(like, bool):
        return text.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(like, int) and not isinstance(like, Enum):
        return int(text)
    if isinstance(like, float):
        return float(text)
    if isinstance(like, (date, datetime)):
        return _as_datetime(text)
    return text


def _text(value: object) -> str:
    return (value.value if isinstance(value, Enum) else str(value)).casefold()


def matches_criterion(record: object, criterion: Criterion, current_user_id: int | None) -> bool:
    value = field_value(record, criterion.field)
    op = criterion.operator
    if op is FilterOperator.CURRENT_USER:
        return current_user_id is not None and value is not None and value == current_user_id
    if op is FilterOperator.IS_EMPTY:
        return _is_empty(value)
    if op is FilterOperator.IS_NOT_EMPTY:
        return not _is_empty(value)
    if value is None:
        return op is FilterOperator.NOT_EQUALS and not _is_empty(criterion.value)
    try:
        wanted = _coerce(criterion.value, value)
    except ValueError:
        return op is FilterOperator.NOT_EQUALS  # a value of another type never equals
    if op in (FilterOperator.ON_OR_AFTER, FilterOperator.ON_OR_BEFORE):
        try:
            when, bound = _as_datetime(value), _as_datetime(criterion.value)
        except (TypeError, ValueError):
            return False
        if len(criterion.value.strip()) <= 10:  # a date: the whole day counts
            when = when.replace(hour=0, minute=0, second=0, microsecond=0)
        return when >= bound if op is FilterOperator.ON_OR_AFTER else when <= bound
    left: object
    right: object
    if isinstance(wanted, str):
        left, right = _text(value), wanted.casefold()
    else:
        left, right = (_as_datetime(value), wanted) if isinstance(wanted, datetime) else (value, wanted)
    if op is FilterOperator.EQUALS:
        return left == right
    if op is FilterOperator.NOT_EQUALS:
        return left != right
    if op is FilterOperator.CONTAINS:
        return str(right) in str(left)
    if op is FilterOperator.BEGINS_WITH:
        return str(left).startswith(str(right))
    raise ValueError(f"unknown operator {op!r}")


def matches(record: object, criteria: Iterable[CriterionLike], current_user_id: int | None) -> bool:
    """All criteria hold (AND). A filter without criteria selects everything."""
    return all(matches_criterion(record, as_criterion(c), current_user_id) for c in criteria)


def preview_filter(sync_filter_or_criteria: FilterLike, records: Iterable[_R], current_user_id: int | None) -> list[_R]:
    """The records one filter selects, in the order given (the filter editor's preview)."""
    criteria = criteria_of(sync_filter_or_criteria)
    return [r for r in records if matches(r, criteria, current_user_id)]


def select(filters: Iterable[FilterLike], records: Iterable[_R], current_user_id: int | None) -> list[_R]:
    """The records any of *filters* selects (OR); each filter is a filter object or a criteria list.
    Filters with ``is_active`` false are skipped."""
    criteria_lists = [criteria_of(f) for f in filters if getattr(f, "is_active", True)]
    return [r for r in records if any(matches(r, c, current_user_id) for c in criteria_lists)]


def owners_named(criteria_lists: Iterable[list[Criterion]], current_user_id: int | None) -> set[int | None] | None:
    """The owner ids every filter restricts to, when each has an owner criterion (lets a store query
    narrow its candidates); None when some filter does not restrict the owner."""
    owners: set[int | None] = set()
    for criteria in criteria_lists:
        named: set[int | None] | None = None
        for c in criteria:
            if c.field != "owner":
                continue
            if c.operator is FilterOperator.CURRENT_USER:
                named = {current_user_id}
            elif c.operator is FilterOperator.EQUALS and c.value.strip().isdigit():
                named = {int(c.value)}
        if named is None:
            return None
        owners |= named
    return owners
