"""The configuration document (``python -m app config export | import``), pure Python.

One versioned JSON document holds the system settings, email server profiles, users (with
their personal options and sync filters), queues and mailboxes; never a secret. Records refer to
each other by name or address: a profile by its name, an owner by ``{"user": KEY}`` or
``{"queue": KEY}`` (a user's or queue's key is its email address, or its name when it has none),
a mailbox by its address. Those keys are also how an import matches the store's records, so
importing the same file twice changes nothing.

This module knows the document's shape: ``SECTIONS`` (what ``docs/config-schema.json``
publishes, see ``json_schema``) and ``check_document``, which lists every problem with its JSON
path and the rule it breaks. Whether the values make a valid profile or mailbox, and what an
import would change, is the store's side (``app.store.config_io``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from app.domain.enums import (
    ApprovalStatus,
    AuthProtocol,
    ConflictPolicy,
    CredentialSource,
    FilterOperator,
    RecordType,
    ServerType,
    SyncMethod,
    TrackingOption,
)

FORMAT = "sssm-configuration"
VERSION = 1
SCHEMA_ID = "https://sssm.example/schemas/configuration-1.json"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document: where (a JSON path such as ``$.mailboxes[3].email``) and why."""

    path: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}: {self.rule}"


class DateTime:
    """Marker type: an ISO 8601 date and time with its UTC offset."""


class Nullable:
    def __init__(self, kind: object):
        self.kind = kind


class ListOf:
    def __init__(self, fields: dict[str, object]):
        self.fields = fields


class Owner:
    """``{"user": KEY}`` or ``{"queue": KEY}``."""


# field name -> type: str, bool, int, DateTime, an Enum class, Nullable(...), a nested dict, ListOf(...)
PROFILE: dict[str, object] = {
    "name": str,
    "description": str,
    "server_type": ServerType,
    "auto_discover": bool,
    "incoming_url": str,
    "credential_source": CredentialSource,
    "username": str,
    "use_impersonation": bool,
    "auth_protocol": AuthProtocol,
    "incoming_port": int,
    "use_ssl": bool,
    "outgoing_same_as_incoming": bool,
    "outgoing_url": str,
    "outgoing_credential_source": CredentialSource,
    "outgoing_username": str,
    "outgoing_auth_protocol": AuthProtocol,
    "outgoing_port": int,
    "trusted_ca_path": str,
    "move_failed_to_undeliverable": bool,
    "process_email_from": DateTime,
    "max_connections": int,
    "min_polling_minutes": int,
    "timeout_seconds": int,
    "alert_when_most_fail": bool,
}
CRITERION: dict[str, object] = {"field": str, "operator": FilterOperator, "value": str}
SYNC_FILTER: dict[str, object] = {
    "record_type": RecordType,
    "name": str,
    "is_default": bool,
    "active": bool,
    "criteria": ListOf(CRITERION),
}
OPTIONS: dict[str, object] = {
    "tracking_option": TrackingOption,
    "appointment_conflict_policy": ConflictPolicy,
    "contact_conflict_policy": ConflictPolicy,
    "task_conflict_policy": ConflictPolicy,
}
USER: dict[str, object] = {
    "name": str,
    "email": Nullable(str),
    "active": bool,
    "options": OPTIONS,
    "filters": ListOf(SYNC_FILTER),
}
QUEUE: dict[str, object] = {"name": str, "email": Nullable(str), "active": bool}
MAILBOX: dict[str, object] = {
    "name": str,
    "email": str,
    "owner": Owner,
    "profile": Nullable(str),
    "approval": ApprovalStatus,
    "incoming_method": SyncMethod,
    "outgoing_method": SyncMethod,
    "act_method": SyncMethod,
    "allow_credentials": bool,
    "username": str,
    "delete_after_processing": bool,
    "active": bool,
}
SETTINGS: dict[str, object] = {
    "record_errors": bool,
    "record_warnings": bool,
    "record_information": bool,
    "notify_owner_by_email": bool,
    "notify_mailbox": Nullable(str),
    "toast_errors": bool,
    "toast_warnings": bool,
    "allow_insecure_credentials": bool,
    "transient_failure_limit": int,
    "default_backoff_minutes": int,
    "auth_retry_limit": int,
    "item_failure_retention_days": int,
    "tracking_token_prefix": str,
    "default_profile": Nullable(str),
    "language": str,
}
SECTIONS: dict[str, object] = {
    "settings": SETTINGS,
    "profiles": ListOf(PROFILE),
    "users": ListOf(USER),
    "queues": ListOf(QUEUE),
    "mailboxes": ListOf(MAILBOX),
}


def owner_key(name: str, email: str | None) -> str:
    """How a user or queue is named in the document and matched on import: its address, else its name."""
    return (email or "").strip().lower() or name.strip()


def _describe(kind: object) -> str:
    if kind is str:
        return "a string"
    if kind is bool:
        return "true or false"
    if kind is int:
        return "an integer"
    if kind is DateTime:
        return "a date and time in ISO 8601 with its UTC offset, such as 2026-01-31T09:00:00+00:00"
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "one of " + ", ".join(json.dumps(m.value) for m in kind)
    if isinstance(kind, Nullable):
        return _describe(kind.kind) + " or null"
    if kind is Owner:
        return 'an object {"user": KEY} or {"queue": KEY}'
    if isinstance(kind, ListOf):
        return "a list"
    return "an object"


def _check_value(value: Any, kind: object, path: str, problems: list[Problem]) -> None:
    if isinstance(kind, Nullable):
        if value is not None:
            _check_value(value, kind.kind, path, problems)
        return
    ok = True
    if kind is str:
        ok = isinstance(value, str)
    elif kind is bool:
        ok = isinstance(value, bool)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind is DateTime:
        ok = isinstance(value, str) and _is_aware_datetime(value)
    elif isinstance(kind, type) and issubclass(kind, Enum):
        ok = isinstance(value, str) and value in {m.value for m in kind}
    elif kind is Owner:
        ok = (
            isinstance(value, dict)
            and len(value) == 1
            and next(iter(value)) in ("user", "queue")
            and isinstance(next(iter(value.values())), str)
        )
    elif isinstance(kind, ListOf):
        if not isinstance(value, list):
            ok = False
        else:
            for index, item in enumerate(value):
                _check_object(item, kind.fields, f"{path}[{index}]", problems)
    elif isinstance(kind, dict):
        _check_object(value, kind, path, problems)
    if not ok:
        problems.append(Problem(path, f"must be {_describe(kind)}"))


def _is_aware_datetime(text: str) -> bool:
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def _check_object(value: Any, fields: dict[str, object], path: str, problems: list[Problem]) -> None:
    if not isinstance(value, dict):
        problems.append(Problem(path, "must be an object"))
        return
    for name in value:
        if name not in fields:
            problems.append(Problem(f"{path}.{name}", "is not a field of this version's document"))
    for name, kind in fields.items():
        if name not in value:
            problems.append(Problem(f"{path}.{name}", f"is missing: {_describe(kind)}"))
        else:
            _check_value(value[name], kind, f"{path}.{name}", problems)


def parse(text: str) -> tuple[dict[str, Any], list[Problem]]:
    """The document and its shape problems (nothing else is checked when the shape is wrong)."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        return {}, [Problem("$", f"is not JSON: {exc}")]
    if not isinstance(document, dict):
        return {}, [Problem("$", "must be an object")]
    if document.get("format") != FORMAT:
        return {}, [Problem("$.format", f"must be {json.dumps(FORMAT)}: this is not an exported configuration")]
    if document.get("version") != VERSION:
        found = json.dumps(document.get("version"))
        return {}, [Problem("$.version", f"is {found}: this version of the app reads version {VERSION}")]
    problems: list[Problem] = []
    for name in document:
        if name not in SECTIONS and name not in ("format", "version", "$schema"):
            problems.append(Problem(f"$.{name}", "is not a section of this version's document"))
    for name, kind in SECTIONS.items():
        if name in document:  # every section is optional: a document may configure only part
            _check_value(document[name], kind, f"$.{name}", problems)
    return document, problems


def _schema_of(kind: object) -> dict[str, Any]:
    if isinstance(kind, Nullable):
        inner = _schema_of(kind.kind)
        return {"anyOf": [inner, {"type": "null"}]}
    if kind is str:
        return {"type": "string"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is DateTime:
        return {"type": "string", "format": "date-time"}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return {"enum": [m.value for m in kind]}
    if kind is Owner:
        return {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "properties": {"user": {"type": "string"}, "queue": {"type": "string"}},
            "additionalProperties": False,
        }
    if isinstance(kind, ListOf):
        return {"type": "array", "items": _schema_of(kind.fields)}
    assert isinstance(kind, dict)
    return {
        "type": "object",
        "properties": {name: _schema_of(k) for name, k in kind.items()},
        "required": list(kind),
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (docs/config-schema.json; a test checks the file is current)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Server-Side Sync Manager configuration",
        "description": "Exported by `python -m app config export`; read by `config import`. Never holds a secret.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "$schema": {"type": "string"},
            **{name: _schema_of(kind) for name, kind in SECTIONS.items()},
        },
        "required": ["format", "version"],
        "additionalProperties": False,
    }
