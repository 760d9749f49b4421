"""GUI fixtures: sample data in a fresh store, message boxes recorded instead of shown."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest


@dataclass
class MessageLog:
    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    confirms: list[tuple[str, str]] = field(default_factory=list)
    answer_yes: bool = True


@pytest.fixture(autouse=True)
def _background_work_ends_with_the_test(qapp):
    """A test's background work ends with it: a worker left running outlives the store its test
    closed, and a QThread destroyed while it runs aborts the whole test process at exit."""
    yield
    from app.gui.workers import cancel_all_and_wait

    cancel_all_and_wait(10_000)
    qapp.processEvents()  # their finished signals: the handles let go


@pytest.fixture
def message_log(monkeypatch) -> MessageLog:
    from app.gui import messages

    log = MessageLog()
    monkeypatch.setattr(
        messages, "show_error", lambda parent, title, text, details="": log.errors.append((title, text))
    )
    monkeypatch.setattr(messages, "show_info", lambda parent, title, text: log.infos.append((title, text)))

    def confirm(parent, title, text, on_yes, action=""):
        log.confirms.append((title, text))
        if log.answer_yes:
            on_yes()

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(
        messages,
        "confirm_action",
        lambda parent, title, text, action, on_yes, details="": confirm(parent, title, text, on_yes),
    )
    return log


@pytest.fixture
def sample(store):
    from app.gui.screenshots.sample_data import create_sample_data

    return create_sample_data()


@pytest.fixture
def main_window(qtbot, sample, message_log):
    from app.gui.windows.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tests.cancel_all()
    for handle in list(window.tests.handles.values()):
        handle.wait()


@pytest.fixture
def click(qtbot):
    """Click as a person does: on a check box's indicator, elsewhere in the middle."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QCheckBox

    def do_click(widget) -> None:
        pos = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else widget.rect().center()
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    return do_click


from store_setup import Setup, setup  # noqa: E402,F401 - store records on the loopback Exchange server
