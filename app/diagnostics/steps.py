"""Test & Enable (docs/architecture.md): one mailbox test as ordered steps, like a connectivity
analyzer.

Each step records status, duration, a message for a person and the redacted HTTP exchanges it
made. Only workloads set to server-side synchronization are tested; those that pass are
enabled; failures escalate into alerts (app.diagnostics.outcome).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from app.diagnostics.outcome import record_test_report
from app.diagnostics.report import DiagnosticReport, StepResult, tested_workloads
from app.domain.cancel import Cancelled, CancelToken
from app.domain.enums import RunStatus, Workload
from app.domain.escalation import Failure
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.i18n import parts_text
from app.exchange import net, probes
from app.exchange.autodiscover import discover
from app.exchange.connection import ConnectionPlan, PreconditionFailed, plan_connection
from app.exchange.errors import classify, for_credentials
from app.exchange.folders import ensure_undeliverable_folder
from app.exchange.mailbox_connection import MailboxConnection, open_connection
from app.store.base import utcnow
from app.store.health import credential_source_of
from app.store.models import Mailbox

log = logging.getLogger(__name__)
CTX = "Diagnostics"  # translation context of the step titles and messages
TEST_SUBJECT_PREFIX = "Test Message"
Parts = list[list[Any]]  # a message as translatable parts (app.domain.i18n.parts_text)


def _say(template: str, **params: object) -> Parts:
    """A step's message: a template marked in context "Diagnostics" and its (technical) values."""
    return [[CTX, template, params]]


def _verbatim(text: str) -> Parts:
    """Technical text shown as it is in every language (an Autodiscover trace)."""
    return [[CTX, "{text}", {"text": text}]] if text else []


class _Run:
    """One mailbox test in progress."""

    def __init__(
        self, mailbox: Mailbox, progress: Callable[[StepResult], None] | None, cancel: CancelToken | None
    ) -> None:
        self.mailbox = mailbox
        self.report = DiagnosticReport(mailbox.id, mailbox.email)
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self.recorder = net.Recorder()

    def step(self, name: str, title: str, workload: Workload | None, action: Callable[[], Parts]) -> StepResult:
        self.cancel.check()
        mark = len(self.recorder.exchanges)
        started = time.perf_counter()
        result = StepResult(name, title, workload, RunStatus.SUCCESS)
        try:
            with net.recording(self.recorder):
                result.message_parts = action()
            result.message = parts_text(result.message_parts)
        except (Cancelled, KeyboardInterrupt):
            raise
        except PreconditionFailed as exc:
            result.status, result.failure, result.message = RunStatus.FAILURE, exc.failure, exc.failure.message
            result.message_parts = _failure_parts(exc.failure)
        except Exception as exc:  # noqa: BLE001 - a test step's boundary: any failure is classified, reported
            # and escalated, never a traceback for the admin
            trace = exc.trace if isinstance(exc, _WithTrace) else ""
            failure = classify(exc.error if isinstance(exc, _WithTrace) and exc.error else exc)
            # the next step names where this mailbox's credentials are entered, one place
            failure = for_credentials(failure, credential_source_of(self.mailbox, outgoing=name == "outgoing"))
            result.status, result.failure = RunStatus.FAILURE, failure
            result.message = failure.message + (f"\n{trace}" if trace else "")
            result.message_parts = _failure_parts(failure) + _verbatim(f"\n{trace}" if trace else "")
            log.info("test step %s of %s failed: %s", name, self.mailbox.email, failure.details)
        result.duration_ms = (time.perf_counter() - started) * 1000
        result.details = self.recorder.render(mark)
        if result.failure and result.failure.details:
            result.details = (result.details + "\n\n" if result.details else "") + result.failure.details
        self.report.steps.append(result)
        if self.progress:
            self.progress(result)
        return result

    def skipped(self, name: str, title: str, workload: Workload | None, reason: str) -> None:
        result = StepResult(name, title, workload, RunStatus.NOT_RUN, message=reason, message_parts=_say(reason))
        self.report.steps.append(result)
        if self.progress:
            self.progress(result)


def _failure_parts(failure: Failure) -> Parts:
    return [["Failures", failure.message_template, dict(failure.params)]]


def run_mailbox_test(
    mailbox_id: int,
    *,
    progress: Callable[[StepResult], None] | None = None,
    cancel: CancelToken | None = None,
    workloads: list[Workload] | None = None,
) -> DiagnosticReport:
    """Run the ordered steps for one mailbox, store the results, escalate failures.

    *workloads*: test only these (of those set to server-side synchronization) — the scheduler's
    retry of a failed test; None tests every one, as the admin's Test & Enable does."""
    mailbox = Mailbox.get_by_id(mailbox_id)
    run = _Run(mailbox, progress, cancel)
    tested = tested_workloads(mailbox)
    if workloads is not None:
        tested = [w for w in tested if w in workloads]
        run.report.partial = True
    workloads = tested
    state: dict[str, Any] = {}

    def preconditions() -> Parts:
        if not workloads:
            return _say(_N(CTX, "No workload uses server-side synchronization: nothing to test."))
        state["plan"] = plan_connection(mailbox)
        assert mailbox.profile is not None  # plan_connection refuses a mailbox without one
        if Workload.OUTGOING in workloads and not mailbox.profile.outgoing_same_as_incoming:
            state["outgoing_plan"] = plan_connection(mailbox, outgoing=True)
        return _say(_N(CTX, "The address is approved, a profile is set and the needed credentials are present."))

    first = run.step("preconditions", _N(CTX, "Preconditions"), None, preconditions)
    if first.status is not RunStatus.SUCCESS or not workloads:
        return _finish(run, workloads, first.failure, record_test_report)

    plan: ConnectionPlan = state["plan"]

    def endpoint() -> Parts:
        if plan.ews_url:
            state["ews_url"] = plan.ews_url
            return _say(_N(CTX, "Configured EWS address: {url}"), url=plan.ews_url)
        found = discover(plan)
        trace = found.trace()
        if found.ews_url is None:
            raise _WithTrace(found.error, trace)
        state["ews_url"] = found.ews_url
        return _say(_N(CTX, "Autodiscover found {url}"), url=found.ews_url) + _verbatim(f"\n{trace}")

    step = run.step("endpoint", _N(CTX, "Exchange Web Services endpoint"), None, endpoint)
    if step.status is not RunStatus.SUCCESS:
        return _finish(run, workloads, step.failure, record_test_report)

    def connect() -> Parts:
        connection = open_connection(plan, state["ews_url"])
        state["connection"] = connection
        server = probes.check_connection(connection)  # the first authenticated request
        said = _say(
            _N(CTX, "Authenticated with {auth_type} as {username}; server version {build} ({api_version})"),
            auth_type=server.auth_type,
            username=plan.username,
            build=server.build,
            api_version=server.api_version,
        )
        if plan.use_impersonation:
            said += _say(_N(CTX, "; impersonating {email}"), email=plan.email)
        return said

    step = run.step("connect", _N(CTX, "Connect and authenticate"), None, connect)
    if step.status is not RunStatus.SUCCESS:
        return _finish(run, workloads, step.failure, record_test_report)
    connection: MailboxConnection = state["connection"]
    profile = mailbox.profile
    assert profile is not None  # the preconditions refused a mailbox without one

    if Workload.INCOMING in workloads:

        def incoming() -> Parts:
            count = probes.open_inbox(connection)
            said = _say(_N(CTX, "Inbox opened: {count} items."), count=count)
            if profile.move_failed_to_undeliverable:
                created = ensure_undeliverable_folder(connection)
                said += _say(
                    _N(CTX, " Undeliverable folder created.") if created else _N(CTX, " Undeliverable folder present.")
                )
            return said

        run.step("incoming", _N(CTX, "Incoming email"), Workload.INCOMING, incoming)

    if Workload.OUTGOING in workloads:

        def outgoing() -> Parts:
            send_connection = connection
            if "outgoing_plan" in state:
                send_plan = state["outgoing_plan"]
                send_connection = open_connection(send_plan, send_plan.ews_url or state["ews_url"])
            subject = probes.send_test_message(send_connection, mailbox.email)
            return _say(
                _N(CTX, "Sent “{subject}” to {email} and found it in Sent Items."), subject=subject, email=mailbox.email
            )

        run.step("outgoing", _N(CTX, "Outgoing email"), Workload.OUTGOING, outgoing)

    if Workload.ACT in workloads:

        def act() -> Parts:
            counts = dict(probes.count_appointments_contacts_tasks(connection))
            return _say(
                _N(CTX, "Folders opened: Calendar {calendar}, Contacts {contacts}, Tasks {tasks} items."),
                calendar=counts.get("Calendar"),
                contacts=counts.get("Contacts"),
                tasks=counts.get("Tasks"),
            )

        run.step("act", _N(CTX, "Appointments, contacts and tasks"), Workload.ACT, act)

    return _finish(run, workloads, None, record_test_report)


class _WithTrace(Exception):
    """An Autodiscover failure that carries its trace into the step's details."""

    def __init__(self, error: BaseException | None, trace: str):
        self.error, self.trace = error, trace
        super().__init__(f"{error}\n{trace}")


def _finish(
    run: _Run,
    workloads: list[Workload],
    shared_failure: Failure | None,
    record: Callable[[Mailbox, DiagnosticReport, Failure | None], object],
) -> DiagnosticReport:
    report = run.report
    by_workload = {s.workload: s for s in report.steps if s.workload is not None}
    for workload in workloads:
        step = by_workload.get(workload)
        report.workloads[workload] = step.status if step else RunStatus.FAILURE
    report.status = (
        RunStatus.SUCCESS
        if workloads and all(s is RunStatus.SUCCESS for s in report.workloads.values())
        else RunStatus.NOT_RUN
        if not workloads and shared_failure is None
        else RunStatus.FAILURE
    )
    report.finished_on = utcnow()
    record(run.mailbox, report, shared_failure)
    return report
