from datetime import datetime, timedelta, timezone

import pytest

from app.domain.conflicts import conflict_winner
from app.domain.enums import ConflictPolicy

T = datetime(2030, 1, 1, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "policy,store,exchange,winner",
    [
        (ConflictPolicy.MOST_RECENT, T, T + timedelta(seconds=1), "exchange"),
        (ConflictPolicy.MOST_RECENT, T + timedelta(seconds=1), T, "store"),
        (ConflictPolicy.MOST_RECENT, T + timedelta(microseconds=500), T, "store"),  # a tie at Exchange's precision
        (ConflictPolicy.MOST_RECENT, None, T, "exchange"),
        (ConflictPolicy.MOST_RECENT, T, None, "store"),
        (ConflictPolicy.MOST_RECENT, T.replace(tzinfo=None), T - timedelta(hours=1), "store"),
        (ConflictPolicy.STORE_WINS, T, T + timedelta(days=1), "store"),
        (ConflictPolicy.EXCHANGE_WINS, T + timedelta(days=1), T, "exchange"),
        ("exchange_wins", T, T, "exchange"),
    ],
)
def test_conflict_winner(policy, store, exchange, winner):
    assert conflict_winner(policy, store, exchange) == winner
