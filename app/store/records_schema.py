"""The parts of the store's schema that the peewee models do not declare: the indexes behind the
Records page's lists (expressions, case-insensitive text) and their full-text search tables.

Each list sorts on any of its columns and filters through an index; its search box matches
substrings through an FTS5 table with the trigram tokenizer, kept up to date by triggers (the
table holds no copy of the text: ``content=`` reads it from the records' own table). Bodies are
not indexed: the list searches what it shows.

A new store gets these with its tables (app.store.db); schema 8's migration states the same
statements as they were then, and a test checks that a migrated store equals a new one.
"""

from __future__ import annotations

from peewee import SqliteDatabase

# The date an email list shows and sorts by: received, else sent, else created.
EMAIL_SHOWN_ON = 'COALESCE("received_on", "sent_on", "created_on")'

INDEXES = (
    f'CREATE INDEX IF NOT EXISTS "email_activity_shown_on" ON "email_activity" ({EMAIL_SHOWN_ON})',
    'CREATE INDEX IF NOT EXISTS "email_activity_subject_nocase" ON "email_activity" ("subject" COLLATE NOCASE)',
    'CREATE INDEX IF NOT EXISTS "email_activity_sender_nocase" ON "email_activity" ("sender" COLLATE NOCASE)',
    'CREATE INDEX IF NOT EXISTS "email_activity_to_nocase" ON "email_activity" ("to_recipients" COLLATE NOCASE)',
    f'CREATE INDEX IF NOT EXISTS "email_activity_status_shown_on" ON "email_activity" ("status", {EMAIL_SHOWN_ON})',
    'CREATE INDEX IF NOT EXISTS "email_activity_direction_shown_on" '
    f'ON "email_activity" ("direction", {EMAIL_SHOWN_ON})',
    'CREATE INDEX IF NOT EXISTS "email_mailbox_link_mailbox_email" ON "email_mailbox_link" ("mailbox_id", "email_id")',
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
)

# table searched -> (its search table, the columns searched)
SEARCHED = {
    "email_activity": ("email_search", ("subject", "sender", "to_recipients", "cc_recipients", "tracking_token")),
    "appointment": ("appointment_search", ("subject", "location", "category")),
    "contact": (
        "contact_search",
        ("first_name", "last_name", "email", "company", "job_title", "business_phone", "mobile_phone"),
    ),
    "task": ("task_search", ("subject",)),
}


def search_statements(table: str) -> list[str]:
    """The FTS5 table over *table*'s searched columns and the triggers that keep it current."""
    search, columns = SEARCHED[table]
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    add = f'INSERT INTO "{search}" ("rowid", {names}) VALUES (new."id", {new});'
    remove = f'INSERT INTO "{search}" ("{search}", "rowid", {names}) VALUES (\'delete\', old."id", {old});'
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{search}" USING fts5({names}, '
        f"content='{table}', content_rowid='id', tokenize='trigram')",
        f'CREATE TRIGGER IF NOT EXISTS "{search}_insert" AFTER INSERT ON "{table}" BEGIN {add} END',
        f'CREATE TRIGGER IF NOT EXISTS "{search}_delete" AFTER DELETE ON "{table}" BEGIN {remove} END',
        f'CREATE TRIGGER IF NOT EXISTS "{search}_update" AFTER UPDATE OF {names} ON "{table}" '
        f"BEGIN {remove} {add} END",
        f'INSERT INTO "{search}" ("{search}") VALUES (\'rebuild\')',
    ]


def create_records_schema(db: SqliteDatabase) -> None:
    """The indexes and search tables of a new store (its tables exist already)."""
    for statement in INDEXES:
        db.execute_sql(statement)
    for table in SEARCHED:
        for statement in search_statements(table):
            db.execute_sql(statement)
