"""The appointment, contact and task editors: each record type's fields on the shared editor
(app.gui.windows.record_editor).

Times show in local time and are stored in UTC. An all-day appointment shows its first and last
day (dates only); it is stored as whole UTC days, the end exclusive, as the synchronization keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from app.domain.enums import RecordType
from app.domain.records import AppointmentValues, ContactValues, TaskValues
from app.gui.forms.ui_appointment_editor import Ui_AppointmentEditor
from app.gui.forms.ui_contact_editor import Ui_ContactEditor
from app.gui.forms.ui_task_editor import Ui_TaskEditor
from app.gui.windows.record_editor import RecordEditor, allow_no_date, optional_utc, set_utc, to_utc
from app.store.base import utcnow
from app.store.record_edits import RecordValues

DATE_FORMAT = "yyyy-MM-dd"
DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"


def _utc_midnight(day: QDate) -> datetime:
    return datetime(day.year(), day.month(), day.day(), tzinfo=timezone.utc)


def _utc_day(value: datetime) -> QDate:
    utc = value.astimezone(timezone.utc)
    return QDate(utc.year, utc.month, utc.day)


class AppointmentEditor(RecordEditor):
    record_type = RecordType.APPOINTMENT

    def __init__(self, record_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_AppointmentEditor(), record_id, parent)

    def new_values(self, owner_id: int | None) -> RecordValues:
        start = utcnow().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        return AppointmentValues(owner_id, start=start, end=start + timedelta(hours=1))

    def fill(self, values: RecordValues) -> None:
        assert isinstance(values, AppointmentValues)
        ui = self.ui
        self.set_owner(values.owner_id)
        ui.subject.setText(values.subject)
        ui.location.setText(values.location)
        ui.category.setText(values.category)
        ui.body.setPlainText(values.body)
        ui.isAllDay.setChecked(values.is_all_day)
        self._show_all_day(values.is_all_day)
        if values.is_all_day and values.start is not None and values.end is not None:
            ui.start.setDate(_utc_day(values.start))
            ui.end.setDate(_utc_day(values.end - timedelta(days=1)))  # the last day shown, not the next
        else:
            set_utc(ui.start, values.start)
            set_utc(ui.end, values.end)

    def _show_all_day(self, all_day: bool) -> None:
        for edit in (self.ui.start, self.ui.end):
            edit.setDisplayFormat(DATE_FORMAT if all_day else DATE_TIME_FORMAT)
        self.ui.startLabel.setText(self.tr("Fir&st day") if all_day else self.tr("&Start"))
        self.ui.endLabel.setText(self.tr("&Last day") if all_day else self.tr("&End"))

    def values(self) -> RecordValues:
        ui = self.ui
        all_day = ui.isAllDay.isChecked()
        if all_day:
            start = _utc_midnight(ui.start.date())
            end = _utc_midnight(ui.end.date()) + timedelta(days=1)
        else:
            start, end = to_utc(ui.start), to_utc(ui.end)
        return AppointmentValues(
            self.owner_id(),
            ui.subject.text(),
            ui.location.text(),
            start,
            end,
            all_day,
            ui.body.toPlainText(),
            ui.category.text(),
        )

    def connect_changes(self, slot: Callable[..., None]) -> None:
        ui = self.ui
        for field in (ui.subject, ui.location, ui.category):
            field.textChanged.connect(slot)
        ui.body.textChanged.connect(slot)
        ui.start.dateTimeChanged.connect(slot)
        ui.end.dateTimeChanged.connect(slot)
        ui.isAllDay.toggled.connect(self._show_all_day)
        ui.isAllDay.toggled.connect(slot)

    def title(self) -> str:
        subject = self.ui.subject.text().strip()
        return self.tr("Appointment: %1").replace("%1", subject) if subject else self.tr("New appointment")


class ContactEditor(RecordEditor):
    record_type = RecordType.CONTACT

    def __init__(self, record_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_ContactEditor(), record_id, parent)

    def _fields(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "first_name": ui.firstName,
            "last_name": ui.lastName,
            "email": ui.email,
            "company": ui.company,
            "job_title": ui.jobTitle,
            "business_phone": ui.businessPhone,
            "mobile_phone": ui.mobilePhone,
        }

    def new_values(self, owner_id: int | None) -> RecordValues:
        return ContactValues(owner_id)

    def fill(self, values: RecordValues) -> None:
        assert isinstance(values, ContactValues)
        self.set_owner(values.owner_id)
        for name, field in self._fields().items():
            field.setText(getattr(values, name))

    def values(self) -> RecordValues:
        texts = {name: field.text() for name, field in self._fields().items()}
        texts["email"] = texts["email"].strip()
        return ContactValues(self.owner_id(), **texts)

    def connect_changes(self, slot: Callable[..., None]) -> None:
        for field in self._fields().values():
            field.textChanged.connect(slot)

    def title(self) -> str:
        name = " ".join(p for p in (self.ui.firstName.text().strip(), self.ui.lastName.text().strip()) if p)
        return self.tr("Contact: %1").replace("%1", name) if name else self.tr("New contact")


class TaskEditor(RecordEditor):
    record_type = RecordType.TASK

    def __init__(self, record_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_TaskEditor(), record_id, parent)

    def new_values(self, owner_id: int | None) -> RecordValues:
        return TaskValues(owner_id)

    def fill(self, values: RecordValues) -> None:
        assert isinstance(values, TaskValues)
        ui = self.ui
        for edit in (ui.start, ui.due):
            allow_no_date(edit)
            edit.setDisplayFormat(DATE_TIME_FORMAT)
        self.set_owner(values.owner_id)
        ui.subject.setText(values.subject)
        ui.body.setPlainText(values.body)
        set_utc(ui.start, values.start)
        set_utc(ui.due, values.due)
        ui.percentComplete.setValue(values.percent_complete)
        ui.isComplete.setChecked(values.is_complete)

    def values(self) -> RecordValues:
        ui = self.ui
        return TaskValues(
            self.owner_id(),
            ui.subject.text(),
            ui.body.toPlainText(),
            optional_utc(ui.start),
            optional_utc(ui.due),
            ui.percentComplete.value(),
            ui.isComplete.isChecked(),
        )

    def connect_changes(self, slot: Callable[..., None]) -> None:
        ui = self.ui
        ui.subject.textChanged.connect(slot)
        ui.body.textChanged.connect(slot)
        ui.start.dateTimeChanged.connect(slot)
        ui.due.dateTimeChanged.connect(slot)
        ui.percentComplete.valueChanged.connect(slot)
        ui.isComplete.toggled.connect(slot)

    def title(self) -> str:
        subject = self.ui.subject.text().strip()
        return self.tr("Task: %1").replace("%1", subject) if subject else self.tr("New task")


EDITORS: dict[RecordType, Callable[[int | None, QWidget | None], RecordEditor]] = {
    RecordType.APPOINTMENT: AppointmentEditor,
    RecordType.CONTACT: ContactEditor,
    RecordType.TASK: TaskEditor,
}
