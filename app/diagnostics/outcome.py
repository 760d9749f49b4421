"""Recording a finished Test & Enable: the run and its steps, the statuses on the mailbox,
escalation of each failed workload, and the profile-wide "most mailboxes fail" rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.enums import RunStatus
from app.domain.escalation import Failure
from app.store import alerts
from app.store.base import database, utcnow
from app.store.health import STATUS_FIELD, apply_failure, apply_success, refresh_summary
from app.store.models import Alert, DiagnosticRun, DiagnosticStep, Mailbox

if TYPE_CHECKING:
    from app.diagnostics.report import DiagnosticReport


def record_test_report(mailbox: Mailbox, report: DiagnosticReport, shared_failure: Failure | None) -> list[Alert]:
    """Store a finished DiagnosticReport on the mailbox and escalate what failed."""
    recorded: list[Alert] = []
    with database.atomic("IMMEDIATE"):  # writers queue up instead of failing on a stale snapshot
        mailbox = Mailbox.get_by_id(mailbox.id)
        run = DiagnosticRun.create(
            mailbox=mailbox,
            profile=mailbox.profile_id,
            started_on=report.started_on,
            finished_on=report.finished_on,
            status=report.status,
        )
        for position, step in enumerate(report.steps):
            DiagnosticStep.create(
                run=run,
                position=position,
                name=step.name,
                workload=step.workload,
                status=step.status,
                duration_ms=step.duration_ms,
                message=step.message,
                details=step.details,
            )
        steps = {s.workload: s for s in report.steps if s.workload is not None}
        shared_alert_done = False
        for workload, status in report.workloads.items():
            setattr(mailbox, STATUS_FIELD[workload], status)
            if status is RunStatus.SUCCESS:
                recorded += apply_success(mailbox, workload)
                continue
            workload_step = steps.get(workload)
            failure = workload_step.failure if workload_step is not None and workload_step.failure else shared_failure
            if failure is None:
                continue
            # a failure before the workload steps is one problem: one alert, escalation for each workload
            is_shared = workload_step is None
            recorded += apply_failure(mailbox, workload, failure, raise_alert=not (is_shared and shared_alert_done))
            shared_alert_done = shared_alert_done or is_shared
        mailbox.mailbox_status = report.status
        mailbox.test_completed_on = report.finished_on or utcnow()
        refresh_summary(mailbox)
        mailbox.save()
    if report.status is RunStatus.FAILURE:
        profile_alert = alerts.check_most_mailboxes_failing(mailbox.profile)
        if profile_alert is not None:
            recorded.append(profile_alert)
    return recorded
