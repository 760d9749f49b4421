"""Answers read with a strict XML parser: an answer that is not well-formed XML is refused.

exchangelib parses every answer with a recovering parser (lxml ``recover=True``): an answer cut
short or garbled on its way (a proxy, a dropped connection) becomes the part of a document the
parser could make sense of, and its items are read as if whole — an email stored cut short, a
contact without its phone numbers. ``StrictAnswer`` (a mixin for exchangelib service classes)
parses the answer once, strictly, in place of exchangelib's parse; a broken answer raises
``MalformedAnswer`` (classified MalformedResponse: transient, retried), and nothing of it is read.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from exchangelib.errors import ErrorServerBusy, MalformedResponseError
from exchangelib.util import ENS, SOAPNS
from lxml import etree
from lxml.etree import _Element

from app.exchange.errors import MalformedAnswer

_SOAP_HEADER = f"{{{SOAPNS}}}Header"
_SOAP_BODY = f"{{{SOAPNS}}}Body"
_ERRORS_SHOWN = 3  # of the parser's error log, in the exception's message

_parsers = threading.local()  # an lxml parser is not to be used by two threads at once


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_parsers, "strict", None)
    if parser is None:
        # as exchangelib's parser (no entities resolved, huge trees for big bodies), but not recovering
        parser = etree.XMLParser(resolve_entities=False, huge_tree=True, no_network=True)
        _parsers.strict = parser
    return parser


# Exchange writes a control character of a subject or body (U+0001, U+001B …) as a character
# reference, which XML 1.0 forbids; a recovering parser drops it, a strict one refuses the whole
# answer — and one such email would then stall the mailbox's sync for ever. Such references (and
# only those) become U+FFFD before a second strict parse; anything else broken is still refused.
_FORBIDDEN_REFERENCE = re.compile(rb"&#(?:x0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));")


def parse_strictly(content: bytes) -> _Element:
    """The root element of *content*; ``MalformedAnswer`` when it is not well-formed XML."""
    try:
        return etree.fromstring(content, parser=_parser())
    except etree.XMLSyntaxError as exc:
        cleaned = _FORBIDDEN_REFERENCE.sub(b"&#xFFFD;", content)
        if cleaned != content:
            try:
                return etree.fromstring(cleaned, parser=_parser())
            except etree.XMLSyntaxError:
                pass
        errors = "; ".join(str(entry.message) for entry in list(exc.error_log)[:_ERRORS_SHOWN]) or str(exc)
        raise MalformedAnswer(f"The answer is not well-formed XML ({len(content)} bytes): {errors}", None) from exc


class StrictAnswer:
    """Mixin for an exchangelib service class (put it first among the bases): its answers are
    parsed strictly (see the module's docstring). Not for streaming services."""

    @classmethod
    def _get_soap_parts(cls, response: Any) -> tuple[_Element | None, _Element]:
        # exchangelib's own reads response.iter_content() into its recovering parser; the body of
        # a non-streaming request is in memory already
        root = parse_strictly(response.content)
        header = root.find(_SOAP_HEADER)
        body = root.find(_SOAP_BODY)
        if body is None:
            raise MalformedResponseError("No Body element in SOAP response")
        return header, body

    @classmethod
    def _raise_soap_errors(cls, fault: _Element) -> None:
        # exchangelib reads an ErrorServerBusy fault's BackOffMilliseconds with int(): a value that
        # is no number raised ValueError, which nothing could classify. It is the fault it says it
        # is, with no back-off of its own (the default back-off applies); anything else unreadable
        # in a fault is a malformed answer.
        try:
            super()._raise_soap_errors(fault)  # type: ignore[misc]  # exchangelib's EWSService, after us
        except ValueError as exc:
            code = (fault.findtext(f"detail/{{{ENS}}}ResponseCode") or "").strip()
            if code == "ErrorServerBusy":
                message = (fault.findtext(f"detail/{{{ENS}}}Message") or "").strip()
                raise ErrorServerBusy(message or "The server is busy.", back_off=None) from exc
            raise MalformedAnswer(f"The SOAP fault could not be read: {exc}", None) from exc
