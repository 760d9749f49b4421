"""Screenshot views of the editing windows' own moments: the question asked before closing a
window with unsaved changes (issue 20). ``render.views`` yields them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.gui.screenshots.render import View
    from app.gui.screenshots.sample_data import Sample


def unsaved_views(sample: Sample) -> Iterator[tuple[str, View]]:
    """Alice's mailbox with an unsaved change to her name, Close pressed: the Save / Discard /
    Cancel question over the editor, where it opens."""
    from PySide6.QtCore import QPoint

    from app.gui.windows.mailbox_editor import MailboxEditor

    editor = MailboxEditor(sample.mailbox_ids["alice"])

    def unsaved_prompt():
        editor.show()
        editor.ui.name.setText(editor.ui.name.text() + " (Sales)")
        editor.ui.closeButton.click()
        box = editor.unsaved_prompt
        assert box is not None, "the editor asks before closing"
        box.ensurePolished()
        box.adjustSize()
        where = QPoint((editor.width() - box.width()) // 2, (editor.height() - box.height()) // 3)
        return editor, [(box, where)]

    yield "unsaved-prompt", unsaved_prompt
    # the picture is taken: Cancel, and the change put back, so that the editor closes unasked
    if editor.unsaved_prompt is not None:
        editor.unsaved_prompt.reject()
    editor.reload()
