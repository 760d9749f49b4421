"""ResolveNames and ConvertId (the latter is what exchangelib uses to learn the server version)."""

from __future__ import annotations

import base64
import binascii

from ..model import MalformedId, decode_id, encode_id
from ..service import M, OpError, RequestContext, T, response, response_message
from ..soap import attr, esc

_ENTRY_PREFIX = b"\x00\x00\x00\x00"


def _mailbox_xml(name, email, mtype="Mailbox", item=None, mb=None) -> str:
    item_id = f'<t:ItemId Id="{item.id}" ChangeKey="{mb.change_key(item)}"/>' if item is not None else ""
    return (
        f"<t:Mailbox><t:Name>{esc(name or email)}</t:Name><t:EmailAddress>{esc(email)}</t:EmailAddress>"
        f"<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>{mtype}</t:MailboxType>{item_id}</t:Mailbox>"
    )


def _matches(query: str, *values) -> bool:
    q = query.lower()
    for v in values:
        if not v:
            continue
        v = v.lower()
        if v == q or v.startswith(q) or any(w.startswith(q) for w in v.replace("@", " ").replace(".", " ").split()):
            return True
    return False


def resolve_names(ctx: RequestContext, req) -> str:
    entry = (req.findtext(M + "UnresolvedEntry") or "").strip()
    full = (req.get("ReturnFullContactData") or "false") == "true"
    scope = req.get("SearchScope") or "ActiveDirectoryContacts"
    query = entry[5:] if entry.lower().startswith("smtp:") else entry
    resolutions = []
    if query:
        if scope != "Contacts":
            exact = ctx.directory.get(query) if "@" in query else None
            accounts = (
                [exact]
                if exact
                else [a for a in ctx.directory.accounts() if _matches(query, a.email, a.display_name, a.username)]
            )
            for a in accounts:
                contact = ""
                if full:
                    contact = (
                        f"<t:Contact><t:DisplayName>{esc(a.display_name)}</t:DisplayName>"
                        f'<t:EmailAddresses><t:Entry Key="EmailAddress1">SMTP:{esc(a.email)}</t:Entry>'
                        "</t:EmailAddresses><t:ContactSource>ActiveDirectory</t:ContactSource></t:Contact>"
                    )
                resolutions.append(f"<t:Resolution>{_mailbox_xml(a.display_name, a.email)}{contact}</t:Resolution>")
        if scope != "ActiveDirectory" and not (resolutions and "@" in query):
            mb = ctx.own_mailbox()
            for item in mb.distinguished["contacts"].items.values():
                if item.kind != "Contact":
                    continue
                emails = item.get("emails") or {}
                name = item.get("display_name") or " ".join(
                    p for p in (item.get("given_name"), item.get("surname")) if p
                )
                if _matches(query, name, *emails.values()):
                    email = next(iter(emails.values()), "")
                    resolutions.append(f"<t:Resolution>{_mailbox_xml(name, email, 'Contact', item, mb)}</t:Resolution>")
    if not resolutions:
        return response(
            "ResolveNames", [response_message("ResolveNames", error=OpError("ErrorNameResolutionNoResults"))]
        )
    resolutions = resolutions[:100]
    inner = (
        f'<m:ResolutionSet TotalItemsInView="{len(resolutions)}" IncludesLastItemInRange="true">'
        f"{''.join(resolutions)}</m:ResolutionSet>"
    )
    if len(resolutions) > 1:
        msg = response_message("ResolveNames", inner, OpError("ErrorNameResolutionMultipleResults"), warning=True)
    else:
        msg = response_message("ResolveNames", inner)
    return response("ResolveNames", [msg])


def _to_raw(fmt: str, value: str) -> bytes:
    if fmt in ("EwsId", "EwsLegacyId"):
        decode_id(value)
        return base64.b64decode(value)
    if fmt == "EntryId":
        raw = base64.b64decode(value, validate=True)
    elif fmt == "HexEntryId":
        raw = bytes.fromhex(value)
    else:
        raise OpError("ErrorInvalidIdMalformed")
    if not raw.startswith(_ENTRY_PREFIX):
        raise MalformedId(value)
    ews = base64.b64encode(raw[len(_ENTRY_PREFIX) :]).decode()
    decode_id(ews)
    return raw[len(_ENTRY_PREFIX) :]


def _from_raw(fmt: str, raw: bytes) -> str:
    if fmt in ("EwsId", "EwsLegacyId"):
        return base64.b64encode(raw).decode()
    if fmt == "EntryId":
        return base64.b64encode(_ENTRY_PREFIX + raw).decode()
    if fmt == "HexEntryId":
        return (_ENTRY_PREFIX + raw).hex().upper()
    raise OpError("ErrorInvalidIdMalformed", "The destination format is not supported by this server.")


def convert_id(ctx: RequestContext, req) -> str:
    dest = req.get("DestinationFormat") or "EwsId"
    src = req.find(M + "SourceIds")
    msgs = []
    for el in list(src) if src is not None else []:
        try:
            if el.tag != T + "AlternateId":
                raise OpError("ErrorInvalidIdMalformed")
            try:
                raw = _to_raw(el.get("Format") or "", el.get("Id") or "")
            except (MalformedId, binascii.Error, ValueError):
                raise OpError("ErrorInvalidIdMalformed") from None
            guid, kind, counter = decode_id(base64.b64encode(raw).decode())
            mb = ctx.mailbox_for_guid(guid, kind)
            value = _from_raw(dest, base64.b64decode(encode_id(guid, kind, counter)))
            msgs.append(
                response_message(
                    "ConvertId",
                    f'<m:AlternateId xsi:type="t:AlternateIdType" Format="{attr(dest)}" '
                    f'Id="{attr(value)}" Mailbox="{attr(mb.email)}"/>',
                )
            )
        except OpError as e:
            msgs.append(response_message("ConvertId", error=e))
    return response("ConvertId", msgs)
