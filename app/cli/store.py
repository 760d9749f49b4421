"""``python -m app store backups | backup | restore [--from FILE]``: the store's rolling backups.

- ``backups``: list them (newest first): when, which kind, size, file;
- ``backup``: take one now (the app takes one a day by itself, and one before every migration);
- ``restore``: put the newest usable backup (or ``--from FILE``) in place of the store. The
  current file is never lost: it is moved aside first (``<name>.damaged-<timestamp>``, or
  ``.replaced-`` when it was healthy). Close the app first: a store in use is refused.

Exit code 0 when done, 1 when it failed (no usable backup, the store is busy), 2 when nothing
could run (bad arguments, no store to back up, a backup folder that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE

NAME = "store"
HELP = "list, take or restore the store's automatic backups (restore moves the current file aside)"
DEMO = "home"  # with --demo: the demo's store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("backups", help="list the automatic backups, newest first")
    actions.add_parser("backup", help="take a backup now")
    restore = actions.add_parser("restore", help="restore the newest usable backup (the current file is kept)")
    restore.add_argument("--from", dest="source", metavar="FILE", help="restore this backup file instead")


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, round(n / 1024))} KB"


def _list(store: Path) -> int:
    from app.store.backup import backup_folder, list_backups

    found = list_backups(store)
    if not found:
        print(f"No backups of {store} yet (they go to {backup_folder(store)}).")
        return EXIT_OK
    print(f"Backups of {store}, newest first:")
    for item in found:
        kind = (
            f"before upgrading from schema {item.before_migration}" if item.before_migration is not None else "rolling"
        )
        print(f"  {item.taken_on:%Y-%m-%d %H:%M:%S}  {kind:<33} {_size(item.size):>9}  {item.path}")
    return EXIT_OK


def _take(store: Path) -> int:
    from app.store.backup import BackupError, take_backup
    from app.store.db import StoreError

    if not store.is_file():
        print(f"There is no store at {store} to back up.", file=sys.stderr)
        return EXIT_USAGE
    try:
        copy = take_backup(store)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return EXIT_FAILED
    except BackupError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    print(f"Backed up {store} to {copy}.")
    return EXIT_OK


def _restore(store: Path, source: str | None) -> int:
    from app.store.backup import BackupError, restore
    from app.store.db import StoreError

    if source is not None and not Path(source).is_file():
        print(f"There is no file {source}.", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = restore(store, Path(source) if source is not None else None)
    except (StoreError, BackupError) as exc:
        print(exc, file=sys.stderr)
        return EXIT_FAILED
    kept = f" The previous file is kept as {result.kept_as}." if result.kept_as is not None else ""
    print(f"Restored {store} from {result.restored_from} (schema {result.schema}).{kept}")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from app import paths

    store = paths.database_path()
    if args.action == "backups":
        return _list(store)
    if args.action == "backup":
        return _take(store)
    return _restore(store, args.source)
