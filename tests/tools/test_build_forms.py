"""The compiled forms in app/gui/forms are what pyside6-uic makes of ui/*.ui today."""

from pathlib import Path

import pytest

from tools.build_forms import FORMS_DIR, UI_DIR, compile_form, target_for


@pytest.mark.parametrize("ui_file", sorted(UI_DIR.glob("*.ui")), ids=lambda p: p.name)
def test_compiled_forms_are_current(ui_file: Path):
    target = target_for(ui_file)
    assert target.exists(), f"run `make forms`: {target.name} is missing"
    assert target.read_text(encoding="utf-8") == compile_form(ui_file), f"run `make forms`: {target.name} is stale"


def test_the_forms_stay_in_the_package():
    assert Path(__file__).resolve().parents[2] / "app" / "gui" / "forms" == FORMS_DIR
    assert sorted(UI_DIR.glob("*.ui"))
