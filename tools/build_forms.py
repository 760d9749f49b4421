"""Compile ui/*.ui into app/gui/forms/ui_*.py with pyside6-uic (``make forms``, i.e.
``python -m tools.build_forms``).

``compile_form`` is also what the test that checks the forms are current uses.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "app" / "gui" / "forms"
HEADER = "# Generated from {source} by pyside6-uic (make forms) — do not edit.\n"


def _uic() -> list[str]:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if exe is None:
        raise SystemExit("pyside6-uic not found: install the project (make forms does)")
    return [exe]


def compile_form(ui_file: Path) -> str:
    result = subprocess.run(
        [*_uic(), "--from-imports", "--no-autoconnection", str(ui_file)], check=True, capture_output=True, text=True
    )
    body = result.stdout
    # uic stamps its own version in the header comment; drop it so output is stable
    lines = [ln for ln in body.splitlines() if not ln.startswith("## Created by: Qt User Interface Compiler")]
    return HEADER.format(source=f"ui/{ui_file.name}") + "\n".join(lines) + "\n"


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    FORMS_DIR.mkdir(exist_ok=True)
    (FORMS_DIR / "__init__.py").touch()
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target_for(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
