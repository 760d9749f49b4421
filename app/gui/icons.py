"""Status icons (ok / warning / error), drawn with QPainter so no image files are needed."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

OK, WARNING, ERROR = "ok", "warning", "error"
_COLOURS = {OK: "#1b7f3b", WARNING: "#c98a00", ERROR: "#c62828"}


def _pixmap(state: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32.0
    # an envelope (the mailbox) ...
    painter.setPen(QPen(QColor("#37474f"), 2 * s))
    painter.setBrush(QColor("#eceff1"))
    body = QRectF(2 * s, 6 * s, 24 * s, 17 * s)
    painter.drawRoundedRect(body, 2 * s, 2 * s)
    flap = QPainterPath(QPointF(3 * s, 7 * s))
    flap.lineTo(14 * s, 16 * s)
    flap.lineTo(25 * s, 7 * s)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(flap)
    # ... with a status badge
    painter.setPen(QPen(QColor("white"), 1.5 * s))
    painter.setBrush(QColor(_COLOURS[state]))
    painter.drawEllipse(QRectF(17 * s, 15 * s, 14 * s, 14 * s))
    painter.setPen(QPen(QColor("white"), 2.2 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    if state == OK:
        tick = QPainterPath(QPointF(20.5 * s, 22 * s))
        tick.lineTo(23 * s, 24.5 * s)
        tick.lineTo(27.5 * s, 19 * s)
        painter.drawPath(tick)
    else:
        painter.drawLine(QPointF(24 * s, 18.5 * s), QPointF(24 * s, 23 * s))
        painter.drawPoint(QPointF(24 * s, 26 * s))
    painter.end()
    return pixmap


@cache  # drawn once per state: a list of twenty mailboxes needs three icons, not a hundred pixmaps
def status_icon(state: str) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        icon.addPixmap(_pixmap(state, size))
    return icon


def state_for_level(level) -> str:
    """The tray state of the worst open alert level (None: all is well)."""
    if level is None:
        return OK
    return {"error": ERROR, "warning": WARNING}.get(level.value, OK)


def state_for_status(status) -> str:
    """The icon state of a test or workload status (a RunStatus): a failure is an error, a warning
    or a test that did not run a warning."""
    return {"success": OK, "failure": ERROR}.get(getattr(status, "value", ""), WARNING)
