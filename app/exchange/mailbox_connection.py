"""An open connection to one mailbox: what the sync engine and the diagnostics hold between calls.

``MailboxConnection`` wraps exchangelib's Account. Callers outside app.exchange keep it and hand
it to app.exchange functions (incoming_email, outgoing_email, items, probes); they never look
inside. ``connect`` finds the EWS address (Autodiscover when the profile says so) and opens one;
no request is made before the first operation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.exchange.autodiscover import discover
from app.exchange.connection import ConnectionPlan, open_account

if TYPE_CHECKING:
    from exchangelib import Account


class MailboxConnection:
    """One mailbox's exchangelib Account, opaque to everything outside app.exchange (and tests)."""

    __slots__ = ("account",)

    def __init__(self, account: Account) -> None:
        self.account = account  # app.exchange's (and tests'): nobody else calls exchangelib on it

    @property
    def email(self) -> str:
        """The mailbox's primary SMTP address."""
        return str(self.account.primary_smtp_address)

    def __repr__(self) -> str:
        return f"MailboxConnection({self.email!r})"


def open_connection(plan: ConnectionPlan, ews_url: str) -> MailboxConnection:
    """A connection for *plan* at *ews_url* (no request is made yet)."""
    return MailboxConnection(open_account(plan, ews_url))


def connect(plan: ConnectionPlan) -> MailboxConnection:
    """A connection for *plan*: at its EWS address, or the one Autodiscover finds. Raises what
    Autodiscover failed with (classify it with app.exchange.errors.classify)."""
    ews_url = plan.ews_url
    if ews_url is None:
        found = discover(plan)
        if found.ews_url is None:
            raise found.error or RuntimeError("Autodiscover found no EWS address")
        ews_url = found.ews_url
    return open_connection(plan, ews_url)
