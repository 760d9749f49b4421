"""The Records page (docs/product-rules.md §6): what the synchronization keeps in the store, and
where the admin writes email and edits appointments, contacts and tasks.

Tabs: Email (the detail of the selected email below the list), Appointments, Contacts, Tasks, and
Undeliverable or failed email (outgoing emails Exchange refused, incoming ones that could not be
processed). Each list is a SQL-backed model (app.gui.pages.records_lists): a tab's query runs when
the tab is first shown, and a refresh reads the shown tab again at once and the others when next
shown. The page opens the compose window, an email's own window, the record editors and the
conflict log entry; ``open_mailbox`` asks the main window for a mailbox's editor.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.domain.enums import RecordType
from app.domain.records import ComposeKind
from app.gui import messages
from app.gui.forms.ui_records_page import Ui_RecordsPage
from app.gui.pages.records_lists import RECORD_TYPES, ListKind, RecordsList
from app.gui.windows.compose_window import ComposeWindow
from app.gui.windows.conflict_dialog import ConflictDialog
from app.gui.windows.email_window import EmailWindow
from app.gui.windows.record_editor import RecordEditor
from app.gui.windows.record_editor_forms import EDITORS
from app.store import record_edits

TAB_ORDER = (ListKind.EMAIL, ListKind.APPOINTMENT, ListKind.CONTACT, ListKind.TASK, ListKind.FAILED)


class RecordsPage(QWidget):
    open_mailbox = Signal(int)  # a mailbox id: the main window opens its editor
    changed = Signal()  # the admin created, changed, sent or deleted something here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordsPage()
        self.ui.setupUi(self)
        ui = self.ui
        hosts = (
            ui.emailTabLayout,
            ui.appointmentsTabLayout,
            ui.contactsTabLayout,
            ui.tasksTabLayout,
            ui.failedTabLayout,
        )
        self._hosts = dict(zip(TAB_ORDER, hosts, strict=True))
        self.lists: dict[ListKind, RecordsList] = {}  # each made when its tab is first shown
        self._stale: set[ListKind] = set()
        self.windows: list[QWidget] = []  # open windows, kept alive while open
        ui.tabs.currentChanged.connect(self._tab_changed)

    # --- the lists -----------------------------------------------------------------------------

    def list_of(self, kind: ListKind) -> RecordsList:
        records = self.lists.get(kind)
        if records is None:
            records = self.lists[kind] = RecordsList(kind, self)
            self._hosts[kind].addWidget(records)
            records.show()  # added to a shown page: shown now, not after the next event loop turn
            records.open_requested.connect(self._open)
            records.new_requested.connect(self._new)
            records.answer_requested.connect(self.answer)
            records.retry_requested.connect(self.retry)
            records.delete_requested.connect(self._delete)
            records.conflict_requested.connect(self.show_conflict)
        return records

    def current(self) -> RecordsList:
        return self.list_of(TAB_ORDER[self.ui.tabs.currentIndex()])

    def show_tab(self, kind: ListKind) -> RecordsList:
        self.ui.tabs.setCurrentIndex(TAB_ORDER.index(kind))
        records = self.list_of(kind)
        records.ensure_table()
        return records

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tab_changed(self.ui.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        kind = TAB_ORDER[index]
        if not self.isVisible():
            return
        records = self.list_of(kind)
        if not records.table_ready:  # first show: its first query
            records.ensure_table()
        elif kind in self._stale:
            records.refresh()
        self._stale.discard(kind)

    def refresh(self) -> None:
        """Read the shown list again now, the others when next shown (after sync cycles, edits)."""
        shown = TAB_ORDER[self.ui.tabs.currentIndex()]
        self._stale = set(TAB_ORDER) - {shown}
        if self.isVisible() and shown in self.lists:
            self.lists[shown].refresh()
        else:
            self._stale.add(shown)

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    # --- opening things ------------------------------------------------------------------------

    def _keep(self, window: QWidget) -> QWidget:
        self.windows = [w for w in self.windows if w.isVisible()]
        self.windows.append(window)
        window.show()
        return window

    def _open(self, kind: str, record_id: int) -> QWidget | None:
        list_kind = ListKind(kind)
        if list_kind is ListKind.EMAIL:
            return self.open_email(record_id)
        if list_kind in RECORD_TYPES:
            return self.edit_record(RECORD_TYPES[list_kind], record_id)
        return None

    def _new(self, kind: str) -> QWidget | None:
        list_kind = ListKind(kind)
        if list_kind is ListKind.EMAIL:
            return self.compose()
        return self.edit_record(RECORD_TYPES[list_kind], None)

    def open_email(self, email_id: int) -> EmailWindow:
        window = EmailWindow(email_id, self)
        window.answer_requested.connect(self.answer)
        window.open_email.connect(self.open_email)
        window.retry_requested.connect(self.retry)
        self._keep(window)
        return window

    def compose(self, kind: ComposeKind = ComposeKind.NEW, answered_id: int | None = None) -> ComposeWindow:
        window = ComposeWindow(kind, answered_id, parent=self)
        window.sent.connect(self._email_sent)
        self._keep(window)
        return window

    def _email_sent(self, _email_id: int) -> None:
        self._changed()

    def _record_changed(self, _record_type: str, _record_id: int) -> None:
        self._changed()

    def answer(self, email_id: int, kind: str) -> ComposeWindow:
        return self.compose(ComposeKind(kind), email_id)

    def retry(self, email_id: int) -> ComposeWindow | None:
        """An email Exchange refused: its window, showing it Failed, with Retry (which sends it now)."""
        window = ComposeWindow.for_sent_email(email_id, self)
        if window is None:
            return None
        window.sent.connect(self._email_sent)
        self._keep(window)
        window.retry()
        return window

    def edit_record(self, record_type: RecordType, record_id: int | None) -> RecordEditor:
        editor = EDITORS[record_type](record_id, self)
        editor.saved.connect(self._record_changed)
        editor.deleted.connect(self._record_changed)
        editor.open_mailbox.connect(self.open_mailbox)
        self._keep(editor)
        return editor

    def show_conflict(self, conflict_id: int) -> ConflictDialog:
        dialog = ConflictDialog(conflict_id, self)
        dialog.open_mailbox.connect(self.open_mailbox)
        self._keep(dialog)
        return dialog

    def _delete(self, record_type: str, record_id: int) -> None:
        kind = RecordType(record_type)
        values = record_edits.load_record(kind, record_id)
        if values is None:
            self.refresh()
            return
        name = getattr(values, "subject", "") or " ".join(
            p for p in (getattr(values, "first_name", ""), getattr(values, "last_name", "")) if p
        )
        messages.confirm_action(
            self,
            self.tr("Delete"),
            self.tr("Delete “%1”? If it is in Exchange, its item there is deleted with the next cycle.").replace(
                "%1", name
            ),
            self.tr("Delete"),
            lambda: self._deleted(kind, record_id),
        )

    def _deleted(self, kind: RecordType, record_id: int) -> None:
        record_edits.delete_record(kind, record_id)
        self._changed()
