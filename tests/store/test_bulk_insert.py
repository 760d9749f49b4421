"""insert_rows (app.store.bulk): many rows as one prepared statement, meaning what peewee's
insert_many means — each value through its field, the defaults of the fields left out."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from peewee import IntegrityError

from app.domain.enums import EmailDirection, EmailStatus
from app.store import repo
from app.store.base import database
from app.store.bulk import insert_rows
from app.store.models import EmailActivity

RECEIVED = datetime(2024, 5, 6, 9, 0, 1, 250, tzinfo=timezone.utc)


def email(message_id: str, owner: int, **changed) -> dict:
    return (
        dict(
            message_id=message_id,
            subject="Quarterly review",
            body="<p>見積もり</p>",
            body_is_html=True,
            direction=EmailDirection.INCOMING,
            status=EmailStatus.RECEIVED,
            owner_user=owner,
            received_on=RECEIVED,
        )
        | changed
    )


def stored(message_id: str) -> dict:
    row = EmailActivity.select().where(EmailActivity.message_id == message_id).dicts().get()
    return {k: v for k, v in row.items() if k not in ("id", "message_id", "created_on", "modified_on")}


def test_rows_are_stored_as_insert_many_stores_them(store):
    owner = repo.create_user("Owner", "owner@contoso.com").id
    assert insert_rows(EmailActivity, [email("<a@x>", owner), email("<b@x>", owner, received_on=None)]) == 2
    EmailActivity.insert_many([email("<c@x>", owner), email("<d@x>", owner, received_on=None)]).execute()

    assert stored("<a@x>") == stored("<c@x>") and stored("<b@x>") == stored("<d@x>")
    mine = EmailActivity.get(EmailActivity.message_id == "<a@x>")
    assert mine.received_on == RECEIVED and mine.direction is EmailDirection.INCOMING and mine.owner_user_id == owner
    assert mine.references == "" and mine.send_attempts == 0  # the defaults of the fields left out
    assert mine.created_on is not None and mine.created_on.tzinfo is not None


def test_the_rows_are_part_of_the_callers_transaction(store):
    owner = repo.create_user("Owner", "owner@contoso.com").id
    with pytest.raises(IntegrityError), database.atomic():
        insert_rows(EmailActivity, [email("<a@x>", owner)])
        insert_rows(EmailActivity, [email("<a@x>", owner)])  # Message-IDs are unique
    assert EmailActivity.select().count() == 0  # rolled back whole


def test_every_row_names_the_same_fields(store):
    owner = repo.create_user("Owner", "owner@contoso.com").id
    with pytest.raises(ValueError, match="same fields"):
        insert_rows(EmailActivity, [email("<a@x>", owner), {**email("<b@x>", owner), "sent_on": None}])
    assert insert_rows(EmailActivity, []) == 0


def test_values_not_already_text_still_go_through_their_field_and_stored_times_are_shared(store):
    from app.store.models import Contact

    owner = repo.create_user("Owner", "owner@contoso.com").id
    odd = email("<odd@x>", owner, subject=12345, body=b"bytes", status="sent", direction="outgoing")
    insert_rows(EmailActivity, [odd, email("<plain@x>", owner)])
    row = EmailActivity.get(EmailActivity.message_id == "<odd@x>")
    assert (row.subject, row.body) == ("12345", "bytes"), "a text field's own conversion, as insert_many"
    assert row.status is EmailStatus.SENT and row.direction is EmailDirection.OUTGOING, "an enum field's"
    plain = EmailActivity.get(EmailActivity.message_id == "<plain@x>")
    assert row.created_on == plain.created_on == row.modified_on, "one statement: one time of storing"

    insert_rows(Contact, [dict(owner=owner, last_name="Lee"), dict(owner=owner, last_name="Kim")])
    markers = {contact.sync_marker for contact in Contact.select()}
    assert len(markers) == 2, "a default made per row (a marker) stays one per row"
