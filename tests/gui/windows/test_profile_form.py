from form_helpers import in_front, leave
from PySide6.QtCore import Qt

from app.gui.windows.profile_form import ProfileForm
from app.store.models import ServerProfile


def _form(qtbot, profile_id):
    return in_front(qtbot, ProfileForm(profile_id))


def test_edit_and_save_with_every_invalid_field_blocking(qtbot, sample, message_log, click):
    form = _form(qtbot, sample.profile_ids[0])
    loc, add = form.fields.location, form.fields.additional
    assert loc.name.text() == "Exchange 2013 on-premises"
    assert form.ui.saveButton.isEnabled()
    loc.name.clear()
    leave(qtbot, loc.name)
    assert not form.ui.saveButton.isEnabled()
    assert loc.nameError.text() == "This field is required."
    qtbot.keyClicks(loc.name, "Exchange (manual URL)")
    assert "already named" in loc.nameError.text() and not form.ui.saveButton.isEnabled()
    loc.name.clear()
    qtbot.keyClicks(loc.name, "Head office Exchange")
    qtbot.keyClicks(loc.description, "x" * 10)
    add.minPollingMinutes.clear()
    qtbot.keyClicks(add.minPollingMinutes, "15")
    assert form.ui.saveButton.isEnabled()
    click(form.ui.saveButton)
    profile = ServerProfile.get_by_id(sample.profile_ids[0])
    assert (profile.name, profile.min_polling_minutes) == ("Head office Exchange", 15)
    assert form.windowTitle().endswith("Head office Exchange")


def test_related_lists_show_mailboxes_with_status_and_alerts(qtbot, sample, message_log):
    form = _form(qtbot, sample.profile_ids[0])
    proxy = form.mailbox_proxy
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert sorted(names) == ["Alice Wong", "Kenichiro Nakamura", "Support queue"]
    titles = [form.mailboxes.headerData(c, Qt.Orientation.Horizontal) for c in range(form.mailboxes.columnCount())]
    status_col = titles.index("Mailbox status")
    statuses = {proxy.index(r, 0).data(): proxy.index(r, status_col).data() for r in range(proxy.rowCount())}
    assert statuses["Alice Wong"] == "Failure" and statuses["Kenichiro Nakamura"] == "Success"
    codes = {row.error_code for row in form.alerts.visible_rows()}
    assert codes == {"ErrorUnauthorized", "MostMailboxesFailing"}  # the active ones; not Bob's (other profile)
    form.alerts.ui.stateFilter.setCurrentIndex(form.alerts.ui.stateFilter.findText("Resolved"))
    assert [row.error_code for row in form.alerts.visible_rows()] == ["TestSucceeded"]


def test_test_and_enable_asks_first_with_the_seed_confirmation(qtbot, sample, message_log, click):
    form = _form(qtbot, sample.profile_ids[0])
    message_log.answer_yes = False
    with qtbot.assertNotEmitted(form.test_requested):
        click(form.ui.testButton)
    title, text = message_log.confirms[-1]
    assert "all the mailboxes associated with this email server profile" in text and "3 mailbox" in text
    message_log.answer_yes = True
    with qtbot.waitSignal(form.test_requested) as requested:
        click(form.ui.testButton)
    assert requested.args == [sample.profile_ids[0]]


def test_profile_password_is_replaced_only_when_typed(qtbot, sample, message_log, click, memory_keyring):
    from app import secrets

    form = _form(qtbot, sample.profile_ids[1])
    cred = form.fields.credentials
    form.ui.tabs.setCurrentIndex(1)
    assert cred.password.isVisible() and "Stored" in cred.password.placeholderText()
    click(form.ui.saveButton)
    assert secrets.get_password(secrets.profile_key(sample.profile_ids[1])) == "service-password"
    qtbot.keyClicks(cred.password, "new-secret")
    click(form.ui.saveButton)
    assert secrets.get_password(secrets.profile_key(sample.profile_ids[1])) == "new-secret"


def test_windows_integrated_authentication_is_explained_where_it_cannot_be_used(qtbot, sample, message_log):
    import sys

    from app.domain.enums import AuthProtocol, CredentialSource

    form = _form(qtbot, sample.profile_ids[0])
    cred, adv = form.fields.credentials, form.fields.advanced
    cred.credentialSource.setCurrentIndex(cred.credentialSource.findData(CredentialSource.WINDOWS_INTEGRATED.value))
    adv.authProtocol.setCurrentIndex(adv.authProtocol.findData(AuthProtocol.NEGOTIATE.value))
    if sys.platform == "win32":
        assert cred.credentialSourceError.text() == ""
        assert form.ui.saveButton.isEnabled()
    else:
        assert not cred.credentialSourceError.isHidden(), "the message row is shown"
        assert "needs Windows" in cred.credentialSourceError.text()
        assert not form.ui.saveButton.isEnabled(), "the choice cannot be saved off Windows"
    adv.authProtocol.setCurrentIndex(adv.authProtocol.findData(AuthProtocol.BASIC.value))
    if sys.platform == "win32":
        assert "Basic" in cred.credentialSourceError.text() and not form.ui.saveButton.isEnabled()
