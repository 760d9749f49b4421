"""One email, shown safely: its headers, how it is tracked, the mailboxes that hold it, and its body.

The body is plain text, or HTML in a ``SafeTextBrowser``: nothing it names is loaded (images,
style sheets; ``loadResource`` answers nothing), links are not followed, and scripts, frames and
event attributes are removed before Qt sees the HTML (Qt's rich text runs no script anyway, but
their text must not show either). A remote image the HTML asks for shows as "blocked".
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.domain.enums import EmailDirection, EmailStatus, TrackedBy
from app.domain.records import ComposeKind
from app.gui.forms.ui_email_detail import Ui_EmailDetail
from app.gui.i18n import enum_text, format_time, translate
from app.store.email_records import EmailDetail as Detail  # the store's plain row; this module's widget is EmailDetail
from app.store.email_records import RelatedEmail, email_detail

REMOTE_SCHEMES = ("http", "https", "ftp")
_DANGEROUS_ELEMENTS = re.compile(
    r"<\s*(script|iframe|object|embed|applet|frame|frameset)\b.*?(</\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL
)
_LONE_TAGS = re.compile(r"<\s*/?\s*(script|iframe|object|embed|applet|frame|frameset|meta|base)\b[^>]*>", re.IGNORECASE)
_EVENT_ATTRIBUTES = re.compile(r"\s+on[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_SCRIPT_URLS = re.compile(r"(href|src)\s*=\s*([\"']?)\s*(javascript|vbscript):", re.IGNORECASE)


def sanitized_html(text: str) -> str:
    """*text* without scripts, frames, plug-ins, event attributes or script URLs."""
    text = _DANGEROUS_ELEMENTS.sub("", text)
    text = _LONE_TAGS.sub("", text)
    text = _EVENT_ATTRIBUTES.sub("", text)
    return _SCRIPT_URLS.sub(r"\1=\2blocked:", text)


class SafeTextBrowser(QTextBrowser):
    """An email body: loads nothing, follows no link; counts the remote resources it refused."""

    blocked_changed = Signal(int)  # how many remote resources were refused so far

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked: list[str] = []

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Nothing: every image and style sheet of an email stays unloaded."""
        address = url.toString() if isinstance(url, QUrl) else str(url)
        scheme = QUrl(address).scheme().lower()
        if scheme in REMOTE_SCHEMES and address not in self.blocked:
            self.blocked.append(address)
            self.blocked_changed.emit(len(self.blocked))
        return None

    def show_body(self, body: str, is_html: bool) -> None:
        self.blocked = []
        if is_html:
            self.setHtml(sanitized_html(body))
            self.document().size()  # lay it out now: the images it names are asked for (and refused)
        else:
            self.setPlainText(body)
        self.blocked_changed.emit(len(self.blocked))


def _folder_name(folder: str) -> str:
    names = {"inbox": translate("EmailDetail", "Inbox"), "sentitems": translate("EmailDetail", "Sent Items")}
    return names.get(folder, folder)


def _link(email: RelatedEmail, how: str) -> str:
    subject = html.escape(email.subject or translate("EmailDetail", "(no subject)"))
    who = html.escape(email.sender)
    when = html.escape(format_time(email.shown_on))
    return f'<a href="email:{email.id}">{subject}</a> — {who}, {when} ({html.escape(how)})'


class EmailDetail(QWidget):
    """The detail of the email ``show_email`` was given; empty until then."""

    answer_requested = Signal(int, str)  # email id, ComposeKind value
    open_email = Signal(int)  # an email it is correlated to, or an answer, was clicked
    retry_requested = Signal(int)  # a Failed outgoing email

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EmailDetail()
        self.ui.setupUi(self)
        self.body = SafeTextBrowser(self.ui.bodyHost)
        self.body.setAccessibleName(self.tr("Body"))
        self.ui.bodyLayout.addWidget(self.body)
        self.body.blocked_changed.connect(self._show_blocked)
        self.detail: Detail | None = None
        ui = self.ui
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        for label in (ui.correlated, ui.answers):
            label.linkActivated.connect(self._link_activated)
        ui.replyButton.clicked.connect(lambda: self._answer(ComposeKind.REPLY))
        ui.replyAllButton.clicked.connect(lambda: self._answer(ComposeKind.REPLY_ALL))
        ui.forwardButton.clicked.connect(lambda: self._answer(ComposeKind.FORWARD))
        ui.retryButton.clicked.connect(self._retry)
        self.clear()

    def clear(self) -> None:
        self.detail = None
        ui = self.ui
        for label in (ui.subject, ui.sender, ui.to, ui.cc, ui.date, ui.status, ui.token, ui.copies):
            label.setText("")
        for label in (ui.correlated, ui.answers, ui.regarding, ui.conversation, ui.messageId, ui.inReplyTo):
            label.setText("")
        self.body.show_body("", False)
        for button in (ui.replyButton, ui.replyAllButton, ui.forwardButton):
            button.setEnabled(False)
        ui.retryButton.setVisible(False)
        ui.blockedNote.setVisible(False)

    def show_email(self, email_id: int | None) -> Detail | None:
        detail = email_detail(email_id) if email_id is not None else None
        if detail is None:
            self.clear()
            return None
        self.detail = detail
        ui = self.ui
        ui.subject.setText(detail.subject or self.tr("(no subject)"))
        ui.sender.setText(detail.sender)
        ui.to.setText(detail.to_recipients.replace(";", "; "))
        ui.cc.setText(detail.cc_recipients.replace(";", "; "))
        ui.date.setText(format_time(detail.shown_on))
        ui.status.setText(self.status_text(detail))
        failed = detail.status is EmailStatus.FAILED and detail.direction is EmailDirection.OUTGOING
        ui.retryButton.setVisible(failed)
        ui.token.setText(detail.tracking_token or self.tr("None"))
        ui.copies.setText(self._copies_text(detail))
        ui.correlated.setText(self._related_text(detail.correlated) or self.tr("None"))
        ui.answers.setText(self._related_text(detail.answers) or self.tr("None"))
        ui.regarding.setText(self._regarding_text(detail) or self.tr("None"))
        ui.conversation.setText(detail.conversation_id or self.tr("None"))
        ui.messageId.setText(detail.message_id)
        ui.inReplyTo.setText(detail.in_reply_to or self.tr("None"))
        self.body.show_body(detail.body, detail.body_is_html)
        for button in (ui.replyButton, ui.replyAllButton, ui.forwardButton):
            button.setEnabled(True)
        return detail

    # --- texts ---------------------------------------------------------------------------------

    def status_text(self, detail: Detail) -> str:
        direction = enum_text(detail.direction)
        text = self.tr("%1, %2").replace("%1", direction).replace("%2", enum_text(detail.status))
        if detail.owner_name:
            text += self.tr(" (owner: %1)").replace("%1", detail.owner_name)
        if detail.status is EmailStatus.FAILED and detail.failure_reason:
            text += "\n" + self.tr("Exchange's reason: %1").replace("%1", detail.failure_reason)
        return text

    def _copies_text(self, detail: Detail) -> str:
        if not detail.copies:
            return self.tr("None yet: the email is in no mailbox's folder.")
        lines = []
        for copy in detail.copies:
            why = enum_text(copy.tracked_by) if copy.tracked_by is not TrackedBy.UNKNOWN else ""
            line = (
                self.tr("%1 (%2), %3")
                .replace("%1", f"<b>{html.escape(copy.mailbox_name)}</b>")
                .replace("%2", html.escape(copy.address))
                .replace("%3", html.escape(_folder_name(copy.folder)))
            )
            if why:
                line += self.tr(": tracked by %1").replace("%1", html.escape(why))
            lines.append(line)
        return "<br>".join(lines)

    def _related_text(self, emails: tuple[RelatedEmail, ...]) -> str:
        hows = {
            "in_reply_to": self.tr("answers it"),
            "references": self.tr("in its References"),
            "token": self.tr("issued its tracking token"),
            "conversation": self.tr("first of its conversation"),
            "answer": self.tr("an answer"),
        }
        return "<br>".join(_link(email, hows.get(email.how, email.how)) for email in emails)

    def _regarding_text(self, detail: Detail) -> str:
        kinds = {
            "contact": self.tr("Contact"),
            "account": self.tr("Account"),
            "lead": self.tr("Lead"),
            "user": self.tr("User"),
            "queue": self.tr("Queue"),
        }
        return "\n".join(
            self.tr("%1 %2 (%3)")
            .replace("%1", kinds.get(r.kind, r.kind))
            .replace("%2", r.name)
            .replace("%3", r.address)
            for r in detail.regarding
        )

    def _show_blocked(self, count: int) -> None:
        self.ui.blockedNote.setVisible(count > 0)
        self.ui.blockedNote.setText(
            self.tr("Remote content blocked: %n image(s) or style sheet(s) were not loaded.", "", count)
        )

    # --- actions -------------------------------------------------------------------------------

    def _link_activated(self, link: str) -> None:
        if link.startswith("email:") and link[6:].isdigit():
            self.open_email.emit(int(link[6:]))

    def _answer(self, kind: ComposeKind) -> None:
        if self.detail is not None:
            self.answer_requested.emit(self.detail.id, kind.value)

    def _retry(self) -> None:
        if self.detail is not None:
            self.retry_requested.emit(self.detail.id)
