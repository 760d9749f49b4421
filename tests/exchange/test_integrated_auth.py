"""Windows integrated authentication: SSPI as the signed-in Windows user, no password stored.

The choice of exchangelib's auth type and its preconditions are tested everywhere; the logon
itself runs on Windows only (the Windows workflow), against a loopback server of its own whose
Negotiate acceptor is Windows' SSPI (``LoopbackExchange.accept_windows_logon``)."""

from __future__ import annotations

import sys
from datetime import datetime, timezone

import pytest

from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import ApprovalStatus, AuthProtocol, CredentialSource, RunStatus
from app.domain.settings import MailboxSettings, ProfileSettings
from app.exchange.connection import (
    ConnectionPlan,
    PreconditionFailed,
    exchangelib_auth,
    integrated_auth_type,
    plan_connection,
    windows_account,
)
from app.store import repo
from app.store.models import Mailbox, ServerProfile

windows_only = pytest.mark.skipif(sys.platform != "win32", reason="SSPI logs on as a Windows user: Windows only")
not_on_windows = pytest.mark.skipif(sys.platform == "win32", reason="what happens where Windows is not")


@pytest.mark.parametrize("protocol", [AuthProtocol.AUTO, AuthProtocol.NEGOTIATE, AuthProtocol.NTLM])
def test_on_windows_negotiate_ntlm_and_auto_detect_log_on_through_sspi(protocol):
    assert integrated_auth_type(protocol, "Head office", platform="win32") == "sspi"


def test_basic_is_refused_with_integrated_authentication_it_needs_a_password():
    with pytest.raises(PreconditionFailed) as raised:
        integrated_auth_type(AuthProtocol.BASIC, "Head office", platform="win32")
    assert raised.value.failure.code == "IntegratedAuthWithBasic"
    assert "Head office" in raised.value.failure.message and not raised.value.failure.transient


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_elsewhere_integrated_authentication_fails_its_precondition_saying_it_needs_windows(platform):
    with pytest.raises(PreconditionFailed) as raised:
        integrated_auth_type(AuthProtocol.NEGOTIATE, "Head office", platform=platform)
    failure = raised.value.failure
    assert failure.code == "IntegratedAuthUnavailable"
    assert "needs Windows" in failure.message and "Head office" in failure.message
    assert "Run the app on Windows" in failure.next_step


def test_the_windows_account_is_domain_and_user_of_this_process():
    assert windows_account({"USERDOMAIN": "CONTOSO", "USERNAME": "admin"}) == "CONTOSO\\admin"
    assert windows_account({"USERNAME": "admin"}) == "admin"


def _plan(source: CredentialSource, protocol: AuthProtocol = AuthProtocol.NTLM) -> ConnectionPlan:
    return ConnectionPlan(
        email="alice@contoso.com",
        username="CONTOSO\\alice" if source is CredentialSource.WINDOWS_INTEGRATED else "alice@contoso.com",
        password="" if source is CredentialSource.WINDOWS_INTEGRATED else "Passw0rd!",
        auth_protocol=protocol,
        ews_url="https://mail.contoso.com/EWS/Exchange.asmx",
        use_impersonation=False,
        timeout_seconds=10,
        max_connections=2,
        ca_file=None,
        use_ssl=True,
        port=443,
        credential_source=source,
    )


def test_integrated_authentication_gives_exchangelib_no_credentials_and_the_sspi_auth_type():
    assert exchangelib_auth(_plan(CredentialSource.WINDOWS_INTEGRATED)) == (None, "sspi")
    credentials, auth_type = exchangelib_auth(_plan(CredentialSource.USER_OR_QUEUE))
    assert (credentials.username, credentials.password, auth_type) == ("alice@contoso.com", "Passw0rd!", "NTLM")


def _integrated_mailbox(server, email: str, *, save_as_windows: bool) -> Mailbox:
    """A profile with Windows integrated authentication and its approved mailbox, saved as the
    app saves them; off Windows, where the form refuses the choice, as a store made on Windows."""
    settings = ProfileSettings(
        name="Integrated",
        auto_discover=False,
        incoming_url=server.ews_url,
        incoming_port=server.port,
        trusted_ca_path=str(server.ca_path),
        process_email_from=datetime(2020, 1, 1, tzinfo=timezone.utc),
        timeout_seconds=10,
        credential_source=CredentialSource.WINDOWS_INTEGRATED if save_as_windows else CredentialSource.PROFILE,
        username="" if save_as_windows else "unused",
    )
    profile = repo.save_profile(settings, password=None if save_as_windows else "unused")
    if not save_as_windows:
        ServerProfile.update(credential_source=CredentialSource.WINDOWS_INTEGRATED).execute()
        profile = ServerProfile.get_by_id(profile.id)
    user = repo.create_user("Admin", "admin@contoso.com", is_current=True)
    return repo.save_mailbox(
        MailboxSettings(
            name="Integrated", email=email, owner_id=user.id, profile_id=profile.id, approval=ApprovalStatus.APPROVED
        )
    )


@not_on_windows
def test_test_and_enable_fails_its_precondition_step_off_windows_before_any_traffic(store, ews):
    mailbox = _integrated_mailbox(ews.server, "alice@contoso.com", save_as_windows=False)
    before = ews.stats.count()
    report = run_mailbox_test(mailbox.id)
    assert [(step.name, step.status) for step in report.steps] == [("preconditions", RunStatus.FAILURE)]
    assert report.steps[0].failure.code == "IntegratedAuthUnavailable"
    assert "needs Windows" in report.steps[0].message
    assert ews.stats.count() == before, "nothing was sent"
    with pytest.raises(PreconditionFailed):
        plan_connection(Mailbox.get_by_id(mailbox.id))


@windows_only
def test_on_windows_test_and_enable_logs_on_as_the_signed_in_user_with_no_password_stored(store, tmp_path):
    import keyring

    from app.exchange import net
    from app.simulator.server import LoopbackExchange

    with LoopbackExchange(tmp_path / "server") as server:
        email = "integrated@contoso.com"
        server.add_account(email, "a password nobody sends")
        server.accept_windows_logon(windows_account(), email)
        try:
            mailbox = _integrated_mailbox(server, email, save_as_windows=True)
            report = run_mailbox_test(mailbox.id)
        finally:
            net.trust_ca_for(server.ews_url, None)
    assert report.status is RunStatus.SUCCESS, report.as_text()
    connect = next(step for step in report.steps if step.name == "connect")
    assert windows_account() in connect.message and "sspi" in connect.message.lower(), connect.message
    assert Mailbox.get_by_id(mailbox.id).incoming_enabled
    backend = keyring.get_keyring()
    assert not getattr(backend, "entries", {}), "no password was stored for Windows integrated authentication"
