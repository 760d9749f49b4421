"""SyncFolderItems as incoming sync reads the Inbox: error answers raise, changes are light.

exchangelib's SyncFolderItems reads the SyncState of every answer before looking at its response
code, so an error answer (e.g. ErrorInvalidSyncStateData) surfaces as an AttributeError; here it
raises that error. The answer is parsed strictly (app.exchange.services.strict_answer): one that
is not well-formed XML is refused whole. The changes come back as ``(change type, NewMessage | None)``: a created
message as its id, change key and arrival time, any other item as None, without building an
exchangelib item (all its fields) per change.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from exchangelib.folders import BaseFolder
from exchangelib.items import Message
from exchangelib.services import SyncFolderItems
from exchangelib.services.sync_folder_hierarchy import SyncFolder
from exchangelib.util import MNS, TNS
from lxml.etree import _Element

from app.domain.timeutil import as_utc
from app.exchange.errors import MalformedAnswer
from app.exchange.message_parse import NewMessage, parse_new_item
from app.exchange.services.strict_answer import StrictAnswer

log = logging.getLogger(__name__)
_RECEIVED = Message.get_field_by_fieldname("datetime_received")
# what reading a change of a well-formed answer that is not what EWS answers raises, in our code
# and in exchangelib's (e.g. KeyError for an element it has no item class for)
_UNREADABLE = (AttributeError, IndexError, KeyError, TypeError, ValueError)


class SyncInboxItems(StrictAnswer, SyncFolderItems):  # type: ignore[misc]  # exchangelib has no type information
    """SyncFolderItems of a mail folder: error answers raise; changes are ``(change type,
    NewMessage | None)`` — only a ``create`` carries a value (None: not a message). An answer
    that is not well-formed XML, or a change it cannot read, raises ``MalformedAnswer``."""

    def _get_element_container(self, message: _Element, name: str | None = None) -> Any:
        if message.find(f"{{{MNS}}}SyncState") is None:
            return super(SyncFolder, self)._get_element_container(message, name=name)
        try:  # exchangelib's reads the SyncState and IncludesLastItemInRange as if there
            return super()._get_element_container(message, name=name)
        except _UNREADABLE as exc:
            raise MalformedAnswer(f"SyncFolderItems answered a page that cannot be read: {exc!r}"[:300]) from exc

    def _elem_to_obj(self, elem: _Element) -> tuple[str, NewMessage | None]:
        try:
            return self._change(elem)
        except _UNREADABLE as exc:
            raise MalformedAnswer(f"SyncFolderItems answered a change that cannot be read: {exc!r}"[:300]) from exc

    def _change(self, elem: _Element) -> tuple[str, NewMessage | None]:
        change_type: str = self.change_types_map[elem.tag]
        if change_type != self.CREATE:
            return change_type, None  # updates, read flags and deletions: incoming sync skips them
        item_elem = elem[0]
        new = parse_new_item(item_elem, self._received)
        if new is None:
            BaseFolder.item_model_from_tag(item_elem.tag)  # an unknown item type fails as in exchangelib
            item_id = item_elem.find(f"{{{TNS}}}ItemId")
            log.info(
                "Inbox item %s is a %s (%s), not an email: incoming sync skips it",
                item_id.get("Id") if item_id is not None else "?",
                str(item_elem.tag).rsplit("}", 1)[-1],
                item_elem.findtext(f"{{{TNS}}}ItemClass") or "no item class",
            )
        return change_type, new

    def _received(self, item_elem: _Element) -> datetime | None:
        return as_utc(_RECEIVED.from_xml(elem=item_elem, account=self.account))
