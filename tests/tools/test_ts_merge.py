"""The .ts merge driver: two branches' new strings and changed translations merge by message."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _ts(*messages: tuple[str, str, str, str]) -> str:
    by_context: dict[str, list[str]] = {}
    for context, source, translation, kind in messages:
        attr = f' type="{kind}"' if kind else ""
        by_context.setdefault(context, []).append(
            f"<message><source>{source}</source><translation{attr}>{translation}</translation></message>"
        )
    body = "".join(f"<context><name>{c}</name>{''.join(m)}</context>" for c, m in by_context.items())
    return f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ja">{body}</TS>'


Found = dict[tuple[str | None, str | None], tuple[str, str]]


def _merge(tmp_path: Path, base: str, ours: str, theirs: str) -> tuple[int, Found, str]:
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.ts"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-m", "tools.ts_merge", *paths], cwd=ROOT, capture_output=True, text=True, check=False
    )
    root = ET.parse(paths[1]).getroot()
    found: Found = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None
            key = (context.findtext("name"), message.findtext("source"))
            found[key] = (element.text or "", element.get("type", ""))
    return done.returncode, found, done.stderr


def test_both_sides_new_messages_and_one_sided_changes_are_kept(tmp_path):
    base = _ts(("A", "Open", "開く", ""), ("A", "Close", "", "unfinished"))
    ours = _ts(("A", "Open", "開く", ""), ("A", "Close", "", "unfinished"), ("A", "Save", "保存", ""))
    theirs = _ts(("A", "Open", "開く(&amp;O)", ""), ("A", "Close", "閉じる", ""), ("B", "Users", "ユーザー", ""))
    code, found, _ = _merge(tmp_path, base, ours, theirs)
    assert code == 0
    assert found == {
        ("A", "Open"): ("開く(&O)", ""),
        ("A", "Close"): ("閉じる", ""),
        ("A", "Save"): ("保存", ""),
        ("B", "Users"): ("ユーザー", ""),
    }


def test_a_translation_both_sides_changed_differently_keeps_ours_and_says_so(tmp_path):
    base = _ts(("A", "Queue", "待ち行列", ""))
    code, found, err = _merge(tmp_path, base, _ts(("A", "Queue", "キュー", "")), _ts(("A", "Queue", "列", "")))
    assert code == 1 and found == {("A", "Queue"): ("キュー", "")}
    assert "Queue" in err
