"""Update resources/i18n/sssm_<lang>.ts from the sources and compile the .qm into app/gui/translations
(``make translations``, i.e. ``python -m tools.build_translations``).

pyside6-lupdate reads the GUI's Python files and the Designer forms. The engine (app/domain,
app/exchange, app/diagnostics, app/store, app/sync) marks its
strings with ``QT_TRANSLATE_NOOP`` imported under another name and a context held in a
constant, which lupdate cannot follow; those calls are collected here with ``ast`` and handed
to lupdate as a generated file of literal ``QT_TRANSLATE_NOOP("Context", "text")`` calls.
A literal ``translate("Context", "text")`` call through the injected translate function (the
support texts in app/diagnostics/report_text.py) is collected the same way, as lupdate itself
collects that call in the GUI's files.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N_DIR = ROOT / "resources" / "i18n"  # the .ts sources
QM_DIR = ROOT / "app" / "gui" / "translations"  # compiled .qm: package data
LANGUAGES = ("ja",)
MARKERS = {"QT_TRANSLATE_NOOP", "_N", "translate"}


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if exe is None:
        raise SystemExit(f"{name} not found: install the project (make translations does)")
    return exe


ENGINE_PACKAGES = tuple(ROOT / "app" / name for name in ("domain", "exchange", "diagnostics", "store", "sync"))


def domain_strings(packages: tuple[Path, ...] | Path = ENGINE_PACKAGES) -> list[tuple[str, str]]:
    """(context, text) of every marker call in the engine (domain, exchange, diagnostics, store, sync), in
    source order, without repeats."""
    if isinstance(packages, Path):
        packages = (packages,)
    found: list[tuple[str, str]] = []
    for path in [p for package in packages for p in sorted(package.rglob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and len(node.args) == 2
            ):
                continue
            context_node, text_node = node.args
            context = (
                context_node.value
                if isinstance(context_node, ast.Constant)
                else constants.get(getattr(context_node, "id", ""))
            )
            if (
                isinstance(context, str)
                and isinstance(text_node, ast.Constant)
                and isinstance(text_node.value, str)
                and (context, text_node.value) not in found
            ):
                found.append((context, text_node.value))
    return found


def source_files() -> list[Path]:
    gui = ROOT / "app" / "gui"
    python = [p for p in sorted(gui.rglob("*.py")) if "forms" not in p.relative_to(gui).parts]
    return python + sorted((ROOT / "ui").glob("*.ui"))


def run_lupdate(ts_file: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "domain_strings.py"
        generated.write_text(
            "".join(
                f"QT_TRANSLATE_NOOP({json.dumps(c, ensure_ascii=False)}, {json.dumps(t, ensure_ascii=False)})\n"
                for c, t in domain_strings()
            ),
            encoding="utf-8",
        )
        files = [str(p) for p in source_files()] + [str(generated)]
        result = subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *files,
                "-locations",
                "none",
                "-no-obsolete",
                "-target-language",
                ts_file.stem.split("_")[-1],
                "-ts",
                str(ts_file),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return result.stdout


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
        text=True,
    )


def main() -> int:
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts_file = I18N_DIR / f"sssm_{language}.ts"
        print(run_lupdate(ts_file).strip())
        qm_file = QM_DIR / f"sssm_{language}.qm"
        QM_DIR.mkdir(parents=True, exist_ok=True)
        run_lrelease(ts_file, qm_file)
        print(f"{ts_file.relative_to(ROOT)} -> {qm_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
