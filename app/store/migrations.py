"""Numbered schema migrations. Step N takes a database at schema N-1 to schema N.

A step never imports today's models (they move on); it states the change as it was then.
Schema 1 is the first layout (frozen in ``tests/store/schema_v1.sql`` for the migration tests).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from peewee import SqliteDatabase


def _v2_workload_state(db: SqliteDatabase) -> None:
    """Per-workload scheduling state, so the scheduler can keep its own next run per workload."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "workload_state" ('
        '"id" INTEGER NOT NULL PRIMARY KEY, '
        '"mailbox_id" INTEGER NOT NULL, '
        '"workload" VARCHAR(32) NOT NULL, '
        '"next_run_on" DATETIME, '
        '"last_run_on" DATETIME, '
        '"consecutive_transient_failures" INTEGER NOT NULL, '
        '"backoff_reason" TEXT NOT NULL, '
        'FOREIGN KEY ("mailbox_id") REFERENCES "mailbox" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql('CREATE INDEX IF NOT EXISTS "workload_state_mailbox_id" ON "workload_state" ("mailbox_id")')
    db.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "workload_state_mailbox_id_workload" '
        'ON "workload_state" ("mailbox_id", "workload")'
    )


def _v3_item_link_unlinked_on(db: SqliteDatabase) -> None:
    """An explicit "unlinked" mark on ItemLink (it was a prefix on item_id in schema 2)."""
    db.execute_sql('ALTER TABLE "item_link" ADD COLUMN "unlinked_on" DATETIME')
    db.execute_sql(
        'UPDATE "item_link" SET "unlinked_on" = "synced_on", "item_id" = substr("item_id", 10) '
        "WHERE \"item_id\" LIKE 'unlinked:%'"
    )


def _v4_alert_message_parts(db: SqliteDatabase) -> None:
    """Alert.message_parts: the message as translatable parts (JSON), so the UI can show it in its
    language; alerts recorded before keep '' and are shown as their stored English message."""
    db.execute_sql('ALTER TABLE "alert" ADD COLUMN "message_parts" TEXT NOT NULL DEFAULT \'\'')


def _v5_work_leases_and_sync_markers(db: SqliteDatabase) -> None:
    """WorkLease: claims shared by the processes on one store (a mailbox's workload cycle runs in
    one of them at a time). Appointments, contacts and tasks get a sync marker (a GUID, unique),
    stamped on the items created for them in Exchange, so a push is found again instead of being
    made twice; existing records get theirs now."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "work_lease" ('
        '"id" INTEGER NOT NULL PRIMARY KEY, '
        '"name" VARCHAR(128) NOT NULL, '
        '"holder" VARCHAR(128) NOT NULL, '
        '"claimed_on" DATETIME NOT NULL, '
        '"expires_on" DATETIME NOT NULL, '
        '"heartbeat_on" DATETIME NOT NULL)'
    )
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "work_lease_name" ON "work_lease" ("name")')
    for table in ("appointment", "contact", "task"):
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "sync_marker" VARCHAR(36)')
        db.execute_sql(f'CREATE UNIQUE INDEX IF NOT EXISTS "{table}_sync_marker" ON "{table}" ("sync_marker")')
        ids = [row[0] for row in db.execute_sql(f'SELECT "id" FROM "{table}"').fetchall()]
        for record_id in ids:
            db.execute_sql(f'UPDATE "{table}" SET "sync_marker" = ? WHERE "id" = ?', (str(uuid.uuid4()), record_id))


def _v6_retries_and_message_parts(db: SqliteDatabase) -> None:
    """Retries after a failed Test & Enable and after refused logons (docs/product-rules.md §4):
    WorkloadState.retry_test and .authentication_failures, SystemSettings.auth_retry_limit (default 2);
    and translatable messages of test steps and sync history (message_parts, as Alert has since
    schema 4; rows recorded before keep '' and are shown as their stored English message)."""
    db.execute_sql('ALTER TABLE "workload_state" ADD COLUMN "retry_test" INTEGER NOT NULL DEFAULT 0')
    db.execute_sql('ALTER TABLE "workload_state" ADD COLUMN "authentication_failures" INTEGER NOT NULL DEFAULT 0')
    db.execute_sql('ALTER TABLE "system_settings" ADD COLUMN "auth_retry_limit" INTEGER NOT NULL DEFAULT 2')
    db.execute_sql('ALTER TABLE "test_step" ADD COLUMN "message_parts" TEXT NOT NULL DEFAULT \'\'')
    db.execute_sql('ALTER TABLE "sync_history" ADD COLUMN "message_parts" TEXT NOT NULL DEFAULT \'\'')


def _v7_admin_screens(db: SqliteDatabase) -> None:
    """The admin's screens (issue 11): queues and mailboxes can be deactivated (Queue.is_active,
    Mailbox.is_active: an inactive one is not synchronized, its records are kept); the mailbox
    through which "notify the mailbox owner by email" sends alerts (SystemSettings.notify_mailbox);
    an appointment's category (Appointment.category, for sync filters)."""
    db.execute_sql('ALTER TABLE "queue" ADD COLUMN "is_active" INTEGER NOT NULL DEFAULT 1')
    db.execute_sql('ALTER TABLE "mailbox" ADD COLUMN "is_active" INTEGER NOT NULL DEFAULT 1')
    db.execute_sql('ALTER TABLE "system_settings" ADD COLUMN "notify_mailbox_id" INTEGER')
    db.execute_sql('ALTER TABLE "appointment" ADD COLUMN "category" VARCHAR(255) NOT NULL DEFAULT \'\'')


def _v8_appointment_recurrence(db: SqliteDatabase) -> None:
    """An appointment's recurrence (Appointment.recurrence): the pattern of a recurring series,
    kept so that it goes back to Exchange as it came; '' for a single appointment."""
    db.execute_sql('ALTER TABLE "appointment" ADD COLUMN "recurrence" TEXT NOT NULL DEFAULT \'\'')


STEPS: dict[int, Callable[[SqliteDatabase], None]] = {
    2: _v2_workload_state,
    3: _v3_item_link_unlinked_on,
    4: _v4_alert_message_parts,
    5: _v5_work_leases_and_sync_markers,
    6: _v6_retries_and_message_parts,
    7: _v7_admin_screens,
    8: _v8_appointment_recurrence,
}
LATEST = max(STEPS)
