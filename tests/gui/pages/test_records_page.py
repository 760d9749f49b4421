"""The Records page driven as a person does: lists that sort, search and filter in SQL, the email
detail (tracking, mailboxes, a body that loads nothing), compose with addresses checked under the
fields, appointments, contacts and tasks with where they stand in Exchange, the conflict entry."""

from __future__ import annotations

import pytest
from form_helpers import in_front, leave
from PySide6.QtCore import QPoint, Qt

from app.domain.enums import EmailStatus, SyncState
from app.gui.pages.records_lists import ListKind


@pytest.fixture
def records(store, sample, message_log):
    from app.gui.screenshots.record_samples import add_record_samples

    return add_record_samples(sample.mailbox_ids["admin"])


@pytest.fixture
def page(qtbot, records):
    from app.gui.pages.records_page import RecordsPage

    widget = RecordsPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(records_list, column=1):
    model = records_list.proxy
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_header(qtbot, records_list, column):
    header = records_list.ui.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    return header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_email_list_shows_the_newest_first_and_sorts_on_a_header_click(qtbot, page, records):
    emails = page.list_of(ListKind.EMAIL)
    assert shown(emails)[:2] == ["Visit on Thursday", "Meeting notes"]
    assert emails.ui.countLabel.text() == "6 row(s)"
    descending = click_header(qtbot, emails, 1)  # Subject
    subjects = shown(emails)
    assert subjects == sorted(subjects, key=str.casefold, reverse=descending)
    assert emails.model.query.sort == "subject" and emails.model.query.descending == descending, "sorted by SQL"
    assert click_header(qtbot, emails, 1) is not descending
    assert shown(emails) == list(reversed(subjects)), "the other way round"


def test_search_as_you_type_and_filters_narrow_the_list(qtbot, page, records):
    emails = page.list_of(ListKind.EMAIL)
    qtbot.keyClicks(emails.ui.search, "quarterly")
    qtbot.waitUntil(lambda: emails.model.total == 3, timeout=2000)
    assert all("Quarterly offer" in s for s in shown(emails))
    emails.ui.search.clear()
    qtbot.waitUntil(lambda: emails.model.total == 6, timeout=2000)
    status = emails.ui.statusFilter
    status.setCurrentIndex(status.findData(EmailStatus.FAILED))
    assert shown(emails) == ["Meeting notes"]
    emails.ui.clearFiltersButton.click()
    assert emails.model.total == 6


def test_the_email_detail_says_how_it_is_tracked_and_blocks_remote_content(qtbot, page, records):
    emails = page.list_of(ListKind.EMAIL)
    assert emails.select_id(records.emails["answer"])
    detail = emails.detail
    assert detail.ui.token.text() == "CRM:0000104"
    assert "Tracking token in the subject" in detail.ui.copies.text()
    assert "Quarterly offer" in detail.ui.correlated.text() and "answers it" in detail.ui.correlated.text()
    assert "Contact Ann Lee" in detail.ui.regarding.text()
    assert "thank you" in detail.body.toPlainText()
    assert not detail.ui.blockedNote.isVisible()

    assert emails.select_id(records.emails["pricelist"])
    qtbot.waitUntil(lambda: detail.ui.blockedNote.isVisible(), timeout=2000)
    assert "blocked" in detail.ui.blockedNote.text()
    assert detail.body.blocked == ["https://tracker.example.net/pixel.gif?id=42"]
    text = detail.body.toPlainText()
    assert "price list" in text and "pwned" not in text, "no script, not even its text"


def test_a_refused_email_shows_its_reason_and_retry(qtbot, page, records):
    failed = page.show_tab(ListKind.FAILED)
    assert failed.model.total == 1
    failed.ui.table.selectRow(0)
    assert "ErrorInvalidRecipients" in failed.alert_details.toPlainText()
    assert failed.detail.ui.retryButton.isVisible(), "the refused email, with Retry"


def test_compose_marks_an_invalid_address_under_the_field_and_keeps_send_off(qtbot, page, click, message_log):
    window = in_front(qtbot, page.compose())
    ui = window.ui
    ui.to.setFocus()
    qtbot.keyClicks(ui.to, "ann.lee@fabrikam.com; bob@")
    assert not ui.toError.isVisible(), "not while the address is being typed"
    leave(qtbot, ui.to)
    assert ui.toError.isVisible() and "bob@" in ui.toError.text()
    assert "domain name" in ui.toError.text(), "the rule it breaks"
    assert not ui.sendButton.isEnabled() and "bob@" in ui.sendButton.toolTip(), "off, and says why"
    ui.to.clear()
    qtbot.keyClicks(ui.to, "ann.lee@fabrikam.com")
    assert not ui.toError.isVisible() and ui.sendButton.isEnabled(), "the message goes as soon as it is right"
    qtbot.keyClicks(ui.cc, "not an address")
    click(ui.sendButton)
    assert ui.ccError.isVisible() and not ui.sendButton.isEnabled()
    assert window.email_id is None and window.worker is None, "nothing queued"
    ui.cc.clear()
    assert not ui.ccError.isVisible() and ui.sendButton.isEnabled()
    assert ui.tracked.isChecked(), "its owner tracks answers to tracked email: a token goes out"
    window.reject()  # Esc, Close or the title bar's close
    assert window.unsaved_prompt is not None and window.isVisible(), "written, not sent: closing asks first"


def test_a_reply_keeps_the_thread_and_the_token(qtbot, page, records):
    window = page.answer(records.emails["answer"], "reply")
    qtbot.addWidget(window)
    values = window.values()
    assert values.to == "ann.lee@fabrikam.com"
    assert window.ui.subject.text() == "RE: Quarterly offer CRM:0000104".replace("RE:", "Re:", 1)
    assert values.in_reply_to == "<sample.answer@fabrikam.com>"
    assert "keeps the token CRM:0000104" in window.ui.trackedNote.text()
    assert "> thank you" in values.body


def test_appointments_show_where_they_stand_with_exchange(qtbot, page, records):
    appointments = page.show_tab(ListKind.APPOINTMENT)
    states = dict(zip(shown(appointments, 0), shown(appointments, 4), strict=True))
    assert states["Quarterly review"] == "Conflict: Exchange's version kept"
    assert states["Customer visit: Fabrikam"] == "Pending"
    assert states["Budget planning"] == "Deleted in Exchange, kept"
    assert states["Team offsite"] == "Synced"
    assert states["Demo for Litware"] == "Pending", "new here: the next cycle creates it"
    status = appointments.ui.statusFilter
    status.setCurrentIndex(status.findData(SyncState.CONFLICT))
    assert shown(appointments, 0) == ["Quarterly review"]
    appointments.ui.table.selectRow(0)
    assert appointments.ui.conflictButton.isEnabled()
    appointments.ui.conflictButton.click()
    dialog = page.windows[-1]
    assert "Kept Exchange's version" in dialog.ui.summary.text()
    assert "Most recent change wins" in dialog.ui.explanation.text()
    assert "Room 2" in dialog.ui.details.toPlainText() and "Room 4" in dialog.ui.details.toPlainText()


def test_an_appointment_is_created_validated_and_deleted_in_the_app(qtbot, page, records, message_log):
    from app.store.models import Appointment

    appointments = page.show_tab(ListKind.APPOINTMENT)
    before = appointments.model.total
    appointments.ui.newButton.click()
    editor = page.windows[-1]
    ui = editor.ui
    assert not ui.subjectError.isVisible(), "nothing said on a form nobody touched"
    ui.saveButton.click()
    assert ui.subjectError.isVisible() and not ui.saveButton.isEnabled(), "Save says what is missing"
    assert appointments.model.total == before, "nothing saved"
    qtbot.keyClicks(ui.subject, "Planning lunch")
    ui.end.setDateTime(ui.start.dateTime().addSecs(-3600))
    ui.saveButton.click()
    assert ui.endError.isVisible() and "before the start" in ui.endError.text()
    ui.end.setDateTime(ui.start.dateTime().addSecs(3600))
    assert ui.saveButton.isEnabled()
    ui.saveButton.click()
    assert Appointment.get(Appointment.subject == "Planning lunch").owner_id == editor.owner_id()
    assert ui.syncState.text() == "Pending", "its owner's mailbox takes it to Exchange next"
    assert appointments.model.total == before + 1
    ui.deleteButton.click()
    assert message_log.confirms and not Appointment.select().where(Appointment.subject == "Planning lunch").exists()
    assert appointments.model.total == before


def test_contacts_and_tasks_open_in_their_editors(qtbot, page, records):
    from app.store.models import Contact

    contacts = page.show_tab(ListKind.CONTACT)
    assert "Ann Lee" in shown(contacts, 0)
    assert contacts.select_id(records.records["ken"])
    contacts.ui.openButton.click()
    editor = page.windows[-1]
    assert editor.ui.company.text() == "Litware" and editor.ui.syncState.text() == "Synced"
    editor.ui.email.setText("ken.ito@")
    editor.ui.saveButton.click()
    assert editor.ui.emailError.isVisible() and not editor.ui.saveButton.isEnabled()
    assert Contact.get_by_id(records.records["ken"]).email == "ken.ito@litware.com", "nothing saved"
    tasks = page.show_tab(ListKind.TASK)
    assert set(shown(tasks, 0)) == {"Send the signed contract", "Update the price list"}


@pytest.fixture(params=["en", "ja"])
def language(request, qapp):
    if request.param == "en":
        yield "en"
        return
    from PySide6.QtCore import QLocale

    from app.gui.i18n import install_translators

    locale = QLocale()
    translators = install_translators(qapp, "ja")
    assert translators, "the Japanese translations load"
    yield "ja"
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_the_editing_windows_have_unique_access_keys(language, qtbot, page, records):
    """Every label and button of compose and the record editors has a key of its own, in Japanese
    written "件名(&B)"."""
    from form_helpers import key_problems

    from app.domain.enums import RecordType
    from app.domain.records import ComposeKind

    windows = [page.compose(ComposeKind.REPLY, records.emails["answer"])]
    windows += [page.edit_record(kind, None) for kind in RecordType]
    allday = page.edit_record(RecordType.APPOINTMENT, records.records["offsite"])
    windows.append(allday)
    problems = []
    for window in windows:
        in_front(qtbot, window)
        problems += [f"{window.windowTitle()}: {p}" for p in key_problems(window, japanese=language == "ja")]
    assert problems == []
