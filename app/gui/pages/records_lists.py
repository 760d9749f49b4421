"""One list of the Records page (ui/records_list.ui): its columns, its search box and filters, its
buttons and, for emails, the detail of the selected one below the list.

The list is a ``SqlTableModel``: sorting (a click on a header), searching (as you type, after a
short pause) and filtering run in SQL; only the rows in view are read. Filters: mailbox, owner,
direction and status (emails), the state with Exchange (appointments, contacts, tasks), and a
date range (emails, appointments by start, tasks by due date, failures by time).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta, timezone
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, QModelIndex, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPlainTextEdit, QWidget

from app.domain.enums import EmailDirection, EmailStatus, RecordType, SyncState
from app.gui.forms.ui_records_list import Ui_RecordsList
from app.gui.i18n import alert_text, enum_text, format_time, translate
from app.gui.models.sql_table_model import SqlColumn, SqlSortProxy, SqlTableModel
from app.gui.widgets.email_detail import EmailDetail
from app.gui.widgets.tables import setup_table
from app.store.models import Mailbox, Queue, SystemUser
from app.store.records import APPOINTMENTS, CONTACTS, EMAILS, FAILED, TASKS, ListQuery, RecordList, RecordRow

SEARCH_DELAY_MS = 80  # typing pauses this long before the list searches
NO_DATE = QDate(2000, 1, 1)  # a date filter at its minimum shows "Any"


class ListKind(str, Enum):
    EMAIL = "email"
    APPOINTMENT = "appointment"
    CONTACT = "contact"
    TASK = "task"
    FAILED = "failed"


_DIRECTED = (ListKind.EMAIL, ListKind.FAILED)
# a column's starting width in characters, by its sort key (others: 14)
_WIDTHS = {
    "date": 20,
    "subject": 38,
    "sender": 26,
    "to": 26,
    "direction": 11,
    "status": 14,
    "token": 12,
    "start": 22,
    "end": 22,
    "location": 18,
    "name": 22,
    "email": 26,
    "company": 16,
    "due": 20,
    "percent_complete": 10,
    "is_complete": 10,
    "reason": 44,
    "mailbox": 18,
    "workload": 14,
}
RECORD_TYPES = {
    ListKind.APPOINTMENT: RecordType.APPOINTMENT,
    ListKind.CONTACT: RecordType.CONTACT,
    ListKind.TASK: RecordType.TASK,
}

_RED, _AMBER, _GREEN, _GREY = QColor("#b3261e"), QColor("#9a6700"), QColor("#1b7f3b"), QColor("#5f6368")
_EMAIL_COLOURS = {
    EmailStatus.FAILED: _RED,
    EmailStatus.PENDING_SEND: _AMBER,
    EmailStatus.SENDING: _AMBER,
    EmailStatus.SENT: _GREEN,
}
_STATE_COLOURS = {
    SyncState.SYNCED: _GREEN,
    SyncState.PENDING: _AMBER,
    SyncState.CONFLICT: _RED,
    SyncState.UNLINKED: _GREY,
    SyncState.NOT_SYNCED: _GREY,
}


def state_text(row: RecordRow) -> str:
    if row.state is SyncState.CONFLICT and row.conflict is not None:
        kept = (
            translate("RecordsPage", "store's version kept")
            if row.conflict.winner == "store"
            else translate("RecordsPage", "Exchange's version kept")
        )
        return translate("RecordsPage", "Conflict: %1").replace("%1", kept)
    return enum_text(row.state)


def _when(row: RecordRow, name: str) -> str:
    value = row.values.get(name)
    if value is None:
        return ""
    if row.values.get("is_all_day"):
        shown = value - timedelta(days=1) if name == "end" else value
        return shown.astimezone(timezone.utc).strftime("%Y-%m-%d") + " " + translate("RecordsPage", "(all day)")
    return format_time(value)


def _state_column() -> SqlColumn:
    return SqlColumn(
        translate("RecordsPage", "Exchange"), "state", state_text, colour=lambda r: _STATE_COLOURS.get(r.state)
    )


def columns_for(kind: ListKind) -> list[SqlColumn]:
    if kind is ListKind.EMAIL:
        return [
            SqlColumn(translate("RecordsPage", "Date"), "date", lambda r: r.shown_on),
            SqlColumn(
                translate("RecordsPage", "Subject"),
                "subject",
                lambda r: r.subject or translate("RecordsPage", "(no subject)"),
                tooltip=lambda r: r.subject,
            ),
            SqlColumn(translate("RecordsPage", "From"), "sender", lambda r: r.sender),
            SqlColumn(translate("RecordsPage", "To"), "to", lambda r: r.to_recipients.replace(";", "; ")),
            SqlColumn(translate("RecordsPage", "Direction"), "direction", lambda r: r.direction),
            SqlColumn(
                translate("RecordsPage", "Status"),
                "status",
                lambda r: r.status,
                colour=lambda r: _EMAIL_COLOURS.get(r.status),
            ),
            SqlColumn(translate("RecordsPage", "Tracking token"), "token", lambda r: r.tracking_token),
        ]
    if kind is ListKind.APPOINTMENT:
        return [
            SqlColumn(translate("RecordsPage", "Subject"), "subject", lambda r: r.title),
            SqlColumn(translate("RecordsPage", "Start"), "start", lambda r: _when(r, "start")),
            SqlColumn(translate("RecordsPage", "End"), "end", lambda r: _when(r, "end")),
            SqlColumn(translate("RecordsPage", "Location"), "location", lambda r: r.values["location"]),
            _state_column(),
        ]
    if kind is ListKind.CONTACT:
        return [
            SqlColumn(translate("RecordsPage", "Name"), "name", lambda r: r.title),
            SqlColumn(translate("RecordsPage", "Email"), "email", lambda r: r.values["email"]),
            SqlColumn(translate("RecordsPage", "Company"), "company", lambda r: r.values["company"]),
            SqlColumn(translate("RecordsPage", "Job title"), "job_title", lambda r: r.values["job_title"]),
            SqlColumn(
                translate("RecordsPage", "Business phone"), "business_phone", lambda r: r.values["business_phone"]
            ),
            _state_column(),
        ]
    if kind is ListKind.TASK:
        return [
            SqlColumn(translate("RecordsPage", "Subject"), "subject", lambda r: r.title),
            SqlColumn(translate("RecordsPage", "Due date"), "due", lambda r: r.values["due"]),
            SqlColumn(
                translate("RecordsPage", "% complete"),
                "percent_complete",
                lambda r: r.values["percent_complete"],
                align_right=True,
            ),
            SqlColumn(translate("RecordsPage", "Completed"), "is_complete", lambda r: r.values["is_complete"]),
            _state_column(),
        ]
    return [
        SqlColumn(translate("RecordsPage", "Time"), "date", lambda r: r.happened_on),
        SqlColumn(translate("RecordsPage", "Workload"), "workload", lambda r: r.workload),
        SqlColumn(translate("RecordsPage", "Mailbox"), "mailbox", lambda r: r.mailbox_name),
        SqlColumn(translate("RecordsPage", "Subject"), "subject", lambda r: r.subject),
        SqlColumn(
            translate("RecordsPage", "Reason"),
            "reason",
            alert_text,
            tooltip=lambda r: r.failure_reason or alert_text(r),
        ),
        SqlColumn(
            translate("RecordsPage", "Email status"),
            "status",
            lambda r: r.email_status,
            colour=lambda r: _EMAIL_COLOURS.get(r.email_status),
        ),
    ]


LISTS: dict[ListKind, RecordList] = {
    ListKind.EMAIL: EMAILS,
    ListKind.APPOINTMENT: APPOINTMENTS,
    ListKind.CONTACT: CONTACTS,
    ListKind.TASK: TASKS,
    ListKind.FAILED: FAILED,
}


class RecordsList(QWidget):
    """One tab of the Records page. It asks the page to open things; it opens nothing itself."""

    open_requested = Signal(str, int)  # list kind value, id (email, record or alert)
    new_requested = Signal(str)  # list kind value
    answer_requested = Signal(int, str)  # email id, ComposeKind value
    retry_requested = Signal(int)  # email id
    delete_requested = Signal(str, int)  # record type value, record id
    conflict_requested = Signal(int)  # conflict log id

    def __init__(self, kind: ListKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.ui = Ui_RecordsList()
        self.ui.setupUi(self)
        self.model = SqlTableModel(LISTS[kind], columns_for(kind), self)
        self.proxy = SqlSortProxy(self)
        self.proxy.setSourceModel(self.model)
        default = self.model.sort_column()
        # the proxy hands each sort to the model: the first one (setup_table's) runs the first query,
        # so the table is given its model when the list is first shown (a hidden tab costs nothing)
        self._setup_args = dict(sort_column=default, alternating_rows=True, stretch_last=True)
        self._table_ready = False
        self.detail: EmailDetail | None = None
        self.alert_details: QPlainTextEdit | None = None
        self._search = QTimer(self)
        self._search.setSingleShot(True)
        self._search.setInterval(SEARCH_DELAY_MS)
        self._search.timeout.connect(self.apply_filters)
        self._setup_filters()
        self._setup_buttons()
        self._setup_detail()
        self.model.query_changed.connect(self._update)
        self.model.ids_loaded.connect(self._update)

    # --- set-up --------------------------------------------------------------------------------

    @property
    def table_ready(self) -> bool:
        return self._table_ready

    def ensure_table(self) -> None:
        """Give the table its model (and so run the first query) once."""
        if self._table_ready:
            return
        self._table_ready = True
        ui = self.ui
        header = ui.table.horizontalHeader()
        # a column fitted to its contents is measured over the rows in view only (Qt's default
        # reads a thousand rows, at every change: each chunk of ids read would mean ten pages)
        header.setResizeContentsPrecision(0)
        self.model.held = True  # set up while empty: no column is measured over thousands of rows
        setup_table(ui.table, self.proxy, **self._setup_args)  # type: ignore[arg-type]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.model.held = False
        self.model.ensure_started()
        letter = ui.table.fontMetrics().averageCharWidth()
        for column, spec in enumerate(self.model.columns):  # about as wide as their usual contents
            characters = _WIDTHS.get(spec.sort, 14)
            header.resizeSection(column, max(header.sectionSizeFromContents(column).width(), letter * characters + 12))
        ui.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        ui.table.verticalHeader().setDefaultSectionSize(ui.table.fontMetrics().height() + 8)
        ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.table.doubleClicked.connect(self._double_clicked)
        self._update()

    def _setup_filters(self) -> None:
        ui, kind = self.ui, self.kind
        ui.search.textChanged.connect(lambda _text: self._search.start())
        ui.mailboxFilter.addItem(translate("RecordsPage", "All mailboxes"), None)
        for mailbox in Mailbox.select(Mailbox.id, Mailbox.name, Mailbox.email).order_by(Mailbox.name):
            ui.mailboxFilter.addItem(f"{mailbox.name} <{mailbox.email}>", mailbox.id)
        ui.ownerFilter.addItem(translate("RecordsPage", "All owners"), None)
        for user in SystemUser.select(SystemUser.id, SystemUser.name).order_by(SystemUser.name):
            ui.ownerFilter.addItem(user.name, ("user", user.id))
        if kind in (ListKind.EMAIL, ListKind.FAILED):
            for queue in Queue.select(Queue.id, Queue.name).order_by(Queue.name):
                ui.ownerFilter.addItem(
                    translate("RecordsPage", "%1 (queue)").replace("%1", queue.name), ("queue", queue.id)
                )
        ui.directionFilter.addItem(translate("RecordsPage", "Incoming and outgoing"), None)
        for direction in EmailDirection:
            ui.directionFilter.addItem(enum_text(direction), direction)
        ui.directionFilter.setVisible(kind in (ListKind.EMAIL, ListKind.FAILED))
        if kind is ListKind.EMAIL:
            ui.statusFilter.addItem(translate("RecordsPage", "Every status"), None)
            for status in (
                EmailStatus.RECEIVED,
                EmailStatus.PENDING_SEND,
                EmailStatus.SENDING,
                EmailStatus.SENT,
                EmailStatus.FAILED,
            ):
                ui.statusFilter.addItem(enum_text(status), status)
        elif kind is ListKind.FAILED:
            ui.statusFilter.setVisible(False)
        else:
            ui.statusFilter.addItem(translate("RecordsPage", "Any state in Exchange"), None)
            ui.statusFilter.addItem(translate("RecordsPage", "Not in sync (pending)"), SyncState.PENDING)
            for state in (SyncState.CONFLICT, SyncState.SYNCED, SyncState.UNLINKED):
                ui.statusFilter.addItem(enum_text(state), state)
        for edit in (ui.since, ui.until):
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(translate("RecordsPage", "Any"))
            edit.setDate(NO_DATE)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _date: self.apply_filters())
        dated = kind is not ListKind.CONTACT
        for widget in (ui.sinceLabel, ui.since, ui.untilLabel, ui.until):
            widget.setVisible(dated)
        if kind is ListKind.APPOINTMENT:
            ui.sinceLabel.setText(translate("RecordsPage", "&Starts from"))
        elif kind is ListKind.TASK:
            ui.sinceLabel.setText(translate("RecordsPage", "D&ue from"))
        for combo in (ui.mailboxFilter, ui.ownerFilter, ui.directionFilter, ui.statusFilter):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filters())
        ui.clearFiltersButton.clicked.connect(self.clear_filters)
        ui.search.setPlaceholderText(
            {
                ListKind.EMAIL: translate("RecordsPage", "Search subject, addresses, tracking token"),
                ListKind.APPOINTMENT: translate("RecordsPage", "Search subject, location, category"),
                ListKind.CONTACT: translate("RecordsPage", "Search names, email, company, phone"),
                ListKind.TASK: translate("RecordsPage", "Search subject"),
                ListKind.FAILED: translate("RecordsPage", "Search reason, subject, details"),
            }[kind]
        )

    def _setup_buttons(self) -> None:
        """New, Open, Show conflict, Delete (answering and Retry are the email detail's)."""
        ui, kind = self.ui, self.kind
        records = kind in RECORD_TYPES
        ui.newButton.setText(
            {
                ListKind.EMAIL: translate("RecordsPage", "&New email…"),
                ListKind.APPOINTMENT: translate("RecordsPage", "&New appointment…"),
                ListKind.CONTACT: translate("RecordsPage", "&New contact…"),
                ListKind.TASK: translate("RecordsPage", "&New task…"),
                ListKind.FAILED: "",
            }[kind]
        )
        ui.newButton.setVisible(kind is not ListKind.FAILED)
        ui.deleteButton.setVisible(records)
        ui.conflictButton.setVisible(records)
        ui.newButton.clicked.connect(lambda: self.new_requested.emit(self.kind.value))
        ui.openButton.clicked.connect(self.open_selected)
        ui.deleteButton.clicked.connect(self._delete)
        ui.conflictButton.clicked.connect(self._conflict)

    def _setup_detail(self) -> None:
        ui = self.ui
        if self.kind not in (ListKind.EMAIL, ListKind.FAILED):
            ui.detailHost.setVisible(False)
            return
        if self.kind is ListKind.FAILED:
            self.alert_details = QPlainTextEdit(ui.detailHost)
            self.alert_details.setReadOnly(True)
            self.alert_details.setAccessibleName(translate("RecordsPage", "Why it failed"))
            self.alert_details.setMaximumHeight(ui.table.fontMetrics().height() * 7)
            ui.detailLayout.addWidget(self.alert_details)
        self.detail = EmailDetail(ui.detailHost)
        ui.detailLayout.addWidget(self.detail)
        self.detail.answer_requested.connect(self.answer_requested)
        self.detail.retry_requested.connect(self.retry_requested)
        self.detail.open_email.connect(lambda email_id: self.open_requested.emit(ListKind.EMAIL.value, email_id))
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 1)

    # --- the query -----------------------------------------------------------------------------

    def query(self) -> ListQuery:
        ui = self.ui
        owner = ui.ownerFilter.currentData()
        since = ui.since.date()
        until = ui.until.date()
        direction = ui.directionFilter.currentData()  # the combo hands back an enum's value
        status = ui.statusFilter.currentData()
        return replace(
            self.model.query,
            search=ui.search.text().strip(),
            mailbox_id=ui.mailboxFilter.currentData(),
            owner_user_id=owner[1] if owner is not None and owner[0] == "user" else None,
            owner_queue_id=owner[1] if owner is not None and owner[0] == "queue" else None,
            direction=EmailDirection(direction) if direction and self.kind in _DIRECTED else None,
            status=EmailStatus(status) if status and self.kind is ListKind.EMAIL else None,
            sync_state=SyncState(status) if status and self.kind in RECORD_TYPES else None,
            since=_midnight(since) if since != NO_DATE else None,
            until=_midnight(until) + timedelta(days=1) if until != NO_DATE else None,
        )

    def apply_filters(self) -> None:
        """Run the query the filters and the search box say (the selection is kept when it still shows)."""
        self._search.stop()
        query = self.query()
        if query == self.model.query and self.model.started:
            return
        selected = self.selected_id()
        self.model.set_query(query)
        if selected is not None:
            self.select_id(selected, search_all=False)

    def clear_filters(self) -> None:
        ui = self.ui
        widgets = (ui.search, ui.mailboxFilter, ui.ownerFilter, ui.directionFilter, ui.statusFilter, ui.since, ui.until)
        for widget in widgets:
            widget.blockSignals(True)
        ui.search.clear()
        for combo in (ui.mailboxFilter, ui.ownerFilter, ui.directionFilter, ui.statusFilter):
            combo.setCurrentIndex(0)
        ui.since.setDate(NO_DATE)
        ui.until.setDate(NO_DATE)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filters()

    def refresh(self) -> None:
        """The same query again (after a sync or an edit): the selected row stays selected."""
        if not self._table_ready:
            return
        selected = self.selected_id()
        self.model.refresh()
        if selected is not None:
            self.select_id(selected)
        self._selection_changed()

    # --- selection -----------------------------------------------------------------------------

    def selected_row(self) -> int | None:
        model = self.ui.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.proxy.mapToSource(rows[0]).row() if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return self.model.id_at(row) if row is not None else None

    def selected(self) -> Any:
        row = self.selected_row()
        return self.model.row_at(row) if row is not None else None

    def select_id(self, record_id: int, *, search_all: bool = True) -> bool:
        """Select the record when the list shows it; *search_all* False looks among the first ids only."""
        if search_all:
            row = self.model.row_of(record_id)
        else:
            ids = self.model.ids
            row = ids.index(record_id) if record_id in ids else None
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.ui.table.selectRow(index.row())
        self.ui.table.scrollTo(index)
        return True

    def _selection_changed(self, *_args: QItemSelection) -> None:
        self._update()
        if self.detail is None:
            return
        row = self.selected()
        if self.kind is ListKind.EMAIL:
            self.detail.show_email(row.id if row is not None else None)
            return
        assert self.alert_details is not None
        self.detail.show_email(row.email_id if row is not None else None)
        self.alert_details.setPlainText(self._alert_text(row) if row is not None else "")

    def _alert_text(self, row: Any) -> str:
        lines = [alert_text(row)]
        if row.failure_reason:
            lines.append(translate("RecordsPage", "Exchange's reason: %1").replace("%1", row.failure_reason))
        if row.details:
            lines += ["", row.details]
        return "\n".join(lines)

    def _update(self, *_args: object) -> None:
        ui, row = self.ui, self.selected()
        has_row = row is not None
        ui.openButton.setEnabled(has_row and (self.kind is not ListKind.FAILED or row.email_id is not None))
        ui.deleteButton.setEnabled(has_row)
        ui.conflictButton.setEnabled(has_row and isinstance(row, RecordRow) and row.conflict is not None)
        count = self.model.total
        if not self._table_ready:
            ui.countLabel.setText("")
        elif self.model.all_loaded():
            ui.countLabel.setText(self.tr("%n row(s)", "", count))
        else:  # the ids are still being read
            ui.countLabel.setText(self.tr("%n row(s) so far…", "", count))

    # --- actions -------------------------------------------------------------------------------

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.open_selected()

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.kind is ListKind.FAILED:
            if row.email_id is not None:
                self.open_requested.emit(ListKind.EMAIL.value, row.email_id)
            return
        self.open_requested.emit(self.kind.value, row.id)

    def _delete(self) -> None:
        row = self.selected()
        if isinstance(row, RecordRow):
            self.delete_requested.emit(row.record_type.value, row.id)

    def _conflict(self) -> None:
        row = self.selected()
        if isinstance(row, RecordRow) and row.conflict is not None:
            self.conflict_requested.emit(row.conflict.id)


def _midnight(day: QDate) -> datetime:
    """The start of a local day, in UTC."""
    local = datetime.combine(datetime(day.year(), day.month(), day.day()).date(), time())
    return local.astimezone().astimezone(timezone.utc)
