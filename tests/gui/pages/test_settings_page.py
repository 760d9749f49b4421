"""The Settings page driven as a person does (typing, clicking Save), then each setting's effect
where the product honours it: toasts, profiles without SSL, escalation, tracked subjects, alert
emails over real HTTP, the language at the next start."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from form_helpers import leave
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from app.domain.enums import AlertLevel, AlertScope, TrackingOption, Workload
from app.domain.escalation import Failure
from app.domain.settings import ProfileSettings
from app.domain.system_settings import SystemSettingsValues
from app.domain.validation import ValidationError
from app.gui.pages.settings_page import UNSAVED_MARK, SettingsPage
from app.store import alerts, health, repo
from app.store.models import Alert, EmailActivity, Mailbox, UserOptions
from app.store.system_settings import load_system_settings


@pytest.fixture
def make_page(qtbot, message_log):
    """A Settings page on its own, built when the test's records exist (its choices are read then)."""

    def make() -> SettingsPage:
        page = SettingsPage()
        qtbot.addWidget(page)
        page.resize(960, 640)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()  # in front, as a person sees it: the focus moves within it
        qtbot.waitUntil(page.isActiveWindow)
        return page

    return make


def retype(qtbot, widget, text: str) -> None:
    """Select what the field holds, type over it and move on (its message, if any, then shows)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    leave(qtbot, widget)


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def save(page, click) -> None:
    assert page.ui.saveButton.isEnabled(), [i.message() for i in page.issues]
    click(page.ui.saveButton)
    assert not page.is_dirty()


def shown_error(page, name: str) -> str:
    label = getattr(page.ui, f"{name}Error")
    return label.text() if label.isVisibleTo(page) else ""


# --- the page itself -------------------------------------------------------------------------


def test_the_stored_settings_show_and_unsaved_changes_are_marked_until_saved_or_reverted(store, make_page, click):
    page = make_page()
    ui = page.ui
    assert page.values() == SystemSettingsValues() == load_system_settings()
    assert not ui.saveButton.isEnabled() and not ui.revertButton.isEnabled() and ui.statusLabel.text() == ""

    click(ui.toastWarnings)
    assert ui.statusLabel.text() == "Unsaved changes"
    assert ui.alertsGroup.title() == "Alerts" + UNSAVED_MARK and ui.emailGroup.title() == "Email"
    assert ui.saveButton.isEnabled() and ui.revertButton.isEnabled()
    click(ui.revertButton)
    assert not ui.toastWarnings.isChecked() and ui.alertsGroup.title() == "Alerts" and ui.statusLabel.text() == ""


def test_unsaved_changes_are_marked_on_their_group_and_saved_at_once(store, qtbot, make_page, click):
    page = make_page()
    ui = page.ui
    saved = []
    page.saved.connect(lambda: saved.append(True))
    retype(qtbot, ui.defaultBackoffMinutes, "15")
    assert ui.retriesGroup.title() == "Retries" + UNSAVED_MARK and ui.alertsGroup.title() == "Alerts"
    save(page, click)
    assert saved == [True] and load_system_settings().default_backoff_minutes == 15
    assert ui.statusLabel.text() == "Saved. The settings apply now." and ui.retriesGroup.title() == "Retries"


def test_each_rule_shows_its_message_under_its_field_and_save_waits_for_them(store, qtbot, make_page, click):
    page = make_page()
    ui = page.ui
    retype(qtbot, ui.transientFailureLimit, "0")
    assert shown_error(page, "transientFailureLimit") == "Enter a whole number from 1 to 100."
    retype(qtbot, ui.authRetryLimit, "5")
    assert shown_error(page, "authRetryLimit") == "Enter a whole number from 0 to 3."
    retype(qtbot, ui.trackingTokenPrefix, "CRM1")
    assert shown_error(page, "trackingTokenPrefix") == (
        "The prefix cannot end with a digit: the token's number follows it."
    )
    assert not ui.trackingTokenPrefixHint.isVisibleTo(page), "no example token from a broken prefix"
    assert not ui.notifyMailbox.isEnabled()
    click(ui.notifyOwnerByEmail)
    assert ui.notifyMailbox.isEnabled()
    assert shown_error(page, "notifyMailbox") == "", "the mailbox's message waits until it is chosen or left"
    leave(qtbot, ui.notifyMailbox)
    assert shown_error(page, "notifyMailbox") == "Choose the mailbox through which alert emails are sent."
    click(ui.recordErrors)
    assert not ui.saveButton.isEnabled() and ui.revertButton.isEnabled()
    assert "Transient failures before an Error: Enter a whole number from 1 to 100." in ui.saveButton.toolTip()

    retype(qtbot, ui.transientFailureLimit, "3")
    retype(qtbot, ui.authRetryLimit, "1")
    retype(qtbot, ui.trackingTokenPrefix, "CRM-")
    assert ui.trackingTokenPrefixHint.isVisibleTo(page) and "CRM-0001234" in ui.trackingTokenPrefixHint.text()
    click(ui.notifyOwnerByEmail)
    assert shown_error(page, "transientFailureLimit") == "" and ui.saveButton.isEnabled()
    click(ui.saveButton)  # what recording no Error means for its notification shows now, and nothing is saved
    assert shown_error(page, "toastErrors") == (
        "Errors are not recorded, so there is nothing to notify: turn their recording on, or turn this off."
    )
    assert ui.toastErrors.hasFocus() and load_system_settings() == SystemSettingsValues()
    click(ui.toastErrors)
    assert page.issues == []
    save(page, click)
    stored = load_system_settings()
    assert (stored.transient_failure_limit, stored.auth_retry_limit, stored.tracking_token_prefix) == (3, 1, "CRM-")
    assert (stored.record_errors, stored.toast_errors) == (False, False)


def test_refresh_keeps_unsaved_edits_and_offers_new_profiles(store, qtbot, make_page):
    page = make_page()
    retype(qtbot, page.ui.trackingTokenPrefix, "SSM-")
    profile = repo.save_profile(
        ProfileSettings(name="New profile", process_email_from=datetime(2024, 1, 1, tzinfo=timezone.utc))
    )
    page.refresh()
    assert page.ui.trackingTokenPrefix.text() == "SSM-" and page.is_dirty()
    assert page.ui.defaultProfile.findData(profile.id) > 0


def test_a_save_the_store_refuses_saves_nothing_and_says_why(sample, make_page, click, message_log):
    page = make_page()
    ui = page.ui
    click(ui.notifyOwnerByEmail)
    choose(ui.notifyMailbox, sample.mailbox_ids["admin"])
    assert page.issues == []
    # meanwhile the mailbox stops sending by server-side synchronization (another window, or `run`)
    Mailbox.update(is_active=False).where(Mailbox.id == sample.mailbox_ids["admin"]).execute()
    click(ui.saveButton)
    assert message_log.errors and message_log.errors[0][0] == "The settings were not saved"
    assert shown_error(page, "notifyMailbox").startswith("This mailbox does not send email")
    assert load_system_settings() == SystemSettingsValues() and page.is_dirty()


# --- each setting takes effect ---------------------------------------------------------------


def test_warning_toasts_switched_on_give_toasts(main_window, sample, make_page, click):
    from app.gui.tray import TrayController

    tray = TrayController(main_window, available=False)  # toasts then show as the window's banner
    bob = Mailbox.get_by_id(sample.mailbox_ids["bob"])
    alerts.raise_alert(AlertLevel.WARNING, AlertScope.MAILBOX, "ErrorServerBusy", "busy", mailbox=bob)
    tray.check_alerts()
    assert tray.notifier.sent == [], "Warnings are not toasted by default"

    page = make_page()
    click(page.ui.toastWarnings)
    save(page, click)
    admin = Mailbox.get_by_id(sample.mailbox_ids["admin"])
    alerts.raise_alert(AlertLevel.WARNING, AlertScope.MAILBOX, "ErrorServerBusy", "busy again", mailbox=admin)
    tray.check_alerts()
    [(channel, title, text)] = tray.notifier.sent
    assert (title, text) == ("Warning: Kenichiro Nakamura", "busy again")


def test_allowing_credentials_over_non_ssl_lets_a_profile_without_ssl_save(store, make_page, click):
    plain = ProfileSettings(
        name="Plain HTTP",
        auto_discover=False,
        incoming_url="http://mail.contoso.com/EWS/Exchange.asmx",
        use_ssl=False,
        incoming_port=80,
        process_email_from=datetime(2024, 1, 1, tzinfo=timezone.utc),
    )
    with pytest.raises(ValidationError) as caught:
        repo.save_profile(plain)
    assert caught.value.for_field("use_ssl")

    page = make_page()
    click(page.ui.allowInsecureCredentials)
    save(page, click)
    profile = repo.save_profile(plain)
    assert not profile.use_ssl

    click(page.ui.allowInsecureCredentials)
    save(page, click)
    with pytest.raises(ValidationError) as caught:
        repo.save_profile(plain, profile=profile)  # off again: the same profile is refused
    assert caught.value.for_field("use_ssl")


def test_a_changed_failure_limit_changes_when_a_warning_becomes_an_error(sample, qtbot, make_page, click):
    busy = Failure("ErrorServerBusy", transient=True, message="The server is busy.")

    def escalate(key):
        levels = []
        for _ in range(2):  # as a cycle records a failure: escalation, then the mailbox saved
            mailbox = Mailbox.get_by_id(sample.mailbox_ids[key])
            levels.append(health.apply_failure(mailbox, Workload.INCOMING, busy)[0].level)
            mailbox.save()
        return levels

    Mailbox.update(incoming_enabled=True).where(Mailbox.id == sample.mailbox_ids["alice"]).execute()
    assert escalate("alice") == [AlertLevel.WARNING, AlertLevel.WARNING], "the default: 10 in a row"

    page = make_page()
    retype(qtbot, page.ui.transientFailureLimit, "2")
    save(page, click)
    assert escalate("admin") == [AlertLevel.WARNING, AlertLevel.ERROR]
    assert not Mailbox.get_by_id(sample.mailbox_ids["admin"]).incoming_enabled, "disabled with the Error"


def test_the_token_prefix_appears_in_tracked_subjects(setup, ews, qtbot, make_page, click):
    from app.sync.incoming import sync_incoming
    from app.sync.outgoing import queue_email, sync_outgoing

    sender, customer = ews.new_account("tracking"), ews.new_account("customer")
    mailbox = setup.mailbox(setup.profile("Tracking"), sender.email)
    Mailbox.update(outgoing_enabled=True, incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    UserOptions.update(tracking_option=TrackingOption.RESPONSES).where(UserOptions.user == setup.user.id).execute()

    page = make_page()
    retype(qtbot, page.ui.trackingTokenPrefix, "SSM-")
    assert "SSM-0001234" in page.ui.trackingTokenPrefixHint.text()
    save(page, click)

    email = queue_email(setup.user, customer.email, "Quote 19", "Our offer.", tracked=True)
    assert sync_outgoing(mailbox).created == 1
    inbox = ews.server.directory.mailbox(customer.email).distinguished["inbox"].items_by_received()
    [received] = [item for item in inbox if item.msgid == email.message_id]
    assert received.subject == f"Quote 19 SSM-{email.id:07d}"

    ews.server.deliver(sender.email, f"RE: {received.subject}", "Agreed.")
    ews.server.deliver(sender.email, f"RE: Quote 19 CRM:{email.id:07d}", "The old prefix counts no more.")
    assert sync_incoming(mailbox).failure is None
    [answer] = EmailActivity.select().where(EmailActivity.subject.startswith("RE: "))
    assert answer.tracking_token == f"SSM-{email.id:07d}"


def test_notify_owner_by_email_sends_one_email_through_the_chosen_mailbox(setup, ews, make_page, click):
    from app.sync.incoming import sync_incoming
    from app.sync.outgoing import sync_outgoing

    profile = setup.profile("Alert emails")
    sender_account, owner_account, watched_account = (
        ews.new_account("alerts"),
        ews.new_account("owner"),
        ews.new_account("watched"),
    )
    sender = setup.mailbox(profile, sender_account.email)
    Mailbox.update(outgoing_enabled=True).where(Mailbox.id == sender.id).execute()
    owner = repo.create_user("Bob Brown", owner_account.email)
    watched = setup.mailbox(profile, watched_account.email, owner_id=owner.id)
    Mailbox.update(incoming_enabled=True).where(Mailbox.id == watched.id).execute()

    page = make_page()
    ui = page.ui
    click(ui.notifyOwnerByEmail)
    assert ui.notifyMailbox.itemText(ui.notifyMailbox.findData(sender.id)) == f"{sender.name} <{sender.email}>"
    choose(ui.notifyMailbox, sender.id)
    save(page, click)

    ews.faults.inject("http503", account=watched.email, count=None)
    for _ in range(3):  # one Warning, counted three times
        assert sync_incoming(watched).failure is not None
        sync_outgoing(sender)
    [warning] = Alert.select().where(Alert.mailbox == watched.id)
    assert warning.occurrences == 3
    inbox = ews.server.directory.mailbox(owner_account.email).distinguished["inbox"].items_by_received()
    [email] = [item for item in inbox if item.subject.startswith("[Server-Side Sync Manager] Warning: ")]
    assert email.sender[1].lower() == sender.email.lower() and "Error code: " in email.body
    assert ews.stats.count(operation="CreateItem", account=sender.email) == 1, "sent exactly once"


def test_the_language_setting_decides_the_language_at_the_next_start(store, qapp, qtbot, make_page, click):
    from app.gui.application import install_language, startup_language
    from app.gui.i18n import pick_language

    page = make_page()
    assert startup_language(None) == pick_language(None), "nothing stored: the system's language"
    choose(page.ui.language, "ja")
    assert page.ui.languageHint.text() == "Takes effect the next time the app starts."
    save(page, click)
    assert page.ui.statusLabel.text().startswith("Saved. The language changes the next time the app starts")
    assert startup_language(None) == "ja" and startup_language("en") == "en", "--lang still wins"

    locale = QLocale()
    try:
        install_language(qapp, startup_language(None))
        assert QCoreApplication.translate("SettingsPage", "System settings") == "システム設定"
        later = SettingsPage()
        qtbot.addWidget(later)
        assert later.ui.title.text() == "システム設定", "a page built after the start speaks it"
    finally:
        install_language(qapp, "en")
        QLocale.setDefault(locale)
    assert QCoreApplication.translate("SettingsPage", "System settings") == "System settings"
