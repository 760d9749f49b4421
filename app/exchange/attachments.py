"""An attachment's content, fetched when someone asks for it (GetAttachment).

Incoming sync keeps only what GetItem lists of an attachment (app.exchange.message_parse's
``AttachmentInfo``); ``fetch_attachment`` reads the content: a file attachment's bytes, an item
attachment as its MIME (message/rfc822). Exchange's refusal raises ``AttachmentUnavailable``
with the answer's ``ItemError`` (e.g. ErrorItemNotFound once the email was deleted or moved);
anything else is exchangelib's error, for app.exchange.errors.classify.
"""

from __future__ import annotations

from exchangelib import errors as ews
from exchangelib.attachments import AttachmentId, FileAttachment, ItemAttachment
from exchangelib.services import GetAttachment

from app.exchange.errors import ItemError, item_error
from app.exchange.mailbox_connection import MailboxConnection

__all__ = ["AttachmentUnavailable", "fetch_attachment"]


class AttachmentUnavailable(Exception):
    """Exchange refused the attachment: ``error`` says why (its EWS code and text)."""

    def __init__(self, error: ItemError) -> None:
        super().__init__(f"{error.code}: {error.text}")
        self.error = error


def fetch_attachment(connection: MailboxConnection, attachment_id: str) -> bytes:
    """The content of attachment *attachment_id* of an item in *connection*'s mailbox."""
    service = GetAttachment(account=connection.account)
    results = list(
        service.call(
            items=[AttachmentId(id=attachment_id)],
            include_mime_content=True,
            body_type=None,
            filter_html_content=None,
            additional_fields=None,
        )
    )
    if len(results) != 1:
        raise AttachmentUnavailable(
            ItemError("ErrorInvalidAttachmentId", f"GetAttachment answered {len(results)} attachments for one id")
        )
    found = results[0]
    if isinstance(found, ews.EWSError):
        raise AttachmentUnavailable(item_error(found))
    if isinstance(found, FileAttachment):
        return bytes(found.content or b"")
    if isinstance(found, ItemAttachment) and found.item is not None:
        return bytes(found.item.mime_content or b"")
    raise AttachmentUnavailable(ItemError("ErrorInvalidAttachmentId", f"GetAttachment answered {type(found).__name__}"))
