"""Which conditions a filter may have, and what the editor says about one it may not."""

import pytest

from app.domain.enums import FilterOperator as Op
from app.domain.enums import RecordType
from app.domain.filters import (
    FILTER_FIELDS,
    OPERATORS,
    Criterion,
    FieldKind,
    criterion_problem,
    filter_field,
    filter_problems,
)

APPOINTMENT = RecordType.APPOINTMENT


@pytest.mark.parametrize(
    "criterion",
    [
        Criterion("owner", Op.CURRENT_USER),
        Criterion("owner", Op.EQUALS, "12"),
        Criterion("owner", Op.IS_EMPTY),
        Criterion("state", Op.EQUALS, "ACTIVE"),
        Criterion("category", Op.EQUALS, "Customer"),
        Criterion("subject", Op.CONTAINS, " review"),
        Criterion("subject", Op.IS_NOT_EMPTY),
        Criterion("start", Op.ON_OR_AFTER, "2030-03-01"),
        Criterion("start", Op.ON_OR_BEFORE, "2030-03-01 09:30"),
        Criterion("end", Op.ON_OR_BEFORE, "2030-03-01T09:30:00+09:00"),
        Criterion("is_all_day", Op.EQUALS, "true"),
        Criterion("is_all_day", Op.NOT_EQUALS, "No"),
    ],
)
def test_conditions_the_editor_accepts(criterion):
    assert criterion_problem(APPOINTMENT, criterion) is None


@pytest.mark.parametrize(
    "record_type,criterion,message",
    [
        (APPOINTMENT, Criterion("percent_complete", Op.EQUALS, "5"), "Choose a field."),
        (APPOINTMENT, Criterion("sync_marker", Op.IS_EMPTY), "Choose a field."),
        (APPOINTMENT, Criterion("subject", Op.ON_OR_AFTER, "2030-01-01"), "This operator cannot be used"),
        (APPOINTMENT, Criterion("start", Op.CONTAINS, "2030"), "This operator cannot be used"),
        (APPOINTMENT, Criterion("subject", Op.CURRENT_USER), "This operator cannot be used"),
        (APPOINTMENT, Criterion("category", Op.EQUALS, "   "), "Enter a value."),
        (APPOINTMENT, Criterion("start", Op.ON_OR_AFTER, "tomorrow"), "Enter a date as YYYY-MM-DD"),
        (APPOINTMENT, Criterion("start", Op.ON_OR_AFTER, "2030-02-30"), "Enter a date as YYYY-MM-DD"),
        (APPOINTMENT, Criterion("start", Op.ON_OR_AFTER, ""), "Enter a date as YYYY-MM-DD"),
        (APPOINTMENT, Criterion("is_all_day", Op.EQUALS, "maybe"), "Choose Yes or No."),
        (APPOINTMENT, Criterion("owner", Op.EQUALS, "Alice"), "Choose a user."),
        (APPOINTMENT, Criterion("state", Op.EQUALS, "open"), "Choose a status."),
        (APPOINTMENT, Criterion("state", Op.EQUALS, " active"), "Choose a status."),
        (RecordType.TASK, Criterion("percent_complete", Op.EQUALS, "half"), "Enter a whole number."),
        (RecordType.CONTACT, Criterion("subject", Op.EQUALS, "x"), "Choose a field."),
    ],
)
def test_each_wrong_condition_says_what_is_wrong(record_type, criterion, message):
    problem = criterion_problem(record_type, criterion)
    assert problem is not None and problem[0].startswith(message)


def test_a_filter_names_its_wrong_conditions_by_position():
    criteria = [
        Criterion("owner", Op.CURRENT_USER),
        Criterion("start", Op.ON_OR_AFTER, "next week"),
        ("category", "eq", "Customer"),
        ("is_all_day", "eq", "sometimes"),
    ]
    problems = filter_problems(APPOINTMENT, "Customer visits", criteria)
    assert [p.position for p in problems] == [1, 3]
    assert str(problems[0]).startswith("condition 2: Enter a date")
    assert problems[1].message() == "Choose Yes or No."
    translated = problems[1].message(lambda context, text: f"[{context}] {text}")
    assert translated == "[Filters] Choose Yes or No."


def test_a_filter_needs_a_name_and_a_condition():
    problems = filter_problems(APPOINTMENT, "  ", [])
    assert [(p.position, p.message()) for p in problems] == [
        (None, "Enter a name for the filter."),
        (None, "Add at least one condition."),
    ]
    long = filter_problems(APPOINTMENT, "x" * 161, [Criterion("owner", Op.CURRENT_USER)])
    assert [p.message() for p in long] == ["Use at most 160 characters (now 161)."]


def test_every_kind_has_operators_and_every_record_type_its_fields():
    assert set(OPERATORS) == set(FieldKind)
    assert {f.name for f in FILTER_FIELDS[APPOINTMENT]} >= {"owner", "state", "subject", "category", "start"}
    assert filter_field(RecordType.TASK, "due").kind is FieldKind.DATE
    assert filter_field(RecordType.CONTACT, "category") is None
    for fields in FILTER_FIELDS.values():
        assert len({f.name for f in fields}) == len(fields)
