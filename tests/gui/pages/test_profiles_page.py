"""The Email server profiles page as the admin uses it: counts per profile, the default profile,
deleting a profile (refused while mailboxes use it, or after moving them), the first run."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app import secrets
from app.domain.settings import MailboxSettings
from app.gui.windows.main_window import MainWindow
from app.store import repo
from app.store.models import Mailbox, ServerProfile


@pytest.fixture
def page(main_window):
    main_window.show_page(MainWindow.PROFILES)
    return main_window.profiles_page


def cells(page, title):
    proxy = page.proxy
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    column = titles.index(title)
    return {proxy.row_at(r).name: proxy.index(r, column).data() for r in range(proxy.rowCount())}


def select(qtbot, page, name):
    table = page.ui.table
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.row_at(r).name == name)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(page.proxy.index(row, 1)).center()
    )
    assert page.selected_row().name == name


def test_each_profile_counts_its_mailboxes_failing_ones_and_the_last_test(page):
    # A to Z
    assert [page.proxy.row_at(r).name for r in range(page.proxy.rowCount())] == [
        "Exchange (manual URL)",
        "Exchange 2013 on-premises",
    ]
    assert cells(page, "Mailboxes") == {"Exchange (manual URL)": "1", "Exchange 2013 on-premises": "3"}
    assert cells(page, "Failing") == {"Exchange (manual URL)": "1", "Exchange 2013 on-premises": "1"}
    assert all(cells(page, "Last test").values())


def test_make_default_marks_the_profile_in_the_list(page, qtbot, sample):
    assert not page.ui.makeDefaultButton.isEnabled()  # nothing selected
    select(qtbot, page, "Exchange (manual URL)")
    qtbot.mouseClick(page.ui.makeDefaultButton, Qt.MouseButton.LeftButton)
    assert repo.system_settings().default_profile_id == sample.profile_ids[1]
    names = cells(page, "Name")
    assert names["Exchange (manual URL)"] == "Exchange (manual URL) (default)"
    assert names["Exchange 2013 on-premises"] == "Exchange 2013 on-premises"
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.row_at(r).is_default)
    assert page.proxy.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None  # a star beside it
    assert page.proxy.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    select(qtbot, page, "Exchange (manual URL)")
    assert not page.ui.makeDefaultButton.isEnabled()  # it is the default already


def test_a_profile_whose_mailboxes_cannot_move_is_not_deleted_and_lists_them(page, qtbot, sample):
    # the only other profile uses each mailbox's credentials, and Bob's do not allow that
    select(qtbot, page, "Exchange (manual URL)")
    qtbot.mouseClick(page.ui.deleteButton, Qt.MouseButton.LeftButton)
    dialog = page._dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Delete email server profile"
    assert dialog.ui.mailboxList.text() == "Bob Sato"
    assert "Bob Sato: The profile uses the credentials of each user or queue" in dialog.ui.profileError.text()
    assert not dialog.action_button.isEnabled()
    assert dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Cancel).isDefault()
    dialog.reject()
    assert ServerProfile.get_or_none(ServerProfile.id == sample.profile_ids[1]) is not None


def test_delete_moves_the_mailboxes_then_deletes_the_profile(page, qtbot, sample, memory_keyring):
    onprem, manual = sample.profile_ids
    select(qtbot, page, "Exchange 2013 on-premises")
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Delete)
    dialog = page._dialog
    assert dialog.ui.mailboxList.text() == "Alice Wong, Kenichiro Nakamura, Support queue"
    assert [dialog.ui.profile.itemText(i) for i in range(dialog.ui.profile.count())] == ["Exchange (manual URL)"]
    assert not dialog.ui.profileError.isVisible() and dialog.action_button.text() == "&Move and delete"
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)
    assert ServerProfile.get_or_none(ServerProfile.id == onprem) is None
    assert {m.profile_id for m in Mailbox.select()} == {manual}
    assert [page.proxy.row_at(r).name for r in range(page.proxy.rowCount())] == ["Exchange (manual URL)"]
    assert cells(page, "Mailboxes") == {"Exchange (manual URL)": "4"}


def test_an_unused_profile_is_deleted_after_asking_with_its_passwords(page, qtbot, sample, message_log):
    onprem, manual = sample.profile_ids
    Mailbox.update(profile=onprem).where(Mailbox.profile == manual).execute()
    page.window().refresh()
    assert secrets.has_password(secrets.profile_key(manual))
    select(qtbot, page, "Exchange (manual URL)")
    message_log.answer_yes = False
    qtbot.mouseClick(page.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert "Delete the email server profile Exchange (manual URL)?" in message_log.confirms[-1][1]
    assert ServerProfile.get_or_none(ServerProfile.id == manual) is not None
    message_log.answer_yes = True
    qtbot.mouseClick(page.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert ServerProfile.get_or_none(ServerProfile.id == manual) is None
    assert not secrets.has_password(secrets.profile_key(manual))


@pytest.fixture
def first_run(qtbot, store, message_log):
    from app.gui.windows.base import window_settings

    window_settings().setValue("page/MainWindow", MainWindow.ALERTS)  # where a last session ended
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_run_offers_to_create_a_profile_then_the_next_steps(first_run, qtbot, click):
    page = first_run.profiles_page
    assert first_run.current_page() == MainWindow.PROFILES
    assert page.ui.stack.currentWidget() is page.ui.emptyState
    assert page.ui.createButton.isVisible() and page.ui.createButton.text() == "&Create an email server profile"
    assert not page.ui.table.isVisible() and not page.ui.search.isVisible()
    click(page.ui.createButton)
    wizard = first_run.wizard
    assert wizard is not None and wizard.isVisible()

    qtbot.keyClicks(wizard.fields.location.name, "Head office")  # Autodiscover: no address needed
    for _ in range(3):
        click(wizard.button(QWizard.WizardButton.NextButton))
    with qtbot.waitSignal(wizard.saved):
        click(wizard.button(QWizard.WizardButton.FinishButton))

    assert page.ui.stack.currentWidget() is page.ui.listState
    assert page.ui.nextSteps.isVisible() and "Head office" in page.ui.nextStepsText.text()
    assert page.selected_row().name == "Head office"
    assert not page.ui.testProfileButton.isEnabled()  # no mailboxes yet
    click(page.ui.addMailboxesButton)
    assert first_run.current_page() == MainWindow.USERS

    # a mailbox added there: back on the profiles page, Test & Enable can run
    owner = repo.create_user("Alice Wong", "alice@contoso.com")
    profile_id = page.next_steps_profile
    repo.save_mailbox(
        MailboxSettings(
            name="Alice",
            email="alice@contoso.com",
            owner_id=owner.id,
            profile_id=profile_id,
            allow_credentials=True,
            username="alice",
        ),
        password="secret",
    )
    first_run.refresh()  # what the mailbox editor's save does
    first_run.show_page(MainWindow.PROFILES)
    assert page.ui.nextSteps.isVisible() and page.ui.testProfileButton.isEnabled()


def test_the_next_steps_test_and_enable_tests_the_profile(main_window, qtbot, sample, click, monkeypatch):
    page = main_window.profiles_page
    tested = []
    monkeypatch.setattr(main_window.tests, "test_profile", lambda pid, name, parent: tested.append((pid, name)))
    page.show_next_steps(sample.profile_ids[0])
    assert page.ui.testProfileButton.isEnabled()
    click(page.ui.testProfileButton)
    assert tested == [(sample.profile_ids[0], "Exchange 2013 on-premises")]
