"""The fault matrix's expectations, the session-wide collector of its cells and the Markdown page
rendered from them (docs/reliability-matrix.md).

Every cell of tests/reliability/test_fault_matrix.py records what it observed here *before* it
asserts anything, and the conftest's report hook adds how the cell ended (passed, xfailed …). The
last test of that module renders the page and compares it with the committed one, or writes it
when ``SSSM_WRITE_RELIABILITY_DOCS=1``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.simulator.faults import KINDS as ALL_KINDS

# the whole-request faults; "refuse" answers single items of a CreateItem (a refused send), which
# the outgoing and Records tests cover item by item
KINDS = tuple(kind for kind in ALL_KINDS if kind != "refuse")

ROOT = Path(__file__).resolve().parents[2]
MATRIX_PAGE = ROOT / "docs" / "reliability-matrix.md"
WRITE_DOCS_ENV = "SSSM_WRITE_RELIABILITY_DOCS"

COLUMNS = ("incoming", "outgoing", "act", "test")
COLUMN_TITLES = {
    "incoming": "incoming email",
    "outgoing": "outgoing email",
    "act": "appointments, contacts, tasks",
    "test": "Test & Enable",
}
# The request each column's fault hits: the one that carries the workload's effect (for Test &
# Enable: every request, so the first one, of the connect step, fails).
OPERATION = {"incoming": "GetItem", "outgoing": "CreateItem", "act": "CreateItem", "test": "*"}

DELAY_TIMEOUT = 1  # seconds: the profile's timeout in the delay cells
DELAY_SECONDS = 1.5  # how late the delayed answer comes: past that timeout
BUSY_BACKOFF_MS = 600_000  # ErrorServerBusy's BackOffMilliseconds: longer than the default 5 minutes
FAULT_PARAMS: dict[str, dict] = {
    "server_busy": {"backoff_ms": BUSY_BACKOFF_MS},
    "delay": {"seconds": DELAY_SECONDS},
}


@dataclass(frozen=True)
class Expected:
    """What a cell must observe: the alert's level and code, whether the workload is disabled, the
    back-off (minutes; None: no automatic retry)."""

    level: str
    code: str | Callable[[str], bool]
    code_text: str
    disabled: bool
    retry_minutes: int | None

    def code_ok(self, code: str) -> bool:
        return self.code(code) if callable(self.code) else code == self.code


def _expected(level: str, code: str, *, disabled: bool = False, retry: int | None = 5) -> Expected:
    return Expected(level, code, code, disabled, retry)


# What the product documents today (docs/product-rules.md §4, docs/user-guide.md "Follow an
# alert"): a permanent failure is an Error at once and disables the workload; a transient one a
# Warning and a retry after the back-off (5 minutes, or ErrorServerBusy's BackOffMilliseconds when
# longer); a refused logon (401) a Warning and a retry at least 5 minutes later, on its own budget.
EXPECTED: dict[str, Expected] = {
    # a refused logon: a Warning and retries on their own budget (at least 5 minutes apart, one
    # failed logon each), then an Error and disabled (the cell drives the retries and checks that)
    "http401": _expected("warning", "Unauthorized"),
    "http403": _expected("error", "Forbidden", disabled=True, retry=None),
    "fault500": _expected("warning", "ServerError"),
    # HTTP.sys's 503 page (the EWS application pool stopped) is no throttling: ServerUnavailable
    "http503": _expected("warning", "ServerUnavailable"),
    "server_busy": _expected("warning", "ErrorServerBusy", retry=BUSY_BACKOFF_MS // 60_000),
    "delay": _expected("warning", "Timeout"),
    "reset": _expected("warning", "ConnectionFailed"),
    "truncated": _expected("warning", "ConnectionFailed"),
    "malformed": _expected("warning", "MalformedResponse"),
}
assert set(EXPECTED) == set(KINDS), "a new fault kind needs its expectation here"


@dataclass
class Cell:
    kind: str
    column: str
    operation: str = ""
    level: str = ""
    code: str = ""
    disabled: bool | None = None
    retry: str = ""
    recovery: str = ""
    closed: str = ""
    consistency: str = ""
    outcome: str = "not run"
    notes: list[str] = field(default_factory=list)


CELLS: dict[tuple[str, str], Cell] = {}


def cell(kind: str, column: str) -> Cell:
    found = CELLS.get((kind, column))
    if found is None:
        found = CELLS[(kind, column)] = Cell(kind, column, OPERATION[column])
    return found


def complete() -> bool:
    """Every cell ran in this session (not a -k subset)."""
    return all(
        (kind, column) in CELLS and CELLS[(kind, column)].outcome != "not run" for kind in KINDS for column in COLUMNS
    )


def write_docs_requested() -> bool:
    return os.environ.get(WRITE_DOCS_ENV) == "1"


# --- the page ------------------------------------------------------------------------------------

_MARK = {"passed": "✓", "failed": "FAILED", "xpassed": "XPASS", "skipped": "skipped", "not run": "—"}


def _mark(c: Cell, xfails: dict[tuple[str, str], tuple[str, bool]]) -> str:
    if c.outcome == "xfailed":
        return "✗" if xfails[(c.kind, c.column)][1] else "⏳"
    return _MARK[c.outcome]


def _state(c: Cell) -> str:
    if c.column == "test":  # a failed Test & Enable enables nothing
        return "stays disabled" + ("" if c.retry == "none" else f", next run stored ({c.retry})")
    return "disabled" if c.disabled else f"retry {c.retry}"


def _glance(c: Cell, xfails: dict[tuple[str, str], tuple[str, bool]]) -> str:
    level = c.level.capitalize() or "no alert"
    return f"{_mark(c, xfails)} {level} `{c.code or '—'}`, {_state(c)}"


def _ordered(keys):
    return sorted(keys, key=lambda k: (KINDS.index(k[0]), COLUMNS.index(k[1])))


def render(xfails: dict[tuple[str, str], tuple[str, bool]]) -> str:
    """The Markdown page; *xfails*: (reason, strict) of each cell marked as an expected failure."""
    lines = [
        "# Reliability matrix",
        "",
        "Generated by `tests/reliability/test_fault_matrix.py` from its own results: do not edit it by hand.",
        "`make test` fails when this page differs from what the suite observed; to write it again:",
        "",
        "```sh",
        f"{WRITE_DOCS_ENV}=1 .venv/bin/python -m pytest tests/reliability/test_fault_matrix.py",
        "```",
        "",
        "Each fault the loopback Exchange server can inject (`app/simulator/faults.py`) is set on the",
        "request that carries a workload's effect, until cleared, and one cycle (or one Test & Enable)",
        "runs into it. The cell records the alert the store holds then, whether the workload was",
        "disabled and when it runs next. The fault is then cleared and the workload recovers: at its",
        "scheduled time (transient failures) or through Test & Enable (permanent ones, and Test & Enable",
        "itself), after which there must be an Information alert, no open Warning or Error of the",
        "mailbox, and the store must equal Exchange. What each guarantee means is in",
        "[reliability.md](reliability.md).",
        "",
        f"Set-up: profile timeout 5 s ({DELAY_TIMEOUT} s in the delay cells, whose answer comes "
        f"{DELAY_SECONDS:g} s late), default back-off 5 minutes, ErrorServerBusy with "
        f"BackOffMilliseconds {BUSY_BACKOFF_MS}. Data: incoming 3 emails in the Inbox; outgoing 2 pending "
        "emails; appointments, contacts and tasks 1 item of each in Exchange and 1 record of each in the "
        "store; Test & Enable all three workloads.",
        "",
        "A failed Test & Enable enables nothing: its transient failures store a next run, at which the",
        "scheduler runs the test again (issue 13); the cell's recovery is the admin's Test & Enable.",
        "",
        "✓ as expected · ✗ a product defect, marked as an expected failure (strict xfail); the reasons",
        "follow the tables. A 401 cell then lets the scheduler retry, the logon still refused, on a clock",
        "moved forward a minute at a time: its notes say when each failed logon came and how it ended.",
        "",
        "## At a glance",
        "",
        "| fault | " + " | ".join(COLUMN_TITLES[c] for c in COLUMNS) + " |",
        "| --- | " + " | ".join("---" for _ in COLUMNS) + " |",
    ]
    for kind in KINDS:
        row = [_glance(cell(kind, column), xfails) for column in COLUMNS]
        lines.append(f"| `{kind}` | " + " | ".join(row) + " |")
    lines += [
        "",
        "## Cell by cell",
        "",
        "| fault | workload | faulted request | expected | alert | disabled | next run | recovery | "
        "open Warnings/Errors after | store = Exchange | result |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind in KINDS:
        expected = EXPECTED[kind]
        want = f"{expected.level.capitalize()} `{expected.code_text}`, " + (
            "disabled" if expected.disabled else f"retry in {expected.retry_minutes} min"
        )
        for column in COLUMNS:
            c = cell(kind, column)
            result = _mark(c, xfails) + ("" if c.outcome == "passed" else f" {c.outcome}")
            lines.append(
                f"| `{kind}` | {COLUMN_TITLES[column]} | `{c.operation}` | {want} | "
                f"{c.level.capitalize() or '—'} `{c.code or '—'}` | {'yes' if c.disabled else 'no'} | {c.retry} | "
                f"{c.recovery} | {c.closed} | {c.consistency} | {result} |"
            )
    by_reason: dict[str, list[tuple[str, str]]] = {}
    for key in _ordered(xfails):
        by_reason.setdefault(xfails[key][0], []).append(key)
    if by_reason:
        lines += ["", "## Expected failures", ""]
        for reason, keys in by_reason.items():
            where = ", ".join(f"`{kind}` × {COLUMN_TITLES[column]}" for kind, column in keys)
            lines.append(f"- {where}: {reason}")
    notes = [(key, note) for key in _ordered(CELLS) for note in CELLS[key].notes]
    if notes:
        lines += ["", "## Notes", ""]
        for (kind, column), note in notes:
            lines.append(f"- `{kind}` × {COLUMN_TITLES[column]}: {note}")
    return "\n".join(lines) + "\n"
