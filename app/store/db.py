"""Opening the local store: pragmas, schema version, migrations, backup, refusal of newer files.

The schema version lives in SQLite's ``user_version``. A new file gets the current schema at
once; an older file is copied aside (``<name>.v<N>-<timestamp>.bak``) and then migrated one
numbered step at a time, each step in its own transaction. A file from a newer app is refused
with a message that says what to do.
"""
from __future__ import annotations

import functools
import logging
import sqlite3
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, ParamSpec, TypeVar

from peewee import SqliteDatabase

from app import APP_NAME
from app.store import migrations
from app.store.base import database
from app.store.models import ALL_MODELS

if TYPE_CHECKING:
    from peewee import _atomic, _savepoint, _transaction

log = logging.getLogger(__name__)
_P = ParamSpec("_P")
_R = TypeVar("_R")

SCHEMA_VERSION = migrations.LATEST
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 10_000,
}


_write_lock = threading.RLock()
_READ_ONLY = ("SELECT", "PRAGMA", "WITH", "EXPLAIN")


class _LockedAtomic:
    """peewee's atomic() that, as the outermost transaction of its thread, first takes the
    process-wide write lock."""

    def __init__(self, db: LockedSqliteDatabase, inner: _atomic) -> None:
        self.db, self.inner, self.locked = db, inner, False

    def __enter__(self) -> _transaction | _savepoint:
        self.locked = self.db.transaction_depth() == 0
        if self.locked:
            _write_lock.acquire()
        try:
            return self.inner.__enter__()
        except BaseException:
            if self.locked:
                _write_lock.release()
            raise

    def __exit__(self, exc_type: type[BaseException] | None, exc_val: BaseException | None,
                 exc_tb: TracebackType | None) -> None:
        try:
            return self.inner.__exit__(exc_type, exc_val, exc_tb)
        finally:
            if self.locked:
                _write_lock.release()

    def __call__(self, fn: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(fn)
        def inner(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            with self.db.atomic():
                return fn(*args, **kwargs)
        return inner


class LockedSqliteDatabase(SqliteDatabase):
    """Writers of this process queue on one lock instead of SQLite's busy handler, which sleeps
    in growing steps (up to 100 ms) and made a cycle over 200 mailboxes crawl. Readers are not
    held up (WAL); other processes still meet busy_timeout."""

    # _LockedAtomic stands in for peewee's _atomic (the same context manager and decorator) without
    # being one
    def atomic(self, *args: Any, **kwargs: Any) -> _LockedAtomic:  # type: ignore[override]
        return _LockedAtomic(self, super().atomic(*args, **kwargs))

    # peewee's stubs leave execute_sql unannotated: a call through super() is an untyped call
    def execute_sql(self, sql: str, params: Sequence[Any] | None = None) -> sqlite3.Cursor:
        if self.transaction_depth() == 0 and not sql.lstrip()[:7].upper().startswith(_READ_ONLY):
            with _write_lock:
                cursor: sqlite3.Cursor = super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
                return cursor
        cursor = super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
        return cursor


class StoreError(RuntimeError):
    """The store cannot be opened; ``str()`` says why and what to do."""


class DatabaseTooNewError(StoreError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path, self.found, self.supported = path, found, supported
        super().__init__(
            f"The data file {path} was written by a newer version of {APP_NAME} "
            f"(schema {found}; this version understands up to schema {supported}). "
            f"Install the newer version again, or open a backup copy made before the upgrade."
        )


def read_schema_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version


def backup_file(path: Path, version: int) -> Path:
    """Consistent copy of the database (WAL included) next to it, through SQLite's backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.v{version}-{stamp}-{counter}.bak")
        counter += 1
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_database(path: Path, *, on_backup: Callable[[Path], None] | None = None) -> SqliteDatabase:
    """Open (creating or migrating as needed) the store at *path* and bind the models to it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.exists() and path.stat().st_size > 0
    found = read_schema_version(path) if existing else 0
    if found > SCHEMA_VERSION:
        raise DatabaseTooNewError(path, found, SCHEMA_VERSION)
    if existing and 0 < found < SCHEMA_VERSION:
        copy = backup_file(path, found)
        log.info("backed up schema %s database to %s before migrating", found, copy)
        if on_backup:
            on_backup(copy)

    db = LockedSqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    if found == 0:
        if existing and db.get_tables():
            raise StoreError(f"{path} is not a {APP_NAME} data file (it has tables but no schema version).")
        with db.atomic():
            db.create_tables(ALL_MODELS)
            db.pragma("user_version", SCHEMA_VERSION)
    else:
        for version in range(found + 1, SCHEMA_VERSION + 1):
            with db.atomic():
                migrations.STEPS[version](db)
                db.pragma("user_version", version)
            log.info("migrated %s to schema %s", path, version)
    return db


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
