"""Which side wins when a record changed both in the store and in Exchange since the last sync."""
from __future__ import annotations

from datetime import datetime, timezone

from app.domain.enums import ConflictPolicy

STORE = "store"
EXCHANGE = "exchange"


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def conflict_winner(policy: ConflictPolicy, store_modified: datetime | None,
                    exchange_modified: datetime | None) -> str:
    """``"store"`` or ``"exchange"``. Most recent change wins compares the modification times;
    a tie, or a side without a time, goes to the store (the system of record)."""
    policy = ConflictPolicy(policy)
    if policy is ConflictPolicy.STORE_WINS:
        return STORE
    if policy is ConflictPolicy.EXCHANGE_WINS:
        return EXCHANGE
    store_at, exchange_at = _utc(store_modified), _utc(exchange_modified)
    if store_at is None or exchange_at is None:
        return STORE if exchange_at is None else EXCHANGE
    # Exchange keeps whole seconds: compare at that precision so the store gets no free edge.
    return EXCHANGE if exchange_at > store_at.replace(microsecond=0) else STORE
