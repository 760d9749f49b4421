import threading

from PySide6.QtWidgets import QPushButton

from app.gui import diagnostic_runner
from app.gui.diagnostic_runner import DiagnosticRunner


def test_cancel_in_the_progress_dialog_stops_a_profile_test(qtbot, message_log, monkeypatch, click):
    started = threading.Event()

    def run_profile_test(profile_id, *, progress=None, cancel=None):
        started.set()
        done = 0
        while not cancel.cancelled:
            progress(done, 20, None)
            done = min(done + 1, 19)
            threading.Event().wait(0.005)
        return []

    monkeypatch.setattr(diagnostic_runner, "run_profile_test", run_profile_test)
    runner = DiagnosticRunner()
    seen = []
    runner.activity.connect(lambda key, text: seen.append(text))
    assert runner.test_profile(3, "Exchange 2013")
    assert not runner.test_profile(3, "Exchange 2013")  # one run per profile at a time
    dialog = runner.progress_dialogs["profile:3"]
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.maximum() == 20)
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "Cancel"
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        click(cancel_button)
    assert runner.handles == {} and seen[-1] == ""
    assert any("of 20 done" in text for text in seen)


def test_a_list_of_mailboxes_leaves_out_one_under_its_own_test(qtbot, message_log, setup, ews):
    profile = setup.profile(max_connections=2)
    alone, other = (setup.mailbox(profile, ews.new_account(f"list{n}").email).id for n in range(2))
    runner = DiagnosticRunner()
    notices, single = [], []
    runner.notice.connect(notices.append)
    runner.mailbox_tested.connect(single.append)
    assert not runner.test_mailboxes([], None)
    assert notices == ["No mailbox to test."] and runner.handles == {}
    assert runner.test_mailbox(alone, "alone")
    assert not runner.test_mailboxes([alone], None), "its only mailbox is under test already"
    assert notices[-1] == "No mailbox to test."
    with qtbot.waitSignal(runner.mailboxes_tested, timeout=60_000) as tested:
        assert runner.test_mailboxes([alone, other, other], None)
        assert runner.progress_dialogs["mailboxes"].maximum() == 1
    assert [r.mailbox_id for r in tested.args[0]] == [other]
    qtbot.waitUntil(lambda: runner.handles == {})
    assert [r.mailbox_id for r in single] == [alone]
    assert notices[-1] == "Test & Enable mailboxes: 1 of 1 passed"
    assert message_log.errors == []
