"""The system settings row as the Settings page edits it: loaded as a value, validated and saved
in one transaction (docs/product-rules.md §4; the rules in app.domain.system_settings).

Everything that honours a setting reads the row when it needs it (``app.store.repo.system_settings``),
so a save takes effect at once: the next alert recorded, toast chosen, failure escalated, profile
saved, email tracked or sent. The language is read when the app starts.
"""

from __future__ import annotations

from dataclasses import asdict

from app.domain.enums import SyncMethod
from app.domain.system_settings import SystemSettingsContext, SystemSettingsValues, validate_system_settings
from app.domain.validation import ensure_valid
from app.store.base import database
from app.store.models import Mailbox, Queue, ServerProfile, SystemSettings, SystemUser
from app.store.repo import system_settings

_COLUMNS = [name for name in asdict(SystemSettingsValues()) if name != "default_profile_id"]


def load_system_settings() -> SystemSettingsValues:
    row = system_settings()
    values = {name: getattr(row, name) for name in _COLUMNS}
    return SystemSettingsValues(**values, default_profile_id=row.default_profile_id)


def sending_mailboxes() -> list[Mailbox]:
    """The mailboxes that can send alert emails, by name: outgoing email by server-side
    synchronization, the mailbox and its owner active (as app.sync.scheduler.active_mailboxes)."""
    active_users = SystemUser.select(SystemUser.id).where(SystemUser.is_active == True)  # noqa: E712 - peewee expression
    active_queues = Queue.select(Queue.id).where(Queue.is_active == True)  # noqa: E712 - peewee expression
    return list(
        Mailbox.select()
        .where(
            (Mailbox.outgoing_method == SyncMethod.SERVER_SIDE)
            & (Mailbox.is_active == True)  # noqa: E712 - peewee expression
            & (Mailbox.owner_user.is_null() | Mailbox.owner_user.in_(active_users))
            & (Mailbox.owner_queue.is_null() | Mailbox.owner_queue.in_(active_queues))
        )
        .order_by(Mailbox.name, Mailbox.id)
    )


def system_settings_context() -> SystemSettingsContext:
    return SystemSettingsContext(
        profile_ids=frozenset(p.id for p in ServerProfile.select(ServerProfile.id)),
        sending_mailbox_ids=frozenset(m.id for m in sending_mailboxes()),
    )


def save_system_settings(values: SystemSettingsValues) -> SystemSettings:
    """Validate against the store as it is inside the transaction, then write the row (ValidationError
    with every issue, nothing written, when a rule is broken)."""
    with database.atomic("IMMEDIATE"):
        ensure_valid(validate_system_settings(values, system_settings_context()))
        row = system_settings()
        for name in _COLUMNS:
            value = getattr(values, name)
            setattr(row, name, value.strip() if type(value) is str else value)
        row.default_profile_id = values.default_profile_id
        row.save()
    return row
