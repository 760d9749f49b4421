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
