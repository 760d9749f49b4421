"""Fixtures and hooks of the reliability suite (docs/reliability.md).

``setup`` comes from tests/store_setup.py (a store whose profiles point at the shared loopback
server). The report hook tells the fault matrix's collector how each of its cells ended; the
terminal summary prints the figures of the crash loop and the concurrency runs.
"""

from __future__ import annotations

import pytest
from store_setup import Setup, setup  # noqa: F401


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if item.originalname != "test_fault_cell" or not hasattr(item, "callspec"):
        return
    from matrix_support import cell

    record = cell(item.callspec.params["kind"], item.callspec.params["column"])
    xfail = hasattr(report, "wasxfail")
    if report.when == "call":
        if report.passed:
            record.outcome = "xpassed" if xfail else "passed"
        elif report.skipped:
            record.outcome = "xfailed" if xfail else "skipped"
        else:
            record.outcome = "failed"
    elif report.failed:  # set-up or teardown
        record.outcome = "failed"


def pytest_terminal_summary(terminalreporter):
    from reliability_support import FIGURES

    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
