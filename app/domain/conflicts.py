"""Which side wins when a record changed both in the store and in Exchange since the last sync."""

from __future__ import annotations

from datetime import datetime

from app.domain.enums import ConflictPolicy
from app.domain.timeutil import as_utc

STORE = "store"
EXCHANGE = "exchange"


def conflict_winner(policy: ConflictPolicy, store_modified: datetime | None, exchange_modified: datetime | None) -> str:
    """``"store"`` or ``"exchange"``. Most recent change wins compares the modification times;
    a tie, or a side without a time, goes to the store (the system of record)."""
    policy = ConflictPolicy(policy)
    if policy is ConflictPolicy.STORE_WINS:
        return STORE
    if policy is ConflictPolicy.EXCHANGE_WINS:
        return EXCHANGE
    store_at, exchange_at = as_utc(store_modified), as_utc(exchange_modified)
    if store_at is None or exchange_at is None:
        return STORE if exchange_at is None else EXCHANGE
    # Exchange keeps whole seconds: compare at that precision so the store gets no free edge.
    return EXCHANGE if exchange_at > store_at.replace(microsecond=0) else STORE
