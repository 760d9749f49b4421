"""What ``test-mailbox`` and ``test-profile`` print: a report as text or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.enums import RunStatus

if TYPE_CHECKING:
    from app.diagnostics.report import DiagnosticReport


def report_json(report: DiagnosticReport) -> dict[str, Any]:
    return {
        "mailbox": report.email,
        "status": report.status.value,
        "workloads": {w.value: s.value for w, s in report.workloads.items()},
        "started_on": report.started_on.isoformat(),
        "finished_on": report.finished_on.isoformat() if report.finished_on else None,
        "steps": [
            {
                "name": s.name,
                "title": s.title,
                "workload": s.workload.value if s.workload else None,
                "status": s.status.value,
                "duration_ms": round(s.duration_ms, 1),
                "message": s.message,
                "code": s.failure.code if s.failure else None,
                "next_step": s.failure.next_step if s.failure else None,
                "details": s.details,
            }
            for s in report.steps
        ],
    }


def passed(report: DiagnosticReport) -> bool:
    return report.status is RunStatus.SUCCESS
