"""How failures escalate (docs/product-rules.md §4): pure decisions, no I/O.

Transient failures (timeouts, HTTP 5xx, ErrorServerBusy, connection resets) give a Warning and
a retry after a back-off; after ``limit`` of them in a row the workload is disabled with an
Error. Permanent failures (wrong password, access or impersonation denied, mailbox not found,
address not approved, untrusted certificate) give an Error and disable at once — a 401 is
never retried in a loop. A success after a Warning or an Error gives an Information alert.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from app.domain.enums import AlertLevel

DEFAULT_BACKOFF = timedelta(minutes=5)
DEFAULT_TRANSIENT_LIMIT = 10


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

    @property
    def message_template(self) -> str:
        return self.template or self.message


@dataclass(frozen=True)
class Health:
    """What escalation remembers about one workload of one mailbox."""

    consecutive_transient_failures: int = 0
    warned: bool = False  # a Warning or Error is open, so recovery deserves an Information alert
    enabled: bool = True


@dataclass(frozen=True)
class Decision:
    health: Health
    alert_level: AlertLevel | None  # None: nothing to record
    disable: bool = False
    retry_after: timedelta | None = None  # None: no automatic retry


def on_failure(
    health: Health,
    failure: Failure,
    *,
    limit: int = DEFAULT_TRANSIENT_LIMIT,
    default_backoff: timedelta = DEFAULT_BACKOFF,
) -> Decision:
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
        retry_after=backoff_for(failure, default_backoff),
    )


def on_success(health: Health) -> Decision:
    level = AlertLevel.INFORMATION if health.warned else None
    return Decision(Health(consecutive_transient_failures=0, warned=False, enabled=True), level)


def backoff_for(failure: Failure, default_backoff: timedelta = DEFAULT_BACKOFF) -> timedelta:
    """The default back-off, or the server's BackOffMilliseconds when that is longer."""
    if failure.backoff_ms is not None:
        return max(default_backoff, timedelta(milliseconds=failure.backoff_ms))
    return default_backoff


def most_mailboxes_failing(failing: int, total: int) -> bool:
    """The profile-wide rule: more than half of a profile's mailboxes failing (within the hour)."""
    return total > 0 and failing * 2 > total
