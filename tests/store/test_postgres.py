"""The shared-database backend on a real PostgreSQL server (tests/postgres_fixtures.py): the same
models and numbered migrations as SQLite, the schema version kept, a newer schema refused, a
wrong URL one clear line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from postgres_fixtures import require_driver

from app.domain.enums import Workload
from app.store import backends, migrations
from app.store.db import SCHEMA_VERSION, DatabaseTooNewError, StoreError, StoreProblem, close_database, open_database
from app.store.models import Mailbox, SystemUser, WorkloadState

V1_SQL = Path(__file__).with_name("schema_v1.sql").read_text()
REPO = Path(__file__).resolve().parents[2]


def make_v1_database(url: str) -> None:
    """Schema 1 (the frozen SQLite layout, as the backend's translation gives it) with one mailbox."""
    text = "\n".join(line for line in V1_SQL.splitlines() if not line.startswith("--"))
    with require_driver().connect(url, autocommit=True) as conn:
        for statement in filter(str.strip, text.split(";")):
            conn.execute(backends.translate(statement))
        conn.execute(
            "INSERT INTO system_user (name, email, is_active, is_current) VALUES ('Alice', 'alice@contoso.com', 1, 1)"
        )
        conn.execute(
            "INSERT INTO mailbox (name, email, owner_user_id, approval, incoming_method, outgoing_method, act_method,"
            " allow_credentials, username, delete_after_processing, incoming_status, outgoing_status, act_status,"
            " mailbox_status, incoming_enabled, outgoing_enabled, act_enabled, last_sync_error,"
            " transient_failure_count, created_on, modified_on) VALUES ('Alice', 'alice@contoso.com', 1, 'approved',"
            " 'server_side', 'server_side', 'server_side', 1, 'alice', 0, 'success', 'success', 'success', 'success',"
            " 1, 1, 1, '', 0, '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')"
        )
        conn.execute('CREATE TABLE "schema_version" ("version" INTEGER NOT NULL)')
        conn.execute('INSERT INTO "schema_version" VALUES (1)')


def schema_of(url: str) -> set[tuple]:
    """Every column (table, name, type, nullable, default) and index definition of the database."""
    with require_driver().connect(url) as conn:
        columns = conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
            "WHERE table_schema = 'public'"
        ).fetchall()
        indexes = conn.execute("SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'").fetchall()
    return {("column", *row) for row in columns} | {("index", *row) for row in indexes}


def test_fresh_database_gets_the_current_schema_and_keeps_data(pg_url):
    db = open_database(pg_url)
    assert isinstance(db, backends.FleetPostgresDatabase)
    assert backends.schema_version(db) == SCHEMA_VERSION
    user = SystemUser.create(name="Alice", email="alice@contoso.com", is_active=True, is_current=True)
    assert SystemUser.get_by_id(user.id).is_active is True
    assert SystemUser.select().where(SystemUser.is_active == True).count() == 1  # noqa: E712
    close_database()
    open_database(pg_url)  # opened again: nothing created twice
    assert SystemUser.select().count() == 1


def test_migration_from_schema_1_keeps_data_and_equals_the_fresh_schema(pg_url, postgres_server):
    make_v1_database(pg_url)
    open_database(pg_url)
    mailbox = Mailbox.get(Mailbox.email == "alice@contoso.com")
    assert mailbox.approval.value == "approved" and mailbox.incoming_enabled is True
    WorkloadState.create(mailbox=mailbox, workload=Workload.INCOMING)
    close_database()
    fresh = pg_url.rsplit("/", 1)[0] + "/sssm_fresh_schema"
    postgres_server.sql('DROP DATABASE IF EXISTS "sssm_fresh_schema"')
    postgres_server.sql('CREATE DATABASE "sssm_fresh_schema"')
    open_database(fresh)
    close_database()
    migrated, created = schema_of(pg_url), schema_of(fresh)
    assert migrated - created == set() and created - migrated == set()
    postgres_server.sql('DROP DATABASE "sssm_fresh_schema" WITH (FORCE)')


def test_failed_migration_step_leaves_the_database_at_its_old_version(pg_url, monkeypatch):
    make_v1_database(pg_url)

    def broken(db):
        db.execute_sql('ALTER TABLE "mailbox" ADD COLUMN "half_done" INTEGER')
        raise backends.PeeweeDatabaseError("step failed")

    monkeypatch.setitem(migrations.STEPS, 3, broken)
    with pytest.raises(StoreError) as raised:
        open_database(pg_url)
    assert raised.value.problem is StoreProblem.BAD_SCHEMA
    with require_driver().connect(pg_url) as conn:  # one transaction: not even step 2 stayed
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (1,)
        tables = {row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        columns = {row[0] for row in conn.execute("SELECT column_name FROM information_schema.columns")}
    assert "workload_state" not in tables and "half_done" not in columns


def test_newer_schema_is_refused_untouched(pg_url):
    open_database(pg_url)
    close_database()
    with require_driver().connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(DatabaseTooNewError) as raised:
        open_database(pg_url)
    assert raised.value.problem is StoreProblem.TOO_NEW
    with require_driver().connect(pg_url) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION + 1,)


@pytest.mark.parametrize("which", ["no server", "no database"])
def test_unreachable_or_wrong_url_is_one_line_and_exit_2(postgres_server, which, sssm_home):
    if which == "no server":
        url = "postgresql://sssm:secret-pw@127.0.0.1:1/sssm"
    else:
        url = postgres_server.url("no_such_database").replace("postgres@", "postgres:secret-pw@")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--database", url, "status", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "secret-pw" not in result.stdout + result.stderr
    assert '"code": "StoreUnreachable"' in result.stdout
    assert len(result.stdout.strip().splitlines()) == 1


def test_a_url_that_is_not_postgresql_is_refused(sssm_home):
    result = subprocess.run(
        [sys.executable, "-m", "app", "--database", "mysql://x/y", "status"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "PostgreSQL URL" in result.stderr


PROBE_DRIVER = """
import sys
from app.store import db
loaded_before = "psycopg" in sys.modules
store = db.open_database(sys.argv[1])
from app.store.models import SystemUser
with store.atomic("IMMEDIATE"):
    SystemUser.create(name="Bob", email="bob@contoso.com", is_active=True, is_current=False)
try:
    with store.atomic():
        SystemUser.create(name="Carol", email="carol@contoso.com", is_active=True, is_current=False)
        raise RuntimeError("rolled back")
except RuntimeError:
    pass
print(loaded_before, "psycopg" in sys.modules, SystemUser.select().count(), store.in_transaction())
"""


def test_the_driver_is_loaded_only_when_a_shared_database_is_opened(pg_url):
    """app.store hides psycopg from peewee's import (start-up time) and hands it over when a
    PostgreSQL URL is opened: a fresh process then writes, rolls back and commits as usual."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE_DRIVER, pg_url], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["False", "True", "1", "False"]
