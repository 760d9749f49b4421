"""Imports point down: only app/gui imports Qt, and the app never imports the developer tools."""
from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _offenders(top_level: str, *, outside_gui: bool) -> list[str]:
    found = []
    for path in sorted(APP.rglob("*.py")):
        if outside_gui and (APP / "gui") in path.parents:
            continue
        if any(name.split(".")[0] == top_level for name in _imported_modules(path)):
            found.append(str(path.relative_to(APP.parent)))
    return found


def test_nothing_outside_the_gui_imports_qt():
    assert _offenders("PySide6", outside_gui=True) == []


def test_the_app_never_imports_the_developer_tools():
    assert _offenders("tools", outside_gui=False) == []
