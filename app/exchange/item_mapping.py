"""Store records (appointments, contacts, tasks) ↔ exchangelib items: which fields, and how.

Each record type has an ``ItemMapping``: the distinguished folder, the exchangelib item class,
the store fields it reads and writes, the item fields UpdateItem writes and GetItem reads, and
the two conversions between the store's values (field name → value, as app.sync reads them from
a record) and an item.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from app.domain.enums import RecordType
from app.domain.timeutil import as_utc
from app.exchange.recurrence_mapping import parse_recurrence, recurrence_text, to_recurrence

StoreValues = dict[str, Any]  # store field name → value


def _ews_datetime(value: datetime | None) -> Any:
    from exchangelib import UTC, EWSDateTime

    if value is None:
        return None
    value = value.astimezone(timezone.utc)
    return EWSDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second, tzinfo=UTC)


def _ews_date(value: datetime | None) -> Any:
    from exchangelib import EWSDate

    return None if value is None else EWSDate(value.year, value.month, value.day)


def _text(value: object) -> str:
    return "" if value is None else str(value)


# --- appointments ---------------------------------------------------------------------------
# An all-day appointment is kept in the store as whole days: start at the midnight (UTC) of its
# first day, end at the midnight after its last day (2027-01-06 all day: 01-06 00:00 → 01-07
# 00:00). Exchange has it as midnights in the event's own zone; exchangelib reads those as dates
# in that zone (the zone fields are fetched for it) with the end date *inclusive* (the last day),
# and writes dates back adding the day again. Without the zone it would take the machine's own.

_DAY = timedelta(days=1)
_NONE = timedelta(0)


def _utc_midnight(value: date) -> datetime:
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


def _utc(value: datetime) -> datetime:
    return datetime.fromtimestamp(value.timestamp(), timezone.utc)  # also for EWSDateTime (see store.base)


def _all_day_span(start: datetime, end: datetime | None) -> tuple[datetime, datetime]:
    """Whole days covering [start, end): its first midnight and the midnight after its last day;
    at least one day (a record that lost its length gets its day back)."""
    first = _utc_midnight(_utc(start).date())
    after = first + _DAY
    if end is not None:
        end = _utc(end)
        after = max(after, _utc_midnight(end.date()) + (_DAY if end.time() != datetime.min.time() else _NONE))
    return first, after


# An appointment's category is one text in the store and a list of names in Exchange (Outlook's
# categories): "Customer; Travel" is ["Customer", "Travel"].
CATEGORY_SEPARATOR = ";"
CATEGORY_MAX = 255  # Appointment.category's length


def categories_of(category: str) -> list[str]:
    """The Exchange categories of a store category."""
    return [name.strip() for name in (category or "").split(CATEGORY_SEPARATOR) if name.strip()]


def category_of(categories: Any) -> str:
    """The store category of an item's categories (None when it has none)."""
    names = [str(name).strip() for name in categories or ()]
    return f"{CATEGORY_SEPARATOR} ".join(name for name in names if name)[:CATEGORY_MAX]


def _appointment_to_item(values: Mapping[str, Any], item: Any) -> None:
    from exchangelib import UTC
    from exchangelib.properties import Body

    item.subject = values["subject"]
    item.location = values["location"] or None
    all_day = bool(values["is_all_day"])
    start, end = values["start"], values["end"]
    if all_day and start is not None:
        start, end = _all_day_span(start, end)
        item._start_timezone = item._end_timezone = UTC  # the days are UTC days, as the store keeps them
    item.start = _ews_datetime(start)
    item.end = _ews_datetime(end)
    item.is_all_day = all_day
    item.body = Body(values["body"]) if values["body"] else None
    item.categories = categories_of(values["category"]) or None
    _recurrence_to_item(values.get("recurrence") or "", item, all_day)


def _recurrence_to_item(text: str, item: Any, all_day: bool) -> None:
    """A series' pattern onto the item, its times in the series' own zone (so that its wall-clock
    time is the one it had in Exchange); a store text that is not a pattern leaves it single."""
    from exchangelib import EWSTimeZone
    from exchangelib.errors import UnknownTimeZone

    values = parse_recurrence(text)
    item.recurrence = to_recurrence(values) if values else None
    if not values or all_day or not values.get("zone") or item.start is None:
        return
    try:
        zone = EWSTimeZone.from_ms_id(values["zone"])
    except UnknownTimeZone:
        return
    item.start, item.end = item.start.astimezone(zone), item.end.astimezone(zone) if item.end else None
    item._start_timezone = item._end_timezone = zone


def _appointment_time(value: datetime | date | None, *, day_after: bool) -> datetime | None:
    """A start or end read by exchangelib: a datetime, or for an all-day event a date (the end's
    inclusive: *day_after* makes it the midnight after it)."""
    if value is None or isinstance(value, datetime):
        return as_utc(value)
    return _utc_midnight(value) + (_DAY if day_after else _NONE)


def _appointment_from_item(item: Any) -> StoreValues:
    return dict(
        subject=_text(item.subject),
        location=_text(item.location),
        start=_appointment_time(item.start, day_after=False),
        end=_appointment_time(item.end, day_after=True),
        is_all_day=bool(item.is_all_day),
        body=_text(item.body),
        category=category_of(item.categories),
        recurrence=recurrence_text(item.recurrence, item._start_timezone),
    )


# --- contacts -------------------------------------------------------------------------------

_PHONES = (("business_phone", "BusinessPhone"), ("mobile_phone", "MobilePhone"))


def _contact_to_item(values: Mapping[str, Any], item: Any) -> None:
    from exchangelib.indexed_properties import EmailAddress, PhoneNumber

    first, last, email = values["first_name"], values["last_name"], values["email"]
    item.given_name = first or None
    item.surname = last or None
    item.display_name = " ".join(p for p in (first, last) if p) or email or None
    item.company_name = values["company"] or None
    item.job_title = values["job_title"] or None
    item.email_addresses = [EmailAddress(label="EmailAddress1", email=email)] if email else None
    phones = [PhoneNumber(label=label, phone_number=values[name]) for name, label in _PHONES if values[name]]
    item.phone_numbers = phones or None


def _contact_from_item(item: Any) -> StoreValues:
    emails = {e.label: e.email for e in (item.email_addresses or [])}
    phones = {p.label: p.phone_number for p in (item.phone_numbers or [])}
    values = dict(
        first_name=_text(item.given_name)[:100],
        last_name=_text(item.surname)[:100],
        email=_text(emails.get("EmailAddress1") or next(iter(emails.values()), ""))[:254],
        company=_text(item.company_name)[:160],
        job_title=_text(item.job_title)[:100],
    )
    for name, label in _PHONES:
        values[name] = _text(phones.get(label))[:50]
    return values


# --- tasks ----------------------------------------------------------------------------------


def _task_to_item(values: Mapping[str, Any], item: Any) -> None:
    from exchangelib.properties import Body

    item.subject = values["subject"]
    item.body = Body(values["body"]) if values["body"] else None
    item.start_date = _ews_date(values["start"])
    item.due_date = _ews_date(values["due"])
    complete = values["is_complete"]
    percent = 100 if complete else max(0, min(100, int(values["percent_complete"] or 0)))
    item.percent_complete = Decimal(percent)
    item.status = "Completed" if complete else ("InProgress" if percent else "NotStarted")


def _task_from_item(item: Any) -> StoreValues:
    complete = item.status == "Completed" or bool(item.is_complete)
    percent = int(item.percent_complete or 0)
    return dict(
        subject=_text(item.subject),
        body=_text(item.body),
        start=as_utc(item.start_date),
        due=as_utc(item.due_date),
        percent_complete=100 if complete else percent,
        is_complete=complete,
    )


# --- the mappings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemMapping:
    record_type: RecordType
    folder: str  # distinguished folder name (also the key of the folder's stored sync state)
    item_class_name: str  # exchangelib's item class
    store_fields: tuple[str, ...]  # the synced store fields: what to_item reads and from_item returns
    item_fields: tuple[str, ...]  # exchangelib field names written by UpdateItem and read by GetItem
    to_item: Callable[[Mapping[str, Any], Any], None]  # store values → the item's fields
    from_item: Callable[[Any], StoreValues]  # the item's fields → store values
    read_fields: tuple[str, ...] = ()  # what GetItem reads besides item_fields, for from_item
    # Store fields added after items were linked, each with the item field it maps to. While the
    # store's value is empty, a fingerprint leaves the field out and UpdateItem leaves the item's
    # field alone: an upgrade neither pushes every linked item again nor clears what was set in
    # Outlook before the store kept it (it comes in with the item's next change).
    optional_fields: tuple[tuple[str, str], ...] = ()

    def update_fields(self, values: Mapping[str, Any]) -> list[str]:
        """The item fields an UpdateItem with these store values writes."""
        left_alone = {item_field for store_field, item_field in self.optional_fields if not values.get(store_field)}
        return [name for name in self.item_fields if name not in left_alone]

    def item_class(self) -> type[Any]:
        import exchangelib

        item_class: type[Any] = getattr(exchangelib, self.item_class_name)
        return item_class

    def folder_of(self, account: Any) -> Any:
        """The exchangelib Account's folder of this record type."""
        return getattr(account, self.folder)


ITEM_MAPPINGS: dict[RecordType, ItemMapping] = {
    RecordType.APPOINTMENT: ItemMapping(
        RecordType.APPOINTMENT,
        "calendar",
        "CalendarItem",
        ("subject", "location", "start", "end", "is_all_day", "body", "category", "recurrence"),
        ("subject", "location", "start", "end", "is_all_day", "body", "categories", "recurrence"),
        _appointment_to_item,
        _appointment_from_item,
        ("_start_timezone", "_end_timezone"),  # the zone of an all-day event's midnights, of a series
        (("category", "categories"), ("recurrence", "recurrence")),  # schema 7, schema 10
    ),
    RecordType.CONTACT: ItemMapping(
        RecordType.CONTACT,
        "contacts",
        "Contact",
        ("first_name", "last_name", "email", "company", "job_title", "business_phone", "mobile_phone"),
        ("given_name", "surname", "display_name", "company_name", "job_title", "email_addresses", "phone_numbers"),
        _contact_to_item,
        _contact_from_item,
    ),
    RecordType.TASK: ItemMapping(
        RecordType.TASK,
        "tasks",
        "Task",
        ("subject", "body", "start", "due", "percent_complete", "is_complete"),
        ("subject", "body", "start_date", "due_date", "percent_complete", "status"),
        _task_to_item,
        _task_from_item,
    ),
}
