"""All store models, in creation order."""
from app.store.models_activity import (
    Alert,
    Appointment,
    ConflictLog,
    Contact,
    CrmAccount,
    EmailActivity,
    EmailMailboxLink,
    FolderSyncState,
    ItemLink,
    Lead,
    SyncHistory,
    Task,
    DiagnosticRun,
    DiagnosticStep,
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

ALL_MODELS = [
    SystemUser, Queue, ServerProfile, Mailbox, WorkloadState, SystemSettings, UserOptions,
    SyncFilter, FilterCriterion, DiagnosticRun, DiagnosticStep, EmailActivity, EmailMailboxLink,
    Appointment, Contact, Task, CrmAccount, Lead, FolderSyncState, ItemLink, ConflictLog,
    SyncHistory, Alert,
]

__all__ = [m.__name__ for m in ALL_MODELS] + ["ALL_MODELS"]
