"""The Records page's lists on a shared PostgreSQL database (tests/postgres_fixtures.py): no
full-text tables or triggers there, so every word is matched with ILIKE and a record's state is
worked out in the query; the same rows as on SQLite."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.enums import ApprovalStatus, EmailDirection, EmailStatus, RecordType, SyncState
from app.store import repo
from app.store.db import close_database, open_database
from app.store.models import Appointment, EmailActivity, ItemLink, Mailbox, ServerProfile
from app.store.record_reader import ListReader
from app.store.records import APPOINTMENTS, EMAILS, ListQuery

T0 = datetime(2025, 5, 1, 9, 0, tzinfo=timezone.utc)


def test_lists_sort_search_and_tell_the_state_on_postgresql(pg_url):
    open_database(pg_url)
    try:
        owner = repo.create_user("Alice", "alice@contoso.com")
        profile = ServerProfile.create(name="P")
        mailbox = Mailbox.create(
            name="alice", email="alice@contoso.com", owner_user=owner, profile=profile, approval=ApprovalStatus.APPROVED
        )
        for n, subject in enumerate(("beta Offer", "Alpha invoice", "gamma")):
            EmailActivity.create(
                message_id=f"<m{n}@contoso.com>",
                subject=subject,
                sender="carol@fabrikam.com",
                direction=EmailDirection.INCOMING,
                status=EmailStatus.RECEIVED,
                received_on=T0 + timedelta(minutes=n),
            )
        subjects = {e.id: e.subject for e in EmailActivity.select()}
        by = lambda **q: [subjects[i] for i in EMAILS.ids(ListQuery(**q))]  # noqa: E731
        assert by() == ["gamma", "Alpha invoice", "beta Offer"]
        assert by(sort="subject", descending=False) == ["Alpha invoice", "beta Offer", "gamma"], "any case"
        assert by(search="OFFER") == ["beta Offer"]
        assert by(search="in al") == ["Alpha invoice"]
        assert list(ListReader().start(EMAILS, ListQuery(), 1)) == list(EMAILS.ids(ListQuery()))

        synced = Appointment.create(owner=owner, subject="Synced", start=T0, end=T0 + timedelta(hours=1))
        Appointment.create(owner=owner, subject="New here", start=T0, end=T0 + timedelta(hours=1))
        ItemLink.create(
            mailbox=mailbox,
            record_type=RecordType.APPOINTMENT,
            record_id=synced.id,
            item_id="x",
            change_key="ck",
            synced_on=datetime.now(timezone.utc) + timedelta(days=1),
        )
        ids = list(APPOINTMENTS.ids(ListQuery(sort="state", descending=False)))
        rows = APPOINTMENTS.rows(ids)
        assert [(rows[i].title, rows[i].state) for i in ids] == [
            ("Synced", SyncState.SYNCED),
            ("New here", SyncState.NOT_SYNCED),
        ]
        assert [rows[i].title for i in APPOINTMENTS.ids(ListQuery(sync_state=SyncState.SYNCED))] == ["Synced"]
    finally:
        close_database()
