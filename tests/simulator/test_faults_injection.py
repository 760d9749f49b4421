"""Each injected fault, as a client sees it on the wire; throttling at the concurrency limit."""

from __future__ import annotations

import base64
import socket
import ssl
import threading
import xml.etree.ElementTree as ET

import pytest
import requests
from test_transport_auth import GET_INBOX, SOAP_HEADERS

E_NS = "{http://schemas.microsoft.com/exchange/services/2006/errors}"
T_NS = "{http://schemas.microsoft.com/exchange/services/2006/types}"
FIND_ITEM = GET_INBOX.replace(b"GetFolder", b"FindItem")


@pytest.fixture
def client(ews):
    account = ews.new_account()
    session = ews.requests_session()
    session.auth = (account.email, account.password)
    session.headers.update(SOAP_HEADERS)

    def post(body=GET_INBOX, **kwargs):
        return session.post(ews.ews_url, data=body, **kwargs)

    post.account = account
    return post


def _fault_code(body: bytes) -> str:
    root = ET.fromstring(body)
    return root.find(f".//{E_NS}ResponseCode").text


def test_http401_then_normal(ews, client):
    ews.faults.inject("http401", account=client.account.email)
    first = client()
    assert first.status_code == 401
    assert first.headers["WWW-Authenticate"] == 'Negotiate, NTLM, Basic realm="127.0.0.1"'
    assert first.content == b""
    assert client().status_code != 401
    assert ews.stats.unauthorized(client.account.email) == 1


def test_http403_is_the_iis_page(ews, client):
    ews.faults.inject("http403", account=client.account.email)
    response = client()
    assert response.status_code == 403
    assert response.headers["Content-Type"] == "text/html"
    assert b"403 - Forbidden: Access is denied." in response.content


def test_fault500_is_error_internal_server_error(ews, client):
    ews.faults.inject("fault500", account=client.account.email, message="Mailbox database offline.")
    response = client()
    assert response.status_code == 500
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert _fault_code(response.content) == "ErrorInternalServerError"
    assert b"Mailbox database offline." in response.content


def test_http503_is_the_http_sys_page(ews, client):
    ews.faults.inject("http503", account=client.account.email)
    response = client()
    assert response.status_code == 503
    assert response.headers["Server"] == "Microsoft-HTTPAPI/2.0"
    assert b"HTTP Error 503. The service is unavailable." in response.content
    assert response.headers["Connection"] == "close"


def test_server_busy_carries_back_off(ews, client):
    ews.faults.inject("server_busy", account=client.account.email, backoff_ms=12345)
    response = client()
    assert response.status_code == 500
    assert _fault_code(response.content) == "ErrorServerBusy"
    value = ET.fromstring(response.content).find(f".//{T_NS}Value")
    assert value.get("Name") == "BackOffMilliseconds" and value.text == "12345"


def test_delay_outlasts_a_client_timeout(ews, client):
    ews.faults.inject("delay", account=client.account.email, seconds=1.0)
    with pytest.raises(requests.exceptions.ReadTimeout):
        client(timeout=0.3)
    assert client(timeout=5).status_code != 401


def test_reset_aborts_the_connection(ews, client):
    ews.faults.inject("reset", account=client.account.email)
    with pytest.raises(requests.exceptions.ConnectionError):
        client()
    assert client().status_code != 401  # the next request is served again


def test_reset_leaves_no_error_in_the_servers_log(ews, client, caplog):
    """The demo's "Connection reset" fault: the reset is on purpose, not a server error."""
    import logging
    import time

    caplog.set_level(logging.ERROR, logger="app.simulator")
    ews.faults.inject("reset", account=client.account.email)
    with pytest.raises(requests.exceptions.ConnectionError):
        client()
    assert client().status_code != 401  # served again: the reset request's thread has ended
    time.sleep(0.2)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_reset_is_a_tcp_rst(ews):
    account = ews.new_account()
    ews.faults.inject("reset", account=account.email)
    context = ssl.create_default_context(cafile=str(ews.ca_path))
    raw = socket.create_connection(("127.0.0.1", ews.server.port), timeout=5)
    tls = context.wrap_socket(raw, server_hostname="127.0.0.1")
    auth = base64.b64encode(f"{account.email}:{account.password}".encode()).decode()
    tls.sendall(
        b"POST /EWS/Exchange.asmx HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
        b"Authorization: Basic " + auth.encode() + b"\r\nContent-Length: %d\r\n\r\n" % len(GET_INBOX) + GET_INBOX
    )
    with pytest.raises((ConnectionResetError, ssl.SSLError)):
        data = tls.recv(4096)
        assert data == b"", "no HTTP response may arrive"
        raise ConnectionResetError("closed")  # pragma: no cover - RST expected instead
    tls.close()


def test_truncated_response_is_cut_mid_body(ews, client):
    normal = client()
    ews.faults.inject("truncated", account=client.account.email, fraction=0.5)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        client()
    seen = []
    ews.add_observer(lambda path, status, headers, body: seen.append((status, headers, body)))
    ews.faults.inject("truncated", account=client.account.email, fraction=0.5)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        client()
    status, headers, body = seen[-1]
    assert status == normal.status_code and (":fault", "truncated") in headers
    assert 0 < len(body) < len(normal.content) and normal.content.startswith(body)


def test_malformed_is_not_xml(ews, client):
    ews.faults.inject("malformed", account=client.account.email)
    response = client()
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml")
    with pytest.raises(ET.ParseError):
        ET.fromstring(response.content)


def test_count_operation_and_clear(ews, client):
    email = client.account.email
    ews.faults.inject("fault500", account=email, operation="FindItem", count=2)
    client(GET_INBOX)
    assert ews.stats.faults_fired("fault500", email) == 0  # another operation: not hit
    assert [_fault_code(client(FIND_ITEM).content) for _ in range(2)] == ["ErrorInternalServerError"] * 2
    client(FIND_ITEM)
    assert ews.stats.faults_fired("fault500", email) == 2  # used up after two
    assert ews.faults.active() == []
    fault = ews.faults.inject("http503", account=client.account.email, count=None)
    assert [client().status_code for _ in range(3)] == [503, 503, 503]
    assert ews.faults.clear(id=fault.id) == 1
    assert client().status_code != 503
    assert ews.stats.faults_fired("http503", client.account.email) == 3


def test_fault_for_one_account_leaves_others_alone(ews, client):
    other = ews.new_account()
    ews.faults.inject("http503", account=other.email, count=None)
    assert client().status_code != 503


def test_unknown_fault_kind_is_refused(ews):
    with pytest.raises(ValueError):
        ews.faults.inject("explode")


def _basic_post(ews, account, results, index):
    session = ews.requests_session()
    try:
        response = session.post(
            ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, account.password), timeout=20
        )
        results[index] = (response.status_code, response.content)
    finally:
        session.close()


def test_throttled_at_27_concurrent_requests(ews):
    assert ews.server.concurrency_limit == 27
    account = ews.new_account()
    ews.faults.inject("delay", account=account.email, seconds=1.5, count=27)
    results: list = [None] * 27
    threads = [threading.Thread(target=_basic_post, args=(ews, account, results, i)) for i in range(27)]
    for t in threads:
        t.start()
    deadline = threading.Event()
    for _ in range(100):
        if ews.server.throttle.in_flight(account.email) == 27:
            break
        deadline.wait(0.05)
    assert ews.server.throttle.in_flight(account.email) == 27
    extra: list = [None]
    _basic_post(ews, account, extra, 0)
    status, body = extra[0]
    assert status == 500 and _fault_code(body) == "ErrorServerBusy"
    for t in threads:
        t.join()
    assert all(r is not None and r[0] != 401 and _fault_code_or_none(r[1]) != "ErrorServerBusy" for r in results)
    assert ews.stats.throttled(account.email) == 1
    # another account is not affected by alice's budget
    other = ews.new_account()
    _basic_post(ews, other, extra, 0)
    assert _fault_code_or_none(extra[0][1]) != "ErrorServerBusy"


def _fault_code_or_none(body: bytes):
    try:
        return _fault_code(body)
    except (ET.ParseError, AttributeError):
        return None
