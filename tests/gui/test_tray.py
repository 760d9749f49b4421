from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.domain.enums import AlertLevel, AlertScope, Workload
from app.gui.single_instance import SingleInstance
from app.gui.tray import TrayController
from app.store.models import Alert, Mailbox


def _new_alert(mailbox_id, level=AlertLevel.ERROR, code="ErrorUnauthorized"):
    return Alert.create(
        level=level,
        scope=AlertScope.MAILBOX,
        mailbox=mailbox_id,
        profile=Mailbox.get_by_id(mailbox_id).profile_id,
        workload=Workload.INCOMING,
        error_code=code,
        message="The credentials were rejected (401).",
        created_on=datetime.now(timezone.utc),
        updated_on=datetime.now(timezone.utc),
    )


def test_without_a_tray_closing_quits_and_alerts_show_as_banner(main_window, sample):
    tray = TrayController(main_window, available=False)
    assert tray.tray is None and QApplication.instance().quitOnLastWindowClosed()
    _new_alert(sample.mailbox_ids["bob"])
    main_window.refresh()
    assert tray.notifier.sent[-1][0] == "banner"
    assert main_window.ui.banner.isVisible() and "Bob Sato" in main_window.ui.bannerText.text()
    assert main_window.close()  # the close is accepted: the app ends
    assert not main_window.isVisible()


def test_with_a_tray_close_hides_with_a_one_time_hint(main_window, sample):
    tray = TrayController(main_window, available=True)
    try:
        assert tray.tray is not None and tray.state == "error"  # Alice's open Error
        assert not main_window.close()
        assert not main_window.isVisible()
        hints = [s for s in tray.notifier.sent if "Still running" in s[1]]
        assert len(hints) == 1
        tray.show_window()
        assert main_window.isVisible()
        main_window.close()
        assert len([s for s in tray.notifier.sent if "Still running" in s[1]]) == 1
        tray.toggle_pause()
        assert tray.paused and tray.pause_action.text() == "Resume sync"
        assert [a.text() for a in tray.menu.actions() if a.text()] == ["Open", "Sync now", "Resume sync", "Quit"]
    finally:
        tray.tray.hide()
        QApplication.instance().setQuitOnLastWindowClosed(True)


def test_wrong_password_alert_toasts_once(main_window, sample):
    tray = TrayController(main_window, available=False)
    _new_alert(sample.mailbox_ids["bob"])
    main_window.refresh()
    alert_toasts = [s for s in tray.notifier.sent if "Bob Sato" in s[1]]
    assert len(alert_toasts) == 1 and alert_toasts[0][1].startswith("Error")
    Alert.update(occurrences=Alert.occurrences + 1).execute()  # the repeat updates the same alert
    main_window.refresh()
    _new_alert(sample.mailbox_ids["bob"], code="ErrorAccessDenied")  # another one within 10 minutes
    main_window.refresh()
    assert len([s for s in tray.notifier.sent if "Bob Sato" in s[1]]) == 1


def test_tray_state_follows_the_worst_open_alert(main_window, sample):
    tray = TrayController(main_window, available=False)
    assert tray.update_state() == "error"
    Alert.update(is_open=False).where(Alert.level == AlertLevel.ERROR).execute()
    assert tray.update_state() == "warning"
    Alert.update(is_open=False).execute()
    assert tray.update_state() == "ok"


def test_second_instance_raises_the_first(qtbot, tmp_path):
    name = f"sssm-test-{tmp_path.name}"
    first, second = SingleInstance(name), SingleInstance(name)
    try:
        assert first.claim()
        with qtbot.waitSignal(first.activated):
            assert not second.claim()
    finally:
        first.release()


# the offscreen platform has no notification area: the icon is shown there all the same
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_a_click_on_a_toast_opens_its_alert(main_window, sample, qtbot):
    tray = TrayController(main_window, available=True)
    try:
        tray.tray.show()
        main_window.show_page(0)
        alert = _new_alert(sample.mailbox_ids["alice"], code="Unauthorized")  # her profile: her own credentials
        main_window.refresh()
        assert tray.notifier.sent[-1][0] == "tray" and tray.notifier.toast_alert_id == alert.id
        tray.tray.messageClicked.emit()
        assert main_window.isVisible() and main_window.ui.pages.currentIndex() == main_window.ALERTS
        assert [r.id for r in main_window.alerts.selected_rows()] == [alert.id]
        editor = main_window.mailbox_editors[sample.mailbox_ids["alice"]]
        assert editor.isVisible() and editor.ui.tabs.currentWidget() is editor.ui.credentialsTab
    finally:
        tray.tray.hide()
        QApplication.instance().setQuitOnLastWindowClosed(True)


def test_a_click_on_the_banner_opens_its_alert(main_window, sample, qtbot):
    tray = TrayController(main_window, available=False)
    bob = sample.mailbox_ids["bob"]
    alert = _new_alert(bob, level=AlertLevel.ERROR, code="ErrorServerBusy")
    main_window.refresh()
    ui = main_window.ui
    assert tray.notifier.sent[-1][0] == "banner" and main_window.banner_open_button.isVisible()
    qtbot.mouseClick(ui.bannerText, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not ui.banner.isVisible() and ui.pages.currentIndex() == main_window.ALERTS
    assert [r.id for r in main_window.alerts.selected_rows()] == [alert.id]
    editor = main_window.mailbox_editors[bob]
    assert editor.ui.tabs.currentWidget() is editor.ui.resultsTab, "nothing to change: the statuses and next sync"
    main_window.show_alert_banner("Still running")  # a notice about no alert has nothing to open
    assert not main_window.banner_open_button.isVisible()


def test_the_tray_icon_is_drawn_in_the_taskbar_set_and_redrawn_when_the_scheme_changes(main_window, sample):
    import sys

    from app.gui.icons import FULL_COLOUR, status_icon, tray_icon_set

    tray = TrayController(main_window, available=True)
    try:
        expected = status_icon(tray.state, tray_icon_set()).pixmap(32, 32).toImage()
        assert tray.tray.icon().pixmap(32, 32).toImage() == expected
        if sys.platform != "win32":
            assert tray_icon_set() == FULL_COLOUR
        Alert.update(is_open=False).execute()
        QApplication.styleHints().colorSchemeChanged.emit(QApplication.styleHints().colorScheme())
        assert tray.state == "ok", "the scheme change redrew the icon from the current state"
    finally:
        tray.tray.hide()
        QApplication.instance().setQuitOnLastWindowClosed(True)
