"""Translation markers usable without Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns *text* unchanged; pyside6-lupdate recognises the
call by name and collects the string, and the GUI translates it later with
``QCoreApplication.translate(context, text)``. The engine stays free of Qt.
"""
from __future__ import annotations

from typing import Callable

Translator = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


def identity_translate(context: str, text: str) -> str:
    return text
