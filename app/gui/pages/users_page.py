"""The Users & queues page (docs/product-rules.md §6): every user and queue with its mailbox;
creating, editing, deactivating and activating them; adding many from Exchange's address book
or a CSV file. Each new user or queue gets its mailbox at once, with the default email server
profile, as in Dynamics; the page then offers to open that mailbox (``open_mailbox``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QWidget

from app.domain.enums import OwnerKind
from app.gui import messages
from app.gui.forms.ui_users_page import Ui_UsersPage
from app.gui.i18n import translate
from app.gui.models.table_models import Column, RowTableModel, SearchProxy
from app.gui.widgets.tables import setup_table
from app.store import owners
from app.store.owners import CreatedOwner, OwnerRow

if TYPE_CHECKING:  # the dialogs are imported when first opened: the main window opens sooner
    from app.gui.windows.address_book_dialog import AddressBookDialog
    from app.gui.windows.csv_import_dialog import CsvImportDialog
    from app.gui.windows.owner_dialog import OwnerDialog

ALL = "all"


def owner_columns() -> list[Column]:
    active, inactive = translate("Lists", "Active"), translate("Lists", "Inactive")
    return [
        Column(translate("Lists", "Kind"), lambda r: r.kind),
        Column(translate("Lists", "Name"), lambda r: r.name),
        Column(translate("Lists", "Primary email"), lambda r: r.email),
        Column(translate("Lists", "Status"), lambda r: active if r.is_active else inactive),
        Column(translate("Lists", "Mailbox"), lambda r: r.mailbox_name or translate("Lists", "(none)")),
        Column(translate("Lists", "Email address approval"), lambda r: r.approval),
        Column(translate("Lists", "Mailbox status"), lambda r: r.mailbox_status),
        Column(translate("Lists", "Server profile"), lambda r: r.profile_name),
    ]


class UsersPage(QWidget):
    open_mailbox = Signal(int)  # a mailbox id: the main window opens its editor
    options_requested = Signal(int)  # a user id: the main window opens the personal options
    changed = Signal()  # users, queues or mailboxes were added or changed: other lists refresh

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_UsersPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = RowTableModel(owner_columns(), self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.accept_row = self._kind_shown
        setup_table(ui.table, self.proxy, name="users", sort_column=1, alternating_rows=True, stretch_last=True)
        ui.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        ui.kindFilter.addItem(self.tr("Users and queues"), ALL)
        ui.kindFilter.addItem(self.tr("Users"), OwnerKind.USER.value)
        ui.kindFilter.addItem(self.tr("Queues"), OwnerKind.QUEUE.value)
        ui.kindFilter.currentIndexChanged.connect(self._filter_changed)
        ui.search.textChanged.connect(self._search_changed)
        ui.table.doubleClicked.connect(lambda _index: self.edit_selected())
        ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.newUserButton.clicked.connect(lambda: self.new_owner(OwnerKind.USER))
        ui.newQueueButton.clicked.connect(lambda: self.new_owner(OwnerKind.QUEUE))
        ui.addressBookButton.clicked.connect(self.add_from_address_book)
        ui.importButton.clicked.connect(self.import_csv)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.activeButton.clicked.connect(self.toggle_active)
        ui.openMailboxButton.clicked.connect(self.open_selected_mailbox)
        ui.optionsButton.clicked.connect(self.request_options)
        self.dialog: OwnerDialog | AddressBookDialog | CsvImportDialog | None = None
        self.refresh()

    # --- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_row()
        self.model.set_rows(owners.owner_rows())
        if selected is not None:
            self.select(selected.kind, selected.id)
        profile = owners.default_profile()
        if profile is None:
            note = self.tr(
                "No default email server profile is set: new users and queues get a mailbox without a "
                "profile. Choose one on each mailbox, or set the default in the system settings."
            )
        else:
            note = self.tr("New users and queues get a mailbox with the default email server profile “%1”.").replace(
                "%1", profile.name
            )
        self.ui.profileNote.setText(note)
        self._update()

    def _kind_shown(self, row: OwnerRow) -> bool:
        shown = self.ui.kindFilter.currentData()
        return shown == ALL or row.kind.value == shown

    def _filter_changed(self, *_args: object) -> None:
        self.proxy.refilter()
        self._update()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update()

    def visible_rows(self) -> list[OwnerRow]:
        return [self.proxy.row_at(i) for i in range(self.proxy.rowCount())]

    def selected_row(self) -> OwnerRow | None:
        rows = self.ui.table.selectionModel().selectedRows() if self.ui.table.selectionModel() else []
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select(self, kind: OwnerKind, owner_id: int) -> bool:
        for i in range(self.proxy.rowCount()):
            row = self.proxy.row_at(i)
            if row.kind is kind and row.id == owner_id:
                self.ui.table.selectRow(i)
                return True
        return False

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update()

    def _update(self) -> None:
        ui, row = self.ui, self.selected_row()
        ui.editButton.setEnabled(row is not None)
        ui.activeButton.setEnabled(row is not None)
        ui.activeButton.setText(
            self.tr("Ac&tivate") if row is not None and not row.is_active else self.tr("Deac&tivate")
        )
        ui.openMailboxButton.setEnabled(row is not None and row.mailbox_id is not None)
        ui.optionsButton.setEnabled(row is not None and row.kind is OwnerKind.USER)
        ui.countLabel.setText(
            self.tr("%1 of %2 shown").replace("%1", str(self.proxy.rowCount())).replace("%2", str(len(self.model.rows)))
        )

    # --- actions -----------------------------------------------------------------------------

    def _open(self, dialog: OwnerDialog | AddressBookDialog | CsvImportDialog) -> None:
        self.dialog = dialog
        dialog.show()

    def new_owner(self, kind: OwnerKind) -> OwnerDialog:
        from app.gui.windows.owner_dialog import OwnerDialog

        dialog = OwnerDialog(kind, parent=self)
        dialog.saved.connect(self._owner_saved)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> OwnerDialog | None:
        from app.gui.windows.owner_dialog import OwnerDialog

        row = self.selected_row()
        if row is None:
            return None
        dialog = OwnerDialog(row.kind, row.id, parent=self)
        dialog.saved.connect(self._owner_saved)
        self._open(dialog)
        return dialog

    def _owner_saved(self, created: CreatedOwner | None) -> None:
        self.refresh()
        self.changed.emit()
        if created is None:
            return
        self.select(created.kind, created.owner_id)
        kind = self.tr("user") if created.kind is OwnerKind.USER else self.tr("queue")
        if created.profile_name:
            text = self.tr(
                "The %1 and its mailbox were created; the mailbox has the email server profile “%2”. "
                "Open the mailbox now to approve its email address and enter its credentials?"
            ).replace("%2", created.profile_name)
        else:
            text = self.tr(
                "The %1 and its mailbox were created, without an email server profile: no default profile is "
                "set. Open the mailbox now to choose a profile, approve its email address and enter its "
                "credentials?"
            )
        messages.confirm(
            self,
            self.tr("Mailbox created"),
            text.replace("%1", kind),
            lambda: self.open_mailbox.emit(created.mailbox_id),
        )

    def toggle_active(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.is_active:
            title = self.tr("Deactivate")
            text = self.tr(
                "Deactivate “%1”? Its mailbox is no longer synchronized. Its mailbox, emails, appointments, "
                "contacts and tasks are kept, and Activate starts the synchronization again."
            )
        else:
            title = self.tr("Activate")
            text = self.tr("Activate “%1”? Its mailbox is synchronized again as its settings say.")
        messages.confirm(self, title, text.replace("%1", row.name), lambda: self._set_active(row, not row.is_active))

    def _set_active(self, row: OwnerRow, active: bool) -> None:
        owners.set_owner_active(row.kind, row.id, active)
        self.refresh()
        self.changed.emit()

    def open_selected_mailbox(self) -> None:
        row = self.selected_row()
        if row is not None and row.mailbox_id is not None:
            self.open_mailbox.emit(row.mailbox_id)

    def request_options(self) -> None:
        row = self.selected_row()
        if row is not None and row.kind is OwnerKind.USER:
            self.options_requested.emit(row.id)

    def add_from_address_book(self) -> AddressBookDialog:
        from app.gui.windows.address_book_dialog import AddressBookDialog

        dialog = AddressBookDialog(self)
        dialog.added.connect(self._added)
        self._open(dialog)
        return dialog

    def _added(self, _count: int) -> None:
        self.refresh()
        self.changed.emit()

    def import_csv(self) -> CsvImportDialog:
        from app.gui.windows.csv_import_dialog import CsvImportDialog

        dialog = CsvImportDialog(self)
        dialog.imported.connect(self._imported)
        self._open(dialog)
        return dialog

    def _imported(self, count: int) -> None:
        self.refresh()
        self.changed.emit()
        messages.show_info(
            self,
            self.tr("Import users and queues"),
            self.tr("Imported %1 users and queues, each with its mailbox.").replace("%1", str(count)),
        )
