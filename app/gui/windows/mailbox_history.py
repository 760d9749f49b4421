"""The mailbox editor's history: its stored Test & Enable runs, each report opening again (after a
restart too), and its conflict log, with what each conflict policy decided.

Both read the store through ``app.store.history``; the editor owns the widgets (ui/mailbox_editor.ui)
and hands them over.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableView, QWidget

from app.diagnostics.history import report_from_stored, step_result, step_title
from app.diagnostics.report_text import duration_text
from app.domain.i18n import step_message
from app.gui.i18n import enum_text, format_time, translate
from app.gui.models.table_models import Column, RowTableModel, SearchProxy
from app.gui.widgets.tables import setup_table
from app.gui.windows.report_dialog import ReportDialog
from app.store.history import ConflictRow, StoredRun, conflict_rows, stored_run, stored_runs


def _failed_step(run: StoredRun) -> str:
    step = run.first_failure
    return translate("Diagnostics", step_title(step.name)) if step is not None else ""


def _failure_message(run: StoredRun) -> str:
    step = run.first_failure
    return step_message(step_result(step), translate).strip() if step is not None else ""


def run_columns() -> list[Column]:
    return [
        Column(translate("MailboxHistory", "Started"), lambda r: r.started_on),
        Column(translate("MailboxHistory", "Result"), lambda r: r.status),
        Column(
            translate("MailboxHistory", "Duration"),
            lambda r: duration_text(r.duration_ms) if r.duration_ms is not None else "",
        ),
        Column(translate("MailboxHistory", "Failed step"), _failed_step),
        Column(translate("MailboxHistory", "Message"), _failure_message, tooltip=_failure_message),
    ]


def field_label(name: str) -> str:
    """A synchronized field's name as the admin reads it; an unknown one as it is."""
    labels = {
        "subject": translate("MailboxHistory", "Subject"),
        "location": translate("MailboxHistory", "Location"),
        "start": translate("MailboxHistory", "Start"),
        "end": translate("MailboxHistory", "End"),
        "is_all_day": translate("MailboxHistory", "All day"),
        "body": translate("MailboxHistory", "Description"),
        "first_name": translate("MailboxHistory", "First name"),
        "last_name": translate("MailboxHistory", "Last name"),
        "email": translate("MailboxHistory", "Email"),
        "company": translate("MailboxHistory", "Company"),
        "job_title": translate("MailboxHistory", "Job title"),
        "business_phone": translate("MailboxHistory", "Business phone"),
        "mobile_phone": translate("MailboxHistory", "Mobile phone"),
        "due": translate("MailboxHistory", "Due"),
        "percent_complete": translate("MailboxHistory", "% complete"),
        "is_complete": translate("MailboxHistory", "Completed"),
    }
    return labels.get(name, name)


def outcome_text(row: ConflictRow) -> str:
    """What the policy did, in the admin's words."""
    if row.winner == "store":
        return translate("MailboxHistory", "Kept the store's version; Exchange updated")
    return translate("MailboxHistory", "Kept Exchange's version; the store updated")


def kept_text(row: ConflictRow) -> str:
    return translate("MailboxHistory", "Store") if row.winner == "store" else translate("MailboxHistory", "Exchange")


def _record(row: ConflictRow) -> str:
    return row.record_name or translate("MailboxHistory", "(deleted since, #%1)").replace("%1", str(row.record_id))


def conflict_columns() -> list[Column]:
    return [
        Column(translate("MailboxHistory", "Time"), lambda r: r.happened_on),
        Column(translate("MailboxHistory", "Record type"), lambda r: r.record_type),
        Column(translate("MailboxHistory", "Record"), _record),
        Column(translate("MailboxHistory", "Conflict policy"), lambda r: r.policy),
        Column(translate("MailboxHistory", "Version kept"), kept_text, tooltip=outcome_text),
        Column(
            translate("MailboxHistory", "Differences"),
            lambda r: translate("MailboxHistory", ", ").join(field_label(f) for f in r.changed_fields),
        ),
    ]


def _value_text(value: Any) -> str:
    if value is None or value == "":
        return translate("MailboxHistory", "(empty)")
    if isinstance(value, bool):
        return translate("MailboxHistory", "Yes") if value else translate("MailboxHistory", "No")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def conflict_details(row: ConflictRow) -> str:
    """Both versions of the fields the two sides disagreed on, and which one was kept."""
    lines = [
        translate("MailboxHistory", "%1 “%2”, %3")
        .replace("%1", enum_text(row.record_type))
        .replace("%2", _record(row))
        .replace("%3", format_time(row.happened_on)),
        translate("MailboxHistory", "Conflict policy: %1").replace("%1", enum_text(row.policy)),
        translate("MailboxHistory", "Outcome: %1").replace("%1", outcome_text(row)),
        "",
    ]
    for name in row.changed_fields or sorted(row.store_version):
        lines += [
            field_label(name),
            "  " + translate("MailboxHistory", "Store: %1").replace("%1", _value_text(row.store_version.get(name))),
            "  "
            + translate("MailboxHistory", "Exchange: %1").replace("%1", _value_text(row.exchange_version.get(name))),
        ]
    return "\n".join(lines)


class RunHistory(QObject):
    """The results tab's list of stored runs, newest first; a double-click or the button opens a
    run's report. The report of this session's own test is the live one (it has the next steps)."""

    opened = Signal(object)  # a ReportDialog just opened (the editor wires its actions)

    def __init__(self, table: QTableView, open_button: QPushButton, hint: QLabel, window: QWidget) -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle keeps a closed one alive
        self.table, self.open_button, self.hint = table, open_button, hint
        self.model = RowTableModel(run_columns(), self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        setup_table(table, self.proxy, single_selection=True, stretch_last=True)
        self.mailbox_name = ""
        self.live_report: Any = None  # this session's last report of the mailbox (MailboxEditor.set_last_report)
        table.doubleClicked.connect(self._open_at)
        open_button.clicked.connect(self.open_selected)
        table.selectionModel().selectionChanged.connect(self._selection_changed)

    def refresh(self, mailbox_id: int | None) -> None:
        selected = self.selected_run()
        self.model.set_rows(stored_runs(mailbox_id) if mailbox_id is not None else [])
        rows = [self.proxy.row_at(i) for i in range(self.proxy.rowCount())]
        keep = next((i for i, r in enumerate(rows) if selected is not None and r.id == selected.id), 0)
        if rows:
            self.table.selectRow(keep)
        self._selection_changed()

    def runs(self) -> list[StoredRun]:
        """The runs as the table shows them, top to bottom."""
        return [self.proxy.row_at(i) for i in range(self.proxy.rowCount())]

    def selected_run(self) -> StoredRun | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.proxy.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: QItemSelection) -> None:
        stored = self.model.rowCount() > 0
        self.open_button.setEnabled(self.selected_run() is not None)
        self.open_button.setVisible(stored)
        self.hint.setText(
            translate("MailboxHistory", "Double-click a run to open its report.")
            if stored
            else translate("MailboxHistory", "No Test & Enable run of this mailbox is stored yet.")
        )

    def _open_at(self, index: QModelIndex) -> None:
        self.open_run(self.proxy.row_at(index.row()))

    def open_selected(self) -> ReportDialog | None:
        run = self.selected_run()
        return self.open_run(run) if run is not None else None

    def open_run(self, run: StoredRun) -> ReportDialog | None:
        fresh = stored_run(run.id)  # read again: the run may be gone (its mailbox deleted meanwhile)
        if fresh is None:
            return None
        live = self.live_report
        same = live is not None and live.mailbox_id == fresh.mailbox_id and live.started_on == fresh.started_on
        window = self.parent()
        assert isinstance(window, QWidget)
        dialog = ReportDialog(live if same else report_from_stored(fresh), self.mailbox_name, window)
        self.opened.emit(dialog)
        dialog.show()
        return dialog


class ConflictHistory(QObject):
    """The conflicts tab: the mailbox's conflict log, newest first; the selected conflict's two
    versions below."""

    def __init__(self, table: QTableView, details: QPlainTextEdit, window: QWidget) -> None:
        super().__init__(window)
        self.table, self.details = table, details
        self.model = RowTableModel(conflict_columns(), self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        setup_table(table, self.proxy, single_selection=True, stretch_last=True)
        table.selectionModel().selectionChanged.connect(self._show_selected)
        splitter = table.parentWidget()
        if isinstance(splitter, QSplitter):  # the list gets the height, the two versions what is left
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 1)

    def refresh(self, mailbox_id: int | None) -> None:
        self.model.set_rows(conflict_rows(mailbox_id) if mailbox_id is not None else [])
        self._show_selected()

    def rows(self) -> list[ConflictRow]:
        return [self.proxy.row_at(i) for i in range(self.proxy.rowCount())]

    def _show_selected(self, *_args: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.details.setPlainText(conflict_details(self.proxy.row_at(rows[0].row())) if rows else "")
