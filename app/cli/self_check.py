"""``python -m app self-check``: is this installation complete?

Imports every module of the ``app`` package and loads the Japanese translation. From a checkout
the modules are found on disk; a frozen build carries the list its build was made from
(``app/cli/modules.txt``, written by build.spec), so a module the bundler left out is named
here, instead of failing later when the admin opens that window or runs that command.

It also names the credential store keyring found (Windows Credential Manager, on Windows): with
none usable, passwords could not be saved, so that fails the check too.

Exit code 0 when everything loads and a credential store is usable, 1 with one line per problem."""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from pathlib import Path

from app.cli.common import EXIT_FAILED, EXIT_OK

NAME = "self-check"
HELP = "check that this installation is complete: every module imports, translations load, a credential store is usable"
MANIFEST = Path(__file__).with_name("modules.txt")
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
NOT_IMPORTED = {"app.__main__"}  # importing it runs the program


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="print every module as it is imported")


def source_modules(root: Path = PACKAGE_ROOT) -> list[str]:
    """Every module of the package in a checkout or an installed wheel."""
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def expected_modules() -> list[str]:
    if getattr(sys, "frozen", False):
        if not MANIFEST.is_file():
            return ["app.cli.modules.txt (the build's list of modules is missing)"]
        return MANIFEST.read_text(encoding="utf-8").split()
    return source_modules()


def check_modules(names: list[str], *, verbose: bool = False) -> list[str]:
    """Import each module; returns one line per module that failed."""
    problems = []
    for name in names:
        if name in NOT_IMPORTED:
            continue
        if verbose:
            print(name, flush=True)
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - a module's import runs its code, which may raise anything:
            # a missing module or a broken one is named, and the check goes on with the rest
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            problems.append(f"{name}: {detail}")
    return problems


def run(args: argparse.Namespace) -> int:
    names = expected_modules()
    module_problems = check_modules(names, verbose=args.list)
    problems = module_problems + translation_problems()
    from app.secrets import credential_store

    store, usable = credential_store()
    print(f"Credential store: {store}")
    if not usable:
        problems.append(
            "no usable credential store: passwords cannot be saved (on Windows, Windows Credential Manager; "
            "on Linux, a running Secret Service such as GNOME Keyring or KWallet)"
        )
    for problem in problems:
        print(problem, file=sys.stderr)
    print(
        f"{len(names) - len(module_problems)} of {len(names)} modules, the translations and the credential store "
        "checked: " + ("incomplete" if problems else "complete")
    )
    return EXIT_FAILED if problems else EXIT_OK


def translation_problems() -> list[str]:
    from app.gui.i18n import translations_dir

    problems = []
    for language in ("ja",):
        qm = translations_dir() / f"sssm_{language}.qm"
        if not qm.is_file() or qm.stat().st_size == 0:
            problems.append(f"translation missing: {qm}")
    return problems
