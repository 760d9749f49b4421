"""Numbered schema migrations. Step N takes a database at schema N-1 to schema N.

A step never imports today's models (they move on); it states the change as it was then.
Schema 1 is the first layout (frozen in ``tests/store/schema_v1.sql`` for the migration tests).
Steps are written in SQLite's SQL; on a shared PostgreSQL database app.store.backends
translates each statement as it runs (the one place that knows the difference).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from peewee import Database


def _v2_workload_state(db: Database) -> None:
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


def _v3_item_link_unlinked_on(db: Database) -> None:
    """An explicit "unlinked" mark on ItemLink (it was a prefix on item_id in schema 2)."""
    db.execute_sql('ALTER TABLE "item_link" ADD COLUMN "unlinked_on" DATETIME')
    db.execute_sql(
        'UPDATE "item_link" SET "unlinked_on" = "synced_on", "item_id" = substr("item_id", 10) '
        "WHERE \"item_id\" LIKE 'unlinked:%'"
    )


def _v4_alert_message_parts(db: Database) -> None:
    """Alert.message_parts: the message as translatable parts (JSON), so the UI can show it in its
    language; alerts recorded before keep '' and are shown as their stored English message."""
    db.execute_sql('ALTER TABLE "alert" ADD COLUMN "message_parts" TEXT NOT NULL DEFAULT \'\'')


def _v5_work_leases_and_sync_markers(db: Database) -> None:
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


def _v6_retries_and_message_parts(db: Database) -> None:
    """Retries after a failed Test & Enable and after refused logons (docs/product-rules.md §4):
    WorkloadState.retry_test and .authentication_failures, SystemSettings.auth_retry_limit (default 2);
    and translatable messages of test steps and sync history (message_parts, as Alert has since
    schema 4; rows recorded before keep '' and are shown as their stored English message)."""
    db.execute_sql('ALTER TABLE "workload_state" ADD COLUMN "retry_test" INTEGER NOT NULL DEFAULT 0')
    db.execute_sql('ALTER TABLE "workload_state" ADD COLUMN "authentication_failures" INTEGER NOT NULL DEFAULT 0')
    db.execute_sql('ALTER TABLE "system_settings" ADD COLUMN "auth_retry_limit" INTEGER NOT NULL DEFAULT 2')
    db.execute_sql('ALTER TABLE "test_step" ADD COLUMN "message_parts" TEXT NOT NULL DEFAULT \'\'')
    db.execute_sql('ALTER TABLE "sync_history" ADD COLUMN "message_parts" TEXT NOT NULL DEFAULT \'\'')


def _v7_admin_screens(db: Database) -> None:
    """The admin's screens (issue 11): queues and mailboxes can be deactivated (Queue.is_active,
    Mailbox.is_active: an inactive one is not synchronized, its records are kept); the mailbox
    through which "notify the mailbox owner by email" sends alerts (SystemSettings.notify_mailbox);
    an appointment's category (Appointment.category, for sync filters)."""
    db.execute_sql('ALTER TABLE "queue" ADD COLUMN "is_active" INTEGER NOT NULL DEFAULT 1')
    db.execute_sql('ALTER TABLE "mailbox" ADD COLUMN "is_active" INTEGER NOT NULL DEFAULT 1')
    db.execute_sql('ALTER TABLE "system_settings" ADD COLUMN "notify_mailbox_id" INTEGER')
    db.execute_sql('ALTER TABLE "appointment" ADD COLUMN "category" VARCHAR(255) NOT NULL DEFAULT \'\'')


def _v8_dashboard(db: Database) -> None:
    """The dashboard (issue 18): the history of cycles as hourly rollups, over every mailbox per
    workload (SyncHour) and per mailbox (MailboxHour); the items that failed to synchronize
    (ItemFailure) and how many days they are kept (SystemSettings.item_failure_retention_days,
    default 3); indexes for the timeline of next runs (WorkloadState.next_run_on) and for pruning
    the per-cycle history by age (SyncHistory.started_on) and for the open alerts of each mailbox."""
    buckets = ", ".join(f'"d{i}" INTEGER NOT NULL' for i in range(16))
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "sync_hour" ("id" INTEGER NOT NULL PRIMARY KEY, "hour" DATETIME NOT NULL, '
        '"workload" VARCHAR(32) NOT NULL, "cycles" INTEGER NOT NULL, "failures_warning" INTEGER NOT NULL, '
        '"failures_error" INTEGER NOT NULL, "items" INTEGER NOT NULL, "requests" INTEGER NOT NULL, '
        f'"duration_ms_total" REAL NOT NULL, {buckets})'
    )
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "sync_hour_hour_workload" ON "sync_hour" ("hour", "workload")')
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "mailbox_hour" ("id" INTEGER NOT NULL PRIMARY KEY, "hour" DATETIME NOT NULL, '
        '"mailbox_id" INTEGER NOT NULL, "cycles" INTEGER NOT NULL, "failures_warning" INTEGER NOT NULL, '
        '"failures_error" INTEGER NOT NULL, "items_incoming" INTEGER NOT NULL, "items_outgoing" INTEGER NOT NULL, '
        '"items_act" INTEGER NOT NULL, "requests" INTEGER NOT NULL, "duration_ms_total" REAL NOT NULL, '
        '"duration_ms_max" REAL NOT NULL, '
        'FOREIGN KEY ("mailbox_id") REFERENCES "mailbox" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql('CREATE INDEX IF NOT EXISTS "mailbox_hour_mailbox_id" ON "mailbox_hour" ("mailbox_id")')
    db.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "mailbox_hour_hour_mailbox_id" ON "mailbox_hour" ("hour", "mailbox_id")'
    )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "mailbox_hour_failed" ON "mailbox_hour" ("hour", "mailbox_id") '
        'WHERE "failures_warning" + "failures_error" > 0'
    )
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "item_failure" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"mailbox_id" INTEGER NOT NULL, "kind" VARCHAR(32) NOT NULL, "direction" VARCHAR(32) NOT NULL, '
        '"item_key" VARCHAR(600) NOT NULL, "record_id" INTEGER, "item_id" VARCHAR(512), "subject" TEXT NOT NULL, '
        '"error_code" VARCHAR(64) NOT NULL, "error_text" TEXT NOT NULL, "first_failed_on" DATETIME NOT NULL, '
        '"last_failed_on" DATETIME NOT NULL, "attempts" INTEGER NOT NULL, "retry_requested" INTEGER NOT NULL, '
        '"ignored_on" DATETIME, FOREIGN KEY ("mailbox_id") REFERENCES "mailbox" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql('CREATE INDEX IF NOT EXISTS "item_failure_mailbox_id" ON "item_failure" ("mailbox_id")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "item_failure_last_failed_on" ON "item_failure" ("last_failed_on")')
    db.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "item_failure_mailbox_id_kind_item_key" '
        'ON "item_failure" ("mailbox_id", "kind", "item_key")'
    )
    db.execute_sql('ALTER TABLE "system_settings" ADD COLUMN "item_failure_retention_days" INTEGER NOT NULL DEFAULT 3')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "workload_state_next_run_on" ON "workload_state" ("next_run_on")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "sync_history_started_on" ON "sync_history" ("started_on")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "alert_open" ON "alert" ("mailbox_id", "level") WHERE "is_open" = 1')


def _v9_email_attachments(db: Database) -> None:
    """Real mailboxes (issue 14): an email's Exchange item class (EmailActivity.item_class, so a
    non-delivery report is known as one; existing emails are IPM.Note) and its attachments
    (EmailAttachment: name, type, size, inline or not, the EWS id; the content fetched on demand).
    Numbered 8 on its branch: renumbered when merged after other steps 8 and 9."""
    db.execute_sql('ALTER TABLE "email_activity" ADD COLUMN "item_class" VARCHAR(255) NOT NULL DEFAULT \'IPM.Note\'')
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "email_attachment" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"email_id" INTEGER NOT NULL, "attachment_id" VARCHAR(1024) NOT NULL, "name" VARCHAR(255) NOT NULL, '
        '"content_type" VARCHAR(255) NOT NULL, "size" INTEGER NOT NULL, "content_id" VARCHAR(255), '
        '"is_inline" INTEGER NOT NULL, "is_item" INTEGER NOT NULL, "content" BLOB, '
        'FOREIGN KEY ("email_id") REFERENCES "email_activity" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql('CREATE INDEX IF NOT EXISTS "email_attachment_email_id" ON "email_attachment" ("email_id")')


def _v10_appointment_recurrence(db: Database) -> None:
    """An appointment's recurrence (Appointment.recurrence): the pattern of a recurring series,
    kept so that it goes back to Exchange as it came; '' for a single appointment. Numbered 8 on
    its branch (issue 14, part B): renumbered when merged after steps 8 and 9."""
    db.execute_sql('ALTER TABLE "appointment" ADD COLUMN "recurrence" TEXT NOT NULL DEFAULT \'\'')


def _v11_engine_hosts(db: Database) -> None:
    """Past one desktop (issue 17): the engine hosts of a shared database (EngineHost: name, the
    holder name of its leases, its heartbeat, a clean stop), the profile a lease's work uses
    (WorkLease.profile_id: a profile's maximum connections is a budget of the whole fleet), and
    the leases found by their holder (a host releases all of its own at once)."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "engine_host" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(64) NOT NULL, '
        '"holder" VARCHAR(128) NOT NULL, "started_on" DATETIME NOT NULL, "last_beat_on" DATETIME NOT NULL, '
        '"stopped_on" DATETIME)'
    )
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "engine_host_name" ON "engine_host" ("name")')
    db.execute_sql('ALTER TABLE "work_lease" ADD COLUMN "profile_id" INTEGER')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "work_lease_holder" ON "work_lease" ("holder")')


def _v12_alert_resolved_on(db: Database) -> None:
    """When an alert was resolved (Alert.resolved_on, issue 20): set when its condition recovers
    and the alert closes. Alerts closed before this step have no such time (NULL): the window
    says "Resolved" without one."""
    db.execute_sql('ALTER TABLE "alert" ADD COLUMN "resolved_on" DATETIME')


def _v13_records_views(db: Database) -> None:
    """The Records page (issue 12; numbered 8 on its branch, renumbered after the steps 8 to 12 merged
    first): why each mailbox's copy of an email is in the store
    (EmailMailboxLink.tracked_by; '' for copies stored before), why Exchange refused an email
    (EmailActivity.failure_reason), the conflict the last synchronization
    of a record resolved (ItemLink.conflict_id), the indexes its lists sort and filter by, a
    trigram full-text table per list for its search box, kept current by triggers and filled now,
    and where each appointment, contact and task stands with Exchange ("sync_code", kept by
    triggers on the record and on item_link, computed now)."""
    db.execute_sql('ALTER TABLE "email_mailbox_link" ADD COLUMN "tracked_by" VARCHAR(16) NOT NULL DEFAULT \'\'')
    db.execute_sql('ALTER TABLE "item_link" ADD COLUMN "conflict_id" INTEGER')
    db.execute_sql('ALTER TABLE "email_activity" ADD COLUMN "failure_reason" TEXT NOT NULL DEFAULT \'\'')
    shown_on = 'COALESCE("received_on", "sent_on", "created_on")'
    for statement in (
        f'CREATE INDEX IF NOT EXISTS "email_activity_shown_on" ON "email_activity" ({shown_on})',
        'CREATE INDEX IF NOT EXISTS "email_activity_subject_nocase" ON "email_activity" ("subject" COLLATE NOCASE)',
        'CREATE INDEX IF NOT EXISTS "email_activity_sender_nocase" ON "email_activity" ("sender" COLLATE NOCASE)',
        'CREATE INDEX IF NOT EXISTS "email_activity_to_nocase" ON "email_activity" ("to_recipients" COLLATE NOCASE)',
        f'CREATE INDEX IF NOT EXISTS "email_activity_status_shown_on" ON "email_activity" ("status", {shown_on})',
        f'CREATE INDEX IF NOT EXISTS "email_activity_direction_shown_on" ON "email_activity" ("direction", {shown_on})',
        'CREATE INDEX IF NOT EXISTS "email_mailbox_link_mailbox_email" '
        'ON "email_mailbox_link" ("mailbox_id", "email_id")',
        'CREATE INDEX IF NOT EXISTS "appointment_start" ON "appointment" ("start")',
        'CREATE INDEX IF NOT EXISTS "appointment_end" ON "appointment" ("end")',
        'CREATE INDEX IF NOT EXISTS "appointment_subject_nocase" ON "appointment" ("subject" COLLATE NOCASE)',
        'CREATE INDEX IF NOT EXISTS "appointment_location_nocase" ON "appointment" ("location" COLLATE NOCASE)',
        'CREATE INDEX IF NOT EXISTS "contact_name_nocase" '
        'ON "contact" ("last_name" COLLATE NOCASE, "first_name" COLLATE NOCASE)',
        'CREATE INDEX IF NOT EXISTS "contact_company_nocase" ON "contact" ("company" COLLATE NOCASE)',
        'CREATE INDEX IF NOT EXISTS "task_due" ON "task" ("due")',
        'CREATE INDEX IF NOT EXISTS "task_subject_nocase" ON "task" ("subject" COLLATE NOCASE)',
        'CREATE INDEX IF NOT EXISTS "item_link_record" ON "item_link" ("record_type", "record_id")',
        'CREATE INDEX IF NOT EXISTS "conflict_log_record" ON "conflict_log" ("record_type", "record_id")',
        'CREATE INDEX IF NOT EXISTS "alert_scope_created_on" ON "alert" ("scope", "created_on")',
    ):
        db.execute_sql(statement)
    for table, search, columns in (
        ("email_activity", "email_search", ("subject", "sender", "to_recipients", "cc_recipients", "tracking_token")),
        ("appointment", "appointment_search", ("subject", "location", "category")),
        (
            "contact",
            "contact_search",
            ("first_name", "last_name", "email", "company", "job_title", "business_phone", "mobile_phone"),
        ),
        ("task", "task_search", ("subject",)),
    ):
        names = ", ".join(f'"{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        add = f'INSERT INTO "{search}" ("rowid", {names}) VALUES (new."id", {new});'
        remove = f'INSERT INTO "{search}" ("{search}", "rowid", {names}) VALUES (\'delete\', old."id", {old});'
        db.execute_sql(
            f'CREATE VIRTUAL TABLE IF NOT EXISTS "{search}" USING fts5({names}, '
            f"content='{table}', content_rowid='id', tokenize='trigram')"
        )
        db.execute_sql(f'CREATE TRIGGER IF NOT EXISTS "{search}_insert" AFTER INSERT ON "{table}" BEGIN {add} END')
        db.execute_sql(f'CREATE TRIGGER IF NOT EXISTS "{search}_delete" AFTER DELETE ON "{table}" BEGIN {remove} END')
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{search}_update" AFTER UPDATE OF {names} ON "{table}" '
            f"BEGIN {remove} {add} END"
        )
        db.execute_sql(f'INSERT INTO "{search}" ("{search}") VALUES (\'rebuild\')')
    # where each appointment, contact and task stands with Exchange, kept by triggers:
    # 0 pending, 1 conflict, 2 synced, 3 deleted in Exchange, 4 no link
    tables = ("appointment", "contact", "task")

    def code(table: str) -> str:
        return (
            "COALESCE((SELECT MIN(CASE "
            'WHEN l."unlinked_on" IS NOT NULL THEN 3 '
            f'WHEN "{table}"."modified_on" > l."synced_on" THEN 0 '
            'WHEN l."conflict_id" IS NOT NULL THEN 1 ELSE 2 END) '
            f'FROM "item_link" l WHERE l."record_type" = \'{table}\' AND l."record_id" = "{table}"."id"), 4)'
        )

    for table in tables:
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "sync_code" INTEGER NOT NULL DEFAULT 4')
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}_sync_code" ON "{table}" ("sync_code")')
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{table}_sync_code_insert" AFTER INSERT ON "{table}" '
            f'BEGIN UPDATE "{table}" SET "sync_code" = {code(table)} WHERE "id" = new."id"; END'
        )
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{table}_sync_code_change" AFTER UPDATE OF "modified_on" ON "{table}" '
            f'BEGIN UPDATE "{table}" SET "sync_code" = {code(table)} WHERE "id" = new."id"; END'
        )
        db.execute_sql(f'UPDATE "{table}" SET "sync_code" = {code(table)}')

    def recompute(row: str) -> str:
        return " ".join(
            f'UPDATE "{table}" SET "sync_code" = {code(table)} '
            f'WHERE {row}."record_type" = \'{table}\' AND "id" = {row}."record_id";'
            for table in tables
        )

    db.execute_sql(
        'CREATE TRIGGER IF NOT EXISTS "item_link_sync_code_insert" AFTER INSERT ON "item_link" '
        f"BEGIN {recompute('new')} END"
    )
    db.execute_sql(
        'CREATE TRIGGER IF NOT EXISTS "item_link_sync_code_update" AFTER UPDATE ON "item_link" '
        f"BEGIN {recompute('old')} {recompute('new')} END"
    )
    db.execute_sql(
        'CREATE TRIGGER IF NOT EXISTS "item_link_sync_code_delete" AFTER DELETE ON "item_link" '
        f"BEGIN {recompute('old')} END"
    )


def _v14_encrypted_secrets(db: Database) -> None:
    """Passwords across engine hosts (issue 17): on a shared database, each profile's and mailbox's
    password sealed with AES-GCM under a data key (EncryptedSecret), and the key's id with a check
    value (DataKey); the key itself stays in each host's credential store. An SQLite store keeps
    both tables empty (its passwords stay in the credential store)."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "data_key" ("id" INTEGER NOT NULL PRIMARY KEY, "key_id" VARCHAR(32) NOT NULL, '
        '"created_on" DATETIME NOT NULL, "check_value" BLOB NOT NULL)'
    )
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "data_key_key_id" ON "data_key" ("key_id")')
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "encrypted_secret" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"name" VARCHAR(64) NOT NULL, "key_id" VARCHAR(32) NOT NULL, "sealed" BLOB NOT NULL, '
        '"modified_on" DATETIME NOT NULL)'
    )
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "encrypted_secret_name" ON "encrypted_secret" ("name")')


def _v15_search_index_mark(db: Database) -> None:
    """The Records search tables filled after the sync rather than row by row as it stores (issue
    15): a mark per table ("search_index_state": every row up to it is indexed, none after it; all
    of them now), and triggers that keep only the rows up to the mark current."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "search_index_state" '
        '("table_name" VARCHAR(32) NOT NULL PRIMARY KEY, "indexed_upto" INTEGER NOT NULL)'
    )
    for table, search, columns in (
        ("email_activity", "email_search", ("subject", "sender", "to_recipients", "cc_recipients", "tracking_token")),
        ("appointment", "appointment_search", ("subject", "location", "category")),
        (
            "contact",
            "contact_search",
            ("first_name", "last_name", "email", "company", "job_title", "business_phone", "mobile_phone"),
        ),
        ("task", "task_search", ("subject",)),
    ):
        names = ", ".join(f'"{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        add = f'INSERT INTO "{search}" ("rowid", {names}) VALUES (new."id", {new});'
        remove = f'INSERT INTO "{search}" ("{search}", "rowid", {names}) VALUES (\'delete\', old."id", {old});'
        upto = f'(SELECT "indexed_upto" FROM "search_index_state" WHERE "table_name" = \'{table}\')'
        for trigger in ("insert", "delete", "update"):
            db.execute_sql(f'DROP TRIGGER IF EXISTS "{search}_{trigger}"')
        db.execute_sql(
            f'INSERT OR REPLACE INTO "search_index_state" ("table_name", "indexed_upto") '
            f'SELECT \'{table}\', COALESCE(MAX("id"), 0) FROM "{table}"'
        )
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{search}_insert" AFTER INSERT ON "{table}" '
            f'WHEN new."id" <= {upto} BEGIN {add} END'
        )
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{search}_delete" AFTER DELETE ON "{table}" '
            f'WHEN old."id" <= {upto} BEGIN {remove} END'
        )
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{search}_update" AFTER UPDATE OF {names} ON "{table}" '
            f'WHEN old."id" <= {upto} BEGIN {remove} {add} END'
        )


def _v16_email_link_indexes(db: Database) -> None:
    """The links of stored emails to mailboxes (issue 15): which of a page of Exchange items a
    mailbox has stored already is found by an index of (mailbox, item id), not by reading all of
    the mailbox's links; the indexes of the email alone and of the mailbox alone go, as the first
    columns of (email, mailbox) and (mailbox, item id) serve their lookups."""
    db.execute_sql('DROP INDEX IF EXISTS "email_mailbox_link_email_id"')
    db.execute_sql('DROP INDEX IF EXISTS "email_mailbox_link_mailbox_id"')
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "email_mailbox_link_mailbox_id_item_id" '
        'ON "email_mailbox_link" ("mailbox_id", "item_id")'
    )


STEPS: dict[int, Callable[[Database], None]] = {
    2: _v2_workload_state,
    3: _v3_item_link_unlinked_on,
    4: _v4_alert_message_parts,
    5: _v5_work_leases_and_sync_markers,
    6: _v6_retries_and_message_parts,
    7: _v7_admin_screens,
    8: _v8_dashboard,
    9: _v9_email_attachments,
    10: _v10_appointment_recurrence,
    11: _v11_engine_hosts,
    12: _v12_alert_resolved_on,
    13: _v13_records_views,
    14: _v14_encrypted_secrets,
    15: _v15_search_index_mark,
    16: _v16_email_link_indexes,
}
LATEST = max(STEPS)
