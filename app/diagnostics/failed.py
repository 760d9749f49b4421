"""Which mailboxes "re-test the failed ones" takes: those whose last Test & Enable failed
(docs/product-rules.md §2: the mailbox status, or the status of any of its workloads, is Failure).

Light on purpose (the store only): the window asks on its own thread before a bulk test starts.
"""

from __future__ import annotations

from app.domain.enums import RunStatus
from app.store.models import Mailbox, Queue, SystemUser


def failed_mailbox_ids() -> list[int]:
    """Every active mailbox whose last test failed, in id order. An inactive mailbox, or one whose
    owner is inactive, is left out: it is not synchronized (schema 7), so enabling it is not asked."""
    failed = RunStatus.FAILURE
    last_test_failed = (
        (Mailbox.mailbox_status == failed)
        | (Mailbox.incoming_status == failed)
        | (Mailbox.outgoing_status == failed)
        | (Mailbox.act_status == failed)
    )
    # as app.sync.scheduler.active_mailboxes, which this module does not import (it pulls in exchangelib)
    active_users = SystemUser.select(SystemUser.id).where(SystemUser.is_active == True)  # noqa: E712 - peewee expression
    active_queues = Queue.select(Queue.id).where(Queue.is_active == True)  # noqa: E712 - peewee expression
    active = (
        (Mailbox.is_active == True)  # noqa: E712 - peewee expression
        & (Mailbox.owner_user.is_null() | Mailbox.owner_user.in_(active_users))
        & (Mailbox.owner_queue.is_null() | Mailbox.owner_queue.in_(active_queues))
    )
    return [m.id for m in Mailbox.select(Mailbox.id).where(last_test_failed & active).order_by(Mailbox.id)]
