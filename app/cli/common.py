"""What the headless commands share: opening the store, finding a mailbox or profile by name."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.store.models import Mailbox, ServerProfile

# Exit codes of every command (listed in `python -m app --help` and docs/operations.md)
EXIT_OK = 0
EXIT_FAILED = 1  # the work ran and something failed (a test, a sync cycle)
EXIT_USAGE = 2  # nothing ran: bad arguments, unknown mailbox or profile, store cannot be opened


def open_store() -> bool:
    """Open the store of this user (or SSSM_HOME); on failure say why on stderr."""
    from app import paths
    from app.store.db import StoreError, open_database

    try:
        open_database(paths.database_path())
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return False
    return True


def find_mailbox(address: str) -> Mailbox | None:
    """The mailbox with this address (addresses are stored lower-case; older rows may not be)."""
    from app.store.models import Mailbox

    address = address.strip()
    found: Mailbox | None = Mailbox.get_or_none(Mailbox.email == address.lower()) or Mailbox.get_or_none(
        Mailbox.email == address)
    if found is None:
        print(f"No mailbox with the address {address}.", file=sys.stderr)
    return found


def find_profile(name: str) -> ServerProfile | None:
    from app.store.models import ServerProfile

    found: ServerProfile | None = ServerProfile.get_or_none(ServerProfile.name == name.strip())
    if found is None:
        print(f"No email server profile named “{name.strip()}”.", file=sys.stderr)
    return found
