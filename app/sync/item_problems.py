"""Item monitoring's bookkeeping for one cycle of one kind of item (app.store.item_failures): the
mailbox's entries are read once when the cycle starts; the workload says which items failed and
which synchronized; ``save`` records the failures and clears the entries of what synchronized.
"""

from __future__ import annotations

from app.domain.enums import ItemDirection, ItemKind
from app.store import item_failures
from app.store.item_failures import ItemProblem


class ItemProblems:
    def __init__(self, mailbox_id: int, kind: ItemKind) -> None:
        self.mailbox_id = mailbox_id
        self.kind = kind
        self.known = item_failures.failures_of(mailbox_id, [kind])
        self.problems: list[ItemProblem] = []
        self.synced_keys: set[str] = set()

    def ignored(self, key: str) -> bool:
        """The admin ignored the item (and has not retried it since): leave it alone."""
        failure = self.known.get(key)
        return failure is not None and failure.ignored_on is not None

    def retry_item_ids(self, direction: ItemDirection) -> list[str]:
        """The Exchange items the admin asked to retry that came from Exchange (fetched again)."""
        return [
            f.item_id
            for f in self.known.values()
            if f.retry_requested and f.item_id and f.direction is direction and f.ignored_on is None
        ]

    def failed(
        self,
        direction: ItemDirection,
        code: str,
        text: str,
        *,
        subject: str = "",
        record_id: int | None = None,
        item_id: str | None = None,
    ) -> None:
        self.problems.append(ItemProblem(self.kind, direction, code, text, subject, record_id, item_id))

    def synced(self, *keys: str) -> None:
        """These items synchronized: their entries, if any, go."""
        self.synced_keys.update(key for key in keys if key in self.known)

    def save(self) -> None:
        failed = {problem.key for problem in self.problems}
        item_failures.record_item_failures(self.mailbox_id, self.problems)
        item_failures.clear(self.mailbox_id, self.kind, self.synced_keys - failed)
        self.problems, self.synced_keys = [], set()
