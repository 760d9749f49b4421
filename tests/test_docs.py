"""The documents stay true: their links and pictures resolve, the pictures are the ones the
screenshots command makes today, and they stand on their own (no reference material outside the
repository)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
IMAGES = DOCS / "images"
LANGUAGES = ("en", "ja")


def markdown_files() -> list[Path]:
    top = [ROOT / name for name in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md")]
    return [path for path in top if path.is_file()] + sorted(DOCS.rglob("*.md"))


FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)


def prose(text: str) -> str:
    """The text without code blocks and code spans, where a bracket is not a link."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def links(path: Path) -> list[str]:
    return LINK.findall(prose(path.read_text(encoding="utf-8")))


def is_external(target: str) -> bool:
    return re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) is not None


def slug(heading: str) -> str:
    """The anchor GitHub (and GitLab) give a heading: its text without formatting, lower case,
    punctuation dropped, spaces to hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = text.replace("`", "").replace("*", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    counts: dict[str, int] = {}
    for _level, title in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(title)
        n = counts.get(base, 0)
        counts[base] = n + 1
        found.add(base if n == 0 else f"{base}-{n}")
    return found


def test_the_documents_exist():
    names = {p.relative_to(ROOT).as_posix() for p in markdown_files()}
    assert {
        "docs/user-guide.md",
        "docs/user-guide.ja.md",
        "docs/architecture.md",
        "docs/operations.md",
        "CONTRIBUTING.md",
        "CHANGELOG.md",
    } <= names


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_and_image_resolves(path):
    problems = []
    for target in links(path):
        if is_external(target):
            continue
        file_part, _, fragment = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        if not resolved.is_relative_to(ROOT):
            problems.append(f"{target}: outside the repository")
        elif not resolved.exists():
            problems.append(f"{target}: no such file")
        elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
            problems.append(f"{target}: no heading with that anchor in {resolved.name}")
    assert problems == []


def test_the_guides_show_pictures_that_exist():
    for lang, guide in (("en", "user-guide.md"), ("ja", "user-guide.ja.md")):
        pictures = [t for t in links(DOCS / guide) if t.endswith(".png")]
        assert pictures, guide
        assert all(t.startswith(f"images/{lang}/") for t in pictures), guide


def test_the_pictures_are_the_ones_the_screenshots_command_makes(tmp_path):
    """A renamed, added or removed view shows here: regenerate docs/images (see CONTRIBUTING.md)."""
    result = subprocess.run(
        [sys.executable, "-m", "app", "screenshots", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    made = sorted(p.name for p in tmp_path.glob("*.png"))
    assert made
    for lang in LANGUAGES:
        assert sorted(p.name for p in (IMAGES / lang).glob("*.png")) == made, lang
        assert sorted(p.name for p in (IMAGES / lang).iterdir()) == made, f"{lang}: only the PNG files belong here"


def own_documents() -> list[Path]:
    """Everything under docs/ that is text, and the project documents beside the README."""
    top = [ROOT / name for name in ("CONTRIBUTING.md", "CHANGELOG.md")]
    return [path for path in top if path.is_file()] + sorted(
        p for p in DOCS.rglob("*") if p.is_file() and p.suffix != ".png"
    )


@pytest.mark.parametrize("path", own_documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_documents_stand_on_their_own(path):
    text = path.read_text(encoding="utf-8")
    for phrase in (OUTSIDE, "SPEC.md"):
        assert phrase not in text, phrase
    assert re.search(r"spec\s*§", text, re.IGNORECASE) is None


OUTSIDE = ".." + "/shared"  # written in two parts so that this file does not name it itself


def test_nothing_in_the_repository_needs_the_reference_folder_beside_it():
    """A clone has no folder beside it: no tracked file may point there (git grep finds none)."""
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    offenders = []
    for name in tracked.decode().split("\0"):
        path = ROOT / name
        if not name or not path.is_file() or path.suffix in (".png", ".qm", ".ico"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if OUTSIDE in text or re.search(r"spec\s*§", text, re.IGNORECASE):
            offenders.append(name)
        elif path.suffix == ".py" and re.search(r'(parent|"\.\.")\s*/\s*"shared"', text):
            offenders.append(name)  # the same folder reached through pathlib
    assert offenders == []


def test_operations_names_the_current_schema_version():
    from app.store.migrations import LATEST

    text = (DOCS / "operations.md").read_text(encoding="utf-8")
    assert re.findall(r"This version's schema is (\d+)\.", text) == [str(LATEST)]
    assert re.findall(r"understands up to schema\s+(\d+)\)", text) == [str(LATEST)]
