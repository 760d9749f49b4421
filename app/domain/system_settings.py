"""The system settings (docs/product-rules.md §4) as the Settings page edits them, and their rules.

``SystemSettingsValues`` is a plain value: which alert levels are recorded and toasted, whether
credentials may cross a connection without SSL, the retry budgets, the tracking token prefix,
alert emails to the mailbox owner (and the mailbox they are sent through), the language and the
default profile. ``validate_system_settings`` yields a ``ValidationIssue`` per broken rule, on
the field it concerns (messages in context "Validation", as every form's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.escalation import DEFAULT_AUTH_RETRIES, DEFAULT_BACKOFF_MINUTES, DEFAULT_TRANSIENT_LIMIT
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.item_failures import DEFAULT_RETENTION_DAYS, RETENTION_DAYS_RANGE
from app.domain.validation import (
    AUTH_RETRY_LIMIT_RANGE,
    TRANSIENT_LIMIT_RANGE,
    ValidationIssue,
    check_auth_retry_limit,
    check_range,
    check_transient_failure_limit,
)

CTX = "Validation"  # the context of every form's messages (app.domain.validation); a literal here, as
# tools/build_translations reads a marker's context from a constant of the same module
BACKOFF_MINUTES_RANGE = (1, 1440)  # at most a day between the tries of a failing workload
TOKEN_PREFIX_MAX = 20  # the store's column; the token's digits follow it
TOKEN_PREFIX_SIGNS = ":-_#./"  # besides letters and digits
DEFAULT_TOKEN_PREFIX = "CRM:"
LANGUAGES = ("", "en", "ja")  # "": the system's language

__all__ = [
    "AUTH_RETRY_LIMIT_RANGE",
    "BACKOFF_MINUTES_RANGE",
    "LANGUAGES",
    "RETENTION_DAYS_RANGE",
    "TRANSIENT_LIMIT_RANGE",
    "SystemSettingsContext",
    "SystemSettingsValues",
    "check_token_prefix",
    "validate_system_settings",
]


@dataclass(frozen=True)
class SystemSettingsValues:
    record_errors: bool = True
    record_warnings: bool = True
    record_information: bool = True
    toast_errors: bool = True
    toast_warnings: bool = False
    allow_insecure_credentials: bool = False
    transient_failure_limit: int = DEFAULT_TRANSIENT_LIMIT
    default_backoff_minutes: int = DEFAULT_BACKOFF_MINUTES
    auth_retry_limit: int = DEFAULT_AUTH_RETRIES
    item_failure_retention_days: int = DEFAULT_RETENTION_DAYS  # item monitoring keeps entries this long
    tracking_token_prefix: str = DEFAULT_TOKEN_PREFIX
    notify_owner_by_email: bool = False
    notify_mailbox_id: int | None = None  # kept while the notification is off: turning it on again finds it
    language: str = ""
    default_profile_id: int | None = None


@dataclass(frozen=True)
class SystemSettingsContext:
    """What the rules need to know of the store."""

    profile_ids: frozenset[int] = field(default_factory=frozenset)
    # the mailboxes that can send alert emails: active, outgoing email by server-side synchronization
    sending_mailbox_ids: frozenset[int] = field(default_factory=frozenset)


def _issue(field_name: str, template: str, **params: object) -> ValidationIssue:
    return ValidationIssue(field_name, template, tuple(sorted(params.items())))


def check_token_prefix(value: str) -> list[ValidationIssue]:
    """What app.domain.tracking can find again in a subject: the prefix, then the token's digits
    (``CRM:0001234``). It must not continue a word, nor run into the digits."""
    name = "tracking_token_prefix"
    if not value:
        return [_issue(name, _N(CTX, "Enter a prefix for tracking tokens, as in CRM:."))]
    if len(value) > TOKEN_PREFIX_MAX:
        return [
            _issue(name, _N(CTX, "Use at most {max} characters (now {count})."), max=TOKEN_PREFIX_MAX, count=len(value))
        ]
    if any(c.isspace() for c in value):
        return [_issue(name, _N(CTX, "A tracking token prefix cannot contain spaces."))]
    if any(not (c.isalnum() or c in TOKEN_PREFIX_SIGNS) for c in value):
        return [
            _issue(
                name,
                _N(CTX, "Use only letters, digits and the signs {signs} in a tracking token prefix."),
                signs=" ".join(TOKEN_PREFIX_SIGNS),
            )
        ]
    if not value[0].isalpha():
        return [_issue(name, _N(CTX, "Start the prefix with a letter, as in CRM:."))]
    if value[-1].isdigit():
        return [_issue(name, _N(CTX, "The prefix cannot end with a digit: the token's number follows it."))]
    return []


def validate_system_settings(
    values: SystemSettingsValues, ctx: SystemSettingsContext | None = None
) -> list[ValidationIssue]:
    ctx = ctx or SystemSettingsContext()
    issues: list[ValidationIssue] = []
    for toasted, recorded, name, template in (
        (
            values.toast_errors,
            values.record_errors,
            "toast_errors",
            _N(
                CTX,
                "Errors are not recorded, so there is nothing to notify: turn their recording on, or turn this off.",
            ),
        ),
        (
            values.toast_warnings,
            values.record_warnings,
            "toast_warnings",
            _N(
                CTX,
                "Warnings are not recorded, so there is nothing to notify: turn their recording on, or turn this off.",
            ),
        ),
    ):
        if toasted and not recorded:
            issues.append(_issue(name, template))
    issues += check_transient_failure_limit(values.transient_failure_limit)
    issues += check_range(values.default_backoff_minutes, "default_backoff_minutes", BACKOFF_MINUTES_RANGE)
    issues += check_auth_retry_limit(values.auth_retry_limit)
    issues += check_range(values.item_failure_retention_days, "item_failure_retention_days", RETENTION_DAYS_RANGE)
    issues += check_token_prefix(values.tracking_token_prefix)
    if values.notify_owner_by_email:
        if values.notify_mailbox_id is None:
            issues.append(_issue("notify_mailbox", _N(CTX, "Choose the mailbox through which alert emails are sent.")))
        elif values.notify_mailbox_id not in ctx.sending_mailbox_ids:
            issues.append(
                _issue(
                    "notify_mailbox",
                    _N(
                        CTX,
                        "This mailbox does not send email with server-side synchronization (or it is not active): "
                        "choose one that does.",
                    ),
                )
            )
    if values.language not in LANGUAGES:
        issues.append(_issue("language", _N(CTX, "Choose the system default, English or Japanese.")))
    if values.default_profile_id is not None and values.default_profile_id not in ctx.profile_ids:
        issues.append(_issue("default_profile", _N(CTX, "This email server profile no longer exists: choose another.")))
    return issues
