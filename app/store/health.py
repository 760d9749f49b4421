"""The health of each workload of a mailbox: escalation of failures and recovery after them
(WorkloadState, enabled flags, alerts). Used by Test & Enable and by every sync run."""

from __future__ import annotations

import logging
from datetime import timedelta

from app.domain.enums import AlertLevel, AlertScope, Workload
from app.domain.escalation import Failure, Health, on_failure, on_success
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.store import alerts
from app.store.base import database, utcnow
from app.store.db import StoreError
from app.store.models import Alert, Mailbox, WorkloadState
from app.store.repo import system_settings

log = logging.getLogger(__name__)
CTX = "Alerts"
STATUS_FIELD = {Workload.INCOMING: "incoming_status", Workload.OUTGOING: "outgoing_status", Workload.ACT: "act_status"}
_ENABLED_FIELD = {
    Workload.INCOMING: "incoming_enabled",
    Workload.OUTGOING: "outgoing_enabled",
    Workload.ACT: "act_enabled",
}


def workload_state(mailbox: Mailbox, workload: Workload) -> WorkloadState:
    state: WorkloadState
    state, _ = WorkloadState.get_or_create(mailbox=mailbox, workload=workload)
    return state


def health_of(mailbox: Mailbox, workload: Workload) -> Health:
    """ "Warned" is what the admin sees: a transient failure counted, or a Warning/Error of the
    workload still open — a permanent failure (401, 403) counts no transient failures, but its
    Error is open until a success closes it."""
    state = workload_state(mailbox, workload)
    warned = state.consecutive_transient_failures > 0 or alerts.has_open_failure_alerts(mailbox, workload)
    return Health(
        consecutive_transient_failures=state.consecutive_transient_failures,
        warned=warned,
        enabled=getattr(mailbox, _ENABLED_FIELD[workload]),
    )


def apply_failure(mailbox: Mailbox, workload: Workload, failure: Failure, *, raise_alert: bool = True) -> list[Alert]:
    """Escalate one failure of one workload; returns the alerts recorded."""
    settings = system_settings()
    decision = on_failure(
        health_of(mailbox, workload),
        failure,
        limit=settings.transient_failure_limit,
        default_backoff=timedelta(minutes=settings.default_backoff_minutes),
    )
    state = workload_state(mailbox, workload)
    state.consecutive_transient_failures = decision.health.consecutive_transient_failures
    state.last_run_on = utcnow()
    if decision.retry_after is not None:
        state.next_run_on = utcnow() + decision.retry_after
        state.backoff_reason = f"{failure.code}: retry in {int(decision.retry_after.total_seconds())} s"
    else:
        state.next_run_on = None
        state.backoff_reason = f"{failure.code}: disabled"
    state.save()
    if decision.disable:
        setattr(mailbox, _ENABLED_FIELD[workload], False)
    recorded = []
    if raise_alert and decision.alert_level is not None:
        prefix = ""
        if decision.alert_level is AlertLevel.ERROR and failure.transient:
            prefix = _N(CTX, "Disabled after repeated failures. ")
        alert = alerts.alert_for_failure(decision.alert_level, failure, mailbox, workload, prefix=prefix)
        if alert is not None:
            recorded.append(alert)
    return recorded


def apply_success(mailbox: Mailbox, workload: Workload) -> list[Alert]:
    decision = on_success(health_of(mailbox, workload))
    state = workload_state(mailbox, workload)
    state.consecutive_transient_failures = 0
    state.backoff_reason = ""
    state.last_run_on = utcnow()
    state.save()
    setattr(mailbox, _ENABLED_FIELD[workload], True)
    recorded = []
    if decision.alert_level is AlertLevel.INFORMATION:
        alerts.close_open_alerts(mailbox, workload)
        alert = alerts.raise_alert(
            AlertLevel.INFORMATION,
            AlertScope.MAILBOX,
            alerts.RECOVERED_CODE,
            _N(CTX, "The mailbox works again after earlier failures."),
            mailbox=mailbox,
            workload=workload,
            context=CTX,
        )
        if alert is not None:
            recorded.append(alert)
    return recorded


def record_failure(mailbox_id: int, workload: Workload, failure: Failure) -> bool:
    """Escalate a failure the workload could not record itself — the store was busy (or could
    not be written) when it failed: alert, back-off, the mailbox's last error. False (logged)
    when the store still cannot be written."""
    try:
        with database.atomic("IMMEDIATE"):
            mailbox = Mailbox.get_or_none(Mailbox.id == mailbox_id)
            if mailbox is None:
                return False
            apply_failure(mailbox, workload, failure)
            mailbox.last_sync_error = failure.message
            mailbox.save()
    except StoreError as exc:
        log.warning("could not record the failure of %s of mailbox %s: %s", workload.value, mailbox_id, exc)
        return False
    return True


def refresh_summary(mailbox: Mailbox) -> None:
    states = list(WorkloadState.select().where(WorkloadState.mailbox == mailbox))
    mailbox.transient_failure_count = max((s.consecutive_transient_failures for s in states), default=0)
    upcoming = [s.next_run_on for s in states if s.next_run_on is not None]
    mailbox.next_sync_on = min(upcoming) if upcoming else mailbox.next_sync_on
