"""A git merge driver for Qt Linguist .ts files: merges by message, not by line.

Two branches that each add strings (and their translations) make neighbouring changes in the
same .ts file, which a line merge reports as conflicts. This driver merges per message, keyed by
(context, source, comment):

- a message only one side has is kept;
- a translation only one side changed (from the merge base) takes that side's text;
- a translation both sides changed differently keeps ours and is reported (exit code 1, so git
  marks the file conflicted and the merge stops for a look).

The result is ordered by context and message as ours, then theirs; ``make translations``
afterwards puts it in lupdate's order and marks vanished messages obsolete.

Enable it once per clone (``.gitattributes`` names it for ``resources/i18n/*.ts``)::

    git config merge.ts-union.name "Qt .ts merge by message"
    git config merge.ts-union.driver "python3 -m tools.ts_merge %O %A %B"
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

Key = tuple[str, str, str]


def _messages(root: ET.Element) -> dict[Key, ET.Element]:
    found: dict[Key, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "", message.findtext("comment") or "")] = message
    return found


def _translation(message: ET.Element | None) -> tuple[str, str] | None:
    if message is None:
        return None
    element = message.find("translation")
    if element is None:
        return None
    return element.text or "", element.get("type", "")


def merge(base: ET.Element, ours: ET.Element, theirs: ET.Element) -> list[Key]:
    """Merge *theirs* into *ours* in place; the keys both sides changed differently."""
    base_messages, our_messages = _messages(base), _messages(ours)
    contexts = {c.findtext("name") or "": c for c in ours.iter("context")}
    clashes: list[Key] = []
    for key, message in _messages(theirs).items():
        mine = our_messages.get(key)
        if mine is None:
            context = contexts.get(key[0])
            if context is None:
                context = ET.SubElement(ours, "context")
                ET.SubElement(context, "name").text = key[0]
                contexts[key[0]] = context
            context.append(message)
            continue
        before, ours_now, theirs_now = (_translation(base_messages.get(key)), _translation(mine), _translation(message))
        if theirs_now in (ours_now, before):
            continue
        ours_unfinished = ours_now is not None and ours_now[1] == "unfinished"
        if ours_now == before or (ours_unfinished and theirs_now is not None and not theirs_now[1]):
            old = mine.find("translation")
            if old is not None:
                mine.remove(old)
            new = message.find("translation")
            if new is not None:
                mine.append(new)
            continue
        clashes.append(key)
    return clashes


def write(root: ET.Element, path: Path) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def main(argv: list[str]) -> int:
    base_path, ours_path, theirs_path = (Path(a) for a in argv[1:4])
    base = ET.parse(base_path).getroot() if base_path.stat().st_size else ET.Element("TS")
    ours, theirs = ET.parse(ours_path).getroot(), ET.parse(theirs_path).getroot()
    clashes = merge(base, ours, theirs)
    write(ours, ours_path)
    for context, source, _comment in clashes:
        print(f"ts_merge: both sides translated differently [{context}] {source!r}: kept ours", file=sys.stderr)
    return 1 if clashes else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
