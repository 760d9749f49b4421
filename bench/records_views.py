"""The Records page on a big store: 100,000 emails and 100,000 appointments. Not a test.

Figures, each printed beside the same run's time to open the page on an empty store:

- open: the page built, shown, and its email list's first rows on screen (goal < 300 ms);
- sort: a click on each column's header of the email and appointment lists, until the rows show
  (goal < 200 ms each);
- search: the word typed letter by letter in the email list's search box; the time from the last
  letter to the rows shown, the typing pause included (goal < 200 ms);
- filter: each filter of the email list and the appointments' state (goal < 200 ms);
- scroll: the list scrolled from top to bottom a page at a time, each step the event loop's work
  (painting, rows read) until the next; the longest gap (goal no gap > 50 ms), with the steps'
  median, how many went over, and Python's full garbage collections among them;
- RSS: the process's resident memory after all of that, less before the page (goal < 150 MB).

The window is offscreen (QT_QPA_PLATFORM=offscreen), the store a temporary file (or --store FILE,
kept and reused: filling it takes a couple of minutes). The rows filled are then put into the
search tables as the engine does after a cycle (app.store.search_index.catch_up), timed too.

    python bench/records_views.py [--emails 100000] [--appointments 100000] [--store FILE]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOALS_MS = {"open": 300.0, "sort": 200.0, "search": 200.0, "filter": 200.0, "scroll gap": 50.0}
RSS_GOAL_MB = 150.0
WORDS = ["Quarterly", "offer", "invoice", "meeting", "Fabrikam", "Contoso", "review", "見積", "会議", "請求書"]
SUBJECTS = ["Quarterly review", "Customer visit", "Budget planning", "Kickoff", "定例会議", "顧客訪問"]


def rss_mb() -> float:
    """Resident memory now (Linux: /proc; elsewhere the peak, from resource)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fill(emails: int, appointments: int) -> None:
    """The store's rows, as the synchronization leaves them (links, tokens, conversations)."""
    from app.domain.enums import ApprovalStatus, EmailDirection, EmailStatus, RecordState, RecordType, TrackedBy
    from app.store import repo
    from app.store.base import database
    from app.store.models import Appointment, EmailActivity, EmailMailboxLink, ItemLink, Mailbox, ServerProfile

    users = [repo.create_user(f"User {n}", f"user{n}@contoso.com") for n in range(20)]
    profile = ServerProfile.create(name="Bench")
    boxes = {
        u.id: Mailbox.create(
            name=u.name, email=u.email, owner_user=u, profile=profile, approval=ApprovalStatus.APPROVED
        )
        for u in users
    }
    rnd = random.Random(7)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    statuses = [EmailStatus.SENT] * 8 + [EmailStatus.FAILED, EmailStatus.PENDING_SEND]
    with database.atomic():
        rows = []
        for n in range(emails):
            when = start + timedelta(minutes=5 * n)
            incoming = rnd.random() < 0.7
            user = users[rnd.randrange(len(users))]
            rows.append(
                dict(
                    message_id=f"<bench.{n}@contoso.com>",
                    subject=" ".join(rnd.sample(WORDS, 3)) + f" {n}",
                    sender=f"sender{rnd.randrange(5000)}@fabrikam.com" if incoming else user.email,
                    to_recipients=user.email if incoming else f"customer{rnd.randrange(5000)}@fabrikam.com",
                    direction=EmailDirection.INCOMING if incoming else EmailDirection.OUTGOING,
                    status=EmailStatus.RECEIVED if incoming else rnd.choice(statuses),
                    owner_user=user.id,
                    tracking_token=f"CRM:{n:07d}" if rnd.random() < 0.2 else None,
                    received_on=when if incoming else None,
                    sent_on=None if incoming else when,
                    created_on=when,
                    modified_on=when,
                    conversation_id=f"conversation.{n // 4}",
                )
            )
            if len(rows) == 1000:
                EmailActivity.insert_many(rows).execute()
                rows = []
        if rows:
            EmailActivity.insert_many(rows).execute()
        links = [
            dict(email=email_id, mailbox=boxes[owner].id, folder="inbox", linked_on=start, tracked_by=TrackedBy.ALL)
            for email_id, owner in database.execute_sql('SELECT "id", "owner_user_id" FROM "email_activity"')
        ]
        for at in range(0, len(links), 1000):
            EmailMailboxLink.insert_many(links[at : at + 1000]).execute()
    synced = datetime.now(timezone.utc) + timedelta(days=1)
    with database.atomic():
        rows = []
        for n in range(appointments):
            when = start + timedelta(minutes=37 * n)
            rows.append(
                dict(
                    owner=users[rnd.randrange(len(users))].id,
                    state=RecordState.ACTIVE,
                    subject=f"{rnd.choice(SUBJECTS)} {n}",
                    location=rnd.choice(["", "Room 1", "会議室 A", "Teams"]),
                    start=when,
                    end=when + timedelta(hours=1),
                    body="",
                    created_on=when,
                    modified_on=when,
                )
            )
            if len(rows) == 1000:
                Appointment.insert_many(rows).execute()
                rows = []
        if rows:
            Appointment.insert_many(rows).execute()
        links = [
            dict(
                mailbox=boxes[owner].id,
                record_type=RecordType.APPOINTMENT,
                record_id=record_id,
                item_id=f"item.{record_id}",
                change_key="ck",
                synced_on=synced,
            )
            for record_id, owner in database.execute_sql('SELECT "id", "owner_id" FROM "appointment"')
            if rnd.random() < 0.8
        ]
        for at in range(0, len(links), 1000):
            ItemLink.insert_many(links[at : at + 1000]).execute()


def settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def timed(fn: Callable[[], object], app) -> float:
    started = time.perf_counter()
    fn()
    settle(app)
    return (time.perf_counter() - started) * 1000


def open_page(app):
    """The page built and shown with its email list's first rows painted: (page, ms)."""
    from app.gui.pages.records_page import RecordsPage

    started = time.perf_counter()
    page = RecordsPage()
    page.resize(1280, 800)
    page.show()
    settle(app)
    table = page.current().ui.table
    table.viewport().repaint()
    return page, (time.perf_counter() - started) * 1000


class FullCollections:
    """Python's full garbage collections (generation 2) while in use: their times, in ms. One walks
    every object of the process, not the list's alone; its pause is the interpreter's."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self._started = 0.0

    def __enter__(self) -> FullCollections:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.times.append((time.perf_counter() - self._started) * 1000)


CPU_STEPS: list[float] = []  # the GUI thread's own CPU time of each step of the last scroll, in ms


def scroll_gaps(records, app) -> tuple[list[float], list[float]]:
    """Top to bottom a page at a time: each step's time (scroll, paint, rows read) and the full
    garbage collections' times during the steps, in ms. Each step's CPU time on the GUI thread
    goes to ``CPU_STEPS``: a step long on the clock but short in CPU waited for the machine."""
    bar = records.ui.table.verticalScrollBar()
    bar.setValue(0)
    settle(app)
    steps: list[float] = []
    CPU_STEPS.clear()
    with FullCollections() as collections:
        while True:
            started, cpu = time.perf_counter(), time.thread_time()
            bar.setValue(bar.value() + bar.pageStep())
            app.processEvents()  # the scroll painted, the rows come into view read
            steps.append((time.perf_counter() - started) * 1000)
            CPU_STEPS.append((time.thread_time() - cpu) * 1000)
            if bar.value() >= bar.maximum():
                break
    return steps, collections.times


def scroll_summary(steps: list[float], collections: list[float]) -> str:
    """The steps' median, how many went over the goal, and Python's full collections among them
    (a lone long step is often one of those, or the machine's), then the same in CPU time."""
    goal = GOALS_MS["scroll gap"]
    over = sum(1 for ms in steps if ms > goal)
    text = f"{len(steps):,} steps, median {statistics.median(steps):.1f} ms, {over} over {goal:.0f} ms"
    if CPU_STEPS:
        cpu_over = sum(1 for ms in CPU_STEPS if ms > goal)
        text += f"; in CPU time: longest {max(CPU_STEPS):.1f} ms, {cpu_over} over {goal:.0f} ms"
    if collections:
        text += f"; Python's full garbage collections: {len(collections)}, longest {max(collections):.1f} ms"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=100_000)
    parser.add_argument("--appointments", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="a bench store to reuse (made when missing)")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="sssm-records-bench-"))
    os.environ["SSSM_HOME"] = str(home)
    import keyring
    from keyring.backends.null import Keyring as NullKeyring
    from PySide6.QtWidgets import QApplication

    from app.domain.enums import EmailDirection, EmailStatus, SyncState
    from app.gui.pages.records_lists import ListKind
    from app.store.db import close_database, open_database

    keyring.set_keyring(NullKeyring())
    app = QApplication.instance() or QApplication([])

    # the same run's reference: the page on an empty store
    open_database(home / "empty.sqlite3")
    open_page(app)  # Qt's first-window costs (fonts, styles) are not the page's
    empty_page, empty_ms = open_page(app)
    empty_page.close()
    empty_page.deleteLater()
    settle(app)
    close_database()

    store = args.store or home / "bench.sqlite3"
    made = not store.exists()
    open_database(store)
    if made:
        started = time.perf_counter()
        fill(args.emails, args.appointments)
        took = time.perf_counter() - started
        print(f"filled {args.emails:,} emails and {args.appointments:,} appointments in {took:.0f} s")
    # what the engine does after the cycle that stored them (app.store.search_index)
    from app.store import search_index

    started, cpu = time.perf_counter(), time.process_time()
    indexed = search_index.catch_up()
    print(
        f"search index catch-up: {indexed:,} rows in {time.perf_counter() - started:.1f} s "
        f"({time.process_time() - cpu:.1f} s of CPU)"
    )
    from app.store.models import Appointment, EmailActivity

    counts = (EmailActivity.select().count(), Appointment.select().count())
    print(f"store: {counts[0]:,} emails, {counts[1]:,} appointments ({store.stat().st_size / 1e6:.0f} MB)")
    print(f"reference: the page opens on an empty store in {empty_ms:.0f} ms\n")

    def line(name: str, ms: float, goal: float) -> None:
        verdict = "ok" if ms < goal else "OVER"
        print(f"  {name:44s} {ms:7.1f} ms  (empty page {empty_ms:5.1f} ms; goal < {goal:.0f} ms) {verdict}")

    settle(app)
    before = rss_mb()
    page, open_ms = open_page(app)
    print("open")
    line("Records page, email list shown", open_ms, GOALS_MS["open"])

    emails = page.list_of(ListKind.EMAIL)
    print("sort (a header click)")
    header = emails.ui.table.horizontalHeader()
    for column, spec in enumerate(emails.model.columns):
        for order in (False, True):
            ms = timed(lambda c=column, o=order: header.setSortIndicator(c, _order(o)), app)
            line(f"email: {spec.title} {'descending' if order else 'ascending'}", ms, GOALS_MS["sort"])
    header.setSortIndicator(0, _order(True))
    settle(app)

    print("search (from the last letter typed to the rows, the typing pause included)")
    for word in ("fabrikam", "quarterly offer", "会議", "CRM:00012"):
        emails.ui.search.clear()
        settle(app)
        for length in range(1, len(word) + 1):
            emails.ui.search.setText(word[:length])
            app.processEvents()
        started = time.perf_counter()
        while emails.model.query.search != word.strip():
            app.processEvents()
        settle(app)
        ms = (time.perf_counter() - started) * 1000  # the typing pause is part of it
        line(f"email: “{word}” ({emails.model.total:,} rows so far)", ms, GOALS_MS["search"])
    emails.ui.search.clear()
    emails.apply_filters()
    settle(app)

    print("filter")
    ui = emails.ui
    for name, combo, data in (
        ("status Failed", ui.statusFilter, EmailStatus.FAILED),
        ("direction Outgoing", ui.directionFilter, EmailDirection.OUTGOING),
        ("mailbox User 3", ui.mailboxFilter, ui.mailboxFilter.itemData(4)),
        ("owner User 7", ui.ownerFilter, ui.ownerFilter.itemData(8)),
    ):
        ms = timed(lambda c=combo, d=data: c.setCurrentIndex(c.findData(d)), app)
        line(f"email: {name} ({emails.model.total:,} rows)", ms, GOALS_MS["filter"])
        combo.setCurrentIndex(0)
        settle(app)
    from PySide6.QtCore import QDate

    ms = timed(lambda: ui.since.setDate(QDate(2024, 6, 1)), app)
    line(f"email: from 2024-06-01 ({emails.model.total:,} rows so far)", ms, GOALS_MS["filter"])
    ms = timed(lambda: ui.until.setDate(QDate(2024, 6, 30)), app)
    line(f"email: and to 2024-06-30 ({emails.model.total:,} rows)", ms, GOALS_MS["filter"])
    emails.clear_filters()
    settle(app)

    print("scroll (top to bottom, a page at a time)")
    steps, collections = scroll_gaps(emails, app)
    line("email: longest gap", max(steps), GOALS_MS["scroll gap"])
    print(f"    ({scroll_summary(steps, collections)})")

    appointments = page.show_tab(ListKind.APPOINTMENT)
    settle(app)
    header = appointments.ui.table.horizontalHeader()
    for column, spec in enumerate(appointments.model.columns):
        ms = timed(lambda c=column: header.setSortIndicator(c, _order(False)), app)
        line(f"appointments: sort by {spec.title}", ms, GOALS_MS["sort"])
    status = appointments.ui.statusFilter
    ms = timed(lambda: status.setCurrentIndex(status.findData(SyncState.PENDING)), app)
    line(f"appointments: state Not in sync ({appointments.model.total:,} rows)", ms, GOALS_MS["filter"])
    appointments.clear_filters()
    header.setSortIndicator(1, _order(True))
    settle(app)
    steps, collections = scroll_gaps(appointments, app)
    line("appointments: longest scroll gap", max(steps), GOALS_MS["scroll gap"])
    print(f"    ({scroll_summary(steps, collections)})")

    extra = rss_mb() - before
    print("memory")
    print(
        f"  {'extra RSS after all of the above':44s} {extra:7.1f} MB  (goal < {RSS_GOAL_MB:.0f} MB) "
        f"{'ok' if extra < RSS_GOAL_MB else 'OVER'}"
    )
    page.close()
    close_database()
    return 0


def _order(descending: bool):
    from PySide6.QtCore import Qt

    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder


if __name__ == "__main__":
    sys.exit(main())
