"""The accessibility walk (issue 20): every window and page, opened with sample data, has a name
for every control a screen reader lands on, and every form label is its field's buddy. The rule
is tests/gui/form_helpers.py's ``name_problems``."""

from __future__ import annotations

from pathlib import Path

import pytest
from form_helpers import name_problems
from PySide6.QtWidgets import QApplication, QWidget


def _walk(sample) -> dict[str, QWidget]:
    """Every view of the screenshots (main pages, wizard pages, form and editor tabs, dialogs),
    and what they do not show: every page of the main window, the demo's password dialog, the
    store problem dialog."""
    from app.gui.screenshots.render import views

    windows: dict[str, QWidget] = {}
    for name, show in views(sample):
        shown = show()
        windows[name] = shown[0] if isinstance(shown, tuple) else shown
    return windows


def _close(windows) -> None:
    for window in {id(w): w for w in windows}.values():
        window.close()
        window.deleteLater()
    QApplication.processEvents()


def test_every_view_names_its_controls(qtbot, sample, message_log):
    windows = _walk(sample)
    assert len(windows) >= 40, sorted(windows)
    problems = sorted({f"{name}: {problem}" for name, window in windows.items() for problem in name_problems(window)})
    _close(windows.values())
    assert problems == [], "\n".join(problems)


def test_every_main_page_and_the_remaining_dialogs_name_their_controls(qtbot, sample, message_log, tmp_path):
    from app.gui.windows.main_window import MainWindow
    from app.gui.windows.store_problem_dialog import StoreProblemDialog
    from app.simulator.server import LoopbackExchange
    from app.store.db import StoreError, StoreProblem

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    problems = []
    for index in range(7):
        window.show_page(index)
        problems += [f"page {index}: {p}" for p in name_problems(window)]
    server = LoopbackExchange(tmp_path / "simulator", port=50443)  # never started
    server.add_account("alice@contoso.com", "k7Rw-2pQx9Lm")
    window.set_demo(server)
    for name, open_dialog in (
        ("demo-password", window.change_demo_password),
        ("demo-accounts", window.show_demo_accounts),
        ("demo-fault", window.simulate_demo_fault),
    ):
        problems += [f"{name}: {p}" for p in name_problems(open_dialog())]
    for problem in (StoreProblem.BUSY, StoreProblem.DAMAGED):
        dialog = StoreProblemDialog(StoreError(Path(tmp_path / "sssm.sqlite3"), problem, "detail"), None)
        qtbot.addWidget(dialog)
        problems += [f"store {problem.value}: {p}" for p in name_problems(dialog)]
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("kind", ["line edit", "label"])
def test_the_rule_finds_an_unnamed_field_and_a_label_without_buddy(qtbot, kind):
    from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    label, edit = QLabel("Name:"), QLineEdit()
    form.addRow(label, edit)
    assert any("labels a field but has no buddy" in p for p in name_problems(window))
    assert any("QLineEdit" in p and "no accessible name" in p for p in name_problems(window))
    if kind == "label":
        label.setBuddy(edit)
    else:
        edit.setAccessibleName("Name")
        label.setBuddy(edit)
    assert name_problems(window) == []
