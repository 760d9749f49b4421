"""Test & Enable of many mailboxes from the window (DiagnosticRunner.test_mailboxes, retest_failed),
against the loopback Exchange server over HTTPS: the profile's limit on connections counted by the
server itself, the window's event loop measured while 50 mailboxes are tested."""

from __future__ import annotations

import gc
import time

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.enums import RunStatus
from app.gui.diagnostic_runner import DiagnosticRunner
from app.store.models import DiagnosticRun, Mailbox

TIMEOUT_MS = 120_000
PASSED = (RunStatus.SUCCESS,) * 4 + (True,) * 3
NOT_TESTED = (RunStatus.NOT_RUN,) * 4 + (False,) * 3


def what_the_test_wrote(mailbox_id):
    m = Mailbox.get_by_id(mailbox_id)
    statuses = (m.mailbox_status, m.incoming_status, m.outgoing_status, m.act_status)
    return statuses + (m.incoming_enabled, m.outgoing_enabled, m.act_enabled)


@pytest.fixture
def window(qtbot):
    """The widget the Mailboxes page would be: the progress dialog's parent."""
    widget = QWidget()
    widget.resize(640, 400)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def runner(window):
    runner = DiagnosticRunner(window)
    yield runner
    runner.cancel_all()
    for handle in list(runner.handles.values()):
        handle.wait()


def fifty_mailboxes(setup, ews, max_connections=3):
    profile = setup.profile("Fifty mailboxes", max_connections=max_connections)
    return [setup.mailbox(profile, ews.new_account(f"fifty{n}").email).id for n in range(50)]


def test_fifty_mailboxes_at_three_connections_with_the_window_responsive(qtbot, window, runner, setup, ews):
    ids = fifty_mailboxes(setup, ews)
    labels, notices = [], []
    runner.notice.connect(notices.append)
    # What this measures is the app's own work on the GUI thread, not two artefacts of a long test
    # session: compiling the engine on its first import, and collecting earlier tests' garbage.
    import app.diagnostics.bulk  # noqa: F401  (what the worker imports first)

    gc.collect()
    gc.freeze()
    gaps, last = [], [time.perf_counter()]

    def probe():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(probe)
    ews.server.in_flight.reset()
    timer.start(10)
    with qtbot.waitSignal(runner.mailboxes_tested, timeout=TIMEOUT_MS) as tested:
        assert runner.test_mailboxes(ids, window)
        dialog = runner.progress_dialogs["mailboxes"]
        assert dialog.findChild(QPushButton).text() == "Cancel"
        runner.activity.connect(lambda key, text: labels.append(dialog.labelText()) if text else None)
    timer.stop()
    gc.unfreeze()
    reports = tested.args[0]
    assert [r.mailbox_id for r in reports] == ids
    assert {r.status for r in reports} == {RunStatus.SUCCESS}, reports[0].as_text()
    assert {what_the_test_wrote(i) for i in ids} == {PASSED}
    assert 1 <= ews.server.in_flight.peak <= 3, f"{ews.server.in_flight.peak} requests in flight at once"
    assert labels[-1] == "Testing mailboxes: 50 of 50 done"
    assert notices == ["Test & Enable mailboxes: 50 of 50 passed"]
    qtbot.waitUntil(lambda: runner.handles == {} and not shiboken6.isValid(dialog))
    assert len(gaps) > 10 and max(gaps) < 0.1, f"the GUI thread stalled for {max(gaps) * 1000:.0f} ms"


def test_cancel_mid_way_leaves_no_mailbox_half_enabled(qtbot, window, runner, setup, ews, click):
    ids = fifty_mailboxes(setup, ews, max_connections=2)
    notices = []
    runner.notice.connect(notices.append)
    assert runner.test_mailboxes(ids, window)
    assert not runner.test_mailboxes(ids, window), "one list's test at a time"
    assert notices == ["A Test & Enable of several mailboxes is already running."]
    dialog = runner.progress_dialogs["mailboxes"]
    assert dialog.maximum() == 50
    qtbot.waitUntil(lambda: dialog.value() >= 4, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(runner.mailboxes_tested, timeout=TIMEOUT_MS) as tested:
        click(dialog.findChild(QPushButton))  # Cancel
    reports = tested.args[0]
    assert 4 <= len(reports) < 50
    qtbot.waitUntil(lambda: runner.handles == {} and not shiboken6.isValid(dialog))  # the dialog closes
    tested_ids = {r.mailbox_id for r in reports}
    assert DiagnosticRun.select().count() == len(tested_ids)
    for mailbox_id in ids:  # tested completely, or not at all
        assert what_the_test_wrote(mailbox_id) == (PASSED if mailbox_id in tested_ids else NOT_TESTED)
    assert notices[-1] == f"Test & Enable cancelled: {len(reports)} of 50 mailboxes tested, {len(reports)} passed"


def test_retest_failed_takes_only_the_failed_ones(qtbot, window, runner, setup, ews):
    profile = setup.profile("Retest", max_connections=2)
    good = setup.mailbox(profile, ews.new_account("good").email).id
    wrong = setup.mailbox(profile, ews.new_account("wrong").email, password="not-the-password").id
    notices = []
    runner.notice.connect(notices.append)
    assert not runner.retest_failed(window)
    assert notices == ["No mailbox failed its last Test & Enable: nothing to test again."]
    assert runner.handles == {}
    with qtbot.waitSignal(runner.mailboxes_tested, timeout=TIMEOUT_MS) as first:
        assert runner.test_mailboxes([good, wrong], window)
    assert [(r.mailbox_id, r.status) for r in first.args[0]] == [(good, RunStatus.SUCCESS), (wrong, RunStatus.FAILURE)]
    assert notices[-1] == "Test & Enable mailboxes: 1 of 2 passed"
    qtbot.waitUntil(lambda: runner.handles == {})
    with qtbot.waitSignal(runner.mailboxes_tested, timeout=TIMEOUT_MS) as again:
        assert runner.retest_failed(window)
    assert [(r.mailbox_id, r.status) for r in again.args[0]] == [(wrong, RunStatus.FAILURE)]
    assert notices[-1] == "Test & Enable mailboxes: 0 of 1 passed"
