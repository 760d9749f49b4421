"""The marker stamped on every appointment, contact and task this app creates in Exchange.

A named extended property in a property set of our own (PropertyName ``SssmRecordId``, type
String) carries the store record's sync marker (a GUID, ``sync_marker`` in the store). Before
creating an item, app.sync looks the marker up in the folder (``find_marked``: FindItem with a
Restriction IsEqualTo on it), so an item whose creation reached Exchange but whose link was
never stored (a crash, two processes at once) is linked instead of created twice; GetItem reads
it back, so such an item coming in as "new" is linked to its record instead of imported.

exchangelib learns the property through ``register()`` on its item classes: once, when this
module is imported, under the attribute name ``MARKER_FIELD``.
"""

from __future__ import annotations

from exchangelib import CalendarItem, Contact, Task
from exchangelib.extended_properties import ExtendedProperty
from exchangelib.fields import InvalidField

__all__ = ["MARKER_FIELD", "MARKER_NAME", "MARKER_PROPERTY_SET", "register"]

MARKER_PROPERTY_SET = "5d1b7c3e-2f4a-4e8b-9a61-0c3d8e5f7a92"  # ours, fixed for good: items carry it
MARKER_NAME = "SssmRecordId"
MARKER_FIELD = "sssm_record_id"  # the attribute exchangelib's items have it under


class SssmRecordId(ExtendedProperty):  # type: ignore[misc]  # exchangelib has no type information
    property_set_id = MARKER_PROPERTY_SET
    property_name = MARKER_NAME
    property_type = "String"


def register() -> None:
    """Make ``MARKER_FIELD`` an attribute of exchangelib's calendar items, contacts and tasks
    (idempotent)."""
    for item_class in (CalendarItem, Contact, Task):
        try:
            item_class.get_field_by_fieldname(MARKER_FIELD)
        except InvalidField:
            item_class.register(MARKER_FIELD, SssmRecordId)


register()
