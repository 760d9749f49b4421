"""Translation markers usable without Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns *text* unchanged; pyside6-lupdate recognises the
call by name and collects the string, and the GUI translates it later with
``QCoreApplication.translate(context, text)``. The engine stays free of Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
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
