"""Passwords live in the credential store and nowhere else (docs/reliability.md, "Secrets").

One test runs every path that touches a password — saving profiles and mailboxes
(app/store/repo.py), Test & Enable passing and failing with NTLM and with Basic, profile
credentials with a separate outgoing account, a sync cycle of every workload, the profile export,
the alerts CSV export and the mailbox details download (the window's own writers), verbose logs
(``python -m app -v …``), the command line's JSON outputs and errors, the store command's backups —
then searches every file under SSSM_HOME (store, WAL, backups, logs, exports) and every captured
stdout and stderr for each password: as it is, in UTF-16-LE, as base64 of ``user:password``
(Basic), as base64 of the password at any alignment and of its UTF-16-LE form, and as hex of its
UTF-16-LE form (what an NTLM implementation handles; the NT hash and NTLMv2 answers themselves
cannot be searched for). A planted needle in each form must be found first, so the search can fail.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from reliability_support import figure

from app import secrets
from app.cli import main
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AuthProtocol, CredentialSource, RunStatus
from app.log import setup_logging
from app.store import repo
from app.store.models import Mailbox, ServerProfile
from app.sync.outgoing import queue_email
from app.sync.scheduler import Scheduler

REPO_ROOT = Path(__file__).resolve().parents[2]

# Each password once, distinctive enough that a hit is a leak, not a coincidence.
NTLM_PASSWORD = "Rel-ntlm-7Qz2-mailbox!"
BASIC_PASSWORD = "Rel-basic-4Kw9-mailbox#"
WRONG_NTLM = "Rel-wrong-ntlm-8Jd3$"
WRONG_BASIC = "Rel-wrong-basic-2Hs6%"
SERVICE_PASSWORD = "Rel-profile-in-5Tg1&"
OUTGOING_PASSWORD = "Rel-profile-out-9Lp4*"
CANARY = "Rel-canary-3Vb8(planted)"


def base64_any_alignment(data: bytes) -> list[bytes]:
    """The base64 characters that encode *data* wherever it sits in a longer encoded blob."""
    found = []
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + data)
        start = -(-offset * 4 // 3)
        end = (offset + len(data)) // 3 * 4
        found.append(encoded[start:end])
    return found


def forms(password: str, users: list[str]) -> dict[str, bytes]:
    """Every shape of *password* the search looks for."""
    utf16 = password.encode("utf-16-le")
    shapes = {
        "plain": password.encode(),
        "UTF-16-LE": utf16,
        "hex of UTF-16-LE": utf16.hex().encode(),
        "HEX of UTF-16-LE": utf16.hex().upper().encode(),
        "base64 of UTF-16-LE": base64.b64encode(utf16),
    }
    for n, chunk in enumerate(base64_any_alignment(password.encode())):
        shapes[f"base64 (alignment {n})"] = chunk
    for user in users:
        shapes[f"Basic base64 of {user}:password"] = base64.b64encode(f"{user}:{password}".encode())
    return shapes


def search(
    home: Path, outputs: dict[str, str], passwords: dict[str, list[str]], snapshots: dict[str, bytes] | None = None
) -> list[str]:
    """Where any form of any password occurs: "<password> as <form> in <file or output>"."""
    places = {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}
    places.update({f"output of {name}": text.encode("utf-8") for name, text in outputs.items()})
    places.update(snapshots or {})
    hits = []
    for password, users in passwords.items():
        for form, needle in forms(password, users).items():
            hits += [f"{password} as {form} in {place}" for place, data in places.items() if needle in data]
    return hits


class WalSnapshots(dict):
    """Copies of the store's write-ahead log while it exists (SQLite removes it when the last
    connection closes, so the final search may not see it)."""

    def take(self, moment: str, home: Path) -> None:
        wal = home / "data" / "sssm.sqlite3-wal"
        if wal.is_file() and wal.stat().st_size:
            self[f"sssm.sqlite3-wal {moment}"] = wal.read_bytes()


class Outputs(dict):
    """Every stdout and stderr this test captured, by what produced it."""

    def run_app(self, name: str, home: Path, passwords: dict[str, str], *args: str) -> subprocess.CompletedProcess:
        path = os.pathsep.join([str(REPO_ROOT), str(REPO_ROOT / "tests" / "sync")])
        env = dict(
            os.environ,
            SSSM_HOME=str(home),
            PYTHONPATH=path,
            SSSM_WORKER_PASSWORD="unused",
            SSSM_WORKER_PASSWORDS=json.dumps(passwords),
            PYTHON_KEYRING_BACKEND="worker_support.EnvironmentKeyring",
        )
        result = subprocess.run(
            [sys.executable, "-m", "app", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        self[f"{name} (stdout)"], self[f"{name} (stderr)"] = result.stdout, result.stderr
        return result

    def capture(self, name: str, capsys) -> str:
        captured = capsys.readouterr()
        self[f"{name} (stdout)"], self[f"{name} (stderr)"] = captured.out, captured.err
        return captured.out


def test_no_password_leaves_the_credential_store(setup, ews, sssm_home, memory_keyring, qtbot, capsys, tmp_path):
    setup_logging(logging.DEBUG)  # in this process too, as `-v` does (the conftest removes the handler)
    outputs, wal = Outputs(), WalSnapshots()
    exports = sssm_home / "exports"
    exports.mkdir(parents=True, exist_ok=True)

    # accounts on the server; profiles and mailboxes saved through app.store.repo -----------------
    ntlm_user = ews.new_account("secntlm", password=NTLM_PASSWORD)
    basic_user = ews.new_account("secbasic", password=BASIC_PASSWORD)
    wrong_ntlm, wrong_basic = ews.new_account("secwrongn"), ews.new_account("secwrongb")
    service = ews.new_account("secsvc", password=SERVICE_PASSWORD, roles=("impersonation",))
    sender = ews.new_account("secout", password=OUTGOING_PASSWORD, roles=("impersonation",))
    target = ews.new_account("sectarget")

    ntlm = setup.profile("Secrets NTLM", auth_protocol=AuthProtocol.NTLM)
    basic = setup.profile("Secrets Basic", auth_protocol=AuthProtocol.BASIC)
    shared = repo.save_profile(
        replace(
            repo.profile_settings(setup.profile("Secrets profile credentials")),
            credential_source=CredentialSource.PROFILE,
            username=service.email,
            use_impersonation=True,
            outgoing_same_as_incoming=False,
            outgoing_url=ews.ews_url,
            outgoing_port=ews.server.port,
            outgoing_credential_source=CredentialSource.PROFILE,
            outgoing_username=sender.email,
            outgoing_auth_protocol=AuthProtocol.BASIC,
        ),
        profile=ServerProfile.get(ServerProfile.name == "Secrets profile credentials"),
        password=SERVICE_PASSWORD,
        outgoing_password=OUTGOING_PASSWORD,
    )
    mailboxes = {
        "ntlm": setup.mailbox(ntlm, ntlm_user.email, password=NTLM_PASSWORD),
        "basic": setup.mailbox(basic, basic_user.email, password=BASIC_PASSWORD),
        "wrong ntlm": setup.mailbox(ntlm, wrong_ntlm.email, password=WRONG_NTLM),
        "wrong basic": setup.mailbox(basic, wrong_basic.email, password=WRONG_BASIC),
        "profile credentials": setup.mailbox(shared, target.email, password=None),
    }
    passwords = {  # the password -> the user names it goes with (for Basic's base64)
        NTLM_PASSWORD: [ntlm_user.email],
        BASIC_PASSWORD: [basic_user.email],
        WRONG_NTLM: [wrong_ntlm.email],
        WRONG_BASIC: [wrong_basic.email],
        SERVICE_PASSWORD: [service.email],
        OUTGOING_PASSWORD: [sender.email],
    }
    assert set(memory_keyring.entries.values()) == set(passwords), "every password went to the credential store"
    keyring_entries = {key: value for (_service, key), value in memory_keyring.entries.items()}

    # Test & Enable, passing and failing, NTLM and Basic, profile credentials --------------------
    wal.take("after saving", sssm_home)
    statuses = {name: run_mailbox_test(mailbox.id).status for name, mailbox in mailboxes.items()}
    wal.take("after Test & Enable", sssm_home)
    assert statuses == {
        "ntlm": RunStatus.SUCCESS,
        "basic": RunStatus.SUCCESS,
        "wrong ntlm": RunStatus.FAILURE,
        "wrong basic": RunStatus.FAILURE,
        "profile credentials": RunStatus.SUCCESS,
    }

    # a sync cycle of every workload the tests enabled (an email to send included) -----------------
    queue_email(setup.user, basic_user.email, "Secrets", "Sent through the NTLM mailbox.")
    results = Scheduler().run_once()
    assert results and all(r.failure is None for r in results), [r.summary() for r in results]
    wal.take("after the sync cycle", sssm_home)

    # the window's writers: profile export, alerts CSV, mailbox details ---------------------------
    from app.gui.widgets.alerts_pane import AlertsPane
    from app.gui.windows.mailbox_editor import MailboxEditor
    from app.gui.windows.profile_form import ProfileForm

    for profile in (ntlm, basic, shared):
        form = ProfileForm(profile.id)
        qtbot.addWidget(form)
        form.write_export(str(exports / f"profile-{profile.id}.json"))
    pane = AlertsPane()
    qtbot.addWidget(pane)
    pane.refresh()
    pane.write_csv(str(exports / "alerts.csv"))
    assert "Unauthorized" in (exports / "alerts.csv").read_text(encoding="utf-8-sig"), "the failures are in it"
    for mailbox in mailboxes.values():
        editor = MailboxEditor(mailbox.id)
        qtbot.addWidget(editor)
        editor.write_details(str(exports / f"mailbox-{mailbox.id}.txt"))

    # the command line, in this process (JSON) and as `python -m app -v …` ------------------------
    capsys.readouterr()
    assert main(["test-mailbox", ntlm_user.email, "--json"]) == 0
    assert json.loads(outputs.capture("test-mailbox --json", capsys))["status"] == "success"
    assert main(["test-profile", basic.name, "--json"]) == 1
    outputs.capture("test-profile --json", capsys)
    assert main(["test-mailbox", "nobody@contoso.com", "--json"]) == 2
    assert json.loads(outputs.capture("test-mailbox --json (unknown)", capsys))["code"] == "UnknownMailbox"

    runs = [
        ("-v test-mailbox ntlm", 0, ["-v", "test-mailbox", ntlm_user.email]),
        ("-v test-mailbox basic --json", 0, ["-v", "test-mailbox", basic_user.email, "--json"]),
        ("-v test-mailbox wrong ntlm --json", 1, ["-v", "test-mailbox", wrong_ntlm.email, "--json"]),
        ("-v test-mailbox wrong basic", 1, ["-v", "test-mailbox", wrong_basic.email]),
        ("-v test-profile profile credentials --json", 0, ["-v", "test-profile", shared.name, "--json"]),
        ("-v sync --once", 0, ["-v", "sync", "--once"]),
        ("store backup", 0, ["store", "backup"]),
        ("store backups", 0, ["store", "backups"]),
    ]
    for name, expected, args in runs:
        result = outputs.run_app(name, sssm_home, keyring_entries, *args)
        assert result.returncode == expected, f"{name}: {result.stdout}\n{result.stderr[-3000:]}"
        wal.take(f"after {name}", sssm_home)
    assert list((sssm_home / "data" / "backups").glob("*.bak")), "a backup was taken"
    assert (sssm_home / "logs" / "sssm.log").stat().st_size > 0
    assert "DEBUG" in (sssm_home / "logs" / "sssm.log").read_text(encoding="utf-8"), "verbose logs were written"
    for handler in logging.getLogger().handlers:
        handler.flush()

    # the search can fail: a planted needle in every form is found --------------------------------
    planted = sssm_home / "planted"
    planted.mkdir()
    canary_forms = forms(CANARY, ["planted@contoso.com"])
    for n, needle in enumerate(canary_forms.values()):
        (planted / f"{n}.bin").write_bytes(b"before " + needle + b" after")
    found = set(search(sssm_home, {"planted": f"x {CANARY} y"}, {CANARY: ["planted@contoso.com"]}))
    wanted = {f"{CANARY} as {form} in planted/{n}.bin" for n, form in enumerate(canary_forms)}
    assert wanted | {f"{CANARY} as plain in output of planted"} <= found, sorted(wanted - found)
    for path in planted.iterdir():
        path.unlink()
    planted.rmdir()

    # the search itself ----------------------------------------------------------------------------
    written = [p for p in sssm_home.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    assert {"sssm.sqlite3", "sssm.log", "alerts.csv"} <= names, sorted(names)
    assert wal, "the write-ahead log was searched while it existed"
    hits = search(sssm_home, outputs, passwords, wal)
    shapes = sum(len(forms(password, users)) for password, users in passwords.items())
    figure(
        f"secrets: {len(passwords)} passwords in {shapes} forms searched in {len(written)} files under SSSM_HOME, "
        f"{len(wal)} snapshots of the WAL and {len(outputs)} captured outputs: {len(hits)} found"
    )
    assert hits == [], "\n".join(hits)
    assert secrets.get_password(secrets.mailbox_key(mailboxes["ntlm"].id)) == NTLM_PASSWORD, "still in the keyring"
    assert Mailbox.select().count() == len(mailboxes)


def test_no_password_leaves_the_sealed_store_of_a_shared_database(
    pg_url, postgres_server, ews, sssm_home, memory_keyring, capsys, monkeypatch, tmp_path
):
    """The same search on a shared PostgreSQL database, whose passwords are sealed in it
    (app.store.secret_vault): the keyring holds only the data key; the server's files (tables,
    write-ahead log, its log), SSSM_HOME (logs, the key export), and every output hold no password."""
    from store_setup import Setup

    from app.paths import DATABASE_ENV
    from app.store.db import open_database
    from app.store.models import SystemUser

    monkeypatch.setenv(DATABASE_ENV, pg_url)
    open_database(pg_url)
    setup_logging(logging.DEBUG)
    setup, outputs = Setup(ews), Outputs()
    ntlm_user = ews.new_account("pgsecntlm", password=NTLM_PASSWORD)
    wrong_basic = ews.new_account("pgsecwrongb")
    service = ews.new_account("pgsecsvc", password=SERVICE_PASSWORD, roles=("impersonation",))
    target = ews.new_account("pgsectarget")
    shared = setup.profile(
        "Sealed profile credentials",
        credential_source=CredentialSource.PROFILE,
        username=service.email,
        use_impersonation=True,
        password=SERVICE_PASSWORD,
    )
    repo.save_profile(repo.profile_settings(shared), profile=shared, outgoing_password=OUTGOING_PASSWORD)
    mailboxes = {
        "ntlm": setup.mailbox(setup.profile("Sealed NTLM", auth_protocol=AuthProtocol.NTLM), ntlm_user.email),
        "wrong basic": setup.mailbox(
            setup.profile("Sealed Basic", auth_protocol=AuthProtocol.BASIC), wrong_basic.email, password=WRONG_BASIC
        ),
        "profile credentials": setup.mailbox(shared, target.email, password=None),
    }
    secrets.set_password(secrets.mailbox_key(mailboxes["ntlm"].id), NTLM_PASSWORD)
    passwords = {
        NTLM_PASSWORD: [ntlm_user.email],
        WRONG_BASIC: [wrong_basic.email],
        SERVICE_PASSWORD: [service.email],
        OUTGOING_PASSWORD: [],
    }
    assert all(name.startswith("datakey:") for (_s, name) in memory_keyring.entries), "only the data key"

    statuses = {name: run_mailbox_test(mailbox.id).status for name, mailbox in mailboxes.items()}
    assert statuses == {
        "ntlm": RunStatus.SUCCESS,
        "wrong basic": RunStatus.FAILURE,
        "profile credentials": RunStatus.SUCCESS,
    }
    results = Scheduler().run_once()
    assert results and all(r.failure is None for r in results), [r.summary() for r in results]

    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("the passphrase of the key export\n", encoding="utf-8")
    (sssm_home / "exports").mkdir(parents=True, exist_ok=True)
    capsys.readouterr()
    export = ["keys", "export", "--to", str(sssm_home / "exports" / "key.json"), "--passphrase-file", str(passphrase)]
    for name, args in (("keys export", export), ("keys rotate", ["keys", "rotate"]), ("status", ["status", "--json"])):
        assert main(args) == 0, name
        outputs.capture(name, capsys)
    keyring_entries = {key: value for (_service, key), value in memory_keyring.entries.items()}
    assert len(keyring_entries) == 1, "the rotated key only"
    for name, args in (
        ("-v sync --once (shared)", ["-v", "sync", "--once"]),
        ("-v test-mailbox ntlm (shared)", ["-v", "test-mailbox", ntlm_user.email, "--json"]),
    ):
        result = outputs.run_app(name, sssm_home, keyring_entries, *args)
        assert result.returncode == 0, f"{name}: {result.stdout}\n{result.stderr[-3000:]}"
    for handler in logging.getLogger().handlers:
        handler.flush()

    # the server's files: a planted name is found there, so the search can fail
    SystemUser.create(name=CANARY, email="planted@contoso.com")
    postgres_server.sql("CHECKPOINT")
    server_files = postgres_server.data.parent
    planted = search(server_files, {}, {CANARY: []})
    assert any(f"{CANARY} as plain in data/" in hit for hit in planted), planted

    hits = search(sssm_home, outputs, passwords) + search(server_files, {}, passwords)
    figure(
        f"secrets (shared database): {len(passwords)} passwords searched in the PostgreSQL server's "
        f"{sum(1 for p in server_files.rglob('*') if p.is_file())} files, SSSM_HOME and {len(outputs)} outputs: "
        f"{len(hits)} found"
    )
    assert hits == [], "\n".join(hits)
    assert secrets.get_password(secrets.mailbox_key(mailboxes["ntlm"].id)) == NTLM_PASSWORD, "sealed, and opens"
