"""Users and queues, the owners of mailboxes: their fields' rules and the CSV file that adds many.

An owner has a name and a primary email address; a queue's mailbox may also delete emails after
processing. Each address belongs to one user, queue or mailbox only (``OwnerContext.taken`` says
who holds which). ``parse_owner_csv`` reads an import file into rows and an issue per bad line:
a file with any bad line is refused whole, so the caller imports nothing then.

Messages are English templates marked for translation (context "Validation"), as in
``app.domain.validation``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from app.domain.enums import OwnerKind
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.domain.validation import EMAIL_MAX, MAILBOX_NAME_MAX, ValidationIssue, check_email, check_text

CTX = "Validation"

OWNER_NAME_MAX = MAILBOX_NAME_MAX  # the mailbox created with the owner takes its name

# the import file's columns: kind, name and email are required, the others may be left out
CSV_COLUMNS = ("kind", "name", "email", "delete_after_processing")
_REQUIRED_COLUMNS = ("kind", "name", "email")
_KIND_WORDS = {
    "user": OwnerKind.USER,
    "ユーザー": OwnerKind.USER,
    "queue": OwnerKind.QUEUE,
    "キュー": OwnerKind.QUEUE,
}
_YES = {"yes", "true", "1", "y", "はい"}
_NO = {"no", "false", "0", "n", "いいえ", ""}


def _issue(field_name: str, template: str, **params: object) -> ValidationIssue:
    return ValidationIssue(field_name, template, tuple(sorted(params.items())))


def email_key(email: str) -> str:
    """Addresses compare without case and surrounding spaces, as Exchange compares them."""
    return (email or "").strip().casefold()


@dataclass
class OwnerSettings:
    """What the owner dialog edits."""

    kind: OwnerKind = OwnerKind.USER
    name: str = ""
    email: str = ""
    delete_after_processing: bool = False  # queues only: stored on the queue's mailbox


@dataclass
class OwnerContext:
    """Addresses already held by another user, queue or mailbox: email_key → the holder's name."""

    taken: dict[str, str] = field(default_factory=dict)


def validate_owner(settings: OwnerSettings, ctx: OwnerContext | None = None) -> list[ValidationIssue]:
    ctx = ctx or OwnerContext()
    issues = check_text(settings.name, "name", OWNER_NAME_MAX, required=True)
    email_issues = check_email(settings.email, "email")
    holder = ctx.taken.get(email_key(settings.email))
    if not email_issues and holder is not None:
        email_issues = [
            _issue(
                "email",
                _N(CTX, "{email} is already the address of “{holder}”: each user, queue and mailbox needs its own."),
                email=settings.email.strip(),
                holder=holder,
            )
        ]
    issues += email_issues
    if settings.delete_after_processing and settings.kind is not OwnerKind.QUEUE:
        issues.append(
            _issue("delete_after_processing", _N(CTX, "Only a queue's mailbox can delete emails after processing."))
        )
    return issues


# --- the import file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvOwnerLine:
    """One line of the file: its number (the header is line 1), what it says, and what is wrong."""

    line: int
    settings: OwnerSettings
    issues: tuple[ValidationIssue, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.issues


@dataclass(frozen=True)
class CsvOwnerFile:
    lines: tuple[CsvOwnerLine, ...]
    file_issues: tuple[ValidationIssue, ...] = ()  # the file as a whole: unreadable, no header, no rows

    @property
    def ok(self) -> bool:
        return not self.file_issues and all(line.ok for line in self.lines)

    def bad_lines(self) -> list[CsvOwnerLine]:
        return [line for line in self.lines if not line.ok]


def _looks_like_text(text: str) -> bool:
    # a workbook or other binary file decodes as Shift_JIS too: control and private-use characters tell
    return not any((ord(c) < 32 and c not in "\t\r\n") or "\ue000" <= c <= "\uf8ff" for c in text)


def decode_csv(data: bytes) -> str | None:
    """The file's text: UTF-8 (with or without the BOM Excel writes), else Shift_JIS (Excel's CSV
    on Japanese Windows); None when it is neither."""
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text if _looks_like_text(text) else None
    return None


def _file_issue(template: str, **params: object) -> CsvOwnerFile:
    return CsvOwnerFile((), (_issue("file", template, **params),))


def parse_owner_csv(text: str | None, ctx: OwnerContext | None = None) -> CsvOwnerFile:
    """Every line of an import file with its issues (*ctx*: the addresses already taken)."""
    if text is None:
        return _file_issue(_N(CTX, "The file is not text in UTF-8 or Shift_JIS: save it as CSV UTF-8 and try again."))
    ctx = ctx or OwnerContext()
    rows = list(csv.reader(io.StringIO(text)))
    header_index = next((i for i, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    if header_index is None:
        return _file_issue(
            _N(CTX, "The file is empty: its first line names the columns, as in {header}."),
            header=",".join(CSV_COLUMNS),
        )
    header = [cell.strip().casefold() for cell in rows[header_index]]
    missing = [name for name in _REQUIRED_COLUMNS if name not in header]
    if missing:
        return _file_issue(
            _N(CTX, "The first line must name the columns {required}; it lacks {missing}."),
            required=", ".join(_REQUIRED_COLUMNS),
            missing=", ".join(missing),
        )
    unknown = [name for name in header if name and name not in CSV_COLUMNS]
    if unknown:
        return _file_issue(
            _N(CTX, "Unknown column {columns}: the columns are {known}."),
            columns=", ".join(unknown),
            known=", ".join(CSV_COLUMNS),
        )
    seen: dict[str, int] = {}
    lines = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if not any(cell.strip() for cell in row):
            continue
        number = index + 1
        line = _parse_line(number, header, row, ctx, seen)
        seen.setdefault(email_key(line.settings.email), number)
        lines.append(line)
    if not lines:
        return _file_issue(_N(CTX, "The file has no users or queues under its first line."))
    return CsvOwnerFile(tuple(lines))


def _parse_line(
    number: int, header: list[str], row: list[str], ctx: OwnerContext, seen: dict[str, int]
) -> CsvOwnerLine:
    if len(row) > len(header):
        return CsvOwnerLine(
            number,
            OwnerSettings(),
            (
                _issue(
                    "line",
                    _N(CTX, "The line has {count} values, the first line names {columns} columns."),
                    count=len(row),
                    columns=len(header),
                ),
            ),
        )
    values = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
    issues: list[ValidationIssue] = []
    kind = _KIND_WORDS.get(values.get("kind", "").casefold())
    if kind is None:
        issues.append(
            _issue("kind", _N(CTX, "The kind must be user or queue, not “{value}”."), value=values.get("kind", ""))
        )
    delete_word = values.get("delete_after_processing", "").casefold()
    delete = delete_word in _YES
    if delete_word not in _YES | _NO:
        issues.append(
            _issue(
                "delete_after_processing",
                _N(CTX, "delete_after_processing must be yes or no, not “{value}”."),
                value=values.get("delete_after_processing", ""),
            )
        )
    settings = OwnerSettings(kind or OwnerKind.USER, values.get("name", ""), values.get("email", ""), delete)
    if kind is not None:
        issues += validate_owner(settings, ctx)
    else:
        issues += validate_owner(OwnerSettings(OwnerKind.QUEUE, settings.name, settings.email), ctx)
    earlier = seen.get(email_key(settings.email))
    if earlier is not None and settings.email.strip() and not any(i.field == "email" for i in issues):
        issues.append(
            _issue(
                "email",
                _N(CTX, "{email} is also on line {line}: each address once."),
                email=settings.email.strip(),
                line=earlier,
            )
        )
    return CsvOwnerLine(number, settings, tuple(issues))


__all__ = [
    "CSV_COLUMNS",
    "EMAIL_MAX",
    "CsvOwnerFile",
    "CsvOwnerLine",
    "OwnerContext",
    "OwnerSettings",
    "decode_csv",
    "email_key",
    "parse_owner_csv",
    "validate_owner",
]
