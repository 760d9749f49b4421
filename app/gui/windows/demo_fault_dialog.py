"""Demo menu → Simulate a fault…: the demo's own loopback server fails a mailbox's requests the
way Exchange or IIS fail (server busy, a time-out, HTTP 503, a connection reset), until the fault
is ended (here, or Demo menu → End faults) or for the next few requests only.

The faults go straight into the running server's fault injector (no admin API, no token). Only in
demo mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import demo
from app.gui.i18n import fields_text
from app.gui.windows.demo_accounts_dialog import demo_accounts

if TYPE_CHECKING:
    from app.simulator.faults import Fault
    from app.simulator.server import LoopbackExchange

EVERY_REQUEST = "*"


class DemoFaultDialog(QDialog):
    faults_changed = Signal(str)  # what changed, for the status bar

    def __init__(self, server: LoopbackExchange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = server
        self.setWindowTitle(self.tr("Simulate a fault"))
        layout = QVBoxLayout(self)
        self.note = QLabel(
            self.tr(
                "The demo's own Exchange server fails the chosen mailbox's requests on purpose. "
                "Synchronize (or Test & Enable) the mailbox to see the failure, its alert and the "
                "retries; end the fault to see it recover."
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        form = QFormLayout()
        self.mailbox = QComboBox(self)
        self.mailbox.addItem(self.tr("Every demo mailbox"), None)
        for account in demo_accounts(server):
            if not account.roles:
                self.mailbox.addItem(f"{account.display_name} <{account.email}>", account.email)
        form.addRow(self.tr("&Mailbox:"), self.mailbox)
        self.kind = QComboBox(self)
        names = {
            "server_busy": self.tr("Server busy (ErrorServerBusy)"),
            "delay": self.tr("Time-out (the answer comes too late)"),
            "http503": self.tr("Service unavailable (HTTP 503)"),
            "reset": self.tr("Connection reset"),
        }
        for kind in demo.DEMO_FAULTS:
            self.kind.addItem(names[kind], kind)
        form.addRow(self.tr("&Fault:"), self.kind)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        form.addRow("", self.explanation)
        self.operation = QComboBox(self)
        self.operation.addItem(self.tr("Every request"), EVERY_REQUEST)
        self.operation.addItem(self.tr("Synchronization only (SyncFolderItems)"), demo.SYNC_OPERATION)
        form.addRow(self.tr("&Requests:"), self.operation)
        self.count = QSpinBox(self)
        self.count.setRange(0, 99)
        self.count.setSpecialValueText(self.tr("Until ended"))
        self.count.setValue(0)
        form.addRow(self.tr("&How many fail:"), self.count)
        layout.addLayout(form)

        self.active_label = QLabel(self.tr("Faults in f&orce:"), self)
        layout.addWidget(self.active_label)
        self.active = QListWidget(self)
        self.active_label.setBuddy(self.active)
        self.active.setMaximumHeight(90)
        layout.addWidget(self.active)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.end_button = self.buttons.addButton(self.tr("&End faults"), QDialogButtonBox.ButtonRole.ActionRole)
        self.end_button.clicked.connect(self.end_faults)
        self.simulate_button = self.buttons.addButton(self.tr("&Simulate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.simulate_button.setDefault(True)
        self.buttons.accepted.connect(self.simulate)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(lambda _i: self._explain())
        self.mailbox.currentIndexChanged.connect(lambda _i: self._explain())
        self.setMinimumWidth(560)
        self._explain()
        self.refresh()

    def select(self, email: str | None = None, kind: str | None = None) -> None:
        if email is not None:
            self.mailbox.setCurrentIndex(max(0, self.mailbox.findData(email.lower())))
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _explain(self) -> None:
        kind = self.kind.currentData()
        if kind == "server_busy":
            text = self.tr(
                "Exchange answers ErrorServerBusy and asks to wait %1 seconds before the next request (throttling)."
            ).replace("%1", str(self.server.busy_backoff_ms // 1000))
        elif kind == "delay":
            text = self.tr(
                "The server answers %1 seconds late, after the profile's time-out: the app stops waiting first."
            ).replace("%1", str(demo.fault_delay_seconds(self.mailbox.currentData())))
        elif kind == "http503":
            text = self.tr(
                "The server answers HTTP 503 Service Unavailable, as when Exchange's application pool is stopped."
            )
        else:
            text = self.tr("The server drops the connection without answering.")
        self.explanation.setText(text)
        self._fit_height()

    def _fit_height(self) -> None:
        """A longer explanation wraps onto more lines: grow so that none of it is cut off."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = (
            layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        )
        if need > self.height():
            self.resize(self.width(), need)

    def fault_text(self, fault: Fault) -> str:
        kind = self.kind.itemText(max(0, self.kind.findData(fault.kind)))
        who = fault.account if fault.account != "*" else self.tr("every demo mailbox")
        what = self.operation.itemText(max(0, self.operation.findData(fault.operation)))
        left = (
            self.tr("until ended")
            if fault.remaining is None
            else self.tr("%1 more request(s)").replace("%1", str(fault.remaining))
        )
        fired = self.tr("failed %1 so far").replace("%1", str(fault.fired))
        return fields_text([kind, who, what, left, fired])

    def refresh(self) -> None:
        faults = self.server.faults.active()
        self.active.clear()
        for fault in faults:
            self.active.addItem(self.fault_text(fault))
        if not faults:
            self.active.addItem(self.tr("None"))
        self.end_button.setEnabled(bool(faults))

    def simulate(self) -> None:
        email = self.mailbox.currentData()
        count = self.count.value() or None
        fault = demo.simulate_fault(
            self.server, self.kind.currentData(), email, operation=self.operation.currentData(), count=count
        )
        self.faults_changed.emit(self.tr("Simulating a fault: %1").replace("%1", self.fault_text(fault)))
        self.accept()

    def end_faults(self) -> None:
        removed = demo.end_faults(self.server)
        self.refresh()
        self.faults_changed.emit(self.tr("Faults ended: %1").replace("%1", str(removed)))
