"""The Hosts page of the console, on a shared PostgreSQL database only: every engine host
(``python -m app run --host-name NAME``) with its state (alive, lost or stopped), the leases it
holds, its last heartbeat and when it started; read again every few seconds while the page shows.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from app.gui.forms.ui_hosts_page import Ui_HostsPage
from app.gui.i18n import format_time, translate
from app.gui.models.table_models import Column, RowTableModel, SearchProxy
from app.gui.widgets.tables import setup_table
from app.store import fleet, leases
from app.store.fleet import HostState

REFRESH_MS = 5_000  # while the page shows: a host's heartbeat comes every third of its lease time
ALIVE, LOST, STOPPED = "#1b7f3b", "#b3261e", "#6b6b6b"
STATE_COLUMN = 1


def host_state_text(host: HostState) -> str:
    if host.alive:
        return translate("HostsPage", "Alive")
    if host.stopped_on is not None:
        return translate("HostsPage", "Stopped")
    return translate("HostsPage", "Lost")


def _state_colour(host: HostState) -> str:
    return ALIVE if host.alive else (STOPPED if host.stopped_on is not None else LOST)


def _state_tooltip(host: HostState) -> str:
    if host.alive:
        return translate("HostsPage", "Its heartbeat is current.")
    if host.stopped_on is not None:
        return translate("HostsPage", "Stopped cleanly on %1; it released its leases.").replace(
            "%1", format_time(host.stopped_on)
        )
    return translate(
        "HostsPage",
        "No heartbeat for longer than the lease time: its leases expire and the other hosts take its work over.",
    )


def host_columns() -> list[Column]:
    return [
        Column(translate("HostsPage", "Host"), lambda h: h.name),
        Column(
            translate("HostsPage", "State"),
            host_state_text,
            foreground=_state_colour,
            tooltip=_state_tooltip,
            sort=lambda h: 0 if not h.alive and h.stopped_on is None else 1 if h.alive else 2,
        ),
        Column(translate("HostsPage", "Leases held"), lambda h: h.leases),
        Column(translate("HostsPage", "Last heartbeat"), lambda h: h.last_beat_on),
        Column(translate("HostsPage", "Started"), lambda h: h.started_on),
    ]


class HostsPage(QWidget):
    def __init__(self, parent: QWidget | None = None, *, lease_time: timedelta = leases.DEFAULT_TTL) -> None:
        super().__init__(parent)
        self.ui = Ui_HostsPage()
        self.ui.setupUi(self)
        self.lease_time = lease_time  # a host silent for longer is lost (the hosts' --lease-seconds)
        self.model = RowTableModel(host_columns(), self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        setup_table(self.ui.table, self.proxy, name="hosts", alternating_rows=True, stretch_last=True)
        self.ui.table.sortByColumn(STATE_COLUMN, Qt.SortOrder.AscendingOrder)  # lost first, then alive, stopped
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the hosts again (one query of the hosts, one of the live leases)."""
        hosts = fleet.hosts(self.lease_time)
        self.model.set_rows(hosts)
        self.ui.empty.setVisible(not hosts)
        self.ui.table.setVisible(bool(hosts))
        alive = sum(1 for h in hosts if h.alive)
        self.ui.updated.setText(
            self.tr("%1 of %2 alive, read %3")
            .replace("%1", str(alive))
            .replace("%2", str(len(hosts)))
            .replace("%3", format_time(leases.wall_clock(), seconds=True))
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()
