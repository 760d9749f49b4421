"""Recording a finished Test & Enable: the run and its steps, the statuses on the mailbox,
escalation of each failed workload, and the profile-wide "most mailboxes fail" rule."""

from __future__ import annotations

import json

from app.diagnostics.report import DiagnosticReport, tested_workloads
from app.domain.enums import RunStatus, Workload
from app.domain.escalation import Failure
from app.store import alerts
from app.store.base import database, utcnow
from app.store.health import STATUS_FIELD, apply_failure, apply_failures, apply_success, refresh_summary
from app.store.models import Alert, DiagnosticRun, DiagnosticStep, Mailbox


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
                message_parts=json.dumps(step.message_parts, ensure_ascii=False, default=str)
                if step.message_parts
                else "",
                details=step.details,
            )
        steps = {s.workload: s for s in report.steps if s.workload is not None}
        shared: list[Workload] = []  # failed before the workload steps: one problem, one alert
        refused: list[Workload] = []  # a refused logon: one count for the mailbox's credentials
        refused_failure: Failure | None = None
        announced = False  # one failure shared by the workloads had one alert: its recovery one too
        for workload, status in report.workloads.items():
            setattr(mailbox, STATUS_FIELD[workload], status)
            if status is RunStatus.SUCCESS:
                announce = not announced or alerts.has_open_failure_alerts(mailbox, workload, own=True)
                information = apply_success(mailbox, workload, announce=announce, keep_logon_count=report.partial)
                announced = announced or bool(information)
                recorded += information
                continue
            workload_step = steps.get(workload)
            failure = workload_step.failure if workload_step is not None and workload_step.failure else shared_failure
            if failure is None:
                continue
            if failure.authentication:
                refused.append(workload)
                refused_failure = refused_failure or failure
            elif workload_step is None:
                shared.append(workload)
            else:
                recorded += apply_failure(mailbox, workload, failure)
        if shared and shared_failure is not None:
            recorded += apply_failures(mailbox, shared, shared_failure)
        if refused and refused_failure is not None:
            # the workloads that logged on fine in this test are not held with the refused ones
            spared = [w for w, status in report.workloads.items() if status is RunStatus.SUCCESS]
            recorded += apply_failures(mailbox, refused, refused_failure, spare=spared)
        mailbox.mailbox_status = _mailbox_status(mailbox, report)
        mailbox.test_completed_on = report.finished_on or utcnow()
        refresh_summary(mailbox)
        mailbox.save()
    if report.status is RunStatus.FAILURE:
        profile_alert = alerts.check_most_mailboxes_failing(mailbox.profile)
        if profile_alert is not None:
            recorded.append(profile_alert)
    return recorded


def _mailbox_status(mailbox: Mailbox, report: DiagnosticReport) -> RunStatus:
    """The report's status; for a retry that tested only some workloads (app.sync.scheduler), the
    status of every workload the mailbox tests, the others as their last test left them."""
    if not report.partial:
        return report.status
    statuses = [getattr(mailbox, STATUS_FIELD[w]) for w in tested_workloads(mailbox)]
    if statuses and all(s is RunStatus.SUCCESS for s in statuses):
        return RunStatus.SUCCESS
    return RunStatus.FAILURE if RunStatus.FAILURE in statuses else report.status
