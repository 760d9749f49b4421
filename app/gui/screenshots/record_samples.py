"""Sample records of the Records page, as the synchronization leaves them: a tracked email thread
(an offer sent with its token, the customer's answer tracked by it, the reply to that), emails
from known contacts, an HTML email that names a remote image, an email Exchange refused; and
appointments, contacts and tasks in every state with Exchange (synced, pending, conflict, deleted
in Exchange and kept, not synchronized). For the screenshots and the GUI tests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ConflictPolicy,
    EmailDirection,
    EmailStatus,
    RecordType,
    TrackedBy,
    Workload,
)
from app.store.models import (
    Alert,
    Appointment,
    ConflictLog,
    Contact,
    EmailActivity,
    EmailMailboxLink,
    ItemLink,
    Mailbox,
    Task,
)

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
HTML_BODY = (
    "<html><head><script>document.title = 'pwned'</script></head><body>"
    "<p>Dear Kenichiro,</p><p>Please find our new price list below.</p>"
    '<p><img src="https://tracker.example.net/pixel.gif?id=42" width="1" height="1"></p>'
    '<p onclick="alert(1)">Best regards,<br>Fabrikam sales</p></body></html>'
)


@dataclass
class RecordSamples:
    emails: dict[str, int] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    conflict_id: int = 0


def add_record_samples(mailbox_id: int, now: datetime = NOW) -> RecordSamples:
    """The samples in the mailbox *mailbox_id* (its owner owns them)."""
    samples = RecordSamples()
    mailbox = Mailbox.get_by_id(mailbox_id)
    owner = mailbox.owner_user_id
    address = mailbox.email
    customer = "ann.lee@fabrikam.com"
    Contact.create(owner=owner, first_name="Ann", last_name="Lee", email=customer, company="Fabrikam", job_title="CFO")

    def email(key, subject, minutes_ago, direction, status, **values):
        at = now - timedelta(minutes=minutes_ago)
        incoming = direction is EmailDirection.INCOMING
        why = values.pop("tracked_by", TrackedBy.TOKEN if incoming else TrackedBy.SENT)
        row = EmailActivity.create(
            message_id=f"<sample.{key}@{'fabrikam.com' if incoming else 'contoso.com'}>",
            subject=subject,
            direction=direction,
            status=status,
            owner_user=owner,
            created_on=at,
            modified_on=at,
            received_on=at if incoming else None,
            sent_on=at if status is EmailStatus.SENT else None,
            sender=values.pop("sender", customer if incoming else address),
            to_recipients=values.pop("to", address if incoming else customer),
            **values,
        )
        samples.emails[key] = row.id
        folder = "inbox" if incoming else "sentitems"
        if status in (EmailStatus.RECEIVED, EmailStatus.SENT):
            EmailMailboxLink.create(email=row.id, mailbox=mailbox_id, folder=folder, tracked_by=why, linked_on=at)
        return row

    token = "CRM:0000104"
    offer = email(
        "offer",
        "Quarterly offer",
        2 * 24 * 60,
        EmailDirection.OUTGOING,
        EmailStatus.SENT,
        tracking_token=token,
        conversation_id="AAQkAGI2-offer",
        body="Dear Ann,\n\nplease find our offer for the next quarter attached.\n\nKenichiro",
    )
    answer = email(
        "answer",
        f"RE: Quarterly offer {token}",
        24 * 60,
        EmailDirection.INCOMING,
        EmailStatus.RECEIVED,
        tracking_token=token,
        conversation_id="AAQkAGI2-offer",
        in_reply_to=offer.message_id,
        references=offer.message_id,
        body="Hello Kenichiro,\n\nthank you. Could you add the support plan?\n\nAnn",
    )
    email(
        "reply",
        f"RE: RE: Quarterly offer {token}",
        20 * 60,
        EmailDirection.OUTGOING,
        EmailStatus.SENT,
        tracking_token=token,
        conversation_id="AAQkAGI2-offer",
        in_reply_to=answer.message_id,
        references=f"{offer.message_id} {answer.message_id}",
        body="Dear Ann,\n\nthe support plan is included now.\n\nKenichiro",
    )
    email(
        "pricelist",
        "New price list",
        5 * 60,
        EmailDirection.INCOMING,
        EmailStatus.RECEIVED,
        sender="sales@fabrikam.com",
        tracked_by=TrackedBy.ALL,
        body=HTML_BODY,
        body_is_html=True,
        conversation_id="AAQkAGI2-prices",
    )
    refused = email(
        "refused",
        "Meeting notes",
        90,
        EmailDirection.OUTGOING,
        EmailStatus.FAILED,
        to="partner@litware.com",
        failure_reason="ErrorInvalidRecipients: At least one recipient isn't valid.",
        send_attempts=1,
        body="Notes of today's meeting.",
    )
    email("pending", "Visit on Thursday", 10, EmailDirection.OUTGOING, EmailStatus.PENDING_SEND, body="See you.")
    Alert.create(
        level=AlertLevel.ERROR,
        scope=AlertScope.EMAIL,
        mailbox=mailbox_id,
        email=refused.id,
        workload=Workload.OUTGOING,
        error_code="ErrorInvalidRecipients",
        message="An email could not be sent: Exchange refused its recipients.",
        message_parts=json.dumps([["Outgoing", "An email could not be sent: Exchange refused its recipients.", {}]]),
        next_step="Correct the email's To and Cc addresses and send it again.",
        details="Subject: Meeting notes\nTo: partner@litware.com\nCc: \n"
        "ErrorInvalidRecipients: At least one recipient isn't valid.",
        created_on=now - timedelta(minutes=89),
        updated_on=now - timedelta(minutes=89),
    )
    _add_synced_records(samples, mailbox_id, owner, now)
    return samples


def _add_synced_records(samples: RecordSamples, mailbox_id: int, owner: int | None, now: datetime) -> None:
    day = datetime(now.year, now.month, now.day, tzinfo=timezone.utc)
    synced_at = now - timedelta(minutes=3)
    records = {
        "review": Appointment.create(
            owner=owner,
            subject="Quarterly review",
            location="Room 4",
            start=day + timedelta(days=2, hours=1),
            end=day + timedelta(days=2, hours=2),
        ),
        "visit": Appointment.create(
            owner=owner,
            subject="Customer visit: Fabrikam",
            location="Fabrikam Osaka",
            start=day + timedelta(days=3, hours=4),
            end=day + timedelta(days=3, hours=6),
        ),
        "offsite": Appointment.create(
            owner=owner,
            subject="Team offsite",
            start=day + timedelta(days=9),
            end=day + timedelta(days=10),
            is_all_day=True,
        ),
        "cancelled": Appointment.create(
            owner=owner,
            subject="Budget planning",
            location="Room 2",
            start=day - timedelta(days=1, hours=-2),
            end=day - timedelta(days=1, hours=-3),
        ),
        "draft": Appointment.create(
            owner=owner,
            subject="Demo for Litware",
            location="Teams",
            start=day + timedelta(days=5, hours=6),
            end=day + timedelta(days=5, hours=7),
        ),
        "ann": Contact.get(Contact.email == "ann.lee@fabrikam.com"),
        "ken": Contact.create(
            owner=owner,
            first_name="Ken",
            last_name="Ito",
            email="ken.ito@litware.com",
            company="Litware",
            job_title="Buyer",
            business_phone="+81 3 1234 5678",
        ),
        "contract": Task.create(
            owner=owner, subject="Send the signed contract", due=day + timedelta(days=1), percent_complete=50
        ),
        "prices": Task.create(owner=owner, subject="Update the price list", due=day + timedelta(days=4)),
    }
    kinds = {Appointment: RecordType.APPOINTMENT, Contact: RecordType.CONTACT, Task: RecordType.TASK}
    for key, record in records.items():
        samples.records[key] = record.id
        if key == "draft":
            continue  # created here, not yet in Exchange
        ItemLink.create(
            mailbox=mailbox_id,
            record_type=kinds[type(record)],
            record_id=record.id,
            item_id=f"AAMkAGI2{key}",
            change_key="CQAAABYAAAA",
            synced_on=datetime.now(timezone.utc) + timedelta(seconds=1),  # after the record's last change
        )
    visit = records["visit"]
    Appointment.update(modified_on=datetime.now(timezone.utc) + timedelta(minutes=5)).where(
        Appointment.id == visit.id
    ).execute()  # changed here since: pending
    conflict = ConflictLog.create(
        mailbox=mailbox_id,
        record_type=RecordType.APPOINTMENT,
        record_id=records["review"].id,
        item_id="AAMkAGI2review",
        policy=ConflictPolicy.MOST_RECENT,
        winner="exchange",
        store_version=json.dumps({"subject": "Quarterly review", "location": "Room 2"}),
        exchange_version=json.dumps({"subject": "Quarterly review", "location": "Room 4"}),
        happened_on=synced_at,
    )
    samples.conflict_id = conflict.id
    ItemLink.update(conflict_id=conflict.id).where(
        (ItemLink.record_type == RecordType.APPOINTMENT) & (ItemLink.record_id == records["review"].id)
    ).execute()
    ItemLink.update(unlinked_on=synced_at, change_key="").where(
        (ItemLink.record_type == RecordType.APPOINTMENT) & (ItemLink.record_id == records["cancelled"].id)
    ).execute()
