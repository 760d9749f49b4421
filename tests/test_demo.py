"""Demo mode's set-up: a running loopback server and a store whose demo mailboxes pass Test & Enable."""
import keyring

from app import demo
from app.domain.enums import RunStatus
from app.diagnostics.steps import run_mailbox_test
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

        profile = repo.save_profile(ProfileSettings(name="Exchange 2013 (Autodiscover)", auto_discover=True,
                                                    process_email_from=datetime.now(timezone.utc)))
        account = next(a for a in env.server.directory.accounts() if a.email.startswith("bob@"))
        owner = SystemUser.get(SystemUser.is_current)
        mailbox = repo.save_mailbox(MailboxSettings(
            name="Bob", email="bob@contoso.com", owner_id=owner.id, profile_id=profile.id,
            approval=ApprovalStatus.APPROVED, allow_credentials=True, username=account.email),
            password=account.password)
        report = run_mailbox_test(mailbox.id)
        assert report.status is RunStatus.SUCCESS, report.as_text()
        endpoint = next(s for s in report.steps if s.name == "endpoint")
        assert "Autodiscover found https://" in endpoint.message and "contoso.com" in endpoint.message
    finally:
        env.stop()
    assert not net.is_mapped("autodiscover.contoso.com", 443) and not net.is_mapped("contoso.com", 443)
