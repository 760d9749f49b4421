"""TLS certificates, the admin API, the state file and the ``simulator`` CLI command."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from cryptography import x509
from test_transport_auth import GET_INBOX, SOAP_HEADERS

from app.simulator.server import LoopbackExchange
from app.simulator.tls import ensure_certificates

REPO = Path(__file__).resolve().parents[2]


# -- TLS --------------------------------------------------------------------------------------


def test_certificate_covers_host_names_and_is_reused(tmp_path):
    first = ensure_certificates(tmp_path, ["mail.contoso.com"])
    ca_pem, leaf_pem = first.ca_path.read_bytes(), first.cert_path.read_bytes()
    again = ensure_certificates(tmp_path, ["mail.contoso.com"])
    assert again.ca_path.read_bytes() == ca_pem and again.cert_path.read_bytes() == leaf_pem
    more = ensure_certificates(tmp_path, ["mail.contoso.com", "autodiscover.contoso.com"])
    assert more.ca_path.read_bytes() == ca_pem  # same CA, new leaf
    leaf = x509.load_pem_x509_certificates(more.cert_path.read_bytes())[0]
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert {"localhost", "mail.contoso.com", "autodiscover.contoso.com"} <= set(san.get_values_for_type(x509.DNSName))
    assert "127.0.0.1" in {str(ip) for ip in san.get_values_for_type(x509.IPAddress)}
    assert oct(first.key_path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "mail.contoso.com", "autodiscover.contoso.com"])
def test_server_certificate_verifies_for_its_names(ews, name):
    context = ssl.create_default_context(cafile=str(ews.ca_path))
    with (
        socket.create_connection(("127.0.0.1", ews.server.port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname=name) as tls,
    ):
        assert tls.version() in ("TLSv1.2", "TLSv1.3")


def test_server_certificate_is_not_trusted_without_the_ca(ews):
    context = ssl.create_default_context()
    with (
        socket.create_connection(("127.0.0.1", ews.server.port), timeout=5) as raw,
        pytest.raises(ssl.SSLCertVerificationError),
    ):
        context.wrap_socket(raw, server_hostname="127.0.0.1")
    with socket.create_connection(("127.0.0.1", ews.server.port), timeout=5) as raw:
        context = ssl.create_default_context(cafile=str(ews.ca_path))
        with pytest.raises(ssl.SSLCertVerificationError):
            context.wrap_socket(raw, server_hostname="www.example.org")


def test_plain_http_when_asked(tmp_path):
    with LoopbackExchange(tmp_path, tls=False) as server:
        server.add_account("plain@contoso.com", "pw")
        assert server.url.startswith("http://") and server.ca_path is None
        response = requests.post(server.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=("plain@contoso.com", "pw"))
        assert response.status_code == 200


# -- admin API --------------------------------------------------------------------------------


def _admin(ews, method, path, payload=None, token=True):
    headers = {"X-Admin-Token": ews.server.admin_token} if token else {}
    return ews.requests_session().request(method, ews.server.admin_url + path, json=payload, headers=headers)


def test_admin_needs_the_token(ews):
    assert _admin(ews, "GET", "/status", token=False).status_code == 401
    response = ews.requests_session().get(
        ews.server.admin_url + "/status", headers={"Authorization": "Bearer " + ews.server.admin_token}
    )
    assert response.status_code == 200 and response.json()["ews_url"] == ews.ews_url


def test_admin_accounts_seed_deliver_inspect(ews):
    email = f"admin.made.{time.monotonic_ns()}@contoso.com"
    created = _admin(ews, "POST", "/accounts", {"email": email, "password": "Adm1n!", "roles": ["impersonation"]})
    assert created.status_code == 201 and created.json()["roles"] == ["impersonation"]
    ok = ews.requests_session().post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(email, "Adm1n!"))
    assert ok.status_code == 200
    seeded = _admin(
        ews, "POST", "/seed", {"email": email, "emails": 5, "appointments": 2, "contacts": 1, "tasks": 1, "seed": 3}
    )
    assert seeded.status_code == 200
    delivered = _admin(ews, "POST", "/deliver", {"to": email, "subject": "Via admin", "body": "hi"})
    assert delivered.status_code == 201
    view = _admin(ews, "GET", f"/mailboxes/{email}?folder=inbox").json()
    assert any(item["subject"] == "Via admin" and item["id"] == delivered.json()["id"] for item in view["items"])
    assert sum(f["total"] for f in view["folders"]) >= 10
    assert _admin(ews, "GET", "/mailboxes/nobody@contoso.com").status_code == 404
    changed = _admin(ews, "POST", f"/accounts/{email}/password", {"password": "Changed1!"})
    assert changed.status_code == 200
    assert (
        ews.requests_session()
        .post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(email, "Adm1n!"))
        .status_code
        == 401
    )


def test_admin_faults_stats_version(ews):
    account = ews.new_account()
    fault = _admin(ews, "POST", "/faults", {"kind": "http503", "account": account.email, "count": 1})
    assert fault.status_code == 201
    assert [f["kind"] for f in _admin(ews, "GET", "/faults").json()] == ["http503"]
    session = ews.requests_session()
    assert (
        session.post(
            ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, account.password)
        ).status_code
        == 503
    )
    session.post(ews.ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(account.email, "bad"))
    stats = _admin(ews, "GET", "/stats").json()
    assert {"operation": "GetFolder", "account": account.email, "count": 1} in stats["requests"]
    assert {"operation": "GetFolder", "user": account.email, "count": 1} in stats["unauthorized"]
    assert _admin(ews, "POST", "/faults", {"kind": "nope"}).status_code == 400
    _admin(ews, "POST", "/faults", {"kind": "http403", "count": None})
    assert _admin(ews, "DELETE", "/faults").json() == {"removed": 1}
    assert _admin(ews, "POST", "/version", {"version": "2010"}).json() == {"server_version": "Exchange2010_SP2"}
    response = session.post(
        ews.ews_url,
        data=GET_INBOX.replace(b"Exchange2013_SP1", b"Exchange2010_SP2"),
        headers=SOAP_HEADERS,
        auth=(account.email, account.password),
    )
    assert response.headers["Server"] == "Microsoft-IIS/7.5" and b'MajorVersion="14"' in response.content
    assert _admin(ews, "DELETE", "/stats").json()["requests"] == []


def test_admin_refuses_unknown_routes(ews):
    assert _admin(ews, "GET", "/nothing-here").status_code == 404


# -- state file -------------------------------------------------------------------------------


def test_state_file_round_trip(tmp_path):
    state = tmp_path / "demo.json"
    with LoopbackExchange(tmp_path / "srv", state_file=state) as server:
        server.add_account("keep@contoso.com", "K33p!", "Keeper", roles=("impersonation",))
        item_id = server.deliver("keep@contoso.com", "Survives a restart", "body")
        ca = server.ca_path.read_bytes()
    saved = json.loads(state.read_text())
    assert [a["email"] for a in saved["accounts"]] == ["keep@contoso.com"]
    with LoopbackExchange(tmp_path / "srv", state_file=state) as again:
        account = again.directory.get("keep@contoso.com")
        assert account.password == "K33p!" and account.roles == {"impersonation"}
        inbox = again.directory.mailbox("keep@contoso.com").distinguished["inbox"]
        assert item_id in inbox.items and inbox.items[item_id].subject == "Survives a restart"
        assert again.ca_path.read_bytes() == ca  # the demo profile's trust survives too
        response = requests.post(
            again.ews_url,
            data=GET_INBOX,
            headers=SOAP_HEADERS,
            auth=("keep@contoso.com", "K33p!"),
            verify=str(again.ca_path),
        )
        assert response.status_code == 200
    assert not list(tmp_path.glob("*.tmp"))


def test_state_is_saved_while_running(tmp_path):
    state = tmp_path / "live.json"
    server = LoopbackExchange(tmp_path / "srv", state_file=state)
    server.save_interval = 0.05
    with server:
        server.add_account("live@contoso.com", "pw")
        for _ in range(40):
            if state.exists() and "live@contoso.com" in state.read_text():
                break
            time.sleep(0.05)
        assert "live@contoso.com" in state.read_text()


# -- CLI --------------------------------------------------------------------------------------


def test_cli_prints_urls_and_credentials_and_stops_cleanly(tmp_path):
    env = dict(os.environ, SSSM_HOME=str(tmp_path / "home"), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "simulator",
            "--mailboxes",
            "2",
            "--emails",
            "3",
            "--state",
            str(tmp_path / "state.json"),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Press Ctrl+C" in line:
                break
        out = "".join(lines)
        ews_url = re.search(r"EWS URL:\s+(\S+)", out).group(1)
        assert re.search(r"Autodiscover URL:\s+https://127\.0\.0\.1:\d+/autodiscover/autodiscover\.svc", out)
        ca_path = re.search(r"CA certificate:\s+(\S+)", out).group(1)
        assert re.search(r"Admin token:\s+\S{20,}", out)
        creds = re.findall(r"^\s+(\S+@contoso\.com)\s+(\S+)", out, re.M)
        assert len(creds) == 3 and any("[impersonation]" in line for line in lines)
        email, password = creds[0]
        response = requests.post(
            ews_url, data=GET_INBOX, headers=SOAP_HEADERS, auth=(email, password), verify=ca_path, timeout=10
        )
        assert response.status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=15)
    assert proc.returncode == 0, out + rest
    assert "stopped" in rest
    assert json.loads((tmp_path / "state.json").read_text())["accounts"]


def test_admin_seed_mix_and_notification_timing(ews):
    account = ews.new_account("mix")
    seeded = _admin(
        ews,
        "POST",
        "/seed",
        {"email": account.email, "emails": 40, "appointments": 0, "mix": {"html": 1.0, "large": 1}},
    )
    assert seeded.status_code == 200
    mailbox = ews.server.directory.mailbox(account.email)
    messages = [it for it in mailbox.items.values() if it.kind == "Message" and it.body_spec]
    assert messages and all(it.body_type == "HTML" for it in messages if it.size() < 5 * 1024 * 1024)
    assert sum(it.size() >= 5 * 1024 * 1024 for it in mailbox.items.values()) == 1
    timing = _admin(ews, "POST", "/notifications", {"minute": 2.5, "keepalive": 1}).json()
    assert timing == {"minute": 2.5, "keepalive": 1.0, "max_events": 50}
    assert _admin(ews, "GET", "/notifications").json()["minute"] == 2.5
