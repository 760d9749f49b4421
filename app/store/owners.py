"""Users and queues (the Users & queues page): the list, creating one with its mailbox, editing,
deactivating, and adding many at once (address book, CSV file).

As in Dynamics, creating a user or queue creates its mailbox in the same transaction, with the
system's default email server profile (none when no default is set) and its address pending
approval. Deactivating an owner keeps every record: its mailboxes simply get no sync jobs
(``app.sync.scheduler.active_mailboxes``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from peewee import JOIN, ForeignKeyField

from app.domain.enums import ApprovalStatus, OwnerKind, RunStatus
from app.domain.owners import OwnerContext, OwnerSettings, email_key, validate_owner
from app.domain.validation import ValidationError, ensure_valid
from app.store import repo
from app.store.base import database, utcnow
from app.store.models import Mailbox, Queue, ServerProfile, SystemUser


@dataclass(frozen=True)
class OwnerRow:
    """One line of the Users & queues list: the owner and its (first) mailbox."""

    id: int
    kind: OwnerKind
    name: str
    email: str
    is_active: bool
    mailbox_id: int | None
    mailbox_name: str
    approval: ApprovalStatus | None
    mailbox_status: RunStatus | None
    profile_name: str
    delete_after_processing: bool = False


@dataclass(frozen=True)
class CreatedOwner:
    kind: OwnerKind
    owner_id: int
    mailbox_id: int
    profile_name: str  # "" when the system has no default profile: the mailbox has none


@dataclass(frozen=True)
class BulkResult:
    created: tuple[CreatedOwner, ...]
    skipped: tuple[str, ...]  # addresses that were already a user's, a queue's or a mailbox's


def _model(kind: OwnerKind) -> type[SystemUser] | type[Queue]:
    return SystemUser if kind is OwnerKind.USER else Queue


def _owner_field(kind: OwnerKind) -> ForeignKeyField:
    return Mailbox.owner_user if kind is OwnerKind.USER else Mailbox.owner_queue


def owner_rows() -> list[OwnerRow]:
    """The Users & queues list: each owner with its first mailbox, read as plain tuples (no model
    object per row: the window reads it again after every burst of sync cycles)."""
    query = (
        Mailbox.select(
            Mailbox.owner_queue,
            Mailbox.owner_user,
            Mailbox.id,
            Mailbox.name,
            Mailbox.approval,
            Mailbox.mailbox_status,
            ServerProfile.name,
            Mailbox.delete_after_processing,
        )
        .join(ServerProfile, join_type=JOIN.LEFT_OUTER)
        .order_by(Mailbox.id)
        .tuples()
    )
    mailboxes: dict[tuple[OwnerKind, int | None], tuple[Any, ...]] = {}
    for queue_id, user_id, *first in cast("Iterable[tuple[Any, ...]]", query):
        key = (OwnerKind.QUEUE, queue_id) if queue_id is not None else (OwnerKind.USER, user_id)
        mailboxes.setdefault(key, tuple(first))  # the first: the one created with the owner
    rows = []
    for kind in OwnerKind:
        model = _model(kind)
        owners = model.select(model.id, model.name, model.email, model.is_active).order_by(model.name).tuples()
        for owner_id, name, email, is_active in cast("Iterable[tuple[int, str, str | None, bool]]", owners):
            mailbox = mailboxes.get((kind, owner_id))
            if mailbox is None:
                rows.append(OwnerRow(owner_id, kind, name, email or "", is_active, None, "", None, None, ""))
                continue
            mailbox_id, mailbox_name, approval, status, profile_name, delete_after = mailbox
            rows.append(
                OwnerRow(
                    owner_id,
                    kind,
                    name,
                    email or "",
                    is_active,
                    mailbox_id,
                    mailbox_name,
                    approval,
                    status,
                    profile_name or "",
                    delete_after,
                )
            )
    return rows


def owner_settings(kind: OwnerKind, owner_id: int) -> OwnerSettings:
    owner = _model(kind).get_by_id(owner_id)
    mailbox = _first_mailbox(kind, owner_id)
    return OwnerSettings(
        kind, owner.name, owner.email or "", mailbox.delete_after_processing if mailbox is not None else False
    )


def _first_mailbox(kind: OwnerKind, owner_id: int) -> Mailbox | None:
    mailbox: Mailbox | None = Mailbox.select().where(_owner_field(kind) == owner_id).order_by(Mailbox.id).first()
    return mailbox


def taken_addresses(kind: OwnerKind | None = None, owner_id: int | None = None) -> OwnerContext:
    """Every address a user, queue or mailbox holds, except those of the owner being edited
    (*kind*, *owner_id*) and of its own mailboxes."""
    taken: dict[str, str] = {}
    for model in (SystemUser, Queue):
        for row in model.select(model.id, model.name, model.email).where(model.email.is_null(False)):
            mine = owner_id is not None and model is _model(kind or OwnerKind.USER) and row.id == owner_id
            if not mine:
                taken.setdefault(email_key(row.email or ""), row.name)
    for m in Mailbox.select(Mailbox.name, Mailbox.email, Mailbox.owner_user, Mailbox.owner_queue):
        mine = owner_id is not None and (
            (kind is OwnerKind.USER and m.owner_user_id == owner_id)
            or (kind is OwnerKind.QUEUE and m.owner_queue_id == owner_id)
        )
        if not mine:
            taken.setdefault(email_key(m.email), m.name)
    taken.pop("", None)
    return OwnerContext(taken)


def default_profile() -> ServerProfile | None:
    """The system's default email server profile, which new mailboxes get (None: not set)."""
    profile: ServerProfile | None = repo.system_settings().default_profile
    return profile


def _create(settings: OwnerSettings, profile: ServerProfile | None) -> CreatedOwner:
    name, email = settings.name.strip(), settings.email.strip()
    if settings.kind is OwnerKind.USER:
        owner_id = repo.create_user(name, email).id
    else:
        owner_id = Queue.create(name=name, email=email).id
    mailbox = Mailbox.create(
        name=name,
        email=email,
        owner_user=owner_id if settings.kind is OwnerKind.USER else None,
        owner_queue=owner_id if settings.kind is OwnerKind.QUEUE else None,
        profile=profile,
        approval=ApprovalStatus.PENDING,
        delete_after_processing=settings.delete_after_processing and settings.kind is OwnerKind.QUEUE,
    )
    return CreatedOwner(settings.kind, owner_id, mailbox.id, profile.name if profile is not None else "")


def create_owner(settings: OwnerSettings) -> CreatedOwner:
    """Validate, then create the user or queue and its mailbox in one transaction."""
    with database.atomic():
        ensure_valid(validate_owner(settings, taken_addresses()))
        return _create(settings, default_profile())


def update_owner(kind: OwnerKind, owner_id: int, settings: OwnerSettings) -> None:
    """Save the name and address (and a queue's "delete email after processing", which its mailbox
    keeps). A new address moves the owner's mailbox that had the old one to it, and sends that
    address back to Pending approval: the new one has not been approved. A mailbox named after
    its owner takes the new name."""
    with database.atomic():
        ensure_valid(validate_owner(settings, taken_addresses(kind, owner_id)))
        owner = _model(kind).get_by_id(owner_id)
        old_email, old_name = owner.email or "", owner.name
        owner.name = settings.name.strip()
        owner.email = settings.email.strip()
        owner.save()
        mailboxes = Mailbox.select().where(_owner_field(kind) == owner_id)
        for mailbox in mailboxes:
            if email_key(mailbox.email) == email_key(old_email) and email_key(old_email) != email_key(owner.email):
                mailbox.email = owner.email
                mailbox.approval = ApprovalStatus.PENDING
            if mailbox.name == old_name:  # named after its owner when it was created: it follows
                mailbox.name = owner.name
            if kind is OwnerKind.QUEUE:
                mailbox.delete_after_processing = settings.delete_after_processing
            mailbox.modified_on = utcnow()
            mailbox.save()


def set_owner_active(kind: OwnerKind, owner_id: int, active: bool) -> None:
    """Activate or deactivate: an inactive owner's mailboxes are not synchronized, nothing is deleted."""
    with database.atomic():
        model = _model(kind)
        model.update(is_active=active).where(model.id == owner_id).execute()


def create_owners(items: Sequence[OwnerSettings]) -> list[CreatedOwner]:
    """All of *items* or none (a CSV import): every one is validated against the store and against
    the ones before it; any issue raises ``ValidationError`` and nothing is saved."""
    with database.atomic():
        context = taken_addresses()
        issues = []
        for settings in items:
            issues += validate_owner(settings, context)
            context.taken.setdefault(email_key(settings.email), settings.name.strip())
        ensure_valid(issues)
        profile = default_profile()
        return [_create(settings, profile) for settings in items]


def add_users(people: Iterable[tuple[str, str]]) -> BulkResult:
    """Users (name, email) from the address book, in one transaction; an address that is already a
    user's, a queue's or a mailbox's is skipped (and reported), as is a repeat of one in *people*."""
    with database.atomic():
        context = taken_addresses()
        profile = default_profile()
        created, skipped = [], []
        for name, email in people:
            settings = OwnerSettings(OwnerKind.USER, name.strip() or email.strip(), email.strip())
            if email_key(email) in context.taken:
                skipped.append(email.strip())
                continue
            issues = validate_owner(settings, context)
            if issues:
                raise ValidationError(issues)
            created.append(_create(settings, profile))
            context.taken[email_key(email)] = settings.name
        return BulkResult(tuple(created), tuple(skipped))
