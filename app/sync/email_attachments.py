"""A stored email's attachments: the metadata incoming sync kept, the content on demand.

``attachment_content(attachment_id)`` returns the content of a stored attachment: the first time
it is read from Exchange (GetAttachment, through a mailbox the email is linked to, on that
mailbox's connection) and kept in the store, later straight from the store. When no linked
mailbox has the email any more, ``AttachmentNotAvailable`` says why.
"""

from __future__ import annotations

import logging

from app.exchange.attachments import AttachmentUnavailable, fetch_attachment
from app.store.base import database
from app.store.models import EmailAttachment, EmailMailboxLink
from app.sync.session import connection_for

log = logging.getLogger(__name__)


class AttachmentNotAvailable(Exception):
    """The attachment's content cannot be read from Exchange (the email is gone, or not linked)."""


def attachment_content(attachment_id: int) -> bytes:
    """The content of stored attachment *attachment_id* (fetched from Exchange once, then kept)."""
    row = EmailAttachment.get_by_id(attachment_id)
    if row.content is not None:
        return bytes(row.content)
    links = list(EmailMailboxLink.select().where(EmailMailboxLink.email == row.email_id).order_by(EmailMailboxLink.id))
    if not links:
        raise AttachmentNotAvailable(f"the email of attachment {row.name!r} is in no mailbox")
    last_error: AttachmentUnavailable | None = None
    for link in links:  # the attachment id is the first mailbox's; another copy is tried after it
        try:
            content = fetch_attachment(connection_for(link.mailbox), row.attachment_id)
        except AttachmentUnavailable as exc:
            log.info("attachment %s not readable through %s: %s", row.id, link.mailbox.email, exc)
            last_error = exc
            continue
        with database.atomic():
            EmailAttachment.update(content=content).where(EmailAttachment.id == row.id).execute()
        return content
    raise AttachmentNotAvailable(f"Exchange no longer has attachment {row.name!r} ({last_error})")
