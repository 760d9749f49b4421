"""The store records a user's synchronization filters select (filter evaluation is app.domain.filters)."""

from __future__ import annotations

from app.domain import filters
from app.domain.enums import RecordType
from app.store.models import Appointment, Contact, FilterCriterion, SyncFilter, SystemUser, Task

SyncedRecord = Appointment | Contact | Task

MODELS: dict[RecordType, type[Appointment] | type[Contact] | type[Task]] = {
    RecordType.APPOINTMENT: Appointment,
    RecordType.CONTACT: Contact,
    RecordType.TASK: Task,
}


def active_filters(user: SystemUser | int, record_type: RecordType) -> list[list[filters.Criterion]]:
    """The criteria lists of the user's active filters for *record_type* (one list per filter)."""
    rows = (
        SyncFilter.select()
        .where((SyncFilter.user == user) & (SyncFilter.record_type == record_type) & (SyncFilter.is_active == True))  # noqa: E712 - peewee expression
        .order_by(SyncFilter.id)
    )
    criteria = (
        FilterCriterion.select()
        .where(FilterCriterion.filter.in_([r.id for r in rows]))
        .order_by(FilterCriterion.filter, FilterCriterion.position)
    )
    by_filter: dict[int, list[filters.Criterion]] = {r.id: [] for r in rows}
    for c in criteria:
        by_filter[c.filter_id].append(filters.as_criterion(c))
    return list(by_filter.values())


def records_selected(user: SystemUser | int, record_type: RecordType) -> list[SyncedRecord]:
    """The records of *record_type* that any of the user's active filters selects ("me" = *user*)."""
    user_id = user if isinstance(user, int) else user.id
    criteria_lists = active_filters(user_id, record_type)
    if not criteria_lists:
        return []
    model = MODELS[RecordType(record_type)]
    query = model.select().order_by(model.id)
    owners = filters.owners_named(criteria_lists, user_id)
    if owners is not None:  # every filter names the owner: let SQLite narrow the candidates
        query = query.where(model.owner.in_(list(owners)))
    return [r for r in query if any(filters.matches(r, c, user_id) for c in criteria_lists)]


def preview(sync_filter: SyncFilter, user: SystemUser | int | None = None) -> list[SyncedRecord]:
    """The records one stored filter selects (active or not), for the filter editor's preview."""
    user_id = sync_filter.user_id if user is None else (user if isinstance(user, int) else user.id)
    model = MODELS[RecordType(sync_filter.record_type)]
    criteria = list(sync_filter.criteria.order_by(FilterCriterion.position))
    return filters.preview_filter(criteria, model.select().order_by(model.id), user_id)
