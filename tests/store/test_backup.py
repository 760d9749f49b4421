"""Rolling backups of the store (SQLite's backup API, backups/ next to the store, at most one a
day, one before every migration, the last N kept) and restoring one without losing anything."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from store_damage import CASES, healthy

from app import paths
from app.store import backup
from app.store.db import (
    SCHEMA_VERSION,
    StoreError,
    StoreProblem,
    close_database,
    open_database,
)
from app.store.models import SystemUser

DAY = datetime(2026, 3, 2, 9, 0, 0)


def _users(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM system_user"))
    finally:
        conn.close()


def test_the_store_is_backed_up_at_most_once_a_day_when_opened(tmp_path, monkeypatch):
    path = tmp_path / "sssm.sqlite3"
    open_database(path)
    close_database()
    assert backup.list_backups(path) == [], "a new, empty store needs no backup"

    today = [DAY]
    real_take = backup.take_daily_backup
    monkeypatch.setattr(backup, "take_daily_backup", lambda store: real_take(store, now=today[0]))
    for _ in range(3):
        open_database(path)
        close_database()
    taken = backup.list_backups(path)
    assert len(taken) == 1 and taken[0].path.parent == tmp_path / "backups"
    assert taken[0].taken_on == DAY and taken[0].before_migration is None
    today[0] = DAY + timedelta(days=1)
    open_database(path)
    close_database()
    assert len(backup.list_backups(path)) == 2, "the next day, one more"


def test_backups_are_consistent_single_files_that_restore_alone(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    db = open_database(path)  # open, WAL in use: the copy still has every committed row
    try:
        SystemUser.create(name="Written just before", email=None)
        copy = backup.take_backup(path, now=DAY)
    finally:
        close_database()
    assert not Path(f"{copy}-wal").exists(), "a backup is one file"
    assert "Written just before" in _users(copy)
    assert backup.inspect_backup(copy) == SCHEMA_VERSION
    assert db.is_closed()


def test_only_the_last_backups_are_kept(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    for day in range(backup.KEEP_DAILY + 3):
        backup.take_backup(path, now=DAY + timedelta(days=day))
    for n in range(backup.KEEP_BEFORE_MIGRATION + 2):
        backup.take_backup(path, before_migration=1, now=DAY + timedelta(hours=n))
    kept = backup.list_backups(path)
    daily = [b for b in kept if b.before_migration is None]
    assert len(daily) == backup.KEEP_DAILY
    assert daily[0].taken_on == DAY + timedelta(days=backup.KEEP_DAILY + 2), "the newest are kept"
    assert len([b for b in kept if b.before_migration is not None]) == backup.KEEP_BEFORE_MIGRATION


def test_a_migration_is_preceded_by_a_backup_in_the_backup_folder(tmp_path):
    from test_db import make_v1_database

    path = tmp_path / "sssm.sqlite3"
    make_v1_database(path)
    open_database(path)
    close_database()
    (taken,) = backup.list_backups(path)
    assert taken.before_migration == 1 and taken.path.parent == paths_backup(path)
    with sqlite3.connect(taken.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def paths_backup(store: Path) -> Path:
    return store.parent / "backups"


def test_paths_name_the_backup_folder_next_to_the_store(sssm_home):
    assert paths.backup_dir() == paths.database_path().parent / "backups" == backup.backup_folder(paths.database_path())


@pytest.mark.parametrize("case", ["garbage", "truncated", "folder", "user_version_-1"])
def test_restore_moves_the_damaged_file_aside_then_puts_the_last_good_backup_in_place(tmp_path, case):
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    older = backup.take_backup(path, now=DAY)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO system_user (name, email, is_active, is_current) VALUES ('Later', NULL, 1, 0)")
    conn.commit()
    conn.close()
    newest = backup.take_backup(path, now=DAY + timedelta(days=1))
    (tmp_path / "backups" / f"sssm.sqlite3.{(DAY + timedelta(days=2)):%Y%m%d-%H%M%S}.bak").write_bytes(b"junk")
    path.unlink()
    CASES[case][0](path)
    damaged = path.read_bytes() if path.is_file() else None

    result = backup.restore(path)
    assert result.restored_from == newest and older != newest, "the newest usable one (junk skipped)"
    assert result.kept_as is not None and result.kept_as.name.startswith("sssm.sqlite3.damaged-")
    if damaged is not None:
        assert result.kept_as.read_bytes() == damaged, "the damaged file is kept as it was"
    else:
        assert (result.kept_as / "something.txt").exists()
    assert "Later" in _users(path)
    open_database(path)  # and the app opens it
    try:
        assert SystemUser.select().where(SystemUser.name == "Later").exists()
    finally:
        close_database()


def test_restore_from_a_chosen_file_keeps_a_healthy_store_as_replaced(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    chosen = tmp_path / "my-copy.sqlite3"
    backup.take_backup(path, now=DAY).rename(chosen)
    result = backup.restore(path, chosen)
    assert result.restored_from == chosen and result.kept_as.name.startswith("sssm.sqlite3.replaced-")
    assert _users(result.kept_as) == _users(path)


def test_restore_refuses_what_is_no_usable_backup(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    CASES["garbage"][0](path)
    before = path.read_bytes()
    with pytest.raises(backup.BackupError, match="no usable backup"):
        backup.restore(path)
    junk = tmp_path / "junk.bak"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(backup.BackupError, match="not a usable backup"):
        backup.restore(path, junk)
    newer = tmp_path / "newer.bak"
    with sqlite3.connect(newer) as conn:
        conn.execute("CREATE TABLE mailbox (id INTEGER)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(backup.BackupError, match="newer"):
        backup.restore(path, newer)
    assert path.read_bytes() == before, "nothing moved when nothing can be restored"


def test_restore_refuses_a_store_another_program_has_open(tmp_path):
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    backup.take_backup(path, now=DAY)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sqlite3, sys\n"
                f"c = sqlite3.connect({str(path)!r})\nc.execute('PRAGMA journal_mode=wal')\n"
                "c.execute('SELECT count(*) FROM system_user').fetchall()\n"
                "print('open', flush=True)\nsys.stdin.readline()"
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as caught:
            backup.restore(path)
        assert caught.value.problem is StoreProblem.BUSY and "Close the app" in str(caught.value)
        assert not list(tmp_path.glob("sssm.sqlite3.*-*")), "nothing moved aside"
    finally:
        holder.communicate("\n", timeout=30)
    assert backup.restore(path).kept_as is not None


def test_a_backup_folder_that_cannot_be_made_does_not_keep_the_store_from_opening(tmp_path, caplog):
    path = tmp_path / "sssm.sqlite3"
    healthy(path)
    (tmp_path / "backups").write_text("a file where the folder should be")
    open_database(path)
    close_database()
    assert "no backup today" in caplog.text


def test_user_store_restore_uses_the_user_folders(sssm_home):
    store = paths.database_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    healthy(store)
    backup.take_backup(store, now=DAY)
    assert backup.list_backups(store)[0].path.parent == paths.backup_dir()
