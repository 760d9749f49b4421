import json

from app.domain.enums import CredentialSource
from app.store import repo
from app.store.models import ServerProfile


def test_export_then_import_through_the_wizard(main_window, qtbot, sample, message_log, tmp_path, click):
    form = main_window.open_profile(sample.profile_ids[1])
    target = tmp_path / "profile.json"
    form.write_export(str(target))
    text = target.read_text(encoding="utf-8")
    assert "service-password" not in text and "has_password" not in text
    document = json.loads(text)
    assert document["profile"]["username"] == "CONTOSO\\crmservice"

    main_window.read_import(str(target))
    wizard = main_window.wizard
    fields = wizard.fields
    assert fields.location.incomingUrl.text() == "https://mail.contoso.com/EWS/Exchange.asmx"
    assert "already named" in fields.location.nameError.text()  # the original still exists
    fields.location.name.clear()
    qtbot.keyClicks(fields.location.name, "Imported")
    wizard.next()
    assert fields.credentials.passwordError.isVisible()  # passwords are never exported
    qtbot.keyClicks(fields.credentials.password, "again")
    wizard.next()
    wizard.next()
    with qtbot.waitSignal(wizard.saved):
        click(wizard.button(wizard.WizardButton.FinishButton))
    imported = ServerProfile.get(ServerProfile.name == "Imported")
    assert imported.credential_source is CredentialSource.PROFILE and imported.use_impersonation
    assert repo.profile_settings(imported).has_password


def test_bad_import_shows_a_message(main_window, message_log, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    main_window.read_import(str(path))
    assert main_window.wizard is None and message_log.errors[-1][1] == "The file cannot be imported."
