"""The Records page's table model over a real store: ids stream in while the event loop is idle,
rows are read a page at a time, sorting goes to SQL, and a record is found anywhere in the list."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from app.domain.enums import EmailDirection, EmailStatus
from app.gui.models import sql_table_model
from app.gui.models.sql_table_model import SqlColumn, SqlSortProxy, SqlTableModel
from app.store.base import database
from app.store.models import EmailActivity
from app.store.records import EMAILS, ListQuery

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def emails(store):
    rows = [
        dict(
            message_id=f"<m{n}@contoso.com>",
            subject=f"Offer {n:04d}" if n % 2 else f"Invoice {n:04d}",
            sender="carol@fabrikam.com",
            direction=EmailDirection.INCOMING,
            status=EmailStatus.RECEIVED,
            received_on=T0 + timedelta(minutes=n),
            created_on=T0,
            modified_on=T0,
        )
        for n in range(1234)
    ]
    with database.atomic():
        for at in range(0, len(rows), 500):
            EmailActivity.insert_many(rows[at : at + 500]).execute()
    return [e.id for e in EmailActivity.select(EmailActivity.id).order_by(EmailActivity.id)]


def columns():
    return [
        SqlColumn("Date", "date", lambda r: r.shown_on),
        SqlColumn("Subject", "subject", lambda r: r.subject),
    ]


def test_ids_stream_in_while_idle_and_rows_are_read_a_page_at_a_time(qtbot, emails, monkeypatch):
    monkeypatch.setattr(sql_table_model, "FIRST_IDS", 100)
    monkeypatch.setattr(sql_table_model, "IDS_PER_STEP", 300)
    read: list[int] = []
    rows = EMAILS.rows
    monkeypatch.setattr(EMAILS, "rows", lambda ids: read.append(len(ids)) or rows(ids))
    model = SqlTableModel(EMAILS, columns())
    model.ensure_started()
    assert model.rowCount() == 100 and not model.all_loaded(), "the first ids show at once"
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        pass
    assert model.rowCount() == 1234 and model.all_loaded()
    assert read == [], "no row read before one is shown"
    assert model.index(0, 1).data() == "Offer 1233", "newest first"
    assert model.index(1233, 1).data() == "Invoice 0000"
    assert read == [100, 34], "one page for each"
    model.index(5, 0).data()
    assert read == [100, 34], "a page read is kept"


def test_an_idle_step_reads_ids_for_a_short_while_only(qtbot, emails, monkeypatch):
    """A step ends once its time is up (a search that skips most rows would hold the window)."""
    monkeypatch.setattr(sql_table_model, "FIRST_IDS", 100)
    monkeypatch.setattr(sql_table_model, "STEP_BUDGET_S", 0.0)  # every step over after its first read
    grown: list[int] = []
    model = SqlTableModel(EMAILS, columns())
    model.rowsInserted.connect(lambda _parent, first, last: grown.append(last - first + 1))
    model.ensure_started()
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        pass
    assert grown == [100] * 11 + [34], "one read of the first size in each step"
    monkeypatch.setattr(sql_table_model, "STEP_BUDGET_S", 10.0)
    grown.clear()
    model.refresh()
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        pass
    assert grown == [1134], "reads twice as long each time while the step has time"
    assert model.rowCount() == 1234


def test_sorting_goes_to_sql_through_the_proxy(qtbot, emails):
    model = SqlTableModel(EMAILS, columns())
    proxy = SqlSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "subject" and not model.query.descending
    assert proxy.index(0, 1).data() == "Invoice 0000"
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 1).data() == "Offer 1233"
    assert proxy.row_at(0).subject == "Offer 1233" and proxy.id_at(0) == emails[-1]


def test_a_record_is_found_anywhere_and_a_query_change_starts_again(qtbot, emails, monkeypatch):
    monkeypatch.setattr(sql_table_model, "FIRST_IDS", 50)
    model = SqlTableModel(EMAILS, columns())
    model.ensure_started()
    assert model.row_of(emails[0]) == 1233, "every id read to find it"
    assert model.all_loaded() and model.rowCount() == 1234
    with qtbot.waitSignal(model.query_changed):
        model.set_query(ListQuery(search="offer 12"))
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        f"Offer {n:04d}" for n in range(1233, -1, -1) if n % 2 and "12" in f"{n:04d}"
    ], "every word: a substring of any column"


def test_a_row_deleted_since_its_ids_were_read_shows_as_gone(qtbot, emails):
    model = SqlTableModel(EMAILS, columns())
    model.ensure_started()
    EmailActivity.delete().where(EmailActivity.id == emails[-1]).execute()
    assert model.index(0, 1).data() == "…" and model.row_at(0) is None
    model.refresh()
    assert model.index(0, 1).data() == "Invoice 1232"
