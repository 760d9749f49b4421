"""Writing an email: new, reply, reply all, forward (docs/product-rules.md §5, outgoing email).

From is one of the mailboxes whose outgoing email is enabled; an address in To or Cc that is not
valid is marked under its field and keeps Send off. Send now queues the email as Pending send and
runs that mailbox's outgoing cycle at once, in a worker (app.sync.compose: the scheduler's own
cycle under its lease, so exactly once holds); the window follows the email's status on screen:
Pending send, Sending, Sent — or Failed with Exchange's reason, an alert and Retry.

A tracked email carries a tracking token at the end of its subject (the system settings' prefix
and the email's number) when its mailbox's owner tracks the answers to tracked email; an answer
keeps the token of the email it answers, and In-Reply-To and References, so it correlates.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.enums import EmailDirection, EmailStatus
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.records import ComposeKind, ComposeValues, quoted, reply_subject, split_addresses, validate_compose
from app.domain.validation import ValidationIssue
from app.gui import messages
from app.gui.forms.ui_compose_window import Ui_ComposeWindow
from app.gui.i18n import enum_text, format_time
from app.gui.widgets.field_errors import FieldErrors
from app.gui.windows.base import Dialog, UnsavedChangesGuard, enable_with_reason
from app.gui.workers import WorkerHandle, start_worker
from app.store.email_records import (
    EmailDetail,
    SendingMailbox,
    email_detail,
    email_status,
    sender_mailbox_id,
    sending_mailboxes,
)
from app.store.repo import system_settings

POLL_MS = 150  # how often the status on screen is read again while the email is on its way


class ComposeWindow(UnsavedChangesGuard, Dialog):
    default_size = QSize(720, 560)

    sent = Signal(int)  # the email's id, once it is queued (its status then moves on)

    def __init__(
        self,
        kind: ComposeKind = ComposeKind.NEW,
        answered_id: int | None = None,
        *,
        mailbox_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ComposeWindow()
        self.ui.setupUi(self)
        ui = self.ui
        self.kind = kind
        self._title = self.tr("New email")
        self.answered: EmailDetail | None = email_detail(answered_id) if answered_id is not None else None
        self.errors = FieldErrors([ui], [ui.composeForm], self)
        self.errors.revealed.connect(self._update_state)
        self.issues: list[ValidationIssue] = []
        self.email_id: int | None = None
        self.sender_mailbox_id: int | None = None  # an email already queued: the mailbox it goes from
        self.statuses_seen: list[EmailStatus] = []  # each status shown while the email went out
        self.worker: WorkerHandle | None = None
        self.result: Any = None
        self.mailboxes = [m for m in sending_mailboxes() if m.enabled]
        self.prefix = system_settings().tracking_token_prefix
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_status)
        for mailbox in self.mailboxes:
            ui.mailbox.addItem(f"{mailbox.name} <{mailbox.address}>", mailbox.id)
        self._prefill(mailbox_id)
        ui.retryButton.setVisible(False)
        ui.statusLabel.setVisible(False)
        ui.mailbox.currentIndexChanged.connect(self._mailbox_changed)
        for field in (ui.to, ui.cc, ui.subject):
            field.textChanged.connect(self._changed)
        ui.body.textChanged.connect(self._changed)
        ui.tracked.toggled.connect(self._changed)
        ui.sendButton.clicked.connect(self.send)
        ui.retryButton.clicked.connect(self.retry)
        ui.closeButton.clicked.connect(self.close)
        self._mailbox_changed()
        self._loaded = self.values()  # as first shown: what was written since is the difference
        self.restore_geometry()

    @classmethod
    def for_sent_email(cls, email_id: int, parent: QWidget | None = None) -> ComposeWindow | None:
        """The window of an outgoing email already queued (e.g. one Exchange refused): its fields as
        they were, read-only, and its status; Retry sends it again. None when it is not outgoing."""
        detail = email_detail(email_id)
        if detail is None or detail.direction is not EmailDirection.OUTGOING:
            return None
        window = cls(ComposeKind.NEW, mailbox_id=sender_mailbox_id(email_id), parent=parent)
        ui = window.ui
        ui.to.setText(detail.to_recipients.replace(";", "; "))
        ui.cc.setText(detail.cc_recipients.replace(";", "; "))
        ui.subject.setText(detail.subject)
        ui.body.setPlainText(detail.body if not detail.body_is_html else _text_of(detail.body))
        window.sender_mailbox_id = sender_mailbox_id(email_id)
        window.email_id = email_id
        window._title = window.tr("Email: %1").replace("%1", detail.subject)
        window.setWindowTitle(window._title)
        window._lock_fields()
        window.ui.statusLabel.setVisible(True)
        window._show_status()
        return window

    # --- the fields ----------------------------------------------------------------------------

    def _prefill(self, mailbox_id: int | None) -> None:
        ui, answered = self.ui, self.answered
        titles = {
            ComposeKind.NEW: self.tr("New email"),
            ComposeKind.REPLY: self.tr("Reply"),
            ComposeKind.REPLY_ALL: self.tr("Reply all"),
            ComposeKind.FORWARD: self.tr("Forward"),
        }
        self._title = titles[self.kind]
        self.setWindowTitle(self._title)
        if answered is not None:
            own = {copy.address.casefold() for copy in answered.copies}
            mailbox_id = mailbox_id or self._answering_mailbox(answered)
            if self.kind is not ComposeKind.FORWARD:
                ui.to.setText(answered.sender)
            if self.kind is ComposeKind.REPLY_ALL:
                others = split_addresses(answered.to_recipients) + split_addresses(answered.cc_recipients)
                keep = [a for a in others if a.casefold() not in own and a.casefold() != answered.sender.casefold()]
                ui.cc.setText("; ".join(dict.fromkeys(keep)))
            ui.subject.setText(reply_subject(answered.subject, self.kind))
            header = (
                self.tr("On %1, %2 wrote:").replace("%1", format_time(answered.shown_on)).replace("%2", answered.sender)
            )
            ui.body.setPlainText(
                quoted(answered.body if not answered.body_is_html else _text_of(answered.body), header)
            )
        index = ui.mailbox.findData(mailbox_id) if mailbox_id is not None else -1
        ui.mailbox.setCurrentIndex(index if index >= 0 else 0 if self.mailboxes else -1)

    def _answering_mailbox(self, answered: EmailDetail) -> int | None:
        """The mailbox that received (or sent) the answered email, when it can send."""
        ids = {m.id for m in self.mailboxes}
        return next((copy.mailbox_id for copy in answered.copies if copy.mailbox_id in ids), None)

    def selected_mailbox(self) -> SendingMailbox | None:
        mailbox_id = self.ui.mailbox.currentData()
        return next((m for m in self.mailboxes if m.id == mailbox_id), None)

    def _mailbox_changed(self, *_args: object) -> None:
        mailbox = self.selected_mailbox()
        self.ui.tracked.setChecked(mailbox is not None and mailbox.tracks_replies)
        self._changed()

    def values(self) -> ComposeValues:
        ui = self.ui
        in_reply_to = None
        if self.answered is not None and self.kind is not ComposeKind.FORWARD:
            in_reply_to = self.answered.message_id
        return ComposeValues(
            ui.mailbox.currentData() if ui.mailbox.currentIndex() >= 0 else None,
            ui.to.text(),
            ui.cc.text(),
            ui.subject.text(),
            ui.body.toPlainText(),
            ui.tracked.isChecked(),
            in_reply_to,
        )

    def _changed(self, *_args: object) -> None:
        if self.email_id is not None:
            return
        values = self.values()
        self.issues = validate_compose(values)
        if not self.mailboxes:
            self.issues = [
                ValidationIssue(
                    "mailbox",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "No mailbox can send email: approve a mailbox, set its outgoing email to server-side "
                        "synchronization and test and enable it.",
                    ),
                )
            ] + [i for i in self.issues if i.field != "mailbox"]
        self.errors.show(self.issues)
        self.ui.trackedNote.setText(self._token_note(values))
        self._update_state()

    def _update_state(self) -> None:
        """Send now is off while a message under a field says why (its tooltip says it too)."""
        shown = self.errors.shown_issues()
        blocked = self.tr("Put these right first:\n%1").replace("%1", self.errors.reasons(shown)) if shown else ""
        enable_with_reason(self.ui.sendButton, blocked)
        self.mark_unsaved()

    def title(self) -> str:
        return self._title

    def is_dirty(self) -> bool:
        """Written but not sent: closing asks first (sending is what "saving" means here)."""
        if self.email_id is not None or self.worker is not None:
            return False
        return self.values() != getattr(self, "_loaded", self.values())

    def save(self) -> bool:
        """What the unsaved-changes question's Save does: send it (False while a field is not right)."""
        self.send()
        return self.email_id is not None or self.worker is not None

    def _token_note(self, values: ComposeValues) -> str:
        if not values.tracked:
            return self.tr("No tracking token: answers are tracked as the owner's tracking option says.")
        answered_token = self.answered.tracking_token if self.answered is not None else ""
        if answered_token and values.in_reply_to:
            return self.tr("The answer keeps the token %1 of the email it answers.").replace("%1", answered_token)
        return (
            self.tr(
                "A token such as %1 (the prefix %2 and this email's number) goes at the end of the subject when "
                "it is sent; answers that carry it are tracked."
            )
            .replace("%1", f"{self.prefix}0001234")
            .replace("%2", self.prefix)
        )

    # --- sending -------------------------------------------------------------------------------

    def send(self) -> None:
        """Queue the email and send it now (in a worker); the window shows how it goes."""
        from app.sync.compose import send_composed  # the engine: imported when first used

        self._changed()
        if not self.errors.reveal_all():  # every message shows; the first field with one gets the focus
            self.errors.focus_first(self.errors.shown_issues())
            return
        if self.worker is not None:
            return
        self._lock_fields()
        self._run(send_composed, self.values())

    def retry(self) -> None:
        """A Failed email back to Pending send, and sent now."""
        from app.sync.compose import retry_and_send

        mailbox = self.selected_mailbox()
        mailbox_id = self.sender_mailbox_id or (mailbox.id if mailbox is not None else None)
        if self.email_id is None or mailbox_id is None or self.worker is not None:
            return
        self.ui.retryButton.setVisible(False)
        self._run(retry_and_send, self.email_id, mailbox_id)

    def _run(self, fn: Any, *args: Any) -> None:
        self.ui.statusLabel.setVisible(True)
        self.ui.statusLabel.setText(self.tr("Queuing…"))
        self.worker = start_worker(fn, *args, name="send-email", parent=self)
        self.worker.progress.connect(self._queued)
        self.worker.result.connect(self._finished)
        self.worker.error.connect(self._failed)

    def _lock_fields(self) -> None:
        ui = self.ui
        for field in (ui.to, ui.cc, ui.subject):
            field.setReadOnly(True)
        ui.body.setReadOnly(True)
        ui.mailbox.setEnabled(False)
        ui.tracked.setEnabled(False)
        ui.sendButton.setVisible(False)
        ui.closeButton.setText(self.tr("C&lose"))

    def _queued(self, email_id: object) -> None:
        if isinstance(email_id, int):
            self.email_id = email_id
            self.sent.emit(email_id)
            self._show_status()
            self._poll.start()

    def _finished(self, result: object) -> None:
        self.worker = None
        self._poll.stop()
        self.result = result
        outcome = result[1] if isinstance(result, tuple) else None
        status = self._show_status()
        if status is EmailStatus.FAILED:
            found = email_status(self.email_id) if self.email_id is not None else None
            self._alert(found[1] if found is not None else "")
        if outcome is None and status is EmailStatus.PENDING_SEND:
            self._note(self.tr("The mailbox does not send yet: the email waits as Pending send."))
        elif outcome is not None and getattr(outcome, "skipped", False) and status is EmailStatus.PENDING_SEND:
            self._note(self.tr("Another cycle of this mailbox is sending: the email goes with the next one."))
        elif outcome is not None and getattr(outcome, "failure", None) is not None and status is not EmailStatus.FAILED:
            self._note(
                self.tr("The mailbox could not send (%1): the email goes with its next cycle.").replace(
                    "%1", outcome.failure.code
                )
            )

    def _failed(self, error: object) -> None:
        self.worker = None
        self._poll.stop()
        self._show_status()
        messages.show_error(
            self, self.tr("Not sent"), self.tr("The email could not be sent: %1").replace("%1", str(error))
        )

    def _note(self, text: str) -> None:
        self.ui.statusLabel.setText(self.ui.statusLabel.text() + "\n" + text)

    def _show_status(self) -> EmailStatus | None:
        if self.email_id is None:
            return None
        found = email_status(self.email_id)
        if found is None:
            return None
        status, reason = found
        if not self.statuses_seen or self.statuses_seen[-1] is not status:
            self.statuses_seen.append(status)
        detail = email_detail(self.email_id)
        token = detail.tracking_token if detail is not None else ""
        text = self.tr("Status: %1").replace("%1", enum_text(status))
        if token:
            text += "  " + self.tr("Tracking token: %1").replace("%1", token)
        if status is EmailStatus.FAILED and reason:
            text += "\n" + self.tr("Exchange's reason: %1").replace("%1", reason)
        self.ui.statusLabel.setText(text)
        self.ui.retryButton.setVisible(status is EmailStatus.FAILED and self.worker is None)
        return status

    def _alert(self, reason: str) -> None:
        messages.show_error(
            self,
            self.tr("Email not sent"),
            self.tr("Exchange refused the email: %1\nCorrect it if needed, then choose Retry.").replace("%1", reason),
        )


def _text_of(body: str) -> str:
    """An HTML body as plain text, for quoting."""
    from PySide6.QtGui import QTextDocument

    from app.gui.widgets.email_detail import sanitized_html

    document = QTextDocument()
    document.setHtml(sanitized_html(body))
    return document.toPlainText()
