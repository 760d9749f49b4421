"""Date and time helpers shared by every layer: the store keeps aware UTC datetimes."""

from __future__ import annotations

from datetime import date, datetime, timezone


def as_utc(value: datetime | date | None) -> datetime | None:
    """*value* as a plain aware UTC ``datetime`` (what the store's fields take), None as None.

    A naive datetime is taken to be UTC already; an aware one (any subclass, e.g. exchangelib's
    EWSDateTime) is converted; a date becomes its midnight UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return datetime(
                value.year,
                value.month,
                value.day,
                value.hour,
                value.minute,
                value.second,
                value.microsecond,
                tzinfo=timezone.utc,
            )
        if type(value) is datetime and value.tzinfo is timezone.utc:
            return value
        return datetime.fromtimestamp(value.timestamp(), tz=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    raise TypeError(f"not a date/time: {value!r}")
