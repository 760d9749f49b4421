"""Translation markers usable without Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns *text* unchanged; pyside6-lupdate recognises the
call by name and collects the string, and the GUI translates it later with
``QCoreApplication.translate(context, text)``. The engine stays free of Qt.

Dates and lists are written the UI language's way by the helpers at the end (``datetime_text``,
``list_text``, ``fields_text``): their patterns and separators are translatable strings of the
context "Formats", so the window, the reports and the status bar all follow the same ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.domain.escalation import Failure

Translator = Callable[[str, str], str]


class StepText(Protocol):
    """What the step texts need of a test step (app.diagnostics.report.StepResult has it)."""

    @property
    def title(self) -> str: ...
    @property
    def message(self) -> str: ...


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


def identity_translate(context: str, text: str) -> str:
    return text


def format_template(template: str, params: Mapping[str, Any], fallback: str = "") -> str:
    """``template.format(**params)``; a translation with broken placeholders gives *fallback*
    (the English template) formatted instead, never an exception."""
    if not params:
        return template
    for text in (template, fallback or template):
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError, AttributeError):
            continue
    return template


def stored_parts(value: object) -> list[list[Any]]:
    """Message parts as a list of ``[context, template, params]``, from a list or from the JSON a
    store row keeps them in; malformed entries are left out ([] when nothing is usable)."""
    if isinstance(value, str):
        try:
            value = json.loads(value or "[]")
        except ValueError:
            return []
    if not isinstance(value, list):
        return []
    return [
        list(part)
        for part in value
        if isinstance(part, (list, tuple))
        and len(part) == 3
        and isinstance(part[0], str)
        and isinstance(part[1], str)
        and isinstance(part[2], dict)
    ]


def parts_text(parts: Iterable[Sequence[Any]], translate: Translator = identity_translate) -> str:
    """Translatable message parts ``[(context, template, params), ...]`` as one text."""
    return "".join(
        format_template(translate(context, template), params, template) for context, template, params in parts
    )


def failure_text(failure: Failure, translate: Translator = identity_translate) -> str:
    """A Failure's message in the UI language (its template is marked in context "Failures")."""
    return format_template(
        translate("Failures", failure.message_template), dict(failure.params), failure.message_template
    )


NEXT_STEP_CONTEXTS = ("Failures", "Alerts", "Incoming", "Outgoing")


def next_step_text(next_step: str, translate: Translator = identity_translate) -> str:
    """A failure's or alert's next step (a template marked in one of the engine's contexts)."""
    for context in NEXT_STEP_CONTEXTS:
        translated = translate(context, next_step)
        if translated != next_step:
            return translated
    return next_step


def step_title(step: StepText, translate: Translator = identity_translate) -> str:
    """A test step's title (a template marked in context "Diagnostics")."""
    return translate("Diagnostics", step.title)


def step_message(step: StepText, translate: Translator = identity_translate) -> str:
    """A test step's message: a failure's translated message (plus any trace after it), else the
    step's translatable parts (``message_parts``: templates marked in "Diagnostics" with their
    technical values), else its own message, translated when it is one of the marked
    "Diagnostics" texts (steps recorded before messages had parts)."""
    failure: Failure | None = getattr(step, "failure", None)
    if failure is not None and step.message.startswith(failure.message):
        return failure_text(failure, translate) + step.message[len(failure.message) :]
    parts = stored_parts(getattr(step, "message_parts", None))
    if parts:
        return parts_text(parts, translate)
    return translate("Diagnostics", step.message) if step.message else ""


# --- dates and lists, the UI language's way ------------------------------------------------------

FORMATS = "Formats"
# Qt's date-time pattern letters (yyyy MM M dd d HH H mm ss), as a translator knows them from Qt
DATE_TIME_PATTERN = QT_TRANSLATE_NOOP("Formats", "yyyy-MM-dd HH:mm")
DATE_TIME_SECONDS_PATTERN = QT_TRANSLATE_NOOP("Formats", "yyyy-MM-dd HH:mm:ss")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Formats", ", ")  # between the names of a list (Japanese: 、)
FIELD_SEPARATOR = QT_TRANSLATE_NOOP("Formats", " · ")  # between the fields of a one-line summary
_PATTERN_LETTERS = re.compile(r"yyyy|MM|M|dd|d|HH|H|mm|ss")


def _pattern_field(value: datetime, letters: str) -> str:
    number = {"y": value.year, "M": value.month, "d": value.day, "H": value.hour, "m": value.minute}.get(
        letters[0], value.second
    )
    return f"{number:0{len(letters)}d}" if letters != "yyyy" else f"{number:04d}"


def datetime_text(
    value: datetime | None, translate: Translator = identity_translate, *, seconds: bool = False, zone: bool = False
) -> str:
    """An aware datetime as this computer's local time, in the UI language's pattern (English
    2026-03-02 18:30, Japanese 2026/03/02 18:30); *zone* adds the UTC offset (for support, who
    may read it elsewhere): 2026-03-02 18:30:05 (UTC+09:00). "" for None."""
    if value is None:
        return ""
    local = value.astimezone()
    template = DATE_TIME_SECONDS_PATTERN if seconds else DATE_TIME_PATTERN
    pattern = translate(FORMATS, template) or template
    text = _PATTERN_LETTERS.sub(lambda match: _pattern_field(local, match.group(0)), pattern)
    if zone:
        offset = local.strftime("%z")  # +0900
        text += f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    return text


def list_text(items: Iterable[str], translate: Translator = identity_translate) -> str:
    """Names as a list: "a, b" in English, "a、b" in Japanese."""
    return (translate(FORMATS, LIST_SEPARATOR) or LIST_SEPARATOR).join(items)


def fields_text(items: Iterable[str], translate: Translator = identity_translate) -> str:
    """The fields of a one-line summary (a level, a time, a code): "a · b" in English; empty ones
    are left out."""
    return (translate(FORMATS, FIELD_SEPARATOR) or FIELD_SEPARATOR).join(item for item in items if item)
