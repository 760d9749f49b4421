"""Operational records: test runs, alerts, synchronized records, sync state and history."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from peewee import (
    SQL,
    BlobField,
    BooleanField,
    CharField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ConflictPolicy,
    EmailDirection,
    EmailStatus,
    RecordState,
    RecordType,
    RunStatus,
    TrackedBy,
    Workload,
)
from app.store.base import BaseModel, EnumField, UtcDateTimeField, utcnow
from app.store.models_config import Mailbox, Queue, ServerProfile, SystemUser

if TYPE_CHECKING:
    from peewee import ModelSelect

# As in models_config: what peewee adds to each model, declared for type checkers only.


class DiagnosticRun(BaseModel):
    """One Test & Enable of one mailbox (table name kept from schema 1)."""

    class Meta:
        table_name = "test_run"

    mailbox = ForeignKeyField(Mailbox, backref="test_runs", on_delete="CASCADE")
    profile = ForeignKeyField(ServerProfile, null=True, on_delete="SET NULL")
    started_on = UtcDateTimeField(default=utcnow)
    finished_on = UtcDateTimeField(null=True)
    status = EnumField(RunStatus, default=RunStatus.NOT_RUN)
    summary = TextField(default="")

    if TYPE_CHECKING:
        mailbox_id: int
        profile_id: int | None
        steps: ModelSelect[DiagnosticStep]


class DiagnosticStep(BaseModel):
    """One ordered step of a DiagnosticRun."""

    class Meta:
        table_name = "test_step"

    run = ForeignKeyField(DiagnosticRun, backref="steps", on_delete="CASCADE")
    position = IntegerField()
    name = CharField(max_length=64)
    workload = EnumField(Workload, null=True)
    status = EnumField(RunStatus)
    duration_ms = FloatField(default=0)
    message = TextField(default="")
    details = TextField(default="")  # redacted request/response transcript
    # schema 6: the message as translatable parts (JSON [context, template, params]; "" = as stored)
    message_parts = TextField(default="", constraints=[SQL("DEFAULT ''")])

    if TYPE_CHECKING:
        run_id: int


class EmailActivity(BaseModel):
    message_id = CharField(max_length=998, unique=True)  # RFC 5322 Message-ID, fixed before sending
    conversation_id = CharField(max_length=512, null=True, index=True)
    in_reply_to = CharField(max_length=998, null=True, index=True)
    references = TextField(default="")
    subject = TextField(default="")
    body = TextField(default="")
    body_is_html = BooleanField(default=False)
    sender = CharField(max_length=254, default="", index=True)
    to_recipients = TextField(default="")  # ';'-separated addresses
    cc_recipients = TextField(default="")
    direction = EnumField(EmailDirection)
    status = EnumField(EmailStatus)
    owner_user = ForeignKeyField(SystemUser, null=True, backref="emails", on_delete="SET NULL")
    owner_queue = ForeignKeyField(Queue, null=True, backref="emails", on_delete="SET NULL")
    tracking_token = CharField(max_length=64, null=True, index=True)
    received_on = UtcDateTimeField(null=True)
    sent_on = UtcDateTimeField(null=True)
    send_attempts = IntegerField(default=0)
    created_on = UtcDateTimeField(default=utcnow)
    modified_on = UtcDateTimeField(default=utcnow)
    # the Exchange item class (schema 8): IPM.Note, or REPORT.IPM.Note.NDR for a non-delivery report …
    item_class = CharField(max_length=255, default="IPM.Note", constraints=[SQL("DEFAULT 'IPM.Note'")])
    # schema 13: why Exchange refused the last try ("<EWS response code>: <Exchange's text>"), kept
    # while the email is Failed, whatever the system settings record as alerts
    failure_reason = TextField(default="", constraints=[SQL("DEFAULT ''")])

    if TYPE_CHECKING:
        owner_user_id: int | None
        owner_queue_id: int | None
        mailbox_links: ModelSelect[EmailMailboxLink]
        alerts: ModelSelect[Alert]
        attachments: ModelSelect[EmailAttachment]


class EmailAttachment(BaseModel):
    """An attachment of a stored email (schema 8): what Exchange said of it when the email was
    read; its content is fetched from Exchange when first asked for (app.sync.email_attachments)
    and kept from then on."""

    email = ForeignKeyField(EmailActivity, backref="attachments", on_delete="CASCADE")
    attachment_id = CharField(max_length=1024)  # EWS AttachmentId (in the mailbox it was read from)
    name = CharField(max_length=255, default="")
    content_type = CharField(max_length=255, default="")
    size = IntegerField(default=0)
    content_id = CharField(max_length=255, null=True)
    is_inline = BooleanField(default=False)
    is_item = BooleanField(default=False)  # an attached message (or other item), not a file
    content = BlobField(null=True)  # None until fetched

    if TYPE_CHECKING:
        email_id: int


class EmailMailboxLink(BaseModel):
    """One stored email as it was received (or sent) by one mailbox."""

    # indexed by the pairs below (schema 16): an index of either alone would repeat their first column
    email = ForeignKeyField(EmailActivity, backref="mailbox_links", on_delete="CASCADE", index=False)
    mailbox = ForeignKeyField(Mailbox, backref="email_links", on_delete="CASCADE", index=False)
    item_id = CharField(max_length=512, null=True)
    change_key = CharField(max_length=512, null=True)
    folder = CharField(max_length=64, default="inbox")
    linked_on = UtcDateTimeField(default=utcnow)
    # schema 13: why this mailbox's copy is in the store (UNKNOWN: stored before schema 13)
    tracked_by = EnumField(TrackedBy, max_length=16, default=TrackedBy.UNKNOWN, constraints=[SQL("DEFAULT ''")])

    if TYPE_CHECKING:
        email_id: int
        mailbox_id: int

    class Meta:
        # one copy per mailbox; and which of a page of Exchange items a mailbox has stored already
        indexes = ((("email", "mailbox"), True), (("mailbox", "item_id"), False))


def new_sync_marker() -> str:
    """A record's marker: stamped on every item created in Exchange for it (schema v5)."""
    return str(uuid.uuid4())


class _OwnedRecord(BaseModel):
    owner = ForeignKeyField(SystemUser, null=True, on_delete="SET NULL")
    state = EnumField(RecordState, default=RecordState.ACTIVE)
    created_on = UtcDateTimeField(default=utcnow)
    modified_on = UtcDateTimeField(default=utcnow, index=True)

    if TYPE_CHECKING:
        owner_id: int | None


class Appointment(_OwnedRecord):
    subject = TextField(default="")
    location = TextField(default="")
    start = UtcDateTimeField()
    end = UtcDateTimeField()
    is_all_day = BooleanField(default=False)  # then start and end are midnights (UTC), end exclusive
    body = TextField(default="")
    sync_marker = CharField(max_length=36, null=True, unique=True, default=new_sync_marker)  # schema v5
    category = CharField(max_length=255, default="", constraints=[SQL("DEFAULT ''")])  # schema 7
    # a recurring series' pattern as app.exchange.item_mapping writes it ("" for a single appointment)
    recurrence = TextField(default="", constraints=[SQL("DEFAULT ''")])  # schema 10


class Contact(_OwnedRecord):
    first_name = CharField(max_length=100, default="")
    last_name = CharField(max_length=100, default="")
    email = CharField(max_length=254, default="", index=True)
    company = CharField(max_length=160, default="")
    job_title = CharField(max_length=100, default="")
    business_phone = CharField(max_length=50, default="")
    mobile_phone = CharField(max_length=50, default="")
    sync_marker = CharField(max_length=36, null=True, unique=True, default=new_sync_marker)  # schema v5


class Task(_OwnedRecord):
    subject = TextField(default="")
    body = TextField(default="")
    start = UtcDateTimeField(null=True)
    due = UtcDateTimeField(null=True)
    percent_complete = IntegerField(default=0)
    is_complete = BooleanField(default=False)
    sync_marker = CharField(max_length=36, null=True, unique=True, default=new_sync_marker)  # schema v5


class CrmAccount(_OwnedRecord):
    """A customer account (company) record; emails from its address are 'known'."""

    name = CharField(max_length=160)
    email = CharField(max_length=254, default="", index=True)

    class Meta:
        table_name = "account"


class Lead(_OwnedRecord):
    name = CharField(max_length=160)
    company = CharField(max_length=160, default="")
    email = CharField(max_length=254, default="", index=True)


class FolderSyncState(BaseModel):
    """The opaque SyncFolderItems state of one folder of one mailbox."""

    mailbox = ForeignKeyField(Mailbox, backref="folder_states", on_delete="CASCADE")
    folder = CharField(max_length=64)  # distinguished folder name: inbox, calendar, contacts, tasks
    sync_state = TextField(default="")
    updated_on = UtcDateTimeField(default=utcnow)

    if TYPE_CHECKING:
        mailbox_id: int

    class Meta:
        indexes = ((("mailbox", "folder"), True),)


class ItemLink(BaseModel):
    """A store record and the Exchange item it is synchronized with."""

    mailbox = ForeignKeyField(Mailbox, backref="item_links", on_delete="CASCADE")
    record_type = EnumField(RecordType)
    record_id = IntegerField()
    item_id = CharField(max_length=512)
    change_key = CharField(max_length=512)
    synced_fingerprint = CharField(max_length=64, default="")  # hash of the record as last synced
    synced_on = UtcDateTimeField(default=utcnow)
    # set when the item was deleted in Exchange: the record is kept and no longer synchronized
    # (schema v3); the row stays so the owner's filters do not send the record back as new
    unlinked_on = UtcDateTimeField(null=True)
    # schema 13: the ConflictLog entry the last synchronization of this record resolved; None once a
    # later change went through without one (the Records page shows the record as "conflict" meanwhile)
    conflict_id = IntegerField(null=True)

    if TYPE_CHECKING:
        mailbox_id: int

    class Meta:
        indexes = (
            (("mailbox", "item_id"), True),
            (("mailbox", "record_type", "record_id"), True),
        )


class ConflictLog(BaseModel):
    mailbox = ForeignKeyField(Mailbox, backref="conflicts", on_delete="CASCADE")
    record_type = EnumField(RecordType)
    record_id = IntegerField()
    item_id = CharField(max_length=512)
    policy = EnumField(ConflictPolicy)
    winner = CharField(max_length=16)  # "store" or "exchange"
    store_version = TextField(default="")
    exchange_version = TextField(default="")
    happened_on = UtcDateTimeField(default=utcnow)

    if TYPE_CHECKING:
        mailbox_id: int


class SyncHistory(BaseModel):
    """One cycle, with what it did in words; kept two days (app.store.cycle_stats.prune_history),
    its figures live on in the hourly rollups (app.store.models_monitoring)."""

    mailbox = ForeignKeyField(Mailbox, backref="sync_history", on_delete="CASCADE")
    workload = EnumField(Workload)
    started_on = UtcDateTimeField(default=utcnow, index=True)  # indexed in schema 8: pruned by age
    finished_on = UtcDateTimeField(null=True)
    status = EnumField(RunStatus, default=RunStatus.NOT_RUN)
    created = IntegerField(default=0)
    updated = IntegerField(default=0)
    deleted = IntegerField(default=0)
    message = TextField(default="")
    # schema 6: the message as translatable parts (JSON [context, template, params]; "" = as stored)
    message_parts = TextField(default="", constraints=[SQL("DEFAULT ''")])

    if TYPE_CHECKING:
        mailbox_id: int


class Alert(BaseModel):
    created_on = UtcDateTimeField(default=utcnow, index=True)
    updated_on = UtcDateTimeField(default=utcnow)
    level = EnumField(AlertLevel)
    scope = EnumField(AlertScope)
    mailbox = ForeignKeyField(Mailbox, null=True, backref="alerts", on_delete="CASCADE")
    profile = ForeignKeyField(ServerProfile, null=True, backref="alerts", on_delete="CASCADE")
    email = ForeignKeyField(EmailActivity, null=True, backref="alerts", on_delete="CASCADE")
    workload = EnumField(Workload, null=True)
    error_code = CharField(max_length=64)
    message = TextField()
    details = TextField(default="")
    next_step = TextField(default="")
    occurrences = IntegerField(default=1)
    is_read = BooleanField(default=False)
    is_open = BooleanField(default=True)  # closed once the condition has recovered
    # JSON list of [context, template, params]: the message in any language (app.store.alerts.message_parts)
    message_parts = TextField(default="", constraints=[SQL("DEFAULT ''")])
    resolved_on = UtcDateTimeField(null=True)  # schema 12: when it closed (None while open, or closed before 12)

    if TYPE_CHECKING:
        mailbox_id: int | None
        profile_id: int | None
        email_id: int | None


class WorkLease(BaseModel):
    """A claim on a piece of work shared by every process on the store, e.g. one mailbox's workload
    cycle (schema v5). Claimed, renewed and released through app.store.leases only."""

    name = CharField(max_length=128, unique=True)  # what is claimed: "mailbox:<id>:<workload>"
    holder = CharField(max_length=128, index=True)  # who: app.store.leases.new_holder(), or an engine host's
    claimed_on = UtcDateTimeField()
    expires_on = UtcDateTimeField()  # free for anyone from then on, unless renewed
    heartbeat_on = UtcDateTimeField()  # the holder's last renewal
    # the profile whose connections the work uses: its maximum is a budget of the whole fleet (schema 10)
    profile_id = IntegerField(null=True)


class EngineHost(BaseModel):
    """An engine host on a shared database (``python -m app run --host-name NAME``, schema 10):
    registered once per name while it beats; the leases it holds carry its ``holder``."""

    name = CharField(max_length=64, unique=True)
    holder = CharField(max_length=128)  # the holder name of its leases (this run of the host)
    started_on = UtcDateTimeField()
    last_beat_on = UtcDateTimeField()
    stopped_on = UtcDateTimeField(null=True)  # a clean stop (SIGTERM); a lost host just stops beating


class DataKey(BaseModel):
    """The data key that encrypts the passwords of a shared database (schema 14, app.store.secret_vault):
    its id and a check value, never the key itself, which each host keeps in its own credential store.
    One row: the key in use (``keys rotate`` replaces it)."""

    key_id = CharField(max_length=32, unique=True)
    created_on = UtcDateTimeField()
    check_value = BlobField()  # a fixed text sealed with the key: proves that a host holds the right key


class EncryptedSecret(BaseModel):
    """A password of a profile or mailbox on a shared database, sealed with AES-GCM under the data key
    (schema 14). *name* is the credential store's key (``mailbox:<id>``, ``profile:<id>:incoming``)."""

    name = CharField(max_length=64, unique=True)
    key_id = CharField(max_length=32)  # the data key it is sealed with
    sealed = BlobField()  # a 12-byte nonce, then the ciphertext and its tag
    modified_on = UtcDateTimeField()
