"""What the tests of the editing windows do as a person does: open a window in front, leave a
field with Tab, and read a window's access keys."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

ACCESS_KEY = re.compile(r"&([^&])")
JAPANESE_KEY = re.compile(r"\(&([A-Z0-9])\)")


def in_front(qtbot, window: QWidget) -> QWidget:
    """Shown and active, so that the focus moves as it does for a person. A window the test
    closes is deleted (WA_DeleteOnClose): pytest-qt then no longer closes it at the end."""
    qtbot.addWidget(window)
    registered = qtbot._request.node.qt_widgets  # pytest-qt's list of the test's widgets
    entry = registered[-1]
    window.destroyed.connect(lambda: entry in registered and registered.remove(entry))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def leave(qtbot, field: QWidget) -> None:
    """Done with a field: it has the focus, then Tab moves on."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()


def retype(qtbot, field: QWidget, text: str) -> None:
    """Select what the field holds and type over it (without leaving it)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def access_key(text: str) -> str | None:
    match = ACCESS_KEY.search(text.replace("&&", ""))
    return match.group(1).upper() if match else None


def keyed_widgets(window: QWidget) -> list[tuple[QWidget, str]]:
    """(widget, text) of every label with a buddy (a field's name, not its message), button and
    group box the window shows now."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None and not widget.objectName().endswith("Error"):
            found.append((widget, widget.text()))
        elif isinstance(widget, QAbstractButton) and widget.text() and widget.parent() is not None:
            if type(widget).__name__ != "QToolButton":  # a tab bar's scroll arrows
                found.append((widget, widget.text()))
        elif isinstance(widget, QGroupBox) and access_key(widget.title()):
            found.append((widget, widget.title()))
    return found


def key_problems(window: QWidget, japanese: bool = False) -> list[str]:
    """What is wrong with the access keys the window shows now: a label or button without one,
    a key used twice, a Japanese key not written "(&X)"."""
    problems, seen = [], {}
    for widget, text in keyed_widgets(window):
        key = access_key(text)
        name = widget.objectName() or type(widget).__name__
        if key is None:
            problems.append(f"{name}: no access key in {text!r}")
            continue
        if japanese and not JAPANESE_KEY.search(text):
            problems.append(f"{name}: {text!r} is not written (&X)")
        if key in seen:
            problems.append(f"{name}: {key} again ({seen[key]}): {text!r}")
        seen[key] = name
    return problems
