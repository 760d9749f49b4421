"""``python -m app screenshots OUTDIR [--lang ja] [--scale 1.5] [--check]``: every window rendered
with sample data to PNG files, for reviewing layouts and for the user guide's pictures.

Exit code 0, or 1 with ``--check`` when text is clipped or widgets overlap."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "screenshots"
HELP = "render the windows with sample data to PNG files (layout review)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", type=Path, help="folder for the PNG files")
    parser.add_argument("--scale", type=float, default=1.0, help="UI scale factor, e.g. 1.5 for 150 %%")
    parser.add_argument(
        "--check", action="store_true", help="report clipped text and overlapping widgets; exit code 1 if any"
    )
    # --lang is the program's own option (python -m app --lang ja screenshots ...); accept it here too
    parser.add_argument("--lang", dest="screenshot_lang", metavar="CODE", help="language (en, ja)")


def run(args: argparse.Namespace) -> int:
    from app.gui.screenshots.render import main

    lang = args.screenshot_lang or getattr(args, "lang", None) or "en"
    return main(Path(args.outdir), lang, args.scale, args.check)
