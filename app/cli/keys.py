"""``python -m app keys export --to FILE | import FILE | rotate``: the data key of a shared database.

On a shared PostgreSQL database the passwords are sealed in the database under a data key that each
engine host keeps in its own credential store (app.store.secret_vault). These commands provision
a host and replace the key:

- ``export --to FILE``: the key, wrapped with a passphrase (scrypt, AES-GCM), into a new file
  (never overwritten); makes the key when the database has none yet;
- ``import FILE``: unwraps it, checks it against the database, puts it in this host's credential
  store;
- ``rotate``: every password sealed again under a new key, in one transaction; the other hosts
  then need the new key (export here, import there).

The passphrase is asked at the terminal (twice for an export), or read from the first line of
``--passphrase-file``. It and the key are never printed or logged.

Exit code 0 when done, 1 when the credential store refused the key, 2 when nothing could be done
(an SQLite store, a file that is not a key file or exists already, the wrong passphrase, another
key than the database's, this host without the key).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, open_store, report_error

NAME = "keys"
HELP = "export, import or rotate the data key of a shared database's passwords (engine hosts)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the data key, protected by a passphrase, to a new file")
    export.add_argument("--to", dest="target", metavar="FILE", required=True, help="the file to write")
    imported = actions.add_parser("import", help="put the data key of a file made by export in this host's keyring")
    imported.add_argument("source", metavar="FILE", help="the file made by keys export")
    for sub in (export, imported):
        sub.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help="read the passphrase from the first line of FILE instead of asking at the terminal",
        )
    actions.add_parser("rotate", help="seal every password again under a new data key, in one transaction")


class _Refused(Exception):
    """Nothing done; the message says why."""


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    if args.passphrase_file:
        try:
            lines = Path(args.passphrase_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise _Refused(f"The passphrase file {args.passphrase_file} cannot be read ({exc}).") from None
        if not lines or not lines[0]:
            raise _Refused(f"The passphrase file {args.passphrase_file} is empty: its first line is the passphrase.")
        return lines[0]
    if not sys.stdin.isatty():
        raise _Refused("There is no terminal to ask the passphrase at: give it with --passphrase-file FILE.")
    import getpass

    passphrase = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("The passphrase again: ") != passphrase:
        raise _Refused("The two passphrases differ: nothing was written.")
    return passphrase


def _export(args: argparse.Namespace) -> int:
    from app.store import backends, secret_vault

    target = Path(args.target)
    if target.exists():
        raise _Refused(f"The file {target} exists already: an export never overwrites one. Choose another name.")
    document = secret_vault.export_document(_passphrase(args, confirm=True))
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise _Refused(f"The file {target} cannot be written ({exc.strerror or exc}).") from None
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.write("\n")
    from app import paths

    url = backends.redacted(str(paths.database_target()))
    print(f"Exported the data key {document['key_id'][:8]} to {target}, protected by the passphrase.")
    print(f"On the new host: python -m app --database {url} keys import {target}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from app.store import secret_vault

    try:
        document = json.loads(Path(args.source).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _Refused(f"There is no file {args.source}.") from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise _Refused(
            f"{args.source} is not a data key file of Server-Side Sync Manager (made by keys export)."
        ) from None
    key_id = secret_vault.import_document(document, _passphrase(args, confirm=False))
    print(f"Imported the data key {key_id[:8]} into this computer's credential store: this host can start.")
    return EXIT_OK


def _rotate() -> int:
    from app.store import secret_vault

    key_id, count = secret_vault.rotate()
    print(f"Rotated the data key: {count} passwords sealed again under the key {key_id[:8]}, in one transaction.")
    print(
        "The other hosts cannot open them until they have it: python -m app keys export --to FILE here, "
        "then keys import FILE on each of them."
    )
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    if not open_store():
        return EXIT_USAGE
    from app.secrets import DataKeyMissing, SecretStoreError
    from app.store import secret_vault

    if not secret_vault.in_use():
        report_error(
            "keys works on a shared PostgreSQL database (--database or SSSM_DATABASE_URL); this store keeps its "
            "passwords in this computer's credential store.",
            "NotShared",
        )
        return EXIT_USAGE
    try:
        if args.action == "export":
            return _export(args)
        if args.action == "import":
            return _import(args)
        return _rotate()
    except (_Refused, secret_vault.KeyFileError, DataKeyMissing) as exc:
        report_error(str(exc), type(exc).__name__.lstrip("_"))
        return EXIT_USAGE
    except SecretStoreError as exc:
        report_error(str(exc), "CredentialStore")
        return EXIT_FAILED
