"""The EWS service core: parse a SOAP request, run the operation, return the envelope.

No HTTP, TLS or authentication here: the transport hands over the request body and the
already-authenticated :class:`~app.simulator.directory.Account`.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import soap
from .attachments import MAX_ATTACHMENT_SIZE
from .directory import Account, Directory
from .model import Mailbox, MalformedId, decode_id
from .soap import M_NS, SOAP_NS, T_NS, attr, esc
from .xmlitems import RenderContext

log = logging.getLogger(__name__)

M = f"{{{M_NS}}}"
T = f"{{{T_NS}}}"
S = f"{{{SOAP_NS}}}"

DISTINGUISHED_NAMES = frozenset(
    [
        "calendar",
        "contacts",
        "deleteditems",
        "drafts",
        "inbox",
        "journal",
        "notes",
        "outbox",
        "sentitems",
        "tasks",
        "msgfolderroot",
        "publicfoldersroot",
        "root",
        "junkemail",
        "searchfolders",
        "voicemail",
        "recoverableitemsroot",
        "recoverableitemsdeletions",
        "recoverableitemsversions",
        "recoverableitemspurges",
        "archiveroot",
        "archivemsgfolderroot",
        "archivedeleteditems",
        "archiveinbox",
        "archiverecoverableitemsroot",
        "archiverecoverableitemsdeletions",
        "archiverecoverableitemsversions",
        "archiverecoverableitemspurges",
        "syncissues",
        "conflicts",
        "localfailures",
        "serverfailures",
        "recipientcache",
        "quickcontacts",
        "conversationhistory",
        "adminauditlogs",
        "todosearch",
        "mycontacts",
        "directory",
        "imcontactlist",
        "peopleconnect",
        "favorites",
    ]
)

ERROR_TEXT = {
    "ErrorItemNotFound": "The specified object was not found in the store.",
    "ErrorFolderNotFound": "The specified folder could not be found in the store.",
    "ErrorParentFolderNotFound": "The specified parent folder could not be found.",
    "ErrorInvalidIdMalformed": "Id is malformed.",
    "ErrorAccessDenied": "Access is denied. Check credentials and try again.",
    "ErrorNonExistentMailbox": "The SMTP address has no mailbox associated with it.",
    "ErrorFolderExists": "A folder with the specified name already exists.",
    "ErrorDeleteDistinguishedFolder": "Distinguished folders cannot be deleted.",
    "ErrorIrresolvableConflict": "The send or update operation could not be performed because the change "
    "key passed in the request does not match the current change key for the item.",
    "ErrorInvalidSyncStateData": "Synchronization state data is corrupt or otherwise invalid.",
    "ErrorInvalidPropertySet": "Set action is invalid for property.",
    "ErrorInvalidOperation": "The operation is invalid.",
    "ErrorInvalidRequest": "The request is invalid.",
    "ErrorNameResolutionNoResults": "No results were found.",
    "ErrorNameResolutionMultipleResults": "Multiple results were found.",
    "ErrorMoveCopyFailed": "The move or copy operation failed.",
    "ErrorInvalidRecipients": "At least one recipient isn't valid.",
    "ErrorSendAsDenied": "The user account which was used to submit this request does not have the right to "
    "send mail on behalf of the specified sending account.",
    "ErrorChangeKeyRequiredForWriteOperations": "ChangeKey is required if overriding conflict resolution.",
    "ErrorInvalidChangeKey": "The change key is invalid.",
    "ErrorInvalidPagingMaxRows": "The specified paging max rows is invalid.",
    "ErrorMessageDispositionRequired": "MessageDisposition attribute is required.",
}


class OpError(Exception):
    """An item/folder-level error: becomes a ResponseMessage with ResponseClass="Error"."""

    def __init__(self, code: str, text: str | None = None, message_xml: str = ""):
        super().__init__(code)
        self.code = code
        self.text = text or ERROR_TEXT.get(code, code)
        self.message_xml = message_xml


class Fault(Exception):
    """A request-level failure answered with an HTTP 500 SOAP fault."""

    def __init__(self, body: bytes):
        super().__init__("soap fault")
        self.body = body


def response_message(
    name: str, inner: str = "", error: OpError | None = None, *, error_inner: str = "", warning: bool = False
) -> str:
    """``<m:{name}ResponseMessage ResponseClass=...>`` — success with *inner*, or the error."""
    tag = f"m:{name}ResponseMessage"
    if error is None:
        return f'<{tag} ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>{inner}</{tag}>'
    mx = f"<m:MessageXml>{error.message_xml}</m:MessageXml>" if error.message_xml else ""
    cls = "Warning" if warning else "Error"
    return (
        f'<{tag} ResponseClass="{cls}"><m:MessageText>{esc(error.text)}</m:MessageText>'
        f"<m:ResponseCode>{error.code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>"
        f"{mx}{error_inner if not warning else inner}</{tag}>"
    )


def response(name: str, messages: list[str] | str) -> str:
    if not isinstance(messages, str):
        messages = "".join(messages)
    return (
        f'<m:{name}Response xmlns:m="{M_NS}" xmlns:t="{T_NS}">'
        f"<m:ResponseMessages>{messages}</m:ResponseMessages></m:{name}Response>"
    )


@dataclass
class EwsResult:
    status: int
    body: bytes
    operation: str | None
    stream: Any = None  # a held answer (GetStreamingEvents): its envelopes() are written one by one


class RequestContext:
    """Per-request state handed to operations."""

    def __init__(self, service: EwsService, account: Account, caller: Account, request_version: str):
        self.service = service
        self.directory: Directory = service.directory
        self.account = account  # effective account (impersonated one if any)
        self.caller = caller
        self.request_version = request_version
        self.server_version = service.server_version
        self.major_version = soap.SERVER_VERSIONS[service.server_version]["MajorVersion"]

    # ---- mailboxes -------------------------------------------------------------------
    def own_mailbox(self) -> Mailbox:
        mb = self.directory.mailbox(self.account.email)
        if mb is None:
            raise OpError(
                "ErrorNonExistentMailbox",
                message_xml=f'<t:Value Name="SmtpAddress">{esc(self.account.email)}</t:Value>',
            )
        return mb

    def open_mailbox(self, email: str | None) -> Mailbox:
        if not email or email.strip().lower() == self.account.email:
            return self.own_mailbox()
        mb = self.directory.mailbox(email)
        if mb is None:
            raise OpError("ErrorNonExistentMailbox", message_xml=f'<t:Value Name="SmtpAddress">{esc(email)}</t:Value>')
        if not self.directory.can_open(self.account, email):
            raise OpError("ErrorAccessDenied")
        return mb

    def mailbox_for_guid(self, guid: str, kind: str) -> Mailbox:
        mb = self.directory.mailbox_by_guid(guid)
        if mb is None:
            raise OpError("ErrorItemNotFound" if kind == "item" else "ErrorFolderNotFound")
        if mb.email != self.account.email and not self.directory.can_open(self.account, mb.email):
            raise OpError("ErrorAccessDenied")
        return mb

    # ---- folders and items -----------------------------------------------------------
    def resolve_folder(self, el, *, parent: bool = False):
        """(mailbox, folder) for a t:FolderId / t:DistinguishedFolderId element."""
        missing = "ErrorParentFolderNotFound" if parent else "ErrorFolderNotFound"
        if el.tag == T + "DistinguishedFolderId":
            name = el.get("Id") or ""
            if name not in DISTINGUISHED_NAMES:
                raise Fault(
                    soap.schema_validation_fault(
                        f"The 'Id' attribute is invalid - The value '{name}' is invalid according to its datatype "
                        f"'{T_NS}:DistinguishedFolderIdNameType' - The Enumeration constraint failed."
                    )
                )
            mbel = el.find(T + "Mailbox")
            email = (mbel.findtext(T + "EmailAddress") or "").strip() if mbel is not None else None
            mb = self.open_mailbox(email)
            folder = mb.distinguished.get(name)
            if folder is None:
                raise OpError(missing)
            return mb, folder
        if el.tag == T + "FolderId":
            fid = el.get("Id") or ""
            try:
                guid, kind, _ = decode_id(fid)
            except MalformedId:
                raise OpError("ErrorInvalidIdMalformed") from None
            if kind != "folder":
                raise OpError("ErrorInvalidIdMalformed")
            mb = self.mailbox_for_guid(guid, "folder")
            folder = mb.folders.get(fid)
            if folder is None:
                raise OpError(missing)
            return mb, folder
        raise OpError("ErrorInvalidRequest")

    def resolve_item(self, el):
        """(mailbox, item) for a t:ItemId element (ChangeKey is checked by the caller), or a
        t:OccurrenceItemId / t:RecurringMasterItemId (ops/calendar.py)."""
        if el.tag in (T + "OccurrenceItemId", T + "RecurringMasterItemId"):
            from .ops.calendar import resolve_special_id

            return resolve_special_id(self, el)
        return self.item_by_id(el.get("Id") or "")

    def item_by_id(self, iid: str):
        """(mailbox, item) for an item id: an item of a mailbox or an occurrence (occurrences.py)."""
        try:
            guid, kind, _ = decode_id(iid)
        except MalformedId:
            raise OpError("ErrorInvalidIdMalformed") from None
        if kind != "item":
            raise OpError("ErrorInvalidIdMalformed")
        mb = self.mailbox_for_guid(guid, "item")
        item = mb.items.get(iid)
        if item is None:
            from .occurrences import resolve_occurrence_id

            item = resolve_occurrence_id(mb, iid)
            if item is None:
                raise OpError("ErrorItemNotFound")
        return mb, item

    def render_context(self, mailbox: Mailbox, body_type: str = "Best") -> RenderContext:
        owner = self.directory.get(mailbox.email)
        return RenderContext(
            mailbox,
            owner.display_name if owner else mailbox.email,
            self.major_version,
            body_type,
            is_local=lambda e: self.directory.mailbox(e) is not None,
        )


def _registry():
    from .ops import OPERATIONS

    return OPERATIONS


class EwsService:
    """Answers EWS SOAP requests the way Exchange (2010 SP2 / 2013 SP1 / 2016) does."""

    def __init__(self, directory: Directory, server_version: str = "Exchange2013_SP1"):
        soap.version_info(server_version)  # validates
        # Every operation's module is loaded now, not on the first request that needs it: a server
        # answers its first SyncFolderItems as fast as its hundredth, and importing on a
        # transport thread would hold the interpreter while a GUI in the same process waits.
        _registry()
        self.directory = directory
        self.server_version = server_version
        self.max_attachment_size = MAX_ATTACHMENT_SIZE  # ErrorAttachmentSizeLimitExceeded above it

    _OP_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?Body\b[^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z]+)")

    def peek_operation(self, body: bytes) -> str | None:
        """Local name of the first child of soap:Body, without a full parse (None if not found)."""
        m = self._OP_RE.search(body)
        return m.group(1).decode("ascii") if m else None

    def refusal(self, body: bytes, operation: str, code: str) -> bytes:
        """The answer of an *operation* request (one with ``m:Items``) whose every item Exchange
        refuses with *code*: what a ``refuse`` fault sends instead of acting."""
        try:
            items = ET.fromstring(body).find(f".//{M}Items")
        except ET.ParseError:
            items = None
        count = max(1, len(items) if items is not None else 1)
        error = OpError(code)
        messages = [response_message(operation, error=error, error_inner="<m:Items/>") for _ in range(count)]
        return soap.envelope(response(operation, messages), self.server_version)

    def handle(self, body: bytes, account: Account) -> EwsResult:
        """Run one EWS request for the authenticated *account*; never raises."""
        op_name = self.peek_operation(body)
        try:
            return self._handle(body, account)
        except Fault as f:
            return EwsResult(500, f.body, op_name)
        except Exception:  # a bug here must not kill the transport thread
            log.exception("EWS %s failed", op_name)
            return EwsResult(500, soap.internal_server_error_fault(server_version=self.server_version), op_name)

    def _handle(self, body: bytes, account: Account) -> EwsResult:
        try:
            root = ET.fromstring(body)
        except ET.ParseError as e:
            line, col = getattr(e, "position", (1, 1))
            raise Fault(soap.schema_validation_fault(str(e), line, col + 1)) from None
        if root.tag != S + "Envelope":
            raise Fault(soap.schema_validation_fault(f"The root element '{root.tag}' is not a SOAP 1.1 Envelope."))
        header = root.find(S + "Header")
        soap_body = root.find(S + "Body")
        if soap_body is None or len(soap_body) == 0:
            raise Fault(soap.invalid_request_fault())
        op_el = soap_body[0]
        op_name = op_el.tag.rsplit("}", 1)[-1]
        request_version = "Exchange2007"
        impersonation = None
        if header is not None:
            rsv = header.find(T + "RequestServerVersion")
            if rsv is not None:
                request_version = rsv.get("Version") or ""
            impersonation = header.find(T + "ExchangeImpersonation")
        if request_version not in soap.SERVER_VERSIONS[self.server_version]["accepts"]:
            raise Fault(soap.invalid_server_version_fault(self.server_version))
        if not op_el.tag.startswith(M):
            raise Fault(soap.invalid_request_fault())
        from .ops import REQUEST_ELEMENTS

        handler = _registry().get(REQUEST_ELEMENTS.get(op_name, op_name))
        if handler is None:  # as Exchange's endpoint answers a method it does not know
            raise Fault(soap.action_not_supported_fault())
        effective = self._impersonate(account, impersonation) if impersonation is not None else account
        ctx = RequestContext(self, effective, account, request_version)
        with self.directory.lock:
            out = handler(ctx, op_el)
        if not isinstance(out, str):  # a streaming answer, written by the transport
            return EwsResult(200, b"", op_name, stream=out)
        return EwsResult(200, soap.envelope(out, self.server_version), op_name)

    def _impersonate(self, caller: Account, el) -> Account:
        sid = el.find(T + "ConnectingSID")
        if sid is None or len(sid) == 0:
            raise Fault(soap.schema_validation_fault("The element 'ConnectingSID' has incomplete content."))
        if "impersonation" not in caller.roles:
            raise Fault(soap.impersonate_user_denied_fault(self.server_version))
        kind = sid[0].tag.rsplit("}", 1)[-1]
        value = (sid[0].text or "").strip()
        if kind in ("PrimarySmtpAddress", "SmtpAddress"):
            target = self.directory.get(value) if "@" in value else None
            if target is None or self.directory.mailbox(target.email) is None:
                raise Fault(soap.non_existent_mailbox_fault(value, self.server_version))
            return target
        if kind == "PrincipalName":
            target = self.directory.get(value)
            if target is None:
                raise Fault(soap.impersonation_failed_fault(self.server_version))
            return target
        raise Fault(soap.impersonation_failed_fault(self.server_version))

    def deliver(
        self,
        to_email,
        *,
        subject,
        body,
        sender,
        to=None,
        cc=(),
        body_type="Text",
        msgid=None,
        in_reply_to=None,
        references=None,
        received: datetime | None = None,
        is_read=False,
    ) -> str:
        """Deliver a new message into *to_email*'s Inbox (as if from outside); returns its item id."""
        from .model import Item
        from .ops.createitem import deliver_copy

        with self.directory.lock:
            mb = self.directory.mailbox(to_email)
            if mb is None:
                raise KeyError(f"no mailbox for {to_email!r}")
            item = Item("Message")
            item.subject, item.body, item.body_type = subject, body, body_type
            sender = sender if isinstance(sender, tuple) else (None, sender)
            item.sender = item.from_ = sender
            item.to = tuple(to) if to else ((None, mb.email),)
            item.cc = tuple(cc)
            item.msgid, item.in_reply_to, item.references = msgid, in_reply_to, references
            delivered = deliver_copy(mb, item, received=received, is_read=is_read)
            assert delivered.id is not None, "add_item gives the item its id"
            return delivered.id


def qname_local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


__all__ = [
    "EwsService",
    "EwsResult",
    "OpError",
    "Fault",
    "RequestContext",
    "response",
    "response_message",
    "attr",
    "esc",
]
