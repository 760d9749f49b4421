"""Read queries behind the lists of the desktop app, and the small alert actions they offer.

Each list gets plain frozen rows (no peewee objects), so item models can hold them after the
query is done and tests can build them by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from peewee import JOIN

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ApprovalStatus,
    CredentialSource,
    OwnerKind,
    RunStatus,
    ServerType,
    SyncMethod,
    Workload,
)
from app.domain.status import is_failing, is_sync_off, mailbox_status
from app.store.base import database, is_set
from app.store.models import Alert, Mailbox, Queue, ServerProfile, SyncHistory, SystemSettings, SystemUser

# peewee's stubs type a query's .tuples() as still yielding model instances: the casts below say
# what its rows are


@dataclass(frozen=True)
class ProfileRow:
    id: int
    name: str
    description: str
    server_type: ServerType
    auto_discover: bool
    incoming_url: str
    credential_source: CredentialSource
    mailbox_count: int
    modified_on: datetime | None
    failing_count: int = 0  # its mailboxes failing (app.domain.status.is_failing)
    last_test_on: datetime | None = None  # the latest Test & Enable of one of its mailboxes
    is_default: bool = False  # the system's default profile (new mailboxes get it)


@dataclass(frozen=True)
class MailboxRow:
    id: int
    name: str
    email: str
    owner_name: str
    owner_kind: OwnerKind
    approval: ApprovalStatus
    profile_id: int | None
    profile_name: str
    incoming_method: SyncMethod
    outgoing_method: SyncMethod
    act_method: SyncMethod
    incoming_status: RunStatus
    outgoing_status: RunStatus
    act_status: RunStatus
    mailbox_status: RunStatus
    test_completed_on: datetime | None
    last_sync_success_on: datetime | None
    next_sync_on: datetime | None
    alert_level: AlertLevel | None  # worst open alert, None when there is none
    status: RunStatus = RunStatus.NOT_RUN  # the worst of its server-side workloads (app.domain.status)
    open_alerts: int = 0
    is_active: bool = True  # the mailbox itself (schema 7)
    owner_active: bool = True  # its user or queue (schema 7): an inactive owner's mailbox is not synchronized
    incoming_enabled: bool = False
    outgoing_enabled: bool = False
    act_enabled: bool = False

    @property
    def synchronized(self) -> bool:
        """Neither the mailbox nor its owner is deactivated."""
        return self.is_active and self.owner_active

    @property
    def failing(self) -> bool:
        """Its last test failed or warned, or it has an open Error or Warning alert (a sync failing
        since its test, retried or not)."""
        return is_failing(self.status) or self.alert_level in (AlertLevel.ERROR, AlertLevel.WARNING)

    @property
    def sync_off(self) -> bool:
        workloads = (
            (self.incoming_method, self.incoming_enabled),
            (self.outgoing_method, self.outgoing_enabled),
            (self.act_method, self.act_enabled),
        )
        return is_sync_off(self.synchronized, workloads, self.test_completed_on is not None)


@dataclass(frozen=True)
class AlertRow:
    id: int
    created_on: datetime
    updated_on: datetime
    level: AlertLevel
    scope: AlertScope
    mailbox_id: int | None
    mailbox_name: str
    profile_id: int | None
    profile_name: str
    workload: Workload | None
    error_code: str
    message: str
    details: str
    occurrences: int
    is_read: bool
    is_open: bool
    message_parts: str = ""  # JSON, see app.store.alerts.message_parts; the GUI shows app.gui.i18n.alert_text
    next_step: str = ""
    resolved_on: datetime | None = None  # when it closed; None while open (or closed before schema 12)


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    kind: OwnerKind | None = None


def profile_rows(mailboxes: Iterable[MailboxRow] | None = None) -> list[ProfileRow]:
    """Every profile with its mailboxes counted: how many, how many fail, when one was last tested
    (from *mailboxes*, every mailbox's row, when the caller has them already)."""
    counts: dict[int, int] = {}
    failing: dict[int, int] = {}
    last_test: dict[int, datetime] = {}
    for row in mailbox_rows() if mailboxes is None else mailboxes:
        if row.profile_id is None:
            continue
        counts[row.profile_id] = counts.get(row.profile_id, 0) + 1
        failing[row.profile_id] = failing.get(row.profile_id, 0) + int(row.failing)
        if row.test_completed_on is not None and (
            row.profile_id not in last_test or row.test_completed_on > last_test[row.profile_id]
        ):
            last_test[row.profile_id] = row.test_completed_on
    settings = SystemSettings.select(SystemSettings.default_profile).order_by(SystemSettings.id).first()
    default_id = settings.default_profile_id if settings is not None else None
    return [
        ProfileRow(
            p.id,
            p.name,
            p.description,
            p.server_type,
            p.auto_discover,
            p.incoming_url,
            p.credential_source,
            counts.get(p.id, 0),
            p.modified_on,
            failing.get(p.id, 0),
            last_test.get(p.id),
            p.id == default_id,
        )
        for p in ServerProfile.select().order_by(ServerProfile.name)
    ]


def _open_alerts() -> tuple[dict[int, AlertLevel], dict[int, int]]:
    """Per mailbox: the worst level of its open alerts, and how many are open."""
    worst: dict[int, AlertLevel] = {}
    count: dict[int, int] = {}
    query = cast(
        "Iterable[tuple[int, AlertLevel]]",
        Alert.select(Alert.mailbox, Alert.level).where(is_set(Alert.is_open) & Alert.mailbox.is_null(False)).tuples(),
    )
    for mailbox_id, level in query:
        level = AlertLevel(level)
        count[mailbox_id] = count.get(mailbox_id, 0) + 1
        if mailbox_id not in worst or level.severity > worst[mailbox_id].severity:
            worst[mailbox_id] = level
    return worst, count


def mailbox_rows(profile_id: int | None = None, mailbox_id: int | None = None) -> list[MailboxRow]:
    """The mailbox list: one query, its columns read as plain tuples (no model object per row and
    joined record: the window reads it again after every burst of sync cycles, on its own thread)."""
    query = (
        Mailbox.select(
            Mailbox.id,
            Mailbox.name,
            Mailbox.email,
            Queue.id,
            Queue.name,
            Queue.is_active,
            SystemUser.name,
            SystemUser.is_active,
            Mailbox.approval,
            Mailbox.profile,
            ServerProfile.name,
            Mailbox.incoming_method,
            Mailbox.outgoing_method,
            Mailbox.act_method,
            Mailbox.incoming_status,
            Mailbox.outgoing_status,
            Mailbox.act_status,
            Mailbox.mailbox_status,
            Mailbox.test_completed_on,
            Mailbox.last_sync_success_on,
            Mailbox.next_sync_on,
            Mailbox.is_active,
            Mailbox.incoming_enabled,
            Mailbox.outgoing_enabled,
            Mailbox.act_enabled,
        )
        .join(ServerProfile, join_type=JOIN.LEFT_OUTER, on=(Mailbox.profile == ServerProfile.id))
        .switch(Mailbox)
        .join(SystemUser, join_type=JOIN.LEFT_OUTER, on=(Mailbox.owner_user == SystemUser.id))
        .switch(Mailbox)
        .join(Queue, join_type=JOIN.LEFT_OUTER, on=(Mailbox.owner_queue == Queue.id))
        .order_by(Mailbox.name)
    )
    if profile_id is not None:
        query = query.where(Mailbox.profile == profile_id)
    if mailbox_id is not None:
        query = query.where(Mailbox.id == mailbox_id)
    levels, open_counts = _open_alerts()
    rows = []
    for row in cast("Iterable[tuple[Any, ...]]", query.tuples()):
        (id_, name, email, queue_id, queue_name, queue_active, user_name, user_active) = row[:8]
        (approval, profile, profile_name, in_method, out_method, act_method, in_status, out_status) = row[8:16]
        (act_status, box_status, tested, synced, next_sync, active, in_on, out_on, act_on) = row[16:]
        # the joined names: None exactly when the foreign key is NULL (a LEFT OUTER JOIN's NULLs)
        if queue_id is not None:
            owner_name, owner_kind, owner_active = queue_name, OwnerKind.QUEUE, queue_active
        else:
            owner_name = user_name or ""
            owner_kind = OwnerKind.USER
            owner_active = user_active if user_active is not None else True
        status = mailbox_status(((in_method, in_status), (out_method, out_status), (act_method, act_status)))
        rows.append(
            MailboxRow(
                id_,
                name,
                email,
                owner_name,
                owner_kind,
                approval,
                profile,
                profile_name or "",
                in_method,
                out_method,
                act_method,
                in_status,
                out_status,
                act_status,
                box_status,
                tested,
                synced,
                next_sync,
                levels.get(id_),
                status,
                open_counts.get(id_, 0),
                active,
                owner_active,
                in_on,
                out_on,
                act_on,
            )
        )
    return rows


def alert_rows(*, mailbox_id: int | None = None, profile_id: int | None = None) -> list[AlertRow]:
    """All alerts newest first; for a profile, its own alerts and those of its mailboxes."""
    query = (
        Alert.select(Alert, Mailbox, ServerProfile)
        .join(Mailbox, join_type=JOIN.LEFT_OUTER, on=(Alert.mailbox == Mailbox.id))
        .switch(Alert)
        .join(ServerProfile, join_type=JOIN.LEFT_OUTER, on=(Alert.profile == ServerProfile.id))
        .order_by(Alert.updated_on.desc(), Alert.id.desc())
    )
    if mailbox_id is not None:
        query = query.where(Alert.mailbox == mailbox_id)
    if profile_id is not None:
        their_mailboxes = Mailbox.select(Mailbox.id).where(Mailbox.profile == profile_id)
        query = query.where((Alert.profile == profile_id) | (Alert.mailbox.in_(their_mailboxes)))
    return [
        AlertRow(
            a.id,
            a.created_on,
            a.updated_on,
            a.level,
            a.scope,
            a.mailbox_id,
            a.mailbox.name if a.mailbox is not None else "",
            a.profile_id,
            a.profile.name if a.profile is not None else "",
            a.workload,
            a.error_code,
            a.message,
            a.details,
            a.occurrences,
            a.is_read,
            a.is_open,
            a.message_parts,
            a.next_step,
            a.resolved_on,
        )
        for a in query
    ]


def worst_open_alert_level() -> AlertLevel | None:
    levels = {
        AlertLevel(v)
        for (v,) in cast(
            "Iterable[tuple[AlertLevel]]", Alert.select(Alert.level).where(is_set(Alert.is_open)).distinct().tuples()
        )
    }
    return max(levels, key=lambda level: level.severity) if levels else None


def profile_choices() -> list[Choice]:
    return [Choice(p.id, p.name) for p in ServerProfile.select().order_by(ServerProfile.name)]


def owner_choices() -> list[Choice]:
    users = [
        Choice(u.id, u.name, OwnerKind.USER)
        for u in SystemUser.select().where(is_set(SystemUser.is_active)).order_by(SystemUser.name)
    ]
    queues = [Choice(q.id, q.name, OwnerKind.QUEUE) for q in Queue.select().order_by(Queue.name)]
    return users + queues


def mark_alerts_read(ids: Iterable[int], read: bool = True) -> int:
    ids = list(ids)
    if not ids:
        return 0
    with database.atomic():
        changed: int = Alert.update(is_read=read).where(Alert.id.in_(ids)).execute()
        return changed


def delete_alerts(ids: Iterable[int]) -> int:
    ids = list(ids)
    if not ids:
        return 0
    with database.atomic():
        deleted: int = Alert.delete().where(Alert.id.in_(ids)).execute()
        return deleted


@dataclass(frozen=True)
class SyncHistoryRow:
    id: int
    workload: Workload
    started_on: datetime
    finished_on: datetime | None
    status: RunStatus
    created: int
    updated: int
    deleted: int
    message: str
    message_parts: str = ""  # JSON [context, template, params]: the message in any language (schema 6)


def sync_history_rows(mailbox_id: int, limit: int = 500) -> list[SyncHistoryRow]:
    query = (
        SyncHistory.select()
        .where(SyncHistory.mailbox == mailbox_id)
        .order_by(SyncHistory.started_on.desc(), SyncHistory.id.desc())
        .limit(limit)
    )
    return [
        SyncHistoryRow(
            h.id,
            h.workload,
            h.started_on,
            h.finished_on,
            h.status,
            h.created,
            h.updated,
            h.deleted,
            h.message,
            h.message_parts,
        )
        for h in query
    ]
