"""The parts of the store's schema that the peewee models do not declare: the indexes behind the
Records page's lists (expressions, case-insensitive text), their full-text search tables, and the
sync code of appointments, contacts and tasks (kept by triggers).

Each list sorts on any of its columns and filters through an index; its search box matches
substrings through an FTS5 table with the trigram tokenizer (the table holds no copy of the text:
``content=`` reads it from the records' own table). Bodies are not indexed: the list searches what
it shows.

The search tables are filled up to a mark ("search_index_state"): every row whose id is up to
the table's ``indexed_upto`` is in its search table, and no row after it. New rows past the mark
are indexed after the sync that stored them, in batches (app.store.search_index.catch_up), not
one by one as they are stored: tokenizing an email's searched columns costs about as much as the
rest of storing it. Triggers keep the indexed rows current (an edit, a delete, and a new row that
takes the id of a deleted one at or below the mark), and a search reads the rows past the mark
with LIKE (app.store.records), so nothing is ever missing from the results meanwhile.

A new store gets these with its tables (app.store.db); schema 8's migration states the same
statements as they were then, and a test checks that a migrated store equals a new one.
"""

from __future__ import annotations

from peewee import Database

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


SEARCH_STATE = "search_index_state"  # table name -> the id up to which its search table is filled
SEARCH_STATE_TABLE = (
    f'CREATE TABLE IF NOT EXISTS "{SEARCH_STATE}" '
    '("table_name" VARCHAR(32) NOT NULL PRIMARY KEY, "indexed_upto" INTEGER NOT NULL)'
)


def indexed_upto(table: str) -> str:
    """SQL of the id up to which *table*'s rows are in its search table (a constant subquery)."""
    return f'(SELECT "indexed_upto" FROM "{SEARCH_STATE}" WHERE "table_name" = \'{table}\')'


def search_statements(table: str) -> list[str]:
    """The FTS5 table over *table*'s searched columns, the triggers that keep its indexed rows
    current, and its mark (every row there is now: the table is filled at once)."""
    search, columns = SEARCHED[table]
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    add = f'INSERT INTO "{search}" ("rowid", {names}) VALUES (new."id", {new});'
    remove = f'INSERT INTO "{search}" ("{search}", "rowid", {names}) VALUES (\'delete\', old."id", {old});'
    upto = indexed_upto(table)
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{search}" USING fts5({names}, '
        f"content='{table}', content_rowid='id', tokenize='trigram')",
        f'CREATE TRIGGER IF NOT EXISTS "{search}_insert" AFTER INSERT ON "{table}" '
        f'WHEN new."id" <= {upto} BEGIN {add} END',
        f'CREATE TRIGGER IF NOT EXISTS "{search}_delete" AFTER DELETE ON "{table}" '
        f'WHEN old."id" <= {upto} BEGIN {remove} END',
        f'CREATE TRIGGER IF NOT EXISTS "{search}_update" AFTER UPDATE OF {names} ON "{table}" '
        f'WHEN old."id" <= {upto} BEGIN {remove} {add} END',
        f'INSERT INTO "{search}" ("{search}") VALUES (\'rebuild\')',
        f'INSERT OR REPLACE INTO "{SEARCH_STATE}" ("table_name", "indexed_upto") '
        f'SELECT \'{table}\', COALESCE(MAX("id"), 0) FROM "{table}"',
    ]


# Where an appointment, contact or task stands with Exchange, kept in its "sync_code" column by
# triggers on the record and on item_link (not a model field: only the triggers write it), so that
# its list sorts and filters by it through an index. From the record's links, the most telling one:
SYNC_PENDING, SYNC_CONFLICT, SYNC_SYNCED, SYNC_UNLINKED, SYNC_NO_LINK = range(5)
SYNCED_TABLES = ("appointment", "contact", "task")  # each is also its record_type value in item_link


def sync_code_expression(table: str) -> str:
    """The code of the *table* row being updated (changed here since the last sync: pending)."""
    return (
        "COALESCE((SELECT MIN(CASE "
        f'WHEN l."unlinked_on" IS NOT NULL THEN {SYNC_UNLINKED} '
        f'WHEN "{table}"."modified_on" > l."synced_on" THEN {SYNC_PENDING} '
        f'WHEN l."conflict_id" IS NOT NULL THEN {SYNC_CONFLICT} ELSE {SYNC_SYNCED} END) '
        f'FROM "item_link" l WHERE l."record_type" = \'{table}\' AND l."record_id" = "{table}"."id"), '
        f"{SYNC_NO_LINK})"
    )


def sync_code_statements() -> list[str]:
    """The column, its index, the triggers that keep it, and its value for the records there are."""
    statements: list[str] = []
    for table in SYNCED_TABLES:
        code = sync_code_expression(table)
        statements += [
            f'ALTER TABLE "{table}" ADD COLUMN "sync_code" INTEGER NOT NULL DEFAULT {SYNC_NO_LINK}',
            f'CREATE INDEX IF NOT EXISTS "{table}_sync_code" ON "{table}" ("sync_code")',
            f'CREATE TRIGGER IF NOT EXISTS "{table}_sync_code_insert" AFTER INSERT ON "{table}" '
            f'BEGIN UPDATE "{table}" SET "sync_code" = {code} WHERE "id" = new."id"; END',
            f'CREATE TRIGGER IF NOT EXISTS "{table}_sync_code_change" AFTER UPDATE OF "modified_on" ON "{table}" '
            f'BEGIN UPDATE "{table}" SET "sync_code" = {code} WHERE "id" = new."id"; END',
            f'UPDATE "{table}" SET "sync_code" = {code}',
        ]

    def recompute(row: str) -> str:
        return " ".join(
            f'UPDATE "{table}" SET "sync_code" = {sync_code_expression(table)} '
            f'WHERE {row}."record_type" = \'{table}\' AND "id" = {row}."record_id";'
            for table in SYNCED_TABLES
        )

    statements += [
        'CREATE TRIGGER IF NOT EXISTS "item_link_sync_code_insert" AFTER INSERT ON "item_link" '
        f"BEGIN {recompute('new')} END",
        'CREATE TRIGGER IF NOT EXISTS "item_link_sync_code_update" AFTER UPDATE ON "item_link" '
        f"BEGIN {recompute('old')} {recompute('new')} END",
        'CREATE TRIGGER IF NOT EXISTS "item_link_sync_code_delete" AFTER DELETE ON "item_link" '
        f"BEGIN {recompute('old')} END",
    ]
    return statements


def create_records_schema(db: Database) -> None:
    """The indexes, search tables and sync codes of a new store (its tables exist already); on
    PostgreSQL (app.store.backends) the indexes and the sync code column only."""
    for statement in INDEXES:
        db.execute_sql(statement)
    db.execute_sql(SEARCH_STATE_TABLE)
    for table in SEARCHED:
        for statement in search_statements(table):
            db.execute_sql(statement)
    for statement in sync_code_statements():
        db.execute_sql(statement)
