"""Many rows into one table as one prepared INSERT (sqlite3's ``executemany``).

peewee's ``insert_many`` builds the SQL text of every row's every value through its query tree:
for the thousands of emails of an initial sync that cost more than everything else the sync does
on its side. ``insert_rows`` means the same — each value through its field's ``db_value``, a
field missing from the rows gets its default (a callable one called for each row) — with the
statement built once and the values handed to SQLite as parameters. It runs in the caller's
transaction, on the thread's connection, with the database's own parameter mark (SQLite's ``?``,
PostgreSQL's ``%s``). A str given to a plain text field is passed as it is, without the call, and
a field whose default is the time of storing gets one time for all the rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from peewee import CharField, Field, Model, TextField
from peewee import __exception_wrapper__ as db_errors_as_peewees  # type: ignore[attr-defined]  # not in the stubs

from app.store.base import database, utcnow


def insert_rows(model: type[Model], rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert *rows* (field name → value; every row names the same fields) into *model*'s table;
    returns how many were inserted."""
    if not rows:
        return 0
    meta = model._meta
    given = list(rows[0])
    fields = [meta.fields[name] for name in given]
    defaulted = [(field, default) for field, default in meta.defaults.items() if field.name not in rows[0]]
    columns = [field.column_name for field in fields] + [field.column_name for field, _ in defaulted]
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        meta.table_name, ", ".join(f'"{column}"' for column in columns), ", ".join([database.param] * len(columns))
    )
    converters = [(name, field.db_value, _is_plain_text(field)) for name, field in zip(given, fields, strict=True)]
    now = utcnow()  # the rows of one statement are stored at one time
    stored_at = [field.db_value(now) if default is utcnow else None for field, default in defaulted]
    params = []
    for row in rows:
        if len(row) != len(given):
            raise ValueError(f"insert_rows: every row names the same fields ({', '.join(given)})")
        values = [
            value if text and (value is None or value.__class__ is str) else convert(value)
            for name, convert, text in converters
            for value in (row[name],)
        ]
        values += [
            at if default is utcnow else field.db_value(default() if callable(default) else default)
            for (field, default), at in zip(defaulted, stored_at, strict=True)
        ]
        params.append(values)
    with db_errors_as_peewees:  # IntegrityError … as insert_many raises them
        database.cursor().executemany(sql, params)
    return len(params)


def _is_plain_text(field: Field) -> bool:
    """A text field whose ``db_value`` hands a str (or None) on unchanged: its values need no call."""
    kind = type(field)
    return (
        isinstance(field, (CharField, TextField)) and kind.db_value is Field.db_value and kind.adapt is CharField.adapt
    )
