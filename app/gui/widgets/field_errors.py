"""Validation messages right under their fields, the same way in every form.

In a Designer form, a field's message is a QLabel named after the field's widget with ``Error``
appended (``usernameError`` under ``username``) in a row of its own; it shows the messages of
the setting named in snake_case (``username``), and its row shows only while there is one. A
field that a choice makes irrelevant is hidden, row and message alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.domain.validation import ValidationIssue
from app.gui.i18n import translate

SUFFIX = "Error"


def snake_case(camel: str) -> str:
    """A widget's name as the setting it edits: ``outgoingPort`` -> ``outgoing_port``."""
    return "".join("_" + c.lower() if c.isupper() else c for c in camel)


class FieldErrors:
    """The error labels of the Designer forms *uis* whose rows are in *forms*."""

    def __init__(self, uis: Iterable[object], forms: Sequence[QFormLayout]) -> None:
        self.forms = list(forms)
        self.issues: list[ValidationIssue] = []
        self._rows: list[tuple[str, QWidget, QLabel]] = []  # (setting, its field, its error label)
        for ui in uis:
            for name, label in vars(ui).items():
                if isinstance(label, QLabel) and name.endswith(SUFFIX) and self._form_row(label) is not None:
                    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                    widget_name = name[: -len(SUFFIX)]
                    self._rows.append((snake_case(widget_name), getattr(ui, widget_name), label))

    def message_for(self, field: str) -> str:
        return "\n".join(issue.message(translate) for issue in self.issues if issue.field == field)

    def show(self, issues: Sequence[ValidationIssue], visible: Mapping[str, bool] | None = None) -> None:
        """Each field's messages under it; a field that *visible* maps to False is hidden."""
        self.issues = list(issues)
        visible = visible or {}
        for field, widget, label in self._rows:
            shown = visible.get(field, True)
            self.set_row_visible(widget, shown)
            text = self.message_for(field)
            label.setText(text)
            self.set_row_visible(label, shown and bool(text))

    def set_row_visible(self, widget: QWidget, visible: bool) -> None:
        position = self._form_row(widget)
        if position is not None:
            form, row = position
            form.setRowVisible(row, visible)
        else:
            widget.setVisible(visible)  # a field inside a nested layout (the CA file row)

    def _form_row(self, widget: QWidget) -> tuple[QFormLayout, int] | None:
        for form in self.forms:
            # PySide6's stub says object; it returns (row, role) as getLayoutPosition's stub says
            row, _role = cast("tuple[int, QFormLayout.ItemRole]", form.getWidgetPosition(widget))
            if row >= 0:
                return form, row
        return None
