"""Finds clipped text and overlapping widgets in a shown window (screenshots and tests use it).

A label, button or check box narrower or shorter than its text needs is clipped; a word-
wrapped label shorter than its wrapped text is clipped; two visible widgets of the same
layout whose rectangles intersect overlap. Tab bars must show every tab title whole.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    return f"{type(widget).__name__}({widget.objectName() or '?'}: {text[:40]!r})"


def _in_scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not parent.inherits("QTextEdit"):
            return True
        parent = parent.parentWidget()
    return False


def _clipped(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return None
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"{_name(widget)} needs {need}px of height, has {widget.height()}"
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            return f"{_name(widget)} needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
        return None
    if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
        if not widget.text():
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            return f"{_name(widget)} needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
        return None
    if isinstance(widget, QGroupBox) and widget.title():
        hint = widget.minimumSizeHint()
        if hint.width() > widget.width() + 1:
            return f"{_name(widget)} title needs {hint.width()}px, has {widget.width()}"
        return None
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            rect = widget.tabRect(index)
            if rect.right() > widget.width() or widget.tabSizeHint(index).width() > rect.width() + 1:
                return f"QTabBar tab {widget.tabText(index)!r} is cut off"
    return None


def _overlaps(widget: QWidget) -> list[str]:
    layout = widget.layout()
    if layout is None:
        return []
    children: list[QWidget] = []
    stack = [layout]
    while stack:
        current = stack.pop()
        for index in range(current.count()):
            item = current.itemAt(index)
            assert item is not None  # index < count()
            child, nested = item.widget(), item.layout()
            if child is not None and child.isVisible():
                children.append(child)
            elif nested is not None:
                stack.append(nested)
    problems = []
    for i, first in enumerate(children):
        for second in children[i + 1 :]:
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                problems.append(f"{_name(first)} overlaps {_name(second)}")
    return problems


def layout_problems(root: QWidget) -> list[str]:
    """Problems of every visible widget under *root* (which must be shown and laid out)."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        if _in_scroll_viewport(widget) and not isinstance(widget, (QLabel, QAbstractButton, QGroupBox)):
            continue
        problem = _clipped(widget)
        if problem:
            problems.append(problem)
        problems += _overlaps(widget)
    return problems
