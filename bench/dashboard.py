"""The Dashboard at scale: 1,000 mailboxes and 90 days of cycle history. Not a test.

Two stores in temporary homes: an empty one, and one filled as 90 days of a thousand mailboxes
leave it after pruning (app.store.cycle_stats): the hourly rollups over every mailbox for 90 days,
the per-mailbox hours for 8 days (one mailbox in twenty failing now and then), the per-cycle
history (SyncHistory) for 2 days at 12 cycles an hour per workload, 3,000 scheduled workloads,
20,000 alerts (60 open), 500 failed items. Printed, side by side for the same run:

- opening the dashboard (constructing the page, shown, its figures read and applied, painted),
  best of --repeat;
- a live refresh (what a finished cycle costs the window), median of --refreshes: its cost on the
  GUI thread (asking, then from the read's answer to the paint: the read itself runs on its own
  thread), and beside it the time from asking to painted; then the same while another thread
  does pure Python work, as the sync engine does: each call from Qt into Python on the GUI
  thread then waits for the interpreter lock (up to the 5 ms switch interval);
- recording one cycle into the history (the engine's side, in its transaction), mean;
- the rows each history table holds, and the store's size.

The issue's bounds: open < 300 ms, a live refresh < 30 ms on the GUI thread, with 1,000 mailboxes
and 90 days. The load average is printed with the figures: on a busy machine they grow.

    python bench/dashboard.py [--repeat N] [--refreshes N]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MAILBOXES = 1_000
DAYS = 90
SHAPE = {2: 0.05, 3: 0.25, 4: 0.35, 5: 0.2, 6: 0.1, 7: 0.03, 8: 0.015, 10: 0.005}  # bucket: share of cycles


def fill(now) -> dict[str, int]:
    """The store as 90 days of 1,000 mailboxes leave it (see the module's description)."""
    from app.domain.cycle_stats import BUCKETS, hour_of
    from app.domain.enums import AlertLevel, AlertScope, ApprovalStatus, ItemDirection, ItemKind, RunStatus, Workload
    from app.store.base import database
    from app.store.cycle_stats import CYCLE_ROWS_DAYS, MAILBOX_HOURS_DAYS
    from app.store.models import (
        Alert,
        ItemFailure,
        Mailbox,
        MailboxHour,
        ServerProfile,
        SyncHistory,
        SyncHour,
        SystemUser,
        WorkloadState,
    )

    rng = random.Random(18)
    this_hour = hour_of(now)
    with database.atomic():
        profile = ServerProfile.create(name="Contoso Exchange")
        owner = SystemUser.create(name="Sync Administrator", email="admin@contoso.com")
        Mailbox.insert_many(
            [
                dict(
                    name=f"Mailbox {n:04}",
                    email=f"user{n:04}@contoso.com",
                    profile=profile.id,
                    owner_user=owner.id,
                    approval=ApprovalStatus.APPROVED if n % 50 else ApprovalStatus.PENDING,
                    incoming_enabled=True,
                    outgoing_enabled=True,
                    act_enabled=True,
                    mailbox_status=RunStatus.FAILURE if n % 97 == 0 else RunStatus.SUCCESS,
                    test_completed_on=now - timedelta(days=100),
                )
                for n in range(MAILBOXES)
            ]
        ).execute()
        ids = [m.id for m in Mailbox.select(Mailbox.id)]
        WorkloadState.insert_many(
            [
                dict(mailbox=i, workload=w, next_run_on=now + timedelta(seconds=rng.randint(0, 720)))
                for i in ids
                for w in Workload
            ]
        ).execute()
        alerts = [
            dict(
                created_on=now - timedelta(minutes=rng.randint(0, DAYS * 1440)),
                level=AlertLevel.WARNING if k % 3 else AlertLevel.ERROR,
                scope=AlertScope.MAILBOX,
                mailbox=rng.choice(ids),
                error_code="ErrorServerBusy",
                message="The server is busy.",
                is_open=k < 60,
            )
            for k in range(20_000)
        ]
        for start in range(0, len(alerts), 2_000):
            Alert.insert_many(alerts[start : start + 2_000]).execute()
        hours = [this_hour - timedelta(hours=h) for h in range(DAYS * 24)]
        rows = []
        for hour in hours:
            for workload in Workload:
                durations = [0] * BUCKETS
                for bucket, share in SHAPE.items():  # most cycles 0.1-1 s, a few up to 20 s
                    durations[bucket] = int(12_000 * share * rng.uniform(0.8, 1.2))
                rows.append(
                    dict(
                        hour=hour,
                        workload=workload,
                        cycles=12_000,
                        failures_warning=rng.randint(0, 40),
                        failures_error=rng.randint(0, 4),
                        items=rng.randint(500, 9_000),
                        requests=rng.randint(12_000, 30_000),
                        duration_ms_total=12_000 * 180.0,
                        **{f"d{i}": count for i, count in enumerate(durations)},
                    )
                )
        for start in range(0, len(rows), 500):
            SyncHour.insert_many(rows[start : start + 500]).execute()
        failing = set(rng.sample(ids, MAILBOXES // 20))
        columns = (
            "hour", "mailbox_id", "cycles", "failures_warning", "failures_error", "items_incoming",
            "items_outgoing", "items_act", "requests", "duration_ms_total", "duration_ms_max",
        )  # fmt: skip
        sql = f'INSERT INTO "mailbox_hour" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'
        hour_field = MailboxHour._meta.fields["hour"]
        batch = []
        for hour in hours[: MAILBOX_HOURS_DAYS * 24]:
            stored = hour_field.db_value(hour)
            for i in ids:
                fails = rng.randint(0, 6) if i in failing and rng.random() < 0.3 else 0
                batch.append((stored, i, 36, fails, int(fails > 4), 3, 1, 2, 60, 36 * 180.0, 900.0))
        database.cursor().executemany(sql, batch)
        history_field = SyncHistory._meta.fields["started_on"]
        workloads = [w.value for w in Workload]
        sql = (
            'INSERT INTO "sync_history" ("mailbox_id", "workload", "started_on", "finished_on", "status", "created", '
            '"updated", "deleted", "message", "message_parts") VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?)'
        )
        cycles = CYCLE_ROWS_DAYS * 24 * 12
        for step in range(cycles):
            when = history_field.db_value(now - timedelta(minutes=5 * step))
            database.cursor().executemany(
                sql, [(i, w, when, when, "success", "stored 3", "") for i in ids for w in workloads]
            )
        ItemFailure.insert_many(
            [
                dict(
                    mailbox=rng.choice(ids),
                    kind=ItemKind.APPOINTMENT,
                    direction=ItemDirection.OUTGOING,
                    item_key=f"record:{k}",
                    record_id=k,
                    subject=f"Meeting {k}",
                    error_code="ErrorCalendarDurationIsTooLong",
                    error_text="The duration of the calendar item exceeds five years.",
                )
                for k in range(500)
            ]
        ).execute()
    return row_counts()


def row_counts() -> dict[str, int]:
    from app.store.models import Alert, MailboxHour, SyncHistory, SyncHour

    return {
        "sync_hour": SyncHour.select().count(),
        "mailbox_hour": MailboxHour.select().count(),
        "sync_history": SyncHistory.select().count(),
        "alert": Alert.select().count(),
    }


class TimedRead:
    """The page's read (app.store.dashboard.read_figures), noting when each answer was ready: from
    then until the page is painted, the time is the GUI thread's (handing the answer over,
    applying it, painting)."""

    def __init__(self) -> None:
        self.done = 0.0

    def __call__(self, now, period):
        from app.store.dashboard import read_figures

        figures = read_figures(now, period)
        self.done = time.perf_counter()
        return figures


def until_refreshed(page) -> None:
    """Run the event loop until the page has applied a read's figures (read on their own thread)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    page.refreshed.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    page.refreshed.disconnect(loop.quit)


def open_ms(repeat: int) -> float:
    """Constructing the page, showing it, its figures read and applied, painted: best of *repeat*."""
    from PySide6.QtWidgets import QApplication

    from app.gui.pages.dashboard_page import DashboardPage

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        page = DashboardPage(read=TimedRead())
        page.resize(1200, 900)
        page.show()
        until_refreshed(page)
        page.repaint()
        best = min(best, time.perf_counter() - start)
        page.close()
        page.deleteLater()
        QApplication.processEvents()
    return best * 1000


class BusyThread:
    """A thread doing pure Python work (as the sync engine does between its requests): each call
    from Qt into Python on the GUI thread then waits for the interpreter lock."""

    def __enter__(self) -> BusyThread:
        self.running = True
        self.thread = threading.Thread(target=self._work, name="busy", daemon=True)
        self.thread.start()
        return self

    def _work(self) -> None:
        while self.running:
            sum(i * i for i in range(1_000))

    def __exit__(self, *_exc: object) -> None:
        self.running = False
        self.thread.join()


def refresh_ms(refreshes: int, *, busy: bool = False) -> tuple[float, float]:
    """A live refresh: (its cost on the GUI thread, from asking to painted), medians of *refreshes*.
    The GUI thread's cost is the ask itself plus everything from the read's answer to the paint;
    the read between runs on its own thread."""
    from PySide6.QtWidgets import QApplication

    from app.gui.pages.dashboard_page import DashboardPage

    read = TimedRead()
    page = DashboardPage(read=read)
    page.resize(1200, 900)
    page.show()
    until_refreshed(page)
    QApplication.processEvents()
    costs, latencies = [], []
    with BusyThread() if busy else contextlib.nullcontext():
        for _ in range(refreshes):
            start = time.perf_counter()
            page.refresh()
            asked = time.perf_counter()
            until_refreshed(page)
            page.repaint()
            end = time.perf_counter()
            costs.append((asked - start) + (end - read.done))
            latencies.append(end - start)
    page.close()
    page.deleteLater()
    QApplication.processEvents()
    return statistics.median(costs) * 1000, statistics.median(latencies) * 1000


def record_us(count: int) -> float:
    from app.domain.enums import Workload
    from app.store.base import database, utcnow
    from app.store.cycle_stats import CycleFigures, record_cycle
    from app.store.models import Mailbox

    ids = [m.id for m in Mailbox.select(Mailbox.id).limit(count)]
    start = time.perf_counter()
    for i in ids:
        with database.atomic("IMMEDIATE"):
            record_cycle(CycleFigures(i, Workload.INCOMING, utcnow(), 150.0, items=3, requests=4))
    return (time.perf_counter() - start) / len(ids) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--refreshes", type=int, default=20)
    parser.add_argument(
        "--filled", type=Path, help="keep the filled store in this file and start from a copy of it next time"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from PySide6.QtWidgets import QApplication

    qapp = QApplication([])
    started = time.perf_counter()
    import app.gui.pages.dashboard_page  # noqa: F401 - pyqtgraph and numpy load once, before the timings

    print(f"importing the page (pyqtgraph, numpy): {(time.perf_counter() - started) * 1000:.0f} ms, once")
    from app.store.base import utcnow
    from app.store.db import close_database, open_database

    results = {}
    for name in ("empty", "1,000 mailboxes, 90 days"):
        with tempfile.TemporaryDirectory(prefix="sssm-bench-") as home:
            path = Path(home) / "sssm.sqlite3"
            counts = {}
            if name != "empty" and args.filled and args.filled.exists():
                shutil.copyfile(args.filled, path)
                open_database(path)
                counts = row_counts()
                print(f"the filled store of {args.filled}; rows {counts}")
            elif name != "empty":
                open_database(path)
                started = time.perf_counter()
                counts = fill(utcnow())
                print(f"filling the store: {time.perf_counter() - started:.1f} s; rows {counts}")
                if args.filled:
                    close_database()
                    shutil.copyfile(path, args.filled)
                    open_database(path)
            else:
                open_database(path)
            opened = open_ms(args.repeat)
            refreshed, latency = refresh_ms(args.refreshes)
            busy, busy_latency = refresh_ms(args.refreshes, busy=True)
            results[name] = (
                opened,
                refreshed,
                latency,
                busy,
                busy_latency,
                record_us(200) if counts else float("nan"),
                path.stat().st_size / 1e6,
            )
            close_database()
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"load average (1, 5, 15 min): {load}; {os.cpu_count()} CPUs")
    print(
        f"{'store':<26} {'open':>7} {'refresh: GUI thread':>20} {'(asked→painted)':>16} "
        f"{'with a busy thread':>19} {'(asked→painted)':>16} {'record a cycle':>15} {'size':>9}"
    )
    for name, (opened, refreshed, latency, busy, busy_latency, recorded, size) in results.items():
        print(
            f"{name:<26} {opened:>4.0f} ms {refreshed:>17.1f} ms {latency:>13.1f} ms {busy:>16.1f} ms "
            f"{busy_latency:>13.1f} ms {recorded:>12.0f} µs {size:>6.1f} MB"
        )
    qapp.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
