"""The Users & queues page, driven as an admin uses it: creating users and queues (each with its
mailbox), validation, deactivation, the address book over real HTTPS, and CSV import."""

from __future__ import annotations

import pytest
from ews_fixtures import EWS_PASSWORD
from form_helpers import leave
from PySide6.QtCore import QPoint, Qt

from app.domain.enums import CredentialSource, OwnerKind
from app.gui.pages.users_page import UsersPage
from app.gui.windows.owner_dialog import OwnerDialog
from app.store import repo
from app.store.models import Mailbox, Queue, SyncHistory, SystemUser
from app.sync.scheduler import eligible_jobs


@pytest.fixture
def page(qtbot, message_log):
    widget = UsersPage()
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def set_default_profile(profile_id):
    settings = repo.system_settings()
    settings.default_profile = profile_id
    settings.save()


def owner_dialog(page) -> OwnerDialog:
    dialog = page.dialog
    assert isinstance(dialog, OwnerDialog)
    dialog.activateWindow()  # in front, as it opens for a person: the focus moves within it
    return dialog


def fill(qtbot, edit, text):
    """Type the field's new text and move on (its message, if any, then shows)."""
    edit.clear()
    qtbot.keyClicks(edit, text)
    leave(qtbot, edit)


def select(page, name):
    for row in range(page.proxy.rowCount()):
        if page.proxy.row_at(row).name == name:
            page.ui.table.selectRow(row)
            return page.proxy.row_at(row)
    raise AssertionError(f"{name} is not listed")


def test_a_new_queue_and_user_get_their_mailboxes_with_the_default_profile(qtbot, sample, page, click, message_log):
    profile_id = sample.profile_ids[1]
    set_default_profile(profile_id)
    page.refresh()
    assert "“Exchange (manual URL)”" in page.ui.profileNote.text()
    opened = []
    page.open_mailbox.connect(opened.append)

    click(page.ui.newQueueButton)
    dialog = owner_dialog(page)
    assert dialog.windowTitle() == "New queue"
    assert "default email server profile “Exchange (manual URL)”" in dialog.ui.mailboxNote.text()
    fill(qtbot, dialog.ui.name, "Sales")
    fill(qtbot, dialog.ui.email, "sales@contoso.com")
    click(dialog.ui.deleteAfterProcessing)
    click(dialog.ui.saveButton)
    queue = Queue.get(Queue.name == "Sales")
    mailbox = Mailbox.get(Mailbox.owner_queue == queue.id)
    assert (mailbox.email, mailbox.profile_id, mailbox.delete_after_processing) == (
        "sales@contoso.com",
        profile_id,
        True,
    )
    title, text = message_log.confirms[-1]
    assert title == "Mailbox created" and "“Exchange (manual URL)”" in text
    assert opened == [mailbox.id]  # the admin said yes: the main window opens that mailbox

    message_log.answer_yes = False
    click(page.ui.newUserButton)
    dialog = owner_dialog(page)
    assert not dialog.ui.deleteAfterProcessing.isVisible()  # queues only
    fill(qtbot, dialog.ui.name, "Carol Chen")
    fill(qtbot, dialog.ui.email, "carol@contoso.com")
    click(dialog.ui.saveButton)
    user = SystemUser.get(SystemUser.email == "carol@contoso.com")
    mailbox = Mailbox.get(Mailbox.owner_user == user.id)
    assert (mailbox.name, mailbox.profile_id, mailbox.delete_after_processing) == ("Carol Chen", profile_id, False)
    assert opened == [Mailbox.get(Mailbox.email == "sales@contoso.com").id]
    listed = {(r.kind, r.name): r for r in page.visible_rows()}
    assert listed[(OwnerKind.USER, "Carol Chen")].mailbox_id == mailbox.id
    assert listed[(OwnerKind.QUEUE, "Sales")].profile_name == "Exchange (manual URL)"
    assert page.selected_row().name == "Carol Chen"


def test_without_a_default_profile_the_mailbox_has_none_and_the_admin_is_told(qtbot, sample, page, click, message_log):
    assert "No default email server profile is set" in page.ui.profileNote.text()
    click(page.ui.newUserButton)
    dialog = owner_dialog(page)
    assert "without an email server profile" in dialog.ui.mailboxNote.text()
    fill(qtbot, dialog.ui.name, "Carol Chen")
    fill(qtbot, dialog.ui.email, "carol@contoso.com")
    click(dialog.ui.saveButton)
    assert Mailbox.get(Mailbox.email == "carol@contoso.com").profile_id is None
    assert "without an email server profile" in message_log.confirms[-1][1]


def test_a_bad_or_taken_address_shows_its_message_and_saves_nothing(qtbot, sample, page, click, message_log):
    before = (SystemUser.select().count(), Mailbox.select().count())
    click(page.ui.newUserButton)
    dialog = owner_dialog(page)
    ui = dialog.ui
    assert not ui.nameError.isVisible() and ui.saveButton.isEnabled(), "an untouched form shows no message"
    click(ui.saveButton)
    assert ui.nameError.text() == "This field is required." and not ui.saveButton.isEnabled()
    assert "Name: This field is required." in ui.saveButton.toolTip()
    fill(qtbot, ui.name, "Carol Chen")
    fill(qtbot, ui.email, "carol@contoso")
    assert ui.emailError.isVisible()
    assert ui.emailError.text() == "The part after @ must be a domain name, as in contoso.com."
    click(ui.saveButton)
    fill(qtbot, ui.email, "Alice@Contoso.com")
    assert ui.emailError.text() == (
        "Alice@Contoso.com is already the address of “Alice Wong”: each user, queue and mailbox needs its own."
    )
    click(ui.saveButton)
    assert not ui.saveButton.isEnabled() and dialog.isVisible()
    assert (SystemUser.select().count(), Mailbox.select().count()) == before
    fill(qtbot, ui.email, "carol@contoso.com")
    assert not ui.emailError.isVisible() and ui.saveButton.isEnabled()


def test_editing_a_queue_changes_its_mailbox(qtbot, sample, page, click, message_log):
    select(page, "Support")
    click(page.ui.editButton)
    dialog = owner_dialog(page)
    assert dialog.windowTitle() == "Queue: Support" and not dialog.ui.mailboxNote.isVisible()
    fill(qtbot, dialog.ui.email, "helpdesk@contoso.com")
    assert "approval goes back to Pending approval" in dialog.ui.mailboxNote.text()
    click(dialog.ui.deleteAfterProcessing)
    click(dialog.ui.saveButton)
    mailbox = Mailbox.get_by_id(sample.mailbox_ids["support"])
    assert (mailbox.email, mailbox.delete_after_processing) == ("helpdesk@contoso.com", True)
    assert Queue.get_by_id(sample.queue_id).email == "helpdesk@contoso.com"
    assert message_log.confirms == []  # an edit creates no mailbox


def test_deactivating_stops_the_sync_jobs_and_keeps_the_records(qtbot, sample, page, click, message_log):
    mailbox_id = sample.mailbox_ids["admin"]
    history = SyncHistory.select().where(SyncHistory.mailbox == mailbox_id).count()
    assert history and any(job.mailbox_id == mailbox_id for job in eligible_jobs())
    select(page, "Kenichiro Nakamura")
    assert page.ui.activeButton.text() == "Deac&tivate"
    click(page.ui.activeButton)
    title, text = message_log.confirms[-1]
    assert title == "Deactivate" and "no longer synchronized" in text and "are kept" in text
    assert not any(job.mailbox_id == mailbox_id for job in eligible_jobs())
    assert Mailbox.get_by_id(mailbox_id).incoming_enabled  # nothing of the mailbox changed
    assert SyncHistory.select().where(SyncHistory.mailbox == mailbox_id).count() == history
    row = page.selected_row()
    assert row.name == "Kenichiro Nakamura" and not row.is_active
    assert page.model.data(page.model.index(page.model.rows.index(row), 3)) == "Inactive"
    assert page.ui.activeButton.text() == "Ac&tivate"
    click(page.ui.activeButton)
    assert any(job.mailbox_id == mailbox_id for job in eligible_jobs())


def test_personal_options_and_open_mailbox_name_the_selected_owner(qtbot, sample, page, click):
    options, opened = [], []
    page.options_requested.connect(options.append)
    page.open_mailbox.connect(opened.append)
    assert not page.ui.optionsButton.isEnabled() and not page.ui.openMailboxButton.isEnabled()
    select(page, "Bob Sato")
    click(page.ui.optionsButton)
    click(page.ui.openMailboxButton)
    assert options == [sample.user_ids["bob"]] and opened == [sample.mailbox_ids["bob"]]
    select(page, "Support")
    assert not page.ui.optionsButton.isEnabled()  # personal options are a user's


def test_search_and_kind_filter(qtbot, sample, page):
    page.ui.kindFilter.setCurrentIndex(page.ui.kindFilter.findData("queue"))
    assert [r.name for r in page.visible_rows()] == ["Support"]
    page.ui.kindFilter.setCurrentIndex(0)
    qtbot.keyClicks(page.ui.search, "bob")
    assert [r.name for r in page.visible_rows()] == ["Bob Sato"]
    assert page.ui.countLabel.text() == "1 of 4 shown"


# --- the address book, over real HTTPS against the loopback server -------------------------------


def tick(qtbot, table, row):
    """Click the check box of *row*'s first cell, as a person does."""
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y()))


def test_address_book_search_ticks_and_adds_two_people(qtbot, setup, ews, page, click, message_log):
    profile = setup.profile(
        credential_source=CredentialSource.PROFILE, username="svc@contoso.com", password=EWS_PASSWORD
    )
    set_default_profile(profile.id)
    first = ews.new_account("zeph", display_name="Zephyrine Arai")
    second = ews.new_account("zeph", display_name="Zephyrine Baba")
    known = ews.new_account("zeph", display_name="Zephyrine Chiba")
    repo.create_user("Zephyrine Chiba", known.email.upper())  # already a user: cannot be added again
    page.refresh()
    click(page.ui.addressBookButton)
    dialog = page.dialog
    ui = dialog.ui
    assert ui.profile.currentData() == profile.id
    qtbot.keyClicks(ui.query, "Zephyrine")
    click(ui.searchButton)
    assert not ui.searchButton.isEnabled()  # searching, in a worker: the window stays responsive
    qtbot.waitUntil(lambda: ui.results.rowCount() == 3, timeout=10_000)
    assert [ui.results.item(r, 1).text() for r in range(3)] == [first.email, second.email, known.email]
    assert "1 of them are already here" in ui.status.text()
    assert ui.results.item(2, 2).text().startswith("Already a user")
    assert not ui.addButton.isEnabled()
    for row in range(3):
        tick(qtbot, ui.results, row)  # the third has no check box: nothing happens
    assert [p.email for p in dialog.checked_people()] == [first.email, second.email]
    click(ui.addButton)
    for account, name in ((first, "Zephyrine Arai"), (second, "Zephyrine Baba")):
        user = SystemUser.get(SystemUser.email == account.email)
        mailbox = Mailbox.get(Mailbox.owner_user == user.id)
        assert (user.name, mailbox.email, mailbox.profile_id) == (name, account.email, profile.id)
    assert "Added 2 users" in ui.status.text()
    assert SystemUser.select().where(SystemUser.name == "Zephyrine Chiba").count() == 1
    assert {r.name for r in page.visible_rows()} >= {"Zephyrine Arai", "Zephyrine Baba"}
    assert not ui.addButton.isEnabled()  # the added ones are here now
    assert ews.stats.count("ResolveNames", "svc@contoso.com") == 1


def test_an_address_book_failure_is_a_clear_message(qtbot, setup, ews, page, click):
    profile = setup.profile(credential_source=CredentialSource.PROFILE, username="svc@contoso.com", password="wrong")
    page.refresh()
    click(page.ui.addressBookButton)
    ui = page.dialog.ui
    ui.profile.setCurrentIndex(ui.profile.findData(profile.id))
    qtbot.keyClicks(ui.query, "Bob")
    click(ui.searchButton)
    qtbot.waitUntil(lambda: ui.searchButton.isEnabled(), timeout=10_000)
    text = ui.status.text()
    assert text.startswith("The address book could not be searched:") and "401" in text
    assert "Traceback" not in text and ui.results.rowCount() == 0


# --- CSV import ---------------------------------------------------------------------------------


def test_a_csv_file_with_a_bad_line_is_rejected_whole_and_a_good_one_imports(
    qtbot, sample, page, click, message_log, tmp_path
):
    set_default_profile(sample.profile_ids[0])
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "kind,name,email,delete_after_processing\n"
        "user,Carol Chen,carol@contoso.com,\n"
        "queue,Billing,billing@contoso,yes\n",
        encoding="utf-8",
    )
    before = (SystemUser.select().count(), Queue.select().count(), Mailbox.select().count())
    click(page.ui.importButton)
    dialog = page.dialog
    ui = dialog.ui
    assert "delete_after_processing" in ui.columnsHelp.text()
    dialog.load_file(str(bad))
    assert dialog.checking() and not ui.importButton.isEnabled()  # read and checked in a worker
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=10_000)
    lines = dialog.model
    assert lines.rowCount() == 2
    assert lines.text(1, 0) == "3"
    assert lines.text(1, 5) == "The part after @ must be a domain name, as in contoso.com."
    assert lines.text(0, 5) == ""
    assert "1 of 2 lines have a problem" in ui.status.text() and "nothing is saved" in ui.status.text()
    assert not ui.importButton.isEnabled()
    click(ui.importButton)
    assert (SystemUser.select().count(), Queue.select().count(), Mailbox.select().count()) == before

    good = tmp_path / "good.csv"
    good.write_text(bad.read_text(encoding="utf-8").replace("@contoso,", "@contoso.com,"), encoding="utf-8")
    dialog.load_file(str(good))
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=10_000)
    assert ui.status.text() == "Ready to import 1 users and 1 queues, each with a mailbox."
    click(ui.importButton)
    assert not dialog.isVisible()
    billing = Queue.get(Queue.email == "billing@contoso.com")
    assert Mailbox.get(Mailbox.owner_queue == billing.id).delete_after_processing
    carol = SystemUser.get(SystemUser.email == "carol@contoso.com")
    assert Mailbox.get(Mailbox.owner_user == carol.id).profile_id == sample.profile_ids[0]
    assert message_log.infos[-1] == ("Import users and queues", "Imported 2 users and queues, each with its mailbox.")
    assert {"Carol Chen", "Billing"} <= {r.name for r in page.visible_rows()}
