"""Shared by the test scripts that run the engine in a subprocess (crash tests, `run`).

The test process keeps passwords in an in-memory keyring, which a child cannot see: a child
installs ``EnvironmentKeyring``, answering with the password in ``SSSM_WORKER_PASSWORD``. Test
code only, never app code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

PASSWORD_ENV = "SSSM_WORKER_PASSWORD"
PASSWORDS_ENV = "SSSM_WORKER_PASSWORDS"  # optional JSON {"mailbox:1": "...", "profile:2:outgoing": "..."}


class EnvironmentKeyring(KeyringBackend):
    """The password of a key from ``SSSM_WORKER_PASSWORDS`` (JSON), else ``SSSM_WORKER_PASSWORD``.
    Also loadable by name (``PYTHON_KEYRING_BACKEND=worker_support.EnvironmentKeyring``) for a
    plain ``python -m app`` child."""

    priority = 1

    def get_password(self, service, username):
        import json

        by_key = json.loads(os.environ.get(PASSWORDS_ENV) or "{}")
        return by_key.get(username) or os.environ[PASSWORD_ENV]

    def set_password(self, service, username, password):
        raise NotImplementedError("read-only test keyring")

    def delete_password(self, service, username):
        raise NotImplementedError("read-only test keyring")


def install_keyring() -> None:
    keyring.set_keyring(EnvironmentKeyring())


def open_mailbox(address: str, ews_url: str, ca_file: str):
    """Open the store under SSSM_HOME and return the mailbox, or None (with a message) when the
    store's profile does not point at the server the test started."""
    install_keyring()
    from app import paths
    from app.store.db import open_database
    from app.store.models import Mailbox

    open_database(paths.database_path())
    mailbox = Mailbox.get(Mailbox.email == address)
    profile = mailbox.profile
    if (profile.incoming_url, profile.trusted_ca_path) != (ews_url, ca_file):
        print(f"the store's profile points at {profile.incoming_url}, not {ews_url}", file=sys.stderr)
        return None
    return mailbox


# --- a kill switch at a chosen point (the reliability suite's crash loop) ------------------------

KILL_AT_ENV = "SSSM_WORKER_KILL_AT"  # SIGKILL this process at its n-th event (1-based)
COUNT_ENV = "SSSM_WORKER_COUNT_EVENTS"  # "1": print "events=N" when the work is done


class EventCounter:
    """Counts the points where a crash can hurt — before each SQL statement and each commit of
    the store, and after each HTTP answer from Exchange (before the engine reads it) — and
    SIGKILLs the process at the n-th one. Test code only: it wraps the app's classes in this
    process, never the app's files."""

    def __init__(self, kill_at: int | None) -> None:
        import threading

        self.kill_at = kill_at
        self.events = 0
        self._lock = threading.Lock()

    def tick(self) -> None:
        import signal

        with self._lock:
            self.events += 1
            if self.kill_at is not None and self.events >= self.kill_at:
                sys.stdout.flush()
                os.kill(os.getpid(), signal.SIGKILL)

    def install(self) -> EventCounter:
        from app.exchange.net import SssmHTTPAdapter
        from app.store.db import LockedSqliteDatabase

        counter = self
        execute_sql, commit, send = LockedSqliteDatabase.execute_sql, LockedSqliteDatabase.commit, SssmHTTPAdapter.send

        def counted_execute_sql(self, sql, params=None):
            counter.tick()
            return execute_sql(self, sql, params)

        def counted_commit(self):
            counter.tick()
            return commit(self)

        def counted_send(self, request, *args, **kwargs):
            response = send(self, request, *args, **kwargs)
            counter.tick()  # Exchange has done what was asked; the engine has not seen the answer yet
            return response

        LockedSqliteDatabase.execute_sql = counted_execute_sql
        LockedSqliteDatabase.commit = counted_commit
        SssmHTTPAdapter.send = counted_send
        return self


def kill_switch_from_env() -> EventCounter | None:
    """The EventCounter the environment asks for (``SSSM_WORKER_KILL_AT`` or
    ``SSSM_WORKER_COUNT_EVENTS``), installed; None when it asks for neither."""
    kill_at = os.environ.get(KILL_AT_ENV)
    if not kill_at and os.environ.get(COUNT_ENV) != "1":
        return None
    return EventCounter(int(kill_at) if kill_at else None).install()
