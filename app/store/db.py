"""Opening the local store: pragmas, schema version, migrations, backups, and what goes wrong.

The schema version lives in SQLite's ``user_version``. A new file gets the current schema at
once; an older file is backed up (``backups/<name>.v<N>-<timestamp>.bak``, see
app.store.backup) and then migrated one numbered step at a time, each step in its own
transaction. A current file is backed up at most once a day when it is opened.

Whatever keeps the store from being used — a damaged or foreign file, a folder in its place, an
impossible schema, a file from a newer app, a read-only file or folder, another program holding
it — is one ``StoreError`` with a ``problem`` (its kind), the file, a message and a next step;
``str()`` is one line for a person. SQLite's own errors are classified the same way while the
app runs (``LockedSqliteDatabase``), so a store that is busy or damaged mid-cycle is a
classified failure, not a traceback.
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from peewee import Database, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from app import APP_NAME
from app.domain.escalation import Failure
from app.store import migrations
from app.store.base import database
from app.store.models import ALL_MODELS
from app.store.records_schema import create_records_schema

if TYPE_CHECKING:
    from peewee import _atomic, _savepoint, _transaction

log = logging.getLogger(__name__)
_P = ParamSpec("_P")
_R = TypeVar("_R")

SCHEMA_VERSION = migrations.LATEST
# How long a statement waits while another program holds the store before it fails as "busy".
# Long enough for another instance's write transaction (milliseconds to a second), short enough
# that a window thread saving a form is not frozen for long and a sync cycle fails, is recorded
# and retried after its back-off instead of hanging.
BUSY_TIMEOUT_MS = 5_000
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": BUSY_TIMEOUT_MS,
}
SQLITE_MAGIC = b"SQLite format 3\x00"
# in every schema since the first: a file that claims a schema but lacks them is not a store
CORE_TABLES = frozenset({"system_user", "server_profile", "mailbox", "alert"})


class StoreProblem(Enum):
    """What keeps the store from being used (``StoreError.problem``); the value names it in codes."""

    NOT_A_DATABASE = "NotADatabase"  # not SQLite at all, or the SQLite file of another program
    DAMAGED = "Damaged"  # truncated or corrupt
    NOT_A_FILE = "NotAFile"  # a folder (or another kind of entry) where the file should be
    BAD_SCHEMA = "BadSchema"  # an impossible schema version, or its tables missing
    TOO_NEW = "TooNew"  # written by a newer version of the app
    NOT_WRITABLE = "NotWritable"  # read-only file or folder, no permission, disk full
    BUSY = "Busy"  # another program holds it
    UNREACHABLE = "Unreachable"  # a shared PostgreSQL database: no connection (app.store.backends)


# Restoring the last backup is the way out of these (and the dialog offers it); the others need
# something else first (permissions, the other program closed, the newer app).
RESTORABLE = frozenset(
    {
        StoreProblem.NOT_A_DATABASE,
        StoreProblem.DAMAGED,
        StoreProblem.NOT_A_FILE,
        StoreProblem.BAD_SCHEMA,
        StoreProblem.TOO_NEW,
    }
)

_RESTORE = (
    "Restore the last automatic backup with “python -m app store restore” (the file is kept beside "
    "it, renamed), or start the app and choose “Restore”."
)
_TEXTS: dict[StoreProblem, tuple[str, str]] = {  # what happened, what to do ({path}, {detail})
    StoreProblem.NOT_A_DATABASE: (f"The file {{path}} is not a {APP_NAME} data file ({{detail}}).", _RESTORE),
    StoreProblem.DAMAGED: ("The data file {path} is damaged ({detail}).", _RESTORE),
    StoreProblem.NOT_A_FILE: ("The data file {path} is not a file ({detail}).", _RESTORE),
    StoreProblem.BAD_SCHEMA: ("The data file {path} has an impossible schema ({detail}).", _RESTORE),
    StoreProblem.TOO_NEW: (
        "The data file {path} was written by a newer version ({detail}).",
        "Install the newer version again, or restore a backup made before the upgrade.",
    ),
    StoreProblem.NOT_WRITABLE: (
        "The data file {path} cannot be written ({detail}).",
        (
            "Give your account write access to the file and its folder (or free disk "
            "space), or set SSSM_HOME to a writable folder, then start again."
        ),
    ),
    StoreProblem.BUSY: (
        "The store {path} is busy: another program holds it ({detail}).",
        (
            "Close the other program (another copy of the app, a backup tool or a database "
            "browser) or wait for it to finish; the synchronization retries after its back-off."
        ),
    ),
    StoreProblem.UNREACHABLE: (
        "The database {path} cannot be reached ({detail}).",
        "Check the URL (--database or SSSM_DATABASE_URL), that the PostgreSQL server runs and accepts "
        "this host, then start again.",
    ),
}


_SHARED_STEP = (
    "A shared database is restored by its administrator from the server's backups; or point "
    "--database (SSSM_DATABASE_URL) at the right database."
)


class StoreError(RuntimeError):
    """The store cannot be used. ``problem`` says why, ``path`` which file; ``message`` and
    ``next_step`` (English: command line, logs) say what happened and what to do, and ``str()``
    is both on one line. The window shows its own translated text for each ``problem``."""

    def __init__(
        self,
        path: Path | str,
        problem: StoreProblem,
        detail: str = "",
        *,
        message: str | None = None,
        next_step: str | None = None,
    ) -> None:
        self.path, self.problem, self.detail = Path(path), problem, detail
        self.location = str(path)  # a shared database's URL (without its password) is no path
        what, step = _TEXTS[problem]
        shared = self.location.startswith(("postgresql://", "postgres://"))
        if shared:
            what = what.replace("The data file", "The database")
            step = _SHARED_STEP if problem in RESTORABLE else step
        self.message = message or what.format(path=self.location, detail=detail)
        self.next_step = next_step or step
        super().__init__(f"{self.message} {self.next_step}")

    @property
    def code(self) -> str:
        """A stable code: ``Store`` + the problem (``StoreDamaged``, ``StoreBusy``, ...)."""
        return f"Store{self.problem.value}"

    @property
    def restorable(self) -> bool:
        return self.problem in RESTORABLE

    @property
    def failure(self) -> Failure:
        """As a sync failure: a busy store is transient (retried after the back-off)."""
        transient = self.problem in (StoreProblem.BUSY, StoreProblem.UNREACHABLE)
        return Failure(self.code, transient, self.message, self.next_step, details=self.detail)


class DatabaseTooNewError(StoreError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.found, self.supported = found, supported
        shared = str(path).startswith(("postgresql://", "postgres://"))
        super().__init__(
            path,
            StoreProblem.TOO_NEW,
            f"schema {found}",
            message=(
                f"The {'database' if shared else 'data file'} {path} was written by a newer version of {APP_NAME} "
                f"(schema {found}; this version understands up to schema {supported})."
            ),
            next_step="Install the newer version again on every host of the database."
            if shared
            else "Install the newer version again, or open a backup copy made before the upgrade "
            "(python -m app store backups lists them).",
        )


def _sqlite_cause(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind *exc* (peewee wraps it: first argument and context)."""
    seen: list[BaseException] = [exc]
    while seen:
        current = seen.pop()
        if isinstance(current, sqlite3.Error):
            return current
        seen += [e for e in (current.__cause__, current.__context__) if e is not None]
        seen += [a for a in current.args[:1] if isinstance(a, BaseException)]
    return None


def classify_error(exc: BaseException, path: Path | str) -> StoreError | None:
    """*exc* as a classified StoreError for the store at *path*, or None when it is not about the
    store's file (a constraint violated, a bug): those stay what they are."""
    path = Path(path)
    if isinstance(exc, StoreError):
        return exc
    cause = _sqlite_cause(exc)
    if cause is None:
        if isinstance(exc, IsADirectoryError):
            return StoreError(path, StoreProblem.NOT_A_FILE, "a folder is in its place")
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            where = f"{exc.filename}: " if exc.filename else ""
            return StoreError(path, StoreProblem.NOT_WRITABLE, f"{where}{reason}")
        return None
    name = getattr(cause, "sqlite_errorname", "") or ""
    text = str(cause)
    detail = f"{text} [{name}]" if name else text
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StoreError(path, StoreProblem.BUSY, detail)
    if name.startswith("SQLITE_NOTADB") or "file is not a database" in text:
        return StoreError(path, StoreProblem.NOT_A_DATABASE, detail)
    if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_IOERR_SHORT_READ" or "malformed" in text:
        return StoreError(path, StoreProblem.DAMAGED, detail)
    if (
        name.startswith(
            ("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_AUTH")
        )
        or "readonly" in text
        or "unable to open" in text
    ):
        if path.exists() and not path.is_file():
            return StoreError(path, StoreProblem.NOT_A_FILE, "a folder is in its place")
        return StoreError(path, StoreProblem.NOT_WRITABLE, detail)
    return None


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

    def __exit__(
        self, exc_type: type[BaseException] | None, exc_val: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
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
    held up (WAL); other processes still meet busy_timeout. SQLite's errors about the file itself
    (busy, damaged, read-only) come out as a classified ``StoreError``."""

    # _LockedAtomic stands in for peewee's _atomic (the same context manager and decorator) without
    # being one
    def atomic(self, *args: Any, **kwargs: Any) -> _LockedAtomic:  # type: ignore[override]
        return _LockedAtomic(self, super().atomic(*args, **kwargs))

    def _classified(self, exc: PeeweeDatabaseError) -> BaseException:
        return classify_error(exc, str(self.database)) or exc

    # peewee's stubs leave execute_sql unannotated: a call through super() is an untyped call
    def execute_sql(self, sql: str, params: Sequence[Any] | None = None) -> sqlite3.Cursor:
        try:
            if self.transaction_depth() == 0 and not sql.lstrip()[:7].upper().startswith(_READ_ONLY):
                with _write_lock:
                    cursor: sqlite3.Cursor = super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
                    return cursor
            cursor = super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
            return cursor
        except PeeweeDatabaseError as exc:
            raise self._classified(exc) from exc

    def begin(self, lock_type: str | None = None) -> None:
        try:
            super().begin(lock_type)
        except PeeweeDatabaseError as exc:
            raise self._classified(exc) from exc

    def commit(self) -> None:
        try:
            super().commit()
        except PeeweeDatabaseError as exc:
            raise self._classified(exc) from exc


def read_schema_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version


def _inspect(path: Path) -> tuple[int, set[str]]:
    """The schema version and table names of an existing file."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return version, tables
    finally:
        conn.close()


def check_file(path: Path) -> None:
    """Cheap checks before SQLite sees the file: its folder can be created and written, it is a
    file, its header is SQLite's and it is not shorter than the header says. Raises StoreError."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            path, StoreProblem.NOT_WRITABLE, f"its folder {folder} cannot be created: {exc.strerror or exc}"
        ) from exc
    if path.exists() and not path.is_file():
        raise StoreError(
            path,
            StoreProblem.NOT_A_FILE,
            "a folder is in its place" if path.is_dir() else "something else is in its place",
        )
    if not os.access(folder, os.W_OK):
        raise StoreError(path, StoreProblem.NOT_WRITABLE, f"its folder {folder} is read-only")
    if not path.exists():
        return
    if not os.access(path, os.W_OK):
        raise StoreError(path, StoreProblem.NOT_WRITABLE, "the file is read-only")
    size = path.stat().st_size
    if size == 0:
        return
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as exc:
        raise StoreError(path, StoreProblem.NOT_WRITABLE, f"it cannot be read: {exc.strerror or exc}") from exc
    if not header.startswith(SQLITE_MAGIC[: min(len(header), 16)]):
        raise StoreError(path, StoreProblem.NOT_A_DATABASE, "it is not an SQLite database")
    if len(header) < 100:
        raise StoreError(path, StoreProblem.DAMAGED, f"truncated: only {size} bytes")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages, valid_for = (int.from_bytes(header[i : i + 4], "big") for i in (24, 28, 92))
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0  # pages not yet copied back: the header may lag
    if pages and change_counter == valid_for and not has_wal and size < pages * page_size:
        raise StoreError(
            path, StoreProblem.DAMAGED, f"truncated: {size} bytes where its header says {pages * page_size}"
        )


def open_database(path: Path | str, *, on_backup: Callable[[Path], None] | None = None) -> Database:
    """Open (creating or migrating as needed) the store at *path* and bind the models to it:
    an SQLite file, or a shared PostgreSQL database when *path* is its URL (app.store.backends).
    Raises StoreError (classified) when the store cannot be used."""
    from app.store import backends

    if backends.is_url(path):
        return backends.open_postgres(str(path))
    path = Path(path)
    try:
        return _open(path, on_backup)
    except BaseException as exc:
        half_open = database.obj
        if isinstance(half_open, LockedSqliteDatabase) and Path(half_open.database) == path:
            half_open.close()
        if isinstance(exc, StoreError) or not isinstance(exc, (PeeweeDatabaseError, sqlite3.Error, OSError)):
            raise
        error = classify_error(exc, path)
        if error is None:
            raise
        raise error from exc


def _check_schema(path: Path) -> tuple[bool, int]:
    """Checks of an existing file's schema before the app uses it: (file exists, schema version)."""
    check_file(path)
    existing = path.exists() and path.stat().st_size > 0
    found, tables = _inspect(path) if existing else (0, set())
    if found < 0:
        raise StoreError(path, StoreProblem.BAD_SCHEMA, f"schema version {found}")
    if found > SCHEMA_VERSION:
        raise DatabaseTooNewError(path, found, SCHEMA_VERSION)
    if found == 0 and tables:
        raise StoreError(path, StoreProblem.NOT_A_DATABASE, "it has tables but no schema version")
    if found > 0 and not tables >= CORE_TABLES:
        missing = ", ".join(sorted(CORE_TABLES - tables))
        raise StoreError(path, StoreProblem.BAD_SCHEMA, f"schema {found} without the tables {missing}")
    return existing, found


def check_store(path: Path) -> StoreError | None:
    """What would keep the store at *path* from opening, found without opening it (no
    migration, no backup, nothing bound); None when nothing does. A missing file is fine (it
    would be created)."""
    path = Path(path)
    try:
        _check_schema(path)
    except StoreError as exc:
        return exc
    except (sqlite3.Error, OSError) as exc:
        error = classify_error(exc, path)
        if error is None:
            raise
        return error
    return None


def _open(path: Path, on_backup: Callable[[Path], None] | None) -> SqliteDatabase:
    from app.store import backup

    existing, found = _check_schema(path)
    if existing and found < SCHEMA_VERSION:
        try:
            copy = backup.take_backup(path, before_migration=found)
        except backup.BackupError as exc:  # no migration without a way back
            raise StoreError(
                path, StoreProblem.NOT_WRITABLE, f"no backup before the upgrade: {exc.message}", next_step=exc.next_step
            ) from exc
        log.info("backed up schema %s database to %s before migrating", found, copy)
        if on_backup:
            on_backup(copy)
    elif existing:
        backup.take_daily_backup(path)

    db = LockedSqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    if found == 0:
        with db.atomic():
            db.create_tables(ALL_MODELS)
            create_records_schema(db)
            db.pragma("user_version", SCHEMA_VERSION)
    else:
        for version in range(found + 1, SCHEMA_VERSION + 1):
            try:
                with db.atomic():
                    migrations.STEPS[version](db)
                    db.pragma("user_version", version)
            except PeeweeDatabaseError as exc:
                if classify_error(exc, path) is not None:
                    raise
                raise StoreError(path, StoreProblem.BAD_SCHEMA, f"the step to schema {version} failed: {exc}") from exc
            log.info("migrated %s to schema %s", path, version)
    missing_tables = {m._meta.table_name for m in ALL_MODELS} - set(db.get_tables())
    if missing_tables:
        raise StoreError(
            path,
            StoreProblem.BAD_SCHEMA,
            f"schema {SCHEMA_VERSION} without the tables {', '.join(sorted(missing_tables))}",
        )
    return db


def store_error(exc: BaseException, path: Path | str) -> StoreError | None:
    """*exc* as a StoreError about the store at *path* when it is one (or a file or SQLite error
    that classifies as one), else None."""
    if isinstance(exc, StoreError):
        return exc
    from app.store import backends

    if backends.is_url(path):
        return None
    if isinstance(exc, (PeeweeDatabaseError, sqlite3.Error, OSError)):
        return classify_error(exc, path)
    return None


def is_store_failure(failure: Failure) -> bool:
    """A failure that came from the store itself (``StoreError.failure``), not from Exchange."""
    return failure.code in {f"Store{problem.value}" for problem in StoreProblem}


def failure_of(exc: BaseException) -> Failure | None:
    """The sync failure for an exception about the store (busy, damaged, read-only), else None."""
    return exc.failure if isinstance(exc, StoreError) else None


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
