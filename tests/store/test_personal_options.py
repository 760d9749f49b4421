"""A user's personal options are loaded and saved as one: all of it, or nothing."""

from dataclasses import replace

import pytest

from app.domain.enums import ConflictPolicy, RecordType, TrackingOption
from app.domain.enums import FilterOperator as Op
from app.domain.filters import Criterion
from app.store import personal_options, repo
from app.store.models import FilterCriterion, SyncFilter, UserOptions
from app.store.personal_options import FilterDraft, FiltersInvalid

CUSTOMER = FilterDraft(RecordType.APPOINTMENT, "Customer appointments", (Criterion("category", Op.EQUALS, "Customer"),))


def test_a_new_user_has_the_defaults(store):
    user = repo.create_user("Ann")
    options = personal_options.load(user.id)
    assert options.tracking_option is TrackingOption.RESPONSES
    assert options.conflict_policies == dict.fromkeys(RecordType, ConflictPolicy.MOST_RECENT)
    assert [(d.record_type, d.name, d.is_default) for d in options.filters] == [
        (RecordType.APPOINTMENT, "My Appointments", True),
        (RecordType.CONTACT, "My Contacts", True),
        (RecordType.TASK, "My Tasks", True),
    ]
    assert options.filters[0].criteria == (Criterion("owner", Op.CURRENT_USER), Criterion("state", Op.EQUALS, "active"))


def test_saving_stores_options_and_filters_together(store):
    user = repo.create_user("Ann")
    loaded = personal_options.load(user.id)
    mine, contacts, tasks = loaded.filters
    changed = replace(
        loaded,
        tracking_option=TrackingOption.ALL,
        conflict_policies={**loaded.conflict_policies, RecordType.TASK: ConflictPolicy.EXCHANGE_WINS},
        filters=(
            replace(mine, name="Mine", criteria=(Criterion("owner", Op.CURRENT_USER),)),
            CUSTOMER,
            replace(tasks, is_active=False),
        ),  # My Contacts removed
    )
    personal_options.save(user.id, changed)
    again = personal_options.load(user.id)
    assert again.tracking_option is TrackingOption.ALL
    assert again.conflict_policies[RecordType.TASK] is ConflictPolicy.EXCHANGE_WINS
    assert [(d.name, d.is_active, d.criteria) for d in again.filters] == [
        ("Mine", True, (Criterion("owner", Op.CURRENT_USER),)),
        ("Customer appointments", True, CUSTOMER.criteria),
        ("My Tasks", False, tasks.criteria),
    ]
    assert again.filters[0].id == mine.id and again.filters[0].is_default
    assert SyncFilter.get_or_none(SyncFilter.id == contacts.id) is None
    assert FilterCriterion.select().where(FilterCriterion.filter == contacts.id).count() == 0


def test_a_wrong_condition_saves_nothing_and_says_which(store):
    user = repo.create_user("Ann")
    loaded = personal_options.load(user.id)
    bad = replace(CUSTOMER, criteria=(*CUSTOMER.criteria, Criterion("start", Op.ON_OR_AFTER, "soon")))
    with pytest.raises(FiltersInvalid) as raised:
        personal_options.save(user.id, replace(loaded, tracking_option=TrackingOption.ALL, filters=(bad,)))
    [found] = raised.value.problems
    assert (found.index, found.problem.position) == (0, 1)
    assert "condition 2" in str(raised.value)
    assert personal_options.load(user.id) == loaded


def test_one_transaction_a_failure_midway_leaves_everything_as_it_was(store):
    ann, bob = repo.create_user("Ann"), repo.create_user("Bob")
    loaded = personal_options.load(ann.id)
    bobs = personal_options.load(bob.id).filters[0]
    with pytest.raises(ValueError, match="not the user's"):
        personal_options.save(ann.id, replace(loaded, tracking_option=TrackingOption.ALL, filters=(CUSTOMER, bobs)))
    assert personal_options.load(ann.id) == loaded
    assert UserOptions.get(UserOptions.user == ann).tracking_option is TrackingOption.RESPONSES
