"""Where the app keeps its per-user files.

Windows: %LOCALAPPDATA%\\ServerSideSyncManager\\{data,Logs,Cache}; Linux/macOS: the XDG or
Library folders platformdirs picks. Setting ``SSSM_HOME`` puts everything under that one
folder instead (tests, portable installs, the demo).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_ID

HOME_ENV = "SSSM_HOME"
DATABASE_ENV = "SSSM_DATABASE_URL"  # a shared PostgreSQL database instead of the SQLite file


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _data_folder() -> Path:
    home = _override()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False))


def data_dir() -> Path:
    """The data folder, created when possible. When it cannot be (a read-only home), its path is
    still returned: whoever writes there says what is wrong — the store with a classified
    StoreError and the window with its dialog, instead of a traceback from here."""
    folder = _data_folder()
    try:
        return _ensure(folder)
    except OSError:
        return folder


def log_dir(*, create: bool = True) -> Path:
    home = _override()
    folder = home / "logs" if home is not None else Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
    return _ensure(folder) if create else folder


def cache_dir() -> Path:
    home = _override()
    if home is not None:
        return _ensure(home / "cache")
    return _ensure(Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)))


def database_path() -> Path:
    """The store. Its folder is not created here: opening the store does that, and says so
    (a classified StoreError) when it cannot."""
    return _data_folder() / "sssm.sqlite3"


def database_url() -> str | None:
    """The shared PostgreSQL database chosen by ``--database`` or SSSM_DATABASE_URL, if any."""
    return os.environ.get(DATABASE_ENV) or None


def database_target() -> Path | str:
    """What the window and every command open: the shared database's URL, else the SQLite file."""
    return database_url() or database_path()


def backup_dir() -> Path:
    """The store's rolling backups (app.store.backup), next to it; created by the first backup."""
    return _data_folder() / "backups"


def simulator_dir() -> Path:
    """Demo/loopback server files (its CA, its state)."""
    return _ensure(data_dir() / "simulator")
