"""GetItem of Inbox messages, each answer read into an ``IncomingEmail`` (app.exchange.message_parse).

exchangelib's GetItem sends the request and turns error answers into exceptions per item; the
reading of a message answer is ours, without a full exchangelib Message per item, and so are the
item ids of the request (exchangelib builds and validates an ItemId object for each, which cost an
initial sync more than reading the answers). The answer is parsed strictly
(app.exchange.services.strict_answer): a broken one is refused whole.
``GetItemsStrict`` is exchangelib's GetItem (full items: appointments, contacts, tasks) with the
same strict parse, and exchangelib's errors while building an item classified.
"""

from __future__ import annotations

from typing import Any

from exchangelib.services import GetItem
from exchangelib.services.common import shape_element
from exchangelib.util import TNS, create_element
from lxml.etree import SubElement, _Element

from app.exchange.errors import MalformedAnswer
from app.exchange.message_parse import IncomingEmail, parse_message
from app.exchange.services.strict_answer import StrictAnswer


class GetMessagesLight(StrictAnswer, GetItem):  # type: ignore[misc]  # exchangelib has no type information
    """GetItem whose answers are ``IncomingEmail`` values (or exchangelib errors, per item); an
    answer that is not well-formed XML, or a message it cannot read, raises ``MalformedAnswer``."""

    def _elem_to_obj(self, elem: _Element) -> IncomingEmail:
        if not isinstance(elem, _Element):  # exchangelib hands on what an odd response message held
            raise MalformedAnswer(f"GetItem answered {type(elem).__name__} where a message belongs")
        return parse_message(elem)

    def get_payload(self, items: Any, additional_fields: Any, shape: Any) -> _Element:
        """exchangelib's payload, its ``t:ItemId``s written straight from the (id, change key)
        pairs: ``<t:ItemId Id=".." ChangeKey=".."/>``, no ChangeKey when it is None."""
        payload: _Element = create_element(f"m:{self.SERVICE_NAME}")
        version = self.account.version
        payload.append(
            shape_element(tag="m:ItemShape", shape=shape, additional_fields=additional_fields, version=version)
        )
        ids = create_element("m:ItemIds")
        for item_id, change_key in items:
            attributes = {"Id": item_id} if change_key is None else {"Id": item_id, "ChangeKey": change_key}
            SubElement(ids, _ITEM_ID, attributes)
        payload.append(ids)
        return payload


_ITEM_ID = f"{{{TNS}}}ItemId"


# what exchangelib raises while building an item from a well-formed answer that is not what EWS
# answers: ValueError for an element it has no item class or field for, AttributeError …
_UNREADABLE = (AttributeError, IndexError, KeyError, TypeError, ValueError)


class GetItemsStrict(StrictAnswer, GetItem):  # type: ignore[misc]  # exchangelib has no type information
    """exchangelib's GetItem (items built by exchangelib) whose answer is parsed strictly; an
    item exchangelib cannot build from it raises ``MalformedAnswer`` (for the whole request)."""

    def _elem_to_obj(self, elem: _Element) -> Any:
        try:
            return super()._elem_to_obj(elem)
        except _UNREADABLE as exc:
            raise MalformedAnswer(f"GetItem answered an item that cannot be read: {exc!r}"[:300]) from exc
