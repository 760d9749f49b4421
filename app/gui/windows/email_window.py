"""One email in a window of its own (a double-click on the Records page's email lists): the same
detail as the page's pane (app.gui.widgets.email_detail), with Reply, Reply all, Forward and, for
an email Exchange refused, Retry."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.gui.widgets.email_detail import EmailDetail
from app.gui.windows.base import Dialog


class EmailWindow(Dialog):
    default_size = QSize(980, 640)

    answer_requested = Signal(int, str)  # email id, ComposeKind value
    open_email = Signal(int)
    retry_requested = Signal(int)

    def __init__(self, email_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.detail = EmailDetail(self)
        layout.addWidget(self.detail)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(self.tr("&Close"), self)
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addLayout(row)
        self.detail.answer_requested.connect(self.answer_requested)
        self.detail.open_email.connect(self.open_email)
        self.detail.retry_requested.connect(self.retry_requested)
        self.show_email(email_id)
        self.restore_geometry()

    def show_email(self, email_id: int) -> None:
        shown = self.detail.show_email(email_id)
        subject = shown.subject if shown is not None and shown.subject else self.tr("(no subject)")
        self.setWindowTitle(self.tr("Email: %1").replace("%1", subject))
