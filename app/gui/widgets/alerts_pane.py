"""The notification pane (通知): alerts newest first, active or resolved, level filter, search; open the
mailbox on the tab an alert concerns, test it again, mark read, delete, CSV.

The same pane shows all alerts on the Alerts page, a mailbox's on the mailbox editor and a
profile's (its own and its mailboxes') on the profile form.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QPoint, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from app.domain.enums import AlertLevel, Workload
from app.domain.i18n import next_step_text
from app.domain.remedy import Place, place_to_fix
from app.gui import messages
from app.gui.forms.ui_alerts_pane import Ui_AlertsPane
from app.gui.i18n import alert_text, enum_text, fields_text, format_time, translate
from app.gui.models.columns import alert_columns, alert_state_text
from app.gui.models.table_models import RowTableModel, SearchProxy
from app.gui.widgets.tables import setup_table
from app.store import queries
from app.store.health import credential_source_of
from app.store.models import Mailbox
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


def alert_place(row: AlertRow) -> Place | None:
    """Where the alert's problem is put right (app.domain.remedy), by its mailbox's credential source."""
    source = None
    if row.mailbox_id is not None:
        mailbox = Mailbox.get_or_none(Mailbox.id == row.mailbox_id)
        if mailbox is not None:
            source = credential_source_of(mailbox, outgoing=row.workload is Workload.OUTGOING)
    return place_to_fix(row.error_code, source)


def alert_tab(row: AlertRow) -> str:
    """The mailbox editor's tab an alert of a mailbox concerns: where its problem is put right, else
    the configuration test results (the statuses, the next sync, the failures in a row)."""
    place = alert_place(row)
    return place.value if place is not None and place.in_mailbox else Place.MAILBOX_RESULTS.value


class AlertsPane(QWidget):
    open_mailbox = Signal(int)
    open_mailbox_tab = Signal(int, str)  # mailbox id, the editor's tab the alert concerns
    open_profile = Signal(int)
    test_again = Signal(int)  # mailbox id
    changed = Signal()  # alerts were marked read or deleted here

    def __init__(self, parent: QWidget | None = None, *, mailbox_id: int | None = None, profile_id: int | None = None):
        super().__init__(parent)
        self.ui = Ui_AlertsPane()
        self.ui.setupUi(self)
        self.mailbox_id, self.profile_id = mailbox_id, profile_id
        self.model = RowTableModel(alert_columns(), self, bold_if=lambda r: not r.is_read)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.accept_row = self._filters_accept
        table = self.ui.table
        # newest first; the message takes the spare width
        setup_table(table, self.proxy, sort_column=2, stretch_column=4, name="alerts")
        self.ui.stateFilter.addItem(self.tr("Active"), "active")
        self.ui.stateFilter.addItem(self.tr("Resolved"), "resolved")
        self.ui.stateFilter.addItem(self.tr("Active and resolved"), None)
        self.ui.stateFilter.currentIndexChanged.connect(lambda _i: self.proxy.refilter())
        self.ui.levelFilter.addItem(self.tr("All levels"), None)
        self.ui.levelFilter.addItem(self.tr("Errors"), AlertLevel.ERROR.value)
        self.ui.levelFilter.addItem(self.tr("Warnings"), AlertLevel.WARNING.value)
        self.ui.levelFilter.addItem(self.tr("Information"), AlertLevel.INFORMATION.value)
        self.ui.levelFilter.currentIndexChanged.connect(lambda _i: self.proxy.refilter())
        self.ui.search.textChanged.connect(self.proxy.set_search)
        self.ui.openMailboxButton.clicked.connect(self.open_selected_mailbox)
        self.ui.testAgainButton.clicked.connect(self.test_selected_again)
        self.ui.markReadButton.clicked.connect(self.mark_selected_read)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.exportButton.clicked.connect(self.export_csv)
        self.ui.splitter.setStretchFactor(0, 4)
        self.ui.splitter.setStretchFactor(1, 1)
        table.doubleClicked.connect(self._open_row)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.layoutChanged.connect(self._selection_changed)  # a filter hid the selected rows
        self.proxy.rowsRemoved.connect(self._selection_changed)
        self.menu = self._context_menu()
        # on a mailbox's own Alerts tab, the mailbox is open already
        self.ui.openMailboxButton.setVisible(mailbox_id is None)
        self.open_mailbox_action.setVisible(mailbox_id is None)
        table.customContextMenuRequested.connect(self._show_context_menu)
        self._export_dialog: QFileDialog | None = None
        self.refresh()

    def _context_menu(self) -> QMenu:
        menu = QMenu(self)
        self.open_mailbox_action = menu.addAction(self.tr("Open mailbox"), self.open_selected_mailbox)
        self.open_profile_action = menu.addAction(self.tr("Open profile"), self.open_selected_profile)
        self.test_again_action = menu.addAction(self.tr("Test again"), self.test_selected_again)
        menu.addSeparator()
        self.mark_read_action = menu.addAction(self.tr("Mark as read"), self.mark_selected_read)
        self.delete_action = menu.addAction(self.tr("Delete"), self.delete_selected)
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        self._selection_changed()
        self.menu.popup(self.ui.table.viewport().mapToGlobal(position))

    def refresh(self) -> None:
        self.model.set_rows(queries.alert_rows(mailbox_id=self.mailbox_id, profile_id=self.profile_id))
        self._selection_changed()

    def visible_rows(self) -> list[AlertRow]:
        return [self.proxy.row_at(i) for i in range(self.proxy.rowCount())]

    def selected_rows(self) -> list[AlertRow]:
        rows = self.ui.table.selectionModel().selectedRows()
        return [self.proxy.row_at(index.row()) for index in rows]

    def selected_mailbox(self) -> int | None:
        """The one mailbox the selected alerts concern (None: none, or several)."""
        mailboxes = {r.mailbox_id for r in self.selected_rows()}
        return mailboxes.pop() if len(mailboxes) == 1 and None not in mailboxes else None

    def selected_profile(self) -> int | None:
        profiles = {r.profile_id for r in self.selected_rows()}
        return profiles.pop() if len(profiles) == 1 and None not in profiles else None

    def _filters_accept(self, row: AlertRow) -> bool:
        state = self.ui.stateFilter.currentData()
        if state is not None and row.is_open != (state == "active"):
            return False
        wanted = self.ui.levelFilter.currentData()
        return wanted is None or row.level.value == wanted

    def select_alert(self, alert_id: int) -> bool:
        """Select one alert and show its details, widening the filters when they hide it."""
        if not any(r.id == alert_id for r in self.model.rows):
            self.refresh()
        if not any(r.id == alert_id for r in self.visible_rows()):
            self.ui.search.clear()
            self.ui.levelFilter.setCurrentIndex(0)
            self.ui.stateFilter.setCurrentIndex(self.ui.stateFilter.findData(None))
        for proxy_row in range(self.proxy.rowCount()):
            if self.proxy.row_at(proxy_row).id == alert_id:
                self.ui.table.selectRow(proxy_row)
                self.ui.table.scrollTo(self.proxy.index(proxy_row, 0))
                return True
        return False

    def _selection_changed(self, *_args) -> None:
        selected = self.selected_rows()
        mailbox, profile = self.selected_mailbox(), self.selected_profile()
        unread = any(not r.is_read for r in selected)
        for widget in (self.ui.openMailboxButton, self.ui.testAgainButton):
            widget.setEnabled(mailbox is not None)
        self.ui.markReadButton.setEnabled(unread)
        self.ui.deleteButton.setEnabled(bool(selected))
        self.open_mailbox_action.setEnabled(mailbox is not None)
        self.test_again_action.setEnabled(mailbox is not None)
        self.open_profile_action.setEnabled(profile is not None)
        self.mark_read_action.setEnabled(unread)
        self.delete_action.setEnabled(bool(selected))
        if len(selected) == 1:
            self.ui.detailsView.setPlainText(self.details_text(selected[0]))
        else:
            self.ui.detailsView.clear()

    def details_text(self, r: AlertRow) -> str:
        state = alert_state_text(r)
        lines = [fields_text([enum_text(r.level), state, format_time(r.updated_on), r.error_code]), "", alert_text(r)]
        if r.next_step:
            lines += ["", self.tr("Next step: %1").replace("%1", next_step_text(r.next_step, translate))]
        if r.details:
            lines += ["", r.details]
        return "\n".join(lines)

    def open_selected_mailbox(self) -> None:
        """The mailbox of the selected alerts, on the tab the (first) alert concerns."""
        mailbox = self.selected_mailbox()
        if mailbox is not None:
            self.open_mailbox_tab.emit(mailbox, alert_tab(self.selected_rows()[0]))

    def open_selected_profile(self) -> None:
        profile = self.selected_profile()
        if profile is not None:
            self.open_profile.emit(profile)

    def test_selected_again(self) -> None:
        mailbox = self.selected_mailbox()
        if mailbox is not None:
            self.test_again.emit(mailbox)

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
