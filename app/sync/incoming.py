"""Incoming email (docs/product-rules.md §5): each enabled mailbox's Inbox, read incrementally into
the store.

``sync_incoming(mailbox)`` runs one cycle in ``run_workload``:

1. SyncFolderItems on the Inbox from the stored sync state (``FolderSyncState``, folder
   ``inbox``), one page of up to 512 changes at a time, IdOnly plus DateTimeReceived — so mail
   from before the profile's "process email from" is dropped without being fetched.
2. The new messages of the page not yet linked to this mailbox are fetched with GetItem, only
   the fields the store keeps, 100 per request, by parallel workers that share the profile's
   connection gate (at most "maximum concurrent connections" requests in flight). The next
   pages are read, and their GetItem requests started, by a thread of their own while one is
   stored (``READ_AHEAD`` pages at most, app.sync.read_ahead), so the connections stay busy.
3. Each message is stored when the owner's tracking option says so (``app.domain.tracking``;
   a queue tracks everything), with its item class and its attachments' metadata (the content
   is fetched when asked for: app.sync.email_attachments). A message already in the store (same
   Message-ID, delivered to another mailbox too) is not stored again, only linked to this
   mailbox as well. A non-delivery report marks the tracked email it reports on (its
   In-Reply-To or References) Failed. A meeting request, response or cancellation is an email
   like any other; items that are no email (a contact, an appointment put there …) are skipped
   and counted.
4. With notifications (app.sync.notifications), a cycle may instead fetch only the new mail
   Exchange notified, by item id, and leave the sync state as it is: the next read of the Inbox
   meets those messages already linked.
5. A message that cannot be processed — Exchange cannot return it, or storing it failed — is
   moved to the Inbox's Undeliverable folder when the profile says so; otherwise it stays and
   an email-scope alert is raised.
6. Only then is the page's sync state saved.

The requests themselves are app.exchange.incoming_email's (``Inbox``); this module decides and
stores.

Crash safety: the rows of a GetItem batch are committed together, before the sync state that
covers them is saved. After a crash the next cycle starts from the last saved state and meets
some messages again; the Message-ID is unique and so is (email, mailbox) of a link, and messages
already linked to the mailbox are not even fetched again — nothing is doubled, nothing dropped.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    EmailDirection,
    EmailStatus,
    ItemDirection,
    ItemKind,
    SyncMethod,
    TrackedBy,
    Workload,
)
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.item_failures import STORE_FAILED
from app.domain.tracking import IncomingMessage, TrackingReason, decide
from app.exchange.incoming_email import (
    UNDELIVERABLE,
    Inbox,
    InboxPage,
    IncomingEmail,
    ItemError,
    NewMessage,
    SyncStateInvalid,
)
from app.store import backends
from app.store.alerts import raise_alert
from app.store.base import database, utcnow
from app.store.bulk import insert_rows
from app.store.item_failures import item_key
from app.store.models import EmailActivity, EmailAttachment, EmailMailboxLink, Mailbox
from app.store.repo import system_settings
from app.sync.incoming_lookup import (
    INBOX,
    StoreTrackingLookup,
    _PendingLookup,
    linked_item_ids,
    load_sync_state,
    save_sync_state,
    stored_emails,
    tracking_option_for,
)
from app.sync.item_problems import ItemProblems
from app.sync.notifications import notified_arrivals, reads_folder
from app.sync.read_ahead import ReadAhead
from app.sync.session import WorkloadRun, run_workload

log = logging.getLogger(__name__)

CTX = "Incoming"
PAGE_SIZE = 512  # SyncFolderItems' MaxChangesReturned (the most EWS allows)
FETCH_BATCH = 100  # item ids per GetItem request
READ_AHEAD = 2  # pages read (their GetItem requests started) ahead of the one being stored
NOT_PROCESSED_CODE = "IncomingEmailNotProcessed"
COUNT_TEXTS = {  # what a cycle counted, for its history line
    "other items": _N(CTX, "other items {n}"),
    "before process-from": _N(CTX, "before process-from {n}"),
    "already linked": _N(CTX, "already linked {n}"),
    "gone": _N(CTX, "gone {n}"),
    "not tracked": _N(CTX, "not tracked {n}"),
    "stored": _N(CTX, "stored {n}"),
    "linked": _N(CTX, "linked {n}"),
    "moved to Undeliverable": _N(CTX, "moved to Undeliverable {n}"),
    "failed": _N(CTX, "failed {n}"),
    "bounced": _N(CTX, "emails marked failed by a non-delivery report {n}"),
}

IdAndKey = tuple[str, str | None]  # an item id and its change key

_mailbox_locks: dict[int, threading.Lock] = {}
_mailbox_locks_guard = threading.Lock()


def sync_incoming(mailbox: Mailbox) -> WorkloadRun:
    """One incoming cycle of *mailbox*. ``run.created`` counts emails stored, ``run.updated``
    emails already in the store (from another mailbox) linked to this one too. With incoming
    sync not enabled (or not server-side sync) nothing happens and no history is written."""
    mailbox = Mailbox.get_by_id(mailbox.id)
    if not mailbox.incoming_enabled or mailbox.incoming_method is not SyncMethod.SERVER_SIDE:
        return WorkloadRun(mailbox, Workload.INCOMING, None, None, notes=["incoming email is not enabled"])
    with _mailbox_lock(mailbox.id):  # two cycles of one mailbox would only fetch everything twice
        return run_workload(mailbox, Workload.INCOMING, lambda run: IncomingEmailSync(run).sync())


def _mailbox_lock(mailbox_id: int) -> threading.Lock:
    with _mailbox_locks_guard:
        return _mailbox_locks.setdefault(mailbox_id, threading.Lock())


# --- one cycle ----------------------------------------------------------------------------------


@dataclass
class FailedMessage:
    """A message that could not be processed."""

    item_id: str
    change_key: str | None
    error: str  # an EWS response code or an exception name
    text: str
    subject: str = ""
    sender: str = ""
    message_id: str = ""
    received: datetime | None = None
    email_id: int | None = None  # the stored email when it was already in the store
    stored: bool = False  # Exchange returned it, storing it failed (error: the exception's name)

    def describe(self) -> str:
        lines = [
            f"Subject: {self.subject}" if self.subject else "",
            f"From: {self.sender}" if self.sender else "",
            f"Received: {self.received:%Y-%m-%d %H:%M:%S} UTC" if self.received else "",
            f"Message-ID: {self.message_id}" if self.message_id else "",
            f"Item id: {self.item_id}",
            f"{self.error}: {self.text}",
        ]
        return "\n".join(line for line in lines if line)


class IncomingEmailSync:
    """The body of one incoming cycle (see the module's description)."""

    def __init__(self, run: WorkloadRun, *, page_size: int = PAGE_SIZE, batch_size: int = FETCH_BATCH) -> None:
        assert run.connection is not None, "run_workload opens the connection"
        self.run = run
        self.inbox = Inbox(run.connection)
        self.mailbox = run.mailbox
        profile = self.mailbox.profile
        assert profile is not None, "run_workload needs a profile to connect"
        self.process_from: datetime | None = profile.process_email_from
        self.move_failed: bool = profile.move_failed_to_undeliverable
        self.workers = max(1, profile.max_connections)
        self.page_size, self.batch_size = page_size, batch_size
        self.option = tracking_option_for(self.mailbox)
        self.token_prefix = system_settings().tracking_token_prefix
        self.lookup = StoreTrackingLookup()
        self.counts: Counter[str] = Counter()
        self.problems = ItemProblems(self.mailbox.id, ItemKind.EMAIL)  # item monitoring

    # the cycle -----------------------------------------------------------------------------
    def sync(self) -> None:
        try:
            with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix=f"incoming-{self.mailbox.id}") as pool:
                retried = self.problems.retry_item_ids(ItemDirection.INCOMING)
                if retried:  # the admin's Retry: fetched and processed again, whatever the sync state says
                    self._store_page(self._page_fetch([(item_id, None) for item_id in retried], Counter(), pool, None))
                arrivals = notified_arrivals()
                if arrivals:  # new mail Exchange notified (app.sync.notifications): fetched as it is
                    self._store_page(self._page_fetch([(item_id, None) for item_id in arrivals], Counter(), pool, None))
                if reads_folder(INBOX):
                    self._sync_pages(pool)
                else:  # notifications said nothing else came in: the sync state waits for the next read
                    self._summarize()
        finally:
            self.problems.save()

    def _sync_pages(self, pool: ThreadPoolExecutor) -> None:
        """The first page is read here (its answer is this thread's: run_workload learns from it
        that the logon worked); the next ones, and every page's GetItem requests, by a thread of
        their own, up to READ_AHEAD pages ahead of this one, which stores them in order: the
        profile's connections keep fetching while a page is stored. Each page's sync state is
        saved once its rows are."""
        first = self._sync_page(load_sync_state(self.mailbox))
        pages = ReadAhead(
            lambda put: self._read_pages(first, pool, put),
            depth=READ_AHEAD,
            name=f"incoming-{self.mailbox.id}-pages",
            discard=_cancel,
        )
        with closing(pages):
            for page in pages:
                self._store_page(page)
        self._summarize()

    def _sync_page(self, state: str | None, restarted: bool = False) -> tuple[InboxPage, str | None, bool]:
        """SyncFolderItems after *state*: (the page, the state it was read from, whether the Inbox
        is being read again from the start)."""
        try:
            return self.inbox.sync_page(state, self.page_size), state, restarted
        except SyncStateInvalid:
            if state is None or restarted:
                raise
        # Exchange no longer knows the state: read the Inbox again (what is stored stays stored)
        log.warning("sync state of %s's Inbox was refused; reading the Inbox from the start", self.mailbox.email)
        self.run.note([CTX, _N(CTX, "sync state was refused: read the Inbox from the start"), {}])
        return self.inbox.sync_page(None, self.page_size), None, True

    def _read_pages(
        self, first: tuple[InboxPage, str | None, bool], pool: ThreadPoolExecutor, put: Callable[[PageFetch], bool]
    ) -> None:
        """The reading thread: from the *first* page on, each page's GetItem batches submitted to
        *pool*, the page handed on with ``put``, the next page read (SyncFolderItems)."""
        page, state, restarted = first
        try:
            with self.run.gated():
                while True:
                    wanted, counts = self._wanted(page.created)
                    new_state = page.sync_state
                    saved = new_state if new_state and new_state != state else None
                    if not put(self._page_fetch(wanted, counts, pool, saved)):
                        return
                    if page.complete or not new_state or new_state == state:
                        return
                    page, state, restarted = self._sync_page(new_state, restarted)
        finally:
            database.close()  # peewee connections are per thread: this thread's ends with it

    def _wanted(self, created: list[NewMessage | None]) -> tuple[list[IdAndKey], Counter[str]]:
        """The messages created in the Inbox (app.exchange's NewMessage; None: not a message) that
        are to be fetched, and the counts of those that are not."""
        counts: Counter[str] = Counter()
        wanted: list[IdAndKey] = []
        for new in created:
            if new is None:
                counts["other items"] += 1
                continue
            if self._too_old(new.received):
                counts["before process-from"] += 1
                continue
            wanted.append((new.item_id, new.change_key))
        return wanted, counts

    def _page_fetch(
        self, wanted: list[IdAndKey], counts: Counter[str], pool: ThreadPoolExecutor, new_state: str | None
    ) -> PageFetch:
        """*wanted* less the items already linked to this mailbox, their GetItem batches submitted
        to *pool* (each request inside the profile's connection gate)."""
        linked = linked_item_ids(self.mailbox.id, [item_id for item_id, _ in wanted])
        counts["already linked"] += sum(1 for item_id, _ in wanted if item_id in linked)
        wanted = [w for w in wanted if w[0] not in linked]
        batches = [wanted[i : i + self.batch_size] for i in range(0, len(wanted), self.batch_size)]
        fetches = [(batch, pool.submit(self._get_items_gated, batch)) for batch in batches]
        return PageFetch(counts, linked, fetches, new_state)

    def _store_page(self, page: PageFetch) -> None:
        """Store a page's batches in order, then save the sync state after it."""
        self.counts.update(page.counts)
        self.problems.synced(*(item_key(item_id) for item_id in page.linked))
        failed: list[FailedMessage] = []
        try:
            for batch, future in page.fetches:
                failed += self._store_batch(batch, future.result())
        finally:
            _cancel(page)  # after a failure: the batches not started yet are not fetched for nothing
        failed_ids = {f.item_id for f in failed}
        self.problems.synced(
            *(item_key(item_id) for batch, _ in page.fetches for item_id, _ in batch if item_id not in failed_ids)
        )
        if failed:
            self._handle_failures(failed)
        if page.new_state is not None:
            save_sync_state(self.mailbox, page.new_state)  # after the page's rows are committed

    def _too_old(self, received: datetime | None) -> bool:
        """Received before the profile's "process email from" (which is itself processed)."""
        return received is not None and self.process_from is not None and received < self.process_from

    # fetching ------------------------------------------------------------------------------
    def _get_items_gated(self, batch: list[IdAndKey]) -> list[IncomingEmail | ItemError]:
        with self.run.gated():
            return self._get_items(batch)

    def _get_items(self, batch: list[IdAndKey]) -> list[IncomingEmail | ItemError]:
        return self.inbox.fetch_emails(batch, self.batch_size)

    # storing -------------------------------------------------------------------------------
    def _store_batch(self, batch: list[IdAndKey], results: list[IncomingEmail | ItemError]) -> list[FailedMessage]:
        """Store one GetItem batch in one transaction; returns what could not be processed."""
        if len(results) != len(batch):  # never seen; would break the pairing of ids and results
            raise RuntimeError(f"GetItem returned {len(results)} answers for {len(batch)} items")
        failed: list[FailedMessage] = []
        messages: list[IncomingEmail] = []
        for (item_id, change_key), item in zip(batch, results, strict=True):
            if not isinstance(item, ItemError):
                messages.append(item)
            elif item.item_gone:  # deleted or moved since the sync: gone, not broken
                self.counts["gone"] += 1
            else:
                failed.append(FailedMessage(item_id, change_key, item.code, item.text))
        # IMMEDIATE: other writers wait, so no other cycle stores one of these Message-IDs meanwhile;
        # on a shared PostgreSQL database, writers run together: the Message-IDs are locked instead
        with database.atomic("IMMEDIATE"):
            message_ids = {
                item.item_id: item.message_id or _substitute_message_id(self.mailbox, item.item_id) for item in messages
            }
            backends.lock_message_ids(database.obj, message_ids.values())
            stored = stored_emails(self.mailbox.id, set(message_ids.values()))
            self._mark_bounced([item for item in messages if item.is_non_delivery_report])
            try:
                with database.atomic():  # a savepoint: if the batch insert fails, go one by one
                    self._store_bulk(messages, message_ids, stored)
                return failed
            except Exception as exc:  # noqa: BLE001 - the slow path below finds the culprit
                log.info(
                    "storing %d emails of %s at once failed (%s); storing them one by one",
                    len(messages),
                    self.mailbox.email,
                    exc,
                )
            for item in messages:
                try:
                    with database.atomic():  # a savepoint: one broken message spoils nothing else
                        self._store_message(item, message_ids[item.item_id], stored)
                except Exception as exc:
                    log.warning(
                        "incoming email %s of %s could not be stored: %s",
                        item.item_id,
                        self.mailbox.email,
                        exc,
                        exc_info=True,
                    )
                    failed.append(_failed_item(item, exc))
        return failed

    def _store_bulk(
        self, messages: list[IncomingEmail], message_ids: dict[str, str], stored: dict[str, tuple[int, bool]]
    ) -> None:
        """The batch as two multi-row inserts (emails, links) — same decisions as _store_message,
        with emails of this batch counting as tracked for the replies that follow them. Counters
        and *stored* change only once the inserts succeeded."""
        lookup = _PendingLookup(self.lookup)
        pending = dict(stored)
        counts: Counter[str] = Counter()
        rows: list[dict[str, Any]] = []
        new_items: list[tuple[IncomingEmail, TrackedBy]] = []
        relinks: list[tuple[int, IncomingEmail, TrackedBy]] = []
        for item in messages:
            message_id = message_ids[item.item_id]
            if self._too_old(item.received):
                counts["before process-from"] += 1
                continue
            found = pending.get(message_id)
            if found is None:
                decision = decide(_facts(item), self.option, lookup, token_prefix=self.token_prefix)
                if not decision.tracked:
                    counts["not tracked"] += 1
                    continue
                rows.append(self._email_values(item, message_id, decision.token))
                new_items.append((item, _tracked_by(decision.reason)))
                lookup.add(message_id, item.conversation_id)
                pending[message_id] = (0, True)
                counts["stored"] += 1
            elif found[1]:
                counts["already linked"] += 1
            else:
                relinks.append((found[0], item, TrackedBy.MESSAGE_ID))
                pending[message_id] = (found[0], True)
                counts["linked"] += 1
        new_ids: dict[str, int] = {}
        if rows:
            insert_rows(EmailActivity, rows)
            inserted = stored_emails(self.mailbox.id, [row["message_id"] for row in rows])
            new_ids = {message_id: email_id for message_id, (email_id, _linked) in inserted.items()}
        links = [(new_ids[message_ids[item.item_id]], item, why) for item, why in new_items] + relinks
        _store_attachments([(new_ids[message_ids[item.item_id]], item) for item, _why in new_items])
        if links:
            linked_on = utcnow()
            insert_rows(
                EmailMailboxLink,
                [
                    dict(
                        email=email_id,
                        mailbox=self.mailbox.id,
                        item_id=item.item_id,
                        change_key=item.change_key,
                        folder=INBOX,
                        linked_on=linked_on,
                        tracked_by=why,
                    )
                    for email_id, item, why in links
                ],
            )
        for message_id, (email_id, linked) in pending.items():
            stored[message_id] = (new_ids.get(message_id, email_id), linked)
        self.counts.update(counts)
        self.run.created += counts["stored"]
        self.run.updated += counts["linked"]

    def _store_message(self, item: IncomingEmail, message_id: str, stored: dict[str, tuple[int, bool]]) -> None:
        if self._too_old(item.received):  # its time was not known at the sync already
            self.counts["before process-from"] += 1
            return
        found = stored.get(message_id)
        if found is None:
            decision = decide(_facts(item), self.option, self.lookup, token_prefix=self.token_prefix)
            if not decision.tracked:
                self.counts["not tracked"] += 1
                return
            email = EmailActivity.create(**self._email_values(item, message_id, decision.token))
            _store_attachments([(email.id, item)])
            self._link(email.id, item, _tracked_by(decision.reason))
            stored[message_id] = (email.id, True)  # a second copy in this Inbox is the same email
            self.run.created += 1
            self.counts["stored"] += 1
            return
        email_id, linked = found
        if linked:
            self.counts["already linked"] += 1
            return
        self._link(email_id, item, TrackedBy.MESSAGE_ID)
        stored[message_id] = (email_id, True)
        self.run.updated += 1
        self.counts["linked"] += 1

    def _link(self, email_id: int, item: IncomingEmail, why: TrackedBy) -> None:
        EmailMailboxLink.create(
            email=email_id,
            mailbox=self.mailbox.id,
            item_id=item.item_id,
            change_key=item.change_key,
            folder=INBOX,
            tracked_by=why,
        )

    def _email_values(self, item: IncomingEmail, message_id: str, token: str | None) -> dict[str, Any]:
        return dict(
            message_id=message_id,
            conversation_id=item.conversation_id,
            in_reply_to=item.in_reply_to or None,
            references=item.references,
            subject=item.subject,
            body=item.body,
            body_is_html=item.body_is_html,
            sender=item.sender,
            to_recipients=item.to_recipients,
            cc_recipients=item.cc_recipients,
            direction=EmailDirection.INCOMING,
            status=EmailStatus.RECEIVED,
            owner_user=self.mailbox.owner_user_id,
            owner_queue=self.mailbox.owner_queue_id,
            tracking_token=token,
            received_on=item.received,
            sent_on=item.sent,
            item_class=item.item_class[:255],
        )

    def _mark_bounced(self, reports: list[IncomingEmail]) -> None:
        """Non-delivery reports: the outgoing emails they report on are Failed."""
        for report in reports:
            reported = {m for m in [report.in_reply_to or "", *report.references.split()] if m}
            if not reported:
                log.info("non-delivery report %s names no Message-ID: nothing to mark", report.item_id)
                continue
            marked = (
                EmailActivity.update(status=EmailStatus.FAILED, modified_on=utcnow())
                .where(
                    EmailActivity.message_id.in_(list(reported))
                    & (EmailActivity.direction == EmailDirection.OUTGOING)
                    & (EmailActivity.status != EmailStatus.FAILED)
                )
                .execute()
            )
            if marked:
                log.info("non-delivery report %s: %d email(s) marked Failed", report.item_id, marked)
                self.counts["bounced"] += marked

    # failures ------------------------------------------------------------------------------
    def _handle_failures(self, failed: list[FailedMessage]) -> None:
        moved: set[str] = set()
        move_error = ""
        if self.move_failed:
            try:
                moved = self._move_to_undeliverable(failed)
            except Exception as exc:  # noqa: BLE001 - the messages stay and are reported instead
                move_error = f"{type(exc).__name__}: {exc}"
                log.warning(
                    "could not move failed emails of %s to %s: %s", self.mailbox.email, UNDELIVERABLE, move_error
                )
        self.counts["moved to Undeliverable"] += len(moved)
        for failure in failed:
            if failure.item_id in moved:
                continue
            self.counts["failed"] += 1
            self._alert(failure, move_error if self.move_failed else None)
            code, text = failure.error, failure.text
            if failure.stored:  # the exception's name and words: the store's problem, not Exchange's
                code, text = STORE_FAILED, f"{failure.error}: {failure.text}"
            self.problems.failed(
                ItemDirection.INCOMING,
                code,
                text,
                subject=failure.subject or failure.sender,
                record_id=None,
                item_id=failure.item_id,
            )

    def _move_to_undeliverable(self, failed: list[FailedMessage]) -> set[str]:
        """Move the failed messages; returns the item ids that were moved."""
        errors = self.inbox.move_to_undeliverable([(f.item_id, f.change_key) for f in failed])
        moved = set()
        for failure, error in zip(failed, errors, strict=True):  # one answer per message
            if error is not None:
                failure.text += f" (and it could not be moved: {error.code}: {error.text})"
            else:
                moved.add(failure.item_id)
        return moved

    def _alert(self, failure: FailedMessage, move_error: str | None) -> None:
        if move_error is None:
            message = _N(CTX, "An incoming email could not be processed. It was left in the Inbox.")
        else:
            message = _N(
                CTX,
                "An incoming email could not be processed, nor moved to the Undeliverable folder. "
                "It was left in the Inbox.",
            )
        details = failure.describe() + (f"\nMove to {UNDELIVERABLE}: {move_error}" if move_error else "")
        raise_alert(
            AlertLevel.ERROR,
            AlertScope.EMAIL,
            NOT_PROCESSED_CODE,
            message,
            mailbox=self.mailbox,
            email=failure.email_id,
            workload=Workload.INCOMING,
            details=details,
            context=CTX,
            next_step=_N(
                CTX,
                "Look at the email in Outlook or Outlook Web App. To have such emails moved out "
                "of the Inbox automatically, set “Move failed emails to Undeliverable folder” in "
                "the email server profile.",
            ),
        )

    def _summarize(self) -> None:
        parts: list[list[Any]] = []
        for name, n in self.counts.items():
            if n:
                text = COUNT_TEXTS.get(name, name + " {n}")  # every count has its text; never fail on one
                parts += ([[CTX, ", ", {}]] if parts else []) + [[CTX, text, {"n": n}]]
        if parts:
            self.run.note(*parts)


# --- helpers ------------------------------------------------------------------------------------


@dataclass
class PageFetch:
    """One page of Inbox changes on its way to the store: its GetItem batches (requests started),
    the items already linked to this mailbox and the counts of what needs no fetching, and the sync
    state to save once it is stored (None: nothing new to save, or no page: the admin's Retry)."""

    counts: Counter[str]
    linked: set[str]
    fetches: list[tuple[list[IdAndKey], Future[list[IncomingEmail | ItemError]]]]
    new_state: str | None


def _cancel(page: PageFetch) -> None:
    for _, future in page.fetches:
        future.cancel()


def _facts(item: IncomingEmail) -> IncomingMessage:
    """What the tracking decision looks at."""
    return IncomingMessage(
        subject=item.subject,
        sender=item.sender,
        in_reply_to=item.in_reply_to or "",
        references=item.references,
        conversation_id=item.conversation_id or "",
    )


def _tracked_by(reason: TrackingReason | None) -> TrackedBy:
    """What the Records page says of a copy stored by this decision."""
    return TrackedBy(reason.value) if reason is not None else TrackedBy.UNKNOWN


def _store_attachments(emails: list[tuple[int, IncomingEmail]]) -> None:
    """The attachments' metadata of newly stored emails (content: fetched when asked for)."""
    rows = [
        dict(
            email=email_id,
            attachment_id=a.attachment_id,
            name=a.name[:255],
            content_type=a.content_type[:255],
            size=a.size,
            content_id=(a.content_id or None) and a.content_id[:255],
            is_inline=a.is_inline,
            is_item=a.is_item,
        )
        for email_id, item in emails
        for a in item.attachments
    ]
    if rows:
        insert_rows(EmailAttachment, rows)


def _substitute_message_id(mailbox: Mailbox, item_id: str) -> str:
    """A message without an Internet Message-ID (rare: e.g. a draft dropped into the Inbox) gets
    one of ours, stable for this item, so that processing it again does not store it twice."""
    digest = hashlib.sha256(f"{mailbox.email}\x00{item_id}".encode()).hexdigest()[:32]
    domain = mailbox.email.rsplit("@", 1)[-1]
    return f"<sssm.noid.{digest}@{domain}>"


def _failed_item(item: IncomingEmail, exc: Exception) -> FailedMessage:
    message_id = item.message_id
    existing = EmailActivity.get_or_none(EmailActivity.message_id == message_id) if message_id else None
    return FailedMessage(
        item.item_id,
        item.change_key,
        type(exc).__name__,
        str(exc),
        subject=item.subject,
        sender=item.sender,
        message_id=message_id,
        received=item.received,
        email_id=existing.id if existing is not None else None,
        stored=True,
    )
