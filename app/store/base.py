"""Shared peewee pieces: the database proxy, the base model, enum and UTC datetime fields."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Type

from peewee import CharField, DatabaseProxy, DateTimeField, Model

database = DatabaseProxy()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class EnumField(CharField):
    """Stores a str Enum by value; reads it back as the enum member."""

    def __init__(self, enum: Type, *args, **kwargs):
        self.enum = enum
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)

    def db_value(self, value):
        if value is None:
            return None
        return self.enum(value).value

    def python_value(self, value):
        return None if value is None else self.enum(value)


class UtcDateTimeField(DateTimeField):
    """Timezone-aware UTC datetimes, stored as ISO-8601 text that sorts correctly."""

    def db_value(self, value):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC field")
        # via the timestamp: also right for datetime subclasses (exchangelib's EWSDateTime refuses
        # astimezone with a plain tzinfo)
        utc = datetime.fromtimestamp(value.timestamp(), timezone.utc).replace(microsecond=value.microsecond)
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def python_value(self, value):
        if value is None or isinstance(value, datetime):
            return value
        text = value.rstrip("Z")
        return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)
