"""Saving and loading what the forms edit, with validation and passwords kept in the keyring."""

from __future__ import annotations

import os
import sys
from dataclasses import fields

from app import secrets
from app.domain.enums import FilterOperator, OwnerKind, RecordState, RecordType
from app.domain.settings import MailboxSettings, ProfileSettings
from app.domain.validation import (
    MailboxContext,
    ProfileContext,
    ensure_valid,
    validate_mailbox,
    validate_profile,
)
from app.store.base import database, utcnow
from app.store.models import (
    FilterCriterion,
    Mailbox,
    ServerProfile,
    SyncFilter,
    SystemSettings,
    SystemUser,
    UserOptions,
)

_PROFILE_COLUMNS = [f.name for f in fields(ProfileSettings) if not f.name.endswith("has_password")]
_MAILBOX_COLUMNS = [
    "name",
    "email",
    "approval",
    "incoming_method",
    "outgoing_method",
    "act_method",
    "allow_credentials",
    "username",
    "delete_after_processing",
]


def system_settings() -> SystemSettings:
    row: SystemSettings | None = SystemSettings.select().order_by(SystemSettings.id).first()
    return row if row is not None else SystemSettings.create()


# --- profiles ------------------------------------------------------------------------------


def profile_settings(profile: ServerProfile) -> ProfileSettings:
    values = {name: getattr(profile, name) for name in _PROFILE_COLUMNS}
    values["has_password"] = secrets.has_password(secrets.profile_key(profile.id))
    values["outgoing_has_password"] = secrets.has_password(secrets.profile_key(profile.id, outgoing=True))
    return ProfileSettings(**values)


def profile_context(profile: ServerProfile | None = None) -> ProfileContext:
    others = ServerProfile.select(ServerProfile.name)
    if profile is not None and profile.id is not None:
        others = others.where(ServerProfile.id != profile.id)
    return ProfileContext(
        other_profile_names={p.name for p in others},
        allow_insecure_credentials=system_settings().allow_insecure_credentials,
        is_windows=sys.platform == "win32",
        file_exists=os.path.isfile,
    )


def save_profile(
    settings: ProfileSettings,
    *,
    profile: ServerProfile | None = None,
    password: str | None = None,
    outgoing_password: str | None = None,
) -> ServerProfile:
    """Validate and save. A given password is stored in the keyring; None keeps the stored one."""
    profile = profile or ServerProfile()
    check = ProfileSettings(**settings.__dict__)
    if password:
        check.has_password = True
    elif profile.id is not None:
        check.has_password = secrets.has_password(secrets.profile_key(profile.id))
    if outgoing_password:
        check.outgoing_has_password = True
    elif profile.id is not None:
        check.outgoing_has_password = secrets.has_password(secrets.profile_key(profile.id, outgoing=True))
    ensure_valid(validate_profile(check, profile_context(profile)))
    with database.atomic():
        for name in _PROFILE_COLUMNS:
            value = getattr(settings, name)
            setattr(profile, name, value.strip() if type(value) is str else value)
        profile.modified_on = utcnow()
        profile.save()
        # inside the transaction: a keyring failure rolls the row back, nothing half-saved
        if password:
            secrets.set_password(secrets.profile_key(profile.id), password)
        if outgoing_password:
            secrets.set_password(secrets.profile_key(profile.id, outgoing=True), outgoing_password)
    return profile


def delete_profile(profile: ServerProfile) -> None:
    with database.atomic():
        profile_id = profile.id
        profile.delete_instance()
        secrets.delete_password(secrets.profile_key(profile_id))
        secrets.delete_password(secrets.profile_key(profile_id, outgoing=True))


# --- mailboxes -----------------------------------------------------------------------------


def mailbox_settings(mailbox: Mailbox) -> MailboxSettings:
    values = {name: getattr(mailbox, name) for name in _MAILBOX_COLUMNS}
    if mailbox.owner_queue_id is not None:
        values.update(owner_id=mailbox.owner_queue_id, owner_kind=OwnerKind.QUEUE)
    else:
        values.update(owner_id=mailbox.owner_user_id, owner_kind=OwnerKind.USER)
    values["profile_id"] = mailbox.profile_id
    values["has_password"] = secrets.has_password(secrets.mailbox_key(mailbox.id))
    return MailboxSettings(**values)


def mailbox_context(settings: MailboxSettings) -> MailboxContext:
    profile = ServerProfile.get_or_none(ServerProfile.id == settings.profile_id) if settings.profile_id else None
    return MailboxContext(profile_credential_source=profile.credential_source if profile else None)


def save_mailbox(settings: MailboxSettings, *, mailbox: Mailbox | None = None, password: str | None = None) -> Mailbox:
    mailbox = mailbox or Mailbox()
    check = MailboxSettings(**settings.__dict__)
    if password:
        check.has_password = True
    elif mailbox.id is not None:
        check.has_password = secrets.has_password(secrets.mailbox_key(mailbox.id))
    ensure_valid(validate_mailbox(check, mailbox_context(check)))
    with database.atomic():
        for name in _MAILBOX_COLUMNS:
            value = getattr(settings, name)
            setattr(mailbox, name, value.strip() if type(value) is str else value)
        mailbox.owner_user_id = settings.owner_id if settings.owner_kind is OwnerKind.USER else None
        mailbox.owner_queue_id = settings.owner_id if settings.owner_kind is OwnerKind.QUEUE else None
        mailbox.profile_id = settings.profile_id
        mailbox.modified_on = utcnow()
        mailbox.save()
        if password:
            secrets.set_password(secrets.mailbox_key(mailbox.id), password)
    return mailbox


def delete_mailbox(mailbox: Mailbox) -> None:
    with database.atomic():
        mailbox_id = mailbox.id
        SystemSettings.update(notify_mailbox_id=None).where(SystemSettings.notify_mailbox_id == mailbox_id).execute()
        mailbox.delete_instance()
        secrets.delete_password(secrets.mailbox_key(mailbox_id))


# --- users and their personal options --------------------------------------------------------

_DEFAULT_FILTER_NAMES = {
    RecordType.APPOINTMENT: "My Appointments",
    RecordType.CONTACT: "My Contacts",
    RecordType.TASK: "My Tasks",
}


def create_user(name: str, email: str | None = None, *, is_current: bool = False) -> SystemUser:
    """A user with default options and the default sync filters (owner = me, status = active)."""
    with database.atomic():
        user = SystemUser.create(name=name, email=email, is_current=is_current)
        UserOptions.create(user=user)
        for record_type, filter_name in _DEFAULT_FILTER_NAMES.items():
            sync_filter = SyncFilter.create(user=user, record_type=record_type, name=filter_name, is_default=True)
            FilterCriterion.create(
                filter=sync_filter, position=0, field="owner", operator=FilterOperator.CURRENT_USER, value=""
            )
            FilterCriterion.create(
                filter=sync_filter,
                position=1,
                field="state",
                operator=FilterOperator.EQUALS,
                value=RecordState.ACTIVE.value,
            )
    return user


def user_options(user: SystemUser) -> UserOptions:
    options = UserOptions.get_or_none(UserOptions.user == user)
    return options if options is not None else UserOptions.create(user=user)
