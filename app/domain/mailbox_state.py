"""A mailbox's state on the dashboard (docs/product-rules.md §6): each mailbox is counted in exactly
one tile — Pending approval, Disabled, Error, Warning, Never tested or Success — and the Mailboxes
list filtered by a tile shows the same mailboxes, because both ask ``mailbox_state``.

In that order, the first that applies:
- Pending approval: its email address is not approved yet (Empty or Pending approval);
- Disabled: switched off on purpose — the mailbox or its owner deactivated, its address rejected,
  or no workload set to server-side synchronization;
- Error: an open Error alert, or its last test failed (or every workload was disabled by failures);
- Warning: an open Warning alert, a workload's test warned, or failures being retried;
- Never tested: no Test & Enable yet;
- Success: the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.enums import AlertLevel, ApprovalStatus, MailboxState, RunStatus, SyncMethod


@dataclass(frozen=True, slots=True)
class MailboxFacts:
    """What the state depends on, as the store holds it."""

    approval: ApprovalStatus
    active: bool  # the mailbox and its owner
    methods: tuple[SyncMethod, ...]  # incoming, outgoing, appointments/contacts/tasks
    statuses: tuple[RunStatus, ...]  # the same workloads' last test, and the mailbox's
    tested: bool
    worst_open_alert: AlertLevel | None
    transient_failures: int = 0


def mailbox_state(facts: MailboxFacts) -> MailboxState:
    if facts.approval in (ApprovalStatus.EMPTY, ApprovalStatus.PENDING):
        return MailboxState.PENDING_APPROVAL
    if not facts.active or facts.approval is ApprovalStatus.REJECTED or SyncMethod.SERVER_SIDE not in facts.methods:
        return MailboxState.DISABLED
    if facts.worst_open_alert is AlertLevel.ERROR or RunStatus.FAILURE in facts.statuses:
        return MailboxState.ERROR
    if (
        facts.worst_open_alert is AlertLevel.WARNING
        or RunStatus.WARNING in facts.statuses
        or facts.transient_failures > 0
    ):
        return MailboxState.WARNING
    if not facts.tested:
        return MailboxState.NEVER_TESTED
    return MailboxState.SUCCESS


def count_states(states: Iterable[MailboxState]) -> dict[MailboxState, int]:
    """How many mailboxes are in each state, every state present (0 when none)."""
    counts = dict.fromkeys(MailboxState, 0)
    for state in states:
        counts[state] += 1
    return counts
