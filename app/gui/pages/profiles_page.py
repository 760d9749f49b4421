"""The Email server profiles page: every profile with its mailboxes counted, failing ones and the
last test; the default profile marked; make default, delete (its mailboxes moved first). With no
profile yet, the first step instead: create one. After the wizard, the next steps: add mailboxes,
Test & Enable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from app import secrets
from app.gui import messages
from app.gui.forms.ui_profiles_page import Ui_ProfilesPage
from app.gui.models.columns import profile_columns
from app.gui.models.table_models import RowTableModel, SearchProxy
from app.gui.pages.move_dialog import MoveToProfileDialog, name_list
from app.gui.widgets.tables import setup_table
from app.store import manage
from app.store.manage import ChangeRefused
from app.store.queries import Choice, ProfileRow


class ProfilesPage(QWidget):
    open_profile = Signal(int)
    new_profile = Signal()
    import_profile = Signal()
    add_mailboxes = Signal(int)  # the next step after the wizard: the Users & queues page
    test_profile = Signal(int)  # Test & Enable the profile's mailboxes
    changed = Signal()  # something was written: the window reloads its lists

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProfilesPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = RowTableModel(profile_columns(), self, bold_if=lambda r: r.is_default)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        setup_table(
            ui.table, self.proxy, name="profiles", single_selection=True, alternating_rows=True, stretch_last=True
        )
        ui.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A to Z
        ui.search.textChanged.connect(self.proxy.set_search)
        ui.table.doubleClicked.connect(lambda index: self.open_profile.emit(self.proxy.row_at(index.row()).id))
        ui.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        ui.newButton.clicked.connect(self.new_profile)
        ui.createButton.clicked.connect(self.new_profile)
        ui.importButton.clicked.connect(self.import_profile)
        ui.importEmptyButton.clicked.connect(self.import_profile)
        ui.openButton.clicked.connect(self.open_selected)
        ui.makeDefaultButton.clicked.connect(self.make_selected_default)
        ui.deleteButton.clicked.connect(self.delete_selected)
        font = ui.emptyTitle.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        ui.emptyTitle.setFont(font)
        ui.nextSteps.setStyleSheet("#nextSteps { background: #e8f1fb; border: 1px solid #9cc3e6; }")
        ui.nextStepsLayout.setStretch(0, 1)
        ui.nextStepsClose.clicked.connect(ui.nextSteps.hide)
        self.next_steps_profile = 0  # the profile the next steps are about
        ui.addMailboxesButton.clicked.connect(lambda: self.add_mailboxes.emit(self.next_steps_profile))
        ui.testProfileButton.clicked.connect(lambda: self.test_profile.emit(self.next_steps_profile))
        self._dialog: MoveToProfileDialog | None = None
        self._table_actions()

    def _table_actions(self) -> None:
        """Enter opens the selected profile, Delete deletes it (after asking): on the list only, so
        that the keys keep their meaning in the search box."""
        table = self.ui.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.triggered.connect(self.open_selected)
        self.default_action = QAction(self.tr("Make default"), self)
        self.default_action.triggered.connect(self.make_selected_default)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.triggered.connect(self.delete_selected)
        for action in (self.open_action, self.default_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            table.addAction(action)
        self._update_buttons()

    # --- the list -------------------------------------------------------------------------

    @property
    def search_box(self):
        return self.ui.search

    def set_rows(self, rows: Sequence[ProfileRow]) -> None:
        """The profiles; none: the first step instead of an empty list."""
        self.model.set_rows(rows)
        empty = not rows
        self.ui.stack.setCurrentWidget(self.ui.emptyState if empty else self.ui.listState)
        header = (self.ui.search, self.ui.newButton, self.ui.importButton, self.ui.openButton)
        for widget in (*header, self.ui.makeDefaultButton, self.ui.deleteButton):
            widget.setVisible(not empty)  # the empty page's own buttons say what comes first
        if not self.ui.nextSteps.isHidden():  # shown, even while another page is
            self._update_next_steps()
        self._update_buttons()

    def selected_row(self) -> ProfileRow | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_profile(self, profile_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.row_at(row).id == profile_id:
                self.ui.table.selectRow(row)
                return

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected_row()
        for widget in (self.ui.openButton, self.ui.deleteButton, self.open_action, self.delete_action):
            widget.setEnabled(row is not None)
        can_default = row is not None and not row.is_default
        self.ui.makeDefaultButton.setEnabled(can_default)
        self.default_action.setEnabled(can_default)

    def _context_menu(self, position) -> None:
        if self.selected_row() is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.open_action, self.default_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.ui.table.viewport().mapToGlobal(position))

    # --- actions ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_profile.emit(row.id)

    def make_selected_default(self) -> None:
        row = self.selected_row()
        if row is None or row.is_default:
            return
        manage.set_default_profile(row.id)
        self.changed.emit()

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        using = manage.profile_mailboxes(row.id)
        if using:
            self._move_then_delete(row, using)
            return
        messages.confirm_action(
            self,
            self.tr("Delete email server profile"),
            self.tr("Delete the email server profile %1? Its passwords are removed from the credential store.").replace(
                "%1", row.name
            ),
            self.tr("Delete profile"),
            lambda: self._delete(row.id, None),
        )

    def _move_then_delete(self, row: ProfileRow, using: list[Choice]) -> None:
        """Mailboxes use the profile: it is deleted only after they move to another one."""
        intro = self.tr(
            "The email server profile %1 is used by the mailboxes below. It can be deleted only after they "
            "move to another profile: choose it, then click Move and delete."
        ).replace("%1", row.name)
        dialog = MoveToProfileDialog(
            [m.id for m in using],
            [m.name for m in using],
            intro=intro,
            action=self.tr("&Move and delete"),
            exclude_profile=row.id,
            parent=self,
        )
        dialog.setWindowTitle(self.tr("Delete email server profile"))
        dialog.chosen.connect(lambda target: self._delete(row.id, target))
        self._dialog = dialog
        dialog.open()

    def _delete(self, profile_id: int, move_to: int | None) -> None:
        title = self.tr("Delete email server profile")
        try:
            manage.delete_profile(profile_id, move_to)
        except manage.ProfileInUse as exc:  # a mailbox was added meanwhile
            messages.show_error(
                self,
                title,
                self.tr("The profile is used by these mailboxes: %1").replace("%1", name_list(exc.mailbox_names)),
            )
        except ChangeRefused as exc:
            messages.show_error(self, title, self.tr("The mailboxes could not be moved."), str(exc))
        except secrets.SecretStoreError as exc:
            messages.show_error(self, title, self.tr("The profile's passwords could not be removed."), str(exc))
        self.changed.emit()

    # --- after the wizard ------------------------------------------------------------------

    def show_next_steps(self, profile_id: int) -> None:
        """The profile was just created: offer what comes next."""
        self.next_steps_profile = profile_id
        self.ui.nextSteps.show()
        self._update_next_steps()
        self.select_profile(profile_id)

    def _update_next_steps(self) -> None:
        row = next((r for r in self.model.rows if r.id == self.next_steps_profile), None)
        if row is None:  # deleted meanwhile
            self.ui.nextSteps.hide()
            return
        self.ui.nextStepsText.setText(
            self.tr(
                "The email server profile %1 is saved. Next: add mailboxes to it, then test and enable them."
            ).replace("%1", row.name)
        )
        self.ui.testProfileButton.setEnabled(row.mailbox_count > 0)
        self.ui.testProfileButton.setToolTip(
            "" if row.mailbox_count else self.tr("The profile has no mailboxes yet: add mailboxes first.")
        )
