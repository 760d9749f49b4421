"""Recurring calendar items: the EWS recurrence patterns and ranges, and their occurrences.

A recurring master keeps its pattern in ``item.x["recurrence"]`` as plain values (JSON-safe, so
the state file keeps it)::

    {"pattern": {"type": "Weekly", "interval": 1, "days": ("Monday", "Wednesday"),
                 "first_day": "Monday"},
     "range": {"type": "Numbered", "start": "2027-01-04", "count": 10}}

The six patterns of ``t:Recurrence`` are modelled — Daily, Weekly, AbsoluteMonthly,
RelativeMonthly, AbsoluteYearly, RelativeYearly — with the three ranges NoEnd, EndDate and
Numbered. Occurrences are computed, never stored: the series starts on the range's StartDate
and each occurrence begins at the master's wall-clock start time in the master's own time zone
(``StartTimeZone``; UTC when it has none), so a weekly 09:00 meeting in Berlin stays at 09:00
across daylight saving time, as on Exchange. Occurrences are numbered from 1 (EWS's
``InstanceIndex``); a deleted occurrence keeps its number.

An occurrence's ItemId is its master's with the instance index in the two bytes at its end (an
ordinary item id has zeros there): ``occurrence_id`` / ``instance_of``.
"""

from __future__ import annotations

import base64
import binascii
import calendar
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .soap import T_NS, esc

T = f"{{{T_NS}}}"

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # date.weekday() order
MONTHS = tuple(calendar.month_name)[1:]
INDEXES = ("First", "Second", "Third", "Fourth", "Last")
DAY_GROUPS = {"Day": DAYS, "Weekday": DAYS[:5], "WeekendDay": DAYS[5:]}
PATTERNS = ("RelativeYearly", "AbsoluteYearly", "RelativeMonthly", "AbsoluteMonthly", "Weekly", "Daily")
RANGES = ("NoEnd", "EndDate", "Numbered")
MAX_OCCURRENCES = 999  # Outlook's and Exchange's cap on a numbered series; also the expansion's bound
_SCAN_LIMIT = 20_000  # candidate dates examined at most while expanding one series

# The Windows time zone ids exchangelib and Outlook send (StartTimeZone Id) → the IANA zone
WINDOWS_ZONES = {
    "UTC": "UTC",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "GMT Standard Time": "Europe/London",
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "FLE Standard Time": "Europe/Kiev",
    "GTB Standard Time": "Europe/Bucharest",
    "Russian Standard Time": "Europe/Moscow",
    "Arabian Standard Time": "Asia/Dubai",
    "India Standard Time": "Asia/Kolkata",
    "SE Asia Standard Time": "Asia/Bangkok",
    "China Standard Time": "Asia/Shanghai",
    "Singapore Standard Time": "Asia/Singapore",
    "Taipei Standard Time": "Asia/Taipei",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Korea Standard Time": "Asia/Seoul",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "New Zealand Standard Time": "Pacific/Auckland",
    "Hawaiian Standard Time": "Pacific/Honolulu",
    "Alaskan Standard Time": "America/Anchorage",
    "Pacific Standard Time": "America/Los_Angeles",
    "Mountain Standard Time": "America/Denver",
    "Central Standard Time": "America/Chicago",
    "Eastern Standard Time": "America/New_York",
    "Atlantic Standard Time": "America/Halifax",
    "E. South America Standard Time": "America/Sao_Paulo",
}


class RecurrenceError(ValueError):
    """A ``t:Recurrence`` this server (and Exchange) refuses: (response code, message)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def zone(zone_id: str | None) -> ZoneInfo | timezone:
    """The zone of a Windows (or IANA) time zone id; UTC for none or an unknown one."""
    name = WINDOWS_ZONES.get(zone_id or "UTC", zone_id or "UTC")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


# ---------------------------------------------------------------------------- XML
def _child_text(el, name: str) -> str:
    child = el.find(T + name)
    if child is None or not (child.text or "").strip():
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"The recurrence pattern lacks {name}.")
    return child.text.strip()


def _int(el, name: str, low: int, high: int) -> int:
    text = _child_text(el, name)
    try:
        value = int(text)
    except ValueError:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"{name} {text!r} is not a number.") from None
    if not low <= value <= high:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"{name} must be between {low} and {high}.")
    return value


def _choice(el, name: str, allowed) -> str:
    value = _child_text(el, name)
    if value not in allowed:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"{name} {value!r} is not valid.")
    return value


def _date(text: str) -> date:
    """xs:date as Exchange writes it (``2027-01-04`` or with a zone, ``2027-01-04Z``)."""
    text = text.strip()
    for suffix in ("Z", "+00:00"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if len(text) > 10 and text[10] in "+-":
        text = text[:10]
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"{text!r} is not a date.") from None


def parse(el) -> dict[str, Any]:
    """A ``t:Recurrence`` element → the stored form; ``RecurrenceError`` when it is not valid."""
    children = list(el)
    if len(children) != 2:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", "A recurrence needs a pattern and a range.")
    pat_el, range_el = children
    name = pat_el.tag[len(T) :].removesuffix("Recurrence") if pat_el.tag.startswith(T) else ""
    if name not in PATTERNS:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"The recurrence pattern {name!r} is not supported.")
    pattern: dict[str, Any] = {"type": name}
    if name in ("Daily", "Weekly", "AbsoluteMonthly", "RelativeMonthly"):
        pattern["interval"] = _int(pat_el, "Interval", 1, 999)
    if name == "Weekly":
        days = tuple(_child_text(pat_el, "DaysOfWeek").split())
        if not days or any(d not in DAYS for d in days):
            raise RecurrenceError("ErrorCalendarInvalidRecurrence", "DaysOfWeek must name days of the week.")
        pattern["days"] = tuple(d for d in DAYS if d in days)
        first = pat_el.findtext(T + "FirstDayOfWeek")
        pattern["first_day"] = (first or "Sunday").strip()
    if name in ("RelativeMonthly", "RelativeYearly"):
        pattern["days"] = _choice(pat_el, "DaysOfWeek", DAYS + tuple(DAY_GROUPS))
        pattern["index"] = _choice(pat_el, "DayOfWeekIndex", INDEXES)
    if name in ("AbsoluteMonthly", "AbsoluteYearly"):
        pattern["day_of_month"] = _int(pat_el, "DayOfMonth", 1, 31)
    if name in ("AbsoluteYearly", "RelativeYearly"):
        pattern["month"] = _choice(pat_el, "Month", MONTHS)
    kind = range_el.tag[len(T) :].removesuffix("Recurrence") if range_el.tag.startswith(T) else ""
    if kind not in RANGES:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"The recurrence range {kind!r} is not supported.")
    rng: dict[str, Any] = {"type": kind, "start": _date(_child_text(range_el, "StartDate")).isoformat()}
    if kind == "EndDate":
        end = _date(_child_text(range_el, "EndDate"))
        if end < date.fromisoformat(rng["start"]):
            raise RecurrenceError("ErrorCalendarInvalidRecurrence", "The end date is before the start date.")
        rng["end"] = end.isoformat()
    if kind == "Numbered":
        rng["count"] = _int(range_el, "NumberOfOccurrences", 1, MAX_OCCURRENCES)
    return {"pattern": pattern, "range": rng}


def render(recurrence: dict[str, Any], tag: str = "Recurrence") -> str:
    """The stored form → ``<t:Recurrence>`` in schema order (dates as Exchange writes them)."""
    p, r = recurrence["pattern"], recurrence["range"]
    name = p["type"]
    out = [f"<t:{tag}><t:{name}Recurrence>"]
    if "interval" in p:
        out.append(f"<t:Interval>{int(p['interval'])}</t:Interval>")
    if name == "Weekly":
        out.append(f"<t:DaysOfWeek>{' '.join(p['days'])}</t:DaysOfWeek>")
        out.append(f"<t:FirstDayOfWeek>{p.get('first_day') or 'Sunday'}</t:FirstDayOfWeek>")
    if name in ("RelativeMonthly", "RelativeYearly"):
        out.append(f"<t:DaysOfWeek>{p['days']}</t:DaysOfWeek><t:DayOfWeekIndex>{p['index']}</t:DayOfWeekIndex>")
    if name in ("AbsoluteMonthly", "AbsoluteYearly"):
        out.append(f"<t:DayOfMonth>{int(p['day_of_month'])}</t:DayOfMonth>")
    if name in ("AbsoluteYearly", "RelativeYearly"):
        out.append(f"<t:Month>{p['month']}</t:Month>")
    out.append(f"</t:{name}Recurrence><t:{r['type']}Recurrence><t:StartDate>{esc(r['start'])}Z</t:StartDate>")
    if r["type"] == "EndDate":
        out.append(f"<t:EndDate>{esc(r['end'])}Z</t:EndDate>")
    if r["type"] == "Numbered":
        out.append(f"<t:NumberOfOccurrences>{int(r['count'])}</t:NumberOfOccurrences>")
    out.append(f"</t:{r['type']}Recurrence></t:{tag}>")
    return "".join(out)


# ---------------------------------------------------------------------------- dates of a series
def _month_add(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _relative_day(year: int, month: int, days: str, index: str) -> date:
    wanted = DAY_GROUPS.get(days, (days,))
    matching = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if DAYS[date(year, month, d).weekday()] in wanted
    ]
    return matching[-1] if index == "Last" else matching[INDEXES.index(index)]


def _absolute_day(year: int, month: int, day_of_month: int) -> date:
    return date(year, month, min(day_of_month, calendar.monthrange(year, month)[1]))


def _candidates(pattern: dict[str, Any], first: date) -> Iterator[date]:
    """Dates the pattern names, in order, from the period that holds *first* (some may be before it)."""
    name = pattern["type"]
    interval = int(pattern.get("interval") or 1)
    if name == "Daily":
        day = first
        while True:
            yield day
            day += timedelta(days=interval)
    elif name == "Weekly":
        first_day = DAYS.index(pattern.get("first_day") or "Sunday")
        week = first - timedelta(days=(first.weekday() - first_day) % 7)
        order = sorted((DAYS.index(d) - first_day) % 7 for d in pattern["days"])
        while True:
            for offset in order:
                yield week + timedelta(days=offset)
            week += timedelta(weeks=interval)
    elif name in ("AbsoluteMonthly", "RelativeMonthly", "AbsoluteYearly", "RelativeYearly"):
        yearly = name.endswith("Yearly")
        year, month = (first.year, MONTHS.index(pattern["month"]) + 1) if yearly else (first.year, first.month)
        step = 12 if yearly else interval
        while True:
            if name.startswith("Absolute"):
                yield _absolute_day(year, month, int(pattern["day_of_month"]))
            else:
                yield _relative_day(year, month, pattern["days"], pattern["index"])
            year, month = _month_add(year, month, step)
    else:
        raise RecurrenceError("ErrorCalendarInvalidRecurrence", f"The recurrence pattern {name!r} is not supported.")


def series_dates(recurrence: dict[str, Any], *, until: date | None = None) -> Iterator[tuple[int, date]]:
    """(instance index, local date) of every occurrence of the series, in order; a series without
    an end stops after *until* (and after MAX_OCCURRENCES in any case)."""
    rng = recurrence["range"]
    first = date.fromisoformat(rng["start"])
    last = date.fromisoformat(rng["end"]) if rng["type"] == "EndDate" else None
    count = int(rng["count"]) if rng["type"] == "Numbered" else MAX_OCCURRENCES
    index = 0
    for scanned, day in enumerate(_candidates(recurrence["pattern"], first)):
        if scanned > _SCAN_LIMIT:
            return
        if day < first:
            continue
        if (last is not None and day > last) or (until is not None and day > until):
            return
        index += 1
        yield index, day
        if index >= count:
            return


class Series:
    """The occurrences of one recurring master: their original starts and ends, in UTC."""

    def __init__(self, recurrence: dict[str, Any], start: datetime, end: datetime, zone_id: str | None):
        self.recurrence = recurrence
        self.zone = zone(zone_id)
        local = start.astimezone(self.zone)
        self.wall_time: time = local.time().replace(tzinfo=None)
        self.duration = end - start

    def at(self, day: date) -> datetime:
        """The UTC start of the occurrence on local *day*."""
        local = datetime.combine(day, self.wall_time).replace(tzinfo=self.zone)
        return local.astimezone(timezone.utc)

    def occurrences(self, until: datetime | None = None) -> Iterator[tuple[int, datetime, datetime]]:
        """(instance index, original start, original end) in order, up to *until* (UTC) when given."""
        limit = (until.astimezone(self.zone).date() + timedelta(days=1)) if until is not None else None
        for index, day in series_dates(self.recurrence, until=limit):
            start = self.at(day)
            yield index, start, start + self.duration

    def occurrence(self, index: int) -> tuple[datetime, datetime] | None:
        """The original start and end of occurrence *index* (None: the series has no such one)."""
        if index < 1:
            return None
        for found, start, end in self.occurrences():
            if found == index:
                return start, end
            if found > index:
                break
        return None

    def index_of(self, original_start: datetime) -> int | None:
        for index, start, _ in self.occurrences(until=original_start):
            if start == original_start:
                return index
        return None

    def is_finite(self) -> bool:
        return self.recurrence["range"]["type"] != "NoEnd"


# ---------------------------------------------------------------------------- occurrence ids
def occurrence_id(master_id: str, index: int) -> str:
    """The ItemId of occurrence *index* of the master *master_id*."""
    raw = bytearray(base64.b64decode(master_id))
    raw[-2:] = index.to_bytes(2, "big")
    return base64.b64encode(bytes(raw)).decode("ascii")


def instance_of(item_id: str) -> tuple[str, int]:
    """(master id, instance index) of an item id; index 0 for an id that names no occurrence."""
    try:
        raw = bytearray(base64.b64decode(item_id, validate=True))
    except (binascii.Error, ValueError):
        return item_id, 0
    if len(raw) < 2:
        return item_id, 0
    index = int.from_bytes(raw[-2:], "big")
    raw[-2:] = b"\x00\x00"
    return base64.b64encode(bytes(raw)).decode("ascii"), index
