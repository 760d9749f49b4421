"""The store side of appointments, contacts and tasks sync: per record type the store model, the
synced fields and their fingerprint.

Which store fields are synced, and how they map to Exchange items, is app.exchange.item_mapping's
(``ItemMapping.store_fields``); the values travel between the two as a dict (``store_values``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from app.domain.enums import RecordType
from app.exchange.item_mapping import ITEM_MAPPINGS
from app.store.models import Appointment, Contact, Task

SyncedModel = type[Appointment] | type[Contact] | type[Task]


@dataclass(frozen=True)
class RecordMapping:
    record_type: RecordType
    model: SyncedModel
    folder: str  # the Exchange folder's distinguished name, also the FolderSyncState key
    store_fields: tuple[str, ...]
    optional_fields: frozenset[str] = frozenset()  # left out of a fingerprint while empty (item_mapping)

    def fingerprint(self, record: Any) -> str:
        """Hash of the synced fields: differs from ItemLink.synced_fingerprint when the store changed."""
        return self.fingerprint_values(self.store_values(record))

    def fingerprint_values(self, values: Mapping[str, Any]) -> str:
        """The fingerprint a record with these synced values has (e.g. an item's, read from Exchange)."""
        canonical = {
            name: _canonical(values.get(name))
            for name in self.store_fields
            if name not in self.optional_fields or values.get(name)
        }
        return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()[:32]

    def snapshot(self, values: dict[str, Any]) -> str:
        """A readable copy of one side's version (for the conflict log)."""
        return json.dumps({k: _canonical(v) for k, v in values.items()}, sort_keys=True, ensure_ascii=False)

    def store_values(self, record: Any) -> dict[str, Any]:
        """The record's synced fields: what goes to Exchange."""
        return {name: getattr(record, name) for name in self.store_fields}


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    return value


def _mapping(record_type: RecordType, model: SyncedModel) -> RecordMapping:
    items = ITEM_MAPPINGS[record_type]
    optional = frozenset(store_field for store_field, _item_field in items.optional_fields)
    return RecordMapping(record_type, model, items.folder, items.store_fields, optional)


RECORD_MAPPINGS: dict[RecordType, RecordMapping] = {
    RecordType.APPOINTMENT: _mapping(RecordType.APPOINTMENT, Appointment),
    RecordType.CONTACT: _mapping(RecordType.CONTACT, Contact),
    RecordType.TASK: _mapping(RecordType.TASK, Task),
}
