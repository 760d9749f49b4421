"""GetItem of Inbox messages, each answer read into an ``IncomingEmail`` (app.exchange.message_parse).

exchangelib's GetItem builds the request and turns error answers into exceptions per item; only
the reading of a message answer is ours, without a full exchangelib Message per item.
"""

from __future__ import annotations

from exchangelib.services import GetItem
from lxml.etree import _Element

from app.exchange.message_parse import IncomingEmail, parse_message


class GetMessagesLight(GetItem):  # type: ignore[misc]  # exchangelib has no type information
    """GetItem whose answers are ``IncomingEmail`` values (or exchangelib errors, per item)."""

    def _elem_to_obj(self, elem: _Element) -> IncomingEmail:
        return parse_message(elem)
