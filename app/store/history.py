"""What the mailbox editor's history shows: the stored Test & Enable runs with their steps, and
the conflict log (what each conflict policy decided).

Plain frozen rows (no peewee objects), as in ``queries``: the windows hold them after the query
is done, and ``app.diagnostics.history`` rebuilds a report from a ``StoredRun``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.enums import ConflictPolicy, RecordType, RunStatus, Workload
from app.store.models import Appointment, ConflictLog, Contact, DiagnosticRun, DiagnosticStep, Mailbox, Task


@dataclass(frozen=True)
class StoredStep:
    """One step of a stored run, as ``app.diagnostics.outcome`` recorded it."""

    position: int
    name: str
    workload: Workload | None
    status: RunStatus
    duration_ms: float
    message: str
    message_parts: str  # JSON [context, template, params] parts; "" = the message as stored
    details: str  # the redacted transcript


@dataclass(frozen=True)
class StoredRun:
    """One Test & Enable run of one mailbox, its steps in order."""

    id: int
    mailbox_id: int
    email: str
    started_on: datetime
    finished_on: datetime | None
    status: RunStatus
    steps: tuple[StoredStep, ...]

    @property
    def first_failure(self) -> StoredStep | None:
        return next((s for s in self.steps if s.status is RunStatus.FAILURE), None)

    @property
    def duration_ms(self) -> float | None:
        if self.finished_on is None:
            return None
        return (self.finished_on - self.started_on).total_seconds() * 1000


def _step(row: DiagnosticStep) -> StoredStep:
    return StoredStep(
        row.position,
        row.name,
        row.workload,
        row.status,
        row.duration_ms,
        row.message,
        row.message_parts,
        row.details,
    )


def stored_runs(mailbox_id: int, limit: int = 200) -> list[StoredRun]:
    """The mailbox's runs, newest first, each with its steps (two queries whatever the count)."""
    email = Mailbox.select(Mailbox.email).where(Mailbox.id == mailbox_id).scalar() or ""
    runs = list(
        DiagnosticRun.select()
        .where(DiagnosticRun.mailbox == mailbox_id)
        .order_by(DiagnosticRun.started_on.desc(), DiagnosticRun.id.desc())
        .limit(limit)
    )
    steps: dict[int, list[StoredStep]] = {run.id: [] for run in runs}
    if runs:
        query = (
            DiagnosticStep.select()
            .where(DiagnosticStep.run.in_(list(steps)))
            .order_by(DiagnosticStep.run, DiagnosticStep.position)
        )
        for row in query:
            steps[row.run_id].append(_step(row))
    return [
        StoredRun(run.id, mailbox_id, email, run.started_on, run.finished_on, run.status, tuple(steps[run.id]))
        for run in runs
    ]


def stored_run(run_id: int) -> StoredRun | None:
    """One run with its steps, or None when it is gone (its mailbox deleted meanwhile)."""
    run = DiagnosticRun.get_or_none(DiagnosticRun.id == run_id)
    if run is None:
        return None
    email = Mailbox.select(Mailbox.email).where(Mailbox.id == run.mailbox_id).scalar() or ""
    steps = DiagnosticStep.select().where(DiagnosticStep.run == run_id).order_by(DiagnosticStep.position)
    return StoredRun(
        run.id, run.mailbox_id, email, run.started_on, run.finished_on, run.status, tuple(_step(s) for s in steps)
    )


@dataclass(frozen=True)
class ConflictRow:
    """One conflict: the record, the policy that decided it, the side that won and both versions."""

    id: int
    happened_on: datetime
    record_type: RecordType
    record_id: int
    record_name: str  # "" when the record is gone
    policy: ConflictPolicy
    winner: str  # "store" or "exchange" (app.domain.conflicts)
    store_version: dict[str, Any]
    exchange_version: dict[str, Any]

    @property
    def changed_fields(self) -> list[str]:
        """The synchronized fields whose values the two sides disagreed on, in name order."""
        names = set(self.store_version) | set(self.exchange_version)
        return sorted(n for n in names if self.store_version.get(n) != self.exchange_version.get(n))


def _version(text: str) -> dict[str, Any]:
    """A side's snapshot (JSON written by app.sync.record_mapping); {} when unreadable."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _record_names(record_type: RecordType, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    if record_type is RecordType.CONTACT:
        contacts = Contact.select().where(Contact.id.in_(list(ids)))
        return {c.id: " ".join(p for p in (c.first_name, c.last_name) if p) or c.email for c in contacts}
    model = Appointment if record_type is RecordType.APPOINTMENT else Task
    return {r.id: r.subject for r in model.select(model.id, model.subject).where(model.id.in_(list(ids)))}


def conflict_rows(mailbox_id: int, limit: int = 500) -> list[ConflictRow]:
    """The mailbox's conflict log, newest first."""
    logs = list(
        ConflictLog.select()
        .where(ConflictLog.mailbox == mailbox_id)
        .order_by(ConflictLog.happened_on.desc(), ConflictLog.id.desc())
        .limit(limit)
    )
    names: dict[RecordType, dict[int, str]] = {
        kind: _record_names(kind, {log.record_id for log in logs if log.record_type is kind}) for kind in RecordType
    }
    return [
        ConflictRow(
            log.id,
            log.happened_on,
            log.record_type,
            log.record_id,
            names[log.record_type].get(log.record_id, ""),
            log.policy,
            log.winner,
            _version(log.store_version),
            _version(log.exchange_version),
        )
        for log in logs
    ]


def conflict_row(conflict_id: int) -> ConflictRow | None:
    """One entry of the conflict log (the Records page opens it from its record), None when gone."""
    log = ConflictLog.get_or_none(ConflictLog.id == conflict_id)
    if log is None:
        return None
    name = _record_names(log.record_type, {log.record_id}).get(log.record_id, "")
    return ConflictRow(
        log.id,
        log.happened_on,
        log.record_type,
        log.record_id,
        name,
        log.policy,
        log.winner,
        _version(log.store_version),
        _version(log.exchange_version),
    )
