"""The filter editor's preview on 100,000 stored appointments (a temporary store). Not a test.

One preview is what the personal options dialog computes after a change: how many records the
filters keep, out of how many, and the first 50 of them (app.store.filters_sql.preview). Each
filter below is timed (median of several runs) and printed in milliseconds and as a ratio against
a baseline measured in the same run: a plain ``SELECT COUNT(*)`` that reads every row
(``WHERE length(subject) >= 0``: SQLite cannot answer it from the b-tree's size alone).

Goal: a preview within 200 ms of a change, the editor's wait for typing to pause included
(app.gui.widgets.filter_editor.PREVIEW_DELAY_MS), on the machine that runs this.

    python bench/filter_preview.py [--records 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_MS = 200

SUBJECTS_EN = ["Quarterly review", "Customer visit", "Budget planning", "Kickoff", "Weekly sync", "Demo for Fabrikam"]
SUBJECTS_JA = ["定例会議", "顧客訪問", "予算の打ち合わせ", "キックオフ", "製品デモ", "月次レビュー"]
CATEGORIES = ["", "", "Customer", "Internal", "Partner", "顧客", "Travel"]


def _fill(records: int) -> int:
    """*records* appointments over 50 owners, a third with Japanese subjects; returns "me"'s id."""
    from app.domain.enums import RecordState
    from app.store import repo
    from app.store.base import database
    from app.store.models import Appointment

    users = [repo.create_user(f"User {n}", f"user{n}@contoso.com") for n in range(50)]
    rnd = random.Random(11)
    start = datetime(2030, 1, 1, tzinfo=timezone.utc)
    rows = []
    for n in range(records):
        when = start + timedelta(minutes=37 * n)
        subjects = SUBJECTS_JA if n % 3 == 0 else SUBJECTS_EN
        rows.append(
            dict(
                owner=rnd.choice(users).id,
                state=RecordState.ACTIVE if rnd.random() < 0.9 else RecordState.INACTIVE,
                subject=f"{rnd.choice(subjects)} {n}",
                location=rnd.choice(["", "Room 1", "会議室 A", "Teams"]),
                start=when,
                end=when + timedelta(hours=1),
                body="",
                category=rnd.choice(CATEGORIES),
                sync_marker=None,
            )
        )
    with database.atomic():
        for chunk in range(0, len(rows), 5000):
            Appointment.insert_many(rows[chunk : chunk + 5000]).execute()
    return users[0].id


def _median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: statements prepared, pages cached
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from app.domain.enums import FilterOperator as Op
    from app.domain.enums import RecordType
    from app.domain.filters import Criterion
    from app.gui.widgets.filter_editor import PREVIEW_DELAY_MS
    from app.store import filters_sql
    from app.store.base import database
    from app.store.db import close_database, open_database

    with tempfile.TemporaryDirectory(prefix="sssm-bench-") as home:
        open_database(Path(home) / "store.db")
        try:
            began = time.perf_counter()
            me = _fill(args.records)
            print(f"{args.records:,} appointments stored in {time.perf_counter() - began:.1f} s")
            baseline = _median_ms(
                lambda: database.execute_sql("SELECT COUNT(*) FROM appointment WHERE length(subject) >= 0").fetchone(),
                args.runs,
            )
            print(f"baseline: plain SELECT COUNT(*) reading every row: {baseline:.1f} ms")
            mine = [Criterion("owner", Op.CURRENT_USER), Criterion("state", Op.EQUALS, "active")]
            cases = {
                "My Appointments (owner = me, status active)": [mine],
                "My Appointments, or category equals Customer": [mine, [Criterion("category", Op.EQUALS, "Customer")]],
                "subject contains 'review'": [[Criterion("subject", Op.CONTAINS, "review")]],
                "subject contains '顧客'": [[Criterion("subject", Op.CONTAINS, "顧客")]],
                "subject contains 'ss' (no LIKE can look for it: ß, ſ, ﬆ … casefold to s)": [
                    [Criterion("subject", Op.CONTAINS, "ss")]
                ],
                "start on or after 2031-01-01 and category begins with 'cust'": [
                    [Criterion("start", Op.ON_OR_AFTER, "2031-01-01"), Criterion("category", Op.BEGINS_WITH, "cust")]
                ],
            }
            worst = 0.0
            for name, criteria_lists in cases.items():
                shown = filters_sql.preview(RecordType.APPOINTMENT, criteria_lists, me)
                ms = _median_ms(lambda c=criteria_lists: filters_sql.preview(RecordType.APPOINTMENT, c, me), args.runs)
                worst = max(worst, ms)
                print(f"  {name}: {shown.count:,} kept, {ms:.1f} ms = {ms / baseline:.1f}× baseline")
            total = PREVIEW_DELAY_MS + worst
            within = "within" if total <= GOAL_MS else "NOT within"
            print(
                f"slowest preview {worst:.1f} ms + {PREVIEW_DELAY_MS} ms typing pause = {total:.0f} ms: "
                f"{within} the {GOAL_MS} ms goal on this machine"
            )
        finally:
            close_database()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
