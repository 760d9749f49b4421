import sqlite3
from pathlib import Path

import pytest

from app.domain.enums import Workload
from app.store.base import database
from app.store.db import SCHEMA_VERSION, DatabaseTooNewError, StoreError, close_database, open_database
from app.store.models import Mailbox, WorkloadState

V1_SQL = Path(__file__).with_name("schema_v1.sql").read_text()


def make_v1_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_SQL)
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
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def schema_of(path: Path) -> set[tuple]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        conn.close()


def test_fresh_database_has_current_schema_and_wal(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    try:
        assert db.pragma("user_version") == SCHEMA_VERSION
        assert db.pragma("journal_mode") == "wal"
        assert db.pragma("foreign_keys") == 1
    finally:
        close_database()
    assert not list(tmp_path.glob("*.bak")), "a new file needs no backup"


def test_migration_from_schema_1_backs_up_then_keeps_data(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    backups = []
    open_database(path, on_backup=backups.append)
    try:
        mailbox = Mailbox.get(Mailbox.email == "alice@contoso.com")
        assert mailbox.approval.value == "approved"
        WorkloadState.create(mailbox=mailbox, workload=Workload.INCOMING)  # the v2 table works
        assert WorkloadState.select().count() == 1
    finally:
        close_database()
    assert len(backups) == 1 and backups[0].exists()
    assert backups[0].name.startswith("sssm.sqlite3.v1-") and backups[0].suffix == ".bak"
    with sqlite3.connect(backups[0]) as conn:  # the backup is the untouched schema-1 file
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT email FROM mailbox").fetchall() == [("alice@contoso.com",)]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_migrated_schema_equals_fresh_schema(tmp_path):
    make_v1_database(tmp_path / "old.sqlite3")
    open_database(tmp_path / "old.sqlite3")
    close_database()
    open_database(tmp_path / "fresh.sqlite3")
    close_database()
    assert schema_of(tmp_path / "old.sqlite3") == schema_of(tmp_path / "fresh.sqlite3")


def test_failed_migration_step_leaves_file_at_old_version(tmp_path, monkeypatch):
    from app.store import migrations

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("disk full")

    monkeypatch.setitem(migrations.STEPS, 2, broken)
    with pytest.raises(RuntimeError, match="disk full"):
        open_database(path)
    close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables, "the step's transaction was rolled back"


def test_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future (id INTEGER)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(path)
    message = str(caught.value)
    assert "newer version" in message and f"schema {SCHEMA_VERSION + 1}" in message and "backup" in message
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_foreign_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something_else (id INTEGER)")
    with pytest.raises(StoreError, match="not a Server-Side Sync Manager data file"):
        open_database(path)
    close_database()


def test_utc_field_accepts_exchangelib_datetimes(store):
    from datetime import datetime, timezone

    from exchangelib import EWSDateTime, EWSTimeZone

    from app.domain.enums import RecordState
    from app.store.models import Appointment

    start = EWSDateTime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=EWSTimeZone("Asia/Tokyo"))
    row = Appointment.create(subject="x", start=start, end=start, state=RecordState.ACTIVE)
    stored = Appointment.get_by_id(row.id).start
    assert stored == datetime(2026, 3, 2, 0, 30, 15, 123456, tzinfo=timezone.utc)


def test_writers_of_one_process_queue_instead_of_failing_busy(tmp_path):
    """With SQLite's busy wait switched off, concurrent writers would fail with "database is
    locked"; the process-wide write lock makes them queue."""
    import threading

    from app.store.db import LockedSqliteDatabase

    db = LockedSqliteDatabase(
        str(tmp_path / "w.sqlite3"), pragmas={"journal_mode": "wal", "busy_timeout": 0}, check_same_thread=False
    )
    db.execute_sql("CREATE TABLE t (thread INTEGER, n INTEGER)")
    errors = []

    def writer(k):
        try:
            for n in range(40):
                if n % 2:
                    db.execute_sql("INSERT INTO t VALUES (?, ?)", (k, n))  # autocommit
                else:
                    with db.atomic():
                        db.execute_sql("SELECT count(*) FROM t")  # a read first: a deferred transaction
                        db.execute_sql("INSERT INTO t VALUES (?, ?)", (k, n))
        except Exception as exc:  # noqa: BLE001 - collected and asserted
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert db.execute_sql("SELECT count(*) FROM t").fetchone()[0] == 8 * 40


def test_migration_3_turns_the_unlinked_prefix_into_a_column(tmp_path):
    from app.store.models import ItemLink

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        for record_id, item_id in ((7, "unlinked:AAMkADel"), (8, "AAMkALive")):
            conn.execute(
                "INSERT INTO item_link (mailbox_id, record_type, record_id, item_id, change_key, synced_fingerprint,"
                " synced_on) VALUES (1, 'task', ?, ?, '', '', '2025-05-01T10:00:00.000000Z')",
                (record_id, item_id),
            )
    open_database(path)
    try:
        links = {link.item_id: link for link in ItemLink.select()}
        assert set(links) == {"AAMkADel", "AAMkALive"}
        assert links["AAMkADel"].unlinked_on is not None and links["AAMkALive"].unlinked_on is None
    finally:
        close_database()


def test_migration_4_adds_alert_message_parts_and_keeps_alerts(tmp_path):
    from app.store.alerts import message_parts
    from app.store.models import Alert

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO alert (created_on, updated_on, level, scope, mailbox_id, error_code, message, details,"
            " next_step, occurrences, is_read, is_open) VALUES ('2025-05-01T10:00:00.000000Z',"
            " '2025-05-01T10:00:00.000000Z', 'error', 'mailbox', 1, 'Unauthorized', 'Old English text', '', '', 2,"
            " 0, 1)"
        )
    open_database(path)
    try:
        alert = Alert.get()
        assert (alert.message, alert.message_parts, alert.occurrences) == ("Old English text", "", 2)
        assert message_parts(alert) == []  # shown as stored
        alert.message_parts = '[["Failures", "x", {}]]'
        alert.save()
        assert message_parts(Alert.get()) == [["Failures", "x", {}]]
    finally:
        close_database()


def make_v4_database(path: Path) -> None:
    """A schema-4 store (schema 1 taken through steps 2-4, as an older app left it)."""
    from peewee import SqliteDatabase

    from app.store import migrations

    make_v1_database(path)
    db = SqliteDatabase(str(path))
    with db.atomic():
        for version in (2, 3, 4):
            migrations.STEPS[version](db)
        db.pragma("user_version", 4)
    db.close()


def test_migration_5_adds_work_leases_and_gives_every_record_a_sync_marker(tmp_path):
    from datetime import timedelta

    from app.store import leases
    from app.store.base import utcnow
    from app.store.models import Appointment, Contact, Task

    path = tmp_path / "sssm.sqlite3"
    make_v4_database(path)
    with sqlite3.connect(path) as conn:
        for subject in ("Kickoff", "Review"):
            conn.execute(
                "INSERT INTO appointment (owner_id, state, created_on, modified_on, subject, location, start,"
                " \"end\", is_all_day, body) VALUES (1, 'active', '2025-05-01T10:00:00.000000Z',"
                " '2025-05-01T10:00:00.000000Z', ?, '', '2027-01-06T00:00:00.000000Z',"
                " '2027-01-07T00:00:00.000000Z', 1, '')",
                (subject,),
            )
        conn.execute(
            "INSERT INTO contact (owner_id, state, created_on, modified_on, first_name, last_name, email,"
            " company, job_title, business_phone, mobile_phone) VALUES (1, 'active',"
            " '2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z', 'Ann', 'Lee', 'ann@x.com', '',"
            " '', '', '')"
        )
    backups = []
    open_database(path, on_backup=backups.append)
    try:
        assert [b.name.split(".v", 1)[1][:2] for b in backups] == ["4-"], "the schema-4 file is copied first"
        markers = [a.sync_marker for a in Appointment.select().order_by(Appointment.id)] + [Contact.get().sync_marker]
        assert len(set(markers)) == 3 and all(len(m) == 36 for m in markers), markers
        assert {a.subject for a in Appointment.select()} == {"Kickoff", "Review"}, "records kept"
        assert Task.create(subject="New").sync_marker, "a new record gets its marker at once"
        now = utcnow()
        assert leases.claim("mailbox:1:act", "one", timedelta(minutes=1), now=now)
        assert not leases.claim("mailbox:1:act", "two", timedelta(minutes=1), now=now)
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 6
        with pytest.raises(sqlite3.IntegrityError):  # markers are unique
            conn.execute("UPDATE appointment SET sync_marker = (SELECT sync_marker FROM contact)")
    assert schema_of(path) == _fresh_schema(tmp_path)


def _fresh_schema(tmp_path: Path) -> set[tuple]:
    open_database(tmp_path / "fresh.sqlite3")
    close_database()
    return schema_of(tmp_path / "fresh.sqlite3")


def test_migration_6_adds_retry_state_the_auth_budget_and_message_parts(tmp_path):
    from app.store.models import DiagnosticRun, DiagnosticStep, SyncHistory, SystemSettings

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO sync_history (mailbox_id, workload, started_on, status, created, updated, deleted, message)"
            " VALUES (1, 'incoming', '2025-05-01T10:00:00.000000Z', 'success', 1, 0, 0, 'stored 1')"
        )
        conn.execute(
            "INSERT INTO system_settings (record_errors, record_warnings, record_information,"
            " notify_owner_by_email, toast_errors, toast_warnings, allow_insecure_credentials,"
            " transient_failure_limit, default_backoff_minutes, tracking_token_prefix, language)"
            " VALUES (1, 1, 1, 0, 1, 0, 0, 7, 5, 'CRM:', '')"
        )
    open_database(path)
    try:
        history = SyncHistory.get()
        assert (history.message, history.message_parts) == ("stored 1", ""), "kept, shown as stored"
        settings = SystemSettings.get()
        assert (settings.transient_failure_limit, settings.auth_retry_limit) == (7, 2), "the default budget"
        state = WorkloadState.create(mailbox=Mailbox.get(), workload=Workload.INCOMING)
        fresh = WorkloadState.get_by_id(state.id)
        assert (fresh.retry_test, fresh.authentication_failures) == (False, 0)
        run = DiagnosticRun.create(mailbox=Mailbox.get())
        step = DiagnosticStep.create(
            run=run,
            position=0,
            name="connect",
            status="success",
            message="x",
            message_parts='[["Diagnostics", "x", {}]]',
        )
        assert DiagnosticStep.get_by_id(step.id).message_parts == '[["Diagnostics", "x", {}]]'
    finally:
        close_database()


def test_migration_7_adds_activity_flags_the_notify_mailbox_and_appointment_categories(tmp_path):
    from app.store.models import Appointment, Queue, SystemSettings

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO queue (name, email) VALUES ('Sales', 'sales@contoso.com')")
        conn.execute(
            'INSERT INTO appointment (owner_id, state, created_on, modified_on, subject, location, start, "end",'
            " is_all_day, body) VALUES (1, 'active', '2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z',"
            " 'Kickoff', '', '2025-05-02T10:00:00.000000Z', '2025-05-02T11:00:00.000000Z', 0, '')"
        )
    open_database(path)
    try:
        assert Queue.get(Queue.name == "Sales").is_active, "existing queues stay active"
        assert all(m.is_active for m in Mailbox.select()), "existing mailboxes stay active"
        assert Appointment.get(Appointment.subject == "Kickoff").category == ""
        settings = SystemSettings.select().first() or SystemSettings.create()
        assert settings.notify_mailbox_id is None
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert schema_of(path) == _fresh_schema(tmp_path)


def test_migration_8_adds_the_dashboard_history_item_monitoring_and_their_indexes(tmp_path):
    from app.store.models import ItemFailure, MailboxHour, SyncHour, SystemSettings

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        settings = SystemSettings.select().first() or SystemSettings.create()
        assert settings.item_failure_retention_days == 3, "the product's default"
        assert SyncHour.select().count() == MailboxHour.select().count() == ItemFailure.select().count() == 0
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"mailbox_hour_failed", "alert_open", "workload_state_next_run_on", "sync_history_started_on"} <= indexes


def test_migration_9_adds_item_classes_and_email_attachments(tmp_path):
    from app.store.models import EmailActivity, EmailAttachment

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            'INSERT INTO email_activity (message_id, "references", subject, body, body_is_html, sender,'
            " to_recipients, cc_recipients, direction, status, send_attempts, created_on, modified_on)"
            " VALUES ('<old@x>', '', 'Old', '', 0, 'a@x', '', '', 'incoming', 'received', 0,"
            " '2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z')"
        )
    open_database(path)
    try:
        old = EmailActivity.get(EmailActivity.message_id == "<old@x>")
        assert old.item_class == "IPM.Note", "emails stored before were ordinary messages"
        attachment = EmailAttachment.create(email=old, attachment_id="AAA=", name="a.pdf", size=3)
        assert EmailAttachment.get_by_id(attachment.id).content is None, "content only once fetched"
        old.delete_instance()
        assert EmailAttachment.select().count() == 0, "an email's attachments go with it"
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 9
    assert schema_of(path) == _fresh_schema(tmp_path)


def test_migration_10_keeps_appointments_single(tmp_path):
    from app.store.models import Appointment

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            'INSERT INTO appointment (owner_id, state, created_on, modified_on, subject, location, start, "end",'
            " is_all_day, body) VALUES (1, 'active', '2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z',"
            " 'Review', '', '2025-05-02T10:00:00.000000Z', '2025-05-02T11:00:00.000000Z', 0, '')"
        )
    open_database(path)
    try:
        assert Appointment.get(Appointment.subject == "Review").recurrence == "", "an existing appointment is single"
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 10
    assert schema_of(path) == _fresh_schema(tmp_path)


def test_migration_11_adds_engine_hosts_and_lease_profiles(tmp_path):
    from app.store.models import EngineHost, WorkLease

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        assert EngineHost.select().count() == 0
        assert "profile_id" in {c.name for c in database.get_columns("work_lease")}
        assert WorkLease.select().count() == 0
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 11
    assert schema_of(path) == _fresh_schema(tmp_path)


def test_migration_12_leaves_closed_alerts_without_a_resolved_time(tmp_path):
    from app.store.models import Alert

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO alert (created_on, updated_on, level, scope, error_code, message, details, next_step,"
            " occurrences, is_read, is_open) VALUES ('2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z',"
            " 'error', 'mailbox', 'Unauthorized', 'Refused.', '', '', 1, 0, 0)"
        )
    open_database(path)
    try:
        old = Alert.get(Alert.error_code == "Unauthorized")
        assert not old.is_open and old.resolved_on is None, "closed before schema 12: when is not known"
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 12
    assert schema_of(path) == _fresh_schema(tmp_path)


def test_migration_13_adds_the_records_indexes_search_tables_and_sync_codes_and_keeps_data(tmp_path):
    from app.store.models import EmailActivity, EmailMailboxLink, ItemLink

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO email_activity (message_id, subject, body, body_is_html, sender, to_recipients,"
            ' cc_recipients, direction, status, "references", send_attempts, created_on, modified_on)'
            " VALUES ('<m1@contoso.com>', 'Quarterly offer', '', 0, 'carol@fabrikam.com', 'alice@contoso.com', '',"
            " 'incoming', 'received', '', 0, '2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z')"
        )
        conn.execute(
            "INSERT INTO email_mailbox_link (email_id, mailbox_id, folder, linked_on)"
            " VALUES (1, 1, 'inbox', '2025-05-01T10:00:00.000000Z')"
        )
        for subject in ("Synced", "Only here"):
            conn.execute(
                'INSERT INTO appointment (owner_id, state, created_on, modified_on, subject, location, start, "end",'
                " is_all_day, body) VALUES (1, 'active', '2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z',"
                f" '{subject}', '', '2025-05-02T10:00:00.000000Z', '2025-05-02T11:00:00.000000Z', 0, '')"
            )
        conn.execute(
            "INSERT INTO item_link (mailbox_id, record_type, record_id, item_id, change_key, synced_fingerprint,"
            " synced_on) VALUES (1, 'appointment', 1, 'item-1', 'ck', '', '2025-05-01T11:00:00.000000Z')"
        )
    open_database(path)
    try:
        link = EmailMailboxLink.get()
        assert link.tracked_by == "", "a copy stored before schema 13 says nothing of why"
        conn = EmailActivity._meta.database
        found = conn.execute_sql("SELECT rowid FROM email_search WHERE email_search MATCH '\"arterl\"'").fetchall()
        assert found == [(1,)], "the emails stored before are searchable at once"
        email = EmailActivity.get()
        email.subject = "Yearly offer"
        email.save()
        assert conn.execute_sql("SELECT rowid FROM email_search WHERE email_search MATCH 'arterl'").fetchall() == []
        assert conn.execute_sql("SELECT rowid FROM email_search WHERE email_search MATCH 'yearly'").fetchall() == [
            (1,)
        ], "the search follows edits"
        assert "conflict_id" in ItemLink._meta.fields
        plan = conn.execute_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM email_activity "
            'ORDER BY COALESCE("received_on", "sent_on", "created_on") DESC'
        ).fetchall()
        assert any("email_activity_shown_on" in row[-1] for row in plan), plan
        codes = conn.execute_sql('SELECT "subject", "sync_code" FROM "appointment" ORDER BY "id"').fetchall()
        assert codes == [("Synced", 2), ("Only here", 4)], "where each record stands, computed for those there are"
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 13
    assert schema_of(path) == _fresh_schema(tmp_path)


def test_migration_14_adds_the_tables_of_a_shared_databases_sealed_passwords(tmp_path):
    from app.store.models import DataKey, EncryptedSecret

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        assert Mailbox.get(Mailbox.email == "alice@contoso.com").name == "Alice", "the data kept"
        assert DataKey.select().count() == 0 and EncryptedSecret.select().count() == 0, "SQLite leaves them empty"
        columns = {c.name: c.data_type.upper() for c in database.get_columns("encrypted_secret")}
        assert columns["sealed"] == "BLOB" and columns["name"].startswith("VARCHAR")
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 14
    assert schema_of(path) == _fresh_schema(tmp_path)


def test_migrations_15_and_16_mark_the_search_tables_full_and_index_links_by_mailbox_and_item(tmp_path):
    from app.store import search_index
    from app.store.models import EmailActivity

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO email_activity (message_id, subject, body, body_is_html, sender, to_recipients,"
            ' cc_recipients, direction, status, "references", send_attempts, created_on, modified_on)'
            " VALUES ('<m1@contoso.com>', 'Quarterly offer', '', 0, 'carol@fabrikam.com', 'alice@contoso.com', '',"
            " 'incoming', 'received', '', 0, '2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z')"
        )
    open_database(path)
    try:
        assert search_index.pending() == 0, "what was stored before is in the search tables already"
        email = EmailActivity.get()
        email.subject = "Yearly offer"
        email.save()
        found = database.execute_sql("SELECT rowid FROM email_search WHERE email_search MATCH 'yearly'").fetchall()
        assert found == [(email.id,)], "an edit of an indexed row is indexed at once"
        plan = database.execute_sql(
            "EXPLAIN QUERY PLAN SELECT item_id FROM email_mailbox_link WHERE mailbox_id = ? AND item_id IN (?, ?)",
            (1, "a", "b"),
        ).fetchall()
        assert any("email_mailbox_link_mailbox_id_item_id" in row[-1] for row in plan), plan
    finally:
        close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 16
    assert schema_of(path) == _fresh_schema(tmp_path)
