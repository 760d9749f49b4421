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
    group box the window shows now; not those of another window in front of it (a question, a
    dialog), nor the buttons drawn in a list's cells (a row's own Copy or View report)."""
    from PySide6.QtWidgets import QAbstractItemView

    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window.window():
            continue
        view = widget.parentWidget()
        while view is not None and view is not window and not isinstance(view, QAbstractItemView):
            view = view.parentWidget()
        if isinstance(view, QAbstractItemView):
            continue
        if (
            isinstance(label := widget, QLabel)
            and label.buddy() is not None
            and not label.objectName().endswith("Error")
        ):
            found.append((widget, label.text()))
        elif isinstance(widget, QAbstractButton) and widget.text() and widget.parent() is not None:
            if type(widget).__name__ != "QToolButton":  # a tab bar's scroll arrows
                found.append((widget, widget.text()))
        elif isinstance(widget, QGroupBox) and access_key(widget.title()):
            found.append((widget, widget.title()))
    return found


def key_problems(window: QWidget, japanese: bool = False) -> list[str]:
    """What is wrong with the access keys the window shows now: a label or button without one,
    a key used twice, a Japanese key not written "(&X)". A control repeated in each group of a
    list (a filter's Remove filter) may go without one; with one, its key is its own: pressed
    again, it moves on to the next of them (Qt's ambiguous shortcut)."""
    problems, seen = [], {}
    shown = keyed_widgets(window)
    texts = [text for _widget, text in shown]
    for widget, text in shown:
        key = access_key(text)
        name = widget.objectName() or type(widget).__name__
        repeated = texts.count(text) > 1
        if key is None:
            if not repeated:
                problems.append(f"{name}: no access key in {text!r}")
            continue
        if japanese and not JAPANESE_KEY.search(text):
            problems.append(f"{name}: {text!r} is not written (&X)")
        if key in seen and seen[key][1] != text or key in seen and not repeated:
            problems.append(f"{name}: {key} again ({seen[key][0]}): {text!r}")
        seen[key] = (name, text)
    return problems


# --- accessible names -------------------------------------------------------------------------

# Qt's own parts of a widget (a spin box's line edit, a combo box's list, a calendar's buttons):
# they are named through the widget they belong to
_QT_PARTS = ("qt_",)


def _is_part(widget: QWidget, window: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QMenu, QScrollBar, QTabBar

    if widget.objectName().startswith(_QT_PARTS) or isinstance(widget, (QScrollBar, QMenu, QTabBar)):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or parent.objectName().startswith(_QT_PARTS):
            return True
        parent = parent.parentWidget()
    return False


def _named_by_itself(widget: QWidget) -> bool:
    """Named without a label: an accessible name, or (buttons, check boxes, a selectable label)
    text that Qt's accessibility reads as the name."""
    from PySide6.QtWidgets import QGroupBox

    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton):
        return bool(widget.text().replace("&", "").strip())
    if isinstance(widget, QLabel):
        return bool(widget.text().strip())
    if isinstance(widget, QGroupBox):
        return bool(widget.title().strip())
    return False


def name_problems(window: QWidget) -> list[str]:
    """Every focusable widget of *window* (shown now or not: the other tabs and pages too) that a
    screen reader would announce without a name. The rule: buttons, check boxes and group boxes
    are named by their text; every other focusable widget (line edits, combo and spin boxes,
    tables, lists, trees, text views) needs an accessible name or a label whose buddy it is. And
    every label of a form layout's row whose field takes the focus is that field's buddy."""
    from PySide6.QtWidgets import QFormLayout

    widgets = [window, *window.findChildren(QWidget)]
    buddies = {
        id(label.buddy())
        for label in widgets
        if isinstance(label, QLabel) and label.buddy() is not None and not label.objectName().endswith("Error")
    }
    problems = []
    for widget in widgets:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or _is_part(widget, window) or widget.isWindow():
            continue
        if widget.focusProxy() is not None:  # a tab widget: the focus, and the name, is its tab bar's
            continue
        if isinstance(widget, QLabel) and not widget.text().strip():
            continue
        if not _named_by_itself(widget) and id(widget) not in buddies:
            problems.append(f"{_describe(widget)} has no accessible name")
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            if not isinstance(label, QLabel) or field_item is None or label.buddy() is not None:
                continue
            if _focusable_in(field_item):
                problems.append(f"{_describe(label)} ({label.text()!r}) labels a field but has no buddy")
    return problems


def _focusable_in(item) -> bool:
    widget = item.widget()
    if widget is not None:
        inner = [widget, *widget.findChildren(QWidget)]
        return any(w.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(w, QLabel) for w in inner)
    layout = item.layout()
    if layout is not None:
        return any(_focusable_in(layout.itemAt(i)) for i in range(layout.count()))
    return False


def _describe(widget: QWidget) -> str:
    path, node = [], widget
    while node is not None and not node.isWindow():
        path.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    top = node.objectName() or type(node).__name__ if node is not None else "?"
    return f"{type(widget).__name__} {top}/" + "/".join(reversed(path[:3]))
