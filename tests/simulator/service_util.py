"""Hand-built EWS requests against EwsService (no transport), every response schema-checked."""

from __future__ import annotations

from schema_util import validate_response_body

from app.simulator.directory import Directory
from app.simulator.service import EwsService

NS = {
    "s": "http://schemas.xmlsoap.org/soap/envelope/",
    "t": "http://schemas.microsoft.com/exchange/services/2006/types",
    "m": "http://schemas.microsoft.com/exchange/services/2006/messages",
    "e": "http://schemas.microsoft.com/exchange/services/2006/errors",
}


def soap_request(body: str, version: str | None = "Exchange2013_SP1", header: str = "") -> bytes:
    rsv = f'<t:RequestServerVersion Version="{version}"/>' if version else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{NS["s"]}" xmlns:t="{NS["t"]}" '
        f'xmlns:m="{NS["m"]}"><s:Header>{rsv}{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>'
    ).encode()


class Client:
    """Calls the service as *account* and returns the validated element inside soap:Body."""

    def __init__(self, service: EwsService, account):
        self.service, self.account = service, account
        self.last = None

    def call(self, body: str, *, expect_status: int = 200, **kw):
        result = self.service.handle(soap_request(body, **kw), self.account)
        self.last = result
        assert result.status == expect_status, result.body[:2000]
        return validate_response_body(result.body)


def make_world(server_version="Exchange2013_SP1"):
    directory = Directory()
    alice = directory.add_account("alice@contoso.example", "pw-a", "Alice Adams")
    bob = directory.add_account("bob@contoso.example", "pw-b", "Bob Baker")
    svc = directory.add_account("svc@contoso.example", "pw-s", "CRM Service", roles={"impersonation"})
    service = EwsService(directory, server_version)
    return directory, service, Client(service, alice), Client(service, bob), Client(service, svc)


def codes(element) -> list[str]:
    return [e.text for e in element.iterfind(".//m:ResponseCode", NS)]


def classes(element) -> list[str]:
    return [e.get("ResponseClass") for e in element.iterfind("m:ResponseMessages/*", NS)]


def item_ids(element) -> list[tuple[str, str]]:
    return [(e.get("Id"), e.get("ChangeKey")) for e in element.iterfind(".//t:ItemId", NS)]


def get_items(client, ids, shape="AllProperties", extra="", body_type=""):
    bt = f"<t:BodyType>{body_type}</t:BodyType>" if body_type else ""
    id_xml = "".join(f'<t:ItemId Id="{i}"/>' for i in ids)
    return client.call(
        f"<m:GetItem><m:ItemShape><t:BaseShape>{shape}</t:BaseShape>{bt}{extra}</m:ItemShape>"
        f"<m:ItemIds>{id_xml}</m:ItemIds></m:GetItem>"
    )


def find_items(
    client,
    folder="inbox",
    shape="IdOnly",
    view='<m:IndexedPageItemView MaxEntriesReturned="1000" Offset="0" BasePoint="Beginning"/>',
    restriction="",
    sort="",
    extra="",
):
    return client.call(
        f'<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>{shape}</t:BaseShape>{extra}'
        f"</m:ItemShape>{view}{restriction}{sort}<m:ParentFolderIds>"
        f'<t:DistinguishedFolderId Id="{folder}"/></m:ParentFolderIds></m:FindItem>'
    )


def create_message(
    client,
    *,
    subject="Hello",
    body="Body text",
    to=("bob@contoso.example",),
    disposition="SendAndSaveCopy",
    extra="",
    saved_folder="",
):
    to_xml = "".join(f"<t:Mailbox><t:EmailAddress>{a}</t:EmailAddress></t:Mailbox>" for a in to)
    saved = (
        f'<m:SavedItemFolderId><t:DistinguishedFolderId Id="{saved_folder}"/></m:SavedItemFolderId>'
        if saved_folder
        else ""
    )
    return client.call(
        f'<m:CreateItem MessageDisposition="{disposition}">{saved}<m:Items><t:Message>'
        f'<t:Subject>{subject}</t:Subject><t:Body BodyType="Text">{body}</t:Body>'
        f"<t:ToRecipients>{to_xml}</t:ToRecipients>{extra}</t:Message></m:Items></m:CreateItem>"
    )


def text(element, path):
    return element.findtext(path, namespaces=NS)
