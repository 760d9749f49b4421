from form_helpers import in_front, leave
from PySide6.QtWidgets import QWizard

from app import secrets
from app.domain.enums import AuthProtocol, CredentialSource
from app.gui.windows.profile_wizard import ProfileWizard
from app.store.models import ServerProfile


def _wizard(qtbot):
    return in_front(qtbot, ProfileWizard())


def _next(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def _choose(combo, member):
    combo.setCurrentIndex(combo.findData(member.value))


def test_location_page_shows_ews_url_only_without_autodiscover(qtbot, click, store, message_log):
    wizard = _wizard(qtbot)
    loc = wizard.fields.location
    assert not loc.nameError.isVisible(), "nothing typed yet: no message"
    qtbot.keyClicks(loc.name, "Exchange 2013 on-premises")
    assert not loc.nameError.isVisible()
    assert _next(wizard).isEnabled()
    assert not loc.incomingUrl.isVisible()
    click(loc.autoDiscover)
    assert loc.incomingUrl.isVisible()
    assert not loc.incomingUrlError.isVisible(), "the new field is not touched yet"
    click(_next(wizard))  # Next shows what is missing and stays
    assert wizard.currentPage() is wizard.pages["location"] and not _next(wizard).isEnabled()
    assert "Exchange Web Services address" in loc.incomingUrlError.text() and loc.incomingUrl.hasFocus()
    qtbot.keyClicks(loc.incomingUrl, "mail.contoso.com")
    assert "https://" in loc.incomingUrlError.text()
    loc.incomingUrl.clear()
    qtbot.keyClicks(loc.incomingUrl, "https://mail.contoso.com/EWS/Exchange.asmx")
    assert not loc.incomingUrlError.isVisible()
    assert _next(wizard).isEnabled()


def test_duplicate_name_blocks_with_its_message(qtbot, click, sample, message_log):
    wizard = _wizard(qtbot)
    qtbot.keyClicks(wizard.fields.location.name, "exchange 2013 ON-PREMISES")
    leave(qtbot, wizard.fields.location.name)
    assert "already named" in wizard.fields.location.nameError.text()
    assert not _next(wizard).isEnabled()


def test_credentials_page_reveals_fields_as_choices_require(qtbot, click, store, message_log):
    wizard = _wizard(qtbot)
    qtbot.keyClicks(wizard.fields.location.name, "Profile")
    click(_next(wizard))
    cred = wizard.fields.credentials
    assert wizard.currentPage() is wizard.pages["credentials"]
    assert not cred.username.isVisible() and not cred.password.isVisible()
    assert not cred.outgoingGroup.isVisible()
    _choose(cred.credentialSource, CredentialSource.PROFILE)
    assert cred.username.isVisible() and cred.password.isVisible()
    leave(qtbot, cred.username)
    assert cred.usernameError.text() == "Enter the user name the profile connects with."
    assert not _next(wizard).isEnabled()
    assert "User name: Enter the user name the profile connects with." in _next(wizard).toolTip()
    qtbot.keyClicks(cred.username, "CONTOSO\\crmservice")
    qtbot.keyClicks(cred.password, "pa55word")
    assert _next(wizard).isEnabled()
    click(cred.outgoingSameAsIncoming)
    assert cred.outgoingGroup.isVisible()
    assert not cred.outgoingUrl.isVisible()  # auto discover finds the outgoing location too
    assert not cred.outgoingUsername.isVisible()
    _choose(cred.outgoingCredentialSource, CredentialSource.PROFILE)
    click(_next(wizard))
    assert wizard.currentPage() is wizard.pages["credentials"] and not _next(wizard).isEnabled()
    assert cred.outgoingPasswordError.isVisible()


def test_impersonation_needs_profile_credentials(qtbot, click, store, message_log):
    wizard = _wizard(qtbot)
    qtbot.keyClicks(wizard.fields.location.name, "Profile")
    wizard.next()
    cred = wizard.fields.credentials
    click(cred.useImpersonation)
    assert "Impersonation" in cred.useImpersonationError.text()
    assert not _next(wizard).isEnabled()


def test_ssl_off_is_refused_with_a_clear_message(qtbot, click, store, message_log):
    wizard = _wizard(qtbot)
    qtbot.keyClicks(wizard.fields.location.name, "Profile")
    wizard.next()
    wizard.next()
    adv = wizard.fields.advanced
    assert wizard.currentPage() is wizard.pages["advanced"]
    click(adv.useSsl)
    assert "Without SSL" in adv.useSslError.text()
    assert not _next(wizard).isEnabled()
    click(adv.useSsl)
    qtbot.keyClicks(adv.trustedCaPath, "/no/such/ca.pem")
    leave(qtbot, adv.trustedCaPath)
    assert "does not exist" in adv.trustedCaPathError.text()
    adv.trustedCaPath.clear()
    assert _next(wizard).isEnabled()


def test_finishing_the_wizard_saves_the_profile_and_keyring_password(qtbot, click, store, message_log, memory_keyring):
    wizard = _wizard(qtbot)
    with qtbot.waitSignal(wizard.saved) as saved:
        loc = wizard.fields.location
        qtbot.keyClicks(loc.name, "Exchange 2013 ")
        loc.name.insert("設置型")  # typed through an input method: QTest cannot key in kanji
        qtbot.keyClicks(loc.description, "Head office")
        click(_next(wizard))
        cred = wizard.fields.credentials
        _choose(cred.credentialSource, CredentialSource.PROFILE)
        qtbot.keyClicks(cred.username, "svc")
        qtbot.keyClicks(cred.password, "pa55word")
        click(cred.useImpersonation)
        click(_next(wizard))
        adv = wizard.fields.advanced
        adv.incomingPort.clear()
        qtbot.keyClicks(adv.incomingPort, "8443")
        _choose(adv.authProtocol, AuthProtocol.NTLM)
        click(_next(wizard))
        add = wizard.fields.additional
        add.maxConnections.clear()
        qtbot.keyClicks(add.maxConnections, "20")
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert finish.isEnabled()
        click(finish)
    profile = ServerProfile.get_by_id(saved.args[0])
    assert (profile.name, profile.description) == ("Exchange 2013 設置型", "Head office")
    assert profile.credential_source is CredentialSource.PROFILE and profile.use_impersonation
    assert (profile.incoming_port, profile.auth_protocol, profile.max_connections) == (8443, AuthProtocol.NTLM, 20)
    assert secrets.get_password(secrets.profile_key(profile.id)) == "pa55word"
    assert message_log.errors == []
