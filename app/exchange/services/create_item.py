"""CreateItem that answers an item Exchange refuses per item.

exchangelib raises most error answers for the whole batch (the cycle fails, every other item of
it with it); a refusal of one item's own values — an appointment longer than five years, an
end before its start, a property Exchange will not take — concerns that item only: item
monitoring lists it and the other items are saved. Errors of the mailbox or the server (access,
quota, throttling) are still raised, so the cycle fails and escalates as it should.
"""

from __future__ import annotations

from exchangelib.errors import (
    ErrorCalendarDurationIsTooLong,
    ErrorCalendarEndDateIsEarlierThanStartDate,
    ErrorCalendarInvalidAttributeValue,
    ErrorInvalidPropertySet,
    ErrorInvalidRecipients,
    ErrorPropertyValidationFailure,
)
from exchangelib.services import CreateItem

# the answers about one item's own values
ITEM_VALUE_ERRORS = (
    ErrorCalendarDurationIsTooLong,
    ErrorCalendarEndDateIsEarlierThanStartDate,
    ErrorCalendarInvalidAttributeValue,
    ErrorInvalidPropertySet,
    ErrorInvalidRecipients,
    ErrorPropertyValidationFailure,
)


class CreateItemPerItemErrors(CreateItem):  # type: ignore[misc]  # exchangelib has no type information
    """CreateItem with the refusals of an item's values among the errors answered per item."""

    ERRORS_TO_CATCH_IN_RESPONSE = CreateItem.ERRORS_TO_CATCH_IN_RESPONSE + ITEM_VALUE_ERRORS
