"""An independent client: ews-javascript-api (the EWS Managed API ported to JavaScript, from npm)
against the loopback server over HTTPS, trusting the server's CA. It lists folders, sends an HTML
message with an attachment and an extended property, finds it by importance and by that property,
binds it with its MimeContent and attachment, stores a message from MIME, replies and copies, and
reads the OOF settings (tests/simulator/clients/ewsjs_check.js). The package is installed once
into pytest's cache; without node and npm the test is skipped, naming the package."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = "ews-javascript-api@0.15.3"
SCRIPT = Path(__file__).resolve().parent / "clients" / "ewsjs_check.js"


@pytest.fixture(scope="session")
def ewsjs_dir(request, tmp_path_factory):
    if not (shutil.which("node") and shutil.which("npm")):
        pytest.skip(f"{PACKAGE} (npm) needs node and npm, which this machine lacks")
    cache = getattr(request.config, "cache", None)  # pytest's cache, unless -p no:cacheprovider
    folder = Path(cache.mkdir("ews-javascript-api-0.15.3") if cache else tmp_path_factory.mktemp("ewsjs"))
    if not (folder / "node_modules" / "ews-javascript-api").is_dir():
        (folder / "package.json").write_text('{"name": "sssm-ewsjs-check", "private": true}')
        done = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", PACKAGE],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            pytest.skip(f"npm could not install {PACKAGE}: {done.stderr.strip()[:300]}")
    return folder


def test_ews_javascript_api_against_the_loopback_server(ews, ewsjs_dir):
    me = ews.new_account("ewsjs", emails=0, appointments=0, contacts=0, tasks=0)
    peer = ews.new_account("ewsjs-peer", emails=0, appointments=0, contacts=0, tasks=0)
    raw = (
        f"From: Sender <sender@example.org>\r\nTo: {me.email}\r\nSubject: mime via js\r\n"
        "Message-ID: <ewsjs-mime@example.org>\r\nDate: Mon, 06 May 2024 09:00:00 +0000\r\n\r\nbody\r\n"
    ).encode()
    env = dict(
        os.environ,
        NODE_PATH=str(ewsjs_dir / "node_modules"),
        NODE_EXTRA_CA_CERTS=str(ews.ca_path),
        EWS_URL=ews.ews_url,
        EWS_USER=me.email,
        EWS_PASSWORD=me.password,
        EWS_PEER=peer.email,
        MIME_B64=base64.b64encode(raw).decode(),
    )
    done = subprocess.run(["node", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=120)
    steps = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            steps[entry["step"]] = entry
    assert "done" in steps, done.stdout[-2000:] + done.stderr[-2000:]
    failed = {name: s["error"] for name, s in steps.items() if not s["ok"]}
    assert not failed, failed

    assert {"Inbox", "Sent Items", "Drafts", "Calendar"} <= set(steps["find_folders"]["names"])
    assert steps["find_sent_by_importance_and_property"]["subjects"] == ["From ews-javascript-api"]
    bound = steps["bind_with_mime_and_attachments"]
    assert bound["has_attachments"] is True and bound["mime_has_subject"] is True
    assert bound["attachment"] == "hello from js" and bound["marker"] == "js-1"
    assert steps["create_from_mime"] == {
        "step": "create_from_mime",
        "ok": True,
        "subject": "mime via js",
        "same_mime": True,
    }
    assert steps["reply_and_copy"]["drafts"] == ["RE: mime via js", "mime via js"]
    assert steps["oof_and_time_zones"]["state"] == "Disabled"
    received = ews.server.directory.mailbox(peer.email).distinguished["inbox"].items.values()
    assert [it.subject for it in received] == ["From ews-javascript-api"]
