"""Outgoing email (docs/product-rules.md §5): store emails in Pending send go out through their
owner's mailbox.

``queue_email`` creates an outgoing EmailActivity in Pending send with its Message-ID fixed at
creation (and, for a tracked email, its tracking token: it goes out at the end of the subject).
``sync_outgoing(mailbox)`` sends the mailbox's pending emails with SendAndSaveCopy
(saved to Sent Items), marks them Sent and links them to the mailbox.

Never sent twice: before each try the row is marked Sending (and ``send_attempts`` counted) in a
committed transaction. A row found in Sending means an earlier try may have reached Exchange (a
crash, a timeout), so its Message-ID is first looked up in Sent Items: found → marked Sent without
sending. The Message-ID travels on the item (InternetMessageId), so the lookup is exact.

Failures: a permanent problem of one email (Exchange refuses its recipients, it is too large)
marks that email Failed, with Exchange's reason on it and an email-scope alert, and the others
still go. Exchange refusing to send as the mailbox (ErrorSendAsDenied) marks the email being sent
Failed the same way, then ends the cycle as the mailbox's failure (the others wait for the mailbox
to be fixed). Anything else ends the cycle and is escalated by ``run_workload`` (a transient
failure leaves the email for the next cycle). A Failed email goes again only when someone retries
it (``retry_email``): it was refused, not sent, so that is not a second send. One cycle per
mailbox runs at a time in this process. The requests are app.exchange.outgoing_email's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from datetime import timedelta

from peewee import fn

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
from app.domain.tracking import make_tracking_token, subject_with_token
from app.exchange.folders import new_message_id
from app.exchange.outgoing_email import (
    EmailRefused,
    OutgoingEmail,
    SendDenied,
    SentEmail,
    ServerBusy,
    find_sent_email,
    send_email,
)
from app.store import backends
from app.store.alerts import raise_alert
from app.store.base import database, utcnow
from app.store.item_failures import record_key
from app.store.models import EmailActivity, EmailMailboxLink, Mailbox, Queue, SystemUser
from app.store.repo import system_settings
from app.sync.item_problems import ItemProblems
from app.sync.session import WorkloadRun, run_workload

log = logging.getLogger(__name__)

CTX = "Outgoing"
SENT_FOLDER = "sentitems"
# What the admin reads when Exchange refused one email (app.exchange.outgoing_email.EmailRefused),
# by its response code; other codes get _DEFAULT_TEXT.
_PER_EMAIL_TEXT = {
    "ErrorInvalidRecipients": (
        _N(CTX, "An email could not be sent: Exchange refused its recipients."),
        _N(CTX, "Correct the email's To and Cc addresses and send it again."),
    ),
    "ErrorMessageSizeExceeded": (
        _N(CTX, "An email could not be sent: it is larger than Exchange allows."),
        _N(CTX, "Make the email smaller (fewer or smaller attachments) and send it again."),
    ),
    "ErrorSendAsDenied": (
        _N(CTX, "An email could not be sent: Exchange does not let the account send as this mailbox."),
        _N(CTX, "Give the account Send As permission on the mailbox in Exchange, then retry the email."),
    ),
}
_DEFAULT_TEXT = (
    _N(CTX, "An email could not be sent: Exchange refused it."),
    _N(CTX, "Check the email's addresses and content, then send it again."),
)

_mailbox_locks: dict[int, threading.Lock] = {}
_mailbox_locks_guard = threading.Lock()


def _split(addresses: str | Iterable[str] | None) -> list[str]:
    if not addresses:
        return []
    if isinstance(addresses, str):
        addresses = addresses.replace(",", ";").split(";")
    return [a.strip() for a in addresses if a and a.strip()]


def owner_mailbox(owner_user: SystemUser | None = None, owner_queue: Queue | None = None) -> Mailbox | None:
    """The mailbox emails of this user (or queue) are sent from: the owner's first mailbox."""
    if owner_user is not None:
        where = Mailbox.owner_user == owner_user
    elif owner_queue is not None:
        where = Mailbox.owner_queue == owner_queue
    else:
        return None
    mailbox: Mailbox | None = Mailbox.select().where(where).order_by(Mailbox.id).first()
    return mailbox


def queue_email(
    owner_user: SystemUser | None,
    to: str | Iterable[str],
    subject: str,
    body: str,
    *,
    cc: str | Iterable[str] = (),
    in_reply_to: str | None = None,
    references: str | None = None,
    body_is_html: bool = False,
    owner_queue: Queue | None = None,
    tracking_token: str | None = None,
    conversation_id: str | None = None,
    tracked: bool = False,
    mailbox: Mailbox | None = None,
) -> EmailActivity:
    """A new outgoing email in Pending send; its Message-ID is fixed now, before any try.

    *to* and *cc* are an address or a list of addresses. When replying, *references* defaults to
    the replied-to email's References plus *in_reply_to* (RFC 5322). A *tracked* email gets a
    tracking token of its own (the system setting's prefix and the email's number) unless one is
    given; the token goes out in the subject, so that the answers are tracked by it. It is sent
    from *mailbox* (one of the owner's), by default the owner's first mailbox."""
    if (owner_user is None) == (owner_queue is None):
        raise ValueError("an outgoing email has exactly one owner: a user or a queue")
    mailbox = mailbox if mailbox is not None else owner_mailbox(owner_user, owner_queue)
    owner = owner_user if owner_user is not None else owner_queue
    assert owner is not None  # exactly one of them, checked above
    sender = mailbox.email if mailbox is not None else (owner.email or "")
    domain = sender.rsplit("@", 1)[1] if "@" in sender else "localhost"
    if in_reply_to and references is None:
        parent = EmailActivity.get_or_none(EmailActivity.message_id == in_reply_to)
        references = " ".join(filter(None, [parent.references if parent else "", in_reply_to]))
        conversation_id = conversation_id or (parent.conversation_id if parent else None)
    with database.atomic("IMMEDIATE"):  # a writer waits its turn (the search triggers read first)
        email: EmailActivity = EmailActivity.create(
            message_id=new_message_id(domain),
            subject=subject,
            body=body,
            body_is_html=body_is_html,
            sender=sender,
            to_recipients=";".join(_split(to)),
            cc_recipients=";".join(_split(cc)),
            in_reply_to=in_reply_to or None,
            references=references or "",
            conversation_id=conversation_id,
            direction=EmailDirection.OUTGOING,
            status=EmailStatus.PENDING_SEND,
            owner_user=owner_user,
            owner_queue=owner_queue,
            tracking_token=tracking_token,
        )
        if tracked and not tracking_token:
            email.tracking_token = make_tracking_token(system_settings().tracking_token_prefix, email.id)
            email.save()
    return email


def pending_for(mailbox: Mailbox) -> list[EmailActivity]:
    """Emails this mailbox has to send (Pending send) or to check (Sending), oldest first.

    Emails of the mailbox's owner whose sender is this mailbox (or not fixed yet)."""
    if mailbox.owner_user_id is not None:
        owned = EmailActivity.owner_user == mailbox.owner_user_id
    else:
        owned = EmailActivity.owner_queue == mailbox.owner_queue_id
    return list(
        EmailActivity.select()
        .where(
            owned
            & (EmailActivity.direction == EmailDirection.OUTGOING)
            & EmailActivity.status.in_([EmailStatus.PENDING_SEND, EmailStatus.SENDING])
            & ((EmailActivity.sender == "") | (fn.LOWER(EmailActivity.sender) == mailbox.email.lower()))
        )
        .order_by(EmailActivity.id)
    )


def _mailbox_lock(mailbox_id: int) -> threading.Lock:
    with _mailbox_locks_guard:
        return _mailbox_locks.setdefault(mailbox_id, threading.Lock())


def sync_outgoing(mailbox: Mailbox, *, after_send: Callable[[EmailActivity], None] | None = None) -> WorkloadRun:
    """One outgoing cycle of *mailbox*. ``run.created`` counts emails sent, ``run.updated`` emails
    found already sent (an earlier try reached Exchange). When outgoing sync is not enabled, or the
    mailbox's outgoing method is not server-side sync, nothing happens: the returned run has no
    connection and no history is written.

    *after_send* (tests): called after Exchange accepted an email, before the store records it."""
    mailbox = Mailbox.get_by_id(mailbox.id)
    if not mailbox.outgoing_enabled or mailbox.outgoing_method is not SyncMethod.SERVER_SIDE:
        return WorkloadRun(mailbox, Workload.OUTGOING, None, None, notes=["outgoing email is not enabled"])
    with _mailbox_lock(mailbox.id):  # a second cycle of the same mailbox could send a Sending row again
        return run_workload(
            mailbox, Workload.OUTGOING, lambda run: _send_pending(run, after_send), outgoing_connection=True
        )


def _send_pending(run: WorkloadRun, after_send: Callable[[EmailActivity], None] | None) -> None:
    problems = ItemProblems(run.mailbox.id, ItemKind.EMAIL)  # item monitoring: refused emails, and retried ones sent
    try:
        _send_each(run, after_send, problems)
    finally:
        problems.save()


def _send_each(run: WorkloadRun, after_send: Callable[[EmailActivity], None] | None, problems: ItemProblems) -> None:
    mailbox, connection = run.mailbox, run.connection
    assert connection is not None, "run_workload opens the connection"
    failed = held = 0
    for email in pending_for(mailbox):
        if email.status is EmailStatus.SENDING:
            found = find_sent_email(connection, email.message_id)  # the Sent Items copy, if any
            if found is not None:
                _mark_sent(email, mailbox, found)
                problems.synced(record_key(email.id))
                run.updated += 1
                log.info("outgoing email %s of %s was already sent; not sent again", email.id, mailbox.email)
                continue
            if not _claim_expired(email, mailbox):
                # claimed moments ago: another process (the window and `run` on one store) may be
                # sending it right now; retry only once that try is surely over
                held += 1
                continue
        if not _claim(email, mailbox):
            continue  # changed meanwhile (cancelled, or claimed by another process)
        if not _send_one(run, email, problems):
            failed += 1
            continue
        if after_send is not None:
            after_send(email)
        _mark_sent(email, mailbox, None)
        problems.synced(record_key(email.id))
        run.created += 1
    if run.created or run.updated or failed or held:
        run.note(
            [
                CTX,
                _N(
                    CTX,
                    "sent {sent}, already sent {already}, failed {failed}, held while another try "
                    "may be under way {held}",
                ),
                {"sent": run.created, "already": run.updated, "failed": failed, "held": held},
            ]
        )


def claim_lease(mailbox: Mailbox) -> timedelta:
    """How long a Sending claim protects an email from another sender: longer than any send can
    take (twice the profile's timeout, at least two minutes)."""
    timeout = mailbox.profile.timeout_seconds if mailbox.profile is not None else 60
    return timedelta(seconds=max(120, 2 * timeout))


def _claim_expired(email: EmailActivity, mailbox: Mailbox) -> bool:
    return email.modified_on is None or email.modified_on <= utcnow() - claim_lease(mailbox)


def _claim(email: EmailActivity, mailbox: Mailbox) -> bool:
    """Mark the email Sending and count the try, committed before the send; False when the row
    changed since it was read."""
    with database.atomic("IMMEDIATE"):
        changed = (
            EmailActivity.update(
                status=EmailStatus.SENDING,
                send_attempts=EmailActivity.send_attempts + 1,
                sender=mailbox.email,
                modified_on=utcnow(),
            )
            .where(
                (EmailActivity.id == email.id)
                & (EmailActivity.status == email.status)
                & (EmailActivity.send_attempts == email.send_attempts)
            )
            .execute()
        )
    if changed:
        email.status, email.send_attempts, email.sender = EmailStatus.SENDING, email.send_attempts + 1, mailbox.email
    return bool(changed)


def _send_one(run: WorkloadRun, email: EmailActivity, problems: ItemProblems) -> bool:
    """Send with SendAndSaveCopy; False when Exchange refused this email (marked Failed)."""
    assert run.connection is not None, "run_workload opens the connection"
    outgoing = OutgoingEmail(
        message_id=email.message_id,
        subject=subject_with_token(email.subject, email.tracking_token) if email.tracking_token else email.subject,
        body=email.body,
        body_is_html=email.body_is_html,
        to_recipients=_split(email.to_recipients),
        cc_recipients=_split(email.cc_recipients),
        in_reply_to=email.in_reply_to,
        references=email.references,
    )
    try:
        send_email(run.connection, outgoing)
    except EmailRefused as exc:
        _mark_failed(email, run, exc.code, exc.text)
        problems.failed(ItemDirection.OUTGOING, exc.code, exc.text, subject=email.subject, record_id=email.id)
        return False
    except SendDenied as exc:  # the mailbox's rights: this email fails, the cycle fails with it
        _mark_failed(email, run, exc.code, exc.text)
        problems.failed(ItemDirection.OUTGOING, exc.code, exc.text, subject=email.subject, record_id=email.id)
        raise
    except ServerBusy:
        # Throttled before anything was done: the email is simply pending again.
        _set_status(email, EmailStatus.PENDING_SEND)
        raise
    return True


def _set_status(email: EmailActivity, status: EmailStatus) -> None:
    with database.atomic("IMMEDIATE"):
        EmailActivity.update(status=status, modified_on=utcnow()).where(EmailActivity.id == email.id).execute()
    email.status = status


def _mark_sent(email: EmailActivity, mailbox: Mailbox, found: SentEmail | None) -> None:
    """Sent (*found*: the Sent Items copy an earlier try left, None: sent just now)."""
    now = utcnow()
    sent_on = found.sent_on if found is not None and found.sent_on is not None else now
    item_id = found.item_id if found is not None else None
    change_key = found.change_key if found is not None else None
    with database.atomic("IMMEDIATE"):
        # its link is the mailbox's: the same mailbox's incoming cycle, on another host, may link it too
        backends.lock_message_ids(database.obj, [email.message_id])
        EmailActivity.update(status=EmailStatus.SENT, sent_on=sent_on, modified_on=now, failure_reason="").where(
            EmailActivity.id == email.id
        ).execute()
        link = EmailMailboxLink.get_or_none(
            (EmailMailboxLink.email == email.id) & (EmailMailboxLink.mailbox == mailbox.id)
        )
        if link is None:
            EmailMailboxLink.create(
                email=email.id,
                mailbox=mailbox.id,
                folder=SENT_FOLDER,
                item_id=item_id,
                change_key=change_key,
                tracked_by=TrackedBy.SENT,
            )
        else:
            link.folder, link.tracked_by = SENT_FOLDER, TrackedBy.SENT
            link.item_id, link.change_key = item_id or link.item_id, change_key or link.change_key
            link.save()
    email.status, email.sent_on = EmailStatus.SENT, sent_on


def _mark_failed(email: EmailActivity, run: WorkloadRun, code: str, text: str) -> None:
    """Failed, with Exchange's reason on the email and an email-scope alert."""
    message, next_step = _PER_EMAIL_TEXT.get(code, _DEFAULT_TEXT)
    with database.atomic("IMMEDIATE"):
        EmailActivity.update(status=EmailStatus.FAILED, failure_reason=f"{code}: {text}", modified_on=utcnow()).where(
            EmailActivity.id == email.id
        ).execute()
    email.status, email.failure_reason = EmailStatus.FAILED, f"{code}: {text}"
    log.info("outgoing email %s of %s refused by Exchange: %s", email.id, run.mailbox.email, code)
    raise_alert(
        AlertLevel.ERROR,
        AlertScope.EMAIL,
        code,
        message,
        mailbox=run.mailbox,
        email=email.id,
        workload=Workload.OUTGOING,
        next_step=next_step,
        context=CTX,
        details=f"Subject: {email.subject}\nTo: {email.to_recipients}\nCc: {email.cc_recipients}\n{code}: {text}",
    )


def retry_email(email_id: int) -> bool:
    """A Failed outgoing email back to Pending send, to go with the next cycle (or Send now). Exchange
    refused it, so sending it again is not a second send. False when it is not Failed (any more)."""
    with database.atomic("IMMEDIATE"):
        changed = (
            EmailActivity.update(status=EmailStatus.PENDING_SEND, modified_on=utcnow())
            .where(
                (EmailActivity.id == email_id)
                & (EmailActivity.direction == EmailDirection.OUTGOING)
                & (EmailActivity.status == EmailStatus.FAILED)
            )
            .execute()
        )
    return bool(changed)
