"""How failures escalate (docs/product-rules.md §4): pure decisions, no I/O.

- Transient failures (timeouts, HTTP 5xx, ErrorServerBusy, connection resets) give a Warning and
  a retry after a back-off; after ``limit`` of them in a row the workload is disabled with an
  Error.
- Authentication failures (HTTP 401: a wrong or expired password) take the same path on their
  own small budget that protects the account from an AD lockout: a Warning and at most
  ``auth_retries`` retries (default 2), each at least ``AUTH_RETRY_MIN_MINUTES`` after the last
  and each one logon; then an Error and the workload disabled.
- Permanent failures (access or impersonation denied, mailbox not found, address not approved,
  untrusted certificate, this computer's configuration) give an Error and disable at once.
- A success after a Warning or an Error gives an Information alert.

A decision that retries says which attempt the retry is, of how many (the first try is
attempt 1), so the alert can tell the admin what happens next. Waits are in the engine's
minutes (``app.domain.timeunit``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from app.domain.enums import AlertLevel
from app.domain.timeunit import minutes, scaled

DEFAULT_BACKOFF_MINUTES = 5
DEFAULT_TRANSIENT_LIMIT = 10
DEFAULT_AUTH_RETRIES = 2
AUTH_RETRY_MIN_MINUTES = 5  # authentication retries never closer together than this


def standard_backoff() -> timedelta:
    """The back-off when the settings say nothing else: 5 minutes (of the engine's clock)."""
    return minutes(DEFAULT_BACKOFF_MINUTES)


def auth_retry_spacing(backoff: timedelta | None = None) -> timedelta:
    """How long after a refused logon the next one is tried: the back-off, at least 5 minutes."""
    floor = minutes(AUTH_RETRY_MIN_MINUTES)
    return max(floor, backoff) if backoff is not None else floor


@dataclass(frozen=True)
class Failure:
    """A classified failure: a stable code, whether it is worth retrying, and for a person
    a message (what happened) and a next step (what to do)."""

    code: str
    transient: bool
    message: str
    next_step: str = ""
    details: str = ""
    backoff_ms: int | None = None  # ErrorServerBusy's BackOffMilliseconds
    # For translation: ``message`` is ``template.format(**dict(params))`` (English, for logs and CSV);
    # the GUI formats the translated template instead. No template: the message is its own template.
    params: tuple[tuple[str, object], ...] = ()
    template: str = ""
    # the server refused the logon (HTTP 401): retried on its own small budget, one logon a retry
    authentication: bool = False

    @property
    def message_template(self) -> str:
        return self.template or self.message

    @property
    def retryable(self) -> bool:
        """A retry may fix it (a transient failure, or a refused logon within its budget)."""
        return self.transient or self.authentication


@dataclass(frozen=True)
class Health:
    """What escalation remembers about one workload of one mailbox."""

    consecutive_transient_failures: int = 0
    authentication_failures: int = 0  # refused logons in a row (their own budget)
    warned: bool = False  # a Warning or Error is open, so recovery deserves an Information alert
    enabled: bool = True


@dataclass(frozen=True)
class Decision:
    health: Health
    alert_level: AlertLevel | None  # None: nothing to record
    disable: bool = False
    retry_after: timedelta | None = None  # None: no automatic retry
    attempt: int = 0  # the retry is attempt *attempt* of *attempts* (the first try was attempt 1)
    attempts: int = 0


def on_failure(
    health: Health,
    failure: Failure,
    *,
    limit: int = DEFAULT_TRANSIENT_LIMIT,
    default_backoff: timedelta | None = None,
    auth_retries: int = DEFAULT_AUTH_RETRIES,
) -> Decision:
    backoff = default_backoff if default_backoff is not None else standard_backoff()
    if failure.authentication:
        count = health.authentication_failures + 1
        attempts = max(0, auth_retries) + 1
        if count >= attempts:
            # no further logon: the account is not locked out by us
            return Decision(
                replace(health, authentication_failures=count, warned=True, enabled=False),
                AlertLevel.ERROR,
                disable=True,
            )
        return Decision(
            replace(health, authentication_failures=count, warned=True),
            AlertLevel.WARNING,
            retry_after=auth_retry_spacing(backoff),
            attempt=count + 1,
            attempts=attempts,
        )
    if not failure.transient:
        # its Error stays open until a success: then the admin hears of the recovery
        return Decision(
            replace(health, consecutive_transient_failures=0, warned=True, enabled=False),
            AlertLevel.ERROR,
            disable=True,
        )
    count = health.consecutive_transient_failures + 1
    if count >= limit:
        # still "warned": when it works again, the admin hears of the recovery
        return Decision(
            replace(health, consecutive_transient_failures=count, warned=True, enabled=False),
            AlertLevel.ERROR,
            disable=True,
        )
    return Decision(
        replace(health, consecutive_transient_failures=count, warned=True),
        AlertLevel.WARNING,
        retry_after=backoff_for(failure, backoff),
        attempt=count + 1,
        attempts=limit,
    )


def on_success(health: Health) -> Decision:
    level = AlertLevel.INFORMATION if health.warned else None
    return Decision(Health(warned=False, enabled=True), level)


def backoff_for(failure: Failure, default_backoff: timedelta | None = None) -> timedelta:
    """The default back-off, or the server's BackOffMilliseconds when that is longer (counted in
    the engine's clock, like every wait)."""
    backoff = default_backoff if default_backoff is not None else standard_backoff()
    if failure.backoff_ms is not None:
        return max(backoff, scaled(timedelta(milliseconds=failure.backoff_ms)))
    return backoff


def most_mailboxes_failing(failing: int, total: int) -> bool:
    """The profile-wide rule: more than half of a profile's mailboxes failing (within the hour)."""
    return total > 0 and failing * 2 > total
