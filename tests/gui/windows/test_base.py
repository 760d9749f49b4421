"""The window base: each window class remembers its size and position in the data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QWizard

from app.gui.widgets.field_errors import snake_case
from app.gui.windows.base import WINDOWS_FILE, Dialog, PreserveGeometry


class SmallDialog(Dialog):
    default_size = QSize(420, 260)


class OtherDialog(Dialog):
    default_size = QSize(500, 300)


class SmallWizard(PreserveGeometry, QWizard):
    default_size = QSize(380, 280)


def _open(qtbot, window_class):
    window = window_class()
    qtbot.addWidget(window)
    window.restore_geometry()
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_time_a_window_opens_at_its_default_size(qtbot, sssm_home: Path):
    window = _open(qtbot, SmallDialog)
    assert window.size() == QSize(420, 260)
    assert not (sssm_home / "data" / WINDOWS_FILE).exists()


def test_a_closed_window_opens_again_where_it_was_left(qtbot, sssm_home: Path):
    window = _open(qtbot, SmallDialog)
    window.resize(640, 380)
    window.move(QPoint(70, 90))
    position = window.pos()
    window.close()  # deleted on close: the next one is a new window
    assert (sssm_home / "data" / WINDOWS_FILE).is_file()
    again = _open(qtbot, SmallDialog)
    assert again.size() == QSize(640, 380)
    assert again.pos() == position
    other = _open(qtbot, OtherDialog)  # each window class keeps its own
    assert other.size() == QSize(500, 300)


def test_a_wizard_saves_when_it_is_finished_not_only_when_closed(qtbot):
    wizard = _open(qtbot, SmallWizard)
    wizard.resize(600, 450)
    wizard.accept()  # done() hides without a close event
    assert _open(qtbot, SmallWizard).size() == QSize(600, 450)


def test_the_mailbox_editor_keeps_its_size(qtbot, sample, message_log):
    from app.gui.windows.mailbox_editor import MailboxEditor

    editor = MailboxEditor(sample.mailbox_ids["alice"])
    qtbot.addWidget(editor)
    assert editor.size() == QSize(820, 600)
    editor.show()
    editor.resize(760, 560)  # within the offscreen screen (800 x 600): restoreGeometry keeps windows on screen
    editor.close()
    again = MailboxEditor(sample.mailbox_ids["bob"])
    qtbot.addWidget(again)
    assert again.size() == QSize(760, 560)


def test_error_labels_name_their_settings_in_snake_case():
    assert snake_case("outgoingCredentialSource") == "outgoing_credential_source"
    assert snake_case("name") == "name"
