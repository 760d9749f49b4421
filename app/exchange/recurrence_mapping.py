"""A recurring appointment's pattern: exchangelib's ``Recurrence`` ↔ the text the store keeps.

The store keeps the pattern as a small JSON object (keys sorted, so the same pattern is always
the same text and the record's fingerprint only changes with it)::

    {"pattern": "Weekly", "interval": 1, "days": ["Monday", "Wednesday"], "first_day": "Monday",
     "range": "Numbered", "start": "2027-01-04", "count": 10, "zone": "W. Europe Standard Time"}

- pattern: Daily (interval), Weekly (interval, days, first_day), AbsoluteMonthly (interval,
  day_of_month), RelativeMonthly (interval, day, week), AbsoluteYearly (day_of_month, month),
  RelativeYearly (day, week, month) — the six patterns of EWS, by their EWS names;
- range: NoEnd, EndDate (end), Numbered (count), from start;
- zone: the Windows time zone the series keeps its wall-clock time in (Exchange's
  StartTimeZone), so that a weekly 09:00 in Berlin stays at 09:00 when it goes back.
A single appointment keeps "". A pattern this mapping does not know (a task's regeneration)
is kept as "" too: the appointment then travels as a single one.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Day",
    "Weekday",
    "WeekendDay",
)
_WEEKS = ("First", "Second", "Third", "Fourth", "Last")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _pattern_values(pattern: Any) -> dict[str, Any] | None:
    from exchangelib import recurrence as r

    if isinstance(pattern, r.DailyPattern):
        return {"pattern": "Daily", "interval": pattern.interval}
    if isinstance(pattern, r.WeeklyPattern):
        return {
            "pattern": "Weekly",
            "interval": pattern.interval,
            "days": [_WEEKDAYS[d - 1] for d in pattern.weekdays],
            "first_day": _WEEKDAYS[(pattern.first_day_of_week or 1) - 1],
        }
    if isinstance(pattern, r.AbsoluteMonthlyPattern):
        return {"pattern": "AbsoluteMonthly", "interval": pattern.interval, "day_of_month": pattern.day_of_month}
    if isinstance(pattern, r.RelativeMonthlyPattern):
        return {
            "pattern": "RelativeMonthly",
            "interval": pattern.interval,
            "day": _WEEKDAYS[pattern.weekday - 1],
            "week": _WEEKS[pattern.week_number - 1],
        }
    if isinstance(pattern, r.AbsoluteYearlyPattern):
        return {"pattern": "AbsoluteYearly", "day_of_month": pattern.day_of_month, "month": _MONTHS[pattern.month - 1]}
    if isinstance(pattern, r.RelativeYearlyPattern):
        return {
            "pattern": "RelativeYearly",
            "day": _WEEKDAYS[pattern.weekday - 1],
            "week": _WEEKS[pattern.week_number - 1],
            "month": _MONTHS[pattern.month - 1],
        }
    return None


def _range_values(boundary: Any) -> dict[str, Any] | None:
    from exchangelib import recurrence as r

    values: dict[str, Any] = {"start": _iso_date(boundary.start)}
    if isinstance(boundary, r.NoEndPattern):
        return {"range": "NoEnd", **values}
    if isinstance(boundary, r.EndDatePattern):
        return {"range": "EndDate", **values, "end": _iso_date(boundary.end)}
    if isinstance(boundary, r.NumberedPattern):
        return {"range": "Numbered", **values, "count": boundary.number}
    return None


def _iso_date(value: Any) -> str:
    return date(value.year, value.month, value.day).isoformat()


def recurrence_text(recurrence: Any, zone: Any) -> str:
    """The store's text for an item's ``recurrence`` (and its start time zone); "" for none."""
    if recurrence is None or recurrence.pattern is None or recurrence.boundary is None:
        return ""
    pattern, boundary = _pattern_values(recurrence.pattern), _range_values(recurrence.boundary)
    if pattern is None or boundary is None:
        return ""
    values = {**pattern, **boundary}
    ms_id = getattr(zone, "ms_id", None)
    if ms_id:
        values["zone"] = ms_id
    return json.dumps(values, sort_keys=True)


def parse_recurrence(text: str) -> dict[str, Any] | None:
    """The store's text as values (None for "" or a text that is not a pattern)."""
    if not text:
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return None
    return values if isinstance(values, dict) and values.get("pattern") and values.get("range") else None


def to_recurrence(values: dict[str, Any]) -> Any:
    """exchangelib's ``Recurrence`` for the store's values (ValueError when they are not one)."""
    from exchangelib import EWSDate
    from exchangelib import recurrence as r

    kind = values["pattern"]
    try:
        if kind == "Daily":
            pattern: Any = r.DailyPattern(interval=values["interval"])
        elif kind == "Weekly":
            pattern = r.WeeklyPattern(
                interval=values["interval"],
                weekdays=[_WEEKDAYS.index(d) + 1 for d in values["days"]],
                first_day_of_week=_WEEKDAYS.index(values.get("first_day") or "Monday") + 1,
            )
        elif kind == "AbsoluteMonthly":
            pattern = r.AbsoluteMonthlyPattern(interval=values["interval"], day_of_month=values["day_of_month"])
        elif kind == "RelativeMonthly":
            pattern = r.RelativeMonthlyPattern(
                interval=values["interval"],
                weekday=_WEEKDAYS.index(values["day"]) + 1,
                week_number=_WEEKS.index(values["week"]) + 1,
            )
        elif kind == "AbsoluteYearly":
            pattern = r.AbsoluteYearlyPattern(
                day_of_month=values["day_of_month"], month=_MONTHS.index(values["month"]) + 1
            )
        elif kind == "RelativeYearly":
            pattern = r.RelativeYearlyPattern(
                weekday=_WEEKDAYS.index(values["day"]) + 1,
                week_number=_WEEKS.index(values["week"]) + 1,
                month=_MONTHS.index(values["month"]) + 1,
            )
        else:
            raise ValueError(f"unknown recurrence pattern {kind!r}")
        start = EWSDate.from_date(date.fromisoformat(values["start"]))
        if values["range"] == "NoEnd":
            return r.Recurrence(pattern=pattern, start=start)
        if values["range"] == "EndDate":
            return r.Recurrence(pattern=pattern, start=start, end=EWSDate.from_date(date.fromisoformat(values["end"])))
        return r.Recurrence(pattern=pattern, start=start, number=values["count"])
    except (KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"the recurrence {values!r} is not complete: {exc}") from exc
