"""Fixtures every test gets: a temporary home, an in-memory keyring, offscreen Qt.

Qt warnings fail tests (qt_log_level_fail in pyproject.toml).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import keyring
import pytest
from keyring.backend import KeyringBackend

REPO_ROOT = Path(__file__).resolve().parents[1]


class MemoryKeyring(KeyringBackend):
    """Keyring that keeps passwords in a dict: tests never touch the developer's keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


@pytest.fixture(autouse=True)
def sssm_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("SSSM_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _restore_logging():
    """Commands under test call setup_logging(); undo it so handlers don't pile up."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def _real_minutes():
    """The demo clock (app.domain.timeunit) never outlives the test that switched it on."""
    yield
    from app.domain import timeunit

    timeunit.reset()


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class MemoryRunKey:
    """The Windows Run key of app.autostart, in memory: tests never change the real registry.
    ``refuse`` makes every access fail as a locked-down registry would."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.refuse: OSError | None = None

    def read(self) -> str | None:
        if self.refuse:
            raise self.refuse
        return self.command

    def write(self, command: str) -> None:
        if self.refuse:
            raise self.refuse
        self.command = command

    def delete(self) -> None:
        if self.refuse:
            raise self.refuse
        self.command = None


@pytest.fixture(autouse=True)
def memory_run_key() -> MemoryRunKey:
    from app import autostart

    key = MemoryRunKey()
    autostart.use_run_key(key)
    yield key
    autostart.use_run_key(None)


@pytest.fixture
def store(sssm_home):
    """A fresh store (real SQLite file in the temp home), closed afterwards."""
    from app import paths
    from app.store.db import close_database, open_database

    db = open_database(paths.database_path())
    yield db
    close_database()


from ews_fixtures import *  # noqa
from postgres_fixtures import pg_url, postgres_server, private_postgres_server  # noqa: E402,F401 - a real PostgreSQL server, one per session
from store_setup import setup  # noqa: E402,F401 - store records on the loopback Exchange server (fixture)
