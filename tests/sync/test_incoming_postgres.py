"""Incoming email on a shared PostgreSQL database (issue 17): two cycles storing the same
Message-ID at once — two mailboxes holding one email, run by two engine hosts — give one email
linked to both mailboxes, never a unique-index failure. SQLite serializes its writers
(``BEGIN IMMEDIATE``); PostgreSQL runs them concurrently, so the engine locks the Message-IDs
it stores (app.store.backends.lock_message_ids) for the length of its transaction."""

from __future__ import annotations

import threading
import time

from store_setup import Setup

from app.domain.enums import TrackingOption
from app.store.base import database
from app.store.db import open_database
from app.store.models import EmailActivity, EmailMailboxLink, ItemFailure, Mailbox, UserOptions
from app.sync import incoming
from app.sync.incoming import sync_incoming
from app.sync.session import WorkloadRun

SHARED = [f"<shared-{n}@example.org>" for n in range(5)]


def test_two_mailboxes_storing_one_email_at_once_share_it(pg_url, ews, monkeypatch):
    open_database(pg_url)
    setup = Setup(ews)
    first, second = (ews.new_account(prefix, emails=0) for prefix in ("pgfirst", "pgsecond"))
    mailboxes = []
    for account in (first, second):  # each its own profile: its own connection gate
        for msgid in SHARED:
            ews.server.deliver(account.email, f"To both {msgid}", "One email, two Inboxes.", msgid=msgid)
        mailboxes.append(setup.mailbox(setup.profile(f"Profile {account.email}"), account.email))
    Mailbox.update(incoming_enabled=True).execute()
    UserOptions.update(tracking_option=TrackingOption.ALL).execute()

    # the first cycle stops inside its transaction, its emails inserted and not yet committed
    inserted, go_on = threading.Event(), threading.Event()
    store_bulk = incoming.IncomingEmailSync._store_bulk

    def paused(self, *args, **kwargs):
        store_bulk(self, *args, **kwargs)
        if self.mailbox.email == first.email:
            inserted.set()
            assert go_on.wait(60)

    monkeypatch.setattr(incoming.IncomingEmailSync, "_store_bulk", paused)
    runs: dict[str, WorkloadRun] = {}

    def cycle(mailbox: Mailbox) -> None:
        try:
            runs[mailbox.email] = sync_incoming(Mailbox.get_by_id(mailbox.id))
        finally:
            database.close()

    threads = [threading.Thread(target=cycle, args=(mailbox,)) for mailbox in mailboxes]
    threads[0].start()
    assert inserted.wait(60)
    threads[1].start()
    time.sleep(1.5)  # the second cycle reaches its store meanwhile
    go_on.set()
    for thread in threads:
        thread.join(120)

    done = {email: (run.failure, run.created, run.updated) for email, run in runs.items()}
    assert done == {first.email: (None, 5, 0), second.email: (None, 0, 5)}, (
        "the second cycle links what the first stored"
    )
    stored = {e.message_id: e.id for e in EmailActivity.select().where(EmailActivity.message_id.in_(SHARED))}
    assert sorted(stored) == sorted(SHARED), "each Message-ID stored once"
    for mailbox in mailboxes:
        linked = {link.email_id for link in EmailMailboxLink.select().where(EmailMailboxLink.mailbox == mailbox.id)}
        assert linked == set(stored.values()), f"{mailbox.email} linked to every shared email"
    assert ItemFailure.select().count() == 0
