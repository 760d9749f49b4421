"""Leases in the store (app.store.leases): claimed once across holders, renewed, expired, released."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

from app.store import leases
from app.store.base import utcnow
from app.store.models import WorkLease

TTL = timedelta(seconds=60)


def test_a_lease_is_held_by_one_holder_until_released_or_expired(store):
    now = utcnow()
    assert leases.claim("job", "a", TTL, now=now)
    assert not leases.claim("job", "b", TTL, now=now + timedelta(seconds=59)), "held: not b's"
    assert leases.claim("job", "a", TTL, now=now + timedelta(seconds=1)), "a claims again (renews)"
    state = leases.current("job")
    assert state is not None and state.holder == "a" and state.expires_on == now + timedelta(seconds=61)

    assert leases.claim("job", "b", TTL, now=now + timedelta(seconds=62)), "expired: b takes it over"
    assert not leases.renew("job", "a", TTL), "a's heartbeat finds it lost"
    assert not leases.release("job", "a"), "and cannot release b's lease"
    assert leases.current("job").holder == "b"
    assert leases.release("job", "b") and leases.current("job") is None
    assert leases.claim("job", "a", TTL), "free again"
    assert WorkLease.select().count() == 1


def test_renewal_keeps_a_lease_past_its_first_expiry(store):
    now = utcnow()
    assert leases.claim("job", "a", TTL, now=now)
    assert leases.renew("job", "a", TTL, now=now + timedelta(seconds=50))
    assert not leases.claim("job", "b", TTL, now=now + timedelta(seconds=100)), "renewed at +50 s: held to +110 s"
    assert leases.claim("job", "b", TTL, now=now + timedelta(seconds=111))


def test_held_lease_beats_while_held_and_is_released_at_the_end(store):
    ttl = timedelta(seconds=3)
    with leases.hold("job", "a", ttl, heartbeat=timedelta(seconds=0.05)) as held:
        first = leases.current("job").heartbeat_on
        time.sleep(0.3)
        assert leases.current("job").heartbeat_on > first, "renewed by the heartbeat"
        assert leases.hold("job", "b", ttl) is None, "held: another holder gets nothing"
    assert not held.lost
    assert leases.current("job") is None, "released"


def test_a_heartbeat_that_finds_its_lease_taken_stops_and_does_not_release_it(store):
    ttl = timedelta(seconds=3)
    held = leases.hold("job", "a", ttl, heartbeat=timedelta(seconds=0.05))
    WorkLease.update(holder="b").where(WorkLease.name == "job").execute()  # a's lease ran out, b took it
    deadline = time.monotonic() + 5
    while not held.lost and time.monotonic() < deadline:
        time.sleep(0.02)
    held.release()
    assert held.lost and leases.current("job").holder == "b"


def test_threads_racing_for_one_lease_get_it_once(store):
    winners: list[str] = []
    barrier = threading.Barrier(8)

    def contender(k: int) -> None:
        barrier.wait()
        if leases.claim("race", f"holder-{k}", TTL):
            winners.append(f"holder-{k}")

    threads = [threading.Thread(target=contender, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(winners) == 1 and leases.current("race").holder == winners[0]


CLAIMER = """
import sys
from datetime import timedelta
from app.store.db import open_database
from app.store import leases
open_database(sys.argv[1])
won = sum(leases.claim(f"job-{n}", sys.argv[2], timedelta(minutes=5)) for n in range(int(sys.argv[3])))
print(won)
"""


def test_processes_racing_for_leases_get_each_once(store, sssm_home):
    from app import paths

    repo_root = Path(__file__).resolve().parents[2]
    names = 60
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIMER, str(paths.database_path()), f"p{k}", str(names)],
            cwd=repo_root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(3)
    ]
    won = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err[-2000:]
        won.append(int(out))
    assert sum(won) == names, won
    assert WorkLease.select().count() == names
