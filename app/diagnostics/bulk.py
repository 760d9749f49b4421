"""Test & Enable of many mailboxes at once: the admin's selection, a profile's mailboxes, or every
mailbox whose last test failed (issue 11; docs/product-rules.md §3).

The mailboxes are grouped by profile. Each profile gets one worker thread per connection it
allows ("maximum concurrent connections"; fewer when it has fewer mailboxes), and a worker tests
one mailbox at a time. A mailbox's test makes its requests one after another, so this run never
has more requests in flight for a profile than the profile allows. Every worker also sends through
the profile's connection gate (app.exchange.net), which synchronization uses too: a test and a
sync of the same profile together stay within the limit.

Cancelling stops the run from starting more mailboxes; a test under way stops at its next step and
records nothing. A mailbox's result is written in one transaction when its test ends
(app.diagnostics.outcome), so no mailbox is left half-tested or half-enabled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import ExitStack
from dataclasses import dataclass, field

from peewee import DoesNotExist

from app.diagnostics.report import DiagnosticReport
from app.diagnostics.steps import run_mailbox_test
from app.domain.cancel import Cancelled, CancelToken
from app.exchange import net
from app.store.models import Mailbox, ServerProfile

# progress(done, total, report): (0, total, None) first, then once per mailbox tested
Progress = Callable[[int, int, DiagnosticReport | None], None]


@dataclass
class _ProfileGroup:
    """The mailboxes of one profile (or of none) in this run, and how many may be tested at once."""

    profile_id: int | None
    max_connections: int
    mailbox_ids: list[int] = field(default_factory=list)


def run_mailboxes_test(
    mailbox_ids: Iterable[int], *, progress: Progress | None = None, cancel: CancelToken | None = None
) -> list[DiagnosticReport]:
    """Test & Enable each mailbox, at most its profile's maximum concurrent connections at once.

    Unknown ids and repeats are left out. Returns the reports of the mailboxes tested (all of
    them unless cancelled), in the order given."""
    cancel = cancel or CancelToken()
    wanted = list(dict.fromkeys(mailbox_ids))
    position = {mailbox_id: n for n, mailbox_id in enumerate(wanted)}
    groups = _groups(wanted)
    total = sum(len(group.mailbox_ids) for group in groups)
    if progress:
        progress(0, total, None)
    reports: dict[int, DiagnosticReport] = {}
    with ExitStack() as pools:
        futures: dict[Future[DiagnosticReport | None], int] = {}
        for group in groups:
            pool = pools.enter_context(
                ThreadPoolExecutor(
                    max_workers=min(group.max_connections, len(group.mailbox_ids)),
                    thread_name_prefix=f"test-profile-{group.profile_id}",
                )
            )
            gate = net.gate_for(group.profile_id, group.max_connections)
            for mailbox_id in group.mailbox_ids:
                futures[pool.submit(_test_one, mailbox_id, gate, cancel)] = mailbox_id
        try:
            for future in as_completed(futures):
                report = future.result()
                if report is not None:
                    reports[futures[future]] = report
                    if progress:
                        progress(len(reports), total, report)
        except BaseException:
            for future in futures:  # what has not started does not start
                future.cancel()
            raise
    return [reports[mailbox_id] for mailbox_id in sorted(reports, key=position.__getitem__)]


def run_profile_test(
    profile_id: int, *, progress: Progress | None = None, cancel: CancelToken | None = None
) -> list[DiagnosticReport]:
    """Test every mailbox of the profile, at most its maximum concurrent connections at once."""
    ids = [m.id for m in Mailbox.select(Mailbox.id).where(Mailbox.profile == profile_id).order_by(Mailbox.id)]
    return run_mailboxes_test(ids, progress=progress, cancel=cancel)


def _groups(mailbox_ids: list[int]) -> list[_ProfileGroup]:
    """The mailboxes by profile, each group in the order given; a mailbox without a profile fails
    its preconditions without traffic, one at a time."""
    profile_of = {
        m.id: m.profile_id for m in Mailbox.select(Mailbox.id, Mailbox.profile).where(Mailbox.id.in_(mailbox_ids))
    }
    limits = {p.id: p.max_connections for p in ServerProfile.select(ServerProfile.id, ServerProfile.max_connections)}
    groups: dict[int | None, _ProfileGroup] = {}
    for mailbox_id in mailbox_ids:
        if mailbox_id not in profile_of:
            continue
        profile_id = profile_of[mailbox_id]
        if profile_id not in groups:
            groups[profile_id] = _ProfileGroup(profile_id, max(1, limits.get(profile_id, 1)) if profile_id else 1)
        groups[profile_id].mailbox_ids.append(mailbox_id)
    return list(groups.values())


def _test_one(mailbox_id: int, gate: threading.BoundedSemaphore, cancel: CancelToken) -> DiagnosticReport | None:
    """One mailbox's Test & Enable on a worker of its profile; None when cancelled before its end."""
    if cancel.cancelled:
        return None
    try:
        with net.gated(gate):
            return run_mailbox_test(mailbox_id, cancel=cancel)
    except Cancelled:
        return None
    except DoesNotExist:  # the mailbox was deleted since the run began
        return None
