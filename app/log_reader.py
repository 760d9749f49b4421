"""Reading the log back for the window's log page: records parsed from the lines ``app.log``'s
handler writes, and a tail that follows the file as it grows and when the handler rotates it.

No Qt here: the page polls ``LogTail.read_lines`` and hands the lines to ``parse``. The file is
opened only while it is read, so the handler can always rename it (Windows refuses to rename a
file another handle holds open).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# app.log's format: "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ")
_TIME_LENGTH = len("2026-03-02 09:30:00,123 ")
_LEVELS = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARNING": logging.WARNING, "ERROR": logging.ERROR}
_LEVELS["CRITICAL"] = logging.CRITICAL
UNKNOWN_LEVEL = 0  # a line that is not part of any record the parser has seen


@dataclass(frozen=True)
class LogRecord:
    """One log record: its header and its message, continuation lines (a traceback) included."""

    time: str  # as the handler wrote it: local time, "2026-03-02 09:30:00,123"
    level: int  # logging.INFO …, UNKNOWN_LEVEL for lines before the first record
    thread: str
    source: str  # the logger's name
    message: str

    @property
    def first_line(self) -> str:
        return self.message.split("\n", 1)[0]

    @property
    def level_name(self) -> str:
        return logging.getLevelName(self.level) if self.level else ""

    def text(self) -> str:
        """The record as the file holds it."""
        if not self.time:
            return self.message
        return f"{self.time} {self.level_name:<7} {self.thread} {self.source}: {self.message}"


def parse(lines: Iterable[str], previous: LogRecord | None = None) -> list[LogRecord]:
    """The records in *lines* (without line ends). Lines before the first header continue
    *previous* (the last record already shown): they become a record with its header."""
    records: list[LogRecord] = []
    header: tuple[str, int, str, str] | None = None
    body: list[str] = []

    def close() -> None:
        if header is not None:
            records.append(LogRecord(*header, "\n".join(body)))
        elif body:
            if previous is not None:
                records.append(
                    LogRecord(previous.time, previous.level, previous.thread, previous.source, "\n".join(body))
                )
            else:
                records.append(LogRecord("", UNKNOWN_LEVEL, "", "", "\n".join(body)))

    for line in lines:
        found = _header(line)
        if found is None:
            body.append(line)
            continue
        close()
        header, message = found
        body = [message]
    close()
    return records


def _header(line: str) -> tuple[tuple[str, int, str, str], str] | None:
    """A record's first line as (time, level, thread, source) and its message; None for any other
    line. String operations rather than one regular expression: a 2 MB file parses in a blink."""
    if not _TIME.match(line):
        return None
    level_name, _, rest = line[_TIME_LENGTH:].partition(" ")
    level = _LEVELS.get(level_name)
    if level is None:
        return None
    head, separator, message = rest.lstrip(" ").partition(": ")  # a logger's name has no ": " in it
    thread, _, source = head.rpartition(" ")
    if not separator or not thread or not source:
        return None
    return (line[: _TIME_LENGTH - 1], level, thread, source), message


def _identity(stat: os.stat_result) -> tuple[int, int]:
    return (stat.st_dev, stat.st_ino)


class LogTail:
    """Follows one log file: each ``read_lines`` returns the complete lines written since the
    last call. When the handler has rotated the file (renamed it to ``<name>.1`` and started a
    new one), the lines the old file got after the last read come first, then the new file's."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._identity: tuple[int, int] | None = None
        self._offset = 0
        self._partial = b""  # a line being written: kept until its end arrives

    def read_lines(self) -> list[str]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []  # not written yet (the handler opens it on its first record)
        lines: list[str] = []
        if self._identity is not None and _identity(stat) != self._identity:
            lines += self._rest_of_rotated_file()
            self._offset, self._partial = 0, b""
        elif stat.st_size < self._offset:  # cut short in place: start again from its top
            self._offset, self._partial = 0, b""
        self._identity = _identity(stat)
        return lines + self._read(self.path)

    def _rest_of_rotated_file(self) -> list[str]:
        rotated = self.path.with_name(self.path.name + ".1")
        try:
            same = _identity(rotated.stat()) == self._identity
        except FileNotFoundError:
            return []
        if not same:  # rotated more than once since the last read: its lines are in older files
            return []
        lines = self._read(rotated)
        if self._partial:  # the old file's last line had no end: it has none now either
            lines.append(self._partial.decode("utf-8", "replace"))
            self._partial = b""
        return lines

    def _read(self, path: Path) -> list[str]:
        try:
            with open(path, "rb") as handle:
                handle.seek(self._offset)
                data = handle.read()
        except FileNotFoundError:
            return []
        self._offset += len(data)
        data = self._partial + data
        complete, newline, self._partial = data.rpartition(b"\n")
        if not newline:
            return []
        return [line.rstrip("\r") for line in complete.decode("utf-8", "replace").split("\n")]
