"""Address-book search (ResolveNames) through a profile, over real HTTPS against the loopback server."""

from __future__ import annotations

import pytest
from ews_fixtures import EWS_PASSWORD

from app.domain.enums import CredentialSource, OwnerKind
from app.domain.owners import OwnerSettings
from app.exchange.address_book import DirectoryPerson, address_book_plan, search_address_book
from app.exchange.connection import PreconditionFailed
from app.exchange.errors import classify
from app.store import owners, repo


def test_profile_credentials_find_people_by_the_start_of_their_name(setup, ews):
    carol = ews.new_account("carol", display_name="Carolyn Directory")
    profile = setup.profile(
        credential_source=CredentialSource.PROFILE, username="svc@contoso.com", password=EWS_PASSWORD
    )
    found = search_address_book(profile.id, "Carolyn")
    assert found == [DirectoryPerson("Carolyn Directory", carol.email)]
    assert ews.stats.count("ResolveNames", "svc@contoso.com") == 1


def test_a_user_or_queue_profile_searches_with_a_mailbox_s_stored_credentials(setup, ews):
    profile = setup.profile()
    setup.mailbox(profile, "alice@contoso.com")
    names = [p.name for p in search_address_book(profile.id, "Bob")]
    assert names == ["Bob Brown"]
    assert address_book_plan(profile.id).username == "alice@contoso.com"


def test_nothing_found_is_an_empty_list(setup, ews):
    profile = setup.profile()
    setup.mailbox(profile, "alice@contoso.com")
    assert search_address_book(profile.id, "nobody-by-that-name") == []


def test_a_profile_without_usable_credentials_fails_before_any_traffic(setup, ews):
    profile = setup.profile()
    # a fresh install: a user whose mailbox came with the default profile, no credentials yet
    settings = repo.system_settings()
    settings.default_profile = profile
    settings.save()
    owners.create_owner(OwnerSettings(OwnerKind.USER, "Bob Brown", "bob@contoso.com"))
    before = ews.stats.count()
    with pytest.raises(PreconditionFailed) as raised:
        search_address_book(profile.id, "Bob")
    failure = raised.value.failure
    assert failure.code == "AddressBookNoCredentials" and not failure.transient
    assert "no credentials to search the address book" in failure.message
    assert profile.name in failure.message and failure.next_step
    assert ews.stats.count() == before and ews.stats.unauthorized() == 0


def test_a_wrong_password_is_a_classified_failure(setup, ews):
    profile = setup.profile(credential_source=CredentialSource.PROFILE, username="svc@contoso.com", password="wrong")
    with pytest.raises(Exception) as raised:
        search_address_book(profile.id, "Bob")
    failure = classify(raised.value)
    assert failure.authentication and "401" in failure.message


def test_an_unreachable_server_is_a_transient_failure(setup, ews):
    profile = setup.profile(
        credential_source=CredentialSource.PROFILE,
        username="svc@contoso.com",
        password=EWS_PASSWORD,
        incoming_url="https://127.0.0.1:9/EWS/Exchange.asmx",
        incoming_port=9,
        timeout_seconds=2,
    )
    with pytest.raises(Exception) as raised:
        search_address_book(profile.id, "Bob")
    failure = classify(raised.value)
    assert failure.transient and failure.code != "Unexpected", failure
