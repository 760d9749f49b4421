"""A user's personal options (seed: 個人用オプション; docs/product-rules.md §5): the Email tab's
tracking option, the Synchronization tab's conflict policies and a link to the synchronization
filters, and the filters' own tab (app.gui.widgets.filter_editor). Saved all at once, in one
transaction (app.store.personal_options); Save stays disabled while a filter has a problem, and the
line beside it says which filter and which condition.

The Users page emits ``options_requested(user id)``; the main window opens this dialog for it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QRadioButton, QWidget

from app.domain.enums import ConflictPolicy, RecordType, TrackingOption
from app.gui.forms.ui_user_options_dialog import Ui_UserOptionsDialog
from app.gui.i18n import enum_text, translate, with_access_key
from app.gui.widgets.combos import fill_enum_combo, set_combo_value
from app.gui.widgets.filter_editor import EditorProblem, FilterEditor
from app.gui.windows.base import Dialog
from app.store import personal_options
from app.store.personal_options import FiltersInvalid, PersonalOptions

SHOWN_PROBLEMS = 3  # the line beside Save names this many, then counts the rest


class UserOptionsDialog(Dialog):
    default_size = QSize(940, 760)

    saved = Signal(int)  # the user's id

    def __init__(self, user_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_id = user_id
        self.ui = Ui_UserOptionsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.tracking: dict[TrackingOption, QRadioButton] = {
            TrackingOption.ALL: ui.trackAll,
            TrackingOption.RESPONSES: ui.trackResponses,
            TrackingOption.KNOWN_SENDERS: ui.trackKnownSenders,
            TrackingOption.EMAIL_ENABLED: ui.trackEmailEnabled,
        }
        keys = {TrackingOption.ALL: "A", TrackingOption.RESPONSES: "R", TrackingOption.KNOWN_SENDERS: "K"}
        for option, button in self.tracking.items():
            button.setText(with_access_key(enum_text(option), keys.get(option, "E")))
        self.policies: dict[RecordType, QComboBox] = {
            RecordType.APPOINTMENT: ui.appointmentConflictPolicy,
            RecordType.CONTACT: ui.contactConflictPolicy,
            RecordType.TASK: ui.taskConflictPolicy,
        }
        for combo in self.policies.values():
            fill_enum_combo(combo, ConflictPolicy)
        self.editor = FilterEditor(user_id, personal_options.user_choices(), self)
        ui.filtersTabLayout.addWidget(self.editor)
        self.editor.changed.connect(self._changed)
        ui.filtersButton.clicked.connect(lambda: ui.tabs.setCurrentWidget(ui.filtersTab))
        ui.saveButton.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.close)
        self.setWindowTitle(self.tr("Personal options: %1").replace("%1", personal_options.user_name(user_id)))
        self.reload()
        self.restore_geometry()

    def reload(self) -> None:
        stored = personal_options.load(self.user_id)
        self.tracking[stored.tracking_option].setChecked(True)
        for record_type, combo in self.policies.items():
            set_combo_value(combo, stored.conflict_policies[record_type])
        self.editor.set_filters(stored.filters)
        self._changed()

    def options(self) -> PersonalOptions:
        tracking = next(option for option, button in self.tracking.items() if button.isChecked())
        policies = {t: ConflictPolicy(combo.currentData()) for t, combo in self.policies.items()}
        return PersonalOptions(tracking, policies, self.editor.filters())

    def _changed(self) -> None:
        found = self.editor.problems()
        lines = [self.problem_text(p) for p in found[:SHOWN_PROBLEMS]]
        if len(found) > SHOWN_PROBLEMS:
            lines.append(self.tr("… and %1 more.").replace("%1", str(len(found) - SHOWN_PROBLEMS)))
        self.ui.problemsSummary.setText("\n".join(lines))
        self.ui.saveButton.setEnabled(not found)

    def problem_text(self, found: EditorProblem) -> str:
        """Which filter of which record type, which condition, and what is wrong with it."""
        kinds = {
            RecordType.APPOINTMENT: self.tr("Appointments"),
            RecordType.CONTACT: self.tr("Contacts"),
            RecordType.TASK: self.tr("Tasks"),
        }
        name = found.filter_name.strip() or self.tr("(no name)")
        message = found.problem.message(translate)
        if found.problem.position is None:
            text = self.tr("%1, filter “%2”: %3")
        else:
            text = self.tr("%1, filter “%2”, condition %4: %3").replace("%4", str(found.problem.position + 1))
        return text.replace("%1", kinds[found.record_type]).replace("%2", name).replace("%3", message)

    def save(self) -> bool:
        try:
            personal_options.save(self.user_id, self.options())
        except FiltersInvalid:  # the editor shows why; Save was enabled on an older state
            self._changed()
            return False
        self.editor.set_filters(personal_options.load(self.user_id).filters)  # new filters get their ids
        self.saved.emit(self.user_id)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.stop_preview()
        super().closeEvent(event)
