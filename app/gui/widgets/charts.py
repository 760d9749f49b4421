"""The dashboard's charts, drawn with pyqtgraph: a card per chart (title, Export PNG…, the plot),
hover that shows the values under the pointer, and a click that says what is behind them.

Each chart is told its data with ``set_data`` and answers ``hit_at(x, y)`` (in the plot's own
coordinates) with what lies there — an hour and a series, a mailbox, a scheduled cycle — which
the hover turns into a tooltip and the click emits as ``activated``. The plots neither pan nor
zoom: they are pictures of the chosen range, not instruments.

The page refreshes them live, on the GUI thread, so ``set_data`` is kept cheap: the items are made
once and given numpy arrays (one bar item per series, one scatter item per lane, never an object
per bar or point), and ranges, ticks and texts are set only when they change — each change makes
pyqtgraph redo its layout in Python, and every call from Qt into Python waits for the interpreter
lock while the sync engine runs.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont
from PySide6.QtWidgets import (
    QGraphicsGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # the binding the app uses (pyqtgraph also finds it imported)
import numpy as np
import pyqtgraph as pg

pg.setConfigOptions(antialias=True, background="w", foreground="#3c3c3c")

COLOURS = {
    "incoming": "#2f6db5",
    "outgoing": "#2e8b57",
    "act": "#8e5bb5",
    "warning": "#d08c00",
    "error": "#b3261e",
    "median": "#2f6db5",
    "p95": "#b3261e",
    "bar": "#b3261e",
}
HOUR = 3600.0


def _brush(name: str) -> QColor:
    return QColor(COLOURS[name])


class TimeAxis(pg.DateAxisItem):
    """Local times as numbers only (14:00, 11/30), the same in every language."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        fmt = "%m/%d" if spacing >= 24 * HOUR else "%H:%M"
        return [datetime.fromtimestamp(v).strftime(fmt).lstrip("0") for v in values]


class CountAxis(pg.AxisItem):
    """Counts: ticks at whole numbers only."""

    def tickValues(self, low: float, high: float, size: float) -> list[tuple[float, list[float]]]:
        levels = super().tickValues(low, high, size)
        whole = [(max(spacing, 1.0), [v for v in values if float(v).is_integer()]) for spacing, values in levels]
        return [(spacing, values) for spacing, values in whole if values][:2]


class LabelAxis(pg.AxisItem):
    """An axis whose ticks are names (mailboxes, workloads) at whole numbers."""

    def __init__(self, orientation: str, most: int = 28) -> None:
        """Names longer than *most* characters are cut with "…" (the tooltips say them whole)."""
        super().__init__(orientation)
        self.names: list[str] = []
        self.most = most
        self._named = False

    def set_names(self, names: Sequence[str]) -> None:
        if self._named and list(names) == self.names:
            return  # the same ticks: the axis keeps its picture
        self._named = True
        self.names = list(names)
        self.setTicks([[(i, self._short(n)) for i, n in enumerate(self.names)]])

    def _short(self, name: str) -> str:
        return name if len(name) <= self.most else name[: self.most - 1] + "…"


class _Plot(pg.GraphicsView):
    """A view box with a left and a bottom axis, laid out as pyqtgraph's PlotItem lays them out,
    without what a PlotItem adds for instruments (the options menus and their forms, the
    auto-range button, the title, the hidden top and right axes): a third of the cost to build,
    and fewer items for Qt to ask about at each paint."""

    def __init__(self, left: pg.AxisItem | None = None, bottom: pg.AxisItem | None = None) -> None:
        super().__init__(background="w")
        self.enableMouse(False)
        self.view = pg.ViewBox(enableMenu=False, enableMouse=False)
        self.axes = {"left": left or pg.AxisItem("left"), "bottom": bottom or pg.AxisItem("bottom")}
        self.frame = pg.GraphicsWidget()
        grid = QGraphicsGridLayout()
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        grid.addItem(self.view, 0, 1)
        for name, (row, column) in (("left", (0, 0)), ("bottom", (1, 1))):
            axis = self.axes[name]
            axis.linkToView(self.view)
            axis.setZValue(0.5)
            grid.addItem(axis, row, column)
        self.frame.setLayout(grid)
        self.setCentralItem(self.frame)

    def sizeHint(self) -> QSize:
        return QSize(300, 200)  # the dashboard's grid shares the page between its charts

    def getViewBox(self) -> pg.ViewBox:
        return self.view

    def getAxis(self, name: str) -> pg.AxisItem:
        return self.axes[name]

    def addItem(self, item: Any, ignore_bounds: bool = False) -> None:
        self.view.addItem(item, ignoreBounds=ignore_bounds)

    def showGrid(self, x: bool, y: bool, alpha: float) -> None:
        self.axes["bottom"].setGrid(int(alpha * 255) if x else False)
        self.axes["left"].setGrid(int(alpha * 255) if y else False)

    def setLabel(self, axis: str, text: str) -> None:
        self.axes[axis].setLabel(text)

    def setXRange(self, low: float, high: float, padding: float = 0.0) -> None:
        self.view.setXRange(low, high, padding=padding)

    def setYRange(self, low: float, high: float, padding: float = 0.0) -> None:
        self.view.setYRange(low, high, padding=padding)


@dataclass(frozen=True)
class Hit:
    """What lies under the pointer: the index of a bar or point and, on stacked bars, the series."""

    index: int
    series: str = ""


class Chart(QWidget):
    """A card: the title, an Export PNG… button and the plot. Subclasses draw and answer ``hit_at``."""

    activated = Signal(object)  # a Hit: the admin clicked a bar or a point

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        left: pg.AxisItem | None = None,
        bottom: pg.AxisItem | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#chartCard { background: white; border: 1px solid #d0d0d0; border-radius: 4px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        header = QHBoxLayout()
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        header.addWidget(self.title, 1)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export PNG…"))
        self.export_button.setToolTip(self.tr("Save this chart as a PNG picture"))
        self.export_button.setAutoRaise(True)
        header.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.hide()
        layout.addWidget(self.legend)
        self.plot = _Plot(left, bottom)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setMinimumHeight(140)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setAccessibleName(title)
        layout.addWidget(self.plot, 1)
        self.empty = pg.TextItem("", color="#6b6b6b", anchor=(0.5, 0.5))
        self.plot.addItem(self.empty, ignore_bounds=True)
        self._empty_text = ""
        self._ranges: tuple[tuple[float, float], tuple[float, float], float] | None = None
        self.plot.view.disableAutoRange()  # the charts set their ranges: pyqtgraph need not measure the items
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._clicked)

    def sizeHint(self) -> QSize:
        return QSize(380, 300)

    # --- what subclasses give ------------------------------------------------------------------
    def hit_at(self, x: float, y: float) -> Hit | None:
        raise NotImplementedError

    def tooltip(self, hit: Hit) -> str:
        raise NotImplementedError

    # --- pointer --------------------------------------------------------------------------------
    def view_point(self, scene_pos: QPointF) -> QPointF | None:
        viewbox = self.plot.getViewBox()
        if not viewbox.sceneBoundingRect().contains(scene_pos):
            return None
        point: QPointF = viewbox.mapSceneToView(scene_pos)
        return point

    def widget_point(self, x: float, y: float) -> QPointF:
        """Where the data point (x, y) is on the plot widget (tests click there)."""
        scene = self.plot.getViewBox().mapViewToScene(QPointF(x, y))
        return QPointF(self.plot.mapFromScene(scene))

    def _hover(self, scene_pos: QPointF) -> None:
        point = self.view_point(scene_pos)
        hit = self.hit_at(point.x(), point.y()) if point is not None else None
        if hit is None:
            QToolTip.hideText()
            self.plot.unsetCursor()
            return
        self.plot.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), self.tooltip(hit), self.plot)

    def _clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.view_point(event.scenePos())
        hit = self.hit_at(point.x(), point.y()) if point is not None else None
        if hit is not None:
            event.accept()
            self.activated.emit(hit)

    # --- drawing helpers ------------------------------------------------------------------------
    def set_legend(self, entries: Sequence[tuple[str, str]]) -> None:
        """Under the title: a coloured square and a name per (colour key, translated name)."""
        self.legend.setText(
            "&nbsp;&nbsp; ".join(
                f'<span style="color:{COLOURS[key]}">&#9632;</span>&nbsp;{html.escape(name)}' for key, name in entries
            )
        )
        self.legend.show()

    def set_ranges(self, x: tuple[float, float], y: tuple[float, float], x_padding: float = 0.0) -> None:
        """The visible ranges; nothing is redone when they are those on show."""
        if (x, y, x_padding) == self._ranges:
            return
        self._ranges = (x, y, x_padding)
        self.plot.setXRange(*x, padding=x_padding)
        self.plot.setYRange(*y, padding=0)
        if self._empty_text:
            self.empty.setPos(self.plot.getViewBox().viewRect().center())

    def show_empty(self, text: str) -> None:
        """A line in the middle of the plot when there is nothing to draw ("" hides it)."""
        if text == self._empty_text:
            return
        self._empty_text = text
        self.empty.setText(text)
        if text:
            rect = self.plot.getViewBox().viewRect()
            self.empty.setPos(rect.center())

    def export_png(self, path: str) -> bool:
        """The card as a PNG file (without its Export button); False when it could not be written."""
        self.export_button.hide()
        try:
            return bool(self.grab().save(path, "PNG"))
        finally:
            self.export_button.show()


class StackedHourlyBars(Chart):
    """Bars per hour, one stacked segment per series (items per workload, failures per level)."""

    def __init__(self, title: str, series: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        """*series*: (key, translated name), bottom first; their colours are COLOURS[key]."""
        super().__init__(title, parent, bottom=TimeAxis(orientation="bottom"), left=CountAxis("left"))
        self.series = list(series)
        self.hours: list[datetime] = []
        self.values: dict[str, list[int]] = {key: [] for key, _ in self.series}
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.set_legend(list(reversed(self.series)))  # as the segments stack: the top one first
        for key, _name in self.series:
            bar = pg.BarGraphItem(x=[], height=[], width=HOUR * 0.8, brush=_brush(key), pen=pg.mkPen(None))
            self.plot.addItem(bar)
            self.bars[key] = bar

    def set_data(self, hours: Sequence[datetime], values: dict[str, Sequence[int]]) -> None:
        self.hours = list(hours)
        self.values = {key: list(values.get(key, [0] * len(self.hours))) for key, _ in self.series}
        centres = np.array([h.timestamp() for h in self.hours], dtype=float) + HOUR / 2
        bottom = np.zeros(len(self.hours))
        for key, _ in self.series:
            heights = np.array(self.values[key], dtype=float)
            self.bars[key].setOpts(x=centres, height=heights, y0=bottom.copy(), width=HOUR * 0.8)
            bottom += heights
        top = float(bottom.max(initial=0))
        start = self.hours[0].timestamp() if self.hours else 0.0
        end = self.hours[-1].timestamp() + HOUR if self.hours else HOUR
        self.set_ranges((start, end), (0, max(top, 1) * 1.1), x_padding=0.01)
        self.show_empty("" if top else self.tr("Nothing in this period"))

    def hit_at(self, x: float, y: float) -> Hit | None:
        if not self.hours:
            return None
        index = int((x - self.hours[0].timestamp()) // HOUR)
        if not 0 <= index < len(self.hours):
            return None
        total = sum(self.values[key][index] for key, _ in self.series)
        if total == 0 or y < 0:
            return None
        bottom = 0
        for key, _ in self.series:
            height = self.values[key][index]
            if height and y <= bottom + height:
                return Hit(index, key)
            bottom += height
        top_key = next(key for key, _ in reversed(self.series) if self.values[key][index])
        return Hit(index, top_key) if y <= total * 1.1 else None

    def tooltip(self, hit: Hit) -> str:
        start = self.hours[hit.index].astimezone()
        lines = [f"{start:%m/%d %H:%M}–{start + timedelta(hours=1):%H:%M}"]
        for key, name in reversed(self.series):
            lines.append(f"{name}: {self.values[key][hit.index]}")
        lines.append(self.tr("Click to see the mailboxes"))
        return "\n".join(lines)


class DurationChart(Chart):
    """The median and the 95th percentile of the cycles' durations, per hour."""

    def __init__(self, title: str, median_name: str, p95_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, bottom=TimeAxis(orientation="bottom"))
        self.names = {"median": median_name, "p95": p95_name}
        self.hours: list[datetime] = []
        self.values: dict[str, list[float | None]] = {"median": [], "p95": []}
        self.cycles: list[int] = []
        self.set_legend(list(self.names.items()))
        self.lines = {
            key: pg.PlotDataItem(
                [],
                [],
                pen=pg.mkPen(COLOURS[key], width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=_brush(key),
                symbolPen=None,
                connect="finite",
            )
            for key in ("median", "p95")
        }
        for line in self.lines.values():
            self.plot.addItem(line)
        self.plot.setLabel("left", self.tr("seconds"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)  # 0.9 seconds, never "seconds (x0.001)" and 900

    def set_data(self, hours: Sequence[datetime], median_ms: Sequence[float | None], p95_ms: Sequence[float | None],
                 cycles: Sequence[int]) -> None:  # fmt: skip
        self.hours, self.cycles = list(hours), list(cycles)
        self.values = {"median": list(median_ms), "p95": list(p95_ms)}
        xs = np.array([h.timestamp() for h in self.hours], dtype=float) + HOUR / 2
        top = 0.0
        for key, line in self.lines.items():
            ys = np.array([np.nan if v is None else v / 1000 for v in self.values[key]], dtype=float)
            if np.isfinite(ys).any():
                line.setData(xs, ys)  # the hours without cycles are gaps
                top = max(top, float(np.nanmax(ys)))
            else:
                line.setData([], [])
        start = self.hours[0].timestamp() if self.hours else 0.0
        end = self.hours[-1].timestamp() + HOUR if self.hours else HOUR
        self.set_ranges((start, end), (0, max(top, 0.1) * 1.1), x_padding=0.01)
        self.show_empty("" if any(self.cycles) else self.tr("No cycles in this period"))

    def hit_at(self, x: float, y: float) -> Hit | None:
        if not self.hours:
            return None
        index = int((x - self.hours[0].timestamp()) // HOUR)
        if not 0 <= index < len(self.hours) or not self.cycles[index]:
            return None
        return Hit(index)

    def tooltip(self, hit: Hit) -> str:
        start = self.hours[hit.index].astimezone()
        lines = [f"{start:%m/%d %H:%M}–{start + timedelta(hours=1):%H:%M}"]
        for key in ("median", "p95"):
            value = self.values[key][hit.index]
            seconds = "" if value is None else f"{value / 1000:.2f}"
            lines.append(self.tr("%1: %2 s").replace("%1", self.names[key]).replace("%2", seconds))
        lines.append(self.tr("Cycles: %1").replace("%1", str(self.cycles[hit.index])))
        lines.append(self.tr("Click to see the slowest mailboxes"))
        return "\n".join(lines)


class RankedBars(Chart):
    """Horizontal bars, the largest on top, named on the left (the mailboxes with the most failures)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self.names_axis = LabelAxis("left")
        super().__init__(title, parent, left=self.names_axis, bottom=CountAxis("bottom"))
        self.names: list[str] = []
        self.segments: dict[str, list[int]] = {"warning": [], "error": []}
        self.bars = {
            key: pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brush=_brush(key), pen=pg.mkPen(None))
            for key in ("warning", "error")
        }
        for bar in self.bars.values():
            self.plot.addItem(bar)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot.getAxis("left").setStyle(tickLength=0)
        self.plot.getViewBox().invertY(True)

    def set_data(self, names: Sequence[str], warnings: Sequence[int], errors: Sequence[int]) -> None:
        self.names = list(names)
        self.segments = {"warning": list(warnings), "error": list(errors)}
        ys = np.arange(len(self.names), dtype=float)
        error_widths = np.array(self.segments["error"], dtype=float)
        warning_widths = np.array(self.segments["warning"], dtype=float)
        self.bars["error"].setOpts(x0=np.zeros(len(ys)), y=ys, width=error_widths, height=0.6)
        self.bars["warning"].setOpts(x0=error_widths, y=ys, width=warning_widths, height=0.6)
        self.names_axis.set_names(self.names)
        top = float((error_widths + warning_widths).max(initial=0))
        self.set_ranges((0, max(top, 1) * 1.1), (-0.6, max(len(ys), 1) - 0.4))
        self.show_empty("" if self.names else self.tr("No failures in this period"))

    def hit_at(self, x: float, y: float) -> Hit | None:
        index = round(y)
        if not 0 <= index < len(self.names) or abs(y - index) > 0.35 or x < 0:
            return None
        return Hit(index)

    def tooltip(self, hit: Hit) -> str:
        warnings, errors = self.segments["warning"][hit.index], self.segments["error"][hit.index]
        return "\n".join(
            [
                self.names[hit.index],
                self.tr("Errors: %1").replace("%1", str(errors)),
                self.tr("Warnings: %1").replace("%1", str(warnings)),
                self.tr("Click to open the mailbox"),
            ]
        )


class Timeline(Chart):
    """Points in time on a few named lanes (the next cycles, one lane per workload)."""

    def __init__(self, title: str, lanes: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        """*lanes*: (key, translated name), top first; their colours are COLOURS[key]."""
        self.lanes_axis = LabelAxis("left", most=40)  # a few names, and the chart is wide: whole
        super().__init__(title, parent, left=self.lanes_axis, bottom=TimeAxis(orientation="bottom"))
        self.lanes = list(lanes)
        self.lanes_axis.set_names([name for _, name in self.lanes])
        self.points: list[tuple[float, int, int]] = []  # (time, lane, index in the data)
        self._describe: Callable[[int], str] = str
        self.scatters = []  # one per lane, all its points in one colour: no object per point
        for key, _name in self.lanes:
            scatter = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1), brush=_brush(key))
            self.plot.addItem(scatter)
            self.scatters.append(scatter)
        self.now_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#6b6b6b", style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.now_line, ignore_bounds=True)
        self.plot.getViewBox().invertY(True)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot.getAxis("left").setStyle(tickLength=0)

    def set_data(self, now: datetime, points: Sequence[tuple[datetime, str]], describe: Callable[[int], str]) -> None:
        """*points*: (when, lane key); one in the past is due now and drawn at *now*. The tooltip of
        the point *i* is ``describe(i)``, asked when the pointer is over it."""
        lane_of = {key: i for i, (key, _) in enumerate(self.lanes)}
        start = now.timestamp()
        self.points = [(max(when.timestamp(), start), lane_of[lane], i) for i, (when, lane) in enumerate(points)]
        self._describe = describe
        xs = np.array([x for x, _, _ in self.points], dtype=float)
        on_lane = np.array([lane for _, lane, _ in self.points], dtype=int)
        for lane, scatter in enumerate(self.scatters):
            mine = xs[on_lane == lane]
            scatter.setData(x=mine, y=np.full(len(mine), float(lane)))
        self.now_line.setValue(start)
        end = max(start + 15 * 60, float(xs.max(initial=start)))
        self.set_ranges((start, end), (-0.6, len(self.lanes) - 0.4), x_padding=0.04)
        self.show_empty("" if self.points else self.tr("Nothing scheduled"))

    def hit_at(self, x: float, y: float) -> Hit | None:
        lane = round(y)
        if not self.points or abs(y - lane) > 0.4:
            return None
        (left, right), _ = self.plot.getViewBox().viewRange()
        tolerance = (right - left) / 80  # about the size of a dot
        near = [
            (abs(px - x), i) for i, (px, pl, _) in enumerate(self.points) if pl == lane and abs(px - x) <= tolerance
        ]
        return Hit(min(near)[1]) if near else None

    def tooltip(self, hit: Hit) -> str:
        return self._describe(self.points[hit.index][2]) + "\n" + self.tr("Click to open the mailbox")
