"""All store models, in creation order."""
from __future__ import annotations

from app.store.base import BaseModel
from app.store.models_activity import (
    Alert,
    Appointment,
    ConflictLog,
    Contact,
    CrmAccount,
    DiagnosticRun,
    DiagnosticStep,
    EmailActivity,
    EmailMailboxLink,
    FolderSyncState,
    ItemLink,
    Lead,
    SyncHistory,
    Task,
    WorkLease,
)
from app.store.models_config import (
    FilterCriterion,
    Mailbox,
    Queue,
    ServerProfile,
    SyncFilter,
    SystemSettings,
    SystemUser,
    UserOptions,
    WorkloadState,
)

ALL_MODELS: list[type[BaseModel]] = [
    SystemUser, Queue, ServerProfile, Mailbox, WorkloadState, SystemSettings, UserOptions,
    SyncFilter, FilterCriterion, DiagnosticRun, DiagnosticStep, EmailActivity, EmailMailboxLink,
    Appointment, Contact, Task, CrmAccount, Lead, FolderSyncState, ItemLink, ConflictLog,
    SyncHistory, Alert, WorkLease,
]

# spelled out, so type checkers see the re-exports (tests/store/test_model_declarations.py checks it)
__all__ = [
    "SystemUser", "Queue", "ServerProfile", "Mailbox", "WorkloadState", "SystemSettings", "UserOptions",
    "SyncFilter", "FilterCriterion", "DiagnosticRun", "DiagnosticStep", "EmailActivity", "EmailMailboxLink",
    "Appointment", "Contact", "Task", "CrmAccount", "Lead", "FolderSyncState", "ItemLink", "ConflictLog",
    "SyncHistory", "Alert", "WorkLease",
    "ALL_MODELS",
]
