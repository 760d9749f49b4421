"""What the reliability tests share: the soak switch, the random seed, the figures they print and
the store checks.

``make soak`` sets ``SSSM_SOAK=1`` (and selects ``-m soak``): the crash loop, the concurrency runs
and the fuzzing then do more. ``SSSM_RELIABILITY_SEED`` replays a run's random choices (each test
prints the seed it used).
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path

SOAK_ENV = "SSSM_SOAK"
SEED_ENV = "SSSM_RELIABILITY_SEED"

FIGURES: list[str] = []  # one line per workload and test, printed at the end of the session


def soak() -> bool:
    return os.environ.get(SOAK_ENV) == "1"


def scaled(normal: int, soaking: int) -> int:
    return soaking if soak() else normal


def seeded_random() -> tuple[random.Random, int]:
    seed = int(os.environ.get(SEED_ENV) or time.time_ns() % 1_000_000)
    return random.Random(seed), seed


def figure(line: str) -> None:
    FIGURES.append(line)
    print(line)


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the store file, from a connection of its own ("ok" when sound)."""
    connection = sqlite3.connect(path, timeout=30)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows)
