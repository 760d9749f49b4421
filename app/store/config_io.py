"""Configuration export and import (``python -m app config``): the store's side.

``export_document`` writes the store's configuration as the document of
``app.domain.config_document`` (never a secret). ``plan_import`` checks a document completely —
its shape, duplicate names, references, every profile and mailbox against the same validation as
the forms, and the secrets it needs — and says what it would create, change or leave alone;
``apply_import`` then writes the whole plan in one transaction, keyring included, or nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from peewee import fn

from app import secrets
from app.domain import config_document as doc
from app.domain.config_document import Problem, owner_key
from app.domain.enums import (
    ApprovalStatus,
    AuthProtocol,
    ConflictPolicy,
    CredentialSource,
    OwnerKind,
    RecordType,
    ServerType,
    SyncMethod,
    TrackingOption,
)
from app.domain.filters import NO_CONDITION, filter_problems
from app.domain.item_failures import RETENTION_DAYS_RANGE
from app.domain.settings import MailboxSettings, ProfileSettings
from app.domain.validation import (
    MailboxContext,
    ProfileContext,
    check_auth_retry_limit,
    check_email,
    check_range,
    check_transient_failure_limit,
    validate_mailbox,
    validate_profile,
)
from app.store import repo
from app.store.base import database, utcnow
from app.store.models import (
    FilterCriterion,
    Mailbox,
    Queue,
    ServerProfile,
    SyncFilter,
    SystemSettings,
    SystemUser,
    UserOptions,
)

_SETTINGS_COLUMNS = [name for name in doc.SETTINGS if name not in ("default_profile", "notify_mailbox")]
_ENUMS: dict[str, type[Enum]] = {
    "server_type": ServerType,
    "credential_source": CredentialSource,
    "outgoing_credential_source": CredentialSource,
    "auth_protocol": AuthProtocol,
    "outgoing_auth_protocol": AuthProtocol,
    "approval": ApprovalStatus,
    "incoming_method": SyncMethod,
    "outgoing_method": SyncMethod,
    "act_method": SyncMethod,
    "tracking_option": TrackingOption,
    "appointment_conflict_policy": ConflictPolicy,
    "contact_conflict_policy": ConflictPolicy,
    "task_conflict_policy": ConflictPolicy,
}


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _typed(name: str, value: object) -> object:
    if name in _ENUMS and isinstance(value, str):
        return _ENUMS[name](value)
    if name == "process_email_from" and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _settings_row() -> SystemSettings:
    """The settings row, or (unsaved) defaults: reading the configuration never writes to the store."""
    row: SystemSettings | None = SystemSettings.select().order_by(SystemSettings.id).first()
    return row if row is not None else SystemSettings()


# --- export ----------------------------------------------------------------------------------


def _profile_entry(profile: ServerProfile) -> dict[str, Any]:
    return {name: _plain(getattr(profile, name)) for name in doc.PROFILE}


def _user_entry(
    user: SystemUser, filters: list[SyncFilter], criteria: dict[int, list[FilterCriterion]]
) -> dict[str, Any]:
    options = UserOptions.get_or_none(UserOptions.user == user.id)
    defaults = UserOptions()
    return {
        "name": user.name,
        "email": user.email,
        "active": user.is_active,
        "options": {name: _plain(getattr(options or defaults, name)) for name in doc.OPTIONS},
        "filters": [
            {
                "record_type": _plain(f.record_type),
                "name": f.name,
                "is_default": f.is_default,
                "active": f.is_active,
                "criteria": [
                    {"field": c.field, "operator": _plain(c.operator), "value": c.value} for c in criteria.get(f.id, [])
                ],
            }
            for f in filters
        ],
    }


def _mailbox_entry(mailbox: Mailbox, owners: dict[tuple[str, int], str], profiles: dict[int, str]) -> dict[str, Any]:
    if mailbox.owner_queue_id is not None:
        owner = {"queue": owners[("queue", mailbox.owner_queue_id)]}
    else:
        owner = {"user": owners[("user", mailbox.owner_user_id or 0)]}
    return {
        "name": mailbox.name,
        "email": mailbox.email,
        "owner": owner,
        "profile": profiles.get(mailbox.profile_id or 0),
        **{
            name: _plain(getattr(mailbox, name))
            for name in doc.MAILBOX
            if name not in ("name", "email", "owner", "profile", "active")
        },
        "active": mailbox.is_active,
    }


def export_document() -> dict[str, Any]:
    """The store's configuration, records in a stable order (by name or address): exporting an
    unchanged store twice gives the same document."""
    settings = _settings_row()
    profiles = {p.id: p.name for p in ServerProfile.select()}
    users = sorted(SystemUser.select(), key=lambda u: owner_key(u.name, u.email))
    queues = sorted(Queue.select(), key=lambda q: owner_key(q.name, q.email))
    owners = {("user", u.id): owner_key(u.name, u.email) for u in users}
    owners.update({("queue", q.id): owner_key(q.name, q.email) for q in queues})
    filters: dict[int, list[SyncFilter]] = {}
    for f in SyncFilter.select().order_by(SyncFilter.id):
        filters.setdefault(f.user_id, []).append(f)
    criteria: dict[int, list[FilterCriterion]] = {}
    for c in FilterCriterion.select().order_by(FilterCriterion.filter, FilterCriterion.position):
        criteria.setdefault(c.filter_id, []).append(c)
    notify = Mailbox.get_or_none(Mailbox.id == settings.notify_mailbox_id) if settings.notify_mailbox_id else None
    return {
        "$schema": doc.SCHEMA_ID,
        "format": doc.FORMAT,
        "version": doc.VERSION,
        "settings": {
            **{name: _plain(getattr(settings, name)) for name in _SETTINGS_COLUMNS},
            "default_profile": profiles.get(settings.default_profile_id or 0),
            "notify_mailbox": notify.email if notify else None,
        },
        "profiles": [_profile_entry(p) for p in ServerProfile.select().order_by(ServerProfile.name)],
        "users": [_user_entry(u, filters.get(u.id, []), criteria) for u in users],
        "queues": [{"name": q.name, "email": q.email, "active": q.is_active} for q in queues],
        "mailboxes": [_mailbox_entry(m, owners, profiles) for m in Mailbox.select().order_by(Mailbox.email)],
    }


# --- import ----------------------------------------------------------------------------------


@dataclass
class Secrets:
    """Passwords for an import: from a secrets file or typed at a prompt; never written anywhere but
    the keyring. File form: ``{"profiles": {NAME: {"password": ..., "outgoing_password": ...}},
    "mailboxes": {ADDRESS: {"password": ...}}}``."""

    profiles: dict[str, dict[str, str]] = field(default_factory=dict)
    mailboxes: dict[str, dict[str, str]] = field(default_factory=dict)
    from_file: bool = False

    @classmethod
    def parse(cls, data: object) -> tuple[Secrets, list[Problem]]:
        problems: list[Problem] = []
        result = cls(from_file=True)
        if not isinstance(data, dict):
            return result, [Problem("secrets:$", "must be an object with “profiles” and “mailboxes”")]
        for section in data:
            if section not in ("profiles", "mailboxes"):
                problems.append(Problem(f"secrets:$.{section}", "is not a section of a secrets file"))
        for section, allowed in (("profiles", ("password", "outgoing_password")), ("mailboxes", ("password",))):
            entries = data.get(section, {})
            if not isinstance(entries, dict):
                problems.append(Problem(f"secrets:$.{section}", "must be an object"))
                continue
            target = result.profiles if section == "profiles" else result.mailboxes
            for key, values in entries.items():
                path = f"secrets:$.{section}[{key!r}]"
                if not isinstance(values, dict) or not values:
                    problems.append(Problem(path, f"must be an object with {' and/or '.join(allowed)}"))
                    continue
                for name, value in values.items():
                    if name not in allowed or not isinstance(value, str) or not value:
                        problems.append(Problem(f"{path}.{name}", f"is not one of {', '.join(allowed)} (non-empty)"))
                target[key.lower() if section == "mailboxes" else key] = {
                    k: v for k, v in values.items() if isinstance(v, str)
                }
        return result, problems


Ask = Callable[[str], str | None]  # what to ask for -> the password typed, or None


@dataclass
class Change:
    kind: str  # "profile", "user", "queue", "mailbox", "settings"
    key: str
    action: str  # "create", "change", "unchanged"
    fields: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        what = f"{self.kind} {self.key}"
        if self.action == "change":
            return f"change {what}: {', '.join(self.fields)}"
        return f"{'create' if self.action == 'create' else 'leave alone'} {what}"


@dataclass
class ImportPlan:
    document: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    passwords: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (kind, key, which) -> secret

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        result = {"create": 0, "change": 0, "unchanged": 0}
        for change in self.changes:
            result[change.action] += 1
        return result


def _stored_password(kind: str, row_id: int | None, which: str) -> str | None:
    if row_id is None:
        return None
    key = secrets.mailbox_key(row_id) if kind == "mailbox" else secrets.profile_key(row_id, which != "password")
    return secrets.get_password(key)


class _Planner:
    def __init__(self, document: dict[str, Any], given: Secrets | None, ask: Ask | None):
        self.plan = ImportPlan(document)
        self.given = given or Secrets()
        self.ask = ask
        self.used: set[tuple[str, str, str]] = set()
        self.profiles = {p.name: p for p in ServerProfile.select()}
        self.users = {owner_key(u.name, u.email): u for u in SystemUser.select()}
        self.queues = {owner_key(q.name, q.email): q for q in Queue.select()}
        self.mailboxes = {m.email.lower(): m for m in Mailbox.select()}
        self.current = export_document()
        self.before: dict[str, dict[str, dict[str, Any]]] = {
            "profiles": {p["name"]: p for p in self.current["profiles"]},
            "users": {owner_key(u["name"], u["email"]): u for u in self.current["users"]},
            "queues": {owner_key(q["name"], q["email"]): q for q in self.current["queues"]},
            "mailboxes": {m["email"].lower(): m for m in self.current["mailboxes"]},
        }

    def problem(self, path: str, rule: str) -> None:
        self.plan.problems.append(Problem(path, rule))

    def _unique(self, section: str, key_of: Callable[[dict[str, Any]], str]) -> dict[str, dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        folded: set[str] = set()
        for index, entry in enumerate(self.plan.document.get(section, [])):
            key = key_of(entry)
            if key.casefold() in folded:
                self.problem(f"$.{section}[{index}]", f"repeats {key!r}: names and addresses must be unique")
            folded.add(key.casefold())
            seen[key] = entry
        return seen

    def _diff(
        self, kind: str, key: str, entry: dict[str, Any], before: dict[str, Any] | None, extra: list[str] | None = None
    ) -> None:
        if before is None:
            self.plan.changes.append(Change(kind, key, "create"))
            return
        changed = [name for name, value in entry.items() if before.get(name) != value] + list(extra or [])
        self.plan.changes.append(Change(kind, key, "change" if changed else "unchanged", changed))

    def _secret(self, kind: str, key: str, which: str, row_id: int | None, path: str, needed: bool) -> bool:
        """Whether a password is available (given, typed or stored); records a given one to set."""
        section = self.given.profiles if kind == "profile" else self.given.mailboxes
        given = section.get(key, {}).get(which)
        if given is not None:
            self.used.add((kind, key, which))
            if not needed:
                where = "profiles" if kind == "profile" else "mailboxes"
                self.problem(
                    f"secrets:$.{where}[{key!r}].{which}", f"is not needed: {kind} {key!r} does not use this password"
                )
                return False
            if given != _stored_password(kind, row_id, which):
                self.plan.passwords[(kind, key, which)] = given
            return True
        if not needed:
            return False
        if _stored_password(kind, row_id, which):
            return True
        if self.ask is not None and not self.given.from_file:
            label = {"password": "password", "outgoing_password": "outgoing password"}[which]
            typed = self.ask(f"{label} of {kind} {key}")
            if typed:
                self.plan.passwords[(kind, key, which)] = typed
                return True
        where = "the secrets file has none" if self.given.from_file else "give a secrets file or type it"
        self.problem(path, f"needs the {which.replace('_', ' ')} of {kind} {key!r}: {where}")
        return True  # reported here: validation need not report it again

    def run(self) -> ImportPlan:
        document = self.plan.document
        profiles = self._unique("profiles", lambda e: e["name"].strip())
        users = self._unique("users", lambda e: owner_key(e["name"], e["email"]))
        queues = self._unique("queues", lambda e: owner_key(e["name"], e["email"]))
        mailboxes = self._unique("mailboxes", lambda e: e["email"].strip().lower())
        known_profiles = set(self.profiles) | set(profiles)
        settings = self._settings(document.get("settings"), known_profiles, set(self.mailboxes) | set(mailboxes))
        allow_insecure = bool((settings or {}).get("allow_insecure_credentials", self._allow_insecure()))
        for index, (name, entry) in enumerate(profiles.items()):
            self._profile(index, name, entry, allow_insecure)
        for index, (key, entry) in enumerate(users.items()):
            self._user(index, key, entry)
        for index, (key, entry) in enumerate(queues.items()):
            before = self.before["queues"].get(key)
            self._owner_fields("queues", index, entry)
            self._diff("queue", key, entry, before)
        credential_sources = {name: p.credential_source for name, p in self.profiles.items()}
        credential_sources.update({name: CredentialSource(e["credential_source"]) for name, e in profiles.items()})
        owners = {("user", k) for k in set(self.users) | set(users)} | {
            ("queue", k) for k in set(self.queues) | set(queues)
        }
        for index, (email, entry) in enumerate(mailboxes.items()):
            self._mailbox(index, email, entry, known_profiles, owners, credential_sources)
        self._unused_secrets()
        return self.plan

    def _allow_insecure(self) -> bool:
        return bool(_settings_row().allow_insecure_credentials)

    def _settings(self, entry: dict[str, Any] | None, profiles: set[str], mailboxes: set[str]) -> dict[str, Any] | None:
        if entry is None:
            return None
        for issue in (
            check_transient_failure_limit(entry["transient_failure_limit"])
            + check_auth_retry_limit(entry["auth_retry_limit"])
            + check_range(entry["default_backoff_minutes"], "default_backoff_minutes", (1, 1440))
            + check_range(entry["item_failure_retention_days"], "item_failure_retention_days", RETENTION_DAYS_RANGE)
        ):
            self.problem(f"$.settings.{issue.field}", issue.message())
        if entry["default_profile"] is not None and entry["default_profile"] not in profiles:
            self.problem("$.settings.default_profile", f"names no profile: {entry['default_profile']!r}")
        notify = entry["notify_mailbox"]
        if notify is not None and notify.lower() not in mailboxes:
            self.problem("$.settings.notify_mailbox", f"names no mailbox: {notify!r}")
        self._diff("settings", "system settings", entry, self.current["settings"])
        return entry

    def _profile(self, index: int, name: str, entry: dict[str, Any], allow_insecure: bool) -> None:
        path = f"$.profiles[{index}]"
        existing = self.profiles.get(name)
        row_id = existing.id if existing else None
        source = CredentialSource(entry["credential_source"])
        has = self._secret("profile", name, "password", row_id, path, source is CredentialSource.PROFILE)
        outgoing_needed = (
            not entry["outgoing_same_as_incoming"]
            and CredentialSource(entry["outgoing_credential_source"]) is CredentialSource.PROFILE
        )
        has_out = self._secret("profile", name, "outgoing_password", row_id, path, outgoing_needed)
        settings = ProfileSettings(**{k: _typed(k, v) for k, v in entry.items()})  # type: ignore[arg-type]
        settings.has_password, settings.outgoing_has_password = has, has_out
        context = ProfileContext(
            other_profile_names=set(self.profiles) - {name},
            allow_insecure_credentials=allow_insecure,
            is_windows=sys.platform == "win32",
            file_exists=os.path.isfile,
        )
        for issue in validate_profile(settings, context):
            if issue.field.endswith("password"):
                continue  # reported with the secrets
            self.problem(f"{path}.{issue.field}", issue.message())
        before = self.before["profiles"].get(name)
        extra = [w for (kind, key, w) in self.plan.passwords if kind == "profile" and key == name]
        self._diff("profile", name, entry, before, extra if before else [])

    def _owner_fields(self, section: str, index: int, entry: dict[str, Any]) -> None:
        path = f"$.{section}[{index}]"
        if not entry["name"].strip():
            self.problem(f"{path}.name", "is required")
        if entry["email"] is not None:
            for issue in check_email(entry["email"], "email"):
                self.problem(f"{path}.email", issue.message())

    def _user(self, index: int, key: str, entry: dict[str, Any]) -> None:
        self._owner_fields("users", index, entry)
        for f_index, sync_filter in enumerate(entry["filters"]):
            # the rules the filter editor and the personal options' save apply (app.domain.filters)
            path = f"$.users[{index}].filters[{f_index}]"
            record_type = RecordType(sync_filter["record_type"])
            for problem in filter_problems(record_type, sync_filter["name"], sync_filter["criteria"]):
                if problem.position is not None:
                    where = f"{path}.criteria[{problem.position}]"
                elif problem.template == NO_CONDITION:
                    where = f"{path}.criteria"
                else:
                    where = f"{path}.name"
                self.problem(where, problem.message())
        before = self.before["users"].get(key)
        self._diff("user", key, entry, before)

    def _mailbox(
        self,
        index: int,
        email: str,
        entry: dict[str, Any],
        profiles: set[str],
        owners: set[tuple[str, str]],
        credential_sources: dict[str, CredentialSource],
    ) -> None:
        path = f"$.mailboxes[{index}]"
        ((owner_kind, owner),) = entry["owner"].items()
        if (owner_kind, owner.strip().lower() if "@" in owner else owner.strip()) not in owners:
            self.problem(f"{path}.owner", f"names no {owner_kind}: {owner!r}")
        profile = entry["profile"]
        if profile is not None and profile not in profiles:
            self.problem(f"{path}.profile", f"names no profile: {profile!r}")
        existing = self.mailboxes.get(email)
        source = credential_sources.get(profile) if profile else None
        settings = MailboxSettings(
            **{k: _typed(k, v) for k, v in entry.items() if k not in ("owner", "profile", "active")},  # type: ignore[arg-type]
            owner_id=0,
            owner_kind=OwnerKind(owner_kind),
            profile_id=0 if profile else None,
        )
        needed = (
            settings.uses_server_side_sync() and source is CredentialSource.USER_OR_QUEUE and settings.allow_credentials
        )
        settings.has_password = self._secret(
            "mailbox", email, "password", existing.id if existing else None, path, needed
        )
        for issue in validate_mailbox(settings, MailboxContext(profile_credential_source=source)):
            if issue.field in ("password", "owner", "profile"):
                continue  # reported above
            self.problem(f"{path}.{issue.field}", issue.message())
        before = self.before["mailboxes"].get(email)
        extra = ["password"] if before and ("mailbox", email, "password") in self.plan.passwords else []
        self._diff("mailbox", email, entry, before, extra)

    def _unused_secrets(self) -> None:
        """A secrets file's entries for records the document does not have (needless ones are named
        where the record is checked)."""
        for kind, entries in (("profile", self.given.profiles), ("mailbox", self.given.mailboxes)):
            section = "profiles" if kind == "profile" else "mailboxes"
            for key, values in entries.items():
                for which in values:
                    if (kind, key, which) not in self.used:
                        self.problem(
                            f"secrets:$.{section}[{key!r}].{which}", f"is not used: the document has no {kind} {key!r}"
                        )


def plan_import(document: dict[str, Any], given: Secrets | None = None, ask: Ask | None = None) -> ImportPlan:
    """Everything an import of *document* would do, or every problem that prevents it."""
    return _Planner(document, given, ask).run()


# --- apply -----------------------------------------------------------------------------------


def apply_import(plan: ImportPlan) -> None:
    """Write the plan: all of it in one transaction (keyring included), or nothing."""
    if not plan.ok:
        raise ValueError("the plan has problems: nothing to apply")
    document = plan.document
    actions = {(c.kind, c.key): c.action for c in plan.changes}
    with database.atomic():
        profiles = {p.name: p for p in ServerProfile.select()}
        for entry in document.get("profiles", []):
            name = entry["name"].strip()
            if actions.get(("profile", name)) == "unchanged" and not any(
                k[0] == "profile" and k[1] == name for k in plan.passwords
            ):
                continue
            row = profiles.get(name) or ServerProfile()
            for key, value in entry.items():
                setattr(row, key, _typed(key, value.strip() if key == "name" else value))
            row.modified_on = utcnow()
            row.save()
            profiles[name] = row
            for (kind, key, which), password in plan.passwords.items():
                if kind == "profile" and key == name:
                    secrets.set_password(secrets.profile_key(row.id, which != "password"), password)
        users = _write_users(document.get("users", []), actions)
        queues = {owner_key(q.name, q.email): q for q in Queue.select()}
        for entry in document.get("queues", []):
            key = owner_key(entry["name"], entry["email"])
            if actions.get(("queue", key)) == "unchanged":
                continue
            queue = queues.get(key) or Queue()
            queue.name, queue.email, queue.is_active = entry["name"].strip(), entry["email"], entry["active"]
            queue.save()
            queues[key] = queue
        mailboxes = _write_mailboxes(document.get("mailboxes", []), actions, plan, users, queues, profiles)
        entry = document.get("settings")
        if entry is not None and actions.get(("settings", "system settings")) != "unchanged":
            settings = repo.system_settings()
            for name in _SETTINGS_COLUMNS:
                setattr(settings, name, entry[name])
            settings.default_profile = profiles[entry["default_profile"]] if entry["default_profile"] else None
            notify = entry["notify_mailbox"]
            settings.notify_mailbox_id = mailboxes[notify.lower()].id if notify else None
            settings.save()


def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    """Many rows at once (one statement per hundred: SQL text is what costs, not SQLite)."""
    for start in range(0, len(rows), 100):
        model.insert_many(rows[start : start + 100]).execute()


def _next_id(model: Any) -> int:
    """The id after the highest: inside the import's transaction, which holds the write lock."""
    return int(model.select(fn.MAX(model.id)).scalar() or 0) + 1


def _write_users(entries: list[dict[str, Any]], actions: dict[tuple[str, str], str]) -> dict[str, SystemUser]:
    users = {owner_key(u.name, u.email): u for u in SystemUser.select()}
    written: list[tuple[int, dict[str, Any]]] = []
    new_rows = []
    next_user = _next_id(SystemUser)
    for entry in entries:
        key = owner_key(entry["name"], entry["email"])
        if actions.get(("user", key)) == "unchanged":
            continue
        user = users.get(key)
        if user is None:
            new_rows.append(
                {"id": next_user, "name": entry["name"].strip(), "email": entry["email"], "is_active": entry["active"]}
            )
            written.append((next_user, entry))
            next_user += 1
        else:
            user.name, user.email, user.is_active = entry["name"].strip(), entry["email"], entry["active"]
            user.save()
            written.append((user.id, entry))
    _insert(SystemUser, new_rows)
    ids = [user_id for user_id, _ in written]
    UserOptions.delete().where(UserOptions.user.in_(ids)).execute()
    SyncFilter.delete().where(SyncFilter.user.in_(ids)).execute()  # their criteria go with them (cascade)
    options, filters, criteria = [], [], []
    next_filter = _next_id(SyncFilter)
    for user_id, entry in written:
        options.append({"user": user_id, **entry["options"]})
        for sync_filter in entry["filters"]:
            filters.append(
                {
                    "id": next_filter,
                    "user": user_id,
                    "record_type": sync_filter["record_type"],
                    "name": sync_filter["name"],
                    "is_default": sync_filter["is_default"],
                    "is_active": sync_filter["active"],
                }
            )
            criteria += [
                {
                    "filter": next_filter,
                    "position": n,
                    "field": c["field"],
                    "operator": c["operator"],
                    "value": c["value"],
                }
                for n, c in enumerate(sync_filter["criteria"])
            ]
            next_filter += 1
    _insert(UserOptions, options)
    _insert(SyncFilter, filters)
    _insert(FilterCriterion, criteria)
    return {owner_key(u.name, u.email): u for u in SystemUser.select()} if new_rows else users


def _write_mailboxes(
    entries: list[dict[str, Any]],
    actions: dict[tuple[str, str], str],
    plan: ImportPlan,
    users: dict[str, SystemUser],
    queues: dict[str, Queue],
    profiles: dict[str, ServerProfile],
) -> dict[str, Mailbox]:
    mailboxes = {m.email.lower(): m for m in Mailbox.select()}
    new_rows: list[dict[str, Any]] = []
    passwords: list[tuple[int, str]] = []
    next_mailbox = _next_id(Mailbox)
    now = utcnow()
    for entry in entries:
        email = entry["email"].strip().lower()
        new_password = plan.passwords.get(("mailbox", email, "password"))
        if actions.get(("mailbox", email)) == "unchanged" and new_password is None:
            continue
        ((kind, owner_name),) = entry["owner"].items()
        owner = owner_name.strip().lower() if "@" in owner_name else owner_name.strip()
        values: dict[str, Any] = {
            name: _typed(name, value) for name, value in entry.items() if name not in ("owner", "profile", "active")
        }
        values.update(
            email=email,
            is_active=entry["active"],
            owner_user=users[owner].id if kind == "user" else None,
            owner_queue=queues[owner].id if kind == "queue" else None,
            profile=profiles[entry["profile"]].id if entry["profile"] else None,
            modified_on=now,
        )
        existing = mailboxes.get(email)
        if existing is None:
            values["id"] = next_mailbox
            next_mailbox += 1
            new_rows.append(values)
            mailbox_id = values["id"]
        else:
            Mailbox.update(**values).where(Mailbox.id == existing.id).execute()
            mailbox_id = existing.id
        if new_password is not None:
            passwords.append((mailbox_id, new_password))
    _insert(Mailbox, new_rows)
    for mailbox_id, password in passwords:  # last: a keyring failure rolls the rows back
        secrets.set_password(secrets.mailbox_key(mailbox_id), password)
    return {m.email.lower(): m for m in Mailbox.select()} if new_rows or passwords else mailboxes
