"""Filters translated to SQL keep exactly the records app.domain.filters.matches keeps: every
operator, on every field it applies to, over records chosen to be awkward (case, casefolding
beyond ASCII, whitespace, LIKE's special characters, day boundaries, missing values)."""

from __future__ import annotations

import itertools
import random
from datetime import datetime, timedelta, timezone

import pytest
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from app.domain import filters
from app.domain.enums import FilterOperator as Op
from app.domain.enums import RecordState, RecordType
from app.domain.filters import FILTER_FIELDS, OPERATORS, Criterion, FieldKind, criterion_problem
from app.store import filters_sql, repo
from app.store.base import EnumField, UtcDateTimeField
from app.store.filters_query import records_selected
from app.store.models import Appointment, Contact, FilterCriterion, SyncFilter, Task

UTC = timezone.utc
TEXTS = [
    "",
    " ",
    "\u3000",  # ideographic space: empty for str.strip
    "Customer",
    "customer",
    "CUSTOMER",
    "Customers",
    "ＣＵＳＴＯＭＥＲ",  # full-width: casefolds to full-width small letters
    "Straße",
    "STRASSE",
    "strasse",
    "\u212aelvin",  # Kelvin sign: casefolds to "k"
    "kelvin",
    "İstanbul",
    "ﬁle",  # ligature: casefolds to "fi"
    "file",
    "ÄRGER",
    "ärger",
    "ΣΊΣΥΦΟΣ",
    "顧客",
    "顧客訪問",
    "定例会議",
    "50% off",
    "5_0",
    "back\\slash",
    "  Review of Q3  ",
    "review",
    "Quarterly review",
]
NEEDLES = [
    "customer",
    "CUSTOMER",
    "Custom",
    "ｃｕｓｔｏｍｅｒ",
    "ss",
    "STRASSE",
    "ß",
    "k",
    "KELVIN",
    "i̇stanbul",
    "fi",
    "ärger",
    "σίσυφοσ",
    "顧客",
    "客",
    "%",
    "0% o",
    "_",
    "\\",
    "review",
    " review",
    "  review of q3  ",
    "e",
]
MOMENTS = [
    datetime(2030, 2, 28, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(2030, 3, 1, tzinfo=UTC),
    datetime(2030, 3, 1, 9, 0, tzinfo=UTC),
    datetime(2030, 3, 1, 12, 0, 0, 1, tzinfo=UTC),
    datetime(2030, 3, 1, 23, 59, tzinfo=UTC),
    datetime(2030, 3, 2, tzinfo=UTC),
    datetime(2031, 1, 1, 15, 30, tzinfo=UTC),
]
DATE_VALUES = [
    "2030-03-01",
    " 2030-03-02 ",
    "2030-02-28",
    "20300301",
    "2030-03-01T12:00:00+00:00",
    "2030-03-01 09:00",
    "2030-03-01T09:00:00+09:00",
    "2030-03-01T00:00:00Z",
    "2030-03-01T12:00:00.000001",
]


def _records(me: int, other: int) -> None:
    rnd = random.Random(20301)
    owners = [me, other, None]
    for index, (text, owner) in enumerate(itertools.product(TEXTS, owners)):
        start = MOMENTS[index % len(MOMENTS)]
        state = RecordState.INACTIVE if index % 5 == 0 else RecordState.ACTIVE
        Appointment.create(
            owner=owner,
            state=state,
            subject=text,
            category=rnd.choice(TEXTS),
            location=rnd.choice(TEXTS),
            start=start,
            end=start + timedelta(hours=rnd.choice([1, 30])),
            is_all_day=index % 3 == 0,
            body=rnd.choice(TEXTS) * 2,
            created_on=rnd.choice(MOMENTS),
            modified_on=rnd.choice(MOMENTS),
        )
        Contact.create(
            owner=owner,
            state=state,
            first_name=text,
            last_name=rnd.choice(TEXTS),
            email=rnd.choice(["", "ann@fabrikam.com", "ANN@Fabrikam.com", "顧客@example.jp"]),
            company=rnd.choice(TEXTS),
            job_title=rnd.choice(TEXTS),
            business_phone=rnd.choice(["", "+1 555 0100", "   "]),
            mobile_phone=rnd.choice(["", "090-1234-5678"]),
            created_on=rnd.choice(MOMENTS),
            modified_on=rnd.choice(MOMENTS),
        )
        Task.create(
            owner=owner,
            state=state,
            subject=text,
            body=rnd.choice(TEXTS),
            start=rnd.choice([None, *MOMENTS]),
            due=rnd.choice([None, *MOMENTS]),
            percent_complete=rnd.choice([0, 50, 100]),
            is_complete=rnd.choice([False, True]),
        )


def _values(kind: FieldKind, me: int, other: int) -> list[str]:
    return {
        FieldKind.TEXT: NEEDLES + [t for t in TEXTS if t.strip()],
        FieldKind.STATE: ["active", "ACTIVE", "Inactive"],
        FieldKind.DATE: DATE_VALUES,
        FieldKind.BOOLEAN: ["true", "false", "Yes", "0", " on "],
        FieldKind.NUMBER: ["50", "0", "+100", " 7 "],
        FieldKind.USER: [str(me), str(other), "999"],
    }[kind]


def every_criterion(record_type: RecordType, me: int, other: int):
    for field in FILTER_FIELDS[record_type]:
        for op in OPERATORS[field.kind]:
            values = [""] if op in filters.WITHOUT_VALUE else _values(field.kind, me, other)
            for value in values:
                yield Criterion(field.name, op, value)


@pytest.fixture
def people(store):
    me = repo.create_user("Me", "me@contoso.com", is_current=True)
    other = repo.create_user("Other", "other@contoso.com")
    _records(me.id, other.id)
    return me.id, other.id


def python_ids(record_type, criteria_lists, me, records=None):
    records = records if records is not None else list(filters_sql.MODELS[record_type].select())
    return {r.id for r in records if any(filters.matches(r, c, me) for c in criteria_lists)}


def sql_ids(record_type, criteria_lists, me):
    return {r.id for r in filters_sql.selected_query(record_type, criteria_lists, me)}


@pytest.mark.parametrize("record_type", list(RecordType), ids=[t.value for t in RecordType])
def test_sql_keeps_what_python_keeps_for_every_operator(people, record_type):
    me, other = people
    tried: dict[Op, int] = {}
    differences = []
    records = list(filters_sql.MODELS[record_type].select())
    for criterion in every_criterion(record_type, me, other):
        assert criterion_problem(record_type, criterion) is None, criterion
        expected = python_ids(record_type, [[criterion]], me, records)
        found = sql_ids(record_type, [[criterion]], me)
        if found != expected:
            differences.append((criterion, sorted(expected - found), sorted(found - expected)))
        tried[criterion.operator] = tried.get(criterion.operator, 0) + (0 < len(expected) < 84)
    assert differences == []
    # every operator was tried on this record type, and kept some records but not all for once
    assert set(tried) == set(Op)
    assert all(tried.values()), tried


def test_sql_keeps_what_python_keeps_for_filters_of_several_criteria(people):
    me, other = people
    rnd = random.Random(7)
    for record_type in RecordType:
        pool = list(every_criterion(record_type, me, other))
        records = list(filters_sql.MODELS[record_type].select())
        for _ in range(60):
            criteria_lists = [rnd.sample(pool, rnd.randint(1, 3)) for _ in range(rnd.randint(1, 3))]
            assert sql_ids(record_type, criteria_lists, me) == python_ids(record_type, criteria_lists, me, records)
    assert sql_ids(RecordType.TASK, [], me) == set(), "no filter keeps nothing"
    assert len(sql_ids(RecordType.TASK, [[]], me)) == Task.select().count(), "a filter without criteria keeps all"
    mine = [Criterion("owner", Op.CURRENT_USER)]
    assert sql_ids(RecordType.TASK, [mine], None) == set() == python_ids(RecordType.TASK, [mine], None)


def test_preview_counts_and_samples_what_sql_selects(people):
    me, _other = people
    criteria_lists = [
        [Criterion("owner", Op.CURRENT_USER), Criterion("state", Op.EQUALS, "active")],
        [Criterion("category", Op.EQUALS, "customer")],
    ]
    expected = python_ids(RecordType.APPOINTMENT, criteria_lists, me)
    shown = filters_sql.preview(RecordType.APPOINTMENT, criteria_lists, me, sample_size=5)
    assert shown.count == len(expected) == filters_sql.count_selected(RecordType.APPOINTMENT, criteria_lists, me)
    assert shown.total == Appointment.select().count()
    assert [r.id for r in shown.sample] == sorted(expected)[:5]
    first = Appointment.get_by_id(shown.sample[0].id)
    assert shown.sample[0].values["subject"] == first.subject
    assert shown.sample[0].owner_name == (first.owner.name if first.owner else "")


def test_a_criterion_the_editor_refuses_is_not_translated(store):
    for bad in (
        Criterion("start", Op.ON_OR_AFTER, "next tuesday"),
        Criterion("subject", Op.ON_OR_AFTER, "2030-01-01"),
        Criterion("subject", Op.EQUALS, "  "),
        Criterion("nope", Op.EQUALS, "x"),
    ):
        with pytest.raises(filters_sql.UntranslatableFilter):
            filters_sql.selected_query(RecordType.APPOINTMENT, [[bad]], 1)


def test_the_sync_selects_what_the_preview_shows_and_skips_a_filter_it_cannot_use(people, caplog):
    me, _other = people
    customer = SyncFilter.create(user=me, record_type=RecordType.APPOINTMENT, name="Customer")
    FilterCriterion.create(filter=customer, position=0, field="category", operator=Op.CONTAINS, value="CUSTOM")
    broken = SyncFilter.create(user=me, record_type=RecordType.APPOINTMENT, name="Broken")
    FilterCriterion.create(filter=broken, position=0, field="start", operator=Op.ON_OR_AFTER, value="soon")
    default = [Criterion("owner", Op.CURRENT_USER), Criterion("state", Op.EQUALS, "active")]
    wanted = [default, [Criterion("category", Op.CONTAINS, "CUSTOM")]]
    selected = records_selected(me, RecordType.APPOINTMENT)
    assert [r.id for r in selected] == sorted(python_ids(RecordType.APPOINTMENT, wanted, me))
    assert "Broken" in caplog.text and "condition 1" in caplog.text


def test_every_filter_field_is_a_column_of_its_kind(store):
    kinds = {
        FieldKind.TEXT: (CharField, TextField),
        FieldKind.DATE: (UtcDateTimeField,),
        FieldKind.BOOLEAN: (BooleanField,),
        FieldKind.NUMBER: (IntegerField,),
        FieldKind.USER: (ForeignKeyField,),
        FieldKind.STATE: (EnumField,),
    }
    for record_type, fields in FILTER_FIELDS.items():
        model = filters_sql.MODELS[record_type]
        for field in fields:
            column = model._meta.fields[field.name]
            assert isinstance(column, kinds[field.kind]), (record_type, field.name)
            if field.kind is FieldKind.TEXT:
                assert not isinstance(column, EnumField)


def test_the_unicode_tables_match_this_python():
    changed = [c for c in map(chr, range(0x80, 0x110000)) if c.casefold() != c]
    inside = lambda c: any(low <= ord(c) <= high for low, high in filters_sql.FOLDING_RANGES)  # noqa: E731
    assert [c for c in changed if not inside(c)] == []
    assert "".join(c for c in map(chr, range(0x110000)) if c.isspace()) == filters_sql.PYTHON_WHITESPACE
    assert {"k", "s", "ä", "ｃ"} <= filters_sql.folded_by_others()
    assert not {"顧", "r", "%"} & filters_sql.folded_by_others()
    assert filters_sql.written_as("s") == {"s", "S", "ſ", "ß", "ẞ", "ﬅ", "ﬆ"}
    assert filters_sql.written_as("顧") == {"顧"}


def test_on_a_shared_postgresql_database_the_filters_keep_the_same_records(pg_url):
    """PostgreSQL has neither SQLite's like() nor Python's casefolding: there the records are
    matched by app.domain.filters itself. The same records come out of the same calls as on
    SQLite (the sync's selection, the count, the editor's preview), awkward text included."""
    from app.store.db import open_database

    open_database(pg_url)
    me = repo.create_user("Me", "me@contoso.com", is_current=True).id
    other = repo.create_user("Other", "other@contoso.com").id
    _records(me, other)
    rnd = random.Random(11)
    for record_type in RecordType:
        pool = list(every_criterion(record_type, me, other))
        records = list(filters_sql.MODELS[record_type].select())
        for _ in range(15):
            criteria_lists = [rnd.sample(pool, rnd.randint(1, 2)) for _ in range(rnd.randint(1, 2))]
            expected = python_ids(record_type, criteria_lists, me, records)
            assert sql_ids(record_type, criteria_lists, me) == expected
            assert filters_sql.count_selected(record_type, criteria_lists, me) == len(expected)
    folded = [[Criterion("subject", Op.CONTAINS, "STRASSE")]]  # "Straße" casefolds to "strasse"
    kept = sql_ids(RecordType.APPOINTMENT, folded, me)
    assert kept and kept == python_ids(RecordType.APPOINTMENT, folded, me)
    shown = filters_sql.preview(RecordType.APPOINTMENT, folded, me, sample_size=1)
    assert shown.count == len(kept) and [r.id for r in shown.sample] == sorted(kept)[:1]
    assert sql_ids(RecordType.TASK, [], me) == set(), "no filter keeps nothing"
