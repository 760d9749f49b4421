"""Synchronization filters as SQL: which stored records a user's filters keep, counted and
sampled by SQLite (the filter editor's preview) and selected for the sync.

The meaning is app.domain.filters.matches', criterion by criterion, for every criterion that
``criterion_problem`` accepts (tests/store/test_filters_sql.py compares the two on a varied set of
records for every operator); anything else is refused with ``UntranslatableFilter``. Three
points need care:

- Text is compared case-insensitively as Python's ``str.casefold`` does (``Straße`` contains
  ``SS``, ``ÄRGER`` equals ``ärger``, ``ＡＢＣ`` equals ``ａｂｃ``). SQLite's ``LIKE`` folds ASCII
  letters only, which decides a value that is all ASCII, and any value when the text looked for
  has no character that casefolding makes of another; otherwise a value with other characters is
  casefolded by Python (the function ``sssm_casefold``), and only once a LIKE has found in it what
  its casefolding must contain anyway, so that the Python call is rare (_text_match).
- "Empty" text is empty once Python's whitespace (``str.strip``) is trimmed, ideographic space
  included.
- Dates are stored as ISO-8601 UTC text (app.store.base.UtcDateTimeField), which sorts as time
  does: a bound is written the same way; a bound that is a date alone compares whole UTC days.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from typing import Any

from peewee import JOIN, SQL, Case, ColumnBase, Field, Function, fn

from app.domain import filters
from app.domain.enums import FilterOperator, RecordType
from app.domain.filters import Criterion, FieldKind
from app.store import backends
from app.store.base import database
from app.store.models import Appointment, Contact, SystemUser, Task

SyncedModel = type[Appointment] | type[Contact] | type[Task]
MODELS: dict[RecordType, SyncedModel] = {
    RecordType.APPOINTMENT: Appointment,
    RecordType.CONTACT: Contact,
    RecordType.TASK: Task,
}

FOLD_FUNCTION = "sssm_casefold"
# what str.strip() takes away (str.isspace); tests/store/test_filters_sql.py checks the list
PYTHON_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Every non-ASCII character that casefolding changes lies in one of these ranges (Python's Unicode
# data; tests/store/test_filters_sql.py checks them against every code point).
FOLDING_RANGES = (
    (0xB5, 0x24E),
    (0x345, 0x587),
    (0x10A0, 0x10CD),
    (0x13F8, 0x13FD),
    (0x1C80, 0x1CBF),
    (0x1E00, 0x1FFC),
    (0x2126, 0x2183),
    (0x24B6, 0x24CF),
    (0x2C00, 0x2CF2),
    (0xA640, 0xA69A),
    (0xA722, 0xA7F5),
    (0xAB70, 0xABBF),
    (0xFB00, 0xFB17),
    (0xFF21, 0xFF3A),
    (0x10400, 0x10427),
    (0x104B0, 0x104D3),
    (0x10570, 0x10595),
    (0x10C80, 0x10CB2),
    (0x118A0, 0x118BF),
    (0x16E40, 0x16E5F),
    (0x1E900, 0x1E921),
)
_LIKE_ESCAPE = "\\"
_TRUE = SQL("1")
_FALSE = SQL("0")


class UntranslatableFilter(ValueError):
    """A criterion that app.domain.filters.criterion_problem refuses: the editor cannot save it."""

    def __init__(self, criterion: Criterion, template: str) -> None:
        self.criterion, self.template = criterion, template
        super().__init__(f"{criterion.field} {criterion.operator.value} {criterion.value!r}: {template}")


# --- text -------------------------------------------------------------------------------------


def _casefold(value: object) -> str | None:
    return None if value is None else str(value).casefold()


@functools.cache
def _folded_from() -> dict[str, frozenset[str]]:
    """For each character that casefolding another non-ASCII character produces, those others."""
    found: dict[str, set[str]] = {}
    for low, high in FOLDING_RANGES:
        for code in range(low, high + 1):
            folded = chr(code).casefold()
            if folded != chr(code):
                for char in folded:
                    found.setdefault(char, set()).add(chr(code))
    return {char: frozenset(others) for char, others in found.items()}


def folded_by_others() -> frozenset[str]:
    """The characters that casefolding another character produces, other than an ASCII letter from
    its capital (ä from Ä, k from the Kelvin sign, s from ß, ａ from Ａ …): LIKE, which folds
    ASCII letters only, cannot look for them in a raw value."""
    return frozenset(_folded_from())


def written_as(char: str) -> frozenset[str]:
    """Every character whose casefolding contains the casefolded *char*: itself, its ASCII capital,
    and others (s: S, ſ, ß, ẞ, ﬅ, ﬆ)."""
    chars = {char, *_folded_from().get(char, ())}
    if char.isascii() and char.isalpha():
        chars.add(char.upper())
    return frozenset(chars)


def _like_escaped(text: str) -> str:
    return "".join(_LIKE_ESCAPE + c if c in "%_" + _LIKE_ESCAPE else c for c in text)


def _must_contain(folded: str) -> str:
    """The longest part of the casefolded *folded* that a raw value whose casefolding contains it
    must contain itself, up to ASCII case ("" when there is none)."""
    others = folded_by_others()
    runs, run = [], ""
    for c in folded:
        if c in others:
            runs.append(run)
            run = ""
        else:
            run += c
    runs.append(run)
    return max(runs, key=len)


def _like(pattern: str, column: ColumnBase) -> ColumnBase:
    return Function("like", (pattern, column, _LIKE_ESCAPE))  # fn.like would be ColumnBase.like


def _text_match(column: ColumnBase, operator: FilterOperator, folded: str) -> ColumnBase:
    """*column* casefolded equals, contains or begins with *folded* (already casefolded): 0 or 1,
    0 for NULL.

    LIKE on the raw value folds ASCII letters and compares every other character as it is: what it
    finds matches (casefolding is idempotent), and it finds everything in a value that is all ASCII,
    or when *folded* has no character that casefolding makes of another one (and without an ASCII
    letter in *folded*, case plays no part: plain comparisons do). Otherwise a value with other
    characters than ASCII is casefolded by Python, once the cheap necessary conditions hold: what
    it must contain (LIKE), or else one of the ways of writing one of *folded*'s characters, and
    no more characters than *folded* to be equal (casefolding never shortens)."""
    others = folded_by_others()
    if not any(c in others or c.isascii() and c.isalpha() for c in folded):
        if operator is FilterOperator.EQUALS:
            return column == folded
        if operator is FilterOperator.CONTAINS:
            return fn.instr(column, folded) > 0
        return fn.substr(column, 1, len(folded)) == folded
    escaped = _like_escaped(folded)
    pattern = {FilterOperator.EQUALS: escaped, FilterOperator.CONTAINS: f"%{escaped}%"}.get(operator, f"{escaped}%")
    found = _like(pattern, column)
    if not any(c in others for c in folded):
        return found
    python_folded = getattr(fn, FOLD_FUNCTION)(column)
    if operator is FilterOperator.EQUALS:
        exact: ColumnBase = python_folded == folded
    elif operator is FilterOperator.CONTAINS:
        exact = fn.instr(python_folded, folded) > 0
    else:  # BEGINS_WITH
        exact = fn.substr(python_folded, 1, len(folded)) == folded
    branches: list[tuple[ColumnBase, ColumnBase]] = [(column.is_null(), _FALSE)]
    part = _must_contain(folded)
    if part:  # first, as most values fail it: what the value must contain, as LIKE finds it
        branches.append((~_like(f"%{_like_escaped(part)}%", column), _FALSE))
    branches += [
        (found, _TRUE),
        (fn.length(column) == fn.length(column.cast("BLOB")), _FALSE),  # all ASCII: LIKE said it all
    ]
    if not part:  # one of the ways of writing the character of *folded* that has the fewest
        rarest = min(folded, key=lambda char: len(written_as(char)))
        found_any = [fn.instr(column, char) > 0 for char in sorted(written_as(rarest))]
        branches.append((~functools.reduce(lambda a, b: a | b, found_any), _FALSE))
    if operator is FilterOperator.EQUALS:
        branches.append((fn.length(column) > len(folded), _FALSE))
    return Case(None, branches, exact)


def _is_blank(column: ColumnBase) -> ColumnBase:
    return column.is_null() | (fn.trim(column, PYTHON_WHITESPACE) == "")


def _text_sql(column: ColumnBase, criterion: Criterion) -> ColumnBase:
    op = criterion.operator
    if op is FilterOperator.IS_EMPTY:
        return _is_blank(column)
    if op is FilterOperator.IS_NOT_EMPTY:
        return column.is_null(False) & (fn.trim(column, PYTHON_WHITESPACE) != "")
    folded = criterion.value.casefold()
    if op is FilterOperator.NOT_EQUALS:
        return column.is_null() | (_text_match(column, FilterOperator.EQUALS, folded) == 0)
    return _text_match(column, op, folded)


# --- dates, numbers, yes/no, the owner -----------------------------------------------------------


def _utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc)


def _date_sql(column: Field, criterion: Criterion) -> ColumnBase:
    op = criterion.operator
    if op is FilterOperator.IS_EMPTY:
        return column.is_null()
    if op is FilterOperator.IS_NOT_EMPTY:
        return column.is_null(False)
    bound = _utc(filters.as_datetime(criterion.value))
    if len(criterion.value.strip()) > 10:  # a moment: stored text compares as time does
        return column >= bound if op is FilterOperator.ON_OR_AFTER else column <= bound
    # a date alone: the value's whole UTC day counts, as in matches(): its midnight against the bound
    day = bound.date()
    if op is FilterOperator.ON_OR_AFTER:
        first = day if bound.time() == time(0) else day + timedelta(days=1)
        return fn.substr(column, 1, 10) >= first.isoformat()
    return fn.substr(column, 1, 10) <= day.isoformat()


def _equality_sql(column: Field, criterion: Criterion, value: object) -> ColumnBase:
    if criterion.operator is FilterOperator.EQUALS:
        return column == value
    return column.is_null() | (column != value)  # NOT_EQUALS: a record without a value differs


def _owner_sql(column: Field, criterion: Criterion, current_user_id: int | None) -> ColumnBase:
    op = criterion.operator
    if op is FilterOperator.CURRENT_USER:
        return _FALSE if current_user_id is None else column == current_user_id
    if op is FilterOperator.IS_EMPTY:
        return column.is_null()
    if op is FilterOperator.IS_NOT_EMPTY:
        return column.is_null(False)
    return _equality_sql(column, criterion, int(criterion.value))


# --- criteria, filters, selections -------------------------------------------------------------


def criterion_sql(record_type: RecordType, criterion: Criterion, current_user_id: int | None) -> ColumnBase:
    """One criterion as a peewee expression over the record type's model ("me" is
    *current_user_id*). Raises UntranslatableFilter for what criterion_problem refuses."""
    problem = filters.criterion_problem(record_type, criterion)
    if problem is not None:
        raise UntranslatableFilter(criterion, problem[0])
    field = filters.filter_field(record_type, criterion.field)
    assert field is not None  # criterion_problem checked it
    column: Field = getattr(MODELS[RecordType(record_type)], field.name)
    if field.kind in (FieldKind.TEXT, FieldKind.STATE):
        return _text_sql(column, criterion)
    if field.kind is FieldKind.DATE:
        return _date_sql(column, criterion)
    if field.kind is FieldKind.USER:
        return _owner_sql(column, criterion, current_user_id)
    if field.kind is FieldKind.BOOLEAN:
        return _equality_sql(column, criterion, criterion.value.strip().lower() in filters.TRUE_WORDS)
    return _equality_sql(column, criterion, int(criterion.value))  # FieldKind.NUMBER


def filter_sql(
    record_type: RecordType, criteria: Iterable[filters.CriterionLike], current_user_id: int | None
) -> ColumnBase:
    """Every criterion holds (AND); no criterion: every record, as matches() says."""
    parts = [criterion_sql(record_type, filters.as_criterion(c), current_user_id) for c in criteria]
    if not parts:
        return _TRUE
    return functools.reduce(lambda a, b: a & b, parts)


def selection_sql(
    record_type: RecordType, criteria_lists: Iterable[Sequence[filters.CriterionLike]], current_user_id: int | None
) -> ColumnBase:
    """Any of the filters (each a list of criteria) keeps the record (OR); no filter: none."""
    parts = [filter_sql(record_type, criteria, current_user_id) for criteria in criteria_lists]
    if not parts:
        return _FALSE
    return functools.reduce(lambda a, b: a | b, parts)


def ensure_fold_function() -> None:
    """Make ``sssm_casefold`` known to this thread's connection (peewee keeps one per thread)."""
    connection = database.connection()
    try:
        connection.execute(f"SELECT {FOLD_FUNCTION}('')")
    except sqlite3.OperationalError:
        connection.create_function(FOLD_FUNCTION, 1, _casefold, deterministic=True)


def _where(
    record_type: RecordType, criteria_lists: Iterable[Sequence[filters.CriterionLike]], current_user_id: int | None
) -> ColumnBase:
    """The condition on *record_type*'s rows that the filters keep. On SQLite, the SQL above. On a
    shared PostgreSQL database, which has neither SQLite's ``like()`` nor Python's casefolding,
    the records are matched by app.domain.filters.matches itself and the condition is their ids:
    the same records, read once per call (a shared store's filters cost a pass over the table)."""
    record_type = RecordType(record_type)
    lists = [list(criteria) for criteria in criteria_lists]
    where = selection_sql(record_type, lists, current_user_id)  # refuses what the editor refuses, on both
    if not backends.is_postgres():
        ensure_fold_function()
        return where
    model = MODELS[record_type]
    kept = [
        record.id
        for record in model.select().order_by(model.id).iterator()
        if any(filters.matches(record, criteria, current_user_id) for criteria in lists)
    ]
    return model.id.in_(kept)  # none kept: peewee writes a false condition


def selected_query(
    record_type: RecordType, criteria_lists: Iterable[Sequence[filters.CriterionLike]], current_user_id: int | None
) -> Any:
    """The records the filters keep, by id (a peewee query)."""
    model = MODELS[RecordType(record_type)]
    return model.select().where(_where(record_type, criteria_lists, current_user_id)).order_by(model.id)


def count_selected(
    record_type: RecordType, criteria_lists: Iterable[Sequence[filters.CriterionLike]], current_user_id: int | None
) -> int:
    model = MODELS[RecordType(record_type)]
    where = _where(record_type, criteria_lists, current_user_id)
    count: int = model.select(fn.COUNT(SQL("*"))).where(where).scalar()
    return count


# --- the filter editor's preview ---------------------------------------------------------------

SAMPLE_SIZE = 50
_NOT_SHOWN = frozenset({"owner", "body"})  # the owner comes as a name; a description can be long


@dataclass(frozen=True)
class SampleRecord:
    id: int
    owner_name: str
    values: dict[str, Any]  # the filter fields' values (not the owner or a description)


@dataclass(frozen=True)
class Preview:
    record_type: RecordType
    count: int  # the records the filters keep
    total: int  # all stored records of the type
    sample: tuple[SampleRecord, ...]  # the first of them, by id


def preview(
    record_type: RecordType,
    criteria_lists: Sequence[Sequence[filters.CriterionLike]],
    current_user_id: int | None,
    sample_size: int = SAMPLE_SIZE,
) -> Preview:
    """How many stored records of *record_type* the filters keep, out of how many, and the first
    *sample_size* of them. Raises UntranslatableFilter for a criterion the editor would refuse."""
    record_type = RecordType(record_type)
    model = MODELS[record_type]
    where = _where(record_type, criteria_lists, current_user_id)
    total: int = model.select(fn.COUNT(SQL("*"))).scalar()
    rows = list(
        model.select(model, SystemUser.name.alias("owner_name"))
        .join(SystemUser, JOIN.LEFT_OUTER, on=(model.owner == SystemUser.id))
        .where(where)
        .order_by(model.id)
        .limit(sample_size)
        .objects()
    )
    count = len(rows)
    if count == sample_size:  # the rest counted from where the sample ends: one pass in all
        rest = model.select(fn.COUNT(SQL("*"))).where(where & (model.id > rows[-1].id)).scalar()
        count += int(rest)
    shown = [f.name for f in filters.FILTER_FIELDS[record_type] if f.name not in _NOT_SHOWN]
    sample = tuple(
        SampleRecord(r.id, getattr(r, "owner_name", None) or "", {name: getattr(r, name) for name in shown})
        for r in rows
    )
    return Preview(record_type, count, total, sample)
