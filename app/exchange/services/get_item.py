"""GetItem of Inbox messages, each answer read into an ``IncomingEmail`` (app.exchange.message_parse).

exchangelib's GetItem builds the request and turns error answers into exceptions per item; only
the reading of a message answer is ours, without a full exchangelib Message per item, and the
answer is parsed strictly (app.exchange.services.strict_answer): a broken one is refused whole.
``GetItemsStrict`` is exchangelib's GetItem (full items: appointments, contacts, tasks) with the
same strict parse, and exchangelib's errors while building an item classified.
"""

from __future__ import annotations

from typing import Any

from exchangelib.services import GetItem
from lxml.etree import _Element

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
