"""The second store backend: a PostgreSQL database shared by several engine hosts.

SQLite stays the embedded default (app.store.db); PostgreSQL is chosen by a URL
(``--database postgresql://…`` or ``SSSM_DATABASE_URL``). This module is the one place of
backend-specific SQL: the PostgreSQL database class, the translation of the numbered migrations
(written in SQLite's SQL) for PostgreSQL, the schema version (SQLite's ``user_version`` has no
PostgreSQL twin: a one-row table), and the claim of a lease with ``FOR UPDATE SKIP LOCKED``.

Both backends store the same values: datetimes as the ISO-8601 text of UtcDateTimeField (so
ordering and the text functions of the raw queries agree), booleans as integers (SQLite's
affinity; on PostgreSQL a Python bool is sent as 0/1), floats as double precision. The same
models and the same migrations therefore give the same tables on both.

Whatever keeps the database from being used (unreachable, wrong URL, a newer schema) is a
classified ``StoreError`` whose ``path`` is the URL without its password.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import PostgresqlDatabase

from app.store import migrations
from app.store.base import database
from app.store.models import ALL_MODELS

log = logging.getLogger(__name__)

URL_SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 5
VERSION_TABLE = "schema_version"  # PostgreSQL's stand-in for SQLite's user_version


def is_url(target: object) -> bool:
    """True when *target* names a PostgreSQL database rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def redacted(url: str) -> str:
    """*url* without its password: what is shown in messages, logs and ``status``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


# -- SQLite's migration SQL, for PostgreSQL --------------------------------------------------
_TRANSLATIONS = (
    (re.compile(r"\s+COLLATE NOCASE"), ""),  # PostgreSQL has no NOCASE: such an index is a plain one there
    (re.compile(r"INTEGER NOT NULL PRIMARY KEY"), "SERIAL NOT NULL PRIMARY KEY"),
    (re.compile(r"\bDATETIME\b"), "TEXT"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
)


# SQLite's own features, which the Records lists use: full-text (FTS5) tables, how far they are
# filled, and the triggers that keep them and the sync codes current. PostgreSQL runs without them
# (app.store.records reads the state and searches another way there): these statements are not run on it.
SQLITE_ONLY = re.compile(
    r"""\s*(CREATE VIRTUAL TABLE|CREATE TRIGGER|DROP TRIGGER|INSERT INTO "(\w+)" \("\2"\) VALUES \('rebuild'\)"""
    r"""|CREATE TABLE IF NOT EXISTS "search_index_state"|INSERT OR REPLACE INTO "search_index_state")"""
)


def translate(sql: str) -> str:
    """A statement of a numbered migration (SQLite's SQL) as PostgreSQL runs it: the same
    tables, columns and indexes that the models create there; ``?`` parameters become ``%s``."""
    for pattern, replacement in _TRANSLATIONS:
        sql = pattern.sub(replacement, sql)
    return sql.replace("%", "%%").replace("?", "%s")


def _bool_as_integer(conn: Any) -> None:
    """Booleans are integer columns on both backends: send Python's bool as 0/1."""
    from psycopg.adapt import Dumper
    from psycopg.postgres import types

    class BoolAsInt(Dumper):
        oid = types["int4"].oid

        def dump(self, obj: bool) -> bytes:
            return b"1" if obj else b"0"

    conn.adapters.register_dumper(bool, BoolAsInt)


def attach_psycopg() -> None:
    """Give peewee the PostgreSQL driver that app.store hid from its import (see there): the
    module-level names peewee's psycopg 3 adapter reads, set as peewee sets them when it finds
    the driver itself. Does nothing when peewee has it already."""
    import peewee

    if getattr(peewee, "psycopg", None) is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    names = vars(peewee)
    names.update(psycopg=psycopg, TransactionStatus=TransactionStatus, Json_pg3=Json, Jsonb_pg3=Jsonb)
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


class FleetPostgresDatabase(PostgresqlDatabase):
    """PostgreSQL with the SQLite store's column types (see the module docstring). SQLite's
    transaction kinds (``atomic("IMMEDIATE")``) mean nothing here and are dropped; errors about
    the connection come out as a classified StoreError (``UNREACHABLE``)."""

    field_types = {**PostgresqlDatabase.field_types, "BOOL": "INTEGER", "DATETIME": "TEXT", "FLOAT": "DOUBLE PRECISION"}

    def __init__(self, url: str, **kwargs: Any) -> None:
        attach_psycopg()
        self.url = url
        self.translating = False  # True while the numbered migrations run
        # peewee's stubs leave __init__ untyped
        super().__init__(url, prefer_psycopg3=True, connect_timeout=CONNECT_TIMEOUT_S, **kwargs)

    def _connect(self) -> Any:
        try:
            conn = super()._connect()  # type: ignore[misc]  # peewee's stubs omit _connect
        except Exception as exc:
            raise unreachable(self.url, exc) from exc
        _bool_as_integer(conn)
        with conn.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
        return conn

    def cursor(self, named_cursor: Any = None) -> Any:
        self._forget_broken()
        return super().cursor(named_cursor)  # type: ignore[no-untyped-call]

    def _forget_broken(self) -> None:
        """A connection that the server ended (stopped, restarted, failed over) is dropped before
        this thread's next statement outside a transaction, which then connects anew: a host rides
        out losing the database (peewee would keep handing out the dead connection). Inside a
        transaction the failure stands, and the transaction is lost whole."""
        state = self._state  # type: ignore[attr-defined]  # peewee's per-thread connection state
        conn = state.conn
        if conn is not None and not state.transactions and getattr(conn, "closed", False):
            state.reset()

    def begin(self, isolation_level: Any = None) -> None:
        if isinstance(isolation_level, str) and isolation_level.upper() in ("IMMEDIATE", "EXCLUSIVE", "DEFERRED"):
            isolation_level = None
        try:
            super().begin(isolation_level)
        except PeeweeDatabaseError as exc:
            raise self._classified(exc) from exc

    def _classified(self, exc: BaseException) -> BaseException:
        from psycopg import OperationalError

        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, OperationalError):
                return unreachable(self.url, cause)
            cause = cause.__cause__ or cause.__context__
        return exc

    def execute_sql(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        if self.translating:
            if SQLITE_ONLY.match(sql):
                return None
            sql = translate(sql)
        try:
            return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
        except PeeweeDatabaseError as exc:
            raise self._classified(exc) from exc

    def commit(self) -> None:
        try:
            super().commit()
        except PeeweeDatabaseError as exc:
            raise self._classified(exc) from exc


def unreachable(url: str, exc: BaseException) -> Exception:
    from app.store.db import StoreError, StoreProblem

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return StoreError(redacted(url), StoreProblem.UNREACHABLE, text.replace(url, redacted(url)))


# -- opening: schema version and migrations ---------------------------------------------------
def schema_version(db: FleetPostgresDatabase) -> int:
    """The stored schema version; 0 for an empty database."""
    if VERSION_TABLE not in db.get_tables():
        return 0
    row = db.execute_sql(f'SELECT "version" FROM "{VERSION_TABLE}"').fetchone()
    return int(row[0]) if row else 0


def _set_version(db: FleetPostgresDatabase, version: int) -> None:
    db.execute_sql(f'CREATE TABLE IF NOT EXISTS "{VERSION_TABLE}" ("version" INTEGER NOT NULL)')
    db.execute_sql(f'DELETE FROM "{VERSION_TABLE}"')
    db.execute_sql(f'INSERT INTO "{VERSION_TABLE}" ("version") VALUES (%s)', (version,))


def open_postgres(url: str) -> FleetPostgresDatabase:
    """Connect to the database at *url*, create or migrate its schema, bind the models to it.
    PostgreSQL's DDL is transactional: every step up to the current schema runs in one
    transaction, so a failed upgrade leaves the database untouched at its old version (what the
    file backup is for on SQLite; the database's own backups are its administrator's). A schema
    newer than this version understands is refused. Raises StoreError."""
    from app.store.db import SCHEMA_VERSION, DatabaseTooNewError, StoreError, StoreProblem

    db = FleetPostgresDatabase(url)
    db.connect(reuse_if_open=True)
    database.initialize(db)
    try:
        with db.atomic():
            # one opener at a time: two hosts starting together must not both create the schema
            db.execute_sql("SELECT pg_advisory_xact_lock(5553)")
            found = schema_version(db)
            if found > SCHEMA_VERSION:
                raise DatabaseTooNewError(redacted(url), found, SCHEMA_VERSION)
            if found == 0:
                if set(db.get_tables()) & {m._meta.table_name for m in ALL_MODELS}:
                    raise StoreError(redacted(url), StoreProblem.NOT_A_DATABASE, "it has tables but no schema version")
                db.create_tables(ALL_MODELS)
                _create_records_schema(db)
                _set_version(db, SCHEMA_VERSION)
            elif found < SCHEMA_VERSION:
                _migrate(db, found, url)
    except BaseException:
        db.close()
        raise
    return db


def _create_records_schema(db: FleetPostgresDatabase) -> None:
    """What the models do not declare (app.store.records_schema), as a migrated database has it."""
    from app.store.records_schema import create_records_schema

    db.translating = True
    try:
        create_records_schema(db)
    finally:
        db.translating = False


def _migrate(db: FleetPostgresDatabase, found: int, url: str) -> None:
    from app.store.db import SCHEMA_VERSION, StoreError, StoreProblem

    db.translating = True
    try:
        for version in range(found + 1, SCHEMA_VERSION + 1):
            try:
                migrations.STEPS[version](db)
            except PeeweeDatabaseError as exc:
                raise StoreError(
                    redacted(url), StoreProblem.BAD_SCHEMA, f"the step to schema {version} failed: {exc}"
                ) from exc
            log.info("migrated %s to schema %s", redacted(url), version)
    finally:
        db.translating = False
    _set_version(db, SCHEMA_VERSION)


def is_postgres() -> bool:
    """Whether the store in use is a shared PostgreSQL database (else the SQLite file)."""
    return isinstance(database.obj, FleetPostgresDatabase)


def index_hint(index: str) -> str:
    """SQLite's ``INDEXED BY "index" `` for a FROM clause, on the store in use; nothing on
    PostgreSQL, which has no such hint (its planner picks a partial index by itself)."""
    return "" if is_postgres() else f'INDEXED BY "{index}" '


def greatest(a: Any, b: Any) -> Any:
    """The larger of two values in SQL: SQLite's two-argument MAX, PostgreSQL's GREATEST."""
    from peewee import fn

    return fn.GREATEST(a, b) if is_postgres() else fn.MAX(a, b)


# -- claims --------------------------------------------------------------------------------
def claim_skip_locked(
    db: FleetPostgresDatabase, name: str, holder: str, now: datetime, ttl: timedelta, profile_id: int | None
) -> bool:
    """Take the lease row *name* when it is free (expired, or already *holder*'s), skipping it
    without waiting when another host's transaction has it locked: ``FOR UPDATE SKIP LOCKED``
    makes the competing claims of the fleet fall through to other work instead of queueing."""
    from app.store.base import UtcDateTimeField

    field: UtcDateTimeField[datetime] = UtcDateTimeField()
    stamp, until = field.db_value(now), field.db_value(now + ttl)
    row = db.execute_sql(
        'UPDATE "work_lease" SET "holder" = %s, "claimed_on" = %s, "expires_on" = %s, "heartbeat_on" = %s, '
        '"profile_id" = %s WHERE "id" = (SELECT "id" FROM "work_lease" WHERE "name" = %s '
        'AND ("expires_on" < %s OR "holder" = %s) FOR UPDATE SKIP LOCKED) RETURNING "id"',
        (holder, stamp, until, stamp, profile_id, name, stamp, holder),
    ).fetchone()
    return row is not None


def lock_profile(db: object, profile_id: int) -> None:
    """Within a transaction: the claims of one profile's work, one at a time across the fleet
    (its budget is counted, then claimed). SQLite's writers are one at a time anyway."""
    if isinstance(db, FleetPostgresDatabase):
        db.execute_sql('SELECT "id" FROM "server_profile" WHERE "id" = %s FOR UPDATE', (profile_id,))


def lock_message_ids(db: object, message_ids: Iterable[str]) -> None:
    """Within a transaction: the emails of these Message-IDs, stored by one transaction at a time
    across the fleet (until it ends). A cycle that stores or links them waits here for another
    host's cycle storing one of them, then reads it committed and links to it: the Message-ID's
    unique index never refuses an incoming email. Transaction-level advisory locks, taken in one
    order (sorted keys) so two cycles never wait on each other. SQLite's writers are one at a
    time anyway (``BEGIN IMMEDIATE``)."""
    if isinstance(db, FleetPostgresDatabase):
        keys = sorted({_lock_key(message_id) for message_id in message_ids})
        if keys:
            db.execute_sql("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", (keys,))


def _lock_key(text: str) -> int:
    """A signed 64-bit key of *text* (advisory locks take a bigint); a rare collision only waits."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def lock_secrets(db: object) -> None:
    """Within a transaction: the data key and the sealed passwords changed by one transaction at a
    time across the fleet, so a key is made once and a rotation never races a saved password."""
    if isinstance(db, FleetPostgresDatabase):
        db.execute_sql("SELECT pg_advisory_xact_lock(5554)")
