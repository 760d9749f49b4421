from pathlib import Path

import pytest

from app.gui.build_forms import UI_DIR, compile_form, target_for
from app.gui.main_window import MainWindow


@pytest.mark.parametrize("ui_file", sorted(UI_DIR.glob("*.ui")), ids=lambda p: p.name)
def test_compiled_forms_are_current(ui_file: Path):
    target = target_for(ui_file)
    assert target.exists(), f"run `make forms`: {target.name} is missing"
    assert target.read_text(encoding="utf-8") == compile_form(ui_file), f"run `make forms`: {target.name} is stale"


def test_navigation_switches_pages(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    names = [window.ui.navigation.item(i).text() for i in range(window.ui.navigation.count())]
    assert names == ["Email server profiles", "Mailboxes", "Alerts"]
    window.ui.navigation.setCurrentRow(MainWindow.ALERTS)
    assert window.ui.pages.currentWidget() is window.ui.alertsPage
    window.ui.navigation.setCurrentRow(MainWindow.MAILBOXES)
    assert window.ui.pages.currentWidget() is window.ui.mailboxesPage
