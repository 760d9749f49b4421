"""Demo mode's set-up: a running loopback server and a store whose demo mailboxes pass Test & Enable."""

import keyring

from app import demo
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import RunStatus
from app.store.models import Mailbox, ServerProfile


def test_demo_environment_is_ready_to_test_and_survives_a_restart(store):
    env = demo.start_demo()
    try:
        profile = ServerProfile.get_by_id(env.profile_id)
        assert profile.incoming_url == env.server.ews_url
        mailboxes = list(Mailbox.select().where(Mailbox.profile == profile))
        assert len(mailboxes) == demo.DEMO_MAILBOXES
        report = run_mailbox_test(mailboxes[0].id)
        assert report.status is RunStatus.SUCCESS, report.as_text()
    finally:
        env.stop()
    env = demo.start_demo()  # second start: same accounts from the state file, profile re-pointed
    try:
        assert Mailbox.select().count() == demo.DEMO_MAILBOXES
        assert ServerProfile.get_by_id(env.profile_id).incoming_url == env.server.ews_url
        assert run_mailbox_test(Mailbox.select().first().id).status is RunStatus.SUCCESS
    finally:
        env.stop()


def test_demo_without_credential_store_says_where_its_fake_passwords_go(store):
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())
    env = demo.start_demo()
    try:
        assert "No credential store" in env.notice
        assert isinstance(keyring.get_keyring(), demo.DemoFileKeyring)
    finally:
        env.stop()


def test_a_new_profile_with_autodiscover_passes_test_and_enable_in_the_demo(store):
    """The user guide's first step in demo mode: a profile with Autodiscover on, for a
    contoso.com address, finds the loopback server; outside the demo the names are not mapped."""
    from app.domain.enums import ApprovalStatus
    from app.domain.settings import MailboxSettings, ProfileSettings
    from app.exchange import net
    from app.store import repo
    from app.store.models import SystemUser

    env = demo.start_demo()
    try:
        from datetime import datetime, timezone

        profile = repo.save_profile(
            ProfileSettings(
                name="Exchange 2013 (Autodiscover)", auto_discover=True, process_email_from=datetime.now(timezone.utc)
            )
        )
        account = next(a for a in env.server.directory.accounts() if a.email.startswith("bob@"))
        owner = SystemUser.get(SystemUser.is_current)
        mailbox = repo.save_mailbox(
            MailboxSettings(
                name="Bob",
                email="bob@contoso.com",
                owner_id=owner.id,
                profile_id=profile.id,
                approval=ApprovalStatus.APPROVED,
                allow_credentials=True,
                username=account.email,
            ),
            password=account.password,
        )
        report = run_mailbox_test(mailbox.id)
        assert report.status is RunStatus.SUCCESS, report.as_text()
        endpoint = next(s for s in report.steps if s.name == "endpoint")
        assert "Autodiscover found https://" in endpoint.message and "contoso.com" in endpoint.message
    finally:
        env.stop()
    assert not net.is_mapped("autodiscover.contoso.com", 443) and not net.is_mapped("contoso.com", 443)


def test_demo_file_keyring_refuses_real_passwords(store, sssm_home):
    """Without a credential store the demo keeps its made-up passwords in a file; a real
    profile saved in the same process must not land there."""
    import json
    from datetime import datetime, timezone

    import pytest
    from keyring.backends.fail import Keyring as FailKeyring

    from app import paths, secrets
    from app.domain.enums import CredentialSource
    from app.domain.settings import ProfileSettings
    from app.store import repo

    keyring.set_keyring(FailKeyring())
    env = demo.start_demo()
    try:
        file = paths.data_dir() / "demo-passwords.json"
        demo_passwords = {a.password for a in env.server.directory.accounts()}
        stored = json.loads(file.read_text(encoding="utf-8"))
        assert stored and set(stored.values()) <= demo_passwords, "the demo mailboxes' passwords are there"

        real = "R3al-Pr0file-Passw0rd"
        with pytest.raises(secrets.SecretStoreError) as caught:
            repo.save_profile(
                ProfileSettings(
                    name="Contoso production",
                    auto_discover=False,
                    incoming_url="https://mail.example.org/EWS/Exchange.asmx",
                    credential_source=CredentialSource.PROFILE,
                    username="EXAMPLE\\svc-sync",
                    process_email_from=datetime.now(timezone.utc),
                ),
                password=real,
            )
        message = str(caught.value)
        assert "demo" in message and "Credential Manager" in message, message
        assert real not in message
        assert ServerProfile.get_or_none(ServerProfile.name == "Contoso production") is None, "nothing half-saved"
        assert real not in file.read_text(encoding="utf-8")
        assert not any(
            real in p.read_text(encoding="utf-8", errors="replace")
            for p in sssm_home.rglob("*")
            if p.is_file() and p.suffix in (".json", ".log", ".txt")
        )

        # the demo's own accounts still work: a demo mailbox's password can be saved again
        mailbox = Mailbox.select().first()
        account = env.server.directory.get(mailbox.username)
        secrets.set_password(secrets.mailbox_key(mailbox.id), account.password)
        assert secrets.get_password(secrets.mailbox_key(mailbox.id)) == account.password
    finally:
        env.stop()


def test_demo_file_keyring_drops_real_passwords_an_earlier_version_kept(store):
    import json

    from keyring.backends.fail import Keyring as FailKeyring

    from app import paths

    file = paths.data_dir() / "demo-passwords.json"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps({"ServerSideSyncManager/profile:99:incoming": "Leaked-Real-Passw0rd"}), encoding="utf-8")
    keyring.set_keyring(FailKeyring())
    env = demo.start_demo()
    try:
        assert "Leaked-Real-Passw0rd" not in file.read_text(encoding="utf-8")
    finally:
        env.stop()


def test_changing_a_demo_password_on_the_server_makes_a_real_wrong_password_case(store):
    """The Demo menu's "change the password": the server takes only the new one, the mailbox keeps
    its stored (now wrong) password, also in the demo's password file across a restart."""
    import pytest
    from keyring.backends.fail import Keyring as FailKeyring

    from app.diagnostics.steps import run_mailbox_test

    keyring.set_keyring(FailKeyring())  # the demo's own password file: the harder case
    env = demo.start_demo()
    try:
        alice = Mailbox.get(Mailbox.email == "alice@contoso.com")
        assert run_mailbox_test(alice.id).status is RunStatus.SUCCESS
        with pytest.raises(ValueError):
            demo.change_password(env.server, "alice@contoso.com", "")
        demo.change_password(env.server, "alice@contoso.com", "Changed-0n-the-server")
        assert env.server.directory.get("alice@contoso.com").password == "Changed-0n-the-server"
        report = run_mailbox_test(alice.id)
        assert report.status is RunStatus.FAILURE
        assert [s.failure.code for s in report.steps if s.failure] == ["Unauthorized"]
    finally:
        env.stop()
    env = demo.start_demo()  # the stored old password is still there: still a wrong password, not a missing one
    try:
        report = run_mailbox_test(Mailbox.get(Mailbox.email == "alice@contoso.com").id)
        assert [s.failure.code for s in report.steps if s.failure] == ["Unauthorized"]
        assert env.server.directory.get("alice@contoso.com").password == "Changed-0n-the-server"
    finally:
        env.stop()


def test_the_demo_accounts_are_saved_before_the_mailboxes_keep_their_passwords(store):
    """A demo killed right after its first start (no clean stop) still finds the same accounts next
    time, so the passwords its mailboxes keep stay right."""
    import json

    from app import paths

    env = demo.start_demo()
    try:
        saved = json.loads((paths.simulator_dir() / "state.json").read_text(encoding="utf-8"))
        assert {a["email"]: a["password"] for a in saved["accounts"]} == {
            a.email: a.password for a in env.server.directory.accounts()
        }
    finally:
        env.stop()


def test_the_japanese_demo_names_its_records_in_japanese_and_an_english_start_renames_them(store):
    from app.store.models import SystemUser

    def names():
        alice = Mailbox.get(Mailbox.email == "alice@contoso.com")
        return demo.demo_profile().name, alice.name, SystemUser.get(SystemUser.is_current).name

    env = demo.start_demo("ja")
    env.stop()
    assert names() == ("Exchange 2013 設置型", "青木 愛", "デモ管理者")
    assert ServerProfile.get_by_id(env.profile_id).description.startswith("デモモード")
    Mailbox.update(name="Alice (mine)").where(Mailbox.email == "bob@contoso.com").execute()  # the admin's own name
    env = demo.start_demo()  # the command line names no language: the names stay
    env.stop()
    assert names() == ("Exchange 2013 設置型", "青木 愛", "デモ管理者")
    env = demo.start_demo("en")
    env.stop()
    assert names() == (demo.DEMO_PROFILE, "Alice", "Demo Admin")
    assert Mailbox.get(Mailbox.email == "bob@contoso.com").name == "Alice (mine)"
    assert ServerProfile.select().count() == 1 and Mailbox.select().count() == demo.DEMO_MAILBOXES
