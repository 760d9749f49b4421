"""Logging: one rotating file in the user log folder.

Nothing secret is ever logged: callers never pass passwords, and the ``RedactingFilter``
scrubs what might slip through anyway (Authorization headers, NTLM blobs, password fields).
"""
from __future__ import annotations

import logging
import logging.handlers
import re

from app import paths

LOG_FILE_NAME = "sssm.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_REDACTIONS = [
    # HTTP authorization headers and challenges carrying credentials or NTLM/Kerberos blobs
    (re.compile(r"(?i)\b(authorization|proxy-authorization)\s*[:=]\s*\S+(\s+\S+)?"), r"\1: [redacted]"),
    (re.compile(r"(?i)\b(Basic|NTLM|Negotiate|Bearer)\s+[A-Za-z0-9+/=._-]{8,}"), r"\1 [redacted]"),
    # bare NTLM messages (base64 of "NTLMSSP\0") and SPNEGO tokens, wherever they appear
    (re.compile(r"TlRMTVNT[A-Za-z0-9+/=]*"), "[redacted NTLM message]"),
    (re.compile(r"\bYII[A-Za-z0-9+/=]{16,}"), "[redacted SPNEGO token]"),
    # password=..., "password": "...", <Password>...</Password>
    (re.compile(r"(?i)(password|passwd|pwd|secret|token)(\"?\s*[:=]\s*\"?)[^\s\",;&]+"), r"\1\2[redacted]"),
    (re.compile(r"(?is)(<(?:\w+:)?Password>).*?(</(?:\w+:)?Password>)"), r"\1[redacted]\2"),
]


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (it may be replaced, e.g. under test capture)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):
        import sys

        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(level: int = logging.INFO, *, console: bool = False) -> logging.Handler:
    """Attach the rotating file handler (idempotent) and return it."""
    root = logging.getLogger()
    target = str(paths.log_dir() / LOG_FILE_NAME)
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and handler.baseFilename == target:
            return handler
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    if console and not any(isinstance(h, _StderrHandler) for h in root.handlers):
        stream = _StderrHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(RedactingFilter())
        root.addHandler(stream)
    root.setLevel(level)
    # exchangelib logs full request bodies at DEBUG; keep it quieter than ours.
    logging.getLogger("exchangelib").setLevel(max(level, logging.INFO))
    logging.getLogger("peewee").setLevel(max(level, logging.INFO))  # every SQL statement at DEBUG
    logging.getLogger("spnego").setLevel(max(level, logging.INFO))  # NTLM messages at DEBUG
    return handler
