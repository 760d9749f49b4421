"""Alert emails to the mailbox owner (docs/product-rules.md §4; the rules in app.domain.alert_email).

``queue_alert_email`` is called by ``app.store.alerts.raise_alert`` when it records a new alert,
inside the same transaction: the alert and its email are stored together or not at all, and a
repeat of the alert (its occurrence count) queues nothing. The email is an outgoing
``EmailActivity`` in Pending send, owned by the owner of the mailbox chosen in the system settings
and sent from it: that mailbox's outgoing sync (app.sync.outgoing) sends it like any other email,
once (its Message-ID is fixed here, and looked up in Sent Items before a retry).
"""

from __future__ import annotations

import logging
import uuid

from app.domain.alert_email import AlertEmailFacts, alert_email_body, alert_email_subject, alert_email_wanted
from app.domain.enums import EmailDirection, EmailStatus
from app.store.models import Alert, EmailActivity, Mailbox
from app.store.repo import system_settings

log = logging.getLogger(__name__)


def new_message_id(address: str) -> str:
    """A Message-ID of ours, of the form app.exchange.folders.new_message_id gives (the store does
    not import the exchange layer): ``<sssm.<random hex>@<the sender's domain>>``."""
    domain = address.rsplit("@", 1)[1] if "@" in address else "localhost"
    return f"<sssm.{uuid.uuid4().hex}@{domain}>"


def owner_address(mailbox: Mailbox) -> str:
    """Where the owner of *mailbox* reads email: the user's (or queue's) address, else the mailbox's."""
    owner = mailbox.owner_user if mailbox.owner_user_id is not None else mailbox.owner_queue
    return (owner.email if owner is not None and owner.email else "") or mailbox.email


def queue_alert_email(alert: Alert) -> EmailActivity | None:
    """The email telling the owner of the alert's mailbox about it, when the settings ask for one."""
    settings = system_settings()
    if not alert_email_wanted(
        notify_on=settings.notify_owner_by_email,
        notify_mailbox_id=settings.notify_mailbox_id,
        alert_mailbox_id=alert.mailbox_id,
        scope=alert.scope,
    ):
        return None
    sender = Mailbox.get_or_none(Mailbox.id == settings.notify_mailbox_id)
    mailbox = Mailbox.get_or_none(Mailbox.id == alert.mailbox_id)
    if sender is None or mailbox is None:
        return None
    facts = AlertEmailFacts(
        level=alert.level,
        scope=alert.scope,
        mailbox_name=mailbox.name,
        mailbox_email=mailbox.email,
        profile_name=mailbox.profile.name if mailbox.profile is not None else "",
        workload=alert.workload,
        code=alert.error_code,
        message=alert.message,
        next_step=alert.next_step,
        details=alert.details,  # redacted when the alert was recorded
        when=alert.created_on,
    )
    email: EmailActivity = EmailActivity.create(
        message_id=new_message_id(sender.email),
        subject=alert_email_subject(facts),
        body=alert_email_body(facts),
        sender=sender.email,
        to_recipients=owner_address(mailbox),
        direction=EmailDirection.OUTGOING,
        status=EmailStatus.PENDING_SEND,
        owner_user=sender.owner_user_id,
        owner_queue=sender.owner_queue_id,
    )
    log.info("alert %s of mailbox %s: email %s queued through %s", alert.id, mailbox.id, email.id, sender.email)
    return email
