"""Rolling backups of the store and restoring one (``python -m app store``, the start-up dialog).

Backups live in ``backups/`` next to the store (app.paths.backup_dir for the user's store):

- ``<name>.<YYYYmmdd-HHMMSS>.bak``: the daily backup, taken when the store is opened and no
  backup of that day exists; the newest ``KEEP_DAILY`` are kept;
- ``<name>.v<N>-<YYYYmmdd-HHMMSS>.bak``: taken before migrating a schema-N file; the newest
  ``KEEP_BEFORE_MIGRATION`` are kept.

Each is made with SQLite's online backup API (consistent, WAL included, while other connections
read and write), checked with ``PRAGMA quick_check`` and only then given its name — so a damaged
store is found at the daily backup and never pushes a good backup out of the rotation. Backups
are single files (rollback journal), readable on their own. Secrets are not in the store, so
never in a backup.

``restore`` never loses the file it replaces: the store (and its -wal/-shm files) is moved aside
first, as ``<name>.damaged-<timestamp>`` (or ``.replaced-`` when it was healthy).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.store.db import (
    BUSY_TIMEOUT_MS,
    CORE_TABLES,
    SCHEMA_VERSION,
    StoreError,
    StoreProblem,
    check_store,
    classify_error,
)

log = logging.getLogger(__name__)

FOLDER_NAME = "backups"
KEEP_DAILY = 7
KEEP_BEFORE_MIGRATION = 3
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's files that belong to a database file
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(RuntimeError):
    """A backup could not be taken, found or restored; ``str()`` says why and what to do."""

    def __init__(self, message: str, next_step: str) -> None:
        self.message, self.next_step = message, next_step
        super().__init__(f"{message} {next_step}")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_on: datetime  # local time, from its name
    before_migration: int | None  # the schema a migration started from; None: a daily backup

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    schema: int  # of the backup (older ones are migrated when the store is opened)
    kept_as: Path | None  # where the replaced file went; None when there was none


def backup_folder(store: Path) -> Path:
    return Path(store).parent / FOLDER_NAME


def _pattern(store: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(store.name)}\.(?:v(?P<v>\d+)-)?(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?\.bak$")


def list_backups(store: Path) -> list[Backup]:
    """The automatic backups of *store*, newest first."""
    folder = backup_folder(store)
    if not folder.is_dir():
        return []
    pattern = _pattern(Path(store))
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        version = match.group("v")
        found.append(
            Backup(path, datetime.strptime(match.group("stamp"), _STAMP), int(version) if version is not None else None)
        )
    return sorted(found, key=lambda b: (b.taken_on, b.path.name), reverse=True)


def _folder_error(store: Path, folder: Path, exc: BaseException) -> BackupError:
    reason = getattr(exc, "strerror", None) or str(exc)
    return BackupError(
        f"The backup of {store} could not be written to {folder} ({reason}).",
        f"Free disk space or give your account write access to {folder}.",
    )


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """None when SQLite finds the file sound, else its first complaint."""
    rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    return None if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows)


def take_backup(store: Path, *, before_migration: int | None = None, now: datetime | None = None) -> Path:
    """Back up *store* now; returns the new file. StoreError when the store itself is damaged or
    busy, BackupError when the backup folder cannot be written."""
    store = Path(store)
    folder = backup_folder(store)
    now = now or datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{glob_escape(store.name)}.*.part"):  # left by a crash mid-backup
            stale.unlink()
    except OSError as exc:
        raise _folder_error(store, folder, exc) from exc
    prefix = f"{store.name}.v{before_migration}-" if before_migration is not None else f"{store.name}."
    target = folder / f"{prefix}{now.strftime(_STAMP)}.bak"
    counter = 1
    while target.exists():
        target = folder / f"{prefix}{now.strftime(_STAMP)}-{counter}.bak"
        counter += 1
    part = target.with_name(target.name + ".part")
    try:
        _copy(store, part)
        dest = sqlite3.connect(part)
        try:
            problem = _quick_check(dest)
        finally:
            dest.close()
        if problem is not None:
            raise StoreError(store, StoreProblem.DAMAGED, f"integrity check: {problem}")
        os.replace(part, target)
    except BaseException as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, (StoreError, BackupError)):
            raise
        error = classify_error(exc, store) if isinstance(exc, (sqlite3.Error, OSError)) else None
        if error is None:
            raise
        if error.problem is StoreProblem.NOT_WRITABLE:
            raise _folder_error(store, folder, exc) from exc
        raise error from exc
    _prune(store)
    return target


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API, as a single file (rollback journal)."""
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        src.close()


def _prune(store: Path) -> None:
    backups = list_backups(store)
    daily = [b for b in backups if b.before_migration is None]
    migration = [b for b in backups if b.before_migration is not None]
    for old in daily[KEEP_DAILY:] + migration[KEEP_BEFORE_MIGRATION:]:
        try:
            old.path.unlink()
        except OSError as exc:
            log.warning("could not remove the old backup %s: %s", old.path, exc)


def take_daily_backup(store: Path, *, now: datetime | None = None) -> Path | None:
    """The day's backup when there is none yet (None otherwise). A damaged store raises
    StoreError; a backup folder that cannot be written is logged, and the store opens anyway."""
    now = now or datetime.now()
    if any(b.before_migration is None and b.taken_on.date() == now.date() for b in list_backups(store)):
        return None
    try:
        path = take_backup(store, now=now)
    except BackupError as exc:
        log.warning("no backup today: %s", exc)
        return None
    except StoreError as exc:
        if exc.problem is StoreProblem.BUSY:
            log.warning("no backup today: %s", exc)
            return None
        raise
    log.info("backed up %s to %s", store, path)
    return path


def inspect_backup(path: Path) -> int:
    """The schema version of a usable backup file; BackupError when it is not one."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a file.", "Name a backup file (python -m app store backups lists them).")
    problem: str | None
    try:
        with path.open("rb") as file:
            if not file.read(16).startswith(b"SQLite format 3\x00"):
                raise BackupError(f"{path} is not an SQLite database.", "Choose another backup.")
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version: int = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            problem = _quick_check(conn)
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        problem = str(exc)
        version, tables = 0, set()
    if problem is None and not (1 <= version <= SCHEMA_VERSION and tables >= CORE_TABLES):
        problem = (
            f"schema {version}, or tables missing"
            if version <= SCHEMA_VERSION
            else (f"schema {version} of a newer version")
        )
    if problem is not None:
        raise BackupError(f"{path} is not a usable backup ({problem}).", "Choose another backup.")
    return version


def latest_usable(store: Path) -> Backup | None:
    """The newest backup that passes ``inspect_backup``."""
    for candidate in list_backups(store):
        try:
            inspect_backup(candidate.path)
        except BackupError as exc:
            log.warning("skipping a backup: %s", exc)
            continue
        return candidate
    return None


def _ensure_not_in_use(store: Path) -> None:
    """StoreError(BUSY) when another connection (the app, another program) has the store open."""
    try:
        conn = sqlite3.connect(store, timeout=1)
    except sqlite3.Error:
        return  # it cannot be opened at all: nobody else can be using it either
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")  # in WAL mode: fails while any other connection is open
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        error = classify_error(exc, store)
        if error is not None and error.problem is StoreProblem.BUSY:
            raise StoreError(
                store,
                StoreProblem.BUSY,
                "it is open in another program",
                next_step="Close the app (and any other program using the file), then restore again.",
            ) from exc
    finally:
        conn.close()


def move_aside(store: Path, label: str, *, now: datetime | None = None) -> Path | None:
    """Rename *store* (and its -wal/-shm/-journal files) to ``<name>.<label>-<timestamp>``;
    returns the new path, or None when there was nothing to move."""
    store = Path(store)
    sides = [store.with_name(store.name + suffix) for suffix in SIDE_FILES]
    if not store.exists() and not any(s.exists() for s in sides):
        return None
    stamp = (now or datetime.now()).strftime(_STAMP)
    target = store.with_name(f"{store.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        target = store.with_name(f"{store.name}.{label}-{stamp}-{counter}")
        counter += 1
    try:
        if store.exists():
            os.replace(store, target)
        for side, suffix in zip(sides, SIDE_FILES, strict=True):
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreError(
            store,
            StoreProblem.NOT_WRITABLE,
            f"it cannot be moved aside: {exc.strerror or exc}",
            next_step="Give your account write access to its folder, then restore again.",
        ) from exc
    return target


def restore(store: Path, source: Path | None = None, *, now: datetime | None = None) -> RestoreResult:
    """Put a backup (the newest usable one, or *source*) in place of *store*, after moving the
    current file aside. The store must not be open in this process."""
    store = Path(store)
    if source is None:
        chosen = latest_usable(store)
        if chosen is None:
            raise BackupError(
                f"There is no usable backup of {store} in {backup_folder(store)}.",
                "Restore a copy of your own with --from FILE, or move the data file away to start with an empty store.",
            )
        source = chosen.path
    source = Path(source)
    version = inspect_backup(source)
    if store.is_file():
        _ensure_not_in_use(store)
    label = "damaged" if check_store(store) is not None else "replaced"
    kept = move_aside(store, label, now=now)
    part = store.with_name(store.name + ".restoring")
    try:
        _copy(source, part)
        os.replace(part, store)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        raise BackupError(
            f"{source} could not be copied to {store} ({exc}).",
            f"The replaced file is kept as {kept}." if kept else "Nothing was changed.",
        ) from exc
    log.info("restored %s from %s (schema %s); the previous file is kept as %s", store, source, version, kept)
    return RestoreResult(source, version, kept)
