"""Item monitoring's entries (app.store.models_monitoring.ItemFailure): recorded by the engine
where it decides that one item cannot be stored or pushed, cleared when the item synchronizes,
retried or ignored by the admin, pruned after the retention setting's days.

An entry is one item of one mailbox (``item_key``: the store record, or the Exchange item when
the store has none). A failure again counts one more attempt and keeps the latest error. Retry
asks the next cycle to try the item again (an outgoing email goes back to Pending send);
Ignore hides the entry and the engine leaves the item alone until it is retried.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.enums import EmailStatus, ItemDirection, ItemKind, Workload
from app.store.base import database, utcnow
from app.store.models import EmailActivity, ItemFailure, Mailbox
from app.store.repo import system_settings

PRUNE_BATCH = 5_000
LIST_LIMIT = 5_000  # the most entries the list shows (newest first)
_WORKLOAD = {
    ItemKind.EMAIL: None,  # by direction: incoming or outgoing email
    ItemKind.APPOINTMENT: Workload.ACT,
    ItemKind.CONTACT: Workload.ACT,
    ItemKind.TASK: Workload.ACT,
}


def record_key(record_id: int) -> str:
    return f"record:{record_id}"


def item_key(item_id: str) -> str:
    return f"item:{item_id}"


@dataclass(frozen=True)
class ItemProblem:
    """One item the engine could not store or push."""

    kind: ItemKind
    direction: ItemDirection
    error_code: str
    error_text: str
    subject: str = ""
    record_id: int | None = None
    item_id: str | None = None

    @property
    def key(self) -> str:
        if self.record_id is not None:
            return record_key(self.record_id)
        assert self.item_id is not None, "an item failure names a record or an Exchange item"
        return item_key(self.item_id)


@dataclass(frozen=True)
class ItemFailureRow:
    id: int
    mailbox_id: int
    mailbox_name: str
    mailbox_email: str
    kind: ItemKind
    direction: ItemDirection
    subject: str
    error_code: str
    error_text: str
    first_failed_on: datetime
    last_failed_on: datetime
    attempts: int
    retry_requested: bool
    ignored: bool

    @property
    def workload(self) -> Workload:
        workload = _WORKLOAD[self.kind]
        if workload is not None:
            return workload
        return Workload.INCOMING if self.direction is ItemDirection.INCOMING else Workload.OUTGOING


def record_item_failures(mailbox_id: int, problems: Sequence[ItemProblem]) -> None:
    """Record (or count again) each problem; an ignored entry stays ignored, a retry is spent."""
    if not problems:
        return
    now = utcnow()
    with database.atomic():
        for problem in problems:
            ItemFailure.insert(
                mailbox=mailbox_id,
                kind=problem.kind,
                direction=problem.direction,
                item_key=problem.key,
                record_id=problem.record_id,
                item_id=problem.item_id,
                subject=problem.subject,
                error_code=problem.error_code[:64],
                error_text=problem.error_text,
                first_failed_on=now,
                last_failed_on=now,
                attempts=1,
                retry_requested=False,
            ).on_conflict(
                conflict_target=[ItemFailure.mailbox, ItemFailure.kind, ItemFailure.item_key],
                update={
                    ItemFailure.attempts: ItemFailure.attempts + 1,
                    ItemFailure.last_failed_on: now,
                    ItemFailure.error_code: problem.error_code[:64],
                    ItemFailure.error_text: problem.error_text,
                    ItemFailure.direction: problem.direction,
                    ItemFailure.retry_requested: False,
                    ItemFailure.item_id: problem.item_id or ItemFailure.item_id,
                    ItemFailure.subject: problem.subject or ItemFailure.subject,
                },
            ).execute()


def failures_of(mailbox_id: int, kinds: Iterable[ItemKind]) -> dict[str, ItemFailure]:
    """The mailbox's entries of these kinds, by item key (the engine reads them once a cycle)."""
    query = ItemFailure.select().where((ItemFailure.mailbox == mailbox_id) & ItemFailure.kind.in_(list(kinds)))
    return {failure.item_key: failure for failure in query}


def clear(mailbox_id: int, kind: ItemKind, keys: Iterable[str]) -> int:
    """The items synchronized: their entries go."""
    keys = list(keys)
    if not keys:
        return 0
    deleted = 0
    with database.atomic():
        for start in range(0, len(keys), 500):
            deleted += int(
                ItemFailure.delete()
                .where(
                    (ItemFailure.mailbox == mailbox_id)
                    & (ItemFailure.kind == kind)
                    & ItemFailure.item_key.in_(keys[start : start + 500])
                )
                .execute()
            )
    return deleted


def retry(failure_ids: Iterable[int]) -> list[int]:
    """Ask the next cycles to try these items again (ignored ones too: retrying takes the ignore
    back); an outgoing email that failed goes back to Pending send. Returns the mailboxes whose
    cycles should run now."""
    ids = list(failure_ids)
    with database.atomic("IMMEDIATE"):
        rows = list(ItemFailure.select().where(ItemFailure.id.in_(ids)))
        ItemFailure.update(retry_requested=True, ignored_on=None).where(ItemFailure.id.in_(ids)).execute()
        emails = [
            r.record_id
            for r in rows
            if r.kind is ItemKind.EMAIL and r.direction is ItemDirection.OUTGOING and r.record_id is not None
        ]
        if emails:
            EmailActivity.update(status=EmailStatus.PENDING_SEND, modified_on=utcnow()).where(
                EmailActivity.id.in_(emails) & (EmailActivity.status == EmailStatus.FAILED)
            ).execute()
    return sorted({r.mailbox_id for r in rows})


def ignore(failure_ids: Iterable[int]) -> int:
    """Hide these entries; the engine stops trying their items until they are retried."""
    ids = list(failure_ids)
    with database.atomic("IMMEDIATE"):
        return int(
            ItemFailure.update(ignored_on=utcnow(), retry_requested=False).where(ItemFailure.id.in_(ids)).execute()
        )


def ignored_keys(mailbox_id: int, kind: ItemKind) -> set[str]:
    query = ItemFailure.select(ItemFailure.item_key).where(
        (ItemFailure.mailbox == mailbox_id) & (ItemFailure.kind == kind) & ItemFailure.ignored_on.is_null(False)
    )
    return {row.item_key for row in query}


def failure_rows(*, include_ignored: bool = False, limit: int = LIST_LIMIT) -> list[ItemFailureRow]:
    """The entries for the list, newest failure first."""
    query = (
        ItemFailure.select(ItemFailure, Mailbox.name, Mailbox.email)
        .join(Mailbox)
        .order_by(ItemFailure.last_failed_on.desc(), ItemFailure.id.desc())
        .limit(limit)
    )
    if not include_ignored:
        query = query.where(ItemFailure.ignored_on.is_null())
    return [
        ItemFailureRow(
            f.id,
            f.mailbox_id,
            f.mailbox.name,
            f.mailbox.email,
            f.kind,
            f.direction,
            f.subject,
            f.error_code,
            f.error_text,
            f.first_failed_on,
            f.last_failed_on,
            f.attempts,
            f.retry_requested,
            f.ignored_on is not None,
        )
        for f in query
    ]


def prune(now: datetime, *, batch: int = PRUNE_BATCH) -> int:
    """Delete the entries whose last failure is older than the retention setting."""
    cutoff = now - timedelta(days=system_settings().item_failure_retention_days)
    deleted = 0
    while True:
        with database.atomic("IMMEDIATE"):
            ids = ItemFailure.select(ItemFailure.id).where(ItemFailure.last_failed_on < cutoff).limit(batch)
            count = int(ItemFailure.delete().where(ItemFailure.id.in_(ids)).execute())
        deleted += count
        if count < batch:
            return deleted
