"""Mutations of real Exchange answers, and a way to hand one to the app in place of the server's.

``mutations()`` is a hypothesis strategy of edits to an answer's bytes: cut it short, splice junk
in, drop bytes, or — on the parsed document — remove an element, change its text (to garbage
dates, numbers, huge or odd text), drop or change an attribute, rename or duplicate an element.
``answering(operation, body_for)`` patches this process's HTTP adapter (app.exchange.net) so that
the answer to the next requests of an EWS operation (or of Autodiscover) is ``body_for(real
answer)``: the app's real request, exchangelib's real parsing and our parsers run on it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

CAPTURES = Path(__file__).resolve().parents[1] / "data" / "ews-captures" / "php-ews-recordings"

ODD_TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "NaN",
            "2024-13-45T25:61:61Z",
            "2024-05-06T09:00:00",
            "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z",
            "true",
            "yes",
            "<",
            "&amp;",
            "\u0000",
            "\ufffd",
            "x" * 5000,
            "長いテキスト" * 50,
            "1e309",
            "100",
            "101",
            "Completed",
            "Bogus",
        ]
    ),
    st.text(max_size=40),
)


@dataclass(frozen=True)
class Mutation:
    """One edit of an answer; ``describe`` says which (shown when hypothesis reports a failure)."""

    kind: str
    where: float  # 0..1: a position in the bytes, or which element
    text: str = ""
    count: int = 1
    name: str = ""  # "named-remove", "named-text": the local name of the element to edit (its count-th; 0: all)

    def apply(self, body: bytes) -> bytes:
        if self.kind in ("truncate", "splice", "drop"):
            at = int(len(body) * self.where)
            if self.kind == "truncate":
                return body[:at]
            if self.kind == "splice":
                return body[:at] + self.text.encode("utf-8", "surrogatepass") + body[at:]
            return body[:at] + body[at + self.count :]
        try:
            root = etree.fromstring(body)
        except etree.XMLSyntaxError:
            return body
        if self.kind.startswith("named-"):
            named = [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == self.name]
            for element in named if self.count == 0 else named[self.count - 1 : self.count]:
                if self.kind == "named-text":
                    element.text = self.text
                elif element.getparent() is not None:
                    element.getparent().remove(element)
            return etree.tostring(root, xml_declaration=True, encoding="utf-8")
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        target = elements[min(len(elements) - 1, int(len(elements) * self.where))]
        parent = target.getparent()
        if self.kind == "remove" and parent is not None:
            parent.remove(target)
        elif self.kind == "text":
            target.text = _xml_safe(self.text)
        elif self.kind == "attribute" and target.attrib:
            name = sorted(target.attrib)[self.count % len(target.attrib)]
            if self.text:
                target.set(name, _xml_safe(self.text))
            else:
                del target.attrib[name]
        elif self.kind == "rename":
            namespace = etree.QName(target).namespace
            target.tag = f"{{{namespace}}}Bogus" if namespace else "Bogus"
        elif self.kind == "duplicate" and parent is not None:
            parent.insert(parent.index(target), etree.fromstring(etree.tostring(target)))
        return etree.tostring(root, xml_declaration=True, encoding="utf-8")

    def describe(self) -> str:
        if self.kind.startswith("named-"):
            return f"{self.kind} {self.name} #{self.count or 'all'} ({self.text[:30]!r})"
        return f"{self.kind} at {self.where:.3f} ({self.text[:30]!r}, {self.count})"


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd"))


@st.composite
def mutation(draw) -> Mutation:
    kind = draw(st.sampled_from(["truncate", "splice", "drop", "remove", "text", "attribute", "rename", "duplicate"]))
    where = draw(st.floats(min_value=0.0, max_value=0.999))
    text = draw(ODD_TEXT) if kind in ("splice", "text", "attribute") else ""
    if kind == "splice" and not text:
        text = draw(st.sampled_from(["<", "</t:Message>", "\x00", "&bogus;", "]]>", "<t:Subject>"]))
    count = draw(st.integers(min_value=1, max_value=400))
    return Mutation(kind, where, text, count)


def mutations() -> st.SearchStrategy[list[Mutation]]:
    return st.lists(mutation(), min_size=1, max_size=3)


def apply_all(body: bytes, edits: list[Mutation]) -> bytes:
    for edit in edits:
        body = edit.apply(body)
    return body


def well_formed(body: bytes) -> bool:
    try:
        etree.fromstring(body)
    except etree.XMLSyntaxError:
        return False
    return True


# --- handing a body to the app ------------------------------------------------------------------


@contextmanager
def answering(
    operation: str, body_for: Callable[[bytes], bytes], statuses: tuple[int, ...] = (200,)
) -> Iterator[list[bytes]]:
    """Within the block, answers (with one of *statuses*) to requests of *operation* (an EWS
    operation's name, or ``autodiscover``) carry ``body_for(the real answer)`` instead; yields the
    bodies handed over."""
    from app.exchange.net import SssmHTTPAdapter

    original = SssmHTTPAdapter.send
    handed: list[bytes] = []
    lock = threading.Lock()
    marker = b"autodiscover" if operation == "autodiscover" else f":{operation}>".encode()
    alt = b"GetUserSettingsRequestMessage" if operation == "autodiscover" else f":{operation} ".encode()

    def send(self, request, *args, **kwargs):
        response = original(self, request, *args, **kwargs)
        body = request.body if isinstance(request.body, bytes) else (request.body or "").encode()
        url = (request.url or "").lower()
        hit = (operation == "autodiscover" and "autodiscover" in url) or (
            operation != "autodiscover" and (marker in body or alt in body)
        )
        if hit and response.status_code in statuses:
            new = body_for(response.content)
            response._content = new
            response.headers["Content-Length"] = str(len(new))
            with lock:
                handed.append(new)
        return response

    SssmHTTPAdapter.send = send
    try:
        yield handed
    finally:
        SssmHTTPAdapter.send = original


def php_ews_bodies(operation: str, containing: str = "") -> list[bytes]:
    """Successful answers of *operation* recorded from real Exchange (tests/data), optionally only
    those containing *containing* (e.g. an item element)."""
    found = []
    for path in sorted(CAPTURES.rglob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            if not isinstance(record, dict) or record.get("statusCode") != 200:
                continue
            body = record.get("body") or ""
            if f"<m:{operation}Response " in body and 'ResponseClass="Success"' in body and containing in body:
                found.append(body.encode())
    return found
