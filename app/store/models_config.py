"""Configuration records: users, queues, profiles, mailboxes, settings, options, filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import (
    SQL,
    BooleanField,
    CharField,
    Check,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from app.domain.enums import (
    ApprovalStatus,
    AuthProtocol,
    ConflictPolicy,
    CredentialSource,
    FilterOperator,
    RecordType,
    RunStatus,
    ServerType,
    SyncMethod,
    TrackingOption,
    Workload,
)
from app.store.base import BaseModel, EnumField, UtcDateTimeField, utcnow

if TYPE_CHECKING:
    from peewee import ModelSelect

    from app.store.models_activity import (
        Alert,
        ConflictLog,
        DiagnosticRun,
        EmailActivity,
        EmailMailboxLink,
        FolderSyncState,
        ItemLink,
        SyncHistory,
    )

# Each model declares, for type checkers only, what peewee adds to it: ``<fk>_id`` for each
# foreign key and the backrefs other models name (tests/store/test_model_declarations.py checks).


class SystemUser(BaseModel):
    name = CharField(max_length=160)
    email = CharField(max_length=254, null=True, index=True)
    is_active = BooleanField(default=True)
    is_current = BooleanField(default=False)  # the admin running the app ("me" in filters)

    if TYPE_CHECKING:
        mailboxes: ModelSelect[Mailbox]
        options: ModelSelect[UserOptions]
        sync_filters: ModelSelect[SyncFilter]
        emails: ModelSelect[EmailActivity]


class Queue(BaseModel):
    name = CharField(max_length=160)
    email = CharField(max_length=254, null=True, index=True)
    is_active = BooleanField(default=True, constraints=[SQL("DEFAULT 1")])  # schema 7

    if TYPE_CHECKING:
        mailboxes: ModelSelect[Mailbox]
        emails: ModelSelect[EmailActivity]


class ServerProfile(BaseModel):
    name = CharField(max_length=100, unique=True)
    description = TextField(default="")
    server_type = EnumField(ServerType, default=ServerType.EXCHANGE_SERVER)
    auto_discover = BooleanField(default=True)
    incoming_url = CharField(max_length=2048, default="")
    credential_source = EnumField(CredentialSource, default=CredentialSource.USER_OR_QUEUE)
    username = CharField(max_length=256, default="")
    use_impersonation = BooleanField(default=False)
    auth_protocol = EnumField(AuthProtocol, default=AuthProtocol.AUTO)
    incoming_port = IntegerField(default=443)
    use_ssl = BooleanField(default=True)
    outgoing_same_as_incoming = BooleanField(default=True)
    outgoing_url = CharField(max_length=2048, default="")
    outgoing_credential_source = EnumField(CredentialSource, default=CredentialSource.USER_OR_QUEUE)
    outgoing_username = CharField(max_length=256, default="")
    outgoing_auth_protocol = EnumField(AuthProtocol, default=AuthProtocol.AUTO)
    outgoing_port = IntegerField(default=443)
    trusted_ca_path = CharField(max_length=1024, default="")
    move_failed_to_undeliverable = BooleanField(default=False)
    process_email_from = UtcDateTimeField(default=utcnow)
    max_connections = IntegerField(default=10, constraints=[Check("max_connections BETWEEN 1 AND 300")])
    min_polling_minutes = IntegerField(default=0, constraints=[Check("min_polling_minutes BETWEEN 0 AND 1440")])
    timeout_seconds = IntegerField(default=60, constraints=[Check("timeout_seconds BETWEEN 1 AND 300")])
    alert_when_most_fail = BooleanField(default=False)
    created_on = UtcDateTimeField(default=utcnow)
    modified_on = UtcDateTimeField(default=utcnow)

    if TYPE_CHECKING:
        mailboxes: ModelSelect[Mailbox]
        alerts: ModelSelect[Alert]


class Mailbox(BaseModel):
    name = CharField(max_length=160)
    email = CharField(max_length=254, index=True)
    owner_user = ForeignKeyField(SystemUser, null=True, backref="mailboxes", on_delete="RESTRICT")
    owner_queue = ForeignKeyField(Queue, null=True, backref="mailboxes", on_delete="RESTRICT")
    approval = EnumField(ApprovalStatus, default=ApprovalStatus.PENDING)
    profile = ForeignKeyField(ServerProfile, null=True, backref="mailboxes", on_delete="SET NULL")
    incoming_method = EnumField(SyncMethod, default=SyncMethod.SERVER_SIDE)
    outgoing_method = EnumField(SyncMethod, default=SyncMethod.SERVER_SIDE)
    act_method = EnumField(SyncMethod, default=SyncMethod.SERVER_SIDE)
    allow_credentials = BooleanField(default=False)
    username = CharField(max_length=256, default="")
    delete_after_processing = BooleanField(default=False)
    # configuration test results and monitoring (docs/product-rules.md §2)
    incoming_status = EnumField(RunStatus, default=RunStatus.NOT_RUN)
    outgoing_status = EnumField(RunStatus, default=RunStatus.NOT_RUN)
    act_status = EnumField(RunStatus, default=RunStatus.NOT_RUN)
    mailbox_status = EnumField(RunStatus, default=RunStatus.NOT_RUN)
    test_completed_on = UtcDateTimeField(null=True)
    incoming_enabled = BooleanField(default=False)
    outgoing_enabled = BooleanField(default=False)
    act_enabled = BooleanField(default=False)
    last_sync_success_on = UtcDateTimeField(null=True)
    last_sync_error = TextField(default="")
    next_sync_on = UtcDateTimeField(null=True)
    transient_failure_count = IntegerField(default=0)
    created_on = UtcDateTimeField(default=utcnow)
    modified_on = UtcDateTimeField(default=utcnow)
    # schema 7: an inactive mailbox (or one whose owner is inactive) is not synchronized; its records stay
    is_active = BooleanField(default=True, constraints=[SQL("DEFAULT 1")])

    if TYPE_CHECKING:
        owner_user_id: int | None
        owner_queue_id: int | None
        profile_id: int | None
        workloads: ModelSelect[WorkloadState]
        test_runs: ModelSelect[DiagnosticRun]
        email_links: ModelSelect[EmailMailboxLink]
        folder_states: ModelSelect[FolderSyncState]
        item_links: ModelSelect[ItemLink]
        conflicts: ModelSelect[ConflictLog]
        sync_history: ModelSelect[SyncHistory]
        alerts: ModelSelect[Alert]

    class Meta:
        constraints = [Check("(owner_user_id IS NULL) <> (owner_queue_id IS NULL)")]
        indexes = ((("email",), True),)


class WorkloadState(BaseModel):
    """Scheduling state of one workload of one mailbox (schema v2)."""

    mailbox = ForeignKeyField(Mailbox, backref="workloads", on_delete="CASCADE")
    workload = EnumField(Workload)
    next_run_on = UtcDateTimeField(null=True, index=True)  # indexed in schema 8: the dashboard's timeline
    last_run_on = UtcDateTimeField(null=True)
    consecutive_transient_failures = IntegerField(default=0)
    backoff_reason = TextField(default="")
    # schema 6: a failed Test & Enable (or a refused logon) is retried by re-testing at next_run_on,
    # whether or not the workload is enabled; refused logons in a row count on their own budget
    retry_test = BooleanField(default=False, constraints=[SQL("DEFAULT 0")])
    authentication_failures = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])

    if TYPE_CHECKING:
        mailbox_id: int

    class Meta:
        indexes = ((("mailbox", "workload"), True),)


class SystemSettings(BaseModel):
    """One row: system-wide settings (System Settings → Email tab and friends)."""

    record_errors = BooleanField(default=True)
    record_warnings = BooleanField(default=True)
    record_information = BooleanField(default=True)
    notify_owner_by_email = BooleanField(default=False)
    toast_errors = BooleanField(default=True)
    toast_warnings = BooleanField(default=False)
    allow_insecure_credentials = BooleanField(default=False)
    transient_failure_limit = IntegerField(default=10)
    default_backoff_minutes = IntegerField(default=5)
    tracking_token_prefix = CharField(max_length=20, default="CRM:")
    default_profile = ForeignKeyField(ServerProfile, null=True, on_delete="SET NULL")
    language = CharField(max_length=10, default="")
    # schema 6: retries after a refused logon (HTTP 401), at least 5 minutes apart (validation: 0-3)
    auth_retry_limit = IntegerField(default=2, constraints=[SQL("DEFAULT 2")])
    # schema 7: "notify the mailbox owner by email" sends alerts as email through this mailbox's outgoing
    # sync (a plain id, not a foreign key: SQLite adds a column's REFERENCES in another form than a fresh
    # table's; deleting the mailbox clears it, app.store.repo.delete_mailbox)
    notify_mailbox_id = IntegerField(null=True)
    # schema 8: item monitoring keeps an item that failed to synchronize this many days (1-30)
    item_failure_retention_days = IntegerField(default=3, constraints=[SQL("DEFAULT 3")])

    if TYPE_CHECKING:
        default_profile_id: int | None


class UserOptions(BaseModel):
    """Personal options of a user: Email tab (tracking) and Synchronization tab (conflicts)."""

    user = ForeignKeyField(SystemUser, unique=True, backref="options", on_delete="CASCADE")
    tracking_option = EnumField(TrackingOption, default=TrackingOption.RESPONSES)
    appointment_conflict_policy = EnumField(ConflictPolicy, default=ConflictPolicy.MOST_RECENT)
    contact_conflict_policy = EnumField(ConflictPolicy, default=ConflictPolicy.MOST_RECENT)
    task_conflict_policy = EnumField(ConflictPolicy, default=ConflictPolicy.MOST_RECENT)

    if TYPE_CHECKING:
        user_id: int


class SyncFilter(BaseModel):
    user = ForeignKeyField(SystemUser, backref="sync_filters", on_delete="CASCADE")
    record_type = EnumField(RecordType)
    name = CharField(max_length=160)
    is_default = BooleanField(default=False)
    is_active = BooleanField(default=True)

    if TYPE_CHECKING:
        user_id: int
        criteria: ModelSelect[FilterCriterion]


class FilterCriterion(BaseModel):
    # the schema's name (filter_id); it hides Model.filter(), which nothing calls on this model
    filter = ForeignKeyField(SyncFilter, backref="criteria", on_delete="CASCADE")  # type: ignore[assignment]
    position = IntegerField(default=0)
    field = CharField(max_length=64)
    operator = EnumField(FilterOperator)
    value = TextField(default="")

    if TYPE_CHECKING:
        filter_id: int
