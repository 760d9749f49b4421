"""Configuration import at scale (``python -m app config import``): 100 against 1,000 mailboxes. Not a test.

Each size is imported into a fresh, empty store (a temporary home; an in-memory keyring): the
whole path — parse, check every record, plan, one transaction — as ``config import`` runs it.
Printed: seconds for each size (best of --repeat), and the ratio 1,000 / 100 (the issue's bound:
under 10×, and under 5 s for 1,000 mailboxes).

    python bench/config_import.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def document(mailboxes: int) -> str:
    from app.domain import config_document

    users = [
        {
            "name": f"User {n}",
            "email": f"user{n}@contoso.com",
            "active": True,
            "options": {
                "tracking_option": "responses",
                "appointment_conflict_policy": "most_recent",
                "contact_conflict_policy": "most_recent",
                "task_conflict_policy": "most_recent",
            },
            "filters": [
                {
                    "record_type": "appointment",
                    "name": "My Appointments",
                    "is_default": True,
                    "active": True,
                    "criteria": [{"field": "owner", "operator": "current_user", "value": ""}],
                }
            ],
        }
        for n in range(mailboxes)
    ]
    profile = {
        "name": "Contoso",
        "description": "",
        "server_type": "exchange_server",
        "auto_discover": False,
        "incoming_url": "https://mail.contoso.com/EWS/Exchange.asmx",
        "credential_source": "profile",
        "username": "svc@contoso.com",
        "use_impersonation": True,
        "auth_protocol": "auto",
        "incoming_port": 443,
        "use_ssl": True,
        "outgoing_same_as_incoming": True,
        "outgoing_url": "",
        "outgoing_credential_source": "user_or_queue",
        "outgoing_username": "",
        "outgoing_auth_protocol": "auto",
        "outgoing_port": 443,
        "trusted_ca_path": "",
        "move_failed_to_undeliverable": False,
        "process_email_from": "2026-01-01T00:00:00+00:00",
        "max_connections": 10,
        "min_polling_minutes": 0,
        "timeout_seconds": 60,
        "alert_when_most_fail": False,
    }
    boxes = [
        {
            "name": f"User {n}",
            "email": f"user{n}@contoso.com",
            "owner": {"user": f"user{n}@contoso.com"},
            "profile": "Contoso",
            "approval": "approved",
            "incoming_method": "server_side",
            "outgoing_method": "server_side",
            "act_method": "server_side",
            "allow_credentials": False,
            "username": "",
            "delete_after_processing": False,
            "active": True,
        }
        for n in range(mailboxes)
    ]
    return json.dumps(
        {
            "format": config_document.FORMAT,
            "version": config_document.VERSION,
            "profiles": [profile],
            "users": users,
            "mailboxes": boxes,
        }
    )


def import_once(text: str, secrets_text: str) -> float:
    from app import paths
    from app.cli import main
    from app.store.db import close_database

    with tempfile.TemporaryDirectory() as home:
        os.environ["SSSM_HOME"] = home
        folder = Path(home)
        (folder / "config.json").write_text(text, encoding="utf-8")
        (folder / "secrets.json").write_text(secrets_text, encoding="utf-8")
        from app.store.db import open_database

        open_database(paths.database_path())  # the empty store exists before the clock starts
        start = time.perf_counter()
        code = main(["config", "import", str(folder / "config.json"), "--secrets", str(folder / "secrets.json")])
        elapsed = time.perf_counter() - start
        close_database()
        if code != 0:
            raise SystemExit(f"import failed with exit code {code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.values: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    keyring.set_keyring(Memory())
    import io
    from contextlib import redirect_stdout

    secrets_text = json.dumps({"profiles": {"Contoso": {"password": "bench-only"}}})
    times = {}
    for size in (100, 1000):
        text = document(size)
        with redirect_stdout(io.StringIO()):
            times[size] = min(import_once(text, secrets_text) for _ in range(args.repeat))
    print(f"config import, 100 mailboxes (baseline): {times[100]:.3f} s")
    print(f"config import, 1,000 mailboxes: {times[1000]:.3f} s = {times[1000] / times[100]:.1f}× the baseline")


if __name__ == "__main__":
    main()
