"""An inactive mailbox, or one whose owner (user or queue) is inactive, is not synchronized (schema 7)."""

from __future__ import annotations

from app.domain.enums import ApprovalStatus
from app.store import repo
from app.store.models import Mailbox, Queue, ServerProfile, SystemUser
from app.sync.scheduler import eligible_jobs


def _approved_mailbox(email: str, *, user: SystemUser | None = None, queue: Queue | None = None) -> Mailbox:
    profile = ServerProfile.get_or_none(ServerProfile.name == "P") or ServerProfile.create(name="P")
    mailbox = Mailbox.create(
        name=email,
        email=email,
        owner_user=user,
        owner_queue=queue,
        profile=profile,
        approval=ApprovalStatus.APPROVED,
        incoming_enabled=True,
        outgoing_enabled=True,
        act_enabled=True,
    )
    return mailbox


def _mailboxes_with_jobs() -> set[str]:
    return {job.email for job in eligible_jobs()}


def test_inactive_mailbox_and_inactive_owners_get_no_jobs(store):
    user = repo.create_user("Ann", "ann@example.com")
    queue = Queue.create(name="Sales", email="sales@example.com")
    _approved_mailbox("ann@example.com", user=user)
    _approved_mailbox("sales@example.com", queue=queue)
    other = _approved_mailbox("bob@example.com", user=repo.create_user("Bob", "bob@example.com"))
    assert _mailboxes_with_jobs() == {"ann@example.com", "sales@example.com", "bob@example.com"}

    SystemUser.update(is_active=False).where(SystemUser.id == user.id).execute()
    Queue.update(is_active=False).where(Queue.id == queue.id).execute()
    Mailbox.update(is_active=False).where(Mailbox.id == other.id).execute()
    assert _mailboxes_with_jobs() == set()

    SystemUser.update(is_active=True).where(SystemUser.id == user.id).execute()
    assert _mailboxes_with_jobs() == {"ann@example.com"}
