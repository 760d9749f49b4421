from datetime import date, datetime, timedelta, timezone

import pytest

from app.domain.timeutil import as_utc

JST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, None),
        (datetime(2030, 1, 1, 12, 0, 5, 7), datetime(2030, 1, 1, 12, 0, 5, 7, tzinfo=timezone.utc)),
        (datetime(2030, 1, 1, 21, 0, tzinfo=JST), datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)),
        (datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc), datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)),
        (date(2030, 1, 2), datetime(2030, 1, 2, tzinfo=timezone.utc)),
    ],
)
def test_as_utc(value, expected):
    result = as_utc(value)
    assert result == expected
    if result is not None:
        assert type(result) is datetime and result.tzinfo is timezone.utc


def test_as_utc_refuses_other_types():
    with pytest.raises(TypeError):
        as_utc("2030-01-01")  # type: ignore[arg-type]
