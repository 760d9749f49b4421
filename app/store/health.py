"""The health of each workload of a mailbox: escalation of failures and recovery after them
(WorkloadState, enabled flags, alerts). Used by Test & Enable and by every sync run.

A failure that a retry may fix schedules one (``WorkloadState.next_run_on``). An enabled
workload after a transient failure is retried by its next sync cycle. A workload that is not
enabled yet (its Test & Enable failed), and every workload of a mailbox whose logon was refused,
is marked ``retry_test``: the scheduler retries it by testing it again (one logon for the mailbox),
and a success enables it. Refused logons count on their own budget (the system setting
``auth_retry_limit``), shared by everything that logs on with the same account: the mailbox's
workloads, and — when the profile's credentials are used — every mailbox of the profile. One
refusal puts them all on hold (``in_logon_hold``) until one retry, one logon, tells.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from app.domain.enums import AlertLevel, AlertScope, CredentialSource, SyncMethod, Workload
from app.domain.escalation import Decision, Failure, Health, on_failure, on_success
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.timeunit import demo_clock_on, minutes
from app.store import alerts
from app.store.base import database, is_set, utcnow
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
_METHOD_FIELD = {Workload.INCOMING: "incoming_method", Workload.OUTGOING: "outgoing_method", Workload.ACT: "act_method"}

DISABLED_PREFIX = _N(CTX, "Disabled after repeated failures. ")
RETRY_SUFFIX = _N(CTX, " Will retry at {time} (attempt {attempt} of {attempts}).")
NO_MORE_LOGONS_SUFFIX = _N(CTX, " No further logon is tried, so that the account is not locked out.")


def workload_state(mailbox: Mailbox, workload: Workload) -> WorkloadState:
    state: WorkloadState
    state, _ = WorkloadState.get_or_create(mailbox=mailbox, workload=workload)
    return state


def is_enabled(mailbox: Mailbox, workload: Workload) -> bool:
    return bool(getattr(mailbox, _ENABLED_FIELD[workload]))


def health_of(mailbox: Mailbox, workload: Workload | list[Workload]) -> Health:
    """ "Warned" is what the admin sees: a transient failure counted, or a Warning/Error of the
    workload still open — a permanent failure (403) counts no failures, and a refused logon's
    alert is on one workload for the mailbox, but the alert is open until a success closes it.
    For several workloads failing together: the most any of them counted."""
    workloads = [workload] if isinstance(workload, Workload) else list(workload)
    states = [workload_state(mailbox, w) for w in workloads]
    transient = max((s.consecutive_transient_failures for s in states), default=0)
    refused = max((s.authentication_failures for s in states), default=0)
    warned = transient > 0 or any(alerts.has_open_failure_alerts(mailbox, w) for w in workloads)
    return Health(
        consecutive_transient_failures=transient,
        authentication_failures=refused,
        warned=warned,
        enabled=any(is_enabled(mailbox, w) for w in workloads),
    )


def credential_siblings(mailbox: Mailbox) -> list[Workload]:
    """The mailbox's workloads that log on with its credentials now or soon: server-side
    synchronization, and enabled or waiting for a retry."""
    waiting = WorkloadState.select().where((WorkloadState.mailbox == mailbox.id) & is_set(WorkloadState.retry_test))
    pending = {s.workload for s in waiting}
    return [
        w
        for w in Workload
        if getattr(mailbox, _METHOD_FIELD[w]) is SyncMethod.SERVER_SIDE and (is_enabled(mailbox, w) or w in pending)
    ]


def credential_source_of(mailbox: Mailbox, *, outgoing: bool = False) -> CredentialSource | None:
    """Whose credentials the mailbox logs on with (its profile's outgoing settings when they are
    separate and *outgoing*); None without a profile."""
    profile = mailbox.profile
    if profile is None:
        return None
    separate = outgoing and not profile.outgoing_same_as_incoming
    return profile.outgoing_credential_source if separate else profile.credential_source


def uses_profile_credentials(mailbox: Mailbox) -> bool:
    """The mailbox logs on with its profile's account (shared by every mailbox of the profile)."""
    profile = mailbox.profile
    return profile is not None and profile.credential_source is CredentialSource.PROFILE


def credential_key(mailbox: Mailbox) -> tuple[str, int]:
    """Who logs on: the profile's account (``("profile", id)``) or the mailbox's own."""
    if uses_profile_credentials(mailbox) and mailbox.profile_id is not None:
        return "profile", mailbox.profile_id
    return "mailbox", mailbox.id


def same_account_mailboxes(mailbox: Mailbox) -> list[int]:
    """The ids of the mailboxes that log on with the same account as *mailbox* (itself included)."""
    if not uses_profile_credentials(mailbox):
        return [mailbox.id]
    return [m.id for m in Mailbox.select(Mailbox.id).where(Mailbox.profile == mailbox.profile_id)]


def _held_states(mailbox_ids: list[int]) -> Any:
    return WorkloadState.select().where(
        WorkloadState.mailbox.in_(mailbox_ids)
        & is_set(WorkloadState.retry_test)
        & (WorkloadState.authentication_failures > 0)
    )


def in_logon_hold(mailbox: Mailbox) -> bool:
    """A logon with the mailbox's account was refused and its retry is scheduled: until then no
    workload of the mailbox (nor of another mailbox with the same profile account) logs on — one
    failed logon per retry; the retry is a test (app.sync.scheduler)."""
    held: bool = _held_states(same_account_mailboxes(mailbox)).exists()
    return held


def retry_time_text(when: datetime) -> str:
    """A retry time as the alert's English text (and its translations) show it: local HH:MM, with
    seconds under the demo clock (its retries are seconds apart). The UTC time is a param too."""
    return when.astimezone().strftime("%H:%M:%S" if demo_clock_on() else "%H:%M")


def apply_failure(mailbox: Mailbox, workload: Workload, failure: Failure, *, raise_alert: bool = True) -> list[Alert]:
    """Escalate one failure of one workload; returns the alerts recorded."""
    return apply_failures(mailbox, [workload], failure, raise_alert=raise_alert)


def apply_failures(
    mailbox: Mailbox,
    workloads: list[Workload],
    failure: Failure,
    *,
    raise_alert: bool = True,
    spare: list[Workload] | None = None,
) -> list[Alert]:
    """Escalate one failure shared by *workloads* of the mailbox (a failure before the workload
    steps of a test, or one workload's failure): one decision, one alert (on the first workload).
    A refused logon holds every workload that uses the mailbox's credentials (but those in
    *spare*, which just logged on fine): they share its budget and its retry."""
    workloads = list(dict.fromkeys(workloads))
    if failure.authentication:
        workloads += [w for w in credential_siblings(mailbox) if w not in workloads and w not in (spare or [])]
        # one alert for the account's refusal, on the same workload whichever workload met it
        workloads.sort(key=list(Workload).index)
    settings = system_settings()
    health = health_of(mailbox, workloads)
    others: list[Mailbox] = []
    if failure.authentication and uses_profile_credentials(mailbox):
        # the profile's account was refused: every mailbox of the profile shares its budget
        others = list(Mailbox.select().where((Mailbox.profile == mailbox.profile_id) & (Mailbox.id != mailbox.id)))
        counted = [s.authentication_failures for s in _held_states([m.id for m in others])]
        health = replace(health, authentication_failures=max([health.authentication_failures, *counted]))
    decision = on_failure(
        health,
        failure,
        limit=settings.transient_failure_limit,
        default_backoff=minutes(settings.default_backoff_minutes),
        auth_retries=settings.auth_retry_limit,
    )
    now = utcnow()
    retry_on = now + decision.retry_after if decision.retry_after is not None else None
    _record(mailbox, workloads, decision, failure, now, retry_on)
    recorded = []
    if raise_alert and decision.alert_level is not None:
        alert = _failure_alert(decision, failure, mailbox, workloads[0], retry_on)
        if alert is not None:
            recorded.append(alert)
    for other in others:
        held = credential_siblings(other)
        if not held:
            continue
        _record(other, held, decision, failure, now, retry_on)
        if decision.disable:
            Mailbox.update(**{_ENABLED_FIELD[w]: False for w in held}).where(Mailbox.id == other.id).execute()
        other = Mailbox.get_by_id(other.id)
        refresh_summary(other)
        Mailbox.update(next_sync_on=other.next_sync_on).where(Mailbox.id == other.id).execute()
        if raise_alert and decision.alert_level is not None:
            alert = _failure_alert(decision, failure, other, held[0], retry_on)
            if alert is not None:
                recorded.append(alert)
    return recorded


def _record(
    mailbox: Mailbox,
    workloads: list[Workload],
    decision: Decision,
    failure: Failure,
    now: datetime,
    retry_on: datetime | None,
) -> None:
    """The decision on the workloads' states and enabled flags (the caller saves *mailbox*)."""
    for workload in workloads:
        state = workload_state(mailbox, workload)
        state.consecutive_transient_failures = decision.health.consecutive_transient_failures
        state.authentication_failures = decision.health.authentication_failures
        state.last_run_on = now
        if retry_on is not None and decision.retry_after is not None:
            state.next_run_on = retry_on
            state.backoff_reason = (
                f"{failure.code}: retry in {int(decision.retry_after.total_seconds())} s "
                f"(attempt {decision.attempt} of {decision.attempts})"
            )
            # not enabled yet (its test failed), or a refused logon: the retry is a test
            state.retry_test = failure.authentication or not is_enabled(mailbox, workload)
        else:
            state.next_run_on = None
            state.backoff_reason = f"{failure.code}: disabled" if decision.disable else ""
            state.retry_test = False
        state.save()
        if decision.disable:
            setattr(mailbox, _ENABLED_FIELD[workload], False)


def _failure_alert(
    decision: Decision, failure: Failure, mailbox: Mailbox, workload: Workload, retry_on: datetime | None
) -> Alert | None:
    """The alert of a decision, saying what happens next: when the retry is and which attempt it
    is, or that it is disabled (and, after refused logons, that no further logon is tried)."""
    assert decision.alert_level is not None
    prefix = ""
    after: list[list[Any]] = []
    if decision.alert_level is AlertLevel.ERROR and failure.retryable:
        prefix = DISABLED_PREFIX
        if failure.authentication:
            after.append([CTX, NO_MORE_LOGONS_SUFFIX, {}])
    if retry_on is not None:
        params = {
            "time": retry_time_text(retry_on),
            "attempt": decision.attempt,
            "attempts": decision.attempts,
            "retry_on": retry_on.isoformat(),
        }
        after.append([CTX, RETRY_SUFFIX, params])
    return alerts.alert_for_failure(decision.alert_level, failure, mailbox, workload, prefix=prefix, after=after)


def apply_success(
    mailbox: Mailbox, workload: Workload, *, announce: bool = True, keep_logon_count: bool = False
) -> list[Alert]:
    """The workload works: counts reset, enabled, its open alerts closed and — after a Warning or
    an Error, when *announce* — an Information alert.

    *keep_logon_count*: the scheduler's own retry of a test passed (app.diagnostics.outcome): the
    refused logons counted so far stay counted until a cycle of the workload itself works. A logon
    refused on one request only (the others, which the test makes, log on) would otherwise start
    its budget again after every retry, and be retried without end."""
    decision = on_success(health_of(mailbox, workload))
    state = workload_state(mailbox, workload)
    state.consecutive_transient_failures = 0
    if not keep_logon_count:
        state.authentication_failures = 0
    state.retry_test = False
    state.backoff_reason = ""
    state.last_run_on = utcnow()
    state.save()
    setattr(mailbox, _ENABLED_FIELD[workload], True)
    if uses_profile_credentials(mailbox):
        # the profile's account logs on again: the other mailboxes on hold are retried now
        others = [i for i in same_account_mailboxes(mailbox) if i != mailbox.id]
        WorkloadState.update(authentication_failures=0, next_run_on=utcnow()).where(
            WorkloadState.id.in_([s.id for s in _held_states(others)])
        ).execute()
    recorded: list[Alert] = []
    if decision.alert_level is AlertLevel.INFORMATION:
        alerts.close_open_alerts(mailbox, workload)
        if not announce:
            return recorded
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
        alerts.check_most_mailboxes_failing(mailbox.profile)
    except StoreError as exc:
        log.warning("could not record the failure of %s of mailbox %s: %s", workload.value, mailbox_id, exc)
        return False
    return True


def refresh_summary(mailbox: Mailbox) -> None:
    """The mailbox's failure count and next sync (or retry): the earliest next run of its
    workloads that are enabled or waiting for a retry; none when no workload is."""
    states = list(WorkloadState.select().where(WorkloadState.mailbox == mailbox))
    mailbox.transient_failure_count = max((s.consecutive_transient_failures for s in states), default=0)
    active = [s for s in states if s.retry_test or is_enabled(mailbox, s.workload)]
    upcoming = [s.next_run_on for s in active if s.next_run_on is not None]
    if upcoming:
        mailbox.next_sync_on = min(upcoming)
    elif not any(is_enabled(mailbox, w) for w in Workload):
        mailbox.next_sync_on = None
