"""The store side of the main window's management actions: the default profile, deleting a
profile (its mailboxes moved first), and the actions on a selection of mailboxes.

Each action is one transaction, keyring entries included: it happens for every mailbox or for
none. A change that would make a mailbox's settings invalid (docs/product-rules.md §2: a profile
that uses each mailbox's credentials needs a mailbox that allows them) is refused before anything
is written, with the mailboxes and what stands in the way (``ChangeRefused``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from app.domain.enums import ApprovalStatus, SyncMethod, Workload
from app.domain.settings import MailboxSettings
from app.domain.validation import ValidationIssue, validate_mailbox
from app.store import repo
from app.store.base import database, utcnow
from app.store.health import STATUS_FIELD, refresh_summary
from app.store.models import Mailbox, ServerProfile, WorkloadState
from app.store.queries import Choice

METHOD_FIELD = {w: STATUS_FIELD[w].replace("_status", "_method") for w in Workload}  # incoming_method …
ENABLED_FIELD = {w: STATUS_FIELD[w].replace("_status", "_enabled") for w in Workload}  # incoming_enabled …


@dataclass(frozen=True)
class MailboxProblem:
    """What a change would break in one mailbox's settings."""

    mailbox_id: int
    mailbox_name: str
    issues: tuple[ValidationIssue, ...]


class ChangeRefused(ValueError):
    """The change would make these mailboxes' settings invalid; nothing was written."""

    def __init__(self, problems: Iterable[MailboxProblem]):
        self.problems = list(problems)
        super().__init__("; ".join(f"{p.mailbox_name}: {', '.join(map(str, p.issues))}" for p in self.problems))


class ProfileInUse(ValueError):
    """A profile that mailboxes use is deleted only after they were moved to another one."""

    def __init__(self, mailbox_names: list[str]):
        self.mailbox_names = mailbox_names
        super().__init__(f"the profile is used by {len(mailbox_names)} mailbox(es): {', '.join(mailbox_names)}")


def _mailboxes(ids: Iterable[int]) -> list[Mailbox]:
    return list(Mailbox.select().where(Mailbox.id.in_(list(ids))).order_by(Mailbox.name))


def _problems(mailboxes: list[Mailbox], change: Callable[[MailboxSettings], MailboxSettings]) -> list[MailboxProblem]:
    """The issues *change* adds to each mailbox's settings (those it had already do not count)."""
    problems = []
    for mailbox in mailboxes:
        before = repo.mailbox_settings(mailbox)
        after = change(before)
        old = set(validate_mailbox(before, repo.mailbox_context(before)))
        new = [i for i in validate_mailbox(after, repo.mailbox_context(after)) if i not in old]
        if new:
            problems.append(MailboxProblem(mailbox.id, mailbox.name, tuple(new)))
    return problems


def _refuse_if(problems: list[MailboxProblem]) -> None:
    if problems:
        raise ChangeRefused(problems)


# --- profiles ------------------------------------------------------------------------------


def set_default_profile(profile_id: int | None) -> None:
    """The system's default profile: the one a new mailbox gets (docs/product-rules.md §2)."""
    if profile_id is not None and not ServerProfile.select().where(ServerProfile.id == profile_id).exists():
        raise ValueError(f"no profile {profile_id}")
    with database.atomic():
        settings = repo.system_settings()
        settings.default_profile_id = profile_id
        settings.save()


def profile_mailboxes(profile_id: int) -> list[Choice]:
    """The mailboxes that use the profile, A to Z."""
    query = Mailbox.select(Mailbox.id, Mailbox.name).where(Mailbox.profile == profile_id).order_by(Mailbox.name)
    return [Choice(m.id, m.name) for m in query]


def delete_profile(profile_id: int, move_to: int | None = None) -> int:
    """Delete the profile and its passwords; its mailboxes are first moved to *move_to*. Refused
    (``ProfileInUse``) when mailboxes use it and *move_to* is None. Returns how many moved."""
    if move_to == profile_id:
        raise ValueError("a profile's mailboxes cannot be moved to the profile that is deleted")
    with database.atomic():
        profile = ServerProfile.get_by_id(profile_id)
        using = profile_mailboxes(profile_id)
        ids = [m.id for m in using]
        if ids and move_to is None:
            raise ProfileInUse([m.name for m in using])
        moved = move_mailboxes(ids, move_to) if ids and move_to is not None else 0
        repo.delete_profile(profile)  # the row, then both keyring entries: a keyring failure rolls all back
    return moved


# --- mailboxes -----------------------------------------------------------------------------


def move_problems(mailbox_ids: Iterable[int], profile_id: int) -> list[MailboxProblem]:
    """What moving the mailboxes to the profile would break (empty: the move is possible)."""
    return _problems(_mailboxes(mailbox_ids), lambda s: replace(s, profile_id=profile_id))


def move_mailboxes(mailbox_ids: Iterable[int], profile_id: int) -> int:
    """Every mailbox to the profile, or none (``ChangeRefused``). Returns how many changed."""
    if not ServerProfile.select().where(ServerProfile.id == profile_id).exists():
        raise ValueError(f"no profile {profile_id}")
    with database.atomic():
        mailboxes = _mailboxes(mailbox_ids)
        _refuse_if(_problems(mailboxes, lambda s: replace(s, profile_id=profile_id)))
        changed = [m.id for m in mailboxes if m.profile_id != profile_id]
        if changed:
            Mailbox.update(profile=profile_id, modified_on=utcnow()).where(Mailbox.id.in_(changed)).execute()
    return len(changed)


def approve_mailboxes(mailbox_ids: Iterable[int]) -> int:
    """Email address approval: Approved (only approved mailboxes are tested and synchronized)."""
    with database.atomic():
        changed: int = (
            Mailbox.update(approval=ApprovalStatus.APPROVED, modified_on=utcnow())
            .where(Mailbox.id.in_(list(mailbox_ids)) & (Mailbox.approval != ApprovalStatus.APPROVED))
            .execute()
        )
    return changed


def sync_problems(mailbox_ids: Iterable[int], workloads: Iterable[Workload]) -> list[MailboxProblem]:
    """What turning server-side synchronization on for the workloads would break."""
    return _problems(_mailboxes(mailbox_ids), _server_side(list(workloads)))


def _server_side(workloads: list[Workload]) -> Callable[[MailboxSettings], MailboxSettings]:
    def change(settings: MailboxSettings) -> MailboxSettings:
        changed = replace(settings)
        for workload in workloads:
            setattr(changed, METHOD_FIELD[workload], SyncMethod.SERVER_SIDE)
        return changed

    return change


def set_sync(mailbox_ids: Iterable[int], workloads: Iterable[Workload], on: bool) -> int:
    """Each workload's sync method (docs/product-rules.md §2): on, Server-Side Synchronization —
    the workload is then tested by Test & Enable, which enables it when it passes; off, None —
    not synchronized, not tested, its enabled flag and waiting retry cleared. Returns how many
    mailboxes changed."""
    workloads = list(workloads)
    method = SyncMethod.SERVER_SIDE if on else SyncMethod.NONE
    with database.atomic():
        mailboxes = _mailboxes(mailbox_ids)
        if on:
            _refuse_if(_problems(mailboxes, _server_side(workloads)))
        changed = 0
        for mailbox in mailboxes:
            todo = [w for w in workloads if getattr(mailbox, METHOD_FIELD[w]) is not method]
            if not todo:
                continue
            for workload in todo:
                setattr(mailbox, METHOD_FIELD[workload], method)
                if not on:
                    setattr(mailbox, ENABLED_FIELD[workload], False)
            if not on:
                WorkloadState.update(retry_test=False).where(
                    (WorkloadState.mailbox == mailbox.id) & WorkloadState.workload.in_(todo)
                ).execute()
                refresh_summary(mailbox)
            mailbox.modified_on = utcnow()
            mailbox.save()
            changed += 1
    return changed


def set_mailboxes_active(mailbox_ids: Iterable[int], active: bool) -> int:
    """Deactivated, a mailbox gets no synchronization job and no retry (app.sync.scheduler); its
    settings, test results and synchronized records stay. Returns how many changed."""
    with database.atomic():
        changed: int = (
            Mailbox.update(is_active=active, modified_on=utcnow())
            .where(Mailbox.id.in_(list(mailbox_ids)) & (Mailbox.is_active != active))
            .execute()
        )
    return changed


def delete_mailboxes(mailbox_ids: Iterable[int]) -> int:
    """Delete the mailboxes and their passwords. Their synchronized records (emails, appointments,
    contacts, tasks) stay in the store, unlinked: the links to the mailbox's Exchange items go
    with it (EmailMailboxLink, ItemLink), and so do its test results, sync history and alerts."""
    with database.atomic():
        mailboxes = _mailboxes(mailbox_ids)
        for mailbox in mailboxes:
            repo.delete_mailbox(mailbox)  # the row, then its password: a keyring failure rolls all back
    return len(mailboxes)
