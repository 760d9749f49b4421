"""One way to set up the read-only lists (profiles, mailboxes, alerts, sync history)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def setup_table(
    table: QTableView,
    proxy: QSortFilterProxyModel,
    *,
    sort_column: int = 0,
    single_selection: bool = False,
    alternating_rows: bool = False,
    stretch_last: bool = False,
    stretch_column: int | None = None,
) -> None:
    """Show *proxy* in *table*: whole rows selected, nothing edited in place, no row numbers,
    sorted by a click on a header and at first by *sort_column*, largest or newest first. Columns
    are as wide as their contents; *stretch_last* or *stretch_column* gives one the spare width."""
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating_rows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(stretch_last)
