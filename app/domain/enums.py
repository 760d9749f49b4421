"""The spec's enumerations. Values are stable strings stored in the database."""

from __future__ import annotations

from enum import Enum
from typing import Self

from app.domain.i18n import QT_TRANSLATE_NOOP as _N

CTX = "Enums"


class LabeledEnum(str, Enum):
    """A str enum with an English label (translated by the GUI in context "Enums")."""

    _value_: str
    label: str

    # *label* has a default only for type checkers: a lookup such as ``RunStatus("success")``
    # goes through Enum's own __new__; this one runs once per member, always with a label.
    def __new__(cls, value: str, label: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    def __str__(self) -> str:
        return self._value_  # what .value returns, as a str


class ServerType(LabeledEnum):
    EXCHANGE_SERVER = "exchange_server", _N(CTX, "Exchange Server")
    EXCHANGE_ONLINE = "exchange_online", _N(CTX, "Exchange Online")


class CredentialSource(LabeledEnum):
    USER_OR_QUEUE = "user_or_queue", _N(CTX, "Credentials specified by a user or queue")
    PROFILE = "profile", _N(CTX, "Credentials specified in email server profile")
    WINDOWS_INTEGRATED = "windows_integrated", _N(CTX, "Windows integrated authentication")


class AuthProtocol(LabeledEnum):
    AUTO = "auto", _N(CTX, "Auto detect")
    NEGOTIATE = "negotiate", _N(CTX, "Negotiate")
    NTLM = "ntlm", _N(CTX, "NTLM")
    BASIC = "basic", _N(CTX, "Basic")


class SyncMethod(LabeledEnum):
    NONE = "none", _N(CTX, "None")
    OUTLOOK = "outlook", _N(CTX, "Microsoft Dynamics CRM for Outlook")
    SERVER_SIDE = "server_side", _N(CTX, "Server-Side Synchronization")


class ApprovalStatus(LabeledEnum):
    EMPTY = "empty", _N(CTX, "Empty")
    PENDING = "pending", _N(CTX, "Pending approval")
    APPROVED = "approved", _N(CTX, "Approved")
    REJECTED = "rejected", _N(CTX, "Rejected")


class RunStatus(LabeledEnum):
    """Result of a Test & Enable or of a sync run, per workload and per mailbox."""

    NOT_RUN = "not_run", _N(CTX, "Not run")
    SUCCESS = "success", _N(CTX, "Success")
    FAILURE = "failure", _N(CTX, "Failure")
    WARNING = "warning", _N(CTX, "Warning")


class AlertLevel(LabeledEnum):
    ERROR = "error", _N(CTX, "Error")
    WARNING = "warning", _N(CTX, "Warning")
    INFORMATION = "information", _N(CTX, "Information")

    @property
    def severity(self) -> int:
        return {"information": 0, "warning": 1, "error": 2}[self.value]


class AlertScope(LabeledEnum):
    MAILBOX = "mailbox", _N(CTX, "Mailbox")
    PROFILE = "profile", _N(CTX, "Email server profile")
    EMAIL = "email", _N(CTX, "Email")


class Workload(LabeledEnum):
    INCOMING = "incoming", _N(CTX, "Incoming email")
    OUTGOING = "outgoing", _N(CTX, "Outgoing email")
    ACT = "act", _N(CTX, "Appointments, contacts and tasks")


class TrackingOption(LabeledEnum):
    ALL = "all", _N(CTX, "All email messages")
    RESPONSES = "responses", _N(CTX, "Email messages in response to tracked email")
    KNOWN_SENDERS = "known_senders", _N(CTX, "Email messages from known contacts, accounts and leads")
    EMAIL_ENABLED = "email_enabled", _N(CTX, "Email messages from records that are email enabled")


class TrackedBy(LabeledEnum):
    """Why a mailbox's copy of an email is in the store (EmailMailboxLink.tracked_by): the owner's
    tracking option and what matched (the values of app.domain.tracking.TrackingReason), or how it
    came otherwise."""

    ALL = "all", _N(CTX, "All email messages")
    TOKEN = "token", _N(CTX, "Tracking token in the subject")
    REPLY = "reply", _N(CTX, "In reply to a tracked email")
    CONVERSATION = "conversation", _N(CTX, "In the conversation of a tracked email")
    KNOWN_SENDER = "known_sender", _N(CTX, "From a known contact, account or lead")
    EMAIL_ENABLED = "email_enabled", _N(CTX, "From a record that is email enabled")
    MESSAGE_ID = "message_id", _N(CTX, "The same email as one already tracked (same Message-ID)")
    SENT = "sent", _N(CTX, "Sent from this mailbox")
    UNKNOWN = "", _N(CTX, "Not recorded (stored by an earlier version)")


class SyncState(LabeledEnum):
    """Where an appointment, contact or task stands with Exchange (the Records page)."""

    PENDING = "pending", _N(CTX, "Pending")  # changed here, or new and selected: goes with the next cycle
    CONFLICT = "conflict", _N(CTX, "Conflict")  # changed on both sides; the conflict policy decided
    SYNCED = "synced", _N(CTX, "Synced")
    UNLINKED = "unlinked", _N(CTX, "Deleted in Exchange, kept")
    NOT_SYNCED = "not_synced", _N(CTX, "Not synchronized")  # not selected by its owner's filters


class ConflictPolicy(LabeledEnum):
    MOST_RECENT = "most_recent", _N(CTX, "Most recent change wins")
    STORE_WINS = "store_wins", _N(CTX, "Store wins")
    EXCHANGE_WINS = "exchange_wins", _N(CTX, "Exchange wins")


class OwnerKind(LabeledEnum):
    USER = "user", _N(CTX, "User")
    QUEUE = "queue", _N(CTX, "Queue")


class EmailStatus(LabeledEnum):
    DRAFT = "draft", _N(CTX, "Draft")
    PENDING_SEND = "pending_send", _N(CTX, "Pending send")
    SENDING = "sending", _N(CTX, "Sending")
    SENT = "sent", _N(CTX, "Sent")
    FAILED = "failed", _N(CTX, "Failed")
    RECEIVED = "received", _N(CTX, "Received")


class EmailDirection(LabeledEnum):
    INCOMING = "incoming", _N(CTX, "Incoming")
    OUTGOING = "outgoing", _N(CTX, "Outgoing")


class RecordType(LabeledEnum):
    APPOINTMENT = "appointment", _N(CTX, "Appointment")
    CONTACT = "contact", _N(CTX, "Contact")
    TASK = "task", _N(CTX, "Task")


class RecordState(LabeledEnum):
    ACTIVE = "active", _N(CTX, "Active")
    INACTIVE = "inactive", _N(CTX, "Inactive")


class FilterOperator(LabeledEnum):
    EQUALS = "eq", _N(CTX, "Equals")
    NOT_EQUALS = "ne", _N(CTX, "Does not equal")
    CONTAINS = "contains", _N(CTX, "Contains")
    BEGINS_WITH = "begins_with", _N(CTX, "Begins with")
    ON_OR_AFTER = "on_or_after", _N(CTX, "On or after")
    ON_OR_BEFORE = "on_or_before", _N(CTX, "On or before")
    IS_EMPTY = "is_empty", _N(CTX, "Does not contain data")
    IS_NOT_EMPTY = "is_not_empty", _N(CTX, "Contains data")
    CURRENT_USER = "current_user", _N(CTX, "Equals current user")


class ItemKind(LabeledEnum):
    """What an item that failed to synchronize is (item monitoring)."""

    EMAIL = "email", _N(CTX, "Email")
    APPOINTMENT = "appointment", _N(CTX, "Appointment")
    CONTACT = "contact", _N(CTX, "Contact")
    TASK = "task", _N(CTX, "Task")

    @classmethod
    def of(cls, record_type: RecordType) -> ItemKind:
        return cls(record_type.value)


class ItemDirection(LabeledEnum):
    """Which way an item was going when it failed: from Exchange into the store, or out to Exchange."""

    INCOMING = "incoming", _N(CTX, "Incoming")
    OUTGOING = "outgoing", _N(CTX, "Outgoing")


class MailboxState(LabeledEnum):
    """A mailbox's state on the dashboard: each mailbox is in exactly one (app.domain.mailbox_state)."""

    SUCCESS = "success", _N(CTX, "Success")
    WARNING = "warning", _N(CTX, "Warning")
    ERROR = "error", _N(CTX, "Error")
    DISABLED = "disabled", _N(CTX, "Disabled")
    NEVER_TESTED = "never_tested", _N(CTX, "Never tested")
    PENDING_APPROVAL = "pending_approval", _N(CTX, "Pending approval")
