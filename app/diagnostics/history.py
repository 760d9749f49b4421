"""A stored Test & Enable run as a ``DiagnosticReport`` again, for the report dialog and the
support texts (the mailbox editor's history).

The store keeps each step's name, not its title: the titles are the ones ``app.diagnostics.steps``
gives its steps (a test compares a live report with the one rebuilt from the store). A failure's
next step is not stored, so a rebuilt report shows the step's message and transcript without it.
"""

from __future__ import annotations

from app.diagnostics.report import DiagnosticReport, StepResult
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.i18n import stored_parts
from app.store.history import StoredRun, StoredStep

CTX = "Diagnostics"  # the context the step titles are translated in (app.diagnostics.steps)

STEP_TITLES = {
    "preconditions": _N(CTX, "Preconditions"),
    "endpoint": _N(CTX, "Exchange Web Services endpoint"),
    "connect": _N(CTX, "Connect and authenticate"),
    "incoming": _N(CTX, "Incoming email"),
    "outgoing": _N(CTX, "Outgoing email"),
    "act": _N(CTX, "Appointments, contacts and tasks"),
}


def step_title(name: str) -> str:
    """A stored step's title (English, translated where it is shown); an unknown name as it is."""
    return STEP_TITLES.get(name, name)


def step_result(step: StoredStep) -> StepResult:
    """A stored step as the engine made it (its title from its name; no failure: not stored)."""
    return StepResult(
        step.name,
        step_title(step.name),
        step.workload,
        step.status,
        step.duration_ms,
        step.message,
        step.details,
        message_parts=stored_parts(step.message_parts),
    )


def report_from_stored(run: StoredRun) -> DiagnosticReport:
    """The report of a stored run: its status, times and steps in order. Per-workload statuses
    are the workload steps' own."""
    steps = [step_result(step) for step in run.steps]
    return DiagnosticReport(
        run.mailbox_id,
        run.email,
        run.status,
        steps,
        workloads={s.workload: s.status for s in steps if s.workload is not None},
        started_on=run.started_on,
        finished_on=run.finished_on,
    )
