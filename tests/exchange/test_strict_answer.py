"""Answers are parsed strictly (a broken answer is refused whole), but a control character that
Exchange writes as a character reference does not make a whole answer unreadable."""

from __future__ import annotations

import pytest

from app.exchange.errors import MalformedAnswer, classify
from app.exchange.services.strict_answer import parse_strictly

ENVELOPE = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>'
    b"<Subject>%s</Subject></s:Body></s:Envelope>"
)


@pytest.mark.parametrize("reference", [b"&#x1;", b"&#x1B;", b"&#27;", b"&#0008;", b"&#x0C;", b"&#31;"])
def test_a_forbidden_character_reference_is_replaced_not_refused(reference):
    root = parse_strictly(ENVELOPE % (b"Invoice " + reference + b" March"))
    assert root.findtext(".//Subject") == "Invoice \ufffd March"


@pytest.mark.parametrize("reference", [b"&#x9;", b"&#10;", b"&#xD;", b"&#x20;", b"&#x41;", b"&#xFFFD;"])
def test_allowed_character_references_are_kept(reference):
    expected = bytes(reference).decode()
    root = parse_strictly(ENVELOPE % (b"a" + reference + b"b"))
    assert (
        root.findtext(".//Subject")
        == "a" + chr(int(expected[3:-1], 16) if "x" in expected else int(expected[2:-1])) + "b"
    )


def test_an_answer_cut_short_is_still_refused_even_with_a_forbidden_reference():
    broken = (ENVELOPE % b"Invoice &#x1; March")[:-20]
    with pytest.raises(MalformedAnswer) as raised:
        parse_strictly(broken)
    assert classify(raised.value).code == "MalformedResponse"
