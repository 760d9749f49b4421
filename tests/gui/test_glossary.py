"""The Japanese translation follows docs/glossary.md: wherever a message's English text contains a
glossary term (a whole word, any case; of overlapping terms the longest), its translation
contains the term's Japanese."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
TS = ROOT / "resources" / "i18n" / "sssm_ja.ts"


@dataclass(frozen=True)
class Term:
    english: tuple[str, ...]  # the forms the English takes ("mailbox", "mailboxes")
    japanese: str

    @property
    def pattern(self) -> re.Pattern[str]:
        forms = sorted(self.english, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)


def glossary_terms(text: str) -> list[Term]:
    """The rows of the table under "## Terms": English forms (separated by " / ") and Japanese."""
    section = text.split("\n## Terms\n", 1)[1].split("\n## ", 1)[0]
    terms = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] in ("English", "") or set(cells[0]) <= {"-", " "}:
            continue
        terms.append(Term(tuple(form.strip() for form in cells[0].split(" / ")), cells[1]))
    return terms


def english_text(source: str) -> str:
    """A source as a person reads it: without the mnemonic & ("&&" is a literal &)."""
    return re.sub(r"&(&?)", lambda m: m.group(1), source)


def japanese_text(translation: str) -> str:
    return re.sub(r"\(&\w\)", "", translation).replace("&&", "&")


def terms_used(english: str, terms: list[Term]) -> list[Term]:
    """The terms *english* contains; where matches overlap, the longest wins."""
    matches = [(m.start(), m.end(), term) for term in terms for m in term.pattern.finditer(english)]
    chosen: list[tuple[int, int, Term]] = []
    for start, end, term in sorted(matches, key=lambda m: m[0] - m[1]):
        if all(end <= s or start >= e for s, e, _t in chosen):
            chosen.append((start, end, term))
    return [term for _s, _e, term in sorted(chosen, key=lambda m: m[0])]


def translations() -> list[tuple[str, str, str]]:
    """(context, English source, Japanese) of every message; plural forms joined."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            node = message.find("translation")
            forms = [n.text or "" for n in node.findall("numerusform")] if node is not None else []
            text = " ".join(forms) if forms else (node.text or "" if node is not None else "")
            found.append((name, message.findtext("source") or "", text))
    return found


TERMS = glossary_terms(GLOSSARY.read_text(encoding="utf-8"))


def test_the_glossary_covers_the_ui_s_domain_terms():
    assert 40 <= len(TERMS) <= 100
    english = [form.lower() for term in TERMS for form in term.english]
    assert len(english) == len(set(english)), "each English form in one row"
    for must in ("email server profile", "mailbox", "workload", "regarding", "undeliverable", "test & enable"):
        assert must in english, must


def test_every_message_uses_the_glossary_s_japanese():
    problems = []
    for context, source, japanese in translations():
        for term in terms_used(english_text(source), TERMS):
            if term.japanese not in japanese_text(japanese):
                problems.append(f"[{context}] {source!r}: {term.english[0]!r} → {term.japanese!r}, not in {japanese!r}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("english", "expected"),
    [
        ("Email server profile", ["電子メールサーバープロファイル"]),  # not also "profile"
        ("Test && Enable mailboxes", ["メールボックスのテストを有効化"]),
        ("Email address approval", ["電子メールの承認"]),
        ("Mailboxes of this profile", ["メールボックス", "プロファイル"]),
        ("Outbox and profiled", []),  # whole words only
        ("&Refresh", []),
    ],
)
def test_terms_are_found_as_whole_words_the_longest_first(english, expected):
    assert [t.japanese for t in terms_used(english_text(english), TERMS)] == expected


def test_the_walkthrough_s_corrections_hold():
    """Where the product departs from the walkthrough's words, and words it must not use."""
    text = {(c, s): j for c, s, j in translations()}
    everything = "\n".join(text.values())
    for wrong in ("配信不要", "ワークロード", "新しいメールボックス", "(詳細設定)", "電子メールアドレス", "「はい」"):
        assert wrong not in everything, wrong
    assert text[("Reports", "Test & Enable report")] == "[メールボックスのテストを有効化] の結果レポート"
    assert text[("AlertsPane", "Regarding")] == "関連"
    assert text[("MailboxesPage", "&New mailbox")] == "新規メールボックス(&N)"
    assert text[("Formats", ", ")] == "、"
    assert text[("Formats", "yyyy-MM-dd HH:mm")] == "yyyy/MM/dd H:mm"
