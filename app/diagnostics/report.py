"""What one Test & Enable produced: ordered step results and a per-workload status.

Plain data, shared by the steps that fill it, the store that records it and the windows and
command line that show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.enums import RunStatus, SyncMethod, Workload
from app.domain.escalation import Failure
from app.store.base import utcnow
from app.store.models import Mailbox


@dataclass
class StepResult:
    name: str
    title: str
    workload: Workload | None
    status: RunStatus
    duration_ms: float = 0.0
    message: str = ""
    details: str = ""
    failure: Failure | None = None
    # the message as translatable parts [context, template, params] (app.domain.i18n.parts_text);
    # empty: ``message`` is shown as it is (a failure's message is translated through ``failure``)
    message_parts: list[list[Any]] = field(default_factory=list)


@dataclass
class DiagnosticReport:
    mailbox_id: int
    email: str
    status: RunStatus = RunStatus.NOT_RUN
    steps: list[StepResult] = field(default_factory=list)
    workloads: dict[Workload, RunStatus] = field(default_factory=dict)
    started_on: datetime = field(default_factory=utcnow)
    finished_on: datetime | None = None
    partial: bool = False  # a retry that tested only the workloads waiting for it

    def as_text(self) -> str:
        lines = [
            f"Test & Enable report for {self.email}",
            f"Result: {self.status.label}",
            f"Started: {self.started_on:%Y-%m-%d %H:%M:%S} UTC",
            "",
        ]
        for i, step in enumerate(self.steps, 1):
            lines.append(f"{i}. {step.title}: {step.status.label} ({step.duration_ms:.0f} ms)")
            if step.message:
                lines.append(f"   {step.message}")
            if step.failure and step.failure.next_step:
                lines.append(f"   Next step: {step.failure.next_step}")
        return "\n".join(lines)


def tested_workloads(mailbox: Mailbox) -> list[Workload]:
    methods = {
        Workload.INCOMING: mailbox.incoming_method,
        Workload.OUTGOING: mailbox.outgoing_method,
        Workload.ACT: mailbox.act_method,
    }
    return [w for w, m in methods.items() if m is SyncMethod.SERVER_SIDE]
