"""The Dashboard (docs/product-rules.md §6), the main window's first page: the health of every
mailbox at a glance, and item monitoring on its second tab.

- Tiles count the mailboxes per state (app.domain.mailbox_state); a click asks the window to show
  the Mailboxes list filtered to them (``show_mailboxes`` with the state's value).
- Charts of the chosen period (24 hours or 7 days), from the hourly history
  (app.store.dashboard): items synchronized per hour and workload, failed cycles per hour and
  level, the cycles' median and 95th-percentile duration, the ten mailboxes with the most
  failures, and the next scheduled cycles. Hover shows the values; a click on an hour opens the
  mailboxes behind it, on a mailbox opens it (``open_mailbox``); each chart exports as PNG.
- Live: ``set_sync`` connects the engine's results; refreshes are coalesced to at most one a
  second, and a hidden page refreshes when it is shown again.

The figures are read off the GUI thread (app.gui.pages.dashboard_reader): ``refresh`` starts a
read and returns; the GUI thread only applies the answer, every tile and chart in one go (no
paint in between, so the page never shows half of one answer and half of another), then emits
``refreshed``. The charts are built once and given new data; item monitoring, on the second
tab, is built when its tab is first shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.domain.enums import AlertLevel, MailboxState, Workload
from app.gui import messages
from app.gui.forms.ui_dashboard_page import Ui_DashboardPage
from app.gui.i18n import enum_text, format_time
from app.gui.pages.dashboard_reader import DashboardReader, Read
from app.gui.pages.item_monitoring_page import ItemMonitoringPage
from app.gui.widgets.charts import Chart, DurationChart, Hit, RankedBars, StackedHourlyBars, Timeline
from app.gui.widgets.mailbox_figures_dialog import MailboxFiguresDialog
from app.store import dashboard
from app.store.base import utcnow
from app.store.dashboard import DashboardFigures, MailboxFigure, UpcomingCycle, read_figures

if TYPE_CHECKING:
    from app.gui.sync_controller import SyncController

MIN_REFRESH_INTERVAL_S = 1.0
RANGES = (("24h", timedelta(hours=24)), ("7d", timedelta(days=7)))
TILE_COLOURS = {
    MailboxState.SUCCESS: "#1b7f3b",
    MailboxState.WARNING: "#9a6700",
    MailboxState.ERROR: "#b3261e",
    MailboxState.DISABLED: "#6b6b6b",
    MailboxState.NEVER_TESTED: "#2f6db5",
    MailboxState.PENDING_APPROVAL: "#8e5bb5",
}
ITEM_SERIES = {"incoming": Workload.INCOMING, "outgoing": Workload.OUTGOING, "act": Workload.ACT}


class Tile(QToolButton):
    """A count and what it counts, in big and small letters, with its state's colour; a button."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(62)
        self.setStyleSheet(
            f"QToolButton {{ background: white; border: 1px solid #d0d0d0; border-left: 5px solid {colour}; }}"
            " QToolButton:hover { background: #f3f6fb; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.setSpacing(0)
        self.number = QLabel("0")
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setStyleSheet(f"color: {colour}; background: transparent; border: none;")
        self.caption = QLabel()
        self.caption.setStyleSheet("background: transparent; border: none;")
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def set_count(self, count: int, caption: str) -> None:
        self.number.setText(str(count))
        self.caption.setText(caption)
        self.setAccessibleName(f"{caption}: {count}")

    def count(self) -> int:
        return int(self.number.text())


class DashboardPage(QWidget):
    show_mailboxes = Signal(str)  # a MailboxState value: the Mailboxes list filtered to that state
    open_mailbox = Signal(int)
    refreshed = Signal()  # new figures are on show

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], datetime] = utcnow, read: Read = read_figures
    ) -> None:
        super().__init__(parent)
        self.reader = DashboardReader(self, read=read)  # first: the first read runs while the page is built
        self.reader.ready.connect(self._figures_read)
        self.reader.failed.connect(self._read_failed)
        self.clock = clock
        self._range = RANGES[0][0]
        self._last_refresh = 0.0
        self._stale = False
        self.refresh()
        self.ui = Ui_DashboardPage()
        self.ui.setupUi(self)
        ui = self.ui
        title_font = QFont(ui.dashboardTitle.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        ui.dashboardTitle.setFont(title_font)
        ui.rangeCombo.addItem(self.tr("Last 24 hours"), "24h")
        ui.rangeCombo.addItem(self.tr("Last 7 days"), "7d")
        ui.rangeCombo.currentIndexChanged.connect(self._range_chosen)
        self.tiles = self._make_tiles()
        self._make_charts()
        self._hours: list[datetime] = []
        self._top: list[MailboxFigure] = []
        self._upcoming: list[UpcomingCycle] = []
        self._held: DashboardFigures | None = None  # read while the page was hidden
        self._items: ItemMonitoringPage | None = None
        self._sync: SyncController | None = None
        self._dialog: MailboxFiguresDialog | None = None
        self._save_dialog = None
        ui.tabs.currentChanged.connect(self._tab_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)

    # --- building -------------------------------------------------------------------------------
    def _make_tiles(self) -> dict[MailboxState, Tile]:
        tiles = {}
        for state in MailboxState:
            tile = Tile(TILE_COLOURS[state], self.ui.tiles)
            tile.setObjectName(f"tile_{state.value}")
            tile.setCursor(Qt.CursorShape.PointingHandCursor)
            tile.setToolTip(self.tr("Show these mailboxes in the Mailboxes list"))
            tile.clicked.connect(partial(self.show_mailboxes.emit, state.value))
            self.ui.tilesLayout.addWidget(tile)
            tiles[state] = tile
        return tiles

    def _make_charts(self) -> None:
        grid = self.ui.chartsGrid
        self.items_chart = StackedHourlyBars(
            self.tr("Items synchronized per hour"),
            [(key, enum_text(workload)) for key, workload in ITEM_SERIES.items()],
        )
        self.failures_chart = StackedHourlyBars(
            self.tr("Failed cycles per hour"),
            [("error", enum_text(AlertLevel.ERROR)), ("warning", enum_text(AlertLevel.WARNING))],
        )
        self.duration_chart = DurationChart(self.tr("Cycle duration"), self.tr("Median"), self.tr("95th percentile"))
        self.top_chart = RankedBars(self.tr("Mailboxes with the most failures"))
        self.top_chart.set_legend([("error", enum_text(AlertLevel.ERROR)), ("warning", enum_text(AlertLevel.WARNING))])
        self.timeline = Timeline(self.tr("Next scheduled cycles"), [(w.value, enum_text(w)) for w in Workload])
        placed: list[tuple[Chart, int, int, int]] = [
            (self.items_chart, 0, 0, 1),
            (self.failures_chart, 0, 1, 1),
            (self.duration_chart, 0, 2, 1),
            (self.top_chart, 1, 0, 1),
            (self.timeline, 1, 1, 2),
        ]
        for chart, row, column, columns in placed:
            grid.addWidget(chart, row, column, 1, columns)
        for column in (0, 1, 2):
            grid.setColumnStretch(column, 1)
        self.items_chart.activated.connect(self._items_clicked)
        self.failures_chart.activated.connect(partial(self._hour_clicked, "failures", self.failures_chart))
        self.duration_chart.activated.connect(partial(self._hour_clicked, "duration", self.duration_chart))
        self.top_chart.activated.connect(lambda hit: self.open_mailbox.emit(self._top[hit.index].mailbox_id))
        self.timeline.activated.connect(lambda hit: self.open_mailbox.emit(self._upcoming[hit.index].mailbox_id))
        for chart in self.charts():
            chart.export_button.clicked.connect(partial(self._export, chart))

    def charts(self) -> list[Chart]:
        return [self.items_chart, self.failures_chart, self.duration_chart, self.top_chart, self.timeline]

    @property
    def items(self) -> ItemMonitoringPage:
        """Item monitoring, built on first use (its tab shown): the overview opens without it."""
        if self._items is None:
            self._items = ItemMonitoringPage(self.ui.itemsTab)
            self.ui.itemsLayout.addWidget(self._items)
            self._items.changed.connect(self.request_refresh)
            if self._sync is not None:
                self._items.set_sync(self._sync)
        return self._items

    # --- live -----------------------------------------------------------------------------------
    def set_sync(self, sync: SyncController) -> None:
        """Refresh after finished cycles (the controller's results, themselves coalesced)."""
        self._sync = sync
        sync.results_changed.connect(self.request_refresh)
        if self._items is not None:
            self._items.set_sync(sync)

    def request_refresh(self) -> None:
        """Refresh soon: at once if the last refresh is a second old, else when it is; a hidden page
        waits until it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        wait = MIN_REFRESH_INTERVAL_S - (time.monotonic() - self._last_refresh)
        if wait <= 0:
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._held is not None:
            self._apply(self._held)
        if self._stale:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.close()  # a read under way hands nothing on
        self._timer.stop()
        super().closeEvent(event)

    # --- figures --------------------------------------------------------------------------------
    def period(self) -> timedelta:
        return dict(RANGES)[self._range]

    def _range_chosen(self, _index: int) -> None:
        self._range = self.ui.rangeCombo.currentData()
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again, off the GUI thread; ``refreshed`` says when they are on show."""
        self._stale = False
        self._last_refresh = time.monotonic()
        self.reader.read(self.clock(), self.period())

    def _figures_read(self, figures: DashboardFigures) -> None:
        if self.isVisible():
            self._apply(figures)
        else:  # shown when the page is
            self._held = figures

    def _read_failed(self, exc: object) -> None:
        self.ui.updatedLabel.setText(self.tr("Not updated: %1").replace("%1", str(exc)))

    def _apply(self, figures: DashboardFigures) -> None:
        """Every tile and chart from *figures*, in one go: nothing is painted before this returns to
        the event loop, and then only what changed."""
        self._held = None
        self._apply_figures(figures)
        self.refreshed.emit()

    def _apply_figures(self, figures: DashboardFigures) -> None:
        now, hours = figures.now, figures.hours
        for state, tile in self.tiles.items():
            tile.set_count(figures.states[state], enum_text(state))
        self._hours = [h.hour for h in hours]
        self.items_chart.set_data(
            self._hours, {key: [h.items.get(w, 0) for h in hours] for key, w in ITEM_SERIES.items()}
        )
        self.failures_chart.set_data(
            self._hours,
            {"warning": [h.failures_warning for h in hours], "error": [h.failures_error for h in hours]},
        )
        self.duration_chart.set_data(
            self._hours, [h.median_ms for h in hours], [h.p95_ms for h in hours], [h.cycles for h in hours]
        )
        self._top = figures.top
        self.top_chart.set_data(
            [f"{m.name} <{m.email}>" for m in self._top], [m.warnings for m in self._top], [m.errors for m in self._top]
        )
        self._upcoming = figures.upcoming
        points = [(c.next_run_on, c.workload.value) for c in self._upcoming]
        self.timeline.set_data(now, points, self._describe_cycle)  # tooltips written when asked
        self.ui.updatedLabel.setText(self.tr("Updated %1").replace("%1", format_time(now)))

    def _tab_changed(self, _index: int) -> None:
        if self.ui.tabs.currentWidget() is self.ui.itemsTab and self._items is None:
            self.items.show()  # built now, read as it is shown

    def _describe_cycle(self, index: int) -> str:
        cycle = self._upcoming[index]
        kind = self.tr("Retry of the test") if cycle.retry else enum_text(cycle.workload)
        return f"{cycle.name} <{cycle.email}>\n{kind}\n{format_time(cycle.next_run_on)}"

    # --- what is behind a figure ----------------------------------------------------------------
    def _items_clicked(self, hit: Hit) -> None:
        self._hour_clicked(f"items_{hit.series}", self.items_chart, hit)

    def _hour_clicked(self, measure: str, chart: Chart, hit: Hit) -> None:
        hour = self._hours[hit.index]
        figures = dashboard.mailboxes_in_hour(hour, measure)
        self.show_figures(chart.title.text(), hour, measure, figures)

    def show_figures(self, title: str, hour: datetime, measure: str, figures: list[MailboxFigure]) -> None:
        if self._dialog is None:
            self._dialog = MailboxFiguresDialog(self)
            self._dialog.open_mailbox.connect(self.open_mailbox)
        self._dialog.show_figures(title, hour, measure, figures)
        self._dialog.open()

    def _export(self, chart: Chart) -> None:
        name = chart.title.text().replace(" ", "-").lower() + ".png"

        def save(path: str) -> None:
            if not chart.export_png(path):
                messages.show_error(self, self.tr("Export PNG"), self.tr("The picture could not be saved."))

        self._save_dialog = messages.open_save_dialog(
            self, self.tr("Export PNG"), self.tr("PNG pictures (*.png)"), "png", name, save
        )
