"""Sample records for screenshots and GUI tests: profiles, mailboxes in every state, alerts, and
a Test & Enable report.

Written through the store's own repo functions (validation and keyring included); the test
results and alerts are set directly, as the engine would have left them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from app.domain.enums import (
    AlertLevel,
    AlertScope,
    ApprovalStatus,
    CredentialSource,
    OwnerKind,
    RunStatus,
    SyncMethod,
    Workload,
)
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.settings import MailboxSettings, ProfileSettings
from app.store import repo
from app.store.models import Alert, Mailbox, Queue, SyncHistory

if TYPE_CHECKING:
    from app.diagnostics.report import DiagnosticReport

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@dataclass
class Sample:
    profile_ids: list[int] = field(default_factory=list)
    mailbox_ids: dict[str, int] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)
    queue_id: int = 0


def create_sample_data(now: datetime = NOW) -> Sample:
    sample = Sample()
    admin = repo.create_user("Kenichiro Nakamura", "admin@contoso.com", is_current=True)
    alice = repo.create_user("Alice Wong", "alice@contoso.com")
    bob = repo.create_user("Bob Sato", "bob@contoso.com")
    sample.user_ids = {"admin": admin.id, "alice": alice.id, "bob": bob.id}
    sample.queue_id = Queue.create(name="Support", email="support@contoso.com").id
    onprem = repo.save_profile(
        ProfileSettings(
            name="Exchange 2013 on-premises",
            description="The head office Exchange Server 2013",
            process_email_from=now - timedelta(days=30),
        )
    )
    manual = repo.save_profile(
        ProfileSettings(
            name="Exchange (manual URL)",
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
    mailbox("admin", "Kenichiro Nakamura", "admin@contoso.com", admin.id, **ok)
    alice_id = mailbox(
        "alice",
        "Alice Wong",
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
        "Bob Sato",
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
    mailbox("support", "Support queue", "support@contoso.com", sample.queue_id, kind=OwnerKind.QUEUE)
    Mailbox.update(approval=ApprovalStatus.PENDING, act_method=SyncMethod.NONE).where(
        Mailbox.id == sample.mailbox_ids["support"]
    ).execute()

    for minutes, workload, status, counts, message in (
        (3, Workload.INCOMING, RunStatus.SUCCESS, (4, 0, 0), ""),
        (3, Workload.ACT, RunStatus.SUCCESS, (1, 2, 0), ""),
        (8, Workload.OUTGOING, RunStatus.SUCCESS, (0, 1, 0), ""),
        (13, Workload.INCOMING, RunStatus.WARNING, (0, 0, 0), "ErrorServerBusy: retried after 5 minutes"),
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
            message=message,
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
            message=message,
        )

    def alert(level, mailbox_id, code, message, minutes_ago, **extra):
        Alert.create(
            level=level,
            scope=extra.pop("scope", AlertScope.MAILBOX),
            mailbox=mailbox_id,
            profile=extra.pop("profile", None) or (Mailbox.get_by_id(mailbox_id).profile_id if mailbox_id else None),
            error_code=code,
            message=message,
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
    )
    alert(
        AlertLevel.WARNING,
        bob_id,
        "ErrorServerBusy",
        "The server was busy; the mailbox Bob Sato will be retried in 5 minutes.",
        12,
        workload=Workload.INCOMING,
    )
    alert(
        AlertLevel.INFORMATION,
        sample.mailbox_ids["admin"],
        "TestSucceeded",
        "The mailbox Kenichiro Nakamura was tested and enabled.",
        40,
        is_read=True,
        is_open=False,
    )
    alert(
        AlertLevel.WARNING,
        None,
        "MostMailboxesFailing",
        "More than half of this profile's mailboxes failed within the last hour.",
        25,
        scope=AlertScope.PROFILE,
        profile=onprem.id,
    )
    return sample


ESCALATION_CODE = "Unauthorized"
REFUSED = "The server refused the user name or password (HTTP 401)."  # app.exchange.errors' own (context Failures)
NEXT_STEP = QT_TRANSLATE_NOOP(
    "Alerts",
    "Check the user name and password on the mailbox's Credentials tab, then click Test & Enable mailbox.",
)


def add_escalation_alerts(mailbox_id: int, now: datetime = NOW) -> None:
    """A wrong password's story as issue 13 tells it, on one mailbox: a Warning whose text gives the
    next retry's time and attempt (retried every 5 minutes, 3 attempts), then the Error that
    disabled the workload. Its earlier sample alerts make way for these."""
    from app.domain.i18n import parts_text
    from app.store.health import DISABLED_PREFIX, NO_MORE_LOGONS_SUFFIX, RETRY_SUFFIX

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
