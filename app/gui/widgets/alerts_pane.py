"""The notification pane (通知): alerts newest first, level filter, search, mark read, delete, CSV.

The same pane shows all alerts on the Alerts page, a mailbox's on the mailbox editor and a
profile's (its own and its mailboxes') on the profile form.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.enums import AlertLevel
from app.domain.i18n import next_step_text
from app.gui import messages
from app.gui.forms.ui_alerts_pane import Ui_AlertsPane
from app.gui.i18n import alert_text, enum_text, fields_text, format_time, translate
from app.gui.models.columns import alert_columns
from app.gui.models.table_models import RowTableModel, SearchProxy
from app.gui.widgets.tables import setup_table
from app.store import queries
from app.store.queries import AlertRow


def write_alerts_csv(path: str, rows: Iterable[AlertRow]) -> int:
    """Write *rows* as UTF-8 CSV with a BOM (Excel opens Japanese text correctly); returns the count.

    The message column is the stored English message (for logs, support and searching), whatever
    the UI language; headers and labels follow the UI language."""
    header = [
        QCoreApplication.translate("AlertsPane", "Time"),
        QCoreApplication.translate("AlertsPane", "Level"),
        QCoreApplication.translate("AlertsPane", "Scope"),
        QCoreApplication.translate("AlertsPane", "Mailbox"),
        QCoreApplication.translate("AlertsPane", "Email server profile"),
        QCoreApplication.translate("AlertsPane", "Workload"),
        QCoreApplication.translate("AlertsPane", "Error code"),
        QCoreApplication.translate("AlertsPane", "Message"),
        QCoreApplication.translate("AlertsPane", "Details"),
        QCoreApplication.translate("AlertsPane", "Occurrences"),
        QCoreApplication.translate("AlertsPane", "Read"),
        QCoreApplication.translate("AlertsPane", "Open"),
    ]
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for r in rows:
            writer.writerow(
                [
                    r.updated_on.isoformat(),
                    enum_text(r.level),
                    enum_text(r.scope),
                    r.mailbox_name,
                    r.profile_name,
                    enum_text(r.workload),
                    r.error_code,
                    r.message,
                    r.details,
                    r.occurrences,
                    int(r.is_read),
                    int(r.is_open),
                ]
            )
            count += 1
    return count


class AlertsPane(QWidget):
    open_mailbox = Signal(int)
    open_profile = Signal(int)
    changed = Signal()  # alerts were marked read or deleted here

    def __init__(self, parent: QWidget | None = None, *, mailbox_id: int | None = None, profile_id: int | None = None):
        super().__init__(parent)
        self.ui = Ui_AlertsPane()
        self.ui.setupUi(self)
        self.mailbox_id, self.profile_id = mailbox_id, profile_id
        self.model = RowTableModel(alert_columns(), self, bold_if=lambda r: not r.is_read)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.accept_row = self._level_accepts
        table = self.ui.table
        # newest first; the message takes the spare width
        setup_table(table, self.proxy, sort_column=1, stretch_column=3, name="alerts")
        self.ui.levelFilter.addItem(self.tr("All levels"), None)
        self.ui.levelFilter.addItem(self.tr("Errors"), AlertLevel.ERROR.value)
        self.ui.levelFilter.addItem(self.tr("Warnings"), AlertLevel.WARNING.value)
        self.ui.levelFilter.addItem(self.tr("Information"), AlertLevel.INFORMATION.value)
        self.ui.levelFilter.currentIndexChanged.connect(lambda _i: self.proxy.refilter())
        self.ui.search.textChanged.connect(self.proxy.set_search)
        self.ui.markReadButton.clicked.connect(self.mark_selected_read)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.exportButton.clicked.connect(self.export_csv)
        self.ui.splitter.setStretchFactor(0, 4)
        self.ui.splitter.setStretchFactor(1, 1)
        table.doubleClicked.connect(self._open_row)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._export_dialog: QFileDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(queries.alert_rows(mailbox_id=self.mailbox_id, profile_id=self.profile_id))
        self._selection_changed()

    def visible_rows(self) -> list[AlertRow]:
        return [self.proxy.row_at(i) for i in range(self.proxy.rowCount())]

    def selected_rows(self) -> list[AlertRow]:
        rows = self.ui.table.selectionModel().selectedRows()
        return [self.proxy.row_at(index.row()) for index in rows]

    def _level_accepts(self, row: AlertRow) -> bool:
        wanted = self.ui.levelFilter.currentData()
        return wanted is None or row.level.value == wanted

    def _selection_changed(self, *_args) -> None:
        selected = self.selected_rows()
        self.ui.markReadButton.setEnabled(any(not r.is_read for r in selected))
        self.ui.deleteButton.setEnabled(bool(selected))
        if len(selected) == 1:
            r = selected[0]
            lines = [fields_text([enum_text(r.level), format_time(r.updated_on), r.error_code]), "", alert_text(r)]
            if r.next_step:
                lines += ["", self.tr("Next step: %1").replace("%1", next_step_text(r.next_step, translate))]
            if r.details:
                lines += ["", r.details]
            self.ui.detailsView.setPlainText("\n".join(lines))
        else:
            self.ui.detailsView.clear()

    def mark_selected_read(self) -> None:
        queries.mark_alerts_read(r.id for r in self.selected_rows())
        self.refresh()
        self.changed.emit()

    def delete_selected(self) -> None:
        ids = [r.id for r in self.selected_rows()]
        if not ids:
            return

        def delete() -> None:
            queries.delete_alerts(ids)
            self.refresh()
            self.changed.emit()

        messages.confirm(self, self.tr("Delete alerts"), self.tr("Delete %n selected alert(s)?", "", len(ids)), delete)

    def export_csv(self) -> None:
        self._export_dialog = messages.open_save_dialog(
            self, self.tr("Export alerts"), self.tr("CSV files (*.csv)"), "csv", "alerts.csv", self.write_csv
        )

    def write_csv(self, path: str) -> None:
        try:
            write_alerts_csv(path, self.visible_rows())
        except OSError as exc:
            messages.show_error(self, self.tr("Export alerts"), self.tr("Could not write the file."), str(exc))

    def _open_row(self, index) -> None:
        row = self.proxy.row_at(index.row())
        if row.mailbox_id is not None:
            self.open_mailbox.emit(row.mailbox_id)
        elif row.profile_id is not None:
            self.open_profile.emit(row.profile_id)
