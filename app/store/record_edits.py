"""Appointments, contacts and tasks edited in the app: loaded as the values the editors show, saved
validated in one transaction, deleted; and where each record stands with Exchange.

A saved change is the record's own: its ``modified_on`` moves on, which is what the synchronization
compares with the link (app.sync.appointments_contacts_tasks) — the next cycle, or Save and sync
now, takes it to Exchange. A deleted record's link stays, so that cycle deletes its item too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from app.domain.enums import ConflictPolicy, RecordState, RecordType, SyncState
from app.domain.records import (
    AppointmentValues,
    ContactValues,
    TaskValues,
    validate_appointment,
    validate_contact,
    validate_task,
    whole_days,
)
from app.domain.validation import ensure_valid
from app.store.base import database, utcnow
from app.store.models import ConflictLog, ItemLink, Mailbox, SystemUser
from app.store.records import SYNCED_LISTS, act_mailbox_ids

RecordValues = AppointmentValues | ContactValues | TaskValues
_VALUES: dict[RecordType, type[AppointmentValues] | type[ContactValues] | type[TaskValues]] = {
    RecordType.APPOINTMENT: AppointmentValues,
    RecordType.CONTACT: ContactValues,
    RecordType.TASK: TaskValues,
}


def _model(record_type: RecordType) -> Any:
    from app.store.filters_query import MODELS

    return MODELS[record_type]


def validate(values: RecordValues) -> list[Any]:
    if isinstance(values, AppointmentValues):
        return validate_appointment(values)
    if isinstance(values, ContactValues):
        return validate_contact(values)
    return validate_task(values)


def record_type_of(values: RecordValues) -> RecordType:
    return next(kind for kind, cls in _VALUES.items() if isinstance(values, cls))


def load_record(record_type: RecordType, record_id: int) -> RecordValues | None:
    """The record's values as its editor shows them; None when it is gone."""
    record = _model(record_type).get_or_none(_model(record_type).id == record_id)
    if record is None:
        return None
    cls = _VALUES[record_type]
    names = [name for name in cls.__dataclass_fields__ if name != "owner_id"]
    return cls(owner_id=record.owner_id, **{name: getattr(record, name) for name in names})


def save_record(values: RecordValues, record_id: int | None = None) -> int:
    """Create (*record_id* None) or update the record, validated, in one transaction; its id.
    Raises ValidationError (nothing saved) or LookupError when the record was deleted meanwhile."""
    ensure_valid(validate(values))
    record_type = record_type_of(values)
    model = _model(record_type)
    fields = asdict(values)
    fields["owner"] = fields.pop("owner_id")
    if isinstance(values, AppointmentValues) and values.is_all_day:
        assert values.start is not None and values.end is not None  # validated
        fields["start"], fields["end"] = whole_days(values.start, values.end)
    now = utcnow()
    with database.atomic("IMMEDIATE"):
        if record_id is None:
            record = model.create(state=RecordState.ACTIVE, created_on=now, modified_on=now, **fields)
            return int(record.id)
        changed = model.update(modified_on=now, **fields).where(model.id == record_id).execute()
        if not changed:
            raise LookupError(f"{record_type.value} {record_id} was deleted")
    return record_id


def delete_record(record_type: RecordType, record_id: int) -> bool:
    """Delete the record here; its links stay, so the next cycle deletes its items in Exchange."""
    model = _model(record_type)
    with database.atomic("IMMEDIATE"):
        return bool(model.delete().where(model.id == record_id).execute())


@dataclass(frozen=True)
class RecordStanding:
    """Where one record stands with Exchange, for its editor."""

    state: SyncState
    mailbox_ids: tuple[int, ...]  # the owner's mailboxes that synchronize it (Save and sync now)
    synced_on: Any  # the last synchronization of its link, None without one
    conflict_id: int | None
    conflict_winner: str  # "store" or "exchange" ("" without a conflict)
    conflict_policy: ConflictPolicy | None


def record_standing(record_type: RecordType, record_id: int | None, owner_id: int | None) -> RecordStanding:
    mailboxes = tuple(act_mailbox_ids(owner_id)) if owner_id is not None else ()
    if record_id is None:
        return RecordStanding(SyncState.NOT_SYNCED, mailboxes, None, None, "", None)
    row = SYNCED_LISTS[record_type].rows([record_id]).get(record_id)
    if row is None:
        return RecordStanding(SyncState.NOT_SYNCED, mailboxes, None, None, "", None)
    link = (
        ItemLink.select()
        .where((ItemLink.record_type == record_type) & (ItemLink.record_id == record_id))
        .order_by(ItemLink.synced_on.desc())
        .first()
    )
    conflict = row.conflict
    return RecordStanding(
        row.state,
        mailboxes,
        link.synced_on if link is not None else None,
        conflict.id if conflict else None,
        conflict.winner if conflict else "",
        conflict.policy if conflict else None,
    )


def owner_choices() -> list[tuple[int, str]]:
    """The active users, who may own appointments, contacts and tasks: (id, name) by name."""
    users = SystemUser.select(SystemUser.id, SystemUser.name).where(SystemUser.is_active == True)  # noqa: E712
    return sorted(((u.id, u.name) for u in users), key=lambda pair: pair[1].casefold())


def current_user_id() -> int | None:
    user = SystemUser.select(SystemUser.id).where(SystemUser.is_current == True).first()  # noqa: E712
    return user.id if user is not None else None


def conflict_mailbox(conflict_id: int) -> int | None:
    entry = ConflictLog.get_or_none(ConflictLog.id == conflict_id)
    return entry.mailbox_id if entry is not None else None


def mailbox_name(mailbox_id: int) -> str:
    mailbox = Mailbox.get_or_none(Mailbox.id == mailbox_id)
    return mailbox.name if mailbox is not None else ""
