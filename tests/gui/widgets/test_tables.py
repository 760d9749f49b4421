"""The lists' columns: fitted at first, resizable, movable, hidden from the header's menu, and (for
a named table) the same again at the next start: a new table reading the same settings file."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from app.gui.models.table_models import Column, RowTableModel, SearchProxy
from app.gui.widgets.tables import START_WIDTH_CHARACTERS, setup_table
from app.gui.windows.base import window_settings

LONG = "A message long enough to push every other column out of sight " * 3


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    count: int
    message: str


ROWS = [Row(1, "Alice Wong", 3, "short"), Row(2, "Bob Sato", 12, LONG), Row(3, "Carol", 7, "medium text")]
COLUMNS = [
    Column("Name", lambda r: r.name),
    Column("Count", lambda r: r.count),
    Column("Message", lambda r: r.message),
    Column("Id", lambda r: r.id),
]


def make_table(qtbot, name: str | None = "test-list", columns=COLUMNS, rows=ROWS, **options):
    table = QTableView()
    qtbot.addWidget(table)
    model = RowTableModel(columns, table)
    proxy = SearchProxy(table)
    proxy.setSourceModel(model)
    layout = setup_table(table, proxy, name=name, **options)
    model.set_rows(rows)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    qtbot.wait(10)  # the fit after the rows arrived
    return table, layout


def edge_of(header: QHeaderView, column: int) -> QPoint:
    """The point on the header where *column*'s right edge can be dragged."""
    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) - 1, header.height() // 2)


def drag_edge(qtbot, header: QHeaderView, column: int, by: int) -> None:
    start = edge_of(header, column)
    viewport = header.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, QPoint(start.x() + by * step // 5, start.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + by, start.y()))
    qtbot.wait(10)


def click_title(qtbot, header: QHeaderView, column: int) -> None:
    pos = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def shown_names(table: QTableView) -> list[str]:
    proxy = table.model()
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def menu_action(layout, title: str):
    return next(a for a in layout.column_menu().actions() if a.text() == title)


def test_columns_start_fitted_to_contents_up_to_a_limit_and_are_resizable_and_movable(qtbot):
    table, layout = make_table(qtbot)
    header = table.horizontalHeader()
    assert header.sectionsMovable()
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive for c in range(4))
    limit = table.fontMetrics().averageCharWidth() * START_WIDTH_CHARACTERS
    assert header.sectionSize(2) == limit  # the long message does not take the whole width
    assert header.sectionSize(0) >= table.fontMetrics().horizontalAdvance("Alice Wong")
    assert header.sectionSize(3) >= header.sectionSizeHint(3)  # a narrow column still shows its title

    drag_edge(qtbot, header, 0, 60)
    width = header.sectionSize(0)
    assert width >= table.fontMetrics().horizontalAdvance("Alice Wong") + 50
    assert layout.user_sized == {0}
    table.model().sourceModel().set_rows([Row(4, "Dave", 1, "x"), *ROWS])  # a refresh keeps the hand-made width
    qtbot.wait(10)
    assert header.sectionSize(0) == width


def test_widths_order_hidden_columns_and_sort_survive_a_restart(qtbot):
    table, layout = make_table(qtbot)
    header = table.horizontalHeader()
    drag_edge(qtbot, header, 1, 80)
    count_width = header.sectionSize(1)
    header.moveSection(header.visualIndex(3), 0)  # Id first
    menu_action(layout, "Message").trigger()  # hidden from the header's menu
    assert header.isSectionHidden(2)
    click_title(qtbot, header, 0)  # sorted by name, A to Z (setup_table sorts Z to A first)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)
    assert shown_names(table) == ["Alice Wong", "Bob Sato", "Carol"]
    table.close()  # saved when the window closes (otherwise shortly after the change)

    again, _ = make_table(qtbot)
    header = again.horizontalHeader()
    assert header.sectionSize(1) == count_width
    assert [header.logicalIndex(v) for v in range(4)] == [3, 0, 1, 2]
    assert header.isSectionHidden(2)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)
    assert shown_names(again) == ["Alice Wong", "Bob Sato", "Carol"]
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive


def test_a_change_is_saved_shortly_after_without_closing(qtbot):
    table, layout = make_table(qtbot)
    click_title(qtbot, table.horizontalHeader(), 1)
    click_title(qtbot, table.horizontalHeader(), 1)
    qtbot.waitUntil(lambda: window_settings().value("tables/test-list/columns") is not None, timeout=2000)
    again, _ = make_table(qtbot)
    assert again.horizontalHeader().sortIndicatorSection() == 1


def test_the_menu_cannot_hide_the_last_column_shown_and_restores_the_defaults(qtbot):
    table, layout = make_table(qtbot)
    header = table.horizontalHeader()
    for title in ("Name", "Count", "Message"):
        menu_action(layout, title).trigger()
    assert [c for c in range(4) if not header.isSectionHidden(c)] == [3]
    assert not menu_action(layout, "Id").isEnabled()
    header.moveSection(header.visualIndex(3), 0)
    drag_edge(qtbot, header, 3, 90)

    next(a for a in layout.column_menu().actions() if a.text() == "Restore default columns").trigger()
    assert [c for c in range(4) if not header.isSectionHidden(c)] == [0, 1, 2, 3]
    assert [header.logicalIndex(v) for v in range(4)] == [0, 1, 2, 3]
    assert layout.user_sized == set()
    assert header.sectionSize(3) < 90
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.DescendingOrder)


def test_a_layout_saved_for_other_columns_is_not_applied(qtbot):
    table, layout = make_table(qtbot)
    layout.set_column_shown(0, False)
    table.close()
    fewer, _ = make_table(qtbot, columns=COLUMNS[:3])
    assert not fewer.horizontalHeader().isSectionHidden(0)


def test_a_table_without_a_name_saves_nothing(qtbot):
    table, layout = make_table(qtbot, name=None)
    click_title(qtbot, table.horizontalHeader(), 1)
    layout.set_column_shown(0, False)
    table.close()
    settings = window_settings()
    assert not settings.childGroups() or "tables" not in settings.childGroups()


@pytest.mark.parametrize("stretch", [{"stretch_column": 2}, {"stretch_last": True}])
def test_the_stretched_column_takes_the_spare_width(qtbot, stretch):
    table, _ = make_table(qtbot, **stretch)
    header = table.horizontalHeader()
    total = sum(header.sectionSize(c) for c in range(4))
    assert total >= table.viewport().width() - 1


def test_the_settings_live_in_the_data_folder(qtbot):
    table, layout = make_table(qtbot)
    layout.set_column_shown(1, False)
    layout.flush()
    path = window_settings().fileName()
    assert QSettings(path, QSettings.Format.IniFormat).value("tables/test-list/columns") in ("4", 4)
    from app import paths

    assert path.startswith(str(paths.data_dir()))
