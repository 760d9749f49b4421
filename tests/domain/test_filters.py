from datetime import datetime, timezone

import pytest

from app.domain.enums import FilterOperator as Op
from app.domain.enums import RecordState
from app.domain.filters import Criterion, preview_filter, select

ME, OTHER = 7, 8
RECORDS = [
    dict(
        id=1,
        owner=ME,
        state=RecordState.ACTIVE,
        subject="Quarterly review",
        start=datetime(2030, 3, 1, 9, tzinfo=timezone.utc),
        location="",
    ),
    dict(
        id=2,
        owner=ME,
        state=RecordState.INACTIVE,
        subject="Old call",
        start=datetime(2029, 1, 1, tzinfo=timezone.utc),
        location="Room 2",
    ),
    dict(
        id=3,
        owner=OTHER,
        state=RecordState.ACTIVE,
        subject="Review prep",
        start=datetime(2030, 3, 2, tzinfo=timezone.utc),
        location=None,
    ),
    dict(
        id=4,
        owner=None,
        state=RecordState.ACTIVE,
        subject="quarterly planning",
        start=datetime(2030, 2, 28, 23, tzinfo=timezone.utc),
        location="HQ",
    ),
]
DEFAULT = [("owner", Op.CURRENT_USER, ""), ("state", Op.EQUALS, "active")]


def ids(records):
    return [r["id"] for r in records]


@pytest.mark.parametrize(
    "criteria,expected",
    [
        (DEFAULT, [1]),
        ([("owner", "current_user")], [1, 2]),
        ([("state", Op.NOT_EQUALS, "ACTIVE")], [2]),
        ([("subject", Op.CONTAINS, "REVIEW")], [1, 3]),
        ([("subject", Op.BEGINS_WITH, "quarterly")], [1, 4]),
        ([("start", Op.ON_OR_AFTER, "2030-03-01")], [1, 3]),
        ([("start", Op.ON_OR_BEFORE, "2030-02-28")], [2, 4]),
        ([("start", Op.ON_OR_AFTER, "2030-03-01T12:00:00+00:00")], [3]),
        ([("location", Op.IS_EMPTY)], [1, 3]),
        ([("location", Op.IS_NOT_EMPTY)], [2, 4]),
        ([("owner", Op.EQUALS, str(OTHER))], [3]),
        ([], [1, 2, 3, 4]),
    ],
)
def test_preview_of_one_filter(criteria, expected):
    assert ids(preview_filter(criteria, RECORDS, ME)) == expected


def test_filters_are_or_ed_and_inactive_ones_skipped():
    class F:
        def __init__(self, criteria, active=True):
            self.criteria, self.is_active = [Criterion(f, Op(o), v) for f, o, v in criteria], active

    mine = F(DEFAULT)
    planning = [("subject", Op.CONTAINS, "planning")]
    assert ids(select([mine, F(planning)], RECORDS, ME)) == [1, 4]
    assert ids(select([mine, F(planning, active=False)], RECORDS, ME)) == [1]
    assert ids(preview_filter(mine, RECORDS, OTHER)) == [3], "'me' is whoever the filter is evaluated for"
    assert ids(preview_filter(mine, RECORDS, None)) == []


def test_objects_work_like_dicts_and_unknown_fields_are_errors():
    class Rec:
        owner_id, state, subject = ME, RecordState.ACTIVE, "x"

    mine, other = Rec(), Rec()
    other.owner_id = OTHER
    assert preview_filter(DEFAULT, [mine, other], ME) == [mine]
    with pytest.raises(KeyError):
        preview_filter([("nope", Op.EQUALS, "1")], RECORDS, ME)
