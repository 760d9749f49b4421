"""What the headless commands share: opening the store, finding a mailbox or profile by name, and
saying why nothing could run — one line on stderr, or with ``--json`` one JSON object on stdout
(``{"error": ..., "code": ...}``) — never a traceback."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.models import Mailbox, ServerProfile

# Exit codes of every command (listed in `python -m app --help` and docs/operations.md)
EXIT_OK = 0
EXIT_FAILED = 1  # the work ran and something failed (a test, a sync cycle)
EXIT_USAGE = 2  # nothing ran: bad arguments, unknown mailbox or profile, store cannot be opened


def report_error(message: str, code: str, *, as_json: bool = False, **extra: Any) -> None:
    """Why a command could not run: one line on stderr, or a JSON object on stdout."""
    if as_json:
        print(json.dumps({"error": message, "code": code, **extra}, ensure_ascii=False))
    else:
        print(message, file=sys.stderr)


def open_store(*, as_json: bool = False) -> bool:
    """Open the store of this user (or SSSM_HOME), or the shared database of ``--database`` /
    SSSM_DATABASE_URL; on failure say why (one line: the file, the
    problem, what to do) and return False."""
    from app import paths
    from app.store.base import database
    from app.store.db import open_database, store_error

    target = paths.database_target()
    current = database.obj
    if current is not None and not current.is_closed() and current.database == str(target):
        return True  # already open (``--demo`` opens it before the demo server starts)
    try:
        open_database(target)
    except Exception as exc:
        error = store_error(exc, target)
        if error is None:
            raise
        report_error(str(error), error.code, as_json=as_json, file=str(error.path), next_step=error.next_step)
        return False
    return True


def find_mailbox(address: str, *, as_json: bool = False) -> Mailbox | None:
    """The mailbox with this address (addresses are stored lower-case; older rows may not be)."""
    from app.store.models import Mailbox

    address = address.strip()
    found: Mailbox | None = Mailbox.get_or_none(Mailbox.email == address.lower()) or Mailbox.get_or_none(
        Mailbox.email == address
    )
    if found is None:
        report_error(f"No mailbox with the address {address}.", "UnknownMailbox", as_json=as_json)
    return found


def find_profile(name: str, *, as_json: bool = False) -> ServerProfile | None:
    from app.store.models import ServerProfile

    found: ServerProfile | None = ServerProfile.get_or_none(ServerProfile.name == name.strip())
    if found is None:
        report_error(f"No email server profile named “{name.strip()}”.", "UnknownProfile", as_json=as_json)
    return found


def holds_data_key(*, as_json: bool = False) -> bool:
    """On a shared database, whether this host can open the passwords sealed in it (it holds the
    data key, app.store.secret_vault); when it cannot, say so in one line and return False. An
    engine command refuses to start then, rather than fail every mailbox's logon."""
    from app.store import secret_vault

    problem = secret_vault.host_problem()
    if problem is not None:
        report_error(problem, "DataKeyMissing", as_json=as_json)
    return problem is None
