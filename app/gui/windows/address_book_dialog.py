"""Adding users from Exchange's address book: search it through an email server profile (EWS
ResolveNames, in a worker thread), tick the people found, and Add creates each as a user with its
mailbox. People who already are a user, a queue or a mailbox cannot be ticked, and are skipped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidgetItem, QWidget

from app.domain.cancel import CancelToken
from app.domain.escalation import Failure
from app.domain.i18n import failure_text, next_step_text
from app.domain.owners import email_key
from app.domain.validation import ValidationError
from app.gui.forms.ui_address_book_dialog import Ui_AddressBookDialog
from app.gui.i18n import translate
from app.gui.windows.base import Dialog
from app.gui.workers import WorkerHandle, background_imports, start_worker
from app.store import owners, queries

NAME, EMAIL, NOTE = range(3)
ERROR_STYLE = "color: #b3261e;"


@dataclass(frozen=True)
class Person:
    """One entry found (app.exchange.address_book.DirectoryPerson, without importing the engine here)."""

    name: str
    email: str


@dataclass(frozen=True)
class SearchOutcome:
    people: tuple[Person, ...]
    failure: Failure | None = None


def search_in_background(profile_id: int, text: str, *, progress: Any, cancel: CancelToken) -> SearchOutcome:
    """Runs in the worker thread: the engine and exchangelib load there, and every failure comes
    back classified (a message and a next step), never as a traceback."""
    with background_imports:
        from app.exchange.address_book import search_address_book
        from app.exchange.connection import PreconditionFailed
        from app.exchange.errors import classify

    try:
        found = search_address_book(profile_id, text, cancel)
    except PreconditionFailed as exc:
        return SearchOutcome((), exc.failure)
    except Exception as exc:  # noqa: BLE001 - every failure is shown classified
        return SearchOutcome((), classify(exc))
    return SearchOutcome(tuple(Person(p.name, p.email) for p in found))


class AddressBookDialog(Dialog):
    default_size = QSize(720, 520)

    added = Signal(int)  # how many users were created

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AddressBookDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.handle: WorkerHandle | None = None
        self._searching = False
        self.people: list[Person] = []
        default = owners.default_profile()
        for choice in queries.profile_choices():
            ui.profile.addItem(choice.name, choice.id)
        if default is not None:
            ui.profile.setCurrentIndex(max(0, ui.profile.findData(default.id)))
        table = ui.results
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Email address"), self.tr("Note")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        ui.query.textChanged.connect(self._update_buttons)
        ui.query.returnPressed.connect(self.search)
        ui.profile.currentIndexChanged.connect(self._update_buttons)
        ui.searchButton.clicked.connect(self.search)
        ui.selectAllButton.clicked.connect(self.select_all)
        ui.addButton.clicked.connect(self.add_checked)
        ui.closeButton.clicked.connect(self.close)
        table.itemChanged.connect(self._update_buttons)
        if ui.profile.count() == 0:
            self._say(self.tr("There is no email server profile yet: create one first, then search through it."))
        else:
            self._say(self.tr("Type the beginning of a name or address, then click Search."))
        self._update_buttons()
        self.restore_geometry()

    # --- searching ---------------------------------------------------------------------------

    def searching(self) -> bool:
        """From Search until its answer is on screen (the thread may end a moment later)."""
        return self._searching

    def search(self) -> None:
        text = self.ui.query.text().strip()
        profile_id = self.ui.profile.currentData()
        if not text or profile_id is None or self.searching():
            return
        self._say(self.tr("Searching the address book through “%1”…").replace("%1", self.ui.profile.currentText()))
        self._searching = True
        self.handle = start_worker(search_in_background, profile_id, text, name="address-book-search")
        self.handle.result.connect(self._found)
        self.handle.finished.connect(self._search_ended)
        self._update_buttons()

    def _search_ended(self) -> None:
        self._searching = False
        self._update_buttons()

    def _found(self, outcome: SearchOutcome) -> None:
        self._searching = False
        if outcome.failure is not None:
            failure = outcome.failure
            text = failure_text(failure, translate)
            if failure.next_step:
                text += "\n" + next_step_text(failure.next_step, translate)
            self.show_people([])
            self._say(self.tr("The address book could not be searched: %1").replace("%1", text), error=True)
            return
        self.show_people(list(outcome.people))

    def show_people(self, people: list[Person]) -> None:
        """The people found, each ticked but those who are already a user, a queue or a mailbox."""
        self.people = people
        taken = owners.taken_addresses().taken
        table = self.ui.results
        table.blockSignals(True)
        table.setRowCount(len(people))
        existing = 0
        for row, person in enumerate(people):
            name = QTableWidgetItem(person.name)
            exists = email_key(person.email) in taken
            if exists:
                existing += 1
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                note = self.tr("Already a user, queue or mailbox: skipped")
            else:
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                name.setCheckState(Qt.CheckState.Unchecked)
                note = ""
            name.setData(Qt.ItemDataRole.UserRole, exists)
            table.setItem(row, NAME, name)
            table.setItem(row, EMAIL, QTableWidgetItem(person.email))
            table.setItem(row, NOTE, QTableWidgetItem(note))
        table.blockSignals(False)
        if not people:
            self._say(self.tr("Nobody in the address book matches “%1”.").replace("%1", self.ui.query.text().strip()))
        else:
            text = self.tr("Found %1. Tick the people to add as users, then click Add.").replace("%1", str(len(people)))
            if existing:
                text += " " + self.tr("%1 of them are already here and are skipped.").replace("%1", str(existing))
            self._say(text)
        self._update_buttons()

    # --- adding ----------------------------------------------------------------------------

    def checked_people(self) -> list[Person]:
        table = self.ui.results
        return [
            self.people[row]
            for row in range(table.rowCount())
            if (item := table.item(row, NAME)) is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, email: str, checked: bool = True) -> None:
        """Tick (or untick) the row of *email*, as a click on its check box does."""
        table = self.ui.results
        for row, person in enumerate(self.people):
            item = table.item(row, NAME)
            checkable = item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
            if checkable and item is not None and person.email.casefold() == email.casefold():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def select_all(self) -> None:
        for person in self.people:
            self.set_checked(person.email)

    def add_checked(self) -> None:
        chosen = self.checked_people()
        if not chosen:
            return
        try:
            result = owners.add_users((p.name, p.email) for p in chosen)
        except ValidationError as exc:
            self._say("\n".join(issue.message(translate) for issue in exc.issues), error=True)
            return
        count = len(result.created)
        profile = result.created[0].profile_name if result.created else ""
        if profile:
            text = self.tr("Added %1 users, each with a mailbox with the email server profile “%2”.")
            text = text.replace("%1", str(count)).replace("%2", profile)
        else:
            text = self.tr("Added %1 users, each with a mailbox without an email server profile (no default is set).")
            text = text.replace("%1", str(count))
        if result.skipped:
            separator = self.tr(", ", "between the items of a list")
            text += " " + self.tr("Skipped, as they already exist: %1.").replace("%1", separator.join(result.skipped))
        self.show_people(self.people)
        self._say(text)
        if count:
            self.added.emit(count)

    # --- the rest ----------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.ui.status.setText(text)
        self.ui.status.setStyleSheet(ERROR_STYLE if error else "")

    def _update_buttons(self, *_args: object) -> None:
        ui = self.ui
        busy = self.searching()
        ui.searchButton.setEnabled(not busy and bool(ui.query.text().strip()) and ui.profile.currentData() is not None)
        ui.addButton.setEnabled(not busy and bool(self.checked_people()))
        ui.selectAllButton.setEnabled(not busy and any(not self._exists(row) for row in range(ui.results.rowCount())))

    def _exists(self, row: int) -> bool:
        item = self.ui.results.item(row, NAME)
        return item is None or bool(item.data(Qt.ItemDataRole.UserRole))

    def done(self, result: int) -> None:
        if self.handle is not None and self.handle.is_running():
            self.handle.cancel()
            self.handle.result.disconnect(self._found)
            self.handle.finished.disconnect(self._search_ended)
        super().done(result)
