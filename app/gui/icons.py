"""Status icons (ok / warning / error), drawn with QPainter so no image files are needed.

Two sets: the full-colour one (the window's icon, the tray elsewhere) and, for the Windows
notification area, glyphs as Windows draws its own there: a white envelope on the dark taskbar,
a dark one on the light taskbar (Settings > Personalization > Colors, "Choose your default
Windows mode", which Windows keeps as SystemUsesLightTheme), each with the coloured status badge.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

OK, WARNING, ERROR = "ok", "warning", "error"
_COLOURS = {OK: "#1b7f3b", WARNING: "#c98a00", ERROR: "#c62828"}
FULL_COLOUR, DARK_TASKBAR, LIGHT_TASKBAR = "full-colour", "dark-taskbar", "light-taskbar"
# the envelope's outline and body in each set (None: no body, the taskbar shows through)
_ENVELOPES: dict[str, tuple[str, str | None]] = {
    FULL_COLOUR: ("#37474f", "#eceff1"),
    DARK_TASKBAR: ("#ffffff", None),
    LIGHT_TASKBAR: ("#1f1f1f", None),
}
PERSONALIZE_KEY = r"Software\Microsoft\Windows\CurrentVersion\Themes\Personalize"


def _pixmap(state: str, size: int, icon_set: str = FULL_COLOUR) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32.0
    outline, body_colour = _ENVELOPES[icon_set]
    # an envelope (the mailbox) ...
    painter.setPen(QPen(QColor(outline), 2 * s))
    painter.setBrush(QColor(body_colour) if body_colour else Qt.BrushStyle.NoBrush)
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


@cache  # drawn once per state and set: a list of twenty mailboxes needs three icons, not a hundred pixmaps
def status_icon(state: str, icon_set: str = FULL_COLOUR) -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32, 40, 48, 64):  # 20 and 40: the notification area at 125 % and 250 %
        icon.addPixmap(_pixmap(state, size, icon_set))
    return icon


def _read_system_uses_light_theme() -> int | None:
    """Windows' SystemUsesLightTheme (1: light taskbar), None when it is not set (before
    Windows 10 1903 the taskbar was always dark) or not on Windows."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, PERSONALIZE_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, "SystemUsesLightTheme")
    except OSError:
        return None
    return int(value)


def tray_icon_set(
    platform: str = sys.platform, read_light_theme: Callable[[], int | None] = _read_system_uses_light_theme
) -> str:
    """The icon set of the tray: on Windows the glyphs for the taskbar's mode (dark unless the
    taskbar is light), elsewhere the full-colour icons."""
    if platform != "win32":
        return FULL_COLOUR
    return LIGHT_TASKBAR if read_light_theme() == 1 else DARK_TASKBAR


def tray_icon(state: str) -> QIcon:
    """The tray's icon for *state*, in the set the taskbar needs now."""
    return status_icon(state, tray_icon_set())


def state_for_level(level) -> str:
    """The tray state of the worst open alert level (None: all is well)."""
    if level is None:
        return OK
    return {"error": ERROR, "warning": WARNING}.get(level.value, OK)


def state_for_status(status) -> str:
    """The icon state of a test or workload status (a RunStatus): a failure is an error, a warning
    or a test that did not run a warning."""
    return {"success": OK, "failure": ERROR}.get(getattr(status, "value", ""), WARNING)
