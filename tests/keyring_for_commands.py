"""A credential store for the app run as a command by a test (a subprocess, which the in-memory
keyring of tests/conftest.py does not reach): ``command_env()`` points keyring at it with
PYTHON_KEYRING_BACKEND, so that ``self-check`` finds a usable store on a machine that has none
(a CI runner). Passwords set in it live as long as the command."""

from __future__ import annotations

import os
from pathlib import Path

from keyring.backend import KeyringBackend

TESTS = Path(__file__).resolve().parent


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


def command_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """*env* (default: this process's) with this backend as keyring's, and tests/ importable."""
    env = dict(os.environ if env is None else env)
    env["PYTHON_KEYRING_BACKEND"] = "keyring_for_commands.MemoryKeyring"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), env.get("PYTHONPATH", "")) if p)
    return env
