"""The store records a user's synchronization filters select: the sync's selection and the
filter editor's, one SQL translation (app.store.filters_sql) of app.domain.filters' meaning."""

from __future__ import annotations

import logging

from app.domain import filters
from app.domain.enums import RecordType
from app.store import filters_sql
from app.store.filters_sql import MODELS
from app.store.models import Appointment, Contact, FilterCriterion, SyncFilter, SystemUser, Task

log = logging.getLogger(__name__)

SyncedRecord = Appointment | Contact | Task

__all__ = ["MODELS", "preview", "records_selected", "usable_filters"]


def _criteria_by_filter(rows: list[SyncFilter]) -> dict[int, list[filters.Criterion]]:
    criteria = (
        FilterCriterion.select()
        .where(FilterCriterion.filter.in_([r.id for r in rows]))
        .order_by(FilterCriterion.filter, FilterCriterion.position, FilterCriterion.id)
    )
    by_filter: dict[int, list[filters.Criterion]] = {r.id: [] for r in rows}
    for c in criteria:
        by_filter[c.filter_id].append(filters.as_criterion(c))
    return by_filter


def _active_rows(user: SystemUser | int, record_type: RecordType) -> list[SyncFilter]:
    return list(
        SyncFilter.select()
        .where((SyncFilter.user == user) & (SyncFilter.record_type == record_type) & (SyncFilter.is_active == True))  # noqa: E712 - peewee expression
        .order_by(SyncFilter.id)
    )


def usable_filters(user: SystemUser | int, record_type: RecordType) -> list[list[filters.Criterion]]:
    """The user's active filters for *record_type* that the filter editor would accept. One it
    would refuse (stored before the editor checked, or written around it) keeps nothing: it is left
    out, with a warning in the log that names it and its wrong condition."""
    rows = _active_rows(user, record_type)
    usable = []
    for row, criteria in zip(rows, _criteria_by_filter(rows).values(), strict=True):
        problems = filters.filter_problems(RecordType(record_type), row.name, criteria)
        if problems:
            log.warning(
                "synchronization filter %r (%s, user %s) is left out: %s",
                row.name,
                RecordType(record_type).value,
                row.user_id,
                "; ".join(str(p) for p in problems),
            )
            continue
        usable.append(criteria)
    return usable


def records_selected(user: SystemUser | int, record_type: RecordType) -> list[SyncedRecord]:
    """The records of *record_type* that any of the user's active filters selects ("me" = *user*),
    by id: what the filter editor's preview counts."""
    user_id = user if isinstance(user, int) else user.id
    criteria_lists = usable_filters(user_id, record_type)
    if not criteria_lists:
        return []
    return list(filters_sql.selected_query(RecordType(record_type), criteria_lists, user_id))


def preview(sync_filter: SyncFilter, user: SystemUser | int | None = None) -> list[SyncedRecord]:
    """The records one stored filter selects (active or not), by id."""
    user_id = sync_filter.user_id if user is None else (user if isinstance(user, int) else user.id)
    criteria = list(_criteria_by_filter([sync_filter]).values())
    return list(filters_sql.selected_query(RecordType(sync_filter.record_type), criteria, user_id))
