"""Combo boxes over a LabeledEnum: each member's label in the UI language, its value as the data."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from app.domain.enums import LabeledEnum
from app.gui.i18n import enum_text


def fill_enum_combo(
    combo: QComboBox, enum_type: type[LabeledEnum], members: Iterable[LabeledEnum] | None = None
) -> None:
    combo.clear()
    for member in members or list(enum_type):
        combo.addItem(enum_text(member), member.value)


def set_combo_value(combo: QComboBox, member: LabeledEnum) -> None:
    combo.setCurrentIndex(max(0, combo.findData(member.value)))
