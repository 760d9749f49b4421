"""The loopback server's responses have the element structure of real Exchange captures.

Compared: FindItem, GetItem and SyncFolderItems against php-ews recordings (Exchange Online and
Exchange 2019), an item-level ErrorItemNotFound and 500 SOAP faults against evolution-ews traces
(Exchange 2007 SP1 / 2010 SP2). Structure only (element paths, ResponseClass/ResponseCode,
ServerVersionInfo header, namespaces), never values; item properties are optional, so the server's
item properties must be ones real servers send, and the ones every capture sends must be there.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from app.simulator.seed_mix import SeedMix

CAPTURES = Path(__file__).resolve().parents[1] / "data" / "ews-captures"
S = "http://schemas.xmlsoap.org/soap/envelope/"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
E = "http://schemas.microsoft.com/exchange/services/2006/errors"
PREFIX = {S: "s", M: "m", T: "t", E: "e"}
# Message recipients: standard properties real servers send, but the php-ews recordings only hold
# drafts and calendar items, so they never show them
RECIPIENT_PROPS = {
    "t:From",
    "t:Sender",
    "t:ToRecipients",
    "t:CcRecipients",
    "t:BccRecipients",
    "t:ReplyTo",
    "t:InReplyTo",
    "t:References",
}
ITEM_TAGS = {
    "Message",
    "CalendarItem",
    "Contact",
    "Task",
    "Item",
    "MeetingRequest",
    "MeetingResponse",
    "MeetingCancellation",
    "PostItem",
    "DistributionList",
}


def name(el) -> str:
    q = etree.QName(el)
    return f"{PREFIX.get(q.namespace, q.namespace)}:{q.localname}"


def skeleton(el, prefix="") -> set[str]:
    """Element paths below *el*, stopping at item elements (their properties are compared apart)."""
    paths = set()
    for child in el:
        if not isinstance(child.tag, str):
            continue
        is_item = etree.QName(child).localname in ITEM_TAGS
        path = f"{prefix}/{'t:<item>' if is_item else name(child)}"  # Message, CalendarItem, ... alike
        paths.add(path)
        if not is_item:
            paths |= skeleton(child, path)
        else:
            paths.add(path + "/t:ItemId")
    return paths


def items(el):
    return [
        c
        for c in el.iter()
        if isinstance(c.tag, str) and etree.QName(c).localname in ITEM_TAGS and etree.QName(c).namespace == T
    ]


def messages(body: bytes, operation: str):
    root = etree.fromstring(body)
    return root, root.findall(
        f"{{{S}}}Body/{{{M}}}{operation}Response/{{{M}}}ResponseMessages/{{{M}}}{operation}ResponseMessage"
    )


@cache
def php_ews(operation: str) -> tuple[bytes, ...]:
    """Successful response bodies of *operation* across all php-ews recordings."""
    found = []
    for path in sorted((CAPTURES / "php-ews-recordings").rglob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            if not isinstance(record, dict) or record.get("statusCode") != 200:
                continue
            body = (record.get("body") or "").encode()
            if f"<m:{operation}Response " in body.decode() and 'ResponseClass="Success"' in body.decode():
                found.append(body)
    assert found, f"no php-ews capture of {operation}"
    return tuple(found)


def evolution_responses():
    """(status, body) of every HTTP response in the evolution-ews traces."""
    for path in sorted((CAPTURES / "evolution-ews-traces").rglob("*")):
        if not path.is_file() or path.name == "COPYING":
            continue
        status = None
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            match = re.match(r"< HTTP/1\.1 (\d+)", line)
            if match:
                status = int(match.group(1))
            elif line.startswith("< <?xml"):
                yield status, line[2:].encode()


def check_header(root):
    info = root.find(f"{{{S}}}Header/{{{T}}}ServerVersionInfo")
    assert info is not None, "ServerVersionInfo header missing"
    assert {"MajorVersion", "MinorVersion", "MajorBuildNumber", "MinorBuildNumber", "Version"} <= set(info.attrib)


# -- requests ----------------------------------------------------------------------------------
def envelope(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{S}" xmlns:m="{M}" xmlns:t="{T}">'
        '<s:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></s:Header>'
        f"<s:Body>{body}</s:Body></s:Envelope>"
    ).encode()


FIND_ITEM = envelope(
    '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>'
    '<m:IndexedPageItemView MaxEntriesReturned="5" Offset="0" BasePoint="Beginning"/>'
    '<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>'
)
SYNC = envelope(
    "<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
    '<m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>'
    "<m:MaxChangesReturned>5</m:MaxChangesReturned></m:SyncFolderItems>"
)


def get_item(item_id: str) -> bytes:
    return envelope(
        "<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>"
        f'<m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:GetItem>'
    )


@pytest.fixture
def post(ews):
    # plain text messages, as in the captures: an attached or HTML message adds properties
    # (t:Attachments …) that the captured messages, having none, cannot vouch for
    plain = SeedMix(html=0, attachments=0, japanese=0, meeting_requests=0, ndrs=0)
    account = ews.new_account("shape", emails=20, appointments=0, contacts=0, tasks=0, mix=plain)
    session = ews.requests_session()

    def send(body: bytes, status: int = 200):
        response = session.post(
            ews.ews_url,
            data=body,
            auth=(account.email, account.password),
            headers={"Content-Type": "text/xml; charset=utf-8"},
        )
        assert response.status_code == status, response.text[:500]
        assert response.headers["Content-Type"].startswith("text/xml")
        return response.content

    send.account = account
    return send


def compare(operation: str, ours: bytes, *, skeleton_optional=frozenset()):
    captures = [messages(body, operation) for body in php_ews(operation)]
    root, ours_msgs = messages(ours, operation)
    check_header(root)
    assert len(ours_msgs) == 1 and ours_msgs[0].get("ResponseClass") == "Success"
    assert ours_msgs[0].findtext(f"{{{M}}}ResponseCode") == "NoError"
    # the response element binds m: and t: like Exchange does
    response_el = root.find(f"{{{S}}}Body")[0]
    assert response_el.nsmap.get("m") == M and response_el.nsmap.get("t") == T
    real = [skeleton(msgs[0]) for _, msgs in captures if msgs]
    ours_paths = skeleton(ours_msgs[0])
    union, common = set().union(*real), set.intersection(*real)
    assert ours_paths - union - skeleton_optional == set(), "paths real Exchange never sends"
    assert common - ours_paths == set(), "paths every real response has"
    # attributes of the structural elements
    for path in sorted(ours_paths & union):
        if "t:<item>" in path:
            continue
        ours_attrs = {a for el in _at(ours_msgs[0], path) for a in el.attrib}
        real_attrs = set().union(*({a for el in _at(msgs[0], path) for a in el.attrib} for _, msgs in captures if msgs))
        assert ours_attrs <= real_attrs | {"{http://www.w3.org/2001/XMLSchema-instance}type"}, path
    # item properties: those the server sends are sent by real servers, ItemId carries Id+ChangeKey
    real_props = {name(c) for _, msgs in captures for m in msgs for it in items(m) for c in it}
    real_props |= RECIPIENT_PROPS
    for item in items(ours_msgs[0]):
        assert {name(c) for c in item} <= real_props, f"{name(item)} properties real servers never send"
        item_id = item.find(f"{{{T}}}ItemId")
        assert item_id is not None and {"Id", "ChangeKey"} <= set(item_id.attrib)
    return ours_msgs[0], real_props


def _at(el, path):
    found = [el]
    for part in path.strip("/").split("/"):
        prefix, local = part.split(":")
        ns = {v: k for k, v in PREFIX.items()}[prefix]
        found = [
            c
            for f in found
            for c in f
            if c.tag == f"{{{ns}}}{local}"
            or (local == "<item>" and isinstance(c.tag, str) and etree.QName(c).localname in ITEM_TAGS)
        ]
    return found


def test_finditem_shape(post):
    message, _ = compare("FindItem", post(FIND_ITEM))
    root_folder = message.find(f"{{{M}}}RootFolder")
    # a partial page, as in the php-ews paging captures: offset of the next page, not the last item
    assert {"IndexedPagingOffset", "TotalItemsInView", "IncludesLastItemInRange"} <= set(root_folder.attrib)
    assert int(root_folder.get("TotalItemsInView")) > 5
    assert root_folder.get("IndexedPagingOffset") == "5" and root_folder.get("IncludesLastItemInRange") == "false"


def test_getitem_shape(post):
    found = etree.fromstring(post(FIND_ITEM)).iter(f"{{{T}}}ItemId")
    item_id = next(found).get("Id")
    message, real_props = compare("GetItem", post(get_item(item_id)))
    item = items(message)[0]
    ours = {name(c) for c in item}
    # what every real GetItem(AllProperties) of a message carries
    assert {
        "t:ItemId",
        "t:ParentFolderId",
        "t:ItemClass",
        "t:Subject",
        "t:Body",
        "t:DateTimeReceived",
        "t:Size",
        "t:IsRead",
        "t:From",
        "t:InternetMessageId",
    } <= ours


def test_syncfolderitems_shape(post):
    message, _ = compare("SyncFolderItems", post(SYNC))
    assert message.findtext(f"{{{M}}}SyncState")
    assert message.findtext(f"{{{M}}}IncludesLastItemInRange") in ("true", "false")
    assert message.find(f"{{{M}}}Changes/{{{T}}}Create/{{{T}}}Message/{{{T}}}ItemId") is not None


def _children(el):
    return [name(c) for c in el if isinstance(c.tag, str)]


def test_item_not_found_shape(post):
    real = []
    for status, body in evolution_responses():
        if b"ErrorItemNotFound" in body and b'ResponseClass="Error"' in body:
            root = etree.fromstring(body)
            msg = next(e for e in root.iter() if e.get("ResponseClass") == "Error")
            real.append((status, root, msg))
    assert real
    first_id = next(etree.fromstring(post(FIND_ITEM)).iter(f"{{{T}}}ItemId")).get("Id")
    deleted = envelope(
        f'<m:DeleteItem DeleteType="HardDelete"><m:ItemIds><t:ItemId Id="{first_id}"/></m:ItemIds></m:DeleteItem>'
    )
    post(deleted)
    root = etree.fromstring(post(get_item(first_id)))
    check_header(root)
    msg = next(e for e in root.iter() if e.get("ResponseClass") == "Error")
    assert msg.findtext(f"{{{M}}}ResponseCode") == "ErrorItemNotFound"
    for status, real_root, real_msg in real:
        assert status == 200
        check_header(real_root)
        # MessageText, ResponseCode, DescriptiveLinkKey, then the (empty) collection element
        assert (
            _children(msg)[:3] == _children(real_msg)[:3] == ["m:MessageText", "m:ResponseCode", "m:DescriptiveLinkKey"]
        )
        assert len(_children(msg)) == len(_children(real_msg))
        assert len(msg[-1]) == len(real_msg[-1]) == 0


def _fault_shape(root):
    fault = root.find(f"{{{S}}}Body/{{{S}}}Fault")
    assert fault is not None
    code = fault.find("faultcode")
    assert code.text.startswith("a:") and code.nsmap.get("a") == T
    assert fault.find("faultstring").get("{http://www.w3.org/XML/1998/namespace}lang")
    detail = fault.find("detail")
    return [c.tag for c in fault], _children(detail)[:2], code.text[2:], detail.findtext(f"{{{E}}}ResponseCode")


@pytest.mark.parametrize("fault", ["server_busy", "schema"])
def test_fault_shape(ews, post, fault):
    real = [(status, etree.fromstring(body)) for status, body in evolution_responses() if b"<s:Fault>" in body]
    assert real
    if fault == "server_busy":
        ews.faults.inject("server_busy", account=post.account.email, operation="FindItem", backoff_ms=500)
        ours = etree.fromstring(post(FIND_ITEM, 500))
        assert ours.find(f".//{{{T}}}MessageXml/{{{T}}}Value[@Name='BackOffMilliseconds']") is not None
    else:
        ours = etree.fromstring(post(envelope("<m:GetItem><m:Bogus/></m:GetItem>"), 500))
    tags, detail_head, code, detail_code = _fault_shape(ours)
    assert code == detail_code == {"server_busy": "ErrorServerBusy", "schema": "ErrorSchemaValidation"}[fault]
    for status, root in real:
        assert status == 500
        real_tags, real_head, real_code, real_detail_code = _fault_shape(root)
        assert tags == real_tags == ["faultcode", "faultstring", "detail"]
        assert detail_head == real_head == ["e:ResponseCode", "e:Message"]
        assert real_code == real_detail_code
