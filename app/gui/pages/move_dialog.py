"""Choosing the email server profile that mailboxes move to: for a selection of mailboxes, and
for the mailboxes of a profile that is deleted. What the move would break (a profile that uses
each mailbox's credentials, and a mailbox that does not allow them) shows under the profile
before anything is written; the verb's button stays off until the move is possible."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from app.gui.forms.ui_move_to_profile_dialog import Ui_MoveToProfileDialog
from app.gui.i18n import translate
from app.gui.windows.base import Dialog
from app.store import manage, queries

LISTED = 12  # mailbox names listed in full; the rest are counted


def name_list(names: Sequence[str]) -> str:
    """Names separated as the UI language separates a list, at most LISTED of them."""
    separator = translate("MoveToProfileDialog", ", ")
    shown = separator.join(names[:LISTED])
    if len(names) > LISTED:
        more = translate("MoveToProfileDialog", "and %1 more").replace("%1", str(len(names) - LISTED))
        shown = f"{shown}{separator}{more}"
    return shown


class MoveToProfileDialog(Dialog):
    """Emits ``chosen(profile id)`` when the verb's button is clicked with a possible move."""

    chosen = Signal(int)
    default_size = QSize(560, 240)

    def __init__(
        self,
        mailbox_ids: Sequence[int],
        mailbox_names: Sequence[str],
        *,
        intro: str,
        action: str,
        exclude_profile: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MoveToProfileDialog()
        self.ui.setupUi(self)
        self.mailbox_ids = list(mailbox_ids)
        self.ui.intro.setText(intro)
        self.ui.mailboxList.setText(name_list(mailbox_names))
        self.ui.mailboxList.setVisible(bool(mailbox_names))
        for choice in queries.profile_choices():
            if choice.id != exclude_profile:
                self.ui.profile.addItem(choice.name, choice.id)
        self.action_button: QPushButton = self.ui.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Cancel"))
        cancel.setDefault(True)  # moving (and deleting) is what the admin chooses, not what Enter does
        self.action_button.setAutoDefault(False)
        self.ui.buttons.accepted.connect(self._accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.profile.currentIndexChanged.connect(self._check)
        self._check()
        self.restore_geometry()

    def profile_id(self) -> int | None:
        data = self.ui.profile.currentData()
        return int(data) if data is not None else None

    def problem_text(self) -> str:
        """Under the profile: why the move is not possible (empty when it is)."""
        profile_id = self.profile_id()
        if profile_id is None:
            return self.tr("There is no other email server profile: create one first.")
        lines = []
        for problem in manage.move_problems(self.mailbox_ids, profile_id):
            issues = " ".join(issue.message(translate) for issue in problem.issues)
            lines.append(self.tr("%1: %2").replace("%1", problem.mailbox_name).replace("%2", issues))
        return "\n".join(lines)

    def _check(self, *_args: object) -> None:
        text = self.problem_text()
        self.ui.profileError.setText(text)
        self.ui.profileError.setVisible(bool(text))
        self.action_button.setEnabled(not text)

    def _accept(self) -> None:
        profile_id = self.profile_id()
        if profile_id is None or self.problem_text():
            return
        self.chosen.emit(profile_id)
        self.accept()
