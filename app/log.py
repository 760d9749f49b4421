"""Logging: one rotating file in the user log folder.

Nothing secret is ever logged: callers never pass passwords, and the ``RedactingFilter``
scrubs what might slip through anyway (Authorization headers, NTLM blobs, password fields).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class LogProblem:
    """The log folder cannot be written; ``str()`` says so on one line for a person."""

    folder: Path
    reason: str

    def __str__(self) -> str:
        return (
            f"Logging is off: the log folder {self.folder} cannot be written ({self.reason}); the app works "
            f"without a log file. Give your account write access to it (or set SSSM_HOME to a writable "
            f"folder) to get the log back."
        )


_problem: LogProblem | None = None


def logging_problem() -> LogProblem | None:
    """Why the last ``setup_logging`` could not log to a file, or None. The command line prints
    it once on stderr; the window shows it."""
    return _problem


def _open_log_file() -> str:
    """The log file's path, after making sure it can be appended to (OSError if not)."""
    target = paths.log_dir() / LOG_FILE_NAME
    with open(target, "a", encoding="utf-8"):
        pass
    return str(target)


def setup_logging(level: int = logging.INFO, *, console: bool = False) -> logging.Handler:
    """Attach the rotating file handler (idempotent) and return it. When the log folder cannot
    be written, the app carries on without a log file: ``logging_problem()`` says so, and the
    handler returned is a NullHandler (nothing attached) — no "Logging error" on every record."""
    global _problem
    root = logging.getLogger()
    handler: logging.Handler
    try:
        target = _open_log_file()
    except OSError as exc:
        _problem = LogProblem(paths.log_dir(create=False), exc.strerror or str(exc))
        handler = logging.NullHandler()
    else:
        _problem = None
        existing = next(
            (
                h
                for h in root.handlers
                if isinstance(h, logging.handlers.RotatingFileHandler) and h.baseFilename == target
            ),
            None,
        )
        if existing is not None:
            return existing
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
