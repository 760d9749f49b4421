"""Envelope, versions, faults, impersonation and delegate access of the EWS service core."""

from __future__ import annotations

import pytest
from lxml import etree
from schema_util import validate_response_body
from service_util import NS, classes, codes, make_world, soap_request, text

from app.simulator import soap

GET_INBOX = (
    "<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>"
    '<m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>'
)


@pytest.fixture
def world():
    return make_world()


@pytest.mark.parametrize(
    "server_version, expected",
    [
        ("Exchange2013_SP1", ("15", "0", "847", "Exchange2013_SP1")),
        ("Exchange2010_SP2", ("14", "2", "328", "Exchange2010_SP2")),
        ("Exchange2016", ("15", "1", None, "V2017_07_11")),
    ],
)
def test_server_version_info_header(server_version, expected):
    _, service, alice, _, _ = make_world(server_version)
    request_version = "Exchange2010_SP2"
    alice.call(GET_INBOX, version=request_version)
    root = etree.fromstring(alice.last.body)
    info = root.find("s:Header/t:ServerVersionInfo", NS)
    major, minor, build, version = expected
    assert (info.get("MajorVersion"), info.get("MinorVersion"), info.get("Version")) == (major, minor, version)
    if build:
        assert info.get("MajorBuildNumber") == build
    assert alice.last.operation == "GetFolder"


@pytest.mark.parametrize("version", ["Exchange2016", "Exchange2015", "V2017_07_11", "Exchange2019", "bogus"])
def test_unknown_request_version_is_a_500_fault_on_2013(world, version):
    _, service, alice, _, _ = world
    fault = alice.call(GET_INBOX, version=version, expect_status=500)
    assert fault.findtext("faultcode") == "a:ErrorInvalidServerVersion"
    assert fault.findtext("detail/e:ResponseCode", namespaces=NS) == "ErrorInvalidServerVersion"


def test_known_older_versions_are_accepted_on_2013(world):
    _, _, alice, _, _ = world
    for version in ("Exchange2007_SP1", "Exchange2010", "Exchange2013", "Exchange2013_SP1", None):
        assert codes(alice.call(GET_INBOX, version=version)) == ["NoError"]


def test_exchange2016_server_accepts_exchange2016_requests():
    _, _, alice, _, _ = make_world("Exchange2016")
    assert codes(alice.call(GET_INBOX, version="Exchange2016")) == ["NoError"]


def test_malformed_xml_is_schema_validation_fault(world):
    _, service, alice, _, _ = world
    result = service.handle(b"<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>", alice.account)
    assert result.status == 500
    fault = validate_response_body(result.body)
    assert fault.findtext("faultcode") == "a:ErrorSchemaValidation"
    assert fault.find("detail/t:MessageXml/t:LineNumber", NS) is not None


def test_unknown_operation_is_answered_as_an_unknown_method_never_as_a_version_problem(world):
    """An operation this server lacks gets the endpoint's ContractFilter fault, as Exchange's WCF
    endpoint answers a method it does not know: not ErrorInvalidRequest or
    ErrorInvalidServerVersion, which send clients such as exchangelib through every version."""
    _, _, alice, _, _ = world
    fault = alice.call("<m:GetUserPhoto><m:Email>x@y</m:Email></m:GetUserPhoto>", expect_status=500)
    assert fault.findtext("faultcode") == "a:ActionNotSupported"
    assert "ContractFilter mismatch" in fault.findtext("faultstring")
    assert fault.find("detail") is None


def test_invalid_distinguished_folder_name_is_schema_fault_like_exchange(world):
    _, _, alice, _, _ = world
    fault = alice.call(GET_INBOX.replace('"inbox"', '"invalidparentid"'), expect_status=500)
    assert fault.findtext("faultcode") == "a:ErrorSchemaValidation"
    assert "DistinguishedFolderIdNameType" in fault.findtext("faultstring")


def test_peek_operation(world):
    _, service, _, _, _ = world
    assert service.peek_operation(soap_request(GET_INBOX)) == "GetFolder"
    assert service.peek_operation(b"<soap:Envelope><soap:Body>\n  <FindItem/></soap:Body>") == "FindItem"
    assert service.peek_operation(b"garbage") is None


def test_fault_builders_are_exchange_shaped():
    busy = validate_response_body(soap.server_busy_fault(1234))
    assert busy.findtext("faultcode") == "a:ErrorServerBusy"
    value = busy.find("detail/t:MessageXml/t:Value", NS)
    assert value.get("Name") == "BackOffMilliseconds" and value.text == "1234"
    for body in (
        soap.invalid_server_version_fault("Exchange2013_SP1"),
        soap.internal_server_error_fault("boom"),
        soap.schema_validation_fault("bad", 2, 630),
        soap.impersonate_user_denied_fault(),
    ):
        validate_response_body(body)


def test_impersonation_by_service_account(world):
    directory, _, _, _, svc = world
    header = (
        "<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>alice@contoso.example"
        "</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>"
    )
    folder = svc.call(GET_INBOX, header=header)
    inbox_id = directory.mailbox("alice@contoso.example").distinguished["inbox"].id
    assert folder.find(".//t:FolderId", NS).get("Id") == inbox_id
    for kind in ("SmtpAddress", "PrincipalName"):
        hdr = header.replace("PrimarySmtpAddress", kind)
        assert codes(svc.call(GET_INBOX, header=hdr)) == ["NoError"]


def test_impersonation_without_role_is_denied_with_fault(world):
    _, _, _, bob, _ = world
    header = (
        "<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>alice@contoso.example"
        "</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>"
    )
    fault = bob.call(GET_INBOX, header=header, expect_status=500)
    assert fault.findtext("faultcode") == "a:ErrorImpersonateUserDenied"


def test_impersonating_unknown_mailbox(world):
    _, _, _, _, svc = world
    header = (
        "<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>nobody@contoso.example"
        "</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>"
    )
    fault = svc.call(GET_INBOX, header=header, expect_status=500)
    assert fault.findtext("faultcode") == "a:ErrorNonExistentMailbox"


def test_other_mailbox_needs_delegate_rights(world):
    directory, _, alice, bob, _ = world
    other = GET_INBOX.replace(
        '<t:DistinguishedFolderId Id="inbox"/>',
        '<t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>alice@contoso.example'
        "</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>",
    )
    denied = bob.call(other)
    assert classes(denied) == ["Error"] and codes(denied) == ["ErrorAccessDenied"]
    directory.get("bob@contoso.example").delegates_to.add("alice@contoso.example")
    assert codes(bob.call(other)) == ["NoError"]
    missing = bob.call(other.replace("alice@", "ghost@"))
    assert codes(missing) == ["ErrorNonExistentMailbox"]


def test_item_ids_of_other_mailboxes_are_access_checked(world):
    directory, service, alice, bob, _ = world
    from app.simulator.seed import seed_mailbox

    seed_mailbox(directory, "alice@contoso.example", emails=3, appointments=0, contacts=0, tasks=0)
    item_id = next(iter(directory.mailbox("alice@contoso.example").items))
    body = (
        "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
        f'<m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:GetItem>'
    )
    assert codes(bob.call(body)) == ["ErrorAccessDenied"]
    assert codes(alice.call(body)) == ["NoError"]


def test_convert_id_probe_like_exchangelib_version_guess(world):
    directory, _, alice, _, _ = world
    probe = (
        '<m:ConvertId DestinationFormat="EntryId"><m:SourceIds><t:AlternateId Format="EwsId" Id="DUMMY" '
        'Mailbox="DUMMY"/></m:SourceIds></m:ConvertId>'
    )
    assert codes(alice.call(probe)) == ["ErrorInvalidIdMalformed"]
    inbox = directory.mailbox("alice@contoso.example").distinguished["inbox"].id
    to_hex = alice.call(probe.replace('"EntryId"', '"HexEntryId"').replace('Id="DUMMY"', f'Id="{inbox}"'))
    hex_id = to_hex.find(".//m:AlternateId", NS).get("Id")
    back = alice.call(
        f'<m:ConvertId DestinationFormat="EwsId"><m:SourceIds><t:AlternateId Format="HexEntryId" '
        f'Id="{hex_id}" Mailbox="alice@contoso.example"/></m:SourceIds></m:ConvertId>'
    )
    assert back.find(".//m:AlternateId", NS).get("Id") == inbox


def test_resolve_names(world):
    _, _, alice, _, _ = world
    one = alice.call(
        '<m:ResolveNames ReturnFullContactData="true"><m:UnresolvedEntry>bob@contoso.example'
        "</m:UnresolvedEntry></m:ResolveNames>"
    )
    assert codes(one) == ["NoError"]
    assert text(one, ".//t:Resolution/t:Mailbox/t:Name") == "Bob Baker"
    many = alice.call(
        '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>contoso</m:UnresolvedEntry></m:ResolveNames>'
    )
    assert classes(many) == ["Warning"] and codes(many) == ["ErrorNameResolutionMultipleResults"]
    none = alice.call(
        '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>zzz</m:UnresolvedEntry></m:ResolveNames>'
    )
    assert classes(none) == ["Error"] and codes(none) == ["ErrorNameResolutionNoResults"]
