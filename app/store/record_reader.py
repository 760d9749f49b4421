"""Streaming one list's ids, in order, from a connection of its own (the Records page's lists).

``ListReader.start(records, query)`` opens the query of the matching rows' ids in a read
transaction (WAL: a snapshot; writers are not held up) and returns the first ones; ``fetch(n)``
reads the next ones. The window reads the rest a chunk at a time while it
is idle, so that a list of 100,000 rows shows at once and never holds the event loop for long.
The transaction ends when the last id is read (or the query changes), so it is short.

A connection of its own: a statement left open between two chunks must not share a connection
with the window's writes (a save cannot begin on a connection whose read snapshot is older than
the store). No Qt.
"""

from __future__ import annotations

import sqlite3
from array import array
from pathlib import Path
from typing import NoReturn

from app.store.base import database
from app.store.db import BUSY_TIMEOUT_MS, classify_error
from app.store.records import ListQuery, RecordList, on_sqlite


def _raise_classified(exc: sqlite3.Error, path: Path) -> NoReturn:
    """The store's own problems (busy, damaged, read-only) as a StoreError; others as they are."""
    error = classify_error(exc, path)
    if error is None:
        raise exc
    raise error from exc


def path_of(reader: ListReader) -> Path:
    return reader.path if reader.path is not None else Path()


class ListReader:
    """One list's ids, read a chunk at a time. Not thread-safe: one thread uses it (the window's)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._connection: sqlite3.Connection | None = None
        self._cursor: sqlite3.Cursor | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            path = self.path if self.path is not None else Path(str(database.obj.database))
            self.path = path
            try:
                connection = sqlite3.connect(
                    str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
                )
                connection.execute("PRAGMA query_only = 1")
            except sqlite3.Error as exc:
                _raise_classified(exc, path)
            self._connection = connection
        return self._connection

    @property
    def done(self) -> bool:
        """Every id of the current query has been read (or none was started)."""
        return self._cursor is None

    def start(self, records: RecordList, query: ListQuery, first: int) -> array[int]:
        """The first *first* ids of the matching rows, in order (``fetch`` reads the next ones).
        On a shared PostgreSQL database, every id at once, through the store's connection."""
        self.stop()
        if not on_sqlite():
            return records.ids(query)
        connection = self._connect()
        try:
            connection.execute("BEGIN")
            sql, params = records.ids_statement(query)
            self._cursor = connection.execute(sql, params)
        except sqlite3.Error as exc:
            self.stop()
            _raise_classified(exc, path_of(self))
        return self.fetch(first)

    def fetch(self, count: int) -> array[int]:
        """The next *count* ids (fewer at the end, which ends the read)."""
        found: array[int] = array("q")
        if self._cursor is None:
            return found
        try:
            rows = self._cursor.fetchmany(count)
        except sqlite3.Error as exc:
            self.stop()
            _raise_classified(exc, path_of(self))
        found.extend(row[0] for row in rows)
        if len(rows) < count:
            self.stop()
        return found

    def stop(self) -> None:
        """Drop the current read (its transaction ends)."""
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None
        if self._connection is not None and self._connection.in_transaction:
            self._connection.execute("COMMIT")

    def close(self) -> None:
        self.stop()
        if self._connection is not None:
            self._connection.close()
            self._connection = None
