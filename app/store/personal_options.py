"""A user's personal options (docs/product-rules.md §5): the email tracking option, the conflict
policy of each record type and the synchronization filters, loaded and saved as one.

Saving checks every filter first (app.domain.filters.filter_problems) and then writes everything
in one transaction: the options, the filters kept (renamed, switched on or off, their conditions
replaced), the new ones, and the removal of those no longer listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.enums import ConflictPolicy, RecordType, TrackingOption
from app.domain.filters import Criterion, FilterProblem, as_criterion, filter_problems
from app.store.base import database
from app.store.models import FilterCriterion, SyncFilter, SystemUser
from app.store.repo import user_options


@dataclass(frozen=True)
class FilterDraft:
    """One synchronization filter as the editor holds it: ``id`` None until it is saved."""

    record_type: RecordType
    name: str
    criteria: tuple[Criterion, ...] = ()
    is_active: bool = True
    id: int | None = None
    is_default: bool = False


@dataclass(frozen=True)
class PersonalOptions:
    tracking_option: TrackingOption = TrackingOption.RESPONSES
    conflict_policies: dict[RecordType, ConflictPolicy] = field(
        default_factory=lambda: dict.fromkeys(RecordType, ConflictPolicy.MOST_RECENT)
    )
    filters: tuple[FilterDraft, ...] = ()


@dataclass(frozen=True)
class DraftProblem:
    """A problem of the filter at ``index`` in PersonalOptions.filters."""

    index: int
    draft: FilterDraft
    problem: FilterProblem


class FiltersInvalid(ValueError):
    def __init__(self, problems: Sequence[DraftProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"filter {p.draft.name!r}: {p.problem}" for p in self.problems))


def load(user_id: int) -> PersonalOptions:
    user = SystemUser.get_by_id(user_id)
    options = user_options(user)
    rows = list(SyncFilter.select().where(SyncFilter.user == user).order_by(SyncFilter.id))
    criteria: dict[int, list[Criterion]] = {row.id: [] for row in rows}
    for row in (
        FilterCriterion.select()
        .where(FilterCriterion.filter.in_(list(criteria)))
        .order_by(FilterCriterion.filter, FilterCriterion.position, FilterCriterion.id)
    ):
        criteria[row.filter_id].append(as_criterion(row))
    order = list(RecordType)
    drafts = [
        FilterDraft(RecordType(r.record_type), r.name, tuple(criteria[r.id]), r.is_active, r.id, r.is_default)
        for r in sorted(rows, key=lambda r: (order.index(RecordType(r.record_type)), r.id))
    ]
    return PersonalOptions(
        options.tracking_option,
        {t: getattr(options, f"{t.value}_conflict_policy") for t in RecordType},
        tuple(drafts),
    )


def problems(options: PersonalOptions) -> list[DraftProblem]:
    return [
        DraftProblem(index, draft, problem)
        for index, draft in enumerate(options.filters)
        for problem in filter_problems(draft.record_type, draft.name, draft.criteria)
    ]


def save(user_id: int, options: PersonalOptions) -> None:
    """Store *options* as the user's, all or nothing. Raises FiltersInvalid (nothing stored) when
    a filter has a problem, ValueError when a draft names another user's filter."""
    found = problems(options)
    if found:
        raise FiltersInvalid(found)
    with database.atomic():
        user = SystemUser.get_by_id(user_id)
        row = user_options(user)
        row.tracking_option = options.tracking_option
        for record_type, policy in options.conflict_policies.items():
            setattr(row, f"{RecordType(record_type).value}_conflict_policy", policy)
        row.save()
        stored = {f.id: f for f in SyncFilter.select().where(SyncFilter.user == user)}
        kept = {d.id for d in options.filters if d.id is not None}
        if kept - set(stored):
            raise ValueError(f"filters {sorted(kept - set(stored))} are not the user's")
        if set(stored) - kept:
            SyncFilter.delete().where(SyncFilter.id.in_(list(set(stored) - kept))).execute()
        for draft in options.filters:
            _save_filter(user, draft, stored.get(draft.id) if draft.id is not None else None)


def _save_filter(user: SystemUser, draft: FilterDraft, row: SyncFilter | None) -> None:
    if row is None:
        row = SyncFilter(user=user, record_type=draft.record_type, is_default=False)
    row.name, row.is_active = draft.name.strip(), draft.is_active
    row.save()
    FilterCriterion.delete().where(FilterCriterion.filter == row.id).execute()
    for position, criterion in enumerate(draft.criteria):
        FilterCriterion.create(
            filter=row, position=position, field=criterion.field, operator=criterion.operator, value=criterion.value
        )


def user_choices() -> list[tuple[int, str]]:
    """(id, name) of every user, by name: what an owner condition can name."""
    return [(u.id, u.name) for u in SystemUser.select().order_by(SystemUser.name, SystemUser.id)]


def user_name(user_id: int) -> str:
    user = SystemUser.get_or_none(SystemUser.id == user_id)
    return user.name if user is not None else ""
