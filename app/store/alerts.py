"""Recording alerts (docs/product-rules.md §4): level filtering, de-duplication, recovery, the profile-wide rule,
and the email a new alert sends its mailbox's owner when the system settings ask for it (app.store.alert_emails).

``Alert.message`` is the English text (logs, CSV export). ``Alert.message_parts`` keeps the same
message translatable: a JSON list of ``[context, template, params]`` whose translated, formatted
concatenation is the message (the GUI's ``alert_text``); empty means "show ``message`` as is".
"""

from __future__ import annotations

import json
from typing import Any

from peewee import Expression

from app.domain.enums import AlertLevel, AlertScope, Workload
from app.domain.escalation import Failure, most_mailboxes_failing
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.i18n import parts_text
from app.domain.timeunit import minutes
from app.log import redact
from app.store.alert_emails import queue_alert_email
from app.store.base import database, is_set, utcnow
from app.store.models import Alert, EmailActivity, Mailbox, ServerProfile
from app.store.repo import system_settings

CTX = "Alerts"
FAILURES_CTX = "Failures"  # app.exchange.errors' context (the store does not import the exchange layer)
MOST_FAILING_CODE = "MostMailboxesFailing"
RECOVERED_CODE = "Recovered"


def level_enabled(level: AlertLevel) -> bool:
    settings = system_settings()
    return {
        AlertLevel.ERROR: settings.record_errors,
        AlertLevel.WARNING: settings.record_warnings,
        AlertLevel.INFORMATION: settings.record_information,
    }[level]


def raise_alert(
    level: AlertLevel,
    scope: AlertScope,
    code: str,
    message: str,
    *,
    mailbox: Mailbox | None = None,
    profile: ServerProfile | None = None,
    email: EmailActivity | int | None = None,
    workload: Workload | None = None,
    details: str = "",
    next_step: str = "",
    parts: list[list[Any]] | None = None,
    context: str | None = None,
) -> Alert | None:
    """Record an alert, or count a repeat of the same open one. None when the level is off.

    *parts* is the message as translatable parts (see the module docstring). Without them, a
    *context* says that *message* is itself a template marked in that context (one part); with
    neither, the message is shown as it is stored.
    """
    if not level_enabled(level):
        return None
    if parts is None:
        parts = [[context, message, {}]] if context else []
    stored_parts = json.dumps(parts, ensure_ascii=False, default=str) if parts else ""
    if profile is None and mailbox is not None:
        profile = mailbox.profile
    details = redact(details)
    with database.atomic("IMMEDIATE"):  # writers queue up instead of failing on a stale snapshot
        query = Alert.select().where(
            (Alert.level == level) & (Alert.scope == scope) & (Alert.error_code == code) & is_set(Alert.is_open)
        )
        query = query.where(Alert.mailbox == mailbox) if mailbox is not None else query.where(Alert.mailbox.is_null())
        query = query.where(Alert.email == email) if email is not None else query.where(Alert.email.is_null())
        if scope is AlertScope.PROFILE:
            query = query.where(Alert.profile == profile)
        query = (
            query.where(Alert.workload == workload) if workload is not None else query.where(Alert.workload.is_null())
        )
        existing: Alert | None = query.order_by(Alert.id.desc()).first()
        if existing is not None:
            existing.occurrences += 1
            existing.updated_on = utcnow()
            existing.message, existing.details, existing.next_step = message, details, next_step
            existing.message_parts = stored_parts
            existing.is_read = False
            existing.save()
            return existing
        alert: Alert = Alert.create(
            level=level,
            scope=scope,
            error_code=code,
            message=message,
            message_parts=stored_parts,
            details=details,
            next_step=next_step,
            mailbox=mailbox,
            profile=profile,
            email=email,
            workload=workload,
        )
        queue_alert_email(alert)  # "notify the mailbox owner by email": with the alert, or not at all
        return alert


def alert_for_failure(
    level: AlertLevel,
    failure: Failure,
    mailbox: Mailbox,
    workload: Workload | None,
    *,
    prefix: str = "",
    after: list[list[Any]] | None = None,
) -> Alert | None:
    """*prefix* is a template in context "Alerts"; the failure's message one in "Failures"; *after*
    more parts that follow it (what happens next: the retry's time and attempt)."""
    parts = ([[CTX, prefix, {}]] if prefix else []) + [[FAILURES_CTX, failure.message_template, dict(failure.params)]]
    parts += after or []
    message = parts_text(parts)
    return raise_alert(
        level,
        AlertScope.MAILBOX,
        failure.code,
        message,
        mailbox=mailbox,
        workload=workload,
        details=failure.details,
        next_step=failure.next_step,
        parts=parts,
    )


def message_parts(alert: object) -> list[list[Any]]:
    """An alert's (or AlertRow's) message as [context, template, params] parts; [] when it has none."""
    try:
        parts = json.loads(getattr(alert, "message_parts", "") or "[]")
    except ValueError:
        return []
    if not isinstance(parts, list):
        return []
    return [
        part
        for part in parts
        if isinstance(part, list)
        and len(part) == 3
        and isinstance(part[0], str)
        and isinstance(part[1], str)
        and isinstance(part[2], dict)
    ]


def _open_failure_alerts(mailbox: Mailbox, workload: Workload | None) -> Expression:
    """The mailbox's open Warning/Error alerts of *workload* (or of no workload). Per-email alerts
    (one message refused) are no failure of the mailbox: a success does not close them."""
    condition: Expression = (
        (Alert.mailbox == mailbox)
        & is_set(Alert.is_open)
        & (Alert.level != AlertLevel.INFORMATION)
        & (Alert.scope == AlertScope.MAILBOX)
    )
    if workload is not None:
        condition &= (Alert.workload == workload) | Alert.workload.is_null()
    return condition


def has_open_failure_alerts(mailbox: Mailbox, workload: Workload | None, *, own: bool = False) -> bool:
    """*own*: only alerts recorded for exactly this workload (not the mailbox's workload-less ones)."""
    condition = _open_failure_alerts(mailbox, workload)
    if own:
        condition &= Alert.workload == workload if workload is not None else Alert.workload.is_null()
    found: bool = Alert.select(Alert.id).where(condition).exists()
    return found


def close_open_alerts(mailbox: Mailbox, workload: Workload | None) -> int:
    """The condition is over: its Warning/Error alerts are closed (kept, but no longer open) and
    say when. A closed alert never re-opens: the condition's return raises a new one."""
    closed: int = (
        Alert.update(is_open=False, resolved_on=utcnow()).where(_open_failure_alerts(mailbox, workload)).execute()
    )
    return closed


def check_most_mailboxes_failing(profile: ServerProfile | None) -> Alert | None:
    """Raise the profile-level Error when more than half of its mailboxes failed in the last hour."""
    if profile is None or not profile.alert_when_most_fail:
        return None
    total = Mailbox.select().where(Mailbox.profile == profile).count()
    since = utcnow() - minutes(60)  # an hour of the engine's clock (a minute with the demo clock)
    failing = (
        Mailbox.select(Mailbox.id)
        .join(Alert, on=(Alert.mailbox == Mailbox.id))
        .where(
            (Mailbox.profile == profile)
            & (Alert.updated_on >= since)
            & (Alert.level != AlertLevel.INFORMATION)
            & is_set(Alert.is_open)
        )
        .distinct()
        .count()
    )
    if not most_mailboxes_failing(failing, total):
        return None
    return raise_alert(
        AlertLevel.ERROR,
        AlertScope.PROFILE,
        MOST_FAILING_CODE,
        _N(CTX, "More than half of the mailboxes of this profile failed within the last hour."),
        profile=profile,
        details=f"{failing} of {total} mailboxes failing",
        context=CTX,
        next_step=_N(CTX, "Check the Exchange server and the profile's settings; test the profile's mailboxes."),
    )
