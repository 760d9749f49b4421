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

from app.domain.enums import FilterOperator, RecordState, RecordType
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.i18n import Translator, format_template, identity_translate

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


def as_datetime(value: object) -> datetime:
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
        return as_datetime(text)
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
            when, bound = as_datetime(value), as_datetime(criterion.value)
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
        left, right = (as_datetime(value), wanted) if isinstance(wanted, datetime) else (value, wanted)
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


# --- what a filter may say: the fields of each record type and their operators ------------------

CTX = "Filters"  # translation context of the field labels and the messages below


class FieldKind(Enum):
    """How a field's value is read, and so which operators and values a criterion may use."""

    TEXT = "text"
    DATE = "date"  # an aware UTC date-time; a date alone means the whole (UTC) day
    BOOLEAN = "boolean"
    NUMBER = "number"  # a whole number
    USER = "user"  # the owner: a user id
    STATE = "state"  # RecordState, by its stored value


@dataclass(frozen=True)
class FilterField:
    name: str  # the record's field (its column in the store)
    kind: FieldKind
    label: str  # English, marked for translation in context "Filters"


def _fields(*fields: tuple[str, FieldKind, str]) -> tuple[FilterField, ...]:
    common = (
        ("owner", FieldKind.USER, _N(CTX, "Owner")),
        ("state", FieldKind.STATE, _N(CTX, "Status")),
    )
    dates = (
        ("created_on", FieldKind.DATE, _N(CTX, "Created on")),
        ("modified_on", FieldKind.DATE, _N(CTX, "Modified on")),
    )
    return tuple(FilterField(*f) for f in (*common, *fields, *dates))


# The fields a filter can name: those the store keeps for each record type (app.store's
# Appointment, Contact and Task; tests/store/test_filters_sql.py checks that every one is a column).
FILTER_FIELDS: dict[RecordType, tuple[FilterField, ...]] = {
    RecordType.APPOINTMENT: _fields(
        ("subject", FieldKind.TEXT, _N(CTX, "Subject")),
        ("category", FieldKind.TEXT, _N(CTX, "Category")),
        ("location", FieldKind.TEXT, _N(CTX, "Location")),
        ("start", FieldKind.DATE, _N(CTX, "Start time")),
        ("end", FieldKind.DATE, _N(CTX, "End time")),
        ("is_all_day", FieldKind.BOOLEAN, _N(CTX, "All day event")),
        ("body", FieldKind.TEXT, _N(CTX, "Description")),
    ),
    RecordType.CONTACT: _fields(
        ("first_name", FieldKind.TEXT, _N(CTX, "First name")),
        ("last_name", FieldKind.TEXT, _N(CTX, "Last name")),
        ("email", FieldKind.TEXT, _N(CTX, "Email")),
        ("company", FieldKind.TEXT, _N(CTX, "Company name")),
        ("job_title", FieldKind.TEXT, _N(CTX, "Job title")),
        ("business_phone", FieldKind.TEXT, _N(CTX, "Business phone")),
        ("mobile_phone", FieldKind.TEXT, _N(CTX, "Mobile phone")),
    ),
    RecordType.TASK: _fields(
        ("subject", FieldKind.TEXT, _N(CTX, "Subject")),
        ("start", FieldKind.DATE, _N(CTX, "Start date")),
        ("due", FieldKind.DATE, _N(CTX, "Due date")),
        ("percent_complete", FieldKind.NUMBER, _N(CTX, "Percent complete")),
        ("is_complete", FieldKind.BOOLEAN, _N(CTX, "Completed")),
        ("body", FieldKind.TEXT, _N(CTX, "Description")),
    ),
}

Op = FilterOperator
OPERATORS: dict[FieldKind, tuple[FilterOperator, ...]] = {
    FieldKind.TEXT: (Op.EQUALS, Op.NOT_EQUALS, Op.CONTAINS, Op.BEGINS_WITH, Op.IS_NOT_EMPTY, Op.IS_EMPTY),
    FieldKind.DATE: (Op.ON_OR_AFTER, Op.ON_OR_BEFORE, Op.IS_NOT_EMPTY, Op.IS_EMPTY),
    FieldKind.BOOLEAN: (Op.EQUALS, Op.NOT_EQUALS),
    FieldKind.NUMBER: (Op.EQUALS, Op.NOT_EQUALS),
    FieldKind.USER: (Op.CURRENT_USER, Op.EQUALS, Op.NOT_EQUALS, Op.IS_NOT_EMPTY, Op.IS_EMPTY),
    FieldKind.STATE: (Op.EQUALS, Op.NOT_EQUALS),
}
WITHOUT_VALUE = frozenset({Op.IS_EMPTY, Op.IS_NOT_EMPTY, Op.CURRENT_USER})  # the value is ignored
TRUE_WORDS = ("1", "true", "yes", "on")  # what _coerce reads as true; the editor writes "true"
FALSE_WORDS = ("0", "false", "no", "off")
FILTER_NAME_MAX = 160


def filter_field(record_type: RecordType, name: str) -> FilterField | None:
    return next((f for f in FILTER_FIELDS[RecordType(record_type)] if f.name == name), None)


@dataclass(frozen=True)
class FilterProblem:
    """What is wrong with one filter: its name (``position`` None) or one of its conditions
    (``position``: 0-based, in the filter's order)."""

    position: int | None
    template: str  # English, marked in context "Filters"
    params: tuple[tuple[str, object], ...] = ()

    def message(self, translate: Translator = identity_translate) -> str:
        return format_template(translate(CTX, self.template), dict(self.params), self.template)

    def __str__(self) -> str:
        where = "name" if self.position is None else f"condition {self.position + 1}"
        return f"{where}: {self.message()}"


def criterion_problem(record_type: RecordType, criterion: Criterion) -> tuple[str, dict[str, object]] | None:
    """Why *criterion* cannot be used in a filter of *record_type* (a template in context "Filters"
    and its parameters), or None when it can. What passes here is what app.store.filters_sql
    translates to SQL, with the same result as ``matches``."""
    field = filter_field(record_type, criterion.field)
    if field is None:
        return _N(CTX, "Choose a field."), {}
    op = criterion.operator
    if op not in OPERATORS[field.kind]:
        return _N(CTX, "This operator cannot be used with this field: choose another one."), {}
    if op in WITHOUT_VALUE:
        return None
    value = criterion.value
    if field.kind is FieldKind.TEXT:
        return None if value.strip() else (_N(CTX, "Enter a value."), {})
    if field.kind is FieldKind.DATE:
        try:
            as_datetime(value).astimezone(timezone.utc)  # a bound the store can compare with
        except (TypeError, ValueError, OverflowError):
            return _N(CTX, "Enter a date as YYYY-MM-DD, or a date and time as YYYY-MM-DD HH:MM."), {}
        return None
    if field.kind is FieldKind.BOOLEAN:
        words = (*TRUE_WORDS, *FALSE_WORDS)
        return None if value.strip().lower() in words else (_N(CTX, "Choose Yes or No."), {})
    if field.kind in (FieldKind.NUMBER, FieldKind.USER):
        try:
            int(value)
        except ValueError:
            if field.kind is FieldKind.USER:
                return _N(CTX, "Choose a user."), {}
            return _N(CTX, "Enter a whole number."), {}
        return None
    # FieldKind.STATE: compared as text, as matches() does (case does not matter, spaces do)
    known = {state.value.casefold() for state in RecordState}
    return None if value.casefold() in known else (_N(CTX, "Choose a status."), {})


NO_CONDITION = _N(CTX, "Add at least one condition.")  # a filter's problem that is not its name's


def filter_problems(record_type: RecordType, name: str, criteria: Iterable[CriterionLike]) -> list[FilterProblem]:
    """Everything wrong with one filter of *record_type*: its name, then each condition in order.
    A filter needs at least one condition (without any it would keep every record of everyone)."""
    problems: list[FilterProblem] = []
    if not name.strip():
        problems.append(FilterProblem(None, _N(CTX, "Enter a name for the filter.")))
    elif len(name.strip()) > FILTER_NAME_MAX:
        template = _N(CTX, "Use at most {max} characters (now {count}).")
        problems.append(FilterProblem(None, template, (("count", len(name.strip())), ("max", FILTER_NAME_MAX))))
    items = [as_criterion(c) for c in criteria]
    if not items:
        problems.append(FilterProblem(None, NO_CONDITION))
    for position, criterion in enumerate(items):
        found = criterion_problem(record_type, criterion)
        if found is not None:
            template, params = found
            problems.append(FilterProblem(position, template, tuple(sorted(params.items()))))
    return problems
