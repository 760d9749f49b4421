"""One mailbox per fault-matrix cell, set up for one column (a workload, or Test & Enable), with
the check that the store equals Exchange after recovery.

Account names have a fixed length, so that the bytes of the server's answers (and so where a
truncated or malformed answer is cut) are the same from run to run.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone

from ews_fixtures import EWS_PASSWORD

from app.domain.enums import RecordType, SyncMethod, TrackingOption, Workload
from app.store.models import (
    Appointment,
    Contact,
    EmailActivity,
    EmailMailboxLink,
    ItemLink,
    Mailbox,
    Task,
    UserOptions,
)
from app.sync.outgoing import queue_email
from app.sync.record_mapping import RECORD_MAPPINGS

WORKLOAD = {"incoming": Workload.INCOMING, "outgoing": Workload.OUTGOING, "act": Workload.ACT}
START = datetime(2031, 5, 6, 9, 0, tzinfo=timezone.utc)
BODY = "A short note for the reliability suite. " * 3


def fixed_account(ews, prefix: str) -> str:
    email = f"{prefix}-{uuid.uuid4().hex[:10]}@contoso.com"
    ews.server.add_account(email, EWS_PASSWORD)
    return email


def folder_items(ews, email: str, folder: str):
    return ews.server.directory.mailbox(email).distinguished[folder].items_by_received()


class ColumnCell:
    """A mailbox with only this column's workload set to server-side sync (all three for Test &
    Enable), enabled (sync columns) or untested (Test & Enable)."""

    column = ""

    def __init__(self, setup, ews, profile) -> None:
        self.setup, self.ews = setup, ews
        self.email = fixed_account(ews, f"rel{self.column[:3]}")
        self.seed()
        methods = {
            f"{name}_method": SyncMethod.SERVER_SIDE if self.column in (name, "test") else SyncMethod.NONE
            for name in WORKLOAD
        }
        self.mailbox = setup.mailbox(profile, self.email, **methods)
        if self.column in WORKLOAD:
            Mailbox.update(**{f"{self.column}_enabled": True}).where(Mailbox.id == self.mailbox.id).execute()
        self.prepare_store()

    @property
    def workload(self) -> Workload | None:
        return WORKLOAD.get(self.column)

    def seed(self) -> None:
        pass

    def prepare_store(self) -> None:
        pass

    def consistency(self) -> tuple[bool, str]:
        raise NotImplementedError


class IncomingCell(ColumnCell):
    column = "incoming"
    EMAILS = 3

    def seed(self) -> None:
        for n in range(self.EMAILS):
            self.ews.server.deliver(
                self.email,
                f"Matrix email {n}",
                BODY,
                sender="partner@fabrikam.com",
                msgid=f"<matrix-{n}-{uuid.uuid4().hex}@fabrikam.com>",
            )

    def prepare_store(self) -> None:
        UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == self.setup.user.id).execute()

    def consistency(self) -> tuple[bool, str]:
        inbox = folder_items(self.ews, self.email, "inbox")
        links = list(EmailMailboxLink.select().where(EmailMailboxLink.mailbox == self.mailbox.id))
        stored = Counter(e.message_id for e in EmailActivity.select())
        linked_items = Counter(link.item_id for link in links)
        ok = (
            stored == Counter(item.msgid for item in inbox)
            and set(stored.values()) <= {1}
            and linked_items == Counter(item.id for item in inbox)
        )
        doubled = sum(n - 1 for n in stored.values() if n > 1)
        missing = len({item.msgid for item in inbox} - set(stored))
        text = f"{len(stored)} of {len(inbox)} emails stored, {doubled} twice, {missing} missing"
        return ok, text


class OutgoingCell(ColumnCell):
    column = "outgoing"
    EMAILS = 2

    def seed(self) -> None:
        self.recipient = fixed_account(self.ews, "relrcp")

    def prepare_store(self) -> None:
        self.queued = [
            queue_email(self.setup.user, self.recipient, f"Matrix send {n}", BODY) for n in range(self.EMAILS)
        ]

    def consistency(self) -> tuple[bool, str]:
        sent = Counter(item.msgid for item in folder_items(self.ews, self.email, "sentitems"))
        received = Counter(item.msgid for item in folder_items(self.ews, self.recipient, "inbox"))
        statuses = {e.status.value for e in EmailActivity.select()}
        ok = statuses == {"sent"} and all(sent[e.message_id] == 1 == received[e.message_id] for e in self.queued)
        twice = sum(1 for e in self.queued if sent[e.message_id] > 1 or received[e.message_id] > 1)
        unsent = sum(1 for e in self.queued if sent[e.message_id] == 0)
        text = f"{len(self.queued)} emails: {twice} sent twice, {unsent} not sent"
        return ok, text


def store_labels(record_type: RecordType, owner) -> Counter:
    if record_type is RecordType.CONTACT:
        return Counter(c.last_name for c in Contact.select().where(Contact.owner == owner))
    model = Appointment if record_type is RecordType.APPOINTMENT else Task
    return Counter(r.subject for r in model.select().where(model.owner == owner))


def server_labels(ews, email: str, record_type: RecordType) -> Counter:
    folder = ews.server.directory.mailbox(email).distinguished[RECORD_MAPPINGS[record_type].folder]
    if record_type is RecordType.CONTACT:
        return Counter(item.get("surname") for item in folder.items.values())
    return Counter(item.subject for item in folder.items.values())


class ActCell(ColumnCell):
    column = "act"

    def seed(self) -> None:
        self.ews.server.seed(self.email, emails=0, appointments=1, contacts=1, tasks=1)

    def prepare_store(self) -> None:
        user = self.setup.user
        Appointment.create(
            owner=user, subject="Matrix meeting", location="Room 1", start=START, end=START + timedelta(hours=1)
        )
        Contact.create(owner=user, first_name="Ann", last_name="Matrix", email="ann.matrix@fabrikam.com")
        Task.create(owner=user, subject="Matrix task", due=START)

    def consistency(self) -> tuple[bool, str]:
        ok, parts, doubled = True, [], 0
        for record_type in RecordType:
            store = store_labels(record_type, self.setup.user)
            server = server_labels(self.ews, self.email, record_type)
            links = list(
                ItemLink.select().where(
                    (ItemLink.mailbox == self.mailbox.id)
                    & (ItemLink.record_type == record_type)
                    & ItemLink.unlinked_on.is_null()
                )
            )
            once = set(store.values()) <= {1} and set(server.values()) <= {1}
            linked = len({link.item_id for link in links}) == len(links) == sum(store.values())
            ok = ok and store == server and once and linked
            doubled += sum(n - 1 for n in store.values() if n > 1) + sum(n - 1 for n in server.values() if n > 1)
            parts.append(sum(store.values()))
        text = f"{sum(parts)} records = items, {doubled} doubled" if ok else f"{doubled} doubled, store ≠ Exchange"
        return ok, text


class TestCell(ColumnCell):
    column = "test"
    __test__ = False  # not a pytest class

    def consistency(self) -> tuple[bool, str]:
        from app.diagnostics.steps import TEST_SUBJECT_PREFIX

        sent = [
            item
            for item in folder_items(self.ews, self.email, "sentitems")
            if (item.subject or "").startswith(TEST_SUBJECT_PREFIX)
        ]
        return len(sent) == 1, f"{len(sent)} test message sent"


CELL_CLASSES = {cls.column: cls for cls in (IncomingCell, OutgoingCell, ActCell, TestCell)}
