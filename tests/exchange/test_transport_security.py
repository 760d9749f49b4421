"""Credentials never cross a connection without TLS unless the system setting allows it *now*
(docs/product-rules.md §1, "Use SSL"; issue 10).

The setting is checked where the bytes leave (app.exchange.net's adapter), not only when a profile
is saved: a profile saved while the setting was on keeps working only while it stays on. A plain
HTTP listener on 127.0.0.1 records what reaches it and answers every request with a 401 offering
Basic and NTLM, as an IIS site without SSL would.
"""

from __future__ import annotations

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AlertLevel, AuthProtocol, RunStatus, Workload
from app.exchange import net
from app.exchange.errors import CredentialsNotSecure, classify
from app.store.models import Alert, Mailbox, ServerProfile, WorkloadState
from app.store.repo import system_settings
from app.sync.incoming import sync_incoming


class PlainListener:
    """A plain-HTTP server that records each request's headers and answers 401 (Basic, NTLM)."""

    def __init__(self) -> None:
        self.seen: list[dict[str, str]] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                listener.seen.append({k.lower(): v for k, v in self.headers.items()})
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="plain"')
                self.send_header("WWW-Authenticate", "NTLM")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_GET = _answer  # noqa: N815 - http.server's names

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/EWS/Exchange.asmx"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def authorizations(self) -> list[str]:
        return [h["authorization"] for h in self.seen if "authorization" in h]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def plain():
    listener = PlainListener()
    yield listener
    listener.close()


def allow_plain_credentials(on: bool) -> None:
    settings = system_settings()
    settings.allow_insecure_credentials = on
    settings.save()


def plain_mailbox(setup, ews, plain, protocol):
    """A profile saved with SSL off while the system setting allowed it (then the setting is
    turned off again), and one approved mailbox on it."""
    allow_plain_credentials(True)
    profile = setup.profile(
        f"Plain {protocol.value}",
        incoming_url=plain.url,
        incoming_port=plain.port,
        use_ssl=False,
        trusted_ca_path="",
        auth_protocol=protocol,
    )
    mailbox = setup.mailbox(profile, ews.new_account("plain").email)
    allow_plain_credentials(False)
    return mailbox


def failed_step(report):
    return [s for s in report.steps if s.status is RunStatus.FAILURE][0]


def assert_refused(failure, url):
    assert failure.code == "InsecureCredentialsRefused", failure
    assert not failure.transient
    assert url in failure.message and "SSL" in failure.message
    assert failure.next_step == (
        "Turn on SSL for the profile, or allow credentials over non-SSL in the system settings."
    )


PROTOCOLS = [AuthProtocol.BASIC, AuthProtocol.NTLM, AuthProtocol.AUTO]


@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda p: p.value)
def test_test_and_enable_sends_no_credentials_over_http_unless_allowed_now(setup, ews, plain, protocol):
    mailbox = plain_mailbox(setup, ews, plain, protocol)

    report = run_mailbox_test(mailbox.id)
    assert plain.authorizations() == [], "no credential of any scheme reached the plain listener"
    step = failed_step(report)
    assert step.name == "connect"
    assert_refused(step.failure, plain.url)
    assert "CredentialsNotSecure" in step.details, "the refusal shows in the step's transcript"
    alert = Alert.get(Alert.mailbox == mailbox.id)
    assert (alert.level, alert.error_code) == (AlertLevel.ERROR, "InsecureCredentialsRefused")
    assert not Mailbox.get_by_id(mailbox.id).incoming_enabled

    allow_plain_credentials(True)  # the same profile, the setting on: the credentials do go
    run_mailbox_test(mailbox.id)
    scheme = "NTLM" if protocol is not AuthProtocol.BASIC else "Basic"
    assert plain.authorizations() and all(a.startswith(scheme) for a in plain.authorizations())


@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda p: p.value)
def test_a_sync_cycle_sends_no_credentials_over_http_once_the_setting_is_off(setup, ews, plain, protocol):
    mailbox = plain_mailbox(setup, ews, plain, protocol)

    def cycle():
        Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
        # as after a new Test & Enable: the listener answers 401 to any credential, and a refused logon
        # holds the mailbox's cycles until its retry (issue 13)
        WorkloadState.update(retry_test=False, authentication_failures=0).where(
            WorkloadState.mailbox == mailbox.id
        ).execute()
        return sync_incoming(mailbox)

    run = cycle()
    assert plain.authorizations() == []
    assert_refused(run.failure, plain.url)
    alert = Alert.get(Alert.mailbox == mailbox.id)
    assert (alert.level, alert.error_code, alert.workload) == (
        AlertLevel.ERROR,
        "InsecureCredentialsRefused",
        Workload.INCOMING,
    )
    assert not Mailbox.get_by_id(mailbox.id).incoming_enabled, "a permanent failure disables the workload"

    allow_plain_credentials(True)
    cycle()
    sent = len(plain.authorizations())
    assert sent > 0, "with the setting on, the credentials go"

    allow_plain_credentials(False)  # turned off while the mailbox's connection is open and cached
    run = cycle()
    assert len(plain.authorizations()) == sent, "nothing more once the setting is off"
    assert_refused(run.failure, plain.url)


def test_the_adapter_refuses_any_authorization_scheme_over_http(store, plain):
    """requests_ntlm adds its header to a second request after the 401; Negotiate would too: the
    adapter looks at the header, whatever its scheme and whoever added it."""
    with net.session() as session:
        for value in ("Basic dXNlcjpwYXNz", "NTLM TlRMTVNTUAABAAAA", "Negotiate YIIBhwYGKwYBBQUCoIIB"):
            with pytest.raises(CredentialsNotSecure) as caught:
                session.get(plain.url, headers={"Authorization": value}, timeout=5)
            assert_refused(classify(caught.value), plain.url)
        assert session.get(plain.url, timeout=5).status_code == 401, "no credential: the request goes"
    assert len(plain.seen) == 1 and plain.authorizations() == []


def test_the_adapter_reads_the_setting_at_each_request(store, plain):
    with net.session() as session:
        allow_plain_credentials(True)
        assert session.get(plain.url, headers={"Authorization": "Basic dXNlcjpwYXNz"}, timeout=5).status_code == 401
        allow_plain_credentials(False)
        with pytest.raises(CredentialsNotSecure):
            session.get(plain.url, headers={"Authorization": "Basic dXNlcjpwYXNz"}, timeout=5)
    assert plain.authorizations() == ["Basic dXNlcjpwYXNz"]


def test_https_requests_are_not_affected(store, ews):
    with net.session() as session:
        net.trust_ca_for(ews.ews_url, str(ews.ca_path))
        response = session.post(ews.ews_url, headers={"Authorization": "Basic dXNlcjpwYXNz"}, data=b"", timeout=5)
    assert response.status_code == 401, "sent (and refused by the server for the made-up password)"


# --- an http:// address with SSL on (or https:// with SSL off) is refused, not rewritten -----------


def test_an_http_address_with_ssl_on_is_refused_before_any_traffic(setup, ews):
    account = ews.new_account("upgrade")
    profile = setup.profile("SSL but http")
    http_url = ews.ews_url.replace("https://", "http://")
    ServerProfile.update(incoming_url=http_url).where(ServerProfile.id == profile.id).execute()  # e.g. an old row
    mailbox = setup.mailbox(ServerProfile.get_by_id(profile.id), account.email)
    before = ews.stats.count(), ews.stats.unauthorized()

    report = run_mailbox_test(mailbox.id)
    assert [(s.name, s.status) for s in report.steps] == [("preconditions", RunStatus.FAILURE)]
    failure = report.steps[0].failure
    assert failure.code == "HttpAddressWithSsl" and not failure.transient
    assert http_url in failure.message and "“Use SSL”" in failure.message
    assert "https://" in failure.next_step and "allow credentials over non-SSL" in failure.next_step
    assert Alert.get(Alert.mailbox == mailbox.id).level is AlertLevel.ERROR

    Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    run = sync_incoming(mailbox)
    assert run.failure is not None and run.failure.code == "HttpAddressWithSsl"
    assert (ews.stats.count(), ews.stats.unauthorized()) == before, "not silently upgraded to https: nothing sent"


def test_an_https_address_with_ssl_off_is_refused_before_any_traffic(setup, ews):
    account = ews.new_account("downgrade")
    allow_plain_credentials(True)
    profile = setup.profile("No SSL but https", incoming_url=ews.ews_url.replace("https://", "http://"), use_ssl=False)
    ServerProfile.update(incoming_url=ews.ews_url).where(ServerProfile.id == profile.id).execute()
    mailbox = setup.mailbox(ServerProfile.get_by_id(profile.id), account.email)
    before = ews.stats.count(), ews.stats.unauthorized()

    report = run_mailbox_test(mailbox.id)
    failure = report.steps[0].failure
    assert failure.code == "HttpsAddressWithoutSsl" and not failure.transient
    assert ews.ews_url in failure.message and "“Use SSL”" in failure.message
    assert (ews.stats.count(), ews.stats.unauthorized()) == before, "not silently downgraded to http"


def test_an_http_address_from_autodiscover_is_refused_when_the_profile_wants_ssl(setup, ews):
    from app.exchange.connection import PreconditionFailed, open_account, plan_connection

    account = ews.new_account("foundhttp")
    mailbox = setup.mailbox(setup.profile("Autodiscover, SSL", auto_discover=True, incoming_url=""), account.email)
    plan = plan_connection(mailbox)
    assert plan.use_ssl and plan.ews_url is None
    with pytest.raises(PreconditionFailed) as caught:
        open_account(plan, "http://mail.contoso.com/EWS/Exchange.asmx")
    assert caught.value.failure.code == "HttpAddressWithSsl"
    assert "http://mail.contoso.com/EWS/Exchange.asmx" in caught.value.failure.message


def test_new_connections_verify_through_the_shared_context_without_reloading_the_bundle(store, ews):
    """requests hands the bundle's path to every pool; urllib3 would then load the whole bundle into
    the shared context again for each new connection. The adapter keeps verification in the context."""
    net.trust_ca_for(ews.ews_url, str(ews.ca_path))
    with net.session() as session:
        for _ in range(2):
            response = session.post(ews.ews_url, data=b"", timeout=5, headers={"Connection": "close"})
            assert response.status_code == 401
        adapter = session.get_adapter(ews.ews_url)
        pools = list(adapter.poolmanager.pools._container.values())
    assert pools and all(p.ca_certs is None and p.cert_reqs == "CERT_REQUIRED" for p in pools)
    assert all(p.conn_kw["ssl_context"].verify_mode == ssl.CERT_REQUIRED for p in pools)
    assert all(p.conn_kw["ssl_context"].check_hostname for p in pools)


def test_new_tls_connections_share_one_context_without_loading_the_bundle_again(store, ews, monkeypatch):
    """Ten connections opened at once (a profile's GetItem batches, its Test & Enable) parsed the
    whole CA bundle once each, holding the GIL: the pool's shared context holds it already."""
    import urllib3.connection

    wrapped: list[tuple[object, object, object]] = []
    original = urllib3.connection.ssl_wrap_socket

    def wrap(*args, **kwargs):
        wrapped.append((kwargs.get("ca_certs"), kwargs.get("ca_cert_dir"), kwargs.get("ssl_context")))
        return original(*args, **kwargs)

    monkeypatch.setattr(urllib3.connection, "ssl_wrap_socket", wrap)
    net.trust_ca_for(ews.ews_url, str(ews.ca_path))
    for _ in range(3):
        with net.session() as session:  # a new session each time: a new connection
            response = session.post(ews.ews_url, headers={"Authorization": "Basic dXNlcjpwYXNz"}, data=b"", timeout=5)
            assert response.status_code == 401, "verified against the trusted CA, and answered"
    assert len(wrapped) == 3
    assert {(ca_certs, ca_dir) for ca_certs, ca_dir, _ in wrapped} == {(None, None)}
    assert len({id(context) for *_, context in wrapped}) == 1
