"""One home per concern: exchangelib is imported only in app/exchange, Qt only in app/gui.

Every module under app/ is parsed (not imported); an import anywhere in it counts — at module
level, inside a function, under ``if TYPE_CHECKING`` — and so does ``importlib.import_module``
or ``__import__`` with a literal name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# package → the only part of app/ that may import it
OWNERS = {
    "exchangelib": "exchange",
    "PySide6": "gui",
    "shiboken6": "gui",
}


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module name) of every import in *tree*, nested ones included."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def violations(root: Path = APP) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in imported_names(tree):
            top = name.split(".", 1)[0]
            owner = OWNERS.get(top)
            if owner is not None and relative.parts[0] != owner:
                found.append(f"app/{relative.as_posix()}:{line} imports {name} (only app/{owner} may)")
    return found


def test_exchangelib_only_in_app_exchange_and_qt_only_in_app_gui():
    assert violations() == []


@pytest.mark.parametrize(
    "source,bad",
    [
        ("import exchangelib\n", True),
        ("from exchangelib.errors import UnauthorizedError\n", True),
        ("def f():\n    from exchangelib import Account\n", True),
        ("import importlib\nimportlib.import_module('exchangelib.services')\n", True),
        ("import PySide6.QtCore\n", True),
        ("from shiboken6 import isValid\n", True),
        ("from app.exchange.errors import classify\nfrom . import exchangelib_notes\n", False),
    ],
)
def test_the_check_sees_every_form_of_import(tmp_path, source, bad):
    (tmp_path / "sync").mkdir()
    (tmp_path / "sync" / "module.py").write_text(source, encoding="utf-8")
    assert bool(violations(tmp_path)) is bad


def test_the_app_never_imports_the_developer_tools():
    """tools/ (form and translation builders) is not shipped: nothing in app/ may need it."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [
            f"{path.relative_to(APP.parent)}:{line} imports {name}"
            for line, name in imported_names(tree)
            if name.split(".", 1)[0] == "tools"
        ]
    assert found == []
