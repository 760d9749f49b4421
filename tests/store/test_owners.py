"""Users and queues in the store: each created with its mailbox in one transaction, edited,
deactivated without losing anything, many at once all or nothing."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from app.domain.enums import ApprovalStatus, OwnerKind
from app.domain.owners import OwnerSettings
from app.domain.settings import ProfileSettings
from app.domain.validation import ValidationError
from app.store import owners, repo
from app.store.models import Mailbox, Queue, SyncFilter, SystemUser, UserOptions


def set_default_profile(name="Exchange 2013"):
    profile = repo.save_profile(
        ProfileSettings(name=name, process_email_from=datetime(2026, 1, 1, tzinfo=timezone.utc))
    )
    settings = repo.system_settings()
    settings.default_profile = profile
    settings.save()
    return profile


def test_a_new_user_gets_its_mailbox_with_the_default_profile_and_its_options(store):
    profile = set_default_profile()
    created = owners.create_owner(OwnerSettings(OwnerKind.USER, " Carol Chen ", "carol@contoso.com"))
    user = SystemUser.get_by_id(created.owner_id)
    mailbox = Mailbox.get_by_id(created.mailbox_id)
    assert (user.name, user.email, user.is_active) == ("Carol Chen", "carol@contoso.com", True)
    assert (mailbox.name, mailbox.email, mailbox.owner_user_id, mailbox.profile_id) == (
        "Carol Chen",
        "carol@contoso.com",
        user.id,
        profile.id,
    )
    assert mailbox.approval is ApprovalStatus.PENDING and created.profile_name == "Exchange 2013"
    assert UserOptions.select().where(UserOptions.user == user).count() == 1
    assert SyncFilter.select().where(SyncFilter.user == user).count() == 3


def test_a_new_queue_without_a_default_profile_gets_a_mailbox_without_one(store):
    created = owners.create_owner(OwnerSettings(OwnerKind.QUEUE, "Sales", "sales@contoso.com", True))
    mailbox = Mailbox.get_by_id(created.mailbox_id)
    assert mailbox.owner_queue_id == created.owner_id and mailbox.profile_id is None
    assert mailbox.delete_after_processing and created.profile_name == ""
    [row] = owners.owner_rows()
    assert (row.kind, row.name, row.mailbox_id, row.profile_name, row.delete_after_processing) == (
        OwnerKind.QUEUE,
        "Sales",
        mailbox.id,
        "",
        True,
    )


def test_an_invalid_or_taken_address_saves_nothing(store):
    owners.create_owner(OwnerSettings(OwnerKind.USER, "Carol", "carol@contoso.com"))
    before = (SystemUser.select().count(), Queue.select().count(), Mailbox.select().count())
    for settings in (
        OwnerSettings(OwnerKind.QUEUE, "Support", "support at contoso"),
        OwnerSettings(OwnerKind.QUEUE, "Support", "CAROL@contoso.com"),
        OwnerSettings(OwnerKind.USER, "", "dave@contoso.com"),
    ):
        with pytest.raises(ValidationError):
            owners.create_owner(settings)
    assert (SystemUser.select().count(), Queue.select().count(), Mailbox.select().count()) == before


def test_editing_moves_the_mailbox_to_the_new_address_pending_approval(store):
    created = owners.create_owner(OwnerSettings(OwnerKind.QUEUE, "Sales", "sales@contoso.com"))
    Mailbox.update(approval=ApprovalStatus.APPROVED).where(Mailbox.id == created.mailbox_id).execute()
    # its own address is not "taken" while it is edited
    owners.update_owner(
        OwnerKind.QUEUE, created.owner_id, OwnerSettings(OwnerKind.QUEUE, "Sales", "sales@contoso.com", True)
    )
    mailbox = Mailbox.get_by_id(created.mailbox_id)
    assert mailbox.approval is ApprovalStatus.APPROVED and mailbox.delete_after_processing
    owners.update_owner(
        OwnerKind.QUEUE, created.owner_id, OwnerSettings(OwnerKind.QUEUE, "Sales team", "sales-team@contoso.com")
    )
    mailbox = Mailbox.get_by_id(created.mailbox_id)
    assert Queue.get_by_id(created.owner_id).name == "Sales team"
    assert (mailbox.name, mailbox.email, mailbox.approval, mailbox.delete_after_processing) == (
        "Sales team",
        "sales-team@contoso.com",
        ApprovalStatus.PENDING,
        False,
    )


def test_deactivating_keeps_the_owner_and_its_mailbox(store):
    created = owners.create_owner(OwnerSettings(OwnerKind.USER, "Carol", "carol@contoso.com"))
    owners.set_owner_active(OwnerKind.USER, created.owner_id, False)
    [row] = owners.owner_rows()
    assert not row.is_active and row.mailbox_id == created.mailbox_id
    owners.set_owner_active(OwnerKind.USER, created.owner_id, True)
    assert owners.owner_rows()[0].is_active


def test_many_at_once_are_all_or_nothing(store):
    set_default_profile()
    good = [
        OwnerSettings(OwnerKind.USER, "Carol", "carol@contoso.com"),
        OwnerSettings(OwnerKind.QUEUE, "Sales", "sales@contoso.com", True),
    ]
    with pytest.raises(ValidationError):
        owners.create_owners([*good, OwnerSettings(OwnerKind.USER, "Carol twice", "Carol@contoso.com")])
    assert Mailbox.select().count() == 0 and SystemUser.select().count() == 0
    created = owners.create_owners(good)
    assert [c.kind for c in created] == [OwnerKind.USER, OwnerKind.QUEUE]
    assert Mailbox.select().where(Mailbox.profile.is_null(False)).count() == 2


def test_address_book_people_who_already_exist_are_skipped(store):
    owners.create_owner(OwnerSettings(OwnerKind.USER, "Alice", "alice@contoso.com"))
    result = owners.add_users([("Alice Anderson", "ALICE@contoso.com"), ("Bob Brown", "bob@contoso.com")])
    assert result.skipped == ("ALICE@contoso.com",)
    assert [SystemUser.get_by_id(c.owner_id).name for c in result.created] == ["Bob Brown"]
    assert Mailbox.select().count() == 2
