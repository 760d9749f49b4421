"""The status icons: the full-colour set, and the Windows notification area's glyphs for the dark
and the light taskbar, chosen from Windows' SystemUsesLightTheme."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor

from app.gui.icons import (
    DARK_TASKBAR,
    ERROR,
    FULL_COLOUR,
    LIGHT_TASKBAR,
    OK,
    _read_system_uses_light_theme,
    status_icon,
    tray_icon_set,
)


def pixel(icon, x, y, size=32) -> QColor:
    return icon.pixmap(size, size).toImage().pixelColor(x, y)


def test_on_windows_the_tray_follows_the_taskbar_and_elsewhere_is_full_colour():
    assert tray_icon_set("win32", lambda: 0) == DARK_TASKBAR
    assert tray_icon_set("win32", lambda: 1) == LIGHT_TASKBAR
    assert tray_icon_set("win32", lambda: None) == DARK_TASKBAR, "Windows 10 before 1903: always dark"
    assert tray_icon_set("linux", lambda: 1) == FULL_COLOUR


@pytest.mark.parametrize("icon_set", [DARK_TASKBAR, LIGHT_TASKBAR])
def test_the_taskbar_glyphs_stand_out_from_their_taskbar_and_let_it_show_through(qapp, icon_set):
    icon = status_icon(OK, icon_set)
    edge = pixel(icon, 2, 14)  # the envelope's left side
    assert edge.alpha() > 200
    if icon_set == DARK_TASKBAR:
        assert edge.lightness() > 200, "a light envelope on the dark taskbar"
    else:
        assert edge.lightness() < 60, "a dark envelope on the light taskbar"
    assert pixel(icon, 8, 19).alpha() == 0, "no body: the taskbar shows through"
    full = status_icon(OK, FULL_COLOUR)
    assert pixel(full, 8, 19).alpha() == 255 and pixel(full, 8, 19).lightness() > 200


def test_the_status_badge_keeps_its_colour_in_every_set(qapp):
    for icon_set in (FULL_COLOUR, DARK_TASKBAR, LIGHT_TASKBAR):
        badge = pixel(status_icon(ERROR, icon_set), 20, 25)
        assert badge.name() == "#c62828", icon_set


@pytest.mark.parametrize("size", [16, 20, 24, 32, 40, 48])
def test_every_notification_area_size_is_drawn_not_scaled(qapp, size):
    assert size in [s.width() for s in status_icon(OK, DARK_TASKBAR).availableSizes()]


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' own setting")
def test_on_windows_the_taskbar_mode_is_read_from_the_registry():
    assert _read_system_uses_light_theme() in (0, 1, None)
