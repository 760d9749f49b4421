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
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from app.diagnostics.outcome import record_test_report
from app.diagnostics.report import DiagnosticReport, StepResult, tested_workloads
from app.domain.cancel import Cancelled, CancelToken
from app.domain.enums import RunStatus, Workload
from app.domain.escalation import Failure
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.exchange import net, probes
from app.exchange.autodiscover import discover
from app.exchange.connection import ConnectionPlan, PreconditionFailed, plan_connection
from app.exchange.errors import classify
from app.exchange.folders import ensure_undeliverable_folder
from app.exchange.mailbox_connection import MailboxConnection, open_connection
from app.store.base import utcnow
from app.store.models import Mailbox, ServerProfile

log = logging.getLogger(__name__)
CTX = "Diagnostics"  # translation context of the step titles and messages
TEST_SUBJECT_PREFIX = "Test Message"


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

    def step(self, name: str, title: str, workload: Workload | None, action: Callable[[], str]) -> StepResult:
        self.cancel.check()
        mark = len(self.recorder.exchanges)
        started = time.perf_counter()
        result = StepResult(name, title, workload, RunStatus.SUCCESS)
        try:
            with net.recording(self.recorder):
                result.message = action() or ""
        except (Cancelled, KeyboardInterrupt):
            raise
        except PreconditionFailed as exc:
            result.status, result.failure, result.message = RunStatus.FAILURE, exc.failure, exc.failure.message
        except Exception as exc:  # noqa: BLE001 - a test step's boundary: any failure is classified, reported
            # and escalated, never a traceback for the admin
            trace = exc.trace if isinstance(exc, _WithTrace) else ""
            failure = classify(exc.error if isinstance(exc, _WithTrace) and exc.error else exc)
            result.status, result.failure = RunStatus.FAILURE, failure
            result.message = failure.message + (f"\n{trace}" if trace else "")
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
        result = StepResult(name, title, workload, RunStatus.NOT_RUN, message=reason)
        self.report.steps.append(result)
        if self.progress:
            self.progress(result)


def run_mailbox_test(
    mailbox_id: int, *, progress: Callable[[StepResult], None] | None = None, cancel: CancelToken | None = None
) -> DiagnosticReport:
    """Run the ordered steps for one mailbox, store the results, escalate failures."""
    mailbox = Mailbox.get_by_id(mailbox_id)
    run = _Run(mailbox, progress, cancel)
    workloads = tested_workloads(mailbox)
    state: dict[str, Any] = {}

    def preconditions() -> str:
        if not workloads:
            return _N(CTX, "No workload uses server-side synchronization: nothing to test.")
        state["plan"] = plan_connection(mailbox)
        assert mailbox.profile is not None  # plan_connection refuses a mailbox without one
        if Workload.OUTGOING in workloads and not mailbox.profile.outgoing_same_as_incoming:
            state["outgoing_plan"] = plan_connection(mailbox, outgoing=True)
        return _N(CTX, "The address is approved, a profile is set and the needed credentials are present.")

    first = run.step("preconditions", _N(CTX, "Preconditions"), None, preconditions)
    if first.status is not RunStatus.SUCCESS or not workloads:
        return _finish(run, workloads, first.failure, record_test_report)

    plan: ConnectionPlan = state["plan"]

    def endpoint() -> str:
        if plan.ews_url:
            state["ews_url"] = plan.ews_url
            return f"Configured EWS address: {plan.ews_url}"
        found = discover(plan)
        trace = found.trace()
        if found.ews_url is None:
            raise _WithTrace(found.error, trace)
        state["ews_url"] = found.ews_url
        return f"Autodiscover found {found.ews_url}\n{trace}"

    step = run.step("endpoint", _N(CTX, "Exchange Web Services endpoint"), None, endpoint)
    if step.status is not RunStatus.SUCCESS:
        return _finish(run, workloads, step.failure, record_test_report)

    def connect() -> str:
        connection = open_connection(plan, state["ews_url"])
        state["connection"] = connection
        server = probes.check_connection(connection)  # the first authenticated request
        return (
            f"Authenticated with {server.auth_type} as {plan.username}; server version {server.build} "
            f"({server.api_version})" + ("; impersonating " + plan.email if plan.use_impersonation else "")
        )

    step = run.step("connect", _N(CTX, "Connect and authenticate"), None, connect)
    if step.status is not RunStatus.SUCCESS:
        return _finish(run, workloads, step.failure, record_test_report)
    connection: MailboxConnection = state["connection"]
    profile = mailbox.profile
    assert profile is not None  # the preconditions refused a mailbox without one

    if Workload.INCOMING in workloads:

        def incoming() -> str:
            count = probes.open_inbox(connection)
            text = f"Inbox opened: {count} items."
            if profile.move_failed_to_undeliverable:
                created = ensure_undeliverable_folder(connection)
                text += " Undeliverable folder " + ("created." if created else "present.")
            return text

        run.step("incoming", _N(CTX, "Incoming email"), Workload.INCOMING, incoming)

    if Workload.OUTGOING in workloads:

        def outgoing() -> str:
            send_connection = connection
            if "outgoing_plan" in state:
                send_plan = state["outgoing_plan"]
                send_connection = open_connection(send_plan, send_plan.ews_url or state["ews_url"])
            subject = probes.send_test_message(send_connection, mailbox.email)
            return f"Sent “{subject}” to {mailbox.email} and found it in Sent Items."

        run.step("outgoing", _N(CTX, "Outgoing email"), Workload.OUTGOING, outgoing)

    if Workload.ACT in workloads:

        def act() -> str:
            counts = [f"{name} {count}" for name, count in probes.count_appointments_contacts_tasks(connection)]
            return "Folders opened: " + ", ".join(counts) + " items."

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


def run_profile_test(
    profile_id: int,
    *,
    progress: Callable[[int, int, DiagnosticReport | None], None] | None = None,
    cancel: CancelToken | None = None,
) -> list[DiagnosticReport]:
    """Test every mailbox of the profile, at most max-concurrent-connections at once."""
    profile = ServerProfile.get_by_id(profile_id)
    ids = [m.id for m in Mailbox.select(Mailbox.id).where(Mailbox.profile == profile).order_by(Mailbox.id)]
    cancel = cancel or CancelToken()
    reports: list[DiagnosticReport] = []
    done = 0
    if progress:
        progress(0, len(ids), None)

    def one(mailbox_id: int) -> DiagnosticReport | None:
        if cancel.cancelled:
            return None
        try:
            return run_mailbox_test(mailbox_id, cancel=cancel)
        except Cancelled:
            return None

    with ThreadPoolExecutor(
        max_workers=max(1, min(profile.max_connections, len(ids) or 1)), thread_name_prefix="profile-test"
    ) as pool:
        for report in pool.map(one, ids):
            done += 1
            if report is not None:
                reports.append(report)
            if progress:
                progress(done, len(ids), report)
    return reports
