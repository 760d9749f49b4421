"""The window under load: the gaps of its event loop while the engine works. Not a test.

The main window is open (offscreen) on a store with two email server profiles against the
loopback Exchange server, which runs in a process of its own (bench/sync_throughput.py's
``ServerProcess``). A 10 ms timer records the time between its ticks, first for a few seconds
with nothing running (the machine's own noise, same run), then while the window's sync engine
does the initial incoming sync of a 5,000-email mailbox and the window's Test & Enable tests a
profile's 50 mailboxes — both started at once, as an admin would. Printed: the largest gap and
the 99th percentile of each phase (goal under load: largest gap < 100 ms), how long the work
took, and the load average of the machine.

The engine is imported when ``SyncController.start()`` loads it, as in the app; the sources are
compiled first, as an installed app's are.

    python bench/gui_stall.py [--emails 5000] [--mailboxes 50] [--idle-seconds 3] [--diagnose]
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sync_throughput import (  # noqa: E402 (the paths above first)
    INBOX_SHARE,
    PASSWORD,
    ServerProcess,
    _install_keyring,
    _open_store,
    _setup_store,
    _setup_store_more,
)

GOAL_MS = 100
TICK_MS = 10
WAIT_S = 600


class GapRecorder:
    """The time between the ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.ends: list[float] = []  # when each gap ended
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.ends.append(now)
        self.last = now

    def take(self) -> list[float]:
        gaps, self.gaps = self.gaps, []
        self.taken_ends, self.ends = self.ends, []
        return gaps


class StallSampler:
    """With --diagnose: a thread that, while the timer is late by more than *late_ms*, samples what
    the GUI thread is doing (its innermost frames of our code and the libraries) every 2 ms."""

    def __init__(self, recorder: GapRecorder, late_ms: float = 40.0) -> None:
        import threading
        from collections import Counter

        self.recorder, self.late = recorder, late_ms / 1000
        self.gui = threading.get_ident()
        self.samples: Counter[str] = Counter()
        self.others: Counter[str] = Counter()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import traceback

        while not self.stop.wait(0.002):
            if time.perf_counter() - self.recorder.last < self.late:
                continue
            frames = sys._current_frames()
            gui = frames.get(self.gui)
            if gui is not None:
                stack = traceback.extract_stack(gui)[-3:]
                self.samples[" <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))] += 1
            for ident, frame in frames.items():
                if ident not in (self.gui, self.thread.ident):
                    top = traceback.extract_stack(frame)[-1]
                    self.others[f"{Path(top.filename).name}:{top.lineno} {top.name}"] += 1

    def report(self) -> None:
        self.stop.set()
        self.thread.join()
        print("  while the timer was late, the GUI thread was in (samples):")
        for where, count in self.samples.most_common(8):
            print(f"    {count:5d}  {where}")
        print("  and the other threads were in:")
        for where, count in self.others.most_common(8):
            print(f"    {count:5d}  {where}")


def timed_slot(cls, name: str, into: list[tuple[float, float, str]]) -> None:
    """Wrap the method *name* of *cls* (before any window connects it) to record its times."""
    original = getattr(cls, name)

    def timed(self, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return original(self, *args, **kwargs)
        finally:
            into.append((time.perf_counter() - wall, time.thread_time() - cpu, name))

    setattr(cls, name, timed)


def run_loop_until(done, seconds: float) -> bool:
    """Process events until *done()* (checked every 50 ms) or *seconds* passed; whether it was done."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.perf_counter() + seconds
    checker = QTimer()
    checker.setInterval(50)
    checker.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > deadline else None)
    checker.start()
    loop.exec()
    checker.stop()
    return bool(done())


def describe(name: str, gaps: list[float]) -> str:
    if not gaps:
        return f"{name}: no ticks"
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]
    return (
        f"{name}: largest gap {max(gaps) * 1000:6.1f} ms, 99th percentile {p99 * 1000:5.1f} ms, "
        f"median {statistics.median(gaps) * 1000:4.1f} ms ({len(gaps)} ticks of {TICK_MS} ms)"
    )


def tested_profile(server, emails: list[str]) -> int:
    """A second profile, its mailboxes approved but not yet tested (Test & Enable enables them)."""
    from app.domain.enums import ApprovalStatus, AuthProtocol
    from app.domain.settings import MailboxSettings, ProfileSettings
    from app.store import repo

    profile = repo.save_profile(
        ProfileSettings(
            name="Tested",
            auto_discover=False,
            incoming_url=server.ews_url,
            incoming_port=server.port,
            trusted_ca_path=str(server.ca_path),
            process_email_from=datetime(2020, 1, 1, tzinfo=timezone.utc),
            timeout_seconds=120,
            auth_protocol=AuthProtocol.BASIC,
            max_connections=10,
        )
    )
    for email in emails:
        owner = repo.create_user(email.split("@")[0], email)
        repo.save_mailbox(
            MailboxSettings(
                name=email.split("@")[0],
                email=email,
                owner_id=owner.id,
                profile_id=profile.id,
                approval=ApprovalStatus.APPROVED,
                allow_credentials=True,
                username=email,
            ),
            password=PASSWORD,
        )
    return profile.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=5000, help="inbox emails of the synchronized mailbox")
    parser.add_argument("--mailboxes", type=int, default=50, help="mailboxes of the tested profile")
    parser.add_argument("--idle-seconds", type=float, default=3.0, help="the quiet phase measured first")
    parser.add_argument("--diagnose", action="store_true", help="sample what the GUI thread does when late")
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "app"), quiet=1)
    _install_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(Path(tmp) / "server")
        big = "big@contoso.com"
        tested = [f"tested{n:02d}@contoso.com" for n in range(args.mailboxes)]
        for email in (big, *tested):
            server.add_account(email, PASSWORD)
        server.start()
        try:
            seeded = math.ceil(args.emails / INBOX_SHARE)
            server.seed(big, emails=seeded, appointments=0, contacts=0, tasks=0, body_size=2048, seed=7)
            for email in tested:
                server.seed(email, emails=3, appointments=1, contacts=1, tasks=1, seed=11)
            _open_store(Path(tmp) / "home")
            _setup_store(server, [])  # the profile "Bench" and the bench user (tracking All)
            [mailbox] = _setup_store_more(server, [big], ("incoming",))
            profile_id = tested_profile(server, tested)
            print(
                f"{server.inbox_count(big)} inbox emails to synchronize, {len(tested)} mailboxes to test; "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
            measure(mailbox.id, profile_id, args.idle_seconds, args.diagnose)
        finally:
            server.stop()
    return 0


def measure(mailbox_id: int, profile_id: int, idle_seconds: float, diagnose: bool = False) -> None:
    from app.gui.application import create_application
    from app.gui.sync_controller import SyncController
    from app.gui.windows.main_window import MainWindow

    app = create_application(["gui_stall"])
    slow: list[tuple[float, float, str]] = []
    if diagnose:  # the GUI thread's own work in the slots that run under load: wall and CPU time
        for name in ("refresh", "show_test_results", "_reports_arrived", "set_activity", "_cycle_finished"):
            timed_slot(MainWindow, name, slow)
    window = MainWindow()
    sync = SyncController(app)
    window.set_sync(sync)
    window.show()
    synced: list[tuple[bool, str]] = []
    sync.cycle_finished.connect(
        lambda mid, workload, ok, summary: (
            synced.append((ok, summary)) if (mid, workload) == (mailbox_id, "incoming") else None
        )
    )
    tests_done: list[int] = []
    window.tests.finished.connect(lambda: tests_done.append(1))
    recorder = GapRecorder()
    run_loop_until(lambda: False, idle_seconds)
    quiet = recorder.take()

    sampler = StallSampler(recorder) if diagnose else None
    events: list[tuple[str, float]] = []
    sync.running_changed.connect(
        lambda text: (
            events.append(("sync: " + (text or "idle")[:40], time.perf_counter())) if len(events) < 12 else None
        )
    )
    window.tests.finished.connect(lambda: events.append(("tests finished", time.perf_counter())))
    started = time.perf_counter()
    sync.start()  # loads the engine in a thread, then its first cycles run: the big mailbox's sync
    window.tests.test_profile(profile_id, "Tested", window)
    finished = run_loop_until(lambda: bool(synced) and bool(tests_done), WAIT_S)
    busy = recorder.take()
    elapsed = time.perf_counter() - started
    recorder.timer.stop()
    if sampler is not None:
        sampler.report()
        import cProfile
        import pstats

        profiler = cProfile.Profile(time.thread_time)
        profiler.runcall(window.refresh)  # idle now: where a refresh's CPU goes
        print("  one refresh of the window's lists, idle (CPU, cumulative):")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"app/(gui|store)", 14)
        longest = sorted(zip(busy, recorder.taken_ends, strict=True), reverse=True)[:6]
        print("  the longest gaps ended at (seconds after the work started):")
        print("    " + ", ".join(f"{gap * 1000:.0f} ms at {end - started:.2f} s" for gap, end in longest))
        for what, when in events:
            print(f"    {what} at {when - started:.2f} s")
        print(f"  slots run: {len(slow)}; the longest:")
        for wall, cpu, name in sorted(slow, reverse=True)[:8]:
            print(f"    {name}: {wall * 1000:6.1f} ms on the clock, {cpu * 1000:5.1f} ms of the GUI thread's CPU")
    sync.stop()
    window.tests.cancel_all()

    print(describe("window alone (same run)        ", quiet))
    print(describe("during sync + profile test     ", busy))
    sync_text = synced[0][1] if synced else "did not finish"
    test_text = "finished" if tests_done else "did not finish"
    print(f"  work: {elapsed:.1f} s; the sync: {sync_text}; Test & Enable {test_text}")
    largest = max(busy) * 1000 if busy else float("inf")
    print(
        f"GUI largest event-loop gap during sync + profile test: {largest:.0f} ms (goal < {GOAL_MS} ms)"
        f"{'' if finished else '  (the work did not finish within ' + str(WAIT_S) + ' s)'}"
    )


if __name__ == "__main__":
    sys.exit(main())
