"""Validation messages right under their fields, the same way in every form.

In a Designer form, a field's message is a QLabel named after the field's widget with ``Error``
appended (``usernameError`` under ``username``) in a row of its own; it shows the messages of
the setting named in snake_case (``username``), and its row shows only while there is one. A
field that a choice makes irrelevant is hidden, row and message alike.

A message waits until the person is done with its field: it shows once the field lost the focus,
once a check box or list was changed (a choice is complete at once), or once the window asked
for every message (``reveal_all``: Save, Next, Finish) — never on a form nobody touched. Once
shown, it follows every keystroke, so that it goes as soon as the field is right.

For assistive technology each message label is named after its field ("Name: validation
message"), is the field's buddy (the label relation), and its text is the field's accessible
description while it shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QStyle,
    QTabWidget,
    QWidget,
)

from app.domain.validation import ValidationIssue
from app.gui.i18n import translate

SUFFIX = "Error"
# focus that leaves for another window or a list's pop-up does not mean the person is done
_NOT_LEAVING = {Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason}


def snake_case(camel: str) -> str:
    """A widget's name as the setting it edits: ``outgoingPort`` -> ``outgoing_port``."""
    return "".join("_" + c.lower() if c.isupper() else c for c in camel)


def plain_text(text: str) -> str:
    """A label's or button's text as read: without its access key (``&N``, in Japanese ``(&N)``)."""
    text = re.sub(r"\(&[^&]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def field_title(ui: object, widget: QWidget) -> str:
    """What a person calls the field: its label's text, else a check box's own text."""
    title = next(
        (
            plain_text(label.text()).rstrip(":：")
            for label in vars(ui).values()
            if isinstance(label, QLabel) and label.buddy() is widget and not label.objectName().endswith(SUFFIX)
        ),
        "",
    )
    own = plain_text(widget.text()) if isinstance(widget, QAbstractButton) else ""
    return title or own or widget.accessibleName() or snake_case(widget.objectName()).replace("_", " ")


def group_title(ui: object, widget: QWidget) -> str:
    """The title of the group box holding the field ("" outside one)."""
    group = next((g for g in vars(ui).values() if isinstance(g, QGroupBox) and g.isAncestorOf(widget)), None)
    return plain_text(group.title()) if group is not None else ""


class FieldErrors(QObject):
    """The error labels of the Designer forms *uis* whose rows are in *forms*.

    ``revealed`` fires when messages come to show without an edit (a field left, ``reveal_all``):
    the window then updates what depends on them (buttons, tab marks)."""

    revealed = Signal()

    def __init__(self, uis: Iterable[object], forms: Sequence[QFormLayout], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.forms = list(forms)
        self.issues: list[ValidationIssue] = []
        self._visible: dict[str, bool] = {}
        self._shown: set[str] = set()  # the settings whose messages may show
        self._rows: list[tuple[str, QWidget, QLabel]] = []  # (setting, its field, its error label)
        self._titles: dict[str, str] = {}
        self._descriptions: dict[QWidget, str] = {}  # a field's own description, before any message
        self._setting_of: dict[QObject, str] = {}
        groups: dict[str, str] = {}
        for ui in uis:
            for name, label in vars(ui).items():
                if isinstance(label, QLabel) and name.endswith(SUFFIX) and self._form_row(label) is not None:
                    widget_name = name[: -len(SUFFIX)]
                    widget = getattr(ui, widget_name)
                    self._add_row(snake_case(widget_name), widget, label, field_title(ui, widget))
                    groups[snake_case(widget_name)] = group_title(ui, widget)
        self._name_labels(groups)

    def _name_labels(self, groups: dict[str, str]) -> None:
        """Each message label named after its field; two fields with one label (the profile's
        incoming and outgoing user name) told apart by their group's title."""
        shared = {title for title in self._titles.values() if list(self._titles.values()).count(title) > 1}
        for setting, _widget, label in self._rows:
            title = self._titles[setting]
            if title in shared and groups.get(setting):
                title = QCoreApplication.translate("FieldErrors", "%1 (%2)").replace("%1", title)
                title = title.replace("%2", groups[setting])
                self._titles[setting] = title
            name = QCoreApplication.translate("FieldErrors", "%1: validation message").replace("%1", title)
            label.setAccessibleName(name)

    def _add_row(self, setting: str, widget: QWidget, label: QLabel, title: str) -> None:
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a message is text, whatever it quotes
        label.setBuddy(widget)  # the accessible relation: this label is about that field
        self._rows.append((setting, widget, label))
        self._titles[setting] = title
        self._descriptions[widget] = widget.accessibleDescription()
        self._setting_of[widget] = setting
        widget.installEventFilter(self)
        if isinstance(widget, QAbstractButton):
            widget.toggled.connect(lambda _on, setting=setting: self.reveal([setting]))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, setting=setting: self.reveal([setting]))

    # --- what shows -------------------------------------------------------------------------

    def message_for(self, field: str) -> str:
        return "\n".join(issue.message(translate) for issue in self.issues if issue.field == field)

    def title_of(self, field: str) -> str:
        return self._titles.get(field, field)

    def show(self, issues: Sequence[ValidationIssue], visible: Mapping[str, bool] | None = None) -> None:
        """Each field's messages under it, once the field may show them; a field that *visible*
        maps to False is hidden."""
        self.issues = list(issues)
        self._visible = dict(visible or {})
        self._render()

    def _render(self) -> None:
        for field, widget, label in self._rows:
            shown = self._visible.get(field, True)
            self.set_row_visible(widget, shown)
            text = self.message_for(field) if field in self._shown else ""
            label.setText(text.replace("&", "&&"))  # the buddy makes a lone & an access key
            self.set_row_visible(label, shown and bool(text))
            own = self._descriptions[widget]
            widget.setAccessibleDescription("\n".join(part for part in (text, own) if part))

    def reveal(self, fields: Iterable[str]) -> None:
        new = set(fields) - self._shown
        if not new:
            return
        self._shown |= new
        self._render()
        self.revealed.emit()

    def reveal_all(self) -> bool:
        """Every message shows (Save, Next, Finish was pressed); True when there is none."""
        self.reveal(field for field, _widget, _label in self._rows)
        return not self.shown_issues()

    def conceal(self) -> None:
        """Back to an untouched form: what was just loaded shows no message until it is edited."""
        self._shown.clear()
        self._render()

    def shown_issues(self, fields: Iterable[str] | None = None) -> list[ValidationIssue]:
        """The issues whose messages show (and those of a setting without a row of its own, which
        cannot wait for one); with *fields*, only theirs."""
        rows = {field for field, _widget, _label in self._rows}
        wanted = set(fields) if fields is not None else None
        return [
            issue
            for issue in self.issues
            if (issue.field in self._shown or issue.field not in rows) and (wanted is None or issue.field in wanted)
        ]

    def reasons(self, issues: Sequence[ValidationIssue]) -> str:
        """The issues, one a line, each after its field's name: a disabled button's tooltip."""
        return "\n".join(
            QCoreApplication.translate("FieldErrors", "%1: %2")
            .replace("%1", self.title_of(issue.field))
            .replace("%2", issue.message(translate))
            for issue in issues
        )

    def widget_of(self, field: str) -> QWidget | None:
        return next((widget for name, widget, _label in self._rows if name == field), None)

    def first_widget(self, issues: Sequence[ValidationIssue]) -> QWidget | None:
        """The field of the first of *issues*, in the order of the form."""
        fields = {issue.field for issue in issues}
        return next((widget for name, widget, _label in self._rows if name in fields), None)

    def focus_first(self, issues: Sequence[ValidationIssue], tabs: QTabWidget | None = None) -> None:
        """Bring the first field with a message into view and give it the focus."""
        widget = self.first_widget(issues)
        if widget is None:
            return
        if tabs is not None:
            for index in range(tabs.count()):
                page = tabs.widget(index)
                if page is not None and page.isAncestorOf(widget):
                    tabs.setCurrentIndex(index)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def mark_tabs(self, tabs: QTabWidget, issues: Sequence[ValidationIssue]) -> None:
        """A warning sign, and the messages as its tooltip, on each tab holding a field of *issues*."""
        icon = tabs.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(tabs.count()):
            page = tabs.widget(index)
            held = [
                issue
                for issue in issues
                if (widget := self.widget_of(issue.field)) is not None
                and page is not None
                and page.isAncestorOf(widget)
            ]
            text = self.reasons(held)
            if tabs.tabToolTip(index) != text:  # changed: not at every keystroke
                tabs.setTabIcon(index, icon if held else QIcon())
                tabs.setTabToolTip(index, text)

    # --- leaving a field --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        leaving = event.type() == QEvent.Type.FocusOut and cast(QFocusEvent, event).reason() not in _NOT_LEAVING
        if leaving and watched in self._setting_of:
            self.reveal([self._setting_of[watched]])
        return False

    # --- rows -------------------------------------------------------------------------------

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
