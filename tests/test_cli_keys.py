"""``python -m app keys export | import | rotate`` and a host that lacks the data key, on a real
PostgreSQL server and the loopback Exchange server. This process is the admin's host (its
in-memory keyring gets the data key when the first password is saved); the new host is a
separate ``python -m app`` process with a credential store of its own (a file, tests/keyring_for_commands.py)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from keyring_for_commands import command_env
from store_setup import Setup

from app.cli import main
from app.paths import DATABASE_ENV
from app.store.db import open_database
from app.store.models import DataKey, Mailbox

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "a long passphrase for the key"


class NewHost:
    """Another computer: its own home and its own credential store (a file)."""

    def __init__(self, folder: Path, url: str) -> None:
        self.env = command_env(
            {k: v for k, v in os.environ.items() if not k.startswith(("SSSM_", "PYTEST_"))}
            | {"SSSM_HOME": str(folder / "home"), "SSSM_TEST_KEYRING_FILE": str(folder / "keyring.json")}
        )
        self.env["PYTHONPATH"] = os.pathsep.join([str(REPO), self.env["PYTHONPATH"]])
        self.url = url
        self.keyring = folder / "keyring.json"

    def app(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "--database", self.url, *args],
            capture_output=True,
            text=True,
            timeout=180,
            env=self.env,
            cwd=REPO,
            check=False,
        )


@pytest.fixture
def shared(pg_url, ews, tmp_path, monkeypatch):
    monkeypatch.setenv(DATABASE_ENV, pg_url)  # main(["--database", …]) sets it; restored after
    open_database(pg_url)
    setup = Setup(ews)
    account = ews.new_account("keys", emails=1, appointments=0, contacts=0, tasks=0)
    setup.mailbox(setup.profile("Fleet"), account.email)
    Mailbox.update(incoming_enabled=True).execute()
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new").mkdir()
    return pg_url, passphrase, NewHost(tmp_path / "new", pg_url)


def test_a_new_host_refuses_to_start_until_it_imports_the_key(shared, tmp_path, capsys):
    url, passphrase, host = shared
    refused = host.app("sync", "--once")
    assert refused.returncode == 2 and refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1 and "keys import" in refused.stderr, refused.stderr
    refused = host.app("run", "--host-name", "new")
    assert refused.returncode == 2 and "does not hold the data key" in refused.stderr, refused.stderr

    exported = tmp_path / "key.json"
    args = ["--database", url, "keys", "export", "--to", str(exported), "--passphrase-file", str(passphrase)]
    assert main(args) == 0
    assert "Exported the data key" in capsys.readouterr().out
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert json.loads(exported.read_text())["key_id"] == DataKey.get().key_id
    assert main(args) == 2, "an export never overwrites a file"
    assert "exists already" in capsys.readouterr().err

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    failed = host.app("keys", "import", str(exported), "--passphrase-file", str(wrong))
    assert failed.returncode == 2 and "passphrase is wrong" in failed.stderr, failed.stderr
    imported = host.app("keys", "import", str(exported), "--passphrase-file", str(passphrase))
    assert imported.returncode == 0 and "Imported the data key" in imported.stdout, imported.stderr
    assert PASSPHRASE not in imported.stdout + imported.stderr
    synced = host.app("sync", "--once")
    assert synced.returncode == 0 and "1 of 1 cycles succeeded" in synced.stdout, synced.stdout + synced.stderr

    assert main(["--database", url, "keys", "rotate"]) == 0
    assert "1 passwords sealed again" in capsys.readouterr().out
    again = host.app("sync", "--once")
    assert again.returncode == 2 and "keys import" in again.stderr, "the new host needs the new key"


def test_keys_on_an_sqlite_store_say_what_they_are_for(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    assert main(["keys", "rotate"]) == 2
    assert "shared PostgreSQL database" in capsys.readouterr().err


def test_an_export_without_a_terminal_or_passphrase_file_writes_nothing(shared, tmp_path, capsys):
    url, _passphrase, host = shared
    result = host.app("keys", "export", "--to", str(tmp_path / "key.json"))
    assert result.returncode == 2 and "--passphrase-file" in result.stderr, result.stderr
    assert not (tmp_path / "key.json").exists()
