"""The Records search tables, filled after the sync (app.store.search_index): what a search finds
does not depend on whether a row is indexed yet, and the index stays exact through edits, deletes,
ids used again and catch-ups in batches (FTS5's own integrity check, against the records)."""

from __future__ import annotations

import pytest
from peewee import IntegrityError

from app.domain.enums import EmailDirection, EmailStatus
from app.store import repo, search_index
from app.store.base import database
from app.store.models import Contact, EmailActivity, Task
from app.store.records import CONTACTS, EMAILS, TASKS, ListQuery
from app.store.records_schema import SEARCHED


def stored(subject: str, sender: str = "carol@fabrikam.com") -> EmailActivity:
    return EmailActivity.create(
        message_id=f"<{subject.replace(' ', '.')}@fabrikam.com>",
        subject=subject,
        sender=sender,
        to_recipients="alice@contoso.com",
        direction=EmailDirection.INCOMING,
        status=EmailStatus.RECEIVED,
    )


def found(records, text: str) -> set[int]:
    return set(records.ids(ListQuery(search=text)))


def matched(search_table: str, text: str) -> set[int]:
    """What the search table alone finds (the indexed rows only)."""
    rows = database.execute_sql(f'SELECT rowid FROM "{search_table}" WHERE "{search_table}" MATCH ?', (f'"{text}"',))
    return {row[0] for row in rows}


def mark(table: str) -> int:
    row = database.execute_sql(
        'SELECT "indexed_upto" FROM "search_index_state" WHERE "table_name" = ?', (table,)
    ).fetchone()
    return int(row[0])


def assert_exact() -> None:
    """Every search table holds exactly the rows up to its mark, with their current values: the
    rows past it indexed in a scratch copy, then FTS5's integrity check (rank 1: the index against
    the records' own table) must pass."""
    for search, _ in SEARCHED.values():
        with database.atomic() as transaction:
            search_index.catch_up()
            database.execute_sql(f'INSERT INTO "{search}" ("{search}", "rank") VALUES (\'integrity-check\', 1)')
            transaction.rollback()


@pytest.fixture
def alice(store):
    return repo.create_user("Alice", "alice@contoso.com", is_current=True)


def test_new_rows_are_found_at_once_and_indexed_by_the_catch_up(alice):
    offer = stored("Quarterly offer")
    stored("Invoice", sender="dave@litware.com")
    assert search_index.pending() == 2
    assert matched("email_search", "arterl") == set(), "not indexed while it is stored"
    assert found(EMAILS, "arterl") == {offer.id}, "yet found: the rows past the mark are read another way"

    assert search_index.catch_up() == 2
    assert search_index.pending() == 0 and mark("email_activity") == EmailActivity.select().count()
    assert matched("email_search", "arterl") == {offer.id}
    assert found(EMAILS, "arterl") == {offer.id}
    assert search_index.catch_up() == 0, "nothing twice"
    assert_exact()


def test_edits_and_deletes_before_and_after_the_catch_up_keep_the_index_exact(alice):
    early = stored("Quarterly offer")
    gone = stored("Old invoice")
    search_index.catch_up()
    late = stored("Monthly report")
    EmailActivity.update(subject="Yearly offer").where(EmailActivity.id == early.id).execute()
    EmailActivity.update(subject="Weekly report").where(EmailActivity.id == late.id).execute()
    EmailActivity.delete().where(EmailActivity.id == gone.id).execute()
    assert found(EMAILS, "arterl") == set() and found(EMAILS, "early") == {early.id}
    assert found(EMAILS, "onthly") == set() and found(EMAILS, "eekly") == {late.id}
    assert found(EMAILS, "invoice") == set()
    assert_exact()

    search_index.catch_up()
    assert matched("email_search", "eekly") == {late.id} and matched("email_search", "early") == {early.id}
    assert found(EMAILS, "report") == {late.id}
    assert_exact()


def test_an_id_used_again_under_the_mark_is_indexed_as_it_is_stored(alice):
    stored("first offer")
    last = stored("second offer")
    search_index.catch_up()
    EmailActivity.delete().where(EmailActivity.id == last.id).execute()
    again = stored("third proposal")
    assert again.id == last.id, "SQLite gives the highest id again once its row is deleted"
    assert matched("email_search", "proposal") == {again.id}, "under the mark: indexed at once"
    assert_exact()


def test_the_catch_up_works_in_batches_and_covers_every_list(alice):
    emails = [stored(f"Offer number {n}") for n in range(7)]
    contact = Contact.create(owner=alice, first_name="Ann", last_name="Lee", company="Litware")
    task = Task.create(owner=alice, subject="Call Litware back")
    assert search_index.pending() == 9
    assert search_index.catch_up(batch=3) == 9
    assert mark("email_activity") == emails[-1].id
    assert matched("email_search", "number") == {e.id for e in emails}
    assert matched("contact_search", "itwar") == {contact.id}
    assert found(CONTACTS, "litware") == {contact.id} and found(TASKS, "litware") == {task.id}
    assert_exact()


def test_a_catch_up_that_fails_leaves_the_mark_where_it_was(alice):
    stored("Quarterly offer")
    search_index.catch_up()
    newer = stored("Monthly report")
    before = mark("email_activity")
    # the store failing after the rows went in, before the mark moved (this connection only)
    database.execute_sql(
        'CREATE TEMP TRIGGER "fail_mark" BEFORE UPDATE ON "search_index_state" '
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    with pytest.raises(IntegrityError, match="disk I/O"):
        search_index.catch_up()
    database.execute_sql('DROP TRIGGER "fail_mark"')
    assert mark("email_activity") == before and matched("email_search", "onthly") == set(), "rolled back whole"
    assert found(EMAILS, "onthly") == {newer.id}
    assert search_index.catch_up() == 1 and matched("email_search", "onthly") == {newer.id}
    assert_exact()
