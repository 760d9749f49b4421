"""Item monitoring (docs/product-rules.md §6): every email, appointment, contact or task that did
not synchronize — its mailbox, kind, subject, direction, the error in plain words and the server's
own, the next step, when it last failed and how many attempts — with Retry and Ignore for one
item or many. The entries come from the engine (app.store.item_failures); Retry asks the next
cycle of each item's mailbox to try it again and starts that cycle now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.domain.item_failures import failure_texts
from app.gui.forms.ui_item_monitoring_page import Ui_ItemMonitoringPage
from app.gui.i18n import enum_text, format_time, translate
from app.gui.models.table_models import Column, RowTableModel, SearchProxy
from app.gui.widgets.tables import setup_table
from app.store import item_failures
from app.store.item_failures import ItemFailureRow

if TYPE_CHECKING:
    from app.gui.sync_controller import SyncController

CTX = "ItemFailures"  # the engine's texts (app.domain.item_failures)
TIME_COLUMN = 4


def error_text(row: ItemFailureRow) -> str:
    return translate(CTX, failure_texts(row.error_code)[0])


def next_step_text(row: ItemFailureRow) -> str:
    return translate(CTX, failure_texts(row.error_code)[1])


def server_error(row: ItemFailureRow) -> str:
    return f"{row.error_code}: {row.error_text}" if row.error_text else row.error_code


def item_columns() -> list[Column]:
    def subject(r: ItemFailureRow) -> str:
        return r.subject or translate("Lists", "(no subject)")

    return [
        Column(translate("Lists", "Mailbox"), lambda r: r.mailbox_name, tooltip=lambda r: r.mailbox_email),
        Column(translate("Lists", "Kind"), lambda r: r.kind),
        Column(translate("Lists", "Subject"), subject, tooltip=subject),
        Column(translate("Lists", "Direction"), lambda r: r.direction),
        Column(translate("Lists", "Failed on"), lambda r: r.last_failed_on),
        Column(translate("Lists", "Attempts"), lambda r: r.attempts),
        # the long texts last: cut by the window's edge they are still whole in the details below
        Column(translate("Lists", "Error"), error_text, tooltip=server_error),
        Column(translate("Lists", "Server's error"), server_error, tooltip=server_error),
        Column(translate("Lists", "Next step"), next_step_text, tooltip=next_step_text),
    ]


class ItemMonitoringPage(QWidget):
    retried = Signal(list)  # the ids of the mailboxes whose cycles should run now
    changed = Signal()  # entries were retried or ignored

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ItemMonitoringPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = RowTableModel(item_columns(), self, bold_if=lambda r: r.retry_requested)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        setup_table(ui.table, self.proxy, sort_column=TIME_COLUMN, alternating_rows=True, stretch_last=True)
        ui.table.setSelectionMode(ui.table.SelectionMode.ExtendedSelection)
        ui.table.setWordWrap(False)
        ui.search.textChanged.connect(self.proxy.set_search)
        ui.retryButton.clicked.connect(self.retry_selected)
        ui.ignoreButton.clicked.connect(self.ignore_selected)
        ui.showIgnored.toggled.connect(lambda _on: self.refresh())
        ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.modelReset.connect(self._selection_changed)
        self._sync: SyncController | None = None
        self._message = ""
        self._stale = False
        self.refresh()

    def set_sync(self, sync: SyncController) -> None:
        """Retry starts the cycles of the items' mailboxes through *sync*; the list follows its
        results while it is on show, and catches up when it is shown again."""
        self._sync = sync
        sync.results_changed.connect(self._results_changed)

    def _results_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- the list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        rows = item_failures.failure_rows(include_ignored=self.ui.showIgnored.isChecked())
        self.model.set_rows(rows)
        shown = self.tr("%n item(s) did not synchronize", "", len([r for r in rows if not r.ignored]))
        self.ui.countLabel.setText(f"{self._message}  {shown}".strip() if self._message else shown)
        self._selection_changed()

    def selected_rows(self) -> list[ItemFailureRow]:
        rows = {index.row() for index in self.ui.table.selectionModel().selectedRows()}
        return [self.proxy.row_at(row) for row in sorted(rows)]

    def select_all(self) -> None:
        self.ui.table.selectAll()

    def _selection_changed(self, *_args: QItemSelection) -> None:
        rows = self.selected_rows()
        self.ui.retryButton.setEnabled(bool(rows))
        self.ui.ignoreButton.setEnabled(any(not r.ignored for r in rows))
        self.ui.details.setText(self._details(rows[0]) if len(rows) == 1 else "")

    def _details(self, row: ItemFailureRow) -> str:
        lines = [
            f"{enum_text(row.kind)} — {row.subject or translate('Lists', '(no subject)')} ({row.mailbox_email})",
            error_text(row),
            self.tr("Server's error: %1").replace("%1", server_error(row)),
            self.tr("Next step: %1").replace("%1", next_step_text(row)),
            self.tr("First failed on %1; attempts: %2")
            .replace("%1", format_time(row.first_failed_on))
            .replace("%2", str(row.attempts)),
        ]
        if row.retry_requested:
            lines.append(self.tr("A retry was requested: the mailbox's next cycle tries the item again."))
        return "\n".join(lines)

    # --- actions ----------------------------------------------------------------------------------
    def retry_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        mailboxes = item_failures.retry([r.id for r in rows])
        if self._sync is not None:
            for mailbox_id in mailboxes:
                self._sync.sync_now(mailbox_id)
        self._message = self.tr("Retry requested for %n item(s).", "", len(rows))
        self.refresh()
        self.retried.emit(mailboxes)
        self.changed.emit()

    def ignore_selected(self) -> None:
        rows = [r for r in self.selected_rows() if not r.ignored]
        if not rows:
            return
        item_failures.ignore([r.id for r in rows])
        self._message = self.tr("%n item(s) ignored.", "", len(rows))
        self.refresh()
        self.changed.emit()
