"""Logging: one rotating file in the user log folder.

The window's start writes to it with a plain ``logging.FileHandler`` (``setup_logging(...,
rotate=False)``) and makes it rotating right after its first paint (``rotate_log_file()``):
``logging.handlers`` brings sockets, pickle and queues with it, which the first window does
without. Both append to the same file, so nothing logged before the swap is lost.

Nothing secret is ever logged: callers never pass passwords, and the ``RedactingFilter``
scrubs what might slip through anyway (Authorization headers, NTLM blobs, password fields).
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path

from app import paths

LOG_FILE_NAME = "sssm.log"
MAX_BYTES = 2_000_000  # then sssm.log becomes sssm.log.1 (… up to BACKUP_COUNT files kept)
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_REDACTIONS = (
    # HTTP authorization headers and challenges carrying credentials or NTLM/Kerberos blobs
    (r"(?i)\b(authorization|proxy-authorization)\s*[:=]\s*\S+(\s+\S+)?", r"\1: [redacted]"),
    (r"(?i)\b(Basic|NTLM|Negotiate|Bearer)\s+[A-Za-z0-9+/=._-]{8,}", r"\1 [redacted]"),
    # bare NTLM messages (base64 of "NTLMSSP\0") and SPNEGO tokens, wherever they appear
    (r"TlRMTVNT[A-Za-z0-9+/=]*", "[redacted NTLM message]"),
    (r"\bYII[A-Za-z0-9+/=]{16,}", "[redacted SPNEGO token]"),
    # password=..., "password": "...", <Password>...</Password>
    (r"(?i)(password|passwd|pwd|secret|token)(\"?\s*[:=]\s*\"?)[^\s\",;&]+", r"\1\2[redacted]"),
    (r"(?is)(<(?:\w+:)?Password>).*?(</(?:\w+:)?Password>)", r"\1[redacted]\2"),
)


@cache
def _redactions() -> list[tuple[re.Pattern[str], str]]:
    """The patterns, compiled when the first record is written (not as the first window starts)."""
    return [(re.compile(pattern), replacement) for pattern, replacement in _REDACTIONS]


def redact(text: str) -> str:
    for pattern, replacement in _redactions():
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


class LogProblem:
    """The log folder cannot be written; ``str()`` says so on one line for a person. (A plain
    class: dataclasses is not otherwise loaded before the first window.)"""

    __slots__ = ("folder", "reason")

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder, self.reason = folder, reason

    def __repr__(self) -> str:
        return f"LogProblem(folder={self.folder!r}, reason={self.reason!r})"

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


class _StartFileHandler(logging.FileHandler):
    """The log file until ``rotate_log_file()``; then it hands what still reaches it (a thread
    that looked at the handlers just before the swap) to its rotating successor, rather than
    opening the file again (on Windows a second handle would stop the rotation's rename)."""

    successor: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.successor is not None:
            self.successor.handle(record)
        else:
            super().emit(record)


def _our_file_handler(target: str) -> logging.FileHandler | None:
    root = logging.getLogger()
    return next((h for h in root.handlers if isinstance(h, logging.FileHandler) and h.baseFilename == target), None)


def _rotating_handler(target: str) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )


def _attach(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter())
    logging.getLogger().addHandler(handler)
    return handler


def setup_logging(level: int = logging.INFO, *, console: bool = False, rotate: bool = True) -> logging.Handler:
    """Attach the rotating file handler (idempotent) and return it. When the log folder cannot
    be written, the app carries on without a log file: ``logging_problem()`` says so, and the
    handler returned is a NullHandler (nothing attached) — no "Logging error" on every record.
    With *rotate* False, a plain file handler on the same file, until ``rotate_log_file()``."""
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
        existing = _our_file_handler(target)
        if existing is not None:
            return rotate_log_file() if rotate else existing
        handler = _attach(
            _rotating_handler(target) if rotate else _StartFileHandler(target, encoding="utf-8", delay=True)
        )
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


def rotate_log_file() -> logging.Handler:
    """The log file's handler made rotating, if ``setup_logging(rotate=False)`` attached a plain
    one: the rotating handler takes its place on the same file (what was logged stays in it).
    Returns the file's handler (a NullHandler when logging is off)."""
    target = str(paths.log_dir(create=False) / LOG_FILE_NAME)
    plain = _our_file_handler(target)
    if plain is None:
        return logging.NullHandler()
    if not isinstance(plain, _StartFileHandler):  # rotating already
        return plain
    root = logging.getLogger()
    rotating = _rotating_handler(target)
    rotating.setFormatter(plain.formatter)
    for kept in plain.filters:
        rotating.addFilter(kept)
    rotating.setLevel(plain.level)
    with plain.lock:  # type: ignore[union-attr]  # no record is being written through it meanwhile
        handlers = root.handlers
        handlers[handlers.index(plain)] = rotating  # in its place at once: no record falls between them
        plain.successor = rotating
        plain.close()
    return rotating
