"""An independent client that lives on MIME and extended properties: DavMail, the IMAP/SMTP
gateway to Exchange over EWS (Debian package ``davmail``), in front of a loopback server. Python's
imaplib and smtplib talk to DavMail as a mail program would: LIST (FindFolder restricted on
PR_CONTAINER_CLASS), CREATE, APPEND (CreateItem with MimeContent and PR_MESSAGE_FLAGS), SEARCH,
FETCH of the very bytes appended (GetItem IncludeMimeContent), STORE of flags (extended
properties), COPY, EXPUNGE, and SMTP submission (CreateItem MimeContent SendAndSaveCopy), a
Japanese ISO-2022-JP message among them. Without DavMail or Java the test is skipped, naming
the package. Every EWS answer passes the session's schema guard."""

from __future__ import annotations

import imaplib
import shutil
import smtplib
import socket
import subprocess
import time
from pathlib import Path

import ews_fixtures
import pytest
from mime_samples import JA_SUBJECT, iso2022jp_message

from app.simulator.server import LoopbackExchange

DAVMAIL_JAR = Path("/usr/share/davmail/davmail.jar")
PASSWORD = "Passw0rd!"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"DavMail stopped with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"DavMail did not listen on {port} within {timeout} s")


@pytest.fixture(scope="module")
def gateway(tmp_path_factory, ews_server):
    java = shutil.which("java")
    if not (java and DAVMAIL_JAR.is_file()):
        pytest.skip("DavMail (Debian package davmail, with a Java runtime) is not installed: `apt-get install davmail`")
    folder = tmp_path_factory.mktemp("davmail")
    # plain HTTP on loopback: DavMail would otherwise have to be taught the loopback CA
    server = LoopbackExchange(folder / "exchange", tls=False)
    guard = ews_fixtures._schema_guard
    if guard is not None:
        server.add_observer(guard)
    for name in ("alice", "bob"):
        server.add_account(f"{name}@contoso.com", PASSWORD, name.title())
    server.start()
    imap, smtp = _free_port(), _free_port()
    properties = folder / "davmail.properties"
    properties.write_text(
        "\n".join(
            [
                "davmail.server=true",
                "davmail.mode=EWS",
                f"davmail.url={server.ews_url}",
                f"davmail.imapPort={imap}",
                f"davmail.smtpPort={smtp}",
                "davmail.caldavPort=",
                "davmail.ldapPort=",
                "davmail.popPort=",
                "davmail.bindAddress=127.0.0.1",
                "davmail.allowRemote=false",
                "davmail.disableUpdateCheck=true",
                f"davmail.logFilePath={folder / 'davmail.log'}",
                "log4j.rootLogger=WARN",
            ]
        )
        + "\n"
    )
    process = subprocess.Popen(
        [java, "-Xmx256m", "-Djava.awt.headless=true", "-jar", str(DAVMAIL_JAR), str(properties)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(imap, process)
        _wait_for(smtp, process)
        yield server, imap, smtp
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        server.stop()
        if guard is not None:
            server.remove_observer(guard)


def _login(port: int, user: str) -> imaplib.IMAP4:
    client = imaplib.IMAP4("127.0.0.1", port)
    assert client.login(f"{user}@contoso.com", PASSWORD)[0] == "OK"
    return client


def test_imap_through_davmail(gateway):
    server, imap, _ = gateway
    client = _login(imap, "alice")
    try:
        typ, listed = client.list()
        assert typ == "OK"
        names = {line.decode().rsplit('"/" ', 1)[1].strip('"') for line in listed}
        assert {"INBOX", "Sent", "Drafts", "Trash"} <= names and "Calendar" not in names
        assert client.create("Projects")[0] == "OK"

        raw = iso2022jp_message("suzuki@example.jp", "alice@contoso.com", msgid="<davmail-append@example.jp>")
        assert client.append("INBOX", None, None, raw)[0] == "OK"
        assert client.select("INBOX") == ("OK", [b"1"])
        typ, data = client.uid("FETCH", "1:*", "(BODY.PEEK[])")
        fetched = [part[1] for part in data if isinstance(part, tuple)]
        assert fetched == [raw], "the appended bytes come back unchanged"
        assert client.uid("SEARCH", None, "UNSEEN")[1] != [b""]

        assert client.uid("STORE", "1:*", "+FLAGS", r"(\Seen \Flagged)")[0] == "OK"
        assert client.uid("SEARCH", None, "UNSEEN")[1] == [b""]
        inbox = server.directory.mailbox("alice@contoso.com").distinguished["inbox"]
        (stored,) = inbox.items.values()
        assert stored.is_read and stored.subject == JA_SUBJECT

        assert client.uid("COPY", "1:*", "Projects")[0] == "OK"
        assert client.select("Projects") == ("OK", [b"1"])
        client.store("1", "+FLAGS", r"(\Deleted)")
        client.expunge()
        assert client.select("Projects") == ("OK", [b"0"])
    finally:
        client.logout()


def test_smtp_through_davmail_delivers_mime_and_reports_unknown_recipients(gateway):
    server, imap, smtp = gateway
    raw = iso2022jp_message("alice@contoso.com", "bob@contoso.com", msgid="<davmail-smtp@contoso.com>")
    with smtplib.SMTP("127.0.0.1", smtp) as submission:
        submission.login("alice@contoso.com", PASSWORD)
        refused = submission.sendmail("alice@contoso.com", ["bob@contoso.com", "ghost@contoso.com"], raw)
    assert refused == {}
    bob_inbox = server.directory.mailbox("bob@contoso.com").distinguished["inbox"].items.values()
    assert [it.msgid for it in bob_inbox] == ["<davmail-smtp@contoso.com>"]
    (received,) = bob_inbox
    assert (
        received.subject == JA_SUBJECT and received.get("mime").rstrip() == raw.rstrip()
    )  # DavMail drops the last CRLF

    client = _login(imap, "alice")
    try:
        client.select("INBOX")
        typ, data = client.search(None, '(SUBJECT "Undeliverable")')
        assert typ == "OK" and data != [b""], "the non-delivery report for ghost@ reached the sender"
    finally:
        client.logout()
