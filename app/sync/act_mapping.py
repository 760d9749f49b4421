"""Store records (Appointment, Contact, Task) ↔ exchangelib items: which fields, and how.

Each record type has a ``RecordMapping``: the store model, the distinguished folder, the synced
store fields (their hash is the record's fingerprint), and the two conversions.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Callable

from app.domain.enums import RecordType
from app.store.models import Appointment, Contact, Task


def _utc(value) -> datetime | None:
    """An exchangelib EWSDateTime / EWSDate (or None) as a plain aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                        value.microsecond, tzinfo=timezone.utc) if value.tzinfo is None else \
            datetime.fromtimestamp(value.timestamp(), tz=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    raise TypeError(f"not a date/time: {value!r}")


def _ews_datetime(value: datetime | None):
    from exchangelib import EWSDateTime, UTC

    if value is None:
        return None
    value = value.astimezone(timezone.utc)
    return EWSDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second, tzinfo=UTC)


def _ews_date(value: datetime | None):
    from exchangelib import EWSDate

    return None if value is None else EWSDate(value.year, value.month, value.day)


def _text(value) -> str:
    return "" if value is None else str(value)


# --- appointments ---------------------------------------------------------------------------

def _appointment_to_item(record: Appointment, item) -> None:
    from exchangelib.properties import Body

    item.subject = record.subject
    item.location = record.location or None
    item.start = _ews_datetime(record.start)
    item.end = _ews_datetime(record.end)
    item.is_all_day = bool(record.is_all_day)
    item.body = Body(record.body) if record.body else None


def _appointment_from_item(item) -> dict:
    return dict(subject=_text(item.subject), location=_text(item.location), start=_utc(item.start),
                end=_utc(item.end), is_all_day=bool(item.is_all_day), body=_text(item.body))


# --- contacts -------------------------------------------------------------------------------

_PHONES = (("business_phone", "BusinessPhone"), ("mobile_phone", "MobilePhone"))


def _contact_to_item(record: Contact, item) -> None:
    from exchangelib.indexed_properties import EmailAddress, PhoneNumber

    item.given_name = record.first_name or None
    item.surname = record.last_name or None
    item.display_name = " ".join(p for p in (record.first_name, record.last_name) if p) or record.email or None
    item.company_name = record.company or None
    item.job_title = record.job_title or None
    item.email_addresses = [EmailAddress(label="EmailAddress1", email=record.email)] if record.email else None
    phones = [PhoneNumber(label=label, phone_number=getattr(record, name))
              for name, label in _PHONES if getattr(record, name)]
    item.phone_numbers = phones or None


def _contact_from_item(item) -> dict:
    emails = {e.label: e.email for e in (item.email_addresses or [])}
    phones = {p.label: p.phone_number for p in (item.phone_numbers or [])}
    values = dict(first_name=_text(item.given_name)[:100], last_name=_text(item.surname)[:100],
                  email=_text(emails.get("EmailAddress1") or next(iter(emails.values()), ""))[:254],
                  company=_text(item.company_name)[:160], job_title=_text(item.job_title)[:100])
    for name, label in _PHONES:
        values[name] = _text(phones.get(label))[:50]
    return values


# --- tasks ----------------------------------------------------------------------------------

def _task_to_item(record: Task, item) -> None:
    from exchangelib.properties import Body

    item.subject = record.subject
    item.body = Body(record.body) if record.body else None
    item.start_date = _ews_date(record.start)
    item.due_date = _ews_date(record.due)
    percent = 100 if record.is_complete else max(0, min(100, int(record.percent_complete or 0)))
    item.percent_complete = Decimal(percent)
    item.status = "Completed" if record.is_complete else ("InProgress" if percent else "NotStarted")


def _task_from_item(item) -> dict:
    complete = item.status == "Completed" or bool(item.is_complete)
    percent = int(item.percent_complete or 0)
    return dict(subject=_text(item.subject), body=_text(item.body), start=_utc(item.start_date),
                due=_utc(item.due_date), percent_complete=100 if complete else percent, is_complete=complete)


# --- the mappings ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordMapping:
    record_type: RecordType
    model: type
    folder: str  # distinguished folder name, also the FolderSyncState key
    item_class_name: str
    store_fields: tuple[str, ...]
    item_fields: tuple[str, ...]  # exchangelib field names written by UpdateItem and read by GetItem
    to_item: Callable
    from_item: Callable

    def item_class(self):
        import exchangelib

        return getattr(exchangelib, self.item_class_name)

    def folder_of(self, account):
        return getattr(account, self.folder)

    def fingerprint(self, record) -> str:
        """Hash of the synced fields: differs from ItemLink.synced_fingerprint when the store changed."""
        values = {name: _canonical(getattr(record, name)) for name in self.store_fields}
        return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:32]

    def snapshot(self, values: dict) -> str:
        """A readable copy of one side's version (for the conflict log)."""
        return json.dumps({k: _canonical(v) for k, v in values.items()}, sort_keys=True, ensure_ascii=False)

    def store_values(self, record) -> dict:
        return {name: getattr(record, name) for name in self.store_fields}


def _canonical(value):
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    return value


MAPPINGS: dict[RecordType, RecordMapping] = {
    RecordType.APPOINTMENT: RecordMapping(
        RecordType.APPOINTMENT, Appointment, "calendar", "CalendarItem",
        ("subject", "location", "start", "end", "is_all_day", "body"),
        ("subject", "location", "start", "end", "is_all_day", "body"),
        _appointment_to_item, _appointment_from_item),
    RecordType.CONTACT: RecordMapping(
        RecordType.CONTACT, Contact, "contacts", "Contact",
        ("first_name", "last_name", "email", "company", "job_title", "business_phone", "mobile_phone"),
        ("given_name", "surname", "display_name", "company_name", "job_title", "email_addresses",
         "phone_numbers"),
        _contact_to_item, _contact_from_item),
    RecordType.TASK: RecordMapping(
        RecordType.TASK, Task, "tasks", "Task",
        ("subject", "body", "start", "due", "percent_complete", "is_complete"),
        ("subject", "body", "start_date", "due_date", "percent_complete", "status"),
        _task_to_item, _task_from_item),
}
