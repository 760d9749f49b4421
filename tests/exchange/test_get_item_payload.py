"""Incoming sync's GetItem writes its item ids itself (app.exchange.services.get_item): the request
is the one exchangelib's own GetItem would send, byte for byte."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from exchangelib.items import ID_ONLY
from exchangelib.services import GetItem
from exchangelib.util import xml_to_str
from exchangelib.version import EXCHANGE_2013_SP1, Version

from app.exchange.incoming_email import FETCHED_FIELDS, _field_paths
from app.exchange.services.get_item import GetMessagesLight

VERSION = Version(build=EXCHANGE_2013_SP1)
ACCOUNT = SimpleNamespace(version=VERSION, protocol=SimpleNamespace(version=VERSION))  # all a payload reads


@pytest.mark.parametrize(
    "items",
    [
        [("AAMkADk=", "CQAAABYA")],
        [("AAMkADk=", None), ("AAMkADl=", "CQAAABYB")],  # without a change key: any version
        [("odd &<>\"' id", "key &<>\"'")],  # escaped as exchangelib escapes it
        [(f"id{n}", f"ck{n}") for n in range(100)],
    ],
)
def test_the_getitem_request_is_exchangelibs_own(items):
    fields = _field_paths(FETCHED_FIELDS)
    ours = GetMessagesLight(account=ACCOUNT).get_payload(items=items, additional_fields=fields, shape=ID_ONLY)
    theirs = GetItem(account=ACCOUNT).get_payload(items=items, additional_fields=fields, shape=ID_ONLY)
    assert xml_to_str(ours) == xml_to_str(theirs)
