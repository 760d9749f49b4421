"""An email written in the app (the compose window): queued as Pending send from the chosen
mailbox, then sent at once by that mailbox's outgoing cycle (app.sync.run_now), or by the next one.

A reply carries In-Reply-To and References (queue_email adds the answered email's References), so
it correlates with the email it answers, and keeps that email's tracking token when it is tracked.
No Qt: the window calls ``send_composed`` in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.cancel import CancelToken
from app.domain.enums import Workload
from app.domain.records import ComposeValues, split_addresses, validate_compose
from app.domain.validation import ensure_valid
from app.store.models import EmailActivity, Mailbox, Queue, SystemUser
from app.sync.outgoing import queue_email, retry_email
from app.sync.run_now import run_workload_now
from app.sync.scheduler import CycleResult


def queue_composed(values: ComposeValues) -> int:
    """The email as Pending send, from the chosen mailbox on behalf of its owner; its id. Raises
    ValidationError when a field is not valid (nothing queued)."""
    ensure_valid(validate_compose(values))
    assert values.mailbox_id is not None  # validated
    mailbox = Mailbox.get_by_id(values.mailbox_id)
    owner_user = SystemUser.get_by_id(mailbox.owner_user_id) if mailbox.owner_user_id is not None else None
    owner_queue = Queue.get_by_id(mailbox.owner_queue_id) if mailbox.owner_queue_id is not None else None
    token = None
    if values.tracked and values.in_reply_to:  # an answer goes on with the token of what it answers
        parent = EmailActivity.get_or_none(EmailActivity.message_id == values.in_reply_to)
        token = parent.tracking_token if parent is not None else None
    email = queue_email(
        owner_user,
        split_addresses(values.to),
        values.subject,
        values.body,
        cc=split_addresses(values.cc),
        in_reply_to=values.in_reply_to or None,
        owner_queue=owner_queue,
        tracking_token=token,
        tracked=values.tracked,
        mailbox=mailbox,
    )
    return email.id


def send_composed(
    values: ComposeValues,
    *,
    progress: Callable[..., None] | None = None,
    cancel: CancelToken | None = None,
) -> tuple[int, CycleResult | None]:
    """Queue the email, tell *progress* its id, and send it now: (its id, the outgoing cycle's result,
    None when the mailbox may not send yet)."""
    email_id = queue_composed(values)
    if progress is not None:
        progress(email_id)
    assert values.mailbox_id is not None
    return email_id, run_workload_now(values.mailbox_id, Workload.OUTGOING, cancel=cancel)


def retry_and_send(
    email_id: int,
    mailbox_id: int,
    *,
    progress: Callable[..., None] | None = None,
    cancel: CancelToken | None = None,
) -> tuple[int, CycleResult | None]:
    """A Failed email back to Pending send, then sent now (Retry)."""
    retry_email(email_id)
    if progress is not None:
        progress(email_id)
    return email_id, run_workload_now(mailbox_id, Workload.OUTGOING, cancel=cancel)


def sync_records_now(
    mailbox_id: int, *, progress: Callable[..., None] | None = None, cancel: CancelToken | None = None
) -> CycleResult | None:
    """The mailbox's appointments, contacts and tasks cycle, now (Save and sync now)."""
    del progress
    return run_workload_now(mailbox_id, Workload.ACT, cancel=cancel)
