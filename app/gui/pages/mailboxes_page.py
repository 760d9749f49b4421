"""The Mailboxes page: every mailbox, failing ones first, its name in view while the list
scrolls sideways; a status filter beside the search; actions on the selected mailboxes (toolbar
and context menu): approve, Test & Enable, sync on or off per workload, move to another
profile, deactivate or activate, delete; and Test & Enable again for every failed mailbox."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from app import secrets
from app.domain.enums import ApprovalStatus, MailboxState, RunStatus, Workload
from app.gui import messages
from app.gui.forms.ui_mailboxes_page import Ui_MailboxesPage
from app.gui.i18n import enum_text, names_text, translate
from app.gui.models.columns import mailbox_columns
from app.gui.models.table_models import RowTableModel, SearchProxy
from app.gui.pages.move_dialog import MoveToProfileDialog, name_list
from app.gui.widgets.frozen_column import FrozenFirstColumn
from app.gui.widgets.tables import setup_table
from app.store import fleet, manage
from app.store.manage import ChangeRefused
from app.store.queries import MailboxRow

if TYPE_CHECKING:  # the engine is loaded after the window (app.gui.sync_controller)
    from app.sync.notifications import PushState

STATUS_COLUMN = 1  # right after the name (app.gui.models.columns.mailbox_columns)
LEASES_REFRESH_MS = 5_000
PUSH_REFRESH_MS = 5_000

# the status filter: its value -> which rows it keeps
FILTERS: dict[str, Callable[[MailboxRow], bool]] = {
    "failing": lambda r: r.failing,
}
# the dashboard's states (app.domain.mailbox_state): a tile and this list show the same mailboxes
STATE_FILTERS = (
    MailboxState.ERROR,
    MailboxState.WARNING,
    MailboxState.SUCCESS,
    MailboxState.DISABLED,
    MailboxState.NEVER_TESTED,
    MailboxState.PENDING_APPROVAL,
)


class MailboxesPage(QWidget):
    open_mailbox = Signal(int)
    new_mailbox = Signal()
    test_requested = Signal(object)  # list of mailbox ids: Test & Enable them
    changed = Signal()  # something was written: the window reloads its lists
    message = Signal(str)  # what an action did, for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MailboxesPage()
        self.ui.setupUi(self)
        ui = self.ui
        # a console of a fleet (shared database): who holds each mailbox's work, read every few seconds
        self.held_by: dict[int, str] = {}
        self.lease_timer: QTimer | None = None
        shared = fleet.shared_database()
        # the window's engine: how each mailbox hears of changes (not on a console: its hosts poll)
        self.push_source: Callable[[], Mapping[int, PushState]] | None = None
        self.push: Mapping[int, PushState] = {}
        self.push_timer: QTimer | None = None
        columns = mailbox_columns(held_by=self._held_by if shared else None, push=None if shared else self._push_of)
        self.push_column = None if shared else len(columns) - 1  # last, when there is no Held by
        self.model = RowTableModel(columns, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.accept_row = self._status_accepts
        table = ui.table
        setup_table(table, self.proxy, name="mailboxes", alternating_rows=True, stretch_last=True)
        table.setSelectionMode(table.SelectionMode.ExtendedSelection)
        table.sortByColumn(STATUS_COLUMN, Qt.SortOrder.AscendingOrder)  # failing first, then A to Z
        self.frozen = FrozenFirstColumn(table)
        for view in (table, self.frozen.view):
            view.doubleClicked.connect(lambda index: self.open_mailbox.emit(self.proxy.row_at(index.row()).id))
        ui.statusFilter.addItem(self.tr("All mailboxes"), None)
        ui.statusFilter.addItem(self.tr("Failing"), "failing")
        for state in STATE_FILTERS:
            ui.statusFilter.addItem(enum_text(state), state.value)
        ui.statusFilter.setToolTip(
            self.tr(
                "Failing: the last test failed or a failure is being retried. The other states are the "
                "dashboard's, each mailbox in one: Pending approval, then Disabled (deactivated, address "
                "rejected, or nothing set to server-side synchronization), then Error, Warning, Never tested "
                "(no Test & Enable yet) and Success."
            )
        )
        self.states: dict[int, MailboxState] = {}
        ui.statusFilter.currentIndexChanged.connect(lambda _i: self.proxy.refilter())
        ui.search.textChanged.connect(self.proxy.set_search)
        ui.newButton.clicked.connect(self.new_mailbox)
        ui.openButton.clicked.connect(self.open_selected)
        ui.retestButton.clicked.connect(self.retest_failed)
        self._dialog: MoveToProfileDialog | None = None
        self._make_actions()
        table.selectionModel().selectionChanged.connect(self._update_actions)
        self.proxy.modelReset.connect(self._update_actions)
        self.proxy.layoutChanged.connect(self._update_actions)
        self._update_actions()
        if shared:
            self.lease_timer = QTimer(self)
            self.lease_timer.setInterval(LEASES_REFRESH_MS)
            self.lease_timer.timeout.connect(self.refresh_lease_holders)
            self.refresh_lease_holders()

    # --- the fleet's leases (a shared database) ---------------------------------------------

    def _held_by(self, mailbox_id: int) -> str:
        return self.held_by.get(mailbox_id, "")

    def refresh_lease_holders(self) -> None:
        """Who holds each mailbox's work now (the Held by column): one query of the live leases."""
        self.held_by = {m: names_text(names) for m, names in fleet.lease_holders().items()}
        self._refresh_column(self.model.columnCount() - 1)

    def _refresh_column(self, column: int) -> None:
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(self.model.index(0, column), self.model.index(rows - 1, column))

    # --- notifications (the window's engine) ------------------------------------------------

    def _push_of(self, mailbox_id: int) -> PushState | None:
        return self.push.get(mailbox_id)

    def set_push_source(self, source: Callable[[], Mapping[int, PushState]]) -> None:
        """The window's engine: how each mailbox hears of changes (the Notifications column), read
        with the lists and every few seconds while the page shows."""
        if self.push_column is None:
            return
        self.push_source = source
        if self.push_timer is None:
            self.push_timer = QTimer(self)
            self.push_timer.setInterval(PUSH_REFRESH_MS)
            self.push_timer.timeout.connect(self.refresh_push)
            if self.isVisible():
                self.push_timer.start()
        self.refresh_push()

    def refresh_push(self) -> None:
        if self.push_source is None or self.push_column is None:
            return
        self.push = dict(self.push_source())
        self._refresh_column(self.push_column)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.lease_timer is not None:
            self.refresh_lease_holders()
            self.lease_timer.start()
        if self.push_timer is not None:
            self.refresh_push()
            self.push_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        for timer in (self.lease_timer, self.push_timer):
            if timer is not None:
                timer.stop()

    # --- actions ----------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], None], tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setIconText(text)  # a tool button shows the icon text: by default without its "…"
        action.triggered.connect(lambda _checked=False: slot())
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        return action

    def _sync_menu(self, title: str, on: bool) -> QMenu:
        menu = QMenu(title, self)
        choices = [(enum_text(w), [w]) for w in Workload] + [(self.tr("All three"), list(Workload))]
        for number, (text, workloads) in enumerate(choices):
            if number == len(Workload):
                menu.addSeparator()
            menu.addAction(self._action(text, partial(self.set_sync, workloads, on)))
        return menu

    def _make_actions(self) -> None:
        self.open_action = self._action(self.tr("Open"), self.open_selected)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.approve_action = self._action(self.tr("Approve email"), self.approve_selected)
        self.test_action = self._action(
            self.tr("Test && Enable"), self.test_selected, self.tr("Test & Enable the selected mailboxes")
        )
        self.enable_menu = self._sync_menu(self.tr("Enable sync"), True)
        self.enable_menu.menuAction().setToolTip(
            self.tr("Set the workload to server-side synchronization; Test & Enable then enables it")
        )
        self.disable_menu = self._sync_menu(self.tr("Disable sync"), False)
        self.disable_menu.menuAction().setToolTip(self.tr("Set the workload's synchronization to None"))
        self.move_action = self._action(self.tr("Move to profile…"), self.move_selected)
        self.deactivate_action = self._action(
            self.tr("Deactivate"), lambda: self.set_active(False), self.tr("Not synchronized; its records stay")
        )
        self.activate_action = self._action(self.tr("Activate"), lambda: self.set_active(True))
        self.delete_action = self._action(self.tr("Delete…"), self.delete_selected)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Enter and Delete act on the list only: in the search box they keep their meaning
        for view in (self.ui.table, self.frozen.view):
            for action in (self.open_action, self.delete_action):
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                view.addAction(action)
        self.ui.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.ui.table.customContextMenuRequested.connect(self._context_menu)

        bar = self.toolbar = QToolBar(self.tr("Selected mailboxes"), self)
        bar.setObjectName("selectionToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.approve_action, self.test_action])
        for menu in (self.enable_menu, self.disable_menu):
            bar.addAction(menu.menuAction())
            button = bar.widgetForAction(menu.menuAction())
            if isinstance(button, QToolButton):
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                button.setStyleSheet("QToolButton { padding-right: 14px; }")  # room for the menu's arrow
        bar.addActions([self.move_action, self.deactivate_action, self.activate_action, self.delete_action])
        self.ui.actionsLayout.addWidget(bar)

    def context_menu(self) -> QMenu:
        """The menu of the selected mailboxes (the right click's; the screenshots show it)."""
        menu = QMenu(self)
        menu.addActions([self.open_action, self.approve_action, self.test_action])
        menu.addSeparator()
        menu.addMenu(self.enable_menu)
        menu.addMenu(self.disable_menu)
        menu.addAction(self.move_action)
        menu.addSeparator()
        menu.addActions([self.deactivate_action, self.activate_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _context_menu(self, position: QPoint) -> None:
        if not self.selected_rows():
            return
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu = menu  # the open menu, for tests
        menu.popup(self.ui.table.viewport().mapToGlobal(position))

    def _update_actions(self, *_args: object) -> None:
        rows = self.selected_rows()
        for action in (self.open_action, self.test_action, self.move_action, self.delete_action):
            action.setEnabled(bool(rows))
        self.ui.openButton.setEnabled(bool(rows))
        self.enable_menu.setEnabled(bool(rows))
        self.disable_menu.setEnabled(bool(rows))
        self.approve_action.setEnabled(any(r.approval is not ApprovalStatus.APPROVED for r in rows))
        self.deactivate_action.setEnabled(any(r.is_active for r in rows))
        self.activate_action.setEnabled(any(not r.is_active for r in rows))
        self.ui.retestButton.setEnabled(bool(self.failed_ids()))

    # --- the list ---------------------------------------------------------------------------

    @property
    def search_box(self):
        return self.ui.search

    def set_rows(self, rows: Sequence[MailboxRow]) -> None:
        from app.store.dashboard import mailbox_states

        self.states = mailbox_states()
        if self.push_source is not None:
            self.push = dict(self.push_source())
        self.model.set_rows(rows)
        self._update_actions()

    def selected_rows(self) -> list[MailboxRow]:
        indexes = self.ui.table.selectionModel().selectedRows()
        return [self.proxy.row_at(index.row()) for index in sorted(indexes, key=lambda i: i.row())]

    def visible_rows(self) -> list[MailboxRow]:
        return [self.proxy.row_at(row) for row in range(self.proxy.rowCount())]

    def failed_ids(self) -> list[int]:
        """Every mailbox whose last test failed, whatever the filter and search show."""
        return [r.id for r in self.model.rows if r.status is RunStatus.FAILURE]

    def _status_accepts(self, row: MailboxRow) -> bool:
        wanted = self.ui.statusFilter.currentData()
        if wanted is None:
            return True
        if wanted in FILTERS:
            return FILTERS[wanted](row)
        return self.states.get(row.id) is MailboxState(wanted)

    def show_state(self, state: str) -> None:
        """Only the mailboxes in one state (a dashboard tile's), or Failing, or all (None)."""
        index = self.ui.statusFilter.findData(state)
        self.ui.search.clear()
        self.ui.statusFilter.setCurrentIndex(max(index, 0))

    # --- what the actions do ----------------------------------------------------------------

    def _ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def _done(self, text: str) -> None:
        self.changed.emit()
        self.message.emit(text)

    def _refused(self, title: str, exc: ChangeRefused) -> None:
        lines = [
            self.tr("%1: %2")
            .replace("%1", p.mailbox_name)
            .replace("%2", " ".join(i.message(translate) for i in p.issues))
            for p in exc.problems
        ]
        messages.show_error(self, title, self.tr("Nothing was changed:") + "\n" + "\n".join(lines))

    def open_selected(self) -> None:
        for mailbox_id in self._ids():
            self.open_mailbox.emit(mailbox_id)

    def approve_selected(self) -> None:
        changed = manage.approve_mailboxes(self._ids())
        self._done(self.tr("Email approved for mailboxes: %1.").replace("%1", str(changed)))

    def test_selected(self) -> None:
        ids = self._ids()
        if ids:
            self.test_requested.emit(ids)

    def set_sync(self, workloads: list[Workload], on: bool) -> None:
        try:
            changed = manage.set_sync(self._ids(), workloads, on)
        except ChangeRefused as exc:
            self._refused(self.tr("Enable sync"), exc)
            return
        if on:
            text = self.tr(
                "Server-side synchronization set for mailboxes: %1. Test & Enable them to start synchronizing."
            )
        else:
            text = self.tr("Synchronization turned off for mailboxes: %1.")
        self._done(text.replace("%1", str(changed)))

    def move_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        dialog = MoveToProfileDialog(
            [r.id for r in rows],
            [r.name for r in rows],
            intro=self.tr("Move these mailboxes to another email server profile:")
            if len(rows) > 1
            else self.tr("Move this mailbox to another email server profile:"),
            action=self.tr("&Move"),
            parent=self,
        )
        dialog.chosen.connect(lambda profile_id: self._move([r.id for r in rows], profile_id))
        self._dialog = dialog
        dialog.open()

    def _move(self, ids: list[int], profile_id: int) -> None:
        try:
            changed = manage.move_mailboxes(ids, profile_id)
        except ChangeRefused as exc:
            self._refused(self.tr("Move to profile"), exc)
            return
        self._done(
            self.tr("Mailboxes moved: %1. Test & Enable them with their new profile.").replace("%1", str(changed))
        )

    def set_active(self, active: bool) -> None:
        changed = manage.set_mailboxes_active(self._ids(), active)
        if active:
            text = self.tr("Mailboxes activated: %1.")
        else:
            text = self.tr("Mailboxes deactivated: %1. They are not synchronized; their records stay.")
        self._done(text.replace("%1", str(changed)))

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ids = [r.id for r in rows]
        text = "\n\n".join(
            [
                self.tr("Delete these mailboxes?") if len(rows) > 1 else self.tr("Delete this mailbox?"),
                name_list([r.name for r in rows]),
                self.tr(
                    "Their synchronized emails, appointments, contacts and tasks are kept in the store, unlinked: "
                    "they are no longer synchronized with Exchange. Their test results, sync history and alerts "
                    "are deleted, and their passwords are removed from the credential store. Nothing is deleted "
                    "in Exchange."
                ),
            ]
        )
        messages.confirm_action(
            self,
            self.tr("Delete mailboxes"),
            text,
            self.tr("Delete mailboxes") if len(rows) > 1 else self.tr("Delete mailbox"),
            lambda: self._delete(ids),
        )

    def _delete(self, ids: list[int]) -> None:
        try:
            deleted = manage.delete_mailboxes(ids)
        except secrets.SecretStoreError as exc:
            messages.show_error(
                self,
                self.tr("Delete mailboxes"),
                self.tr("Nothing was deleted: a password could not be removed."),
                str(exc),
            )
            return
        self._done(self.tr("Mailboxes deleted: %1. Their records are kept.").replace("%1", str(deleted)))

    def retest_failed(self) -> None:
        ids = self.failed_ids()
        if not ids:
            return
        messages.confirm(
            self,
            self.tr("Re-test failed mailboxes"),
            self.tr(
                "Test & Enable again every mailbox whose last test failed (%1)? Each test sends a test message "
                "to the mailbox."
            ).replace("%1", str(len(ids))),
            lambda: self.test_requested.emit(ids),
        )
