"""The main window built frame first (``MainWindow(complete=False)``, as the application starts
it): the menus, the navigation and the start page paint before the lists are read from the
store; ``complete()`` fills them, and whatever needs them earlier completes the window first."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.gui.windows.base import window_settings
from app.gui.windows.main_window import MainWindow


def frame(qtbot) -> MainWindow:
    window = MainWindow(complete=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_frame_has_every_navigation_entry_and_no_list_until_completed(qtbot, sample):
    window = frame(qtbot)
    completed: list[int] = []
    window.completed.connect(lambda: completed.append(1))

    assert not window.is_complete
    assert window.ui.navigation.count() == 8 and window.menuBar().actions()
    assert window.current_page() == MainWindow.DASHBOARD  # the store holds profiles
    assert window._profiles is None and window._mailboxes is None and window._alerts is None

    window.complete()
    window.complete()  # once
    assert window.is_complete and completed == [1]
    assert sorted(row.id for row in window.profiles.rows) == sorted(sample.profile_ids)
    assert len(window.mailboxes.rows) == len(sample.mailbox_ids)


def test_without_a_profile_the_frame_opens_on_the_profiles_page_already_built(qtbot, store):
    window = frame(qtbot)

    assert window.current_page() == MainWindow.PROFILES
    assert window._profiles is not None  # the start page is in the frame
    assert window.ui.pages.currentWidget() is window.ui.profilesPage
    assert not window.is_complete


def test_the_frame_opens_on_the_saved_list_page_whose_list_comes_with_completion(qtbot, sample):
    settings = window_settings()
    settings.setValue("page/MainWindow", MainWindow.MAILBOXES)
    settings.sync()
    window = frame(qtbot)

    assert window._mailboxes is not None and window.mailboxes_page.isVisible()
    assert window.mailboxes_page.model.rows == [] and not window.is_complete  # built, not read yet

    window.complete()
    assert len(window.mailboxes_page.model.rows) == len(sample.mailbox_ids)


def test_a_click_on_the_navigation_before_completion_shows_the_page_with_its_list(qtbot, sample):
    window = frame(qtbot)
    navigation = window.ui.navigation

    rect = navigation.visualItemRect(navigation.item(MainWindow.MAILBOXES))
    QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert window.is_complete  # the click completed the window: nothing dropped
    assert window.ui.pages.currentWidget() is window.ui.mailboxesPage
    assert window.mailboxes_page.proxy.rowCount() == len(sample.mailbox_ids)


def test_a_command_before_completion_completes_the_window_first(qtbot, sample):
    window = frame(qtbot)

    window.ui.actionRefresh.trigger()  # View > Refresh (F5): it reloads the lists

    assert window.is_complete
    assert len(window.profiles.rows) == len(sample.profile_ids)


def test_built_directly_the_window_is_complete(qtbot, sample):
    window = MainWindow()
    qtbot.addWidget(window)

    assert window.is_complete
    assert len(window.profiles.rows) == len(sample.profile_ids)


def test_the_engine_set_on_the_frame_waits_for_the_mailboxes_page(qtbot, sample):
    """As the application does: the engine is given to the frame before it paints; that completes
    nothing, and the Mailboxes page built later reads its Notifications from that engine."""
    from app.gui.sync_controller import SyncController

    window = frame(qtbot)
    sync = SyncController()  # not started: nothing to say yet
    window.set_sync(sync)
    assert not window.is_complete and window._mailboxes is None
    window.complete()
    assert window.mailboxes_page.push_source == sync.push_states
