"""Authentication on the wire: IIS-style 401s, Basic, NTLM and Negotiate via pyspnego, over HTTPS."""

from __future__ import annotations

import base64
import http.client
import ssl
import time

import pytest
import spnego
from requests_ntlm import HttpNtlmAuth

from app.simulator.server import LoopbackExchange

GET_INBOX = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    b'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" '
    b'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">'
    b'<s:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></s:Header>'
    b"<s:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
    b'<m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder></s:Body></s:Envelope>'
)
SOAP_HEADERS = {"Content-Type": "text/xml; charset=utf-8"}


def _connection(server) -> http.client.HTTPSConnection:
    context = ssl.create_default_context(cafile=str(server.ca_path))
    return http.client.HTTPSConnection("127.0.0.1", server.port, context=context, timeout=10)


def _post(conn, authorization=None, body=GET_INBOX):
    headers = dict(SOAP_HEADERS)
    if authorization:
        headers["Authorization"] = authorization
    conn.request("POST", "/EWS/Exchange.asmx", body=body, headers=headers)
    response = conn.getresponse()
    return response, response.read()


def _basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_anonymous_request_gets_iis_challenge(ews):
    conn = _connection(ews.server)
    response, body = _post(conn)
    assert response.status == 401
    assert response.msg.get_all("WWW-Authenticate") == ["Negotiate", "NTLM", 'Basic realm="127.0.0.1"']
    assert body == b"" and response.getheader("Content-Length") == "0"
    assert response.getheader("Server") == "Microsoft-IIS/8.5"
    assert response.getheader("X-Powered-By") == "ASP.NET"
    assert response.getheader("X-FEServer")
    assert len(response.getheader("request-id")) == 36
    # the connection stays open for the handshake that follows
    response, _ = _post(conn)
    assert response.status == 401
    conn.close()


@pytest.mark.parametrize("form", ["email", "netbios", "dns_domain", "bare"])
def test_basic_accepts_every_user_name_form(ews, form):
    account = ews.new_account()
    user = account.email.partition("@")[0]
    name = {"email": account.email, "netbios": f"CONTOSO\\{user}", "dns_domain": f"contoso.com\\{user}", "bare": user}[
        form
    ]
    conn = _connection(ews.server)
    response, body = _post(conn, _basic(name, account.password))
    assert response.status != 401
    assert body.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert ews.stats.count("GetFolder", account.email) == 1


def test_basic_is_not_remembered_on_the_connection(ews):
    account = ews.new_account()
    conn = _connection(ews.server)
    assert _post(conn, _basic(account.email, account.password))[0].status != 401
    assert _post(conn)[0].status == 401


def test_wrong_password_gets_401_every_time(ews):
    account = ews.new_account()
    session = ews.requests_session()
    for _ in range(5):
        response = session.post(
            ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, "not-the-password")
        )
        assert response.status_code == 401
        assert 'Basic realm="127.0.0.1"' in response.headers["WWW-Authenticate"]
    assert ews.stats.unauthorized(account.email) == 5
    assert ews.stats.count(account=account.email) == 0
    # the right password still works afterwards: no lock-out
    ok = session.post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, account.password))
    assert ok.status_code != 401


def test_wrong_domain_is_rejected(ews):
    account = ews.new_account()
    user = account.email.partition("@")[0]
    response, _ = _post(_connection(ews.server), _basic(f"FABRIKAM\\{user}", account.password))
    assert response.status == 401


def _ntlm_handshake(server, user, password, protocol="ntlm", scheme="NTLM"):
    """Run the handshake on one connection; returns (connection, final response, ms)."""
    conn = _connection(server)
    client = spnego.client(user, password, hostname="127.0.0.1", service="HTTP", protocol=protocol)
    started = time.perf_counter()
    response, _ = _post(conn, f"{scheme} {base64.b64encode(client.step()).decode()}")
    assert response.status == 401
    offers = response.msg.get_all("WWW-Authenticate")
    challenge = next(v for v in offers if v.startswith(scheme + " "))
    token = client.step(base64.b64decode(challenge.split(" ", 1)[1]))
    response, body = _post(conn, f"{scheme} {base64.b64encode(token).decode()}")
    return conn, response, body, (time.perf_counter() - started) * 1000


@pytest.mark.parametrize("form", ["upn", "netbios"])
def test_ntlm_handshake_authenticates_the_connection(ews, form):
    account = ews.new_account()
    user = account.email if form == "upn" else "CONTOSO\\" + account.email.partition("@")[0]
    conn, response, body, ms = _ntlm_handshake(ews.server, user, account.password)
    assert response.status != 401, body
    assert response.getheader("Persistent-Auth") == "true"
    assert ms < 500
    # later requests on the same TCP connection need no Authorization header
    for _ in range(3):
        assert _post(conn)[0].status != 401
    assert ews.stats.count("GetFolder", account.email) == 4
    # ...but another connection does
    assert _post(_connection(ews.server))[0].status == 401


def test_a_password_change_ends_the_connections_logon(ews):
    """The demo's "change the password": the client's next request fails, even on a connection that
    signed in with the old password (not only its next connection)."""
    account = ews.new_account()
    conn, response, _body, _ms = _ntlm_handshake(ews.server, account.email, account.password)
    assert response.status != 401
    assert _post(conn)[0].status != 401
    ews.server.set_password(account.email, "Changed-0n-the-server")
    response, _ = _post(conn)
    assert response.status == 401
    assert response.msg.get_all("WWW-Authenticate") == ["Negotiate", "NTLM", 'Basic realm="127.0.0.1"']
    conn, response, _body, _ms = _ntlm_handshake(ews.server, account.email, "Changed-0n-the-server")
    assert response.status != 401, "the new password signs in"


def test_ntlm_challenge_looks_like_exchange(ews):
    account = ews.new_account()
    conn = _connection(ews.server)
    client = spnego.client(account.email, account.password, protocol="ntlm")
    response, body = _post(conn, "NTLM " + base64.b64encode(client.step()).decode())
    assert response.status == 401 and body == b""
    offers = response.msg.get_all("WWW-Authenticate")
    assert offers[0].startswith("NTLM TlRMTVNTUAACAAAA")  # base64 of NTLMSSP\0 + type 2
    assert offers[1:] == ["Negotiate"]


def test_ntlm_wrong_password_is_401_and_counted(ews):
    account = ews.new_account()
    for _ in range(3):
        _conn, response, _body, _ms = _ntlm_handshake(ews.server, account.email, "wrong")
        assert response.status == 401
        assert response.msg.get_all("WWW-Authenticate")[:2] == ["Negotiate", "NTLM"]
    assert ews.stats.unauthorized(account.email) == 3


def test_negotiate_wrapping_ntlm(ews):
    account = ews.new_account()
    conn, response, body, _ms = _ntlm_handshake(
        ews.server, account.email, account.password, protocol="negotiate", scheme="Negotiate"
    )
    assert response.status != 401, body
    assert _post(conn)[0].status != 401


def test_requests_ntlm_client(ews):
    account = ews.new_account()
    session = ews.requests_session()
    session.auth = HttpNtlmAuth(account.email, account.password)
    first = session.post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS)
    assert first.status_code != 401
    assert [r.status_code for r in first.history] == [401, 401]
    # the logon belongs to that TCP connection: a new session (connection) with a wrong password fails
    other = ews.requests_session()
    other.auth = HttpNtlmAuth(account.email, "wrong")
    assert other.post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS).status_code == 401


def test_password_change_applies_to_ntlm(ews):
    account = ews.new_account()
    assert _ntlm_handshake(ews.server, account.email, account.password)[1].status != 401
    ews.server.set_password(account.email, "N3w-Pass:word")
    assert _ntlm_handshake(ews.server, account.email, "Passw0rd!")[1].status == 401
    assert _ntlm_handshake(ews.server, account.email, "N3w-Pass:word")[1].status != 401


def test_two_servers_in_one_process_keep_their_own_ntlm_users(ews, tmp_path):
    email = "same.user@contoso.com"
    ews.server.add_account(email, "first-password")
    with LoopbackExchange(tmp_path / "second") as second:
        second.add_account(email, "second-password")
        assert _ntlm_handshake(ews.server, email, "first-password")[1].status != 401
        assert _ntlm_handshake(second, email, "second-password")[1].status != 401
        assert _ntlm_handshake(second, email, "first-password")[1].status == 401
        assert _ntlm_handshake(ews.server, email, "second-password")[1].status == 401


def test_unknown_user_on_this_server_is_rejected_even_if_another_server_knows_it(ews, tmp_path):
    with LoopbackExchange(tmp_path / "other") as other:
        other.add_account("only.there@contoso.com", "pw-there")
        assert _ntlm_handshake(other, "only.there@contoso.com", "pw-there")[1].status != 401
        assert _ntlm_handshake(ews.server, "only.there@contoso.com", "pw-there")[1].status == 401


def test_ntlm_handshake_speed(ews):
    account = ews.new_account()
    timings = [_ntlm_handshake(ews.server, account.email, account.password)[3] for _ in range(5)]
    print(f"NTLM handshake incl. TLS connect: median {sorted(timings)[2]:.1f} ms")
    assert sorted(timings)[2] < 200
