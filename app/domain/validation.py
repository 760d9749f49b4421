"""Validation rules of every profile and mailbox field (docs/product-rules.md §1, §2).

Each rule yields a ``ValidationIssue``: the field it concerns and a message a person
understands. Messages are English templates marked for translation (context "Validation");
the GUI shows them translated next to the field, the CLI prints them as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from app.domain.enums import AuthProtocol, CredentialSource, OwnerKind
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.i18n import Translator, identity_translate
from app.domain.settings import MailboxSettings, ProfileSettings

CTX = "Validation"

NAME_MAX = 100
DESCRIPTION_MAX = 2000
MAILBOX_NAME_MAX = 160
EMAIL_MAX = 254
PORT_RANGE = (1, 65535)
MAX_CONNECTIONS_RANGE = (1, 300)
MIN_POLLING_RANGE = (0, 1440)
TIMEOUT_RANGE = (1, 300)
TRANSIENT_LIMIT_RANGE = (1, 100)
# retries after a refused logon: at most 3, so with the first try at most 4 failed logons —
# below the usual AD lockout threshold of 5 bad attempts
AUTH_RETRY_LIMIT_RANGE = (0, 3)


@dataclass(frozen=True)
class ValidationIssue:
    field: str
    template: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self, translate: Translator = identity_translate) -> str:
        return translate(CTX, self.template).format(**dict(self.params))

    def __str__(self) -> str:
        return self.message()


class ValidationError(ValueError):
    """Raised by ``ensure_valid``: carries every issue, not just the first."""

    def __init__(self, issues: Iterable[ValidationIssue]):
        self.issues = list(issues)
        super().__init__("; ".join(str(i) for i in self.issues))

    def for_field(self, name: str) -> list[ValidationIssue]:
        return [i for i in self.issues if i.field == name]


def _issue(field_name: str, template: str, **params: object) -> ValidationIssue:
    return ValidationIssue(field_name, template, tuple(sorted(params.items())))


def ensure_valid(issues: list[ValidationIssue]) -> None:
    if issues:
        raise ValidationError(issues)


# --- single values -------------------------------------------------------------------------

_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_DOMAIN_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def check_email(value: str, field_name: str = "email", *, required: bool = True) -> list[ValidationIssue]:
    value = (value or "").strip()
    if not value:
        return [_issue(field_name, _N(CTX, "Enter an email address."))] if required else []
    if any(c.isspace() for c in value):
        return [_issue(field_name, _N(CTX, "An email address cannot contain spaces."))]
    if value.count("@") != 1:
        return [_issue(field_name, _N(CTX, "An email address needs exactly one @, as in name@contoso.com."))]
    if len(value) > EMAIL_MAX:
        return [_issue(field_name, _N(CTX, "An email address can have at most {max} characters."), max=EMAIL_MAX)]
    local, domain = value.split("@")
    if not local or len(local) > 64 or not _LOCAL_PART.match(local):
        return [_issue(field_name, _N(CTX, "The part before @ is not valid in an email address."))]
    labels = domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        return [_issue(field_name, _N(CTX, "The part after @ must be a domain name, as in contoso.com."))]
    return []


def check_text(value: str, field_name: str, max_length: int, *, required: bool) -> list[ValidationIssue]:
    value = value or ""
    if required and not value.strip():
        return [_issue(field_name, _N(CTX, "This field is required."))]
    if len(value) > max_length:
        return [
            _issue(field_name, _N(CTX, "Use at most {max} characters (now {count})."), max=max_length, count=len(value))
        ]
    return []


def check_range(value: object, field_name: str, bounds: tuple[int, int]) -> list[ValidationIssue]:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int):
        return [_issue(field_name, _N(CTX, "Enter a whole number from {low} to {high}."), low=low, high=high)]
    if not low <= value <= high:
        return [_issue(field_name, _N(CTX, "Enter a whole number from {low} to {high}."), low=low, high=high)]
    return []


def check_ews_url(value: str, field_name: str) -> list[ValidationIssue]:
    value = (value or "").strip()
    example = "https://mail.contoso.com/EWS/Exchange.asmx"
    if not value:
        return [
            _issue(field_name, _N(CTX, "Enter the Exchange Web Services address, as in {example}."), example=example)
        ]
    if any(c.isspace() for c in value):
        return [_issue(field_name, _N(CTX, "The address cannot contain spaces."))]
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return [_issue(field_name, _N(CTX, "The address has an invalid port number."))]
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return [
            _issue(
                field_name, _N(CTX, "Enter a full address starting with https://, as in {example}."), example=example
            )
        ]
    if parts.username or parts.password:
        return [
            _issue(
                field_name,
                _N(CTX, "Do not put a user name or password in the address; enter credentials in their own fields."),
            )
        ]
    if not parts.hostname:
        return [_issue(field_name, _N(CTX, "The address has no server name."))]
    if port is not None and not PORT_RANGE[0] <= port <= PORT_RANGE[1]:
        return [_issue(field_name, _N(CTX, "The address has an invalid port number."))]
    return []


# --- profiles ------------------------------------------------------------------------------


@dataclass
class ProfileContext:
    """What profile validation needs to know beyond the form itself."""

    other_profile_names: set[str] = field(default_factory=set)  # names of the *other* profiles
    allow_insecure_credentials: bool = False  # system setting
    is_windows: bool = False
    file_exists: Callable[[str], bool] = lambda path: False


def _check_url_against_ssl(url: str, use_ssl: bool, field_name: str) -> list[ValidationIssue]:
    scheme = urlsplit(url.strip()).scheme.lower()
    if use_ssl and scheme == "http":
        return [
            _issue(
                field_name,
                _N(
                    CTX,
                    "The address starts with http:// but “Use SSL” is on. Use an https:// address, or turn SSL off.",
                ),
            )
        ]
    if not use_ssl and scheme == "https":
        return [
            _issue(
                field_name,
                _N(
                    CTX,
                    "The address starts with https:// but “Use SSL” is off. Turn SSL on, or use an http:// address.",
                ),
            )
        ]
    return []


def validate_profile(p: ProfileSettings, ctx: ProfileContext | None = None) -> list[ValidationIssue]:
    ctx = ctx or ProfileContext()
    issues: list[ValidationIssue] = []
    issues += check_text(p.name, "name", NAME_MAX, required=True)
    if p.name.strip() and p.name.strip().casefold() in {n.strip().casefold() for n in ctx.other_profile_names}:
        issues.append(
            _issue("name", _N(CTX, "Another email server profile is already named “{name}”."), name=p.name.strip())
        )
    issues += check_text(p.description, "description", DESCRIPTION_MAX, required=False)

    if not p.auto_discover:
        url_issues = check_ews_url(p.incoming_url, "incoming_url")
        issues += url_issues or _check_url_against_ssl(p.incoming_url, p.use_ssl, "incoming_url")
        if not p.outgoing_same_as_incoming:
            out_issues = check_ews_url(p.outgoing_url, "outgoing_url")
            issues += out_issues or _check_url_against_ssl(p.outgoing_url, p.use_ssl, "outgoing_url")

    issues += _check_credentials(p.credential_source, p.username, p.has_password, p.auth_protocol, "", ctx)
    if not p.outgoing_same_as_incoming:
        issues += _check_credentials(
            p.outgoing_credential_source,
            p.outgoing_username,
            p.outgoing_has_password,
            p.outgoing_auth_protocol,
            "outgoing_",
            ctx,
        )
        issues += check_range(p.outgoing_port, "outgoing_port", PORT_RANGE)

    if p.use_impersonation and p.credential_source is not CredentialSource.PROFILE:
        issues.append(
            _issue(
                "use_impersonation",
                _N(
                    CTX,
                    "Impersonation acts for every mailbox with the "
                    "profile's credentials: choose “Credentials specified "
                    "in email server profile” to use it.",
                ),
            )
        )
    issues += check_range(p.incoming_port, "incoming_port", PORT_RANGE)
    if not p.use_ssl and not ctx.allow_insecure_credentials:
        issues.append(
            _issue(
                "use_ssl",
                _N(
                    CTX,
                    "Without SSL, passwords would cross the network unencrypted. "
                    "Keep SSL on, or first allow credentials over non-secure "
                    "channels in System Settings.",
                ),
            )
        )
    ca = (p.trusted_ca_path or "").strip()
    if ca and not ctx.file_exists(ca):
        issues.append(_issue("trusted_ca_path", _N(CTX, "The certificate file “{path}” does not exist."), path=ca))
    issues += check_range(p.max_connections, "max_connections", MAX_CONNECTIONS_RANGE)
    issues += check_range(p.min_polling_minutes, "min_polling_minutes", MIN_POLLING_RANGE)
    issues += check_range(p.timeout_seconds, "timeout_seconds", TIMEOUT_RANGE)
    if p.process_email_from is None:
        issues.append(_issue("process_email_from", _N(CTX, "Choose the date from which email is processed.")))
    return issues


def _check_credentials(
    source: CredentialSource,
    username: str,
    has_password: bool,
    protocol: AuthProtocol,
    prefix: str,
    ctx: ProfileContext,
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if source is CredentialSource.PROFILE:
        if not (username or "").strip():
            issues.append(_issue(prefix + "username", _N(CTX, "Enter the user name the profile connects with.")))
        if not has_password:
            issues.append(_issue(prefix + "password", _N(CTX, "Enter the password of the profile's user.")))
    elif source is CredentialSource.WINDOWS_INTEGRATED and not ctx.is_windows:
        issues.append(
            _issue(
                prefix + "credential_source",
                _N(
                    CTX,
                    "Windows integrated authentication needs Windows: the app logs on as the Windows user who runs "
                    "it. On this computer, use the credentials of the user or queue, or of the profile.",
                ),
            )
        )
    elif source is CredentialSource.WINDOWS_INTEGRATED and protocol is AuthProtocol.BASIC:
        issues.append(
            _issue(
                prefix + "credential_source",
                _N(
                    CTX,
                    "Windows integrated authentication sends no password, and Basic authentication needs one: "
                    "choose Auto detect, Negotiate or NTLM as the authentication protocol.",
                ),
            )
        )
    return issues


# --- mailboxes -----------------------------------------------------------------------------


@dataclass
class MailboxContext:
    profile_credential_source: CredentialSource | None = None  # None: no profile chosen


def validate_mailbox(m: MailboxSettings, ctx: MailboxContext | None = None) -> list[ValidationIssue]:
    ctx = ctx or MailboxContext()
    issues: list[ValidationIssue] = []
    issues += check_text(m.name, "name", MAILBOX_NAME_MAX, required=True)
    issues += check_email(m.email, "email")
    if m.owner_id is None:
        issues.append(_issue("owner", _N(CTX, "Choose the user or queue that owns this mailbox.")))
    uses_sss = m.uses_server_side_sync()
    if uses_sss and m.profile_id is None:
        issues.append(
            _issue("profile", _N(CTX, "Choose an email server profile: server-side synchronization needs one."))
        )
    if uses_sss and ctx.profile_credential_source is CredentialSource.USER_OR_QUEUE:
        if not m.allow_credentials:
            issues.append(
                _issue(
                    "allow_credentials",
                    _N(
                        CTX,
                        "The profile uses the credentials of each user or queue: "
                        "allow this mailbox's credentials to be used for email processing.",
                    ),
                )
            )
        else:
            if not (m.username or "").strip():
                issues.append(_issue("username", _N(CTX, "Enter the user name this mailbox connects with.")))
            if not m.has_password:
                issues.append(_issue("password", _N(CTX, "Enter the password of this mailbox's user.")))
    if m.delete_after_processing and m.owner_kind is not OwnerKind.QUEUE:
        issues.append(
            _issue("delete_after_processing", _N(CTX, "Only a queue's mailbox can delete emails after processing."))
        )
    return issues


def check_transient_failure_limit(value: object) -> list[ValidationIssue]:
    return check_range(value, "transient_failure_limit", TRANSIENT_LIMIT_RANGE)


def check_auth_retry_limit(value: object) -> list[ValidationIssue]:
    """System setting: how many times a refused logon (HTTP 401) is retried (its own budget)."""
    return check_range(value, "auth_retry_limit", AUTH_RETRY_LIMIT_RANGE)


__all__ = [
    "ValidationIssue",
    "ValidationError",
    "ensure_valid",
    "ProfileContext",
    "MailboxContext",
    "validate_profile",
    "validate_mailbox",
    "check_email",
    "check_ews_url",
    "check_range",
    "check_text",
    "check_transient_failure_limit",
    "check_auth_retry_limit",
]
