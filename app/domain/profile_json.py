"""Email server profiles as JSON files (docs/product-rules.md §1: Export/Import profile), never with a secret.

Pure Python on ProfileSettings: the GUI's profile form and main window call these around their file
dialogs. The messages of ``ProfileFileError`` are English details under a translated box.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime
from enum import Enum
from typing import Any

from app.domain.settings import ProfileSettings

FORMAT = "sssm-email-server-profile"
VERSION = 1
_SECRET_FLAGS = {"has_password", "outgoing_has_password"}


class ProfileFileError(ValueError):
    """The file is not a profile export this version understands; the message says why."""


def profile_to_json(settings: ProfileSettings) -> str:
    values: dict[str, object] = {}
    for f in fields(ProfileSettings):
        if f.name in _SECRET_FLAGS:
            continue
        value = getattr(settings, f.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, datetime):
            value = value.isoformat()
        values[f.name] = value
    return json.dumps({"format": FORMAT, "version": VERSION, "profile": values}, ensure_ascii=False, indent=2)


def profile_from_json(text: str) -> ProfileSettings:
    """Settings from an export; passwords are never in it, so they must be entered again."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise ProfileFileError(f"The file is not JSON: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ProfileFileError("The file is not an exported email server profile.")
    if document.get("version") != VERSION:
        raise ProfileFileError(f"The file has version {document.get('version')}; this version reads {VERSION}.")
    values = document.get("profile") or {}
    defaults = ProfileSettings()
    result: dict[str, Any] = {}  # field name -> a value of that field's type
    for f in fields(ProfileSettings):
        if f.name in _SECRET_FLAGS or f.name not in values:
            continue
        default = getattr(defaults, f.name)
        raw = values[f.name]
        try:
            if isinstance(default, Enum):
                result[f.name] = type(default)(raw)
            elif f.name == "process_email_from":
                result[f.name] = datetime.fromisoformat(raw) if raw else None
            elif isinstance(default, bool):
                result[f.name] = bool(raw)
            elif isinstance(default, int):
                result[f.name] = int(raw)
            else:
                result[f.name] = str(raw)
        except (TypeError, ValueError) as exc:
            raise ProfileFileError(f"The value of “{f.name}” is not valid: {raw!r}.") from exc
    return ProfileSettings(**result)
