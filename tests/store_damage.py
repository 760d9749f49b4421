"""Ways a store file goes bad, made for real on disk (shared by the store, command-line and
window tests). Each maker gets the store's path (its folder exists) and breaks it; ``CASES``
names them with the problem the app must report (a ``StoreProblem`` name: this module does not
import it, so the command-line tests also run against an app without it)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path


def healthy(path: Path) -> None:
    """A real store with a few rows (several pages), closed."""
    from app.store import repo
    from app.store.db import close_database, open_database

    open_database(path)
    try:
        user = repo.create_user("Alice", "alice@contoso.com", is_current=True)
        for n in range(30):
            repo.create_user(f"User {n}", f"user{n}@contoso.com")
        assert user.id
    finally:
        close_database()


def garbage(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def truncated(path: Path) -> None:
    healthy(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def folder(path: Path) -> None:
    path.mkdir()
    (path / "something.txt").write_text("a folder where the store should be")


def negative_version(path: Path) -> None:
    healthy(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = -1")
    conn.close()


def version_without_tables(path: Path) -> None:
    from app.store.db import SCHEMA_VERSION

    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.close()


def foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


CASES = {  # name: (maker, the problem reported)
    "garbage": (garbage, "NOT_A_DATABASE"),
    "truncated": (truncated, "DAMAGED"),
    "folder": (folder, "NOT_A_FILE"),
    "user_version_-1": (negative_version, "BAD_SCHEMA"),
    "version_without_tables": (version_without_tables, "BAD_SCHEMA"),
    "foreign_sqlite_file": (foreign, "NOT_A_DATABASE"),
}


def unprivileged_prefix() -> list[str] | None:
    """A command prefix that drops root's power to write anywhere ([] when not root), or None
    when that is not possible here: read-only folders only bind an unprivileged user."""
    if sys.platform == "win32":
        return None
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def open_to_all(path: Path) -> None:
    """Let an unprivileged child reach *path*: every folder above it searchable."""
    for parent in [path, *path.parents]:
        if str(parent) in ("/", "/tmp"):
            break
        parent.chmod(parent.stat().st_mode | 0o755)


def run_as_unprivileged(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    prefix = unprivileged_prefix()
    assert prefix is not None
    return subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120, env=env, cwd=cwd, check=False)
