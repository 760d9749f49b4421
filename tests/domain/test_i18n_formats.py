"""Dates and lists the UI language's way: one helper for the window and the reports, its patterns
and separators translatable (context "Formats")."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from app.domain.i18n import DATE_TIME_PATTERN, FORMATS, datetime_text, fields_text, list_text

JAPANESE = {
    "yyyy-MM-dd HH:mm": "yyyy/MM/dd H:mm",
    "yyyy-MM-dd HH:mm:ss": "yyyy/MM/dd H:mm:ss",
    ", ": "、",
    " · ": "\u3000",
}


def japanese(context: str, text: str) -> str:
    assert context == FORMATS
    return JAPANESE.get(text, text)


MORNING = datetime(2026, 3, 2, 9, 5, 7).astimezone()  # 09:05:07 in this computer's time zone


def test_english_dates_are_iso_like_local_times():
    assert datetime_text(MORNING) == "2026-03-02 09:05"
    assert datetime_text(MORNING, seconds=True) == "2026-03-02 09:05:07"
    assert datetime_text(MORNING.astimezone(timezone.utc)) == "2026-03-02 09:05", "shown in local time"
    assert datetime_text(None) == ""


def test_japanese_dates_follow_the_translated_pattern():
    assert datetime_text(MORNING, japanese) == "2026/03/02 9:05"
    assert datetime_text(MORNING, japanese, seconds=True) == "2026/03/02 9:05:07"
    late = datetime(2026, 12, 31, 23, 59).astimezone()
    assert datetime_text(late, japanese) == "2026/12/31 23:59"


def test_a_pattern_with_japanese_words_and_single_letters():
    def words(context, text):
        return "yyyy年M月d日 H時mm分" if text == DATE_TIME_PATTERN else text

    assert datetime_text(MORNING, words) == "2026年3月2日 9時05分"


def test_reports_add_the_utc_offset():
    text = datetime_text(MORNING, japanese, seconds=True, zone=True)
    assert re.fullmatch(r"2026/03/02 9:05:07 \(UTC[+-]\d\d:\d\d\)", text), text
    offset = MORNING.strftime("%z")
    assert text.endswith(f"(UTC{offset[:3]}:{offset[3:]})")


def test_lists_and_one_line_summaries():
    assert list_text(["a@contoso.com", "b@contoso.com"]) == "a@contoso.com, b@contoso.com"
    assert list_text(["a@contoso.com", "b@contoso.com"], japanese) == "a@contoso.com、b@contoso.com"
    assert fields_text(["Error", "2026-03-02 09:05", "Unauthorized"]) == "Error · 2026-03-02 09:05 · Unauthorized"
    assert fields_text(["エラー", "", "Unauthorized"], japanese) == "エラー\u3000Unauthorized"
