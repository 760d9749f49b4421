"""Filling the Records search tables after the sync (see app.store.records_schema).

A sync stores its rows without tokenizing them; ``catch_up`` indexes the rows past each table's
mark, a batch per immediate transaction (the mark moves in the same transaction, so a crash
leaves every row either indexed and under the mark or past it), and the engine calls it after
each cycle it runs. A search meanwhile reads the rows past the mark with LIKE, so
the results are the same before and after. SQLite only: a PostgreSQL store has no search tables.
"""

from __future__ import annotations

import threading

from app.store.backends import is_postgres
from app.store.base import database
from app.store.records_schema import SEARCH_STATE, SEARCHED, indexed_upto

BATCH = 2000  # rows per transaction: about 20 ms of tokenizing for emails, so other writers wait little
_running = threading.Lock()  # one catch-up at a time in this process; others need not wait for it


def pending() -> int:
    """Rows stored but not yet in their search table (0 on PostgreSQL)."""
    if is_postgres():
        return 0
    total = 0
    for table in SEARCHED:
        row = database.execute_sql(f'SELECT COUNT(*) FROM "{table}" WHERE "id" > {indexed_upto(table)}').fetchone()
        total += int(row[0])
    return total


def catch_up(batch: int = BATCH) -> int:
    """Index every row past its table's mark, *batch* rows per transaction; how many it indexed.
    Returns 0 at once when another thread of this process is already at it."""
    if is_postgres() or not _running.acquire(blocking=False):
        return 0
    try:
        return sum(_catch_up_table(table, batch) for table in SEARCHED)
    finally:
        _running.release()


def _past_mark(table: str) -> bool:
    """Whether *table* has rows past its mark (a read: no write lock taken when nothing is new)."""
    row = database.execute_sql(f'SELECT (SELECT MAX("id") FROM "{table}") > {indexed_upto(table)}').fetchone()
    return bool(row[0])


def _catch_up_table(table: str, batch: int) -> int:
    search, columns = SEARCHED[table]
    names = ", ".join(f'"{c}"' for c in columns)
    done = 0
    while _past_mark(table):
        with database.atomic("IMMEDIATE"):
            (upto,) = database.execute_sql(f"SELECT {indexed_upto(table)}").fetchone()
            (last, count) = database.execute_sql(
                f'SELECT MAX("id"), COUNT(*) FROM (SELECT "id" FROM "{table}" WHERE "id" > ? ORDER BY "id" LIMIT ?)',
                (upto, batch),
            ).fetchone()
            if not count:
                return done
            database.execute_sql(
                f'INSERT INTO "{search}" ("rowid", {names}) '
                f'SELECT "id", {names} FROM "{table}" WHERE "id" > ? AND "id" <= ?',
                (upto, last),
            )
            database.execute_sql(
                f'UPDATE "{SEARCH_STATE}" SET "indexed_upto" = ? WHERE "table_name" = ?', (last, table)
            )
        done += count
    return done
