"""A store that cannot be used is one classified StoreError: the problem, the file, a message and
a next step on one line — for every way a real file on disk goes bad."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from store_damage import CASES, healthy, open_to_all, unprivileged_prefix

from app.store.db import (
    BUSY_TIMEOUT_MS,
    LockedSqliteDatabase,
    StoreError,
    StoreProblem,
    check_store,
    close_database,
    open_database,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("case", list(CASES))
def test_each_damage_is_one_classified_error_naming_the_file(tmp_path, case):
    make, problem_name = CASES[case]
    problem = StoreProblem[problem_name]
    path = tmp_path / "data" / "sssm.sqlite3"
    path.parent.mkdir()
    make(path)
    with pytest.raises(StoreError) as caught:
        open_database(path)
    close_database()
    error = caught.value
    assert error.problem is problem, str(error)
    assert error.path == path and str(path) in str(error)
    assert "\n" not in str(error) and error.next_step and error.next_step in str(error)
    assert error.code == f"Store{problem.value}"
    assert error.restorable, "a backup is the way out"
    assert check_store(path) is not None and check_store(path).problem is problem, "found without opening"


def test_the_damaged_file_is_left_as_it_was(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    CASES["truncated"][0](path)
    before = path.read_bytes()
    with pytest.raises(StoreError):
        open_database(path)
    close_database()
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir()), (
        "a damaged store never becomes a backup"
    )


def test_damage_found_only_by_the_integrity_check_fails_the_daily_backup(tmp_path):
    """A page scrambled in the middle: the header is fine, SQLite opens it; the day's backup
    checks the copy and refuses it, so the damage is reported and no good backup rotates out."""
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'system_user'").fetchone()[0]
    conn.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\x0d" + b"\xff" * 64)  # a leaf page header with nonsense cell counts and offsets
    with pytest.raises(StoreError) as caught:
        open_database(path)
    close_database()
    assert caught.value.problem is StoreProblem.DAMAGED
    assert not list((tmp_path / "backups").glob("*.bak"))


def test_a_store_busy_in_another_process_is_classified_at_run_time(tmp_path):
    """Another program holds the write lock longer than the busy timeout: a write fails as
    StoreError(BUSY) — a classified failure with a next step — not as peewee's OperationalError."""
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    db = open_database(path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sqlite3, sys, time\n"
                f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
                "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); sys.stdin.readline()"
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        db.execute_sql("PRAGMA busy_timeout = 200")
        with pytest.raises(StoreError) as caught:
            db.execute_sql("UPDATE system_user SET name = name")
        assert caught.value.problem is StoreProblem.BUSY
        assert caught.value.failure.transient and caught.value.failure.code == "StoreBusy"
        assert "another program" in caught.value.message
    finally:
        holder.communicate("\n", timeout=30)
        db.execute_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        close_database()


def test_writers_of_this_process_still_queue_instead_of_failing_busy(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    db = LockedSqliteDatabase(str(path), pragmas={"journal_mode": "wal", "busy_timeout": 0}, check_same_thread=False)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(30):
                db.execute_sql("UPDATE system_user SET name = name")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


@pytest.mark.skipif(unprivileged_prefix() is None, reason="read-only folders need an unprivileged user")
@pytest.mark.parametrize("where", ["home", "data folder", "file"])
def test_read_only_places_are_classified_not_writable(tmp_path, where):
    """Run by an unprivileged user (root writes anywhere): a read-only home (its data folder
    cannot be created), a read-only data folder, or a read-only store file."""
    home = tmp_path / "home"
    data = home / "data"
    path = data / "sssm.sqlite3"
    if where == "home":
        home.mkdir()
        home.chmod(0o555)
    else:
        data.mkdir(parents=True)
        healthy(path)
        (data / "backups").mkdir()  # the day's backup exists: only the store itself is at stake
        (path if where == "file" else data).chmod(0o444 if where == "file" else 0o555)
    open_to_all(tmp_path)
    script = (
        "import sys\nfrom pathlib import Path\nfrom app.store.db import StoreError, open_database\n"
        "try:\n    open_database(Path(sys.argv[1]))\nexcept StoreError as e:\n"
        "    print(e.problem.name); print(e)\nelse:\n    print('OPENED')\n"
    )
    prefix = unprivileged_prefix()
    result = subprocess.run(
        [*prefix, sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    lines = result.stdout.splitlines()
    assert lines and lines[0] == "NOT_WRITABLE", result.stdout + result.stderr
    assert str(path) in lines[1]
