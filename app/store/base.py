"""Shared peewee pieces: the database proxy, the base model, enum and UTC datetime fields."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from peewee import AutoField, CharField, DatabaseProxy, DateTimeField, Model

database = DatabaseProxy()

_V = TypeVar("_V")
_E = TypeVar("_E", bound=Enum)

if TYPE_CHECKING:
    # peewee's stubs make its fields generic in the value an instance attribute holds
    _GenericCharField = CharField
    _GenericDateTimeField = DateTimeField
else:

    class _Generic:
        """At run time peewee's fields are plain classes: ``_Generic(F)[T]`` is ``F`` itself."""

        def __init__(self, cls):
            self.cls = cls

        def __getitem__(self, _params):
            return self.cls

    _GenericCharField = _Generic(CharField)
    _GenericDateTimeField = _Generic(DateTimeField)


_clock: ContextVar[Callable[[], datetime] | None] = ContextVar("sssm_clock", default=None)


def utcnow() -> datetime:
    """Now, in UTC: the wall clock, or the clock ``clock_as`` set for this thread's work."""
    clock = _clock.get()
    return clock() if clock is not None else datetime.now(timezone.utc)


@contextmanager
def clock_as(clock: Callable[[], datetime]) -> Iterator[None]:
    """Within the block (in this thread only), ``utcnow`` is *clock*: the scheduler runs a job by its
    injected clock, so the times escalation stores (next retry, alert times) agree with its own.
    *clock* must not be ``utcnow`` itself."""
    token = _clock.set(clock)
    try:
        yield
    finally:
        _clock.reset(token)


def is_set(field: Any) -> Any:
    """``field = true`` for a boolean column in a WHERE: both backends keep booleans as integers
    (app.store.backends), and PostgreSQL takes no bare integer as a condition."""
    return field == True  # noqa: E712 - a peewee expression, not a Python comparison


class BaseModel(Model):
    id = AutoField()  # what peewee adds by itself; declared so that type checkers know it

    class Meta:
        database = database
        legacy_table_names = False


class EnumField(_GenericCharField[_V]):
    """Stores a str Enum by value; reads it back as the enum member."""

    @overload
    def __init__(
        self: EnumField[_E | None], enum: type[_E], *args: Any, null: Literal[True], **kwargs: Any
    ) -> None: ...
    @overload
    def __init__(
        self: EnumField[_E], enum: type[_E], *args: Any, null: Literal[False] = ..., **kwargs: Any
    ) -> None: ...

    def __init__(self, enum: type[Enum], *args: Any, **kwargs: Any) -> None:
        self.enum = enum
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)

    def db_value(self, value: object) -> object:
        if value is None:
            return None
        return self.enum(value).value

    def python_value(self, value: object) -> Enum | None:
        return None if value is None else self.enum(value)


class UtcDateTimeField(_GenericDateTimeField[_V]):
    """Timezone-aware UTC datetimes, stored as ISO-8601 text that sorts correctly."""

    @overload
    def __init__(self: UtcDateTimeField[datetime | None], *args: Any, null: Literal[True], **kwargs: Any) -> None: ...
    @overload
    def __init__(self: UtcDateTimeField[datetime], *args: Any, null: Literal[False] = ..., **kwargs: Any) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    def db_value(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC field")
        if value.tzinfo is timezone.utc and type(value) is datetime:
            utc = value  # UTC already (most values: every date an initial sync stores)
        else:
            # via the timestamp: also right for datetime subclasses (exchangelib's EWSDateTime refuses
            # astimezone with a plain tzinfo)
            utc = datetime.fromtimestamp(value.timestamp(), timezone.utc).replace(microsecond=value.microsecond)
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def python_value(self, value: datetime | str | None) -> datetime | None:
        if value is None or isinstance(value, datetime):
            return value
        text = value.rstrip("Z")
        return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)
