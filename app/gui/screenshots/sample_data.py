"""Sample records for screenshots and GUI tests: profiles, mailboxes in every state, alerts, and
a Test & Enable report.

Written through the store's own repo functions (validation and keyring included); the test
results and alerts are set directly, as the engine would have left them. The names are those of
the screenshots' language (``SAMPLE_NAMES``): a Japanese window shows Japanese people and
profiles, and its alerts carry the engine's translatable parts; the English ones stay English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ApprovalStatus,
    CredentialSource,
    OwnerKind,
    RecordType,
    RunStatus,
    SyncMethod,
    Workload,
)
from app.domain.i18n import QT_TRANSLATE_NOOP, parts_text
from app.domain.settings import MailboxSettings, ProfileSettings
from app.store import repo
from app.store.health import RETRY_SUFFIX
from app.store.models import Alert, Mailbox, Queue, SyncHistory

if TYPE_CHECKING:
    from app.diagnostics.report import DiagnosticReport

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@dataclass(frozen=True)
class SampleNames:
    admin: str
    alice: str
    bob: str
    queue: str
    queue_mailbox: str
    onprem: str
    onprem_description: str
    manual: str


SAMPLE_NAMES = {
    "en": SampleNames(
        "Kenichiro Nakamura",
        "Alice Wong",
        "Bob Sato",
        "Support",
        "Support queue",
        "Exchange 2013 on-premises",
        "The head office Exchange Server 2013",
        "Exchange (manual URL)",
    ),
    "ja": SampleNames(  # the walkthrough's author and its profile, Exchange 2013 設置型
        "中村 憲一郎",
        "青木 愛",
        "佐藤 大輔",
        "サポート",
        "サポート キュー",
        "Exchange 2013 設置型",
        "本社の Exchange Server 2013",
        "Exchange (URL を指定)",
    ),
}


def sample_names(language: str = "en") -> SampleNames:
    return SAMPLE_NAMES.get(language, SAMPLE_NAMES["en"])


@dataclass
class Sample:
    profile_ids: list[int] = field(default_factory=list)
    mailbox_ids: dict[str, int] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)
    queue_id: int = 0
    names: SampleNames = SAMPLE_NAMES["en"]


def create_sample_data(now: datetime = NOW, language: str = "en") -> Sample:
    names = sample_names(language)
    sample = Sample(names=names)
    admin = repo.create_user(names.admin, "admin@contoso.com", is_current=True)
    alice = repo.create_user(names.alice, "alice@contoso.com")
    bob = repo.create_user(names.bob, "bob@contoso.com")
    sample.user_ids = {"admin": admin.id, "alice": alice.id, "bob": bob.id}
    sample.queue_id = Queue.create(name=names.queue, email="support@contoso.com").id
    onprem = repo.save_profile(
        ProfileSettings(
            name=names.onprem,
            description=names.onprem_description,
            process_email_from=now - timedelta(days=30),
        )
    )
    manual = repo.save_profile(
        ProfileSettings(
            name=names.manual,
            auto_discover=False,
            incoming_url="https://mail.contoso.com/EWS/Exchange.asmx",
            credential_source=CredentialSource.PROFILE,
            username="CONTOSO\\crmservice",
            use_impersonation=True,
            process_email_from=now - timedelta(days=7),
        ),
        password="service-password",
    )
    sample.profile_ids = [onprem.id, manual.id]

    def mailbox(key, name, email, owner, kind=OwnerKind.USER, profile=onprem.id, **extra):
        settings = MailboxSettings(
            name=name,
            email=email,
            owner_id=owner,
            owner_kind=kind,
            approval=ApprovalStatus.APPROVED,
            profile_id=profile,
            allow_credentials=profile == onprem.id,
            username=email,
        )
        row = repo.save_mailbox(settings, password="secret" if profile == onprem.id else None)
        if extra:
            Mailbox.update(**extra).where(Mailbox.id == row.id).execute()
        sample.mailbox_ids[key] = row.id
        return row.id

    ok = dict(
        incoming_status=RunStatus.SUCCESS,
        outgoing_status=RunStatus.SUCCESS,
        act_status=RunStatus.SUCCESS,
        mailbox_status=RunStatus.SUCCESS,
        test_completed_on=now,
        incoming_enabled=True,
        outgoing_enabled=True,
        act_enabled=True,
        last_sync_success_on=now - timedelta(minutes=3),
        next_sync_on=now + timedelta(minutes=2),
    )
    mailbox("admin", names.admin, "admin@contoso.com", admin.id, **ok)
    alice_id = mailbox(
        "alice",
        names.alice,
        "alice@contoso.com",
        alice.id,
        incoming_status=RunStatus.FAILURE,
        outgoing_status=RunStatus.FAILURE,
        act_status=RunStatus.FAILURE,
        mailbox_status=RunStatus.FAILURE,
        test_completed_on=now,
        last_sync_error="401 Unauthorized: the user name or password is wrong.",
        transient_failure_count=0,
    )
    bob_id = mailbox(
        "bob",
        names.bob,
        "bob@contoso.com",
        bob.id,
        profile=manual.id,
        incoming_status=RunStatus.WARNING,
        outgoing_status=RunStatus.SUCCESS,
        act_status=RunStatus.SUCCESS,
        mailbox_status=RunStatus.WARNING,
        test_completed_on=now,
        incoming_enabled=True,
        outgoing_enabled=True,
        act_enabled=True,
        transient_failure_count=2,
        next_sync_on=now + timedelta(minutes=5),
    )
    mailbox("support", names.queue_mailbox, "support@contoso.com", sample.queue_id, kind=OwnerKind.QUEUE)
    Mailbox.update(approval=ApprovalStatus.PENDING, act_method=SyncMethod.NONE).where(
        Mailbox.id == sample.mailbox_ids["support"]
    ).execute()

    def said(message: str, parts: list) -> dict:
        """The English message as it is, or (another language) the engine's translatable parts."""
        if language == "en" or not parts:
            return {"message": message}
        return {"message": parts_text(parts), "message_parts": json.dumps(parts, ensure_ascii=False)}

    retry_time = f"{(now + timedelta(minutes=5)).astimezone():%H:%M}"
    busy = [["Failures", BUSY, {}], ["Alerts", RETRY_SUFFIX, {"time": retry_time, "attempt": 2, "attempts": 10}]]
    for minutes, workload, status, counts, message, parts in (
        (3, Workload.INCOMING, RunStatus.SUCCESS, (4, 0, 0), "", []),
        (3, Workload.ACT, RunStatus.SUCCESS, (1, 2, 0), "", []),
        (8, Workload.OUTGOING, RunStatus.SUCCESS, (0, 1, 0), "", []),
        (13, Workload.INCOMING, RunStatus.WARNING, (0, 0, 0), "ErrorServerBusy: retried after 5 minutes", busy),
    ):
        SyncHistory.create(
            mailbox=sample.mailbox_ids["admin"],
            workload=workload,
            status=status,
            started_on=now - timedelta(minutes=minutes),
            finished_on=now - timedelta(minutes=minutes - 1),
            created=counts[0],
            updated=counts[1],
            deleted=counts[2],
            **said(message, parts),
        )
    for minutes, status, message in (
        (5, RunStatus.FAILURE, "401 Unauthorized: the credentials were rejected."),
        (65, RunStatus.SUCCESS, ""),
    ):
        SyncHistory.create(
            mailbox=alice_id,
            workload=Workload.INCOMING,
            status=status,
            created=0 if minutes < 60 else 3,
            started_on=now - timedelta(minutes=minutes),
            finished_on=now - timedelta(minutes=minutes),
            **said(message, [["Failures", REFUSED, {}]] if message else []),
        )

    def alert(level, mailbox_id, code, message, minutes_ago, **extra):
        extra.update(said(message, extra.pop("parts")))
        Alert.create(
            level=level,
            scope=extra.pop("scope", AlertScope.MAILBOX),
            mailbox=mailbox_id,
            profile=extra.pop("profile", None) or (Mailbox.get_by_id(mailbox_id).profile_id if mailbox_id else None),
            error_code=code,
            created_on=now - timedelta(minutes=minutes_ago),
            updated_on=now - timedelta(minutes=minutes_ago),
            **extra,
        )

    alert(
        AlertLevel.ERROR,
        alice_id,
        "ErrorUnauthorized",
        "Email cannot be received for the mailbox Alice Wong: the credentials were rejected (401).",
        5,
        workload=Workload.INCOMING,
        details="POST https://mail.contoso.com/EWS/Exchange.asmx → 401",
        occurrences=3,
        parts=[["Failures", REFUSED, {}]],
    )
    alert(
        AlertLevel.WARNING,
        bob_id,
        "ErrorServerBusy",
        "The server was busy; the mailbox Bob Sato will be retried in 5 minutes.",
        12,
        workload=Workload.INCOMING,
        parts=busy,
    )
    alert(
        AlertLevel.INFORMATION,
        sample.mailbox_ids["admin"],
        "TestSucceeded",
        "The mailbox Kenichiro Nakamura was tested and enabled.",
        40,
        is_read=True,
        is_open=False,
        resolved_on=now - timedelta(minutes=38),
        parts=[["Alerts", RECOVERED, {}]],
    )
    alert(
        AlertLevel.WARNING,
        None,
        "MostMailboxesFailing",
        "More than half of this profile's mailboxes failed within the last hour.",
        25,
        scope=AlertScope.PROFILE,
        profile=onprem.id,
        parts=[["Alerts", MOST_FAILING, {}]],
    )
    return sample


EWS_URL = "https://mail.contoso.com/EWS/Exchange.asmx"
ESCALATION_CODE = "Unauthorized"
# the engine's own texts (app.exchange.errors: context Failures; app.store: Alerts)
REFUSED = "The server refused the user name or password (HTTP 401)."
BUSY = "Exchange is busy and asked to wait before the next request (throttling)."
RECOVERED = "The mailbox works again after earlier failures."
MOST_FAILING = "More than half of the mailboxes of this profile failed within the last hour."
NEXT_STEP = QT_TRANSLATE_NOOP(
    "Alerts",
    "Check the user name and password on the mailbox's Credentials tab, then click Test & Enable mailbox.",
)


def add_escalation_alerts(mailbox_id: int, now: datetime = NOW) -> None:
    """A wrong password's story as issue 13 tells it, on one mailbox: a Warning whose text gives the
    next retry's time and attempt (retried every 5 minutes, 3 attempts), then the Error that
    disabled the workload. Its earlier sample alerts make way for these."""
    from app.store.health import DISABLED_PREFIX, NO_MORE_LOGONS_SUFFIX

    Alert.delete().where(Alert.mailbox == mailbox_id).execute()
    last_retry = (now - timedelta(minutes=5)).astimezone()
    retry = [
        ["Failures", REFUSED, {}],
        ["Alerts", RETRY_SUFFIX, {"time": f"{last_retry:%H:%M}", "attempt": 3, "attempts": 3}],
    ]
    gave_up = [["Alerts", DISABLED_PREFIX, {}], ["Failures", REFUSED, {}], ["Alerts", NO_MORE_LOGONS_SUFFIX, {}]]
    details = (
        "POST https://mail.contoso.com/EWS/Exchange.asmx → 401\n"
        'WWW-Authenticate: Negotiate, NTLM, Basic realm="mail.contoso.com"'
    )
    for level, parts, first, last, occurrences in (
        (AlertLevel.WARNING, retry, 15, 10, 2),
        (AlertLevel.ERROR, gave_up, 5, 5, 1),
    ):
        Alert.create(
            level=level,
            scope=AlertScope.MAILBOX,
            mailbox=mailbox_id,
            profile=Mailbox.get_by_id(mailbox_id).profile_id,  # as the engine records it
            workload=Workload.INCOMING,
            error_code=ESCALATION_CODE,
            message=parts_text(parts),
            message_parts=json.dumps(parts, ensure_ascii=False),
            details=details,
            next_step=NEXT_STEP,
            occurrences=occurrences,
            created_on=now - timedelta(minutes=first),
            updated_on=now - timedelta(minutes=last),
        )


def sample_report(mailbox_id: int, source: CredentialSource = CredentialSource.USER_OR_QUEUE) -> DiagnosticReport:
    """A report as the engine makes it for a wrong password: its own step titles and a failure
    classified from exchangelib's own error, its next step for a profile that authenticates with
    *source*, so the screenshots show the real texts."""
    from app.diagnostics.report import DiagnosticReport, StepResult
    from app.diagnostics.steps import CTX as STEPS
    from app.domain.enums import RunStatus, Workload
    from app.exchange.errors import for_credentials, unauthorized_failure

    failure = for_credentials(
        unauthorized_failure("Invalid credentials for https://mail.contoso.com/EWS/Exchange.asmx"), source
    )
    s, f = RunStatus.SUCCESS, RunStatus.FAILURE
    report = DiagnosticReport(
        mailbox_id, "alice@contoso.com", f, started_on=NOW, finished_on=NOW + timedelta(seconds=4)
    )
    report.steps = [
        StepResult(
            "preconditions",
            "Preconditions",
            None,
            s,
            3,
            "The address is approved, a profile is set and the needed credentials are present.",
        ),
        StepResult(
            "endpoint",
            "Exchange Web Services endpoint",
            None,
            s,
            412,
            "Configured EWS address: https://mail.contoso.com/EWS/Exchange.asmx",
            message_parts=[["Diagnostics", "Configured EWS address: {url}", {"url": EWS_URL}]],
        ),
        StepResult(
            "connect",
            "Connect and authenticate",
            None,
            f,
            1280,
            failure.message,
            "> POST https://mail.contoso.com/EWS/Exchange.asmx\n> Authorization: NTLM [redacted]\n"
            '< HTTP 401 Unauthorized  (12 ms)\n< WWW-Authenticate: Negotiate, NTLM, Basic realm="mail"',
            failure,
        ),
    ]
    report.workloads = dict.fromkeys(Workload, f)
    assert STEPS == "Diagnostics"
    return report


def add_owner_samples(sample: Sample) -> None:
    """For the Users & queues pictures: the on-premises profile as the system's default, a queue
    created on this page (its mailbox deletes emails after processing) and a user who left
    (deactivated: her mailbox and records are kept)."""
    from app.domain.owners import OwnerSettings
    from app.store import owners

    settings = repo.system_settings()
    settings.default_profile_id = sample.profile_ids[0]
    settings.save()
    owners.create_owner(OwnerSettings(OwnerKind.QUEUE, "Sales", "sales@contoso.com", True))
    left = owners.create_owner(OwnerSettings(OwnerKind.USER, "Dave Ito", "dave@contoso.com"))
    owners.set_owner_active(OwnerKind.USER, left.owner_id, False)
    sample.user_ids["dave"] = left.owner_id


BUSY = "Exchange is busy and asked to wait before the next request (throttling)."  # app.exchange.errors' own


def _step_parts(template: str, **params: object) -> str:
    return json.dumps([["Diagnostics", template, params]], ensure_ascii=False)


def add_test_history(mailbox_id: int, now: datetime = NOW) -> None:
    """Four Test & Enable runs of one mailbox as the engine stores them (newest: the wrong
    password of ``sample_report``; before it, a test that passed, a busy server, the first test
    before the address was approved), and three conflicts its appointments, contacts and tasks
    met, one per policy."""
    from app.domain.enums import ConflictPolicy
    from app.store.models import Appointment, ConflictLog, Contact, DiagnosticRun, DiagnosticStep, Task

    report = sample_report(mailbox_id)
    url = "https://mail.contoso.com/EWS/Exchange.asmx"
    ok = RunStatus.SUCCESS
    passed = [
        (
            "preconditions",
            None,
            ok,
            2,
            "The address is approved, a profile is set and the needed credentials are present.",
            {},
        ),
        ("endpoint", None, ok, 380, "Configured EWS address: {url}", {"url": url}),
        (
            "connect",
            None,
            ok,
            940,
            "Authenticated with {auth_type} as {username}; server version {build} ({api_version})",
            {
                "auth_type": "NTLM",
                "username": "alice@contoso.com",
                "build": "15.0.1497.2",
                "api_version": "Exchange2013_SP1",
            },
        ),
        ("incoming", Workload.INCOMING, ok, 210, "Inbox opened: {count} items.", {"count": 42}),
        (
            "outgoing",
            Workload.OUTGOING,
            ok,
            1630,
            "Sent “{subject}” to {email} and found it in Sent Items.",
            {"subject": "Test Message 2026-02-27 16:05", "email": "alice@contoso.com"},
        ),
        (
            "act",
            Workload.ACT,
            ok,
            520,
            "Folders opened: Calendar {calendar}, Contacts {contacts}, Tasks {tasks} items.",
            {"calendar": 12, "contacts": 30, "tasks": 4},
        ),
    ]
    busy = [*passed[:4], ("outgoing", Workload.OUTGOING, RunStatus.FAILURE, 60_000, "", {}), passed[5]]
    runs: list[tuple[timedelta, RunStatus, list]] = [
        (timedelta(days=3, hours=1), ok, passed),
        (timedelta(days=4), RunStatus.FAILURE, busy),
    ]
    for ago, status, steps in runs:
        started = now - ago
        run = DiagnosticRun.create(
            mailbox=mailbox_id,
            started_on=started,
            finished_on=started + timedelta(milliseconds=sum(s[3] for s in steps)),
            status=status,
        )
        for position, (name, workload, step_status, ms, template, params) in enumerate(steps):
            failed = step_status is RunStatus.FAILURE
            message = BUSY if failed else template.format(**params)
            DiagnosticStep.create(
                run=run,
                position=position,
                name=name,
                workload=workload,
                status=step_status,
                duration_ms=ms,
                message=message,
                message_parts=json.dumps([["Failures", BUSY, {}]]) if failed else _step_parts(template, **params),
            )
    newest = DiagnosticRun.create(
        mailbox=mailbox_id, started_on=report.started_on, finished_on=report.finished_on, status=report.status
    )
    for position, step in enumerate(report.steps):
        parts = [["Failures", step.failure.message_template, dict(step.failure.params)]] if step.failure else []
        DiagnosticStep.create(
            run=newest,
            position=position,
            name=step.name,
            workload=step.workload,
            status=step.status,
            duration_ms=step.duration_ms,
            message=step.message,
            message_parts=json.dumps(parts) if parts else _step_parts(step.message),
            details=step.details,
        )

    owner = Mailbox.get_by_id(mailbox_id).owner_user_id
    start = datetime(2026, 3, 4, 1, 0, tzinfo=timezone.utc)
    meeting = Appointment.create(
        owner=owner, subject="Quarterly review", location="Room 4", start=start, end=start + timedelta(hours=1)
    )
    contact = Contact.create(
        owner=owner,
        first_name="Ann",
        last_name="Lee",
        email="ann.lee@fabrikam.com",
        company="Fabrikam",
        job_title="CFO",
    )
    task = Task.create(owner=owner, subject="Send the signed contract", due=start, percent_complete=50)
    for minutes, record_type, record_id, policy, winner, store, exchange in (
        (
            20,
            RecordType.APPOINTMENT,
            meeting.id,
            ConflictPolicy.MOST_RECENT,
            "exchange",
            {"subject": "Quarterly review", "location": "Room 2"},
            {"subject": "Quarterly review", "location": "Room 4"},
        ),
        (
            95,
            RecordType.CONTACT,
            contact.id,
            ConflictPolicy.STORE_WINS,
            "store",
            {"job_title": "CFO", "mobile_phone": "+81 90 1234 5678"},
            {"job_title": "Finance Director", "mobile_phone": "+81 90 1234 5678"},
        ),
        (
            240,
            RecordType.TASK,
            task.id,
            ConflictPolicy.EXCHANGE_WINS,
            "exchange",
            {"subject": "Send the signed contract", "percent_complete": 25},
            {"subject": "Send the signed contract", "percent_complete": 50},
        ),
    ):
        ConflictLog.create(
            mailbox=mailbox_id,
            record_type=record_type,
            record_id=record_id,
            item_id=f"AAMkAGI2{record_id:04d}",
            policy=policy,
            winner=winner,
            store_version=json.dumps(store, ensure_ascii=False),
            exchange_version=json.dumps(exchange, ensure_ascii=False),
            happened_on=now - timedelta(minutes=minutes),
        )


def _sample_row_name(rows: dict[int, str], mailbox_id: int) -> str:
    return rows[mailbox_id]  # a row that is gone: the KeyError of the sample report


def sample_crash_report(log_file: Path) -> str:
    """The report of an unhandled exception in a slot, as the crash dialog shows it."""
    import os
    import sys

    from app.diagnostics.crash_report import crash_report
    from app.gui.i18n import translate

    try:
        _sample_row_name({}, 7)
    except KeyError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None
        report = crash_report(
            exc_type,
            exc,
            tb,
            thread="MainThread",
            log_file=log_file,
            versions=[("Qt", "6.8.1"), ("PySide6", "6.8.1")],
            translate=translate,
            now=NOW.astimezone(),
        )
        checkout = str(Path(__file__).resolve().parents[3]) + os.sep  # paths as in the installed app's
        return report.replace(checkout, "")
    raise AssertionError("the sample failure always raises")


def write_sample_log(path: Path, now: datetime = NOW) -> None:
    """A log file as a morning of the app writes it: start-up, sync cycles, a busy server, a Qt
    warning, a refused password with its traceback, and an unhandled exception's report."""
    base = now.astimezone().replace(tzinfo=None)

    def line(seconds: float, level: str, thread: str, source: str, message: str) -> str:
        when = base + timedelta(seconds=seconds)
        return f"{when:%Y-%m-%d %H:%M:%S},{when.microsecond // 1000:03d} {level:<7} {thread} {source}: {message}"

    lines = [
        line(0, "INFO", "MainThread", "app.gui.application", "Server-Side Sync Manager started"),
        line(0.4, "INFO", "sync-scheduler", "app.sync.scheduler", "4 mailboxes eligible, 9 workloads scheduled"),
        line(1.2, "INFO", "sync-2", "app.sync.session", "admin@contoso.com incoming: 4 created in 412 ms"),
        line(
            1.9,
            "INFO",
            "sync-3",
            "app.sync.session",
            "admin@contoso.com appointments, contacts, tasks: 1 created, 2 updated",
        ),
        line(2.3, "DEBUG", "sync-3", "app.store.leases", "lease mailbox:1:act released"),
        line(
            61.5,
            "WARNING",
            "sync-4",
            "app.sync.session",
            "bob@contoso.com incoming: ErrorServerBusy; retried in 5 minutes",
        ),
        line(62.0, "WARNING", "MainThread", "qt", "QWindowsWindow::setGeometry: Unable to set geometry 1200x720+0+0"),
        line(
            75.1,
            "ERROR",
            "sync-5",
            "app.sync.session",
            "alice@contoso.com incoming failed: the server refused the user name or password (HTTP 401)",
        ),
        "Traceback (most recent call last):",
        '  File "app/sync/session.py", line 212, in run_workload',
        '  File "app/exchange/mailbox_connection.py", line 88, in connect',
        "app.exchange.exceptions.ExchangeError: 401 Unauthorized",
        line(120.0, "INFO", "MainThread", "app.gui.tray", "notification: Alice Wong: the credentials were rejected"),
    ]
    report = sample_crash_report(path).rstrip("\n")
    lines.append(
        line(
            184.7, "CRITICAL", "MainThread", "app.gui.windows.crash_dialog", "Unhandled exception in thread MainThread:"
        )
    )
    lines += report.splitlines()
    lines.append(line(190.2, "INFO", "sync-2", "app.sync.session", "admin@contoso.com outgoing: 1 sent"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def sample_profile_reports(sample: Sample) -> list[DiagnosticReport]:
    """A profile-wide Test & Enable of the on-premises profile: Kenichiro's mailbox passes, Alice's
    password is refused, the Support queue's address is not approved yet."""
    from app.diagnostics.report import DiagnosticReport, StepResult
    from app.domain.enums import RunStatus, Workload
    from app.exchange.errors import precondition_failure

    s, f = RunStatus.SUCCESS, RunStatus.FAILURE
    passed = DiagnosticReport(
        sample.mailbox_ids["admin"], "admin@contoso.com", s, started_on=NOW, finished_on=NOW + timedelta(seconds=6)
    )
    passed.steps = [
        StepResult("preconditions", "Preconditions", None, s, 2),
        StepResult("endpoint", "Exchange Web Services endpoint", None, s, 380),
        StepResult("connect", "Connect and authenticate", None, s, 640),
        StepResult("incoming", "Incoming email", Workload.INCOMING, s, 210),
        StepResult("outgoing", "Outgoing email", Workload.OUTGOING, s, 1900),
        StepResult("act", "Appointments, contacts and tasks", Workload.ACT, s, 450),
    ]
    passed.workloads = dict.fromkeys(Workload, s)
    not_approved = precondition_failure("AddressNotApproved", "support@contoso.com")
    queue = DiagnosticReport(
        sample.mailbox_ids["support"], "support@contoso.com", f, started_on=NOW, finished_on=NOW + timedelta(seconds=1)
    )
    queue.steps = [StepResult("preconditions", "Preconditions", None, f, 3, not_approved.message, failure=not_approved)]
    queue.workloads = {Workload.INCOMING: f, Workload.OUTGOING: f}
    return [passed, sample_report(sample.mailbox_ids["alice"]), queue]
