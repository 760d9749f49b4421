"""UpdateItem that answers a stale ChangeKey per item.

exchangelib raises ErrorIrresolvableConflict for the whole batch; appointments, contacts and
tasks sync wants it per item (that item changed in Exchange since it was read: re-read it and
decide as a conflict), with the other items of the batch saved. So are the refusals of an
item's own values, as in CreateItem.
"""

from __future__ import annotations

from exchangelib.errors import ErrorIrresolvableConflict
from exchangelib.services import UpdateItem

from app.exchange.services.create_item import ITEM_VALUE_ERRORS


class UpdateItemPerItemConflicts(UpdateItem):  # type: ignore[misc]  # exchangelib has no type information
    """UpdateItem with ErrorIrresolvableConflict, and the refusals of an item's values
    (app.exchange.services.create_item), among the errors answered per item."""

    ERRORS_TO_CATCH_IN_RESPONSE = UpdateItem.ERRORS_TO_CATCH_IN_RESPONSE + (
        ErrorIrresolvableConflict,
        *ITEM_VALUE_ERRORS,
    )
