"""Plain-text renderings for support: a Test & Enable report and the saved mailbox details.

No Qt here: the caller passes the translate function (``app.gui.i18n.translate`` in the app); the
literal ``translate("Reports", ...)`` calls are collected for the .ts by tools/build_translations.py.
Dates are written as the window writes them (``datetime_text``: the UI language's pattern), with
seconds and the UTC offset, as support may read them in another time zone. Nothing secret is
written: reports carry already-redacted transcripts, and a mailbox's password is only ever
mentioned as stored or not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from app.domain.i18n import (
    datetime_text,
    identity_translate,
    next_step_text,
    parts_text,
    step_message,
    step_title,
)

Translate = Callable[[str, str], str]


def _label(value: Any, translate: Translate) -> str:
    if value is None:
        return ""
    label = getattr(value, "label", None)
    if label is not None:
        return translate("Enums", label)
    if isinstance(value, bool):
        return translate("Reports", "Yes") if value else translate("Reports", "No")
    if isinstance(value, datetime):
        return datetime_text(value, translate, seconds=True, zone=True)
    return str(value)


def _alert_message(alert: Any, translate: Translate) -> str:
    from app.store.alerts import message_parts

    parts = message_parts(alert)
    return parts_text(parts, translate) if parts else alert.message


def duration_text(ms: float) -> str:
    """A step's duration as the report and the report dialog show it: 412 ms, 1.28 s."""
    return f"{ms / 1000:.2f} s" if ms >= 1000 else f"{ms:.0f} ms"


def report_text(report: Any, mailbox_name: str = "", translate: Translate = identity_translate) -> str:
    """A DiagnosticReport-shaped object (status, steps, started_on, finished_on) as text."""
    header = [
        (translate("Reports", "Mailbox"), mailbox_name or str(report.mailbox_id)),
        (translate("Reports", "Result"), _label(report.status, translate)),
        (translate("Reports", "Started"), _label(report.started_on, translate)),
        (translate("Reports", "Finished"), _label(report.finished_on, translate)),
    ]
    lines = [translate("Reports", "Test & Enable report")] + [f"{k}: {v}" for k, v in header] + [""]
    for number, step in enumerate(report.steps, 1):
        workload = f" [{_label(step.workload, translate)}]" if step.workload is not None else ""
        lines.append(
            f"{number}. {step_title(step, translate)}{workload}: {_label(step.status, translate)} "
            f"({duration_text(step.duration_ms)})"
        )
        if step.message:
            lines.append(f"   {step_message(step, translate)}")
        failure = getattr(step, "failure", None)
        if failure is not None and failure.next_step:
            lines.append(
                "   "
                + translate("Reports", "Next step: %1").replace("%1", next_step_text(failure.next_step, translate))
            )
        if step.details:
            lines += ["   " + line for line in step.details.splitlines()]
        lines.append("")
    return "\n".join(lines)


def mailbox_details_text(
    mailbox: Any,
    profile_name: str,
    owner_name: str,
    has_password: bool,
    alerts: Iterable[Any],
    last_report: str = "",
    translate: Translate = identity_translate,
) -> str:
    """The "Save mailbox details" report: settings, test results, alerts; never a password."""
    rows = [
        (translate("Reports", "Name"), mailbox.name),
        (translate("Reports", "Email address"), mailbox.email),
        (translate("Reports", "Owner"), owner_name),
        (translate("Reports", "Email address approval"), _label(mailbox.approval, translate)),
        (translate("Reports", "Server profile"), profile_name),
        (translate("Reports", "Incoming email"), _label(mailbox.incoming_method, translate)),
        (translate("Reports", "Outgoing email"), _label(mailbox.outgoing_method, translate)),
        (translate("Reports", "Appointments, contacts and tasks"), _label(mailbox.act_method, translate)),
        (
            translate("Reports", "Allow the use of credentials for email processing"),
            _label(bool(mailbox.allow_credentials), translate),
        ),
        (translate("Reports", "User name"), mailbox.username),
        (
            translate("Reports", "Password"),
            translate("Reports", "stored in the credential store") if has_password else translate("Reports", "not set"),
        ),
        ("", ""),
        (translate("Reports", "Incoming email status"), _label(mailbox.incoming_status, translate)),
        (translate("Reports", "Outgoing email status"), _label(mailbox.outgoing_status, translate)),
        (translate("Reports", "Appointments, contacts and tasks status"), _label(mailbox.act_status, translate)),
        (translate("Reports", "Mailbox status"), _label(mailbox.mailbox_status, translate)),
        (translate("Reports", "Test completed on"), _label(mailbox.test_completed_on, translate)),
        (translate("Reports", "Enabled for incoming email"), _label(bool(mailbox.incoming_enabled), translate)),
        (translate("Reports", "Enabled for outgoing email"), _label(bool(mailbox.outgoing_enabled), translate)),
        (
            translate("Reports", "Enabled for appointments, contacts and tasks"),
            _label(bool(mailbox.act_enabled), translate),
        ),
        (translate("Reports", "Last successful sync"), _label(mailbox.last_sync_success_on, translate)),
        (translate("Reports", "Last sync error"), mailbox.last_sync_error),
        (translate("Reports", "Next scheduled sync"), _label(mailbox.next_sync_on, translate)),
        (translate("Reports", "Transient failures"), str(mailbox.transient_failure_count)),
    ]
    lines = [translate("Reports", "Mailbox details"), ""]
    lines += [f"{k}: {v}" if k else "" for k, v in rows]
    lines += ["", translate("Reports", "Alerts")]
    alert_lines = [
        f"- {_label(a.updated_on, translate)} {_label(a.level, translate)} {a.error_code} "
        f"×{a.occurrences}: {_alert_message(a, translate)}"
        for a in alerts
    ]
    lines += alert_lines or [translate("Reports", "(none)")]
    if last_report:
        lines += ["", last_report]
    return "\n".join(lines) + "\n"
