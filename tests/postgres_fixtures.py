"""A real PostgreSQL server for the tests of the shared-database mode (app.store.backends).

``postgres_server`` (session): Debian's postgresql package — ``initdb`` in a temporary folder,
``pg_ctl start`` on a free loopback port, trust authentication, stopped afterwards. PostgreSQL
refuses to run as root: as root, the cluster belongs to the ``postgres`` user (or ``nobody``) and
every server command runs as that user. ``pg_url`` (per test): a new, empty database on it.

Without the server's programs (or the psycopg driver) the tests fail with what to install when SSSM_REQUIRE_POSTGRES is
set (``.ci/run`` sets it), and are skipped saying what to install otherwise; they never pass.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

INSTALL = "apt-get install postgresql (Debian's PostgreSQL server: initdb, pg_ctl)"
DRIVER_INSTALL = "pip install -e '.[test]' (psycopg, also in the [postgres] extra)"


def server_bin() -> Path | None:
    """The folder of initdb and pg_ctl: Debian keeps them under /usr/lib/postgresql/<major>/bin."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _missing(reason: str, install: str = INSTALL) -> None:
    message = f"PostgreSQL not available ({reason}); install it: {install}"
    if os.environ.get("SSSM_REQUIRE_POSTGRES"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_driver() -> ModuleType:
    """The psycopg module (the ``[postgres]`` extra, in ``[test]`` too), within a test: skipped or
    failed as above without it (never at import, where a failure would stop the whole run)."""
    try:
        import psycopg
    except ImportError:
        _missing("the psycopg driver is missing", DRIVER_INSTALL)
        raise
    return psycopg


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    port: int
    data: Path
    as_user: Callable[[list[str]], list[str]]
    bin: Path
    options: str = ""

    def url(self, name: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = self.as_user([str(self.bin / "pg_ctl"), "-D", str(self.data), *args])
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> None:
        log = self.data.parent / "server.log"
        started = self.ctl("-o", self.options, "-l", str(log), "-w", "-t", "60", "start")
        assert started.returncode == 0, started.stderr + log.read_text(errors="replace")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: ``fast`` ends every client's connection (a database lost mid-run)."""
        stopped = self.ctl("-m", mode, "-w", "stop")
        assert stopped.returncode == 0, stopped.stderr


def start_server() -> PostgresServer:
    """initdb in a new temporary folder, then pg_ctl start on a free loopback port."""
    require_driver()
    folder = server_bin()
    if folder is None:
        _missing("initdb not found")
    assert folder is not None
    root = Path(tempfile.mkdtemp(prefix="sssm-pg-"))
    data = root / "data"
    if os.geteuid() == 0:  # PostgreSQL refuses root: run it as an unprivileged user
        user = next((u for u in ("postgres", "nobody") if _has_user(u)), None)
        if user is None:
            _missing("no unprivileged user to run it as")
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
        root.chmod(0o755)

        def as_user(command: list[str]) -> list[str]:
            return ["runuser", "-u", str(user), "--", *command]
    else:

        def as_user(command: list[str]) -> list[str]:
            return command

    init = subprocess.run(
        as_user([str(folder / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=300 -c full_page_writes=off"
    server = PostgresServer(port, data, as_user, folder, options)
    server.start()
    return server


def remove_server(server: PostgresServer) -> None:
    server.ctl("-m", "immediate", "-w", "stop")
    shutil.rmtree(server.data.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = start_server()
    try:
        yield server
    finally:
        remove_server(server)


@pytest.fixture
def private_postgres_server() -> Iterator[PostgresServer]:
    """A server of this test's own, which it may stop and start (the session's is everyone's)."""
    server = start_server()
    try:
        yield server
    finally:
        remove_server(server)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture
def pg_url(postgres_server) -> Iterator[str]:
    """A new, empty database on the test server; the store is closed and the database dropped after."""
    name = f"sssm_{uuid.uuid4().hex[:12]}"
    postgres_server.sql(f'CREATE DATABASE "{name}"')
    yield postgres_server.url(name)
    from app.store.db import close_database

    close_database()
    postgres_server.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
