"""GetItem of Inbox messages, each answer read into an ``IncomingEmail`` (app.exchange.message_parse).

exchangelib's GetItem builds the request and turns error answers into exceptions per item; only
the reading of a message answer is ours, without a full exchangelib Message per item, and the
answer is parsed strictly (app.exchange.services.strict_answer): a broken one is refused whole.
"""

from __future__ import annotations

from exchangelib.services import GetItem
from lxml.etree import _Element

from app.exchange.message_parse import IncomingEmail, parse_message
from app.exchange.services.strict_answer import StrictAnswer


class GetMessagesLight(StrictAnswer, GetItem):  # type: ignore[misc]  # exchangelib has no type information
    """GetItem whose answers are ``IncomingEmail`` values (or exchangelib errors, per item); an
    answer that is not well-formed XML, or a message it cannot read, raises ``MalformedAnswer``."""

    def _elem_to_obj(self, elem: _Element) -> IncomingEmail:
        return parse_message(elem)
