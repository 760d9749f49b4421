"""The session-wide schema guard (tests/ews_fixtures.py) flags invalid EWS responses."""

from __future__ import annotations

import ews_fixtures
from ews_fixtures import SchemaGuard, check_ews_response

GOOD = b"""<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
<s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507"
 MinorBuildNumber="6" Version="V2017_07_11"
 xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/></s:Header>
<s:Body><m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
 xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>
<m:GetFolderResponseMessage ResponseClass="Error"><m:MessageText>x</m:MessageText>
<m:ResponseCode>ErrorFolderNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>
</m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>"""

# ResponseCode before MessageText: wrong order for the schema
BAD = GOOD.replace(b"<m:MessageText>x</m:MessageText>\n", b"").replace(
    b"<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>",
    b"<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:MessageText>x</m:MessageText>",
)


def test_checker_accepts_valid_and_names_operation_of_invalid():
    assert check_ews_response(GOOD) is None
    problem = check_ews_response(BAD)
    assert problem and problem.startswith("GetFolder: ") and "MessageText" in problem
    assert check_ews_response(b"<not xml").startswith("?: not XML")


def test_guard_filters_what_it_checks():
    guard = SchemaGuard()
    xml = [("Content-Type", "text/xml; charset=utf-8")]
    guard("/EWS/Exchange.asmx", 200, xml, BAD)
    guard("/EWS/Exchange.asmx", 500, xml + [(":fault", "malformed")], BAD)
    guard("/autodiscover/autodiscover.xml", 200, xml, BAD)
    guard("/EWS/Exchange.asmx", 401, xml, BAD)
    guard("/EWS/Exchange.asmx", 200, xml, GOOD)
    assert guard.checked == 2 and len(guard.failures) == 1 and guard.failures[0].startswith("GetFolder")


def test_session_guard_is_attached(ews):
    guard = ews_fixtures._schema_guard
    assert guard is not None and guard in ews.server._observers
    before = guard.checked
    response = ews.requests_session().post(
        ews.ews_url, data=b"<x/>", auth=("alice@contoso.com", "Passw0rd!"), headers={"Content-Type": "text/xml"}
    )
    assert response.status_code == 500  # ErrorSchemaValidation fault, itself checked
    guard.settle()
    assert guard.checked == before + 1
