"""Redaction of what the diagnostics report keeps: no password, NTLM blob or token survives."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.log import redact as redact_text

_SECRET_HEADERS = {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-backendoverridecookie"}
_CHALLENGE_HEADERS = {"www-authenticate", "proxy-authenticate"}
_BLOB = re.compile(r"\b(NTLM|Negotiate|Kerberos|Bearer)\s+[A-Za-z0-9+/=._-]{8,}")


def redact_headers(headers: Mapping[str, str | bytes]) -> dict[str, str]:
    clean: dict[str, str] = {}
    for name, raw in headers.items():
        # a header given as bytes (requests allows it) is latin-1, as http.client sends it
        value = raw.decode("latin-1") if isinstance(raw, bytes) else raw
        lower = name.lower()
        if lower in _SECRET_HEADERS:
            scheme = value.split(" ", 1)[0] if " " in value else ""
            clean[name] = f"{scheme} [redacted]".strip()
        elif lower in _CHALLENGE_HEADERS:  # several challenges may be joined: "NTLM <blob>, Negotiate"
            clean[name] = _BLOB.sub(r"\1 [redacted]", value)
        else:
            clean[name] = value
    return clean


def redact_body(text: str) -> str:
    return redact_text(text)
