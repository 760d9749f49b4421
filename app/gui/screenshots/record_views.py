"""The Records page's pictures: the email list with a tracked thread (the answer to a tracked
offer selected, its detail below), an email's own window (an HTML body whose remote image was
blocked), the compose window (a reply with its token, an address marked under its field), the
appointments, contacts and tasks with where each stands in Exchange, and a conflict's entry."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.gui.screenshots.sample_data import Sample


def record_views(sample: Sample) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    from app.domain.records import ComposeKind
    from app.gui.pages.records_lists import ListKind
    from app.gui.pages.records_page import RecordsPage
    from app.gui.screenshots.record_samples import add_record_samples
    from app.gui.windows.compose_window import ComposeWindow
    from app.gui.windows.conflict_dialog import ConflictDialog
    from app.gui.windows.email_window import EmailWindow

    samples = add_record_samples(sample.mailbox_ids["admin"])
    page = RecordsPage()
    page.resize(1200, 760)

    def email_list() -> QWidget:
        page.show()
        emails = page.show_tab(ListKind.EMAIL)
        emails.select_id(samples.emails["answer"])
        return page

    yield "records-email", email_list

    def email_detail() -> QWidget:
        window = EmailWindow(samples.emails["pricelist"])
        window.resize(1040, 600)
        window.show()
        return window

    yield "records-email-detail", email_detail

    def compose() -> QWidget:
        window = ComposeWindow(ComposeKind.REPLY_ALL, samples.emails["answer"])  # a window of its own, as
        # render_all closes it after the page is gone
        window.ui.cc.setText("partner@litware")
        window.show()
        return window

    yield "compose", compose

    for kind, name, selected in (
        (ListKind.APPOINTMENT, "records-appointments", "visit"),
        (ListKind.CONTACT, "records-contacts", "ken"),
        (ListKind.TASK, "records-tasks", "contract"),
    ):

        def records_tab(kind: ListKind = kind, selected: str = selected) -> QWidget:
            page.show()
            shown = page.show_tab(kind)
            shown.select_id(samples.records[selected])
            return page

        yield name, records_tab

    def conflict() -> QWidget:
        dialog = ConflictDialog(samples.conflict_id)
        dialog.show()
        return dialog

    yield "records-conflict", conflict
