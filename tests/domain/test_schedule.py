from datetime import datetime, timedelta, timezone

from app.domain import schedule
from app.domain.schedule import CycleOutcome, empty_streak_after, next_run_after

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)


def _streak(*outcomes: CycleOutcome) -> int:
    streak = 0
    for outcome in outcomes:
        streak = empty_streak_after(streak, outcome)
    return streak


def test_an_empty_cycle_runs_again_in_five_minutes():
    outcome = CycleOutcome(items=0)
    assert next_run_after(T0, outcome, _streak(outcome)) == T0 + timedelta(minutes=5)


def test_a_cycle_that_found_items_is_busy_two_minutes():
    outcome = CycleOutcome(items=4)
    assert next_run_after(T0, outcome, _streak(CycleOutcome(), CycleOutcome(), outcome)) == T0 + timedelta(minutes=2)


def test_idle_after_three_empty_cycles_in_a_row_twelve_minutes():
    empty = CycleOutcome()
    assert schedule.IDLE_AFTER == 3
    assert next_run_after(T0, empty, _streak(empty, empty)) == T0 + timedelta(minutes=5)
    assert next_run_after(T0, empty, _streak(empty, empty, empty)) == T0 + timedelta(minutes=12)
    # one busy cycle breaks the streak
    assert next_run_after(T0, empty, _streak(empty, empty, CycleOutcome(items=1), empty)) == T0 + timedelta(minutes=5)


def test_a_failure_neither_extends_nor_breaks_the_idle_streak():
    empty, failed = CycleOutcome(), CycleOutcome(failed=True, backoff=timedelta(minutes=5))
    assert _streak(empty, empty, failed) == 2
    assert _streak(empty, empty, empty, failed) == 3


def test_never_sooner_than_the_minimum_polling_interval():
    busy = CycleOutcome(items=10)
    assert next_run_after(T0, busy, 0, timedelta(minutes=30)) == T0 + timedelta(minutes=30)
    assert next_run_after(T0, busy, 0, timedelta(minutes=1)) == T0 + timedelta(minutes=2)
    backoff = CycleOutcome(failed=True, backoff=timedelta(minutes=5))
    assert next_run_after(T0, backoff, 0, timedelta(minutes=60)) == T0 + timedelta(minutes=60)


def test_a_transient_failure_waits_for_its_back_off():
    busy_server = CycleOutcome(failed=True, backoff=timedelta(seconds=900))
    assert next_run_after(T0, busy_server, 0) == T0 + timedelta(minutes=15)
    assert next_run_after(T0, CycleOutcome(failed=True), 0) == T0 + timedelta(minutes=5)


def test_catch_up_after_sleep_runs_once_not_once_per_missed_interval():
    next_run = next_run_after(T0, CycleOutcome(), 1)
    woke = T0 + timedelta(hours=3)  # the machine slept through 36 intervals
    runs, now = 0, woke
    while schedule.is_due(next_run, now):
        runs += 1
        next_run = next_run_after(now, CycleOutcome(), 2)
    assert runs == 1
    assert next_run == woke + timedelta(minutes=5)


def test_due_and_earliest_and_sleep_cap():
    assert schedule.is_due(None, T0)
    assert schedule.is_due(T0, T0) and not schedule.is_due(T0 + timedelta(seconds=1), T0)
    assert schedule.earliest([None, T0 + timedelta(minutes=3), T0 + timedelta(minutes=1)]) == T0 + timedelta(minutes=1)
    assert schedule.earliest([None]) is None
    assert schedule.seconds_until(T0 + timedelta(minutes=10), T0, cap=30) == 30
    assert schedule.seconds_until(T0 + timedelta(seconds=7), T0, cap=30) == 7
    assert schedule.seconds_until(T0 - timedelta(hours=1), T0, cap=30) == 0
    assert schedule.seconds_until(None, T0, cap=30) == 30
