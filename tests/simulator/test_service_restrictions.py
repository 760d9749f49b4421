"""Restrictions and sorting on every searchable field of Message, CalendarItem, Contact and Task;
ErrorUnsupportedPathForQuery / ErrorUnsupportedPathForSortGroup only for the properties Exchange
refuses there (the MIME stream, ids, recipient tables …); fields filter as Exchange does; the
subject is kept to 255 characters; Culture can be set."""

from __future__ import annotations

import pytest
from service_util import NS, codes, create_message, find_items, get_items, item_ids, make_world, text

from app.simulator.xmlitems import KIND_FIELDS, NOT_SEARCHABLE

FOLDER = {"Message": "inbox", "CalendarItem": "calendar", "Contact": "contacts", "Task": "tasks"}
URIS = sorted(
    {(kind, f.uri) for kind, fields in KIND_FIELDS.items() if kind in FOLDER for f in fields if f.uri is not None}
)
SEARCHABLE = [(k, u) for k, u in URIS if u not in NOT_SEARCHABLE]
REFUSED = [(k, u) for k, u in URIS if u in NOT_SEARCHABLE]


@pytest.fixture(scope="module")
def world():
    return make_world()


def _exists(uri):
    return f'<m:Restriction><t:Exists><t:FieldURI FieldURI="{uri}"/></t:Exists></m:Restriction>'


def _sort(uri, order="Ascending"):
    return f'<m:SortOrder><t:FieldOrder Order="{order}"><t:FieldURI FieldURI="{uri}"/></t:FieldOrder></m:SortOrder>'


@pytest.mark.parametrize(("kind", "uri"), SEARCHABLE, ids=[u for _, u in SEARCHABLE])
def test_every_searchable_field_can_be_restricted_and_sorted(world, kind, uri):
    _, _, alice, _, _ = world
    assert codes(find_items(alice, folder=FOLDER[kind], restriction=_exists(uri))) == ["NoError"]
    assert codes(find_items(alice, folder=FOLDER[kind], sort=_sort(uri))) == ["NoError"]


@pytest.mark.parametrize(("kind", "uri"), REFUSED, ids=[u for _, u in REFUSED])
def test_fields_exchange_refuses_in_a_query(world, kind, uri):
    _, _, alice, _, _ = world
    assert codes(find_items(alice, folder=FOLDER[kind], restriction=_exists(uri))) == ["ErrorUnsupportedPathForQuery"]
    assert codes(find_items(alice, folder=FOLDER[kind], sort=_sort(uri))) == ["ErrorUnsupportedPathForSortGroup"]


def _is_equal(uri, value):
    return (
        f'<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="{uri}"/><t:FieldURIOrConstant>'
        f'<t:Constant Value="{value}"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>'
    )


def test_ordinary_fields_filter_and_sort_as_exchange_does():
    _, _, alice, bob, _ = make_world()
    create_message(alice, subject="low", extra="<t:Importance>Low</t:Importance>")
    create_message(
        alice,
        subject="high",
        extra="<t:Sensitivity>Private</t:Sensitivity><t:Categories><t:String>Blue</t:String></t:Categories>"
        "<t:Importance>High</t:Importance><t:ReminderIsSet>true</t:ReminderIsSet>",
    )

    def subjects(**kw):
        found = find_items(bob, shape="Default", **kw)
        return [e.text for e in found.iterfind(".//t:Subject", NS)]

    assert subjects(restriction=_is_equal("item:Importance", "High")) == ["high"]
    assert subjects(restriction=_is_equal("item:Sensitivity", "Private")) == ["high"]
    assert subjects(restriction=_is_equal("item:ReminderIsSet", "true")) == ["high"]
    contains = (
        '<m:Restriction><t:Contains ContainmentMode="FullString" ContainmentComparison="IgnoreCase">'
        '<t:FieldURI FieldURI="item:Categories"/><t:Constant Value="blue"/></t:Contains></m:Restriction>'
    )
    assert subjects(restriction=contains) == ["high"]
    assert subjects(restriction=_is_equal("message:From", "alice@contoso.example")) == ["high", "low"]
    assert subjects(sort=_sort("item:Subject")) == ["high", "low"]
    assert subjects(sort=_sort("item:Importance", "Descending")) == ["high", "low"], "by value: High > Low"
    assert subjects(sort=_sort("item:Importance")) == ["low", "high"]
    body = (
        '<m:Restriction><t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase">'
        '<t:FieldURI FieldURI="item:Body"/><t:Constant Value="BODY TEXT"/></t:Contains></m:Restriction>'
    )
    assert len(subjects(restriction=body)) == 2


def test_contact_indexed_field_restriction():
    _, _, alice, _, _ = make_world()
    alice.call(
        '<m:CreateItem><m:SavedItemFolderId><t:DistinguishedFolderId Id="contacts"/></m:SavedItemFolderId><m:Items>'
        "<t:Contact><t:GivenName>Hana</t:GivenName><t:EmailAddresses>"
        '<t:Entry Key="EmailAddress1">hana@example.jp</t:Entry></t:EmailAddresses></t:Contact></m:Items></m:CreateItem>'
    )
    restriction = (
        '<m:Restriction><t:IsEqualTo><t:IndexedFieldURI FieldURI="contacts:EmailAddress" FieldIndex="EmailAddress1"/>'
        '<t:FieldURIOrConstant><t:Constant Value="hana@example.jp"/></t:FieldURIOrConstant></t:IsEqualTo>'
        "</m:Restriction>"
    )
    assert len(item_ids(find_items(alice, folder="contacts", restriction=restriction))) == 1


def test_subject_is_kept_to_255_characters():
    _, _, alice, _, _ = make_world()
    created = create_message(alice, subject="x" * 300, disposition="SaveOnly")
    assert codes(created) == ["NoError"]
    (item_id, _) = item_ids(created)[0]
    assert text(get_items(alice, [item_id]), ".//t:Subject") == "x" * 255


def test_culture_is_settable():
    _, _, alice, _, _ = make_world()
    created = create_message(alice, disposition="SaveOnly", extra="<t:Culture>ja-JP</t:Culture>")
    assert codes(created) == ["NoError"]
    (item_id, change_key) = item_ids(created)[0]
    assert text(get_items(alice, [item_id]), ".//t:Culture") == "ja-JP"
    updated = alice.call(
        f'<m:UpdateItem ConflictResolution="AlwaysOverwrite"><m:ItemChanges><t:ItemChange>'
        f'<t:ItemId Id="{item_id}" ChangeKey="{change_key}"/><t:Updates><t:SetItemField>'
        '<t:FieldURI FieldURI="item:Culture"/><t:Message><t:Culture>en-GB</t:Culture></t:Message>'
        "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>"
    )
    assert codes(updated) == ["NoError"]
    assert text(get_items(alice, [item_id]), ".//t:Culture") == "en-GB"
