"""A credential store for the app run as a command by a test (a subprocess, which the in-memory
keyring of tests/conftest.py does not reach): ``command_env()`` points keyring at it with
PYTHON_KEYRING_BACKEND, so that ``self-check`` finds a usable store on a machine that has none
(a CI runner). Passwords set in it live as long as the command, or, when the test names a file
(SSSM_TEST_KEYRING_FILE, in its temporary folder), as long as that file: then a sequence of
commands shares its passwords as they would share the operating system's store."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

TESTS = Path(__file__).resolve().parent


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.file = os.environ.get("SSSM_TEST_KEYRING_FILE")

    def _load(self) -> None:
        if self.file and os.path.exists(self.file):
            with open(self.file, encoding="utf-8") as handle:
                self.entries = {(s, u): p for s, u, p in json.load(handle)}

    def _save(self) -> None:
        if self.file:
            with open(self.file, "w", encoding="utf-8") as handle:
                json.dump([[s, u, p] for (s, u), p in self.entries.items()], handle)

    def get_password(self, service, username):
        self._load()
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self._load()
        self.entries[(service, username)] = password
        self._save()

    def delete_password(self, service, username):
        self._load()
        self.entries.pop((service, username), None)
        self._save()


def command_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """*env* (default: this process's) with this backend as keyring's, and tests/ importable."""
    env = dict(os.environ if env is None else env)
    env["PYTHON_KEYRING_BACKEND"] = "keyring_for_commands.MemoryKeyring"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), env.get("PYTHONPATH", "")) if p)
    return env
