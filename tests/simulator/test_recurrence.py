"""Recurrence patterns and ranges (app.simulator.recurrence): the dates of each pattern as
Exchange computes them, wall-clock times across daylight saving time, occurrence ids."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone

import pytest

from app.simulator import recurrence
from app.simulator.model import encode_id

T_NS = "http://schemas.microsoft.com/exchange/services/2006/types"


def _rec(pattern: str, rng: str) -> dict:
    el = ET.fromstring(f'<t:Recurrence xmlns:t="{T_NS}">{pattern}{rng}</t:Recurrence>')
    return recurrence.parse(el)


def _dates(rec: dict, until: date | None = None) -> list[str]:
    return [d.isoformat() for _, d in recurrence.series_dates(rec, until=until)]


def _numbered(start: str, n: int) -> str:
    return (
        f"<t:NumberedRecurrence><t:StartDate>{start}</t:StartDate>"
        f"<t:NumberOfOccurrences>{n}</t:NumberOfOccurrences></t:NumberedRecurrence>"
    )


def test_daily_every_third_day_numbered():
    rec = _rec("<t:DailyRecurrence><t:Interval>3</t:Interval></t:DailyRecurrence>", _numbered("2027-01-30", 4))
    assert _dates(rec) == ["2027-01-30", "2027-02-02", "2027-02-05", "2027-02-08"]


def test_weekly_several_days_every_second_week_from_a_midweek_start():
    rec = _rec(
        "<t:WeeklyRecurrence><t:Interval>2</t:Interval><t:DaysOfWeek>Monday Thursday</t:DaysOfWeek>"
        "<t:FirstDayOfWeek>Monday</t:FirstDayOfWeek></t:WeeklyRecurrence>",
        _numbered("2027-01-06", 5),  # a Wednesday: that week's Monday is before the start
    )
    assert _dates(rec) == ["2027-01-07", "2027-01-18", "2027-01-21", "2027-02-01", "2027-02-04"]


def test_absolute_monthly_day_31_falls_on_the_last_day_of_short_months():
    rec = _rec(
        "<t:AbsoluteMonthlyRecurrence><t:Interval>1</t:Interval><t:DayOfMonth>31</t:DayOfMonth>"
        "</t:AbsoluteMonthlyRecurrence>",
        "<t:EndDateRecurrence><t:StartDate>2027-01-01</t:StartDate><t:EndDate>2027-04-30</t:EndDate>"
        "</t:EndDateRecurrence>",
    )
    assert _dates(rec) == ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]


@pytest.mark.parametrize(
    ("days", "index", "expected"),
    [
        ("Tuesday", "Second", ["2027-01-12", "2027-03-09"]),
        ("Friday", "Last", ["2027-01-29", "2027-03-26"]),
        ("Weekday", "First", ["2027-01-01", "2027-03-01"]),
        ("WeekendDay", "Last", ["2027-01-31", "2027-03-28"]),
        ("Day", "Last", ["2027-01-31", "2027-03-31"]),
    ],
)
def test_relative_monthly_every_second_month(days, index, expected):
    rec = _rec(
        f"<t:RelativeMonthlyRecurrence><t:Interval>2</t:Interval><t:DaysOfWeek>{days}</t:DaysOfWeek>"
        f"<t:DayOfWeekIndex>{index}</t:DayOfWeekIndex></t:RelativeMonthlyRecurrence>",
        _numbered("2027-01-01", 2),
    )
    assert _dates(rec) == expected


def test_yearly_patterns_start_in_the_next_year_when_this_years_date_has_passed():
    absolute = _rec(
        "<t:AbsoluteYearlyRecurrence><t:DayOfMonth>29</t:DayOfMonth><t:Month>February</t:Month>"
        "</t:AbsoluteYearlyRecurrence>",
        _numbered("2027-06-01", 3),
    )
    assert _dates(absolute) == ["2028-02-29", "2029-02-28", "2030-02-28"]  # the last day in common years
    relative = _rec(
        "<t:RelativeYearlyRecurrence><t:DaysOfWeek>Monday</t:DaysOfWeek><t:DayOfWeekIndex>Last</t:DayOfWeekIndex>"
        "<t:Month>May</t:Month></t:RelativeYearlyRecurrence>",
        _numbered("2027-06-01", 2),
    )
    assert _dates(relative) == ["2028-05-29", "2029-05-28"]


def test_a_series_without_end_stops_where_it_is_asked_to():
    rec = _rec(
        "<t:DailyRecurrence><t:Interval>1</t:Interval></t:DailyRecurrence>",
        "<t:NoEndRecurrence><t:StartDate>2027-01-01Z</t:StartDate></t:NoEndRecurrence>",
    )
    assert _dates(rec, until=date(2027, 1, 3)) == ["2027-01-01", "2027-01-02", "2027-01-03"]
    assert len(_dates(rec)) == recurrence.MAX_OCCURRENCES


def test_occurrences_keep_their_wall_clock_time_across_daylight_saving_time():
    rec = _rec(
        "<t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Monday</t:DaysOfWeek></t:WeeklyRecurrence>",
        _numbered("2027-03-22", 3),  # Berlin moves to summer time on 2027-03-28
    )
    start = datetime(2027, 3, 22, 8, 0, tzinfo=timezone.utc)  # 09:00 CET
    series = recurrence.Series(rec, start, start.replace(hour=9), "W. Europe Standard Time")
    utc_hours = [(s.date().isoformat(), s.hour) for _, s, _ in series.occurrences()]
    assert utc_hours == [("2027-03-22", 8), ("2027-03-29", 7), ("2027-04-05", 7)]  # 09:00 local each time
    assert series.index_of(datetime(2027, 3, 29, 7, tzinfo=timezone.utc)) == 2
    assert series.occurrence(4) is None


@pytest.mark.parametrize(
    "pattern",
    [
        "<t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Someday</t:DaysOfWeek></t:WeeklyRecurrence>",
        "<t:DailyRecurrence><t:Interval>0</t:Interval></t:DailyRecurrence>",
        "<t:AbsoluteMonthlyRecurrence><t:Interval>1</t:Interval><t:DayOfMonth>32</t:DayOfMonth>"
        "</t:AbsoluteMonthlyRecurrence>",
        "<t:DailyRegeneration><t:Interval>1</t:Interval></t:DailyRegeneration>",
    ],
)
def test_invalid_patterns_are_refused(pattern):
    with pytest.raises(recurrence.RecurrenceError) as raised:
        _rec(pattern, _numbered("2027-01-01", 2))
    assert raised.value.code == "ErrorCalendarInvalidRecurrence"


def test_render_writes_back_what_parse_read():
    rec = _rec(
        "<t:RelativeMonthlyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Thursday</t:DaysOfWeek>"
        "<t:DayOfWeekIndex>Third</t:DayOfWeekIndex></t:RelativeMonthlyRecurrence>",
        "<t:EndDateRecurrence><t:StartDate>2027-01-01</t:StartDate><t:EndDate>2027-12-31</t:EndDate>"
        "</t:EndDateRecurrence>",
    )
    rendered = recurrence.render(rec)
    again = recurrence.parse(ET.fromstring(rendered.replace("<t:Recurrence>", f'<t:Recurrence xmlns:t="{T_NS}">')))
    assert again == rec
    assert "<t:StartDate>2027-01-01Z</t:StartDate>" in rendered  # Exchange writes dates with a zone


def test_occurrence_ids_carry_the_instance_index():
    master = encode_id("4c9d6381-a2e2-5c6f-9e16-56bbb0e87d64", "item", 77)
    third = recurrence.occurrence_id(master, 3)
    assert third != master
    assert recurrence.instance_of(third) == (master, 3)
    assert recurrence.instance_of(master) == (master, 0)
