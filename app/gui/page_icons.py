"""Icons of the main window's navigation and of the lists' status cells, drawn with QPainter
(no image files, sharp at every scale). A status icon always stands beside its word: the
shape tells the status apart too (a cross, a triangle, a dash, a tick), never the colour alone."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from app.domain.enums import AlertLevel, RunStatus

INK = QColor("#455a64")
PAPER = QColor("#eceff1")
_SIZES = (16, 20, 24, 32, 48)

Draw = Callable[[QPainter, float], None]  # paints on a 32 x 32 grid scaled by the float


def _icon(draw: Draw) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter, size / 32.0)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _pen(painter: QPainter, colour: QColor, width: float) -> None:
    painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))


# --- navigation ------------------------------------------------------------------------------


def _server(p: QPainter, s: float) -> None:
    _pen(p, INK, 2 * s)
    p.setBrush(PAPER)
    for top in (4, 13, 22):
        p.drawRoundedRect(QRectF(5 * s, top * s, 22 * s, 7 * s), 1.5 * s, 1.5 * s)
        p.drawPoint(QPointF(10 * s, (top + 3.5) * s))


def _envelope(p: QPainter, s: float) -> None:
    _pen(p, INK, 2 * s)
    p.setBrush(PAPER)
    p.drawRoundedRect(QRectF(3 * s, 7 * s, 26 * s, 18 * s), 2 * s, 2 * s)
    flap = QPainterPath(QPointF(4 * s, 8 * s))
    flap.lineTo(16 * s, 17 * s)
    flap.lineTo(28 * s, 8 * s)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(flap)


def _people(p: QPainter, s: float) -> None:
    _pen(p, INK, 2 * s)
    for x, y, r, shade in ((21, 9, 4, "#cfd8dc"), (11, 11, 5, "#eceff1")):
        p.setBrush(QColor(shade))
        p.drawEllipse(QPointF(x * s, y * s), r * s, r * s)
        left, right, top, bottom = (x - r - 4) * s, (x + r + 4) * s, (y + r + 2) * s, (y + r + 13) * s
        body = QPainterPath(QPointF(left, bottom))
        body.cubicTo(left, top, right, top, right, bottom)
        body.closeSubpath()
        p.drawPath(body)


def _bell(p: QPainter, s: float) -> None:
    _pen(p, INK, 2 * s)
    p.setBrush(QColor("#ffe082"))
    bell = QPainterPath(QPointF(6 * s, 23 * s))
    bell.cubicTo(9 * s, 20 * s, 8 * s, 15 * s, 9 * s, 12 * s)
    bell.cubicTo(10 * s, 4 * s, 22 * s, 4 * s, 23 * s, 12 * s)
    bell.cubicTo(24 * s, 15 * s, 23 * s, 20 * s, 26 * s, 23 * s)
    bell.closeSubpath()
    p.drawPath(bell)
    p.drawLine(QPointF(16 * s, 3 * s), QPointF(16 * s, 5.5 * s))
    p.drawArc(QRectF(12.5 * s, 23 * s, 7 * s, 6 * s), 180 * 16, 180 * 16)


def _gear(p: QPainter, s: float) -> None:
    _pen(p, INK, 2 * s)
    p.setBrush(PAPER)
    outline = QPolygonF()
    for step in range(16):  # eight teeth: alternating outer and inner radius
        angle, radius = math.pi * 2 * step / 16, 13 if step % 2 == 0 else 9.5
        for offset in (-0.12, 0.12):
            x, y = 16 + radius * math.cos(angle + offset), 16 + radius * math.sin(angle + offset)
            outline.append(QPointF(x * s, y * s))
    p.drawPolygon(outline)
    p.setBrush(QColor("white"))
    p.drawEllipse(QPointF(16 * s, 16 * s), 4 * s, 4 * s)


def _log(p: QPainter, s: float) -> None:
    _pen(p, INK, 2 * s)
    p.setBrush(QColor("white"))
    page = QPainterPath(QPointF(7 * s, 3 * s))
    page.lineTo(20 * s, 3 * s)
    page.lineTo(26 * s, 9 * s)
    page.lineTo(26 * s, 29 * s)
    page.lineTo(7 * s, 29 * s)
    page.closeSubpath()
    p.drawPath(page)
    _pen(p, INK, 1.6 * s)
    for y in (12, 17, 22):
        p.drawLine(QPointF(11 * s, y * s), QPointF(22 * s, y * s))


def _chart(p: QPainter, s: float) -> None:
    _pen(p, INK, 2 * s)
    p.drawLine(QPointF(4 * s, 28 * s), QPointF(28 * s, 28 * s))
    for x, top, colour in ((7, 17, "#90caf9"), (14, 9, "#a5d6a7"), (21, 13, "#ffe082")):
        p.setBrush(QColor(colour))
        p.drawRect(QRectF(x * s, top * s, 5 * s, (28 - top) * s))


def _records(p: QPainter, s: float) -> None:
    """Two filed cards, the front one ticked and written on: the synchronized records (not the
    profiles' stacked servers)."""
    _pen(p, INK, 2 * s)
    p.setBrush(QColor("#cfd8dc"))
    p.drawRoundedRect(QRectF(9 * s, 4 * s, 19 * s, 16 * s), 2 * s, 2 * s)
    p.setBrush(PAPER)
    p.drawRoundedRect(QRectF(4 * s, 10 * s, 19 * s, 17 * s), 2 * s, 2 * s)
    p.drawPolyline([QPointF(7 * s, 18 * s), QPointF(9.5 * s, 21 * s), QPointF(13 * s, 15 * s)])
    p.drawLine(QPointF(15 * s, 19 * s), QPointF(20 * s, 19 * s))


def _hosts(p: QPainter, s: float) -> None:
    """Two machines on one line: the engine hosts of a shared database."""
    _pen(p, INK, 2 * s)
    p.setBrush(PAPER)
    for left in (3, 17):
        p.drawRoundedRect(QRectF(left * s, 5 * s, 12 * s, 10 * s), 1.5 * s, 1.5 * s)
        p.drawLine(QPointF((left + 6) * s, 15 * s), QPointF((left + 6) * s, 25 * s))
    p.drawLine(QPointF(5 * s, 25 * s), QPointF(27 * s, 25 * s))


NAVIGATION = {
    "dashboard": _chart,
    "records": _records,
    "profiles": _server,
    "mailboxes": _envelope,
    "users": _people,
    "alerts": _bell,
}
NAVIGATION |= {"settings": _gear, "logs": _log, "hosts": _hosts}


@cache
def navigation_icon(page: str) -> QIcon:
    """The icon of a navigation entry: dashboard, profiles, mailboxes, users, alerts, settings, logs,
    records or hosts."""
    return _icon(NAVIGATION[page])


# --- statuses --------------------------------------------------------------------------------


def _badge(colour: str, mark: Callable[[QPainter, float], None]) -> Draw:
    def draw(p: QPainter, s: float) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawEllipse(QRectF(2 * s, 2 * s, 28 * s, 28 * s))
        _pen(p, QColor("white"), 4 * s)
        mark(p, s)

    return draw


def _cross(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(11 * s, 11 * s), QPointF(21 * s, 21 * s))
    p.drawLine(QPointF(21 * s, 11 * s), QPointF(11 * s, 21 * s))


def _tick(p: QPainter, s: float) -> None:
    tick = QPainterPath(QPointF(9 * s, 16.5 * s))
    tick.lineTo(14 * s, 21.5 * s)
    tick.lineTo(23 * s, 11 * s)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)


def _dash(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(10 * s, 16 * s), QPointF(22 * s, 16 * s))


def _info(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(16 * s, 15 * s), QPointF(16 * s, 23 * s))
    p.drawPoint(QPointF(16 * s, 9.5 * s))


def _triangle(p: QPainter, s: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c98a00"))
    p.drawPolygon(QPolygonF([QPointF(16 * s, 2 * s), QPointF(31 * s, 29 * s), QPointF(1 * s, 29 * s)]))
    _pen(p, QColor("white"), 3.6 * s)
    p.drawLine(QPointF(16 * s, 11 * s), QPointF(16 * s, 19 * s))
    p.drawPoint(QPointF(16 * s, 24.5 * s))


_STATUS_DRAW: dict[str, Draw] = {
    "failure": _badge("#c62828", _cross),
    "warning": _triangle,
    "not_run": _badge("#78909c", _dash),
    "success": _badge("#1b7f3b", _tick),
    "information": _badge("#1565c0", _info),
}


@cache
def _status_icon(key: str) -> QIcon:
    return _icon(_STATUS_DRAW[key])


def run_status_icon(status: RunStatus) -> QIcon:
    """A cross for Failure, a triangle for Warning, a dash for Not run, a tick for Success."""
    return _status_icon(status.value)


def alert_level_icon(level: AlertLevel) -> QIcon:
    """An Error as a Failure, a Warning's triangle, an "i" for Information."""
    return _status_icon({AlertLevel.ERROR: "failure"}.get(level, level.value))


def _star(p: QPainter, s: float) -> None:
    points = QPolygonF()
    for step in range(10):
        radius = 14 if step % 2 == 0 else 6
        angle = -math.pi / 2 + math.pi * step / 5
        points.append(QPointF((16 + radius * math.cos(angle)) * s, (17 + radius * math.sin(angle)) * s))
    _pen(p, QColor("#9a6700"), 1.5 * s)
    p.setBrush(QColor("#ffc107"))
    p.drawPolygon(points)


@cache
def default_icon() -> QIcon:
    """A star: the default email server profile."""
    return _icon(_star)
