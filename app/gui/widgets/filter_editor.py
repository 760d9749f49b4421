"""The synchronization filter editor (seed: 同期フィルター; docs/product-rules.md §5).

Per record type, a list of filters, any of which keeps a record (OR); each filter a list of
conditions that must all hold (AND): field, operator and value, with the fields and operators of
app.domain.filters. Under each wrong condition its message says what is wrong; under the filters
a preview counts the stored records the active filters keep and lists the first of them. The
preview waits until typing pauses (PREVIEW_DELAY_MS) and is counted on its own thread
(app.gui.widgets.filter_preview).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import filters
from app.domain.enums import FilterOperator, RecordState, RecordType
from app.domain.filters import Criterion, FieldKind, FilterProblem
from app.gui.i18n import enum_text, translate
from app.gui.models.table_models import Column, RowTableModel
from app.gui.widgets.filter_preview import PreviewService
from app.store.filters_sql import Preview
from app.store.personal_options import FilterDraft

PREVIEW_DELAY_MS = 100  # after the last change: with a count of ≤ 100 ms, the preview is there in 200 ms
ERROR_STYLE = "color: #b3261e;"  # as under the fields of the Designer forms
HINT_STYLE = "color: palette(placeholder-text);"
CHOSEN = frozenset({FieldKind.BOOLEAN, FieldKind.USER, FieldKind.STATE})  # a value chosen from a list, not typed
# the columns of the preview's list, per record type ("owner" is the owner's name)
PREVIEW_FIELDS = {
    RecordType.APPOINTMENT: ("subject", "start", "category", "owner", "state"),
    RecordType.CONTACT: ("last_name", "first_name", "email", "company", "owner", "state"),
    RecordType.TASK: ("subject", "due", "percent_complete", "owner", "state"),
}


def field_text(record_type: RecordType, name: str) -> str:
    field = filters.filter_field(record_type, name)
    return translate(filters.CTX, field.label) if field is not None else name


def preview_column(record_type: RecordType, name: str) -> Column:
    """A column of the preview's list: a field's value, or the owner's name."""
    if name == "owner":
        return Column(field_text(record_type, name), lambda r: r.owner_name)
    return Column(field_text(record_type, name), lambda r: r.values.get(name))


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.hide()
    return label


class ConditionRow(QWidget):
    """One condition: field, operator, value (typed, or chosen for yes/no, a user or a status)."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, record_type: RecordType, users: Sequence[tuple[int, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.record_type = record_type
        self.users = list(users)
        self._loading = False
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.number = QLabel(self)
        self.field = QComboBox(self)
        for field in filters.FILTER_FIELDS[record_type]:
            self.field.addItem(translate(filters.CTX, field.label), field.name)
        self.operator = QComboBox(self)
        self.value = QLineEdit(self)
        self.choice = QComboBox(self)
        self.remove_button = QToolButton(self)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove this condition"))
        self.error = _error_label(self)
        layout.addWidget(self.number, 0, 0)
        layout.addWidget(self.field, 0, 1)
        layout.addWidget(self.operator, 0, 2)
        layout.addWidget(self.value, 0, 3)
        layout.addWidget(self.choice, 0, 3)
        layout.addWidget(self.remove_button, 0, 4)
        layout.addWidget(self.error, 1, 1, 1, 4)
        layout.setColumnStretch(3, 1)
        self.field.currentIndexChanged.connect(self._field_changed)
        self.operator.currentIndexChanged.connect(self._operator_changed)
        self.value.textChanged.connect(self._value_changed)
        self.choice.currentIndexChanged.connect(self._value_changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self._field_changed()

    # --- what it says --------------------------------------------------------------------

    def kind(self) -> FieldKind | None:
        field = filters.filter_field(self.record_type, self.field.currentData())
        return field.kind if field is not None else None

    def criterion(self) -> Criterion:
        operator = FilterOperator(self.operator.currentData())
        if operator in filters.WITHOUT_VALUE:
            value = ""
        elif self.kind() in CHOSEN:
            value = self.choice.currentData() or ""
        else:
            value = self.value.text()
        return Criterion(self.field.currentData(), operator, value)

    def set_criterion(self, criterion: Criterion) -> None:
        self._loading = True
        index = self.field.findData(criterion.field)
        if index < 0:  # stored, but not a field a filter can name: shown, to be corrected
            self.field.addItem(criterion.field, criterion.field)
            index = self.field.count() - 1
        self.field.setCurrentIndex(index)
        self._fill_operators(criterion.operator, stored=True)
        self._fill_value(criterion.value)
        self._loading = False
        self._show_value_widget()

    def set_number(self, number: int) -> None:
        self.number.setText(f"{number}.")

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # --- editing -------------------------------------------------------------------------

    def _field_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._loading = True
        current = self.operator.currentData()
        self._fill_operators(FilterOperator(current) if current else None)
        self._fill_value("")
        self._loading = False
        self._show_value_widget()
        self.changed.emit()

    def _operator_changed(self, *_args: object) -> None:
        if not self._loading:
            self._show_value_widget()
            self.changed.emit()

    def _value_changed(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _fill_operators(self, wanted: FilterOperator | None, *, stored: bool = False) -> None:
        """The field's operators, *wanted* chosen when it is one of them; a *stored* operator that
        is not is listed too, so that its condition shows what is wrong with it."""
        kind = self.kind()
        allowed = list(filters.OPERATORS[kind]) if kind is not None else []
        if stored and wanted is not None and wanted not in allowed:
            allowed.append(wanted)
        self.operator.clear()
        for operator in allowed:
            self.operator.addItem(enum_text(operator), operator.value)
        index = self.operator.findData(wanted.value) if wanted is not None else -1
        self.operator.setCurrentIndex(max(0, index))

    def _fill_value(self, value: str) -> None:
        kind = self.kind()
        self.choice.clear()
        if kind is FieldKind.BOOLEAN:
            self.choice.addItem(QCoreApplication.translate("Lists", "Yes"), "true")
            self.choice.addItem(QCoreApplication.translate("Lists", "No"), "false")
            word = value.strip().lower()
            if word in (*filters.TRUE_WORDS, ""):
                value = "true"
            elif word in filters.FALSE_WORDS:
                value = "false"
            self._choose(value)
        elif kind is FieldKind.USER:
            for user_id, name in self.users:
                self.choice.addItem(name, str(user_id))
            self._choose(value)
        elif kind is FieldKind.STATE:
            for state in RecordState:
                self.choice.addItem(enum_text(state), state.value)
            self._choose(value.casefold() if value.casefold() in {s.value for s in RecordState} else value)
        self.value.setText(value if kind not in CHOSEN else "")
        self.value.setPlaceholderText(self.tr("YYYY-MM-DD") if kind is FieldKind.DATE else "")

    def _choose(self, value: str) -> None:
        index = self.choice.findData(value)
        if index < 0 and value:  # stored, but not one of the choices: shown, to be corrected
            self.choice.addItem(value, value)
            index = self.choice.count() - 1
        self.choice.setCurrentIndex(max(0, index))

    def _show_value_widget(self) -> None:
        operator = self.operator.currentData()
        needs_value = operator is not None and FilterOperator(operator) not in filters.WITHOUT_VALUE
        chosen = self.kind() in CHOSEN
        self.value.setVisible(needs_value and not chosen)
        self.choice.setVisible(needs_value and chosen)


class FilterGroup(QFrame):
    """One filter: its name, whether it is active, its conditions (all must hold)."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, draft: FilterDraft, users: Sequence[tuple[int, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.draft_id, self.is_default, self.record_type = draft.id, draft.is_default, draft.record_type
        self.users = list(users)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.name = QLineEdit(draft.name, self)
        self.name.setPlaceholderText(self.tr("Filter name"))
        self.active = QCheckBox(self.tr("Ac&tive"), self)
        self.active.setChecked(draft.is_active)
        self.remove_button = QPushButton(self.tr("Re&move filter"), self)
        header.addWidget(self.name, 1)
        header.addWidget(self.active)
        header.addWidget(self.remove_button)
        layout.addLayout(header)
        self.name_error = _error_label(self)
        layout.addWidget(self.name_error)
        caption = QLabel(self.tr("Keeps the records that meet all of these conditions:"), self)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        self.rows: list[ConditionRow] = []
        footer = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add con&dition"), self)
        footer.addWidget(self.add_button)
        footer.addStretch(1)
        layout.addLayout(footer)
        for criterion in draft.criteria:
            self.add_condition(criterion, announce=False)
        self.name.textChanged.connect(lambda _text: self.changed.emit())
        self.active.toggled.connect(lambda _on: self.changed.emit())
        self.add_button.clicked.connect(lambda: self.add_condition())
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def add_condition(self, criterion: Criterion | None = None, *, announce: bool = True) -> ConditionRow:
        row = ConditionRow(self.record_type, self.users, self)
        if criterion is not None:
            row.set_criterion(criterion)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove_condition)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        row.show()  # at once: a layout shows a widget added to a shown parent only later
        self._renumber()
        if announce:
            row.field.setFocus()
            self.changed.emit()
        return row

    def _remove_condition(self, row: QWidget) -> None:
        assert isinstance(row, ConditionRow)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        self.changed.emit()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, 1):
            row.set_number(number)

    def draft(self) -> FilterDraft:
        criteria = tuple(row.criterion() for row in self.rows)
        return FilterDraft(
            self.record_type, self.name.text(), criteria, self.active.isChecked(), self.draft_id, self.is_default
        )

    def show_problems(self, problems: Sequence[FilterProblem]) -> None:
        name_problems = [p.message(translate) for p in problems if p.position is None]
        self.name_error.setText("\n".join(name_problems))
        self.name_error.setVisible(bool(name_problems))
        for position, row in enumerate(self.rows):
            messages = [p.message(translate) for p in problems if p.position == position]
            row.show_problem("\n".join(messages))


@dataclass(frozen=True)
class EditorProblem:
    record_type: RecordType
    filter_name: str
    problem: FilterProblem


class FilterPage(QWidget):
    """The filters of one record type, "or" between them, and the button that adds one."""

    changed = Signal()
    added = Signal(QWidget)  # a filter the admin added: to be scrolled into view

    def __init__(self, record_type: RecordType, users: Sequence[tuple[int, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.record_type, self.users = record_type, list(users)
        self.groups: list[FilterGroup] = []
        self.layout_ = QVBoxLayout(self)
        self.add_button = QPushButton(self.tr("Add &filter"), self)
        self.add_button.clicked.connect(lambda: self.add_filter())
        self._separators: list[QLabel] = []
        self.relayout()

    def add_filter(self, draft: FilterDraft | None = None, *, announce: bool = True) -> FilterGroup:
        if draft is None:
            draft = FilterDraft(self.record_type, "", (Criterion(*self._first_condition()),))
        group = FilterGroup(draft, self.users, self)
        group.changed.connect(self.changed)
        group.remove_requested.connect(self._remove_filter)
        self.groups.append(group)
        self.relayout()
        if announce:
            group.name.setFocus()
            self.added.emit(group)
            self.changed.emit()
        return group

    def _first_condition(self) -> tuple[str, FilterOperator]:
        field = filters.FILTER_FIELDS[self.record_type][0]
        return field.name, filters.OPERATORS[field.kind][0]

    def _remove_filter(self, group: QWidget) -> None:
        assert isinstance(group, FilterGroup)
        self.groups.remove(group)
        group.hide()
        group.deleteLater()
        self.relayout()
        self.changed.emit()

    def relayout(self) -> None:
        while self.layout_.count():
            self.layout_.takeAt(0)
        for label in self._separators:
            label.deleteLater()
        self._separators = []
        for index, group in enumerate(self.groups):
            if index:
                separator = QLabel(self.tr("or"), self)
                separator.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                self._separators.append(separator)
                self.layout_.addWidget(separator)
                separator.show()
            self.layout_.addWidget(group)
            group.show()  # at once: a layout shows a widget added to a shown parent only later
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)


class FilterEditor(QWidget):
    changed = Signal()
    preview_shown = Signal()  # the preview shows the filters as they are now

    def __init__(self, user_id: int, users: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_id = user_id
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A record is synchronized when any active filter keeps it; a filter keeps the records "
                "that meet all of its conditions. “Equals current user” is this user."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        chooser = QHBoxLayout()
        self.record_type_label = QLabel(self.tr("&Record type:"), self)
        self.record_type = QComboBox(self)
        plural = {
            RecordType.APPOINTMENT: self.tr("Appointments"),
            RecordType.CONTACT: self.tr("Contacts"),
            RecordType.TASK: self.tr("Tasks"),
        }
        for record_type in RecordType:
            self.record_type.addItem(plural[record_type], record_type.value)
        self.record_type_label.setBuddy(self.record_type)
        chooser.addWidget(self.record_type_label)
        chooser.addWidget(self.record_type)
        chooser.addStretch(1)
        layout.addLayout(chooser)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.stack = QStackedWidget()
        self.pages = {t: FilterPage(t, users, self.stack) for t in RecordType}
        self.filters_area = QScrollArea(splitter)
        self.filters_area.setWidgetResizable(True)
        self.filters_area.setWidget(self.stack)
        for page in self.pages.values():
            self.stack.addWidget(page)
            page.changed.connect(self._changed)
            page.added.connect(self._scroll_to)
        splitter.addWidget(self.filters_area)
        splitter.addWidget(self._preview_box(splitter))
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 400])  # in proportion: the filters over the preview
        layout.addWidget(splitter, 1)
        self.record_type.currentIndexChanged.connect(self._record_type_changed)
        self.preview = PreviewService(self)
        self.preview.ready.connect(self._show_preview)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.shown: Preview | None = None

    def _preview_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Preview"), parent)
        layout = QVBoxLayout(box)
        self.preview_count = QLabel(box)
        self.preview_count.setWordWrap(True)
        self.preview_note = QLabel(box)
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet(HINT_STYLE)
        self.preview_table = QTableView(box)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.preview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_rows = RowTableModel([], self)
        self.preview_table.setModel(self.preview_rows)
        layout.addWidget(self.preview_count)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.preview_note)
        return box

    # --- the filters ---------------------------------------------------------------------

    def set_filters(self, drafts: Sequence[FilterDraft]) -> None:
        for page in self.pages.values():
            for group in list(page.groups):
                page.groups.remove(group)
                group.deleteLater()
        for draft in drafts:
            self.pages[draft.record_type].add_filter(draft, announce=False)
        for page in self.pages.values():
            page.relayout()
        self._changed()
        self.refresh_preview()

    def filters(self) -> tuple[FilterDraft, ...]:
        return tuple(group.draft() for record_type in RecordType for group in self.pages[record_type].groups)

    def current_record_type(self) -> RecordType:
        return RecordType(self.record_type.currentData())

    def current_page(self) -> FilterPage:
        return self.pages[self.current_record_type()]

    def show_record_type(self, record_type: RecordType) -> None:
        self.record_type.setCurrentIndex(self.record_type.findData(record_type.value))

    def problems(self) -> list[EditorProblem]:
        found = []
        for record_type in RecordType:
            for group in self.pages[record_type].groups:
                draft = group.draft()
                for problem in filters.filter_problems(record_type, draft.name, draft.criteria):
                    found.append(EditorProblem(record_type, draft.name, problem))
        return found

    def _changed(self) -> None:
        for record_type in RecordType:
            for group in self.pages[record_type].groups:
                draft = group.draft()
                group.show_problems(filters.filter_problems(record_type, draft.name, draft.criteria))
        self.preview.cancel()
        self.timer.start()
        self.changed.emit()

    def _scroll_to(self, group: QWidget) -> None:
        """The new filter and the button under it in view, once the layout has placed them."""
        page = self.current_page()
        QTimer.singleShot(0, self.filters_area, lambda: self.filters_area.ensureWidgetVisible(page.add_button, 0, 0))
        QTimer.singleShot(0, group, lambda: self.filters_area.ensureWidgetVisible(group, 0, 0))

    def _record_type_changed(self, *_args: object) -> None:
        self.stack.setCurrentWidget(self.current_page())
        self.refresh_preview()

    # --- the preview ---------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Ask for the preview of the record type shown, as its filters are now."""
        self.timer.stop()
        record_type = self.current_record_type()
        active = [g.draft() for g in self.current_page().groups if g.active.isChecked()]
        if any(filters.filter_problems(record_type, d.name, d.criteria) for d in active):
            self.preview.cancel()
            self.preview_count.setText(self.tr("Correct the conditions marked in red to see the preview."))
            self.preview_rows.set_rows([])
            self.preview_note.clear()
            self.shown = None
            self.preview_shown.emit()
            return
        self.preview_count.setText(self.tr("Counting…"))
        self.preview.ask(record_type, [d.criteria for d in active], self.user_id)

    def _show_preview(self, result: object) -> None:
        if not isinstance(result, Preview):
            self.preview_count.setText(self.tr("The preview failed: %1").replace("%1", str(result)))
            self.preview_rows.set_rows([])
            self.shown = None
            self.preview_shown.emit()
            return
        self.shown = result
        locale = QLocale()
        counts = {
            RecordType.APPOINTMENT: self.tr("The active filters keep %1 of the %2 stored appointments."),
            RecordType.CONTACT: self.tr("The active filters keep %1 of the %2 stored contacts."),
            RecordType.TASK: self.tr("The active filters keep %1 of the %2 stored tasks."),
        }
        self.preview_count.setText(
            counts[result.record_type]
            .replace("%1", locale.toString(result.count))
            .replace("%2", locale.toString(result.total))
        )
        columns = [preview_column(result.record_type, name) for name in PREVIEW_FIELDS[result.record_type]]
        if [c.title for c in self.preview_rows.columns] != [c.title for c in columns]:
            self.preview_rows.beginResetModel()
            self.preview_rows.columns = columns
            self.preview_rows.endResetModel()
        self.preview_rows.set_rows(list(result.sample))
        note = self.tr("Records already synchronized stay synchronized when a filter no longer keeps them.")
        if result.count > len(result.sample):
            note = self.tr("The first %1 are listed.").replace("%1", locale.toString(len(result.sample))) + " " + note
        self.preview_note.setText(note)
        self.preview_shown.emit()

    def stop_preview(self) -> None:
        self.timer.stop()
        self.preview.stop()
