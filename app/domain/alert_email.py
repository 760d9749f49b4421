"""Alerts by email (docs/product-rules.md §4, "notify the mailbox owner by email"): which alerts
become an email, and what it says. Pure: the store queues the email (app.store.alert_emails),
the outgoing sync of the chosen mailbox sends it.

- Only an alert that concerns a mailbox has an owner to tell: a profile-wide alert is not emailed.
- An alert about the mailbox the emails go through is not emailed either: its trouble may be the
  very sending that would carry the email, and each failed send would raise another alert.
- One email per alert: a repeat of an open alert (its occurrence count) sends nothing more.

The email is written in English, as the alert's stored message: the engine has no translations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.enums import AlertLevel, AlertScope, Workload

APP_NAME = "Server-Side Sync Manager"
SUBJECT_MESSAGE_MAX = 100


@dataclass(frozen=True)
class AlertEmailFacts:
    """What the email tells of one alert."""

    level: AlertLevel
    scope: AlertScope
    mailbox_name: str
    mailbox_email: str
    profile_name: str
    workload: Workload | None
    code: str
    message: str
    next_step: str = ""
    details: str = ""
    when: datetime | None = None


def alert_email_wanted(
    *, notify_on: bool, notify_mailbox_id: int | None, alert_mailbox_id: int | None, scope: AlertScope
) -> bool:
    """Whether a newly recorded alert becomes an email to its mailbox's owner."""
    if not notify_on or notify_mailbox_id is None:
        return False
    if alert_mailbox_id is None or scope is AlertScope.PROFILE:
        return False  # no mailbox, no owner
    return alert_mailbox_id != notify_mailbox_id  # never about the sending mailbox itself: no loop


def _one_line(text: str) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= SUBJECT_MESSAGE_MAX else line[: SUBJECT_MESSAGE_MAX - 1].rstrip() + "…"


def alert_email_subject(facts: AlertEmailFacts) -> str:
    return f"[{APP_NAME}] {facts.level.label}: {facts.mailbox_name}: {_one_line(facts.message)}"


def alert_email_body(facts: AlertEmailFacts) -> str:
    """Plain text: what happened, to which mailbox, what to do; the details are redacted already."""
    lines = [
        f"{APP_NAME} recorded an alert about a mailbox you own.",
        "",
        f"Level: {facts.level.label}",
        f"Mailbox: {facts.mailbox_name} <{facts.mailbox_email}>",
    ]
    if facts.profile_name:
        lines.append(f"Email server profile: {facts.profile_name}")
    if facts.workload is not None:
        lines.append(f"Concerns: {facts.workload.label}")
    if facts.when is not None:
        lines.append(f"Time (UTC): {facts.when.strftime('%Y-%m-%d %H:%M')}")
    lines += [f"Error code: {facts.code}", "", facts.message.strip()]
    if facts.next_step.strip():
        lines += ["", f"What to do: {facts.next_step.strip()}"]
    if facts.details.strip():
        lines += ["", "Technical details:", facts.details.strip()]
    lines += ["", f"Your administrator turned on alert emails in the system settings of {APP_NAME}."]
    return "\n".join(lines) + "\n"
