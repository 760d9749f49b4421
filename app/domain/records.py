"""What the Records page edits: an email to send, an appointment, a contact, a task; and the rules
of each field (messages in context "Validation", shown under the field).

Times are aware UTC datetimes. An all-day appointment is whole days: it starts and ends at UTC
midnights, the end exclusive (as the store and the sync keep it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from enum import Enum

from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.validation import ValidationIssue, check_email, check_text

CTX = "Validation"  # the context of every field's message (ValidationIssue.message)
SUBJECT_MAX = 255  # Exchange's subject limit
LOCATION_MAX = 255
CATEGORY_MAX = 255
BODY_MAX = 1_000_000
NAME_MAX = 100
COMPANY_MAX = 160
PHONE_MAX = 50
RECIPIENTS_MAX = 500

_SEPARATORS = re.compile(r"[;,]")


def _issue(field_name: str, template: str, **params: object) -> ValidationIssue:
    return ValidationIssue(field_name, template, tuple(sorted(params.items())))


def split_addresses(text: str) -> list[str]:
    """The addresses of a To or Cc field, separated by ``;`` or ``,`` (blanks dropped)."""
    return [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]


def check_addresses(text: str, field_name: str, *, required: bool) -> list[ValidationIssue]:
    """Every address of the field valid; the first invalid one named, with the rule it breaks."""
    addresses = split_addresses(text)
    if not addresses:
        return [_issue(field_name, _N(CTX, "Enter at least one email address."))] if required else []
    if len(addresses) > RECIPIENTS_MAX:
        return [_issue(field_name, _N(CTX, "Use at most {max} addresses."), max=RECIPIENTS_MAX)]
    for address in addresses:
        rule = check_email(address, field_name)
        if rule:
            return [_issue(field_name, _N(CTX, "Not a valid email address: {address}"), address=address), *rule]
    return []


# --- an email to send ------------------------------------------------------------------------


class ComposeKind(str, Enum):
    NEW = "new"
    REPLY = "reply"
    REPLY_ALL = "reply_all"
    FORWARD = "forward"


@dataclass(frozen=True)
class ComposeValues:
    """What the compose window sends: from one of the owner's mailboxes (outgoing enabled)."""

    mailbox_id: int | None
    to: str = ""
    cc: str = ""
    subject: str = ""
    body: str = ""
    tracked: bool = False  # a tracking token goes out at the end of the subject
    in_reply_to: str | None = None  # the answered email's Message-ID (replies only)


def validate_compose(values: ComposeValues) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if values.mailbox_id is None:
        issues.append(_issue("mailbox", _N(CTX, "Choose a mailbox whose outgoing email is enabled.")))
    issues += check_addresses(values.to, "to", required=True)
    issues += check_addresses(values.cc, "cc", required=False)
    issues += check_text(values.subject, "subject", SUBJECT_MAX, required=False)
    issues += check_text(values.body, "body", BODY_MAX, required=False)
    return issues


def reply_subject(subject: str, kind: ComposeKind) -> str:
    """ "Re: …" or "Fw: …", once (an answer to an answer keeps a single prefix)."""
    subject = (subject or "").strip()
    prefix = "Fw: " if kind is ComposeKind.FORWARD else "Re: "
    stripped = re.sub(r"^((re|fw|fwd)\s*:\s*)+", "", subject, flags=re.IGNORECASE)
    return prefix + stripped if kind is not ComposeKind.NEW else subject


def quoted(body: str, header: str) -> str:
    """The answered email's text below the answer, each line marked with ``> ``."""
    lines = (body or "").splitlines() or [""]
    return "\n\n" + header + "\n" + "\n".join("> " + line if line else ">" for line in lines)


# --- appointments, contacts, tasks ---------------------------------------------------------


@dataclass(frozen=True)
class AppointmentValues:
    owner_id: int | None
    subject: str = ""
    location: str = ""
    start: datetime | None = None
    end: datetime | None = None
    is_all_day: bool = False
    body: str = ""
    category: str = ""


@dataclass(frozen=True)
class ContactValues:
    owner_id: int | None
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    company: str = ""
    job_title: str = ""
    business_phone: str = ""
    mobile_phone: str = ""


@dataclass(frozen=True)
class TaskValues:
    owner_id: int | None
    subject: str = ""
    body: str = ""
    start: datetime | None = None
    due: datetime | None = None
    percent_complete: int = 0
    is_complete: bool = False


def _check_owner(owner_id: int | None) -> list[ValidationIssue]:
    return [] if owner_id is not None else [_issue("owner", _N(CTX, "Choose the user who owns the record."))]


def whole_days(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """An all-day appointment's start and (exclusive) end: the UTC midnights of the first day and
    of the day after the last; at least one day."""
    first = datetime.combine(start.astimezone(timezone.utc).date(), time(), timezone.utc)
    last = datetime.combine(end.astimezone(timezone.utc).date(), time(), timezone.utc)
    if last <= first:
        last = first + timedelta(days=1)
    return first, last


def validate_appointment(values: AppointmentValues) -> list[ValidationIssue]:
    issues = _check_owner(values.owner_id)
    issues += check_text(values.subject, "subject", SUBJECT_MAX, required=True)
    issues += check_text(values.location, "location", LOCATION_MAX, required=False)
    issues += check_text(values.category, "category", CATEGORY_MAX, required=False)
    issues += check_text(values.body, "body", BODY_MAX, required=False)
    if values.start is None:
        issues.append(_issue("start", _N(CTX, "Enter when the appointment starts.")))
    if values.end is None:
        issues.append(_issue("end", _N(CTX, "Enter when the appointment ends.")))
    if values.start is not None and values.end is not None:
        if values.is_all_day and values.end <= values.start:
            issues.append(_issue("end", _N(CTX, "The last day cannot be before the first day.")))
        elif not values.is_all_day and values.end < values.start:
            issues.append(_issue("end", _N(CTX, "The end cannot be before the start.")))
    return issues


def validate_contact(values: ContactValues) -> list[ValidationIssue]:
    issues = _check_owner(values.owner_id)
    if not values.first_name.strip() and not values.last_name.strip():
        issues.append(_issue("last_name", _N(CTX, "Enter a first name or a last name.")))
    issues += check_text(values.first_name, "first_name", NAME_MAX, required=False)
    issues += check_text(values.last_name, "last_name", NAME_MAX, required=False)
    issues += check_email(values.email, "email", required=False)
    issues += check_text(values.company, "company", COMPANY_MAX, required=False)
    issues += check_text(values.job_title, "job_title", NAME_MAX, required=False)
    issues += check_text(values.business_phone, "business_phone", PHONE_MAX, required=False)
    issues += check_text(values.mobile_phone, "mobile_phone", PHONE_MAX, required=False)
    return issues


def validate_task(values: TaskValues) -> list[ValidationIssue]:
    issues = _check_owner(values.owner_id)
    issues += check_text(values.subject, "subject", SUBJECT_MAX, required=True)
    issues += check_text(values.body, "body", BODY_MAX, required=False)
    if not 0 <= values.percent_complete <= 100:
        issues.append(
            _issue("percent_complete", _N(CTX, "Enter a whole number from {low} to {high}."), low=0, high=100)
        )
    if values.start is not None and values.due is not None and values.due < values.start:
        issues.append(_issue("due", _N(CTX, "The due date cannot be before the start date.")))
    return issues
