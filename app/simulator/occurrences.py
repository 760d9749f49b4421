"""Occurrences of recurring masters: views, the calendar view, exceptions and deletions.

An occurrence is not stored: ``view`` builds it from its master when a client names it (its
ItemId, ``t:OccurrenceItemId``) or a CalendarView finds it, with the properties of its
exception applied when it was modified. Saving a changed view (``save_occurrence``) records
what differs from the plain occurrence as the master's exception for that instance; deleting
one (``delete_occurrence``) adds its index to the master's deleted occurrences. Either is a
change of the master (new change key, a change SyncFolderItems reports), as on Exchange, where
occurrences live inside their master.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import datetime

from .model import Folder, Item, Mailbox
from .recurrence import Series, instance_of, occurrence_id
from .service import OpError

# what an occurrence's view holds besides its master's properties
_VIEW_KEYS = ("master_id", "instance", "original_start", "is_exception")
# master-only properties an occurrence does not show
_SERIES_KEYS = ("recurrence", "exceptions", "deleted")
# the slots an exception can change
_EXCEPTION_SLOTS = ("subject", "_body", "body_spec", "body_type", "importance", "sensitivity", "categories")
OCCURRENCE_CLASS = "IPM.Appointment.Occurrence"


class ItemSeries:
    """The occurrences of one master as they are now: deletions left out, exceptions applied."""

    def __init__(self, master: Item):
        self.master = master
        self.series = Series(master.get("recurrence"), master.get("start"), master.get("end"), master.get("start_tz"))

    def is_finite(self) -> bool:
        return self.series.is_finite()

    def occurrence(self, index: int) -> tuple[datetime, datetime] | None:
        """Original start and end of instance *index* (deleted or not)."""
        return self.series.occurrence(index)

    def actual(self, index: int, start: datetime, end: datetime) -> tuple[datetime, datetime]:
        changed = (self.master.get("exceptions") or {}).get(str(index))
        if not changed:
            return start, end
        x = changed.get("x") or {}
        return x.get("start", start), x.get("end", end)

    def live(self, until: datetime | None = None) -> Iterator[tuple[int, datetime, datetime, datetime]]:
        """(index, start, end, original start) of each occurrence not deleted, in series order."""
        deleted = set(self.master.get("deleted") or ())
        for index, start, end in self.series.occurrences(until):
            if index not in deleted:
                yield (index, *self.actual(index, start, end), start)


def series_of(item: Item) -> ItemSeries | None:
    """The series of a recurring master (None for any other item)."""
    if item.kind != "CalendarItem" or not item.get("recurrence") or item.get("instance") or not item.get("start"):
        return None
    return ItemSeries(item)


def is_occurrence(item: Item) -> bool:
    return bool(item.get("instance"))


def view(master: Item, index: int, original_start: datetime, original_end: datetime) -> Item:
    """Occurrence *index* of *master* as an item: the master's properties, its own times and ids,
    its exception's properties when it has one."""
    occurrence = copy.copy(master)
    x = {k: v for k, v in (master.x or {}).items() if k not in _SERIES_KEYS}
    x.update(start=original_start, end=original_end, master_id=master.id, instance=index)
    x["original_start"] = original_start
    changed = (master.get("exceptions") or {}).get(str(index))
    if changed:
        for name, value in (changed.get("slots") or {}).items():
            setattr(occurrence, name, value)
        x.update(changed.get("x") or {})
        x["is_exception"] = True
    occurrence.x = x
    assert master.id is not None, "a master in a mailbox has an id"
    occurrence.id = occurrence_id(master.id, index)
    occurrence.item_class = OCCURRENCE_CLASS
    return occurrence


def occurrence_by_index(mb: Mailbox, master: Item, index: int) -> Item:
    """The view of instance *index* of *master*; the error Exchange answers when there is none."""
    series = series_of(master)
    if series is None:
        raise OpError("ErrorCalendarCannotUseIdForOccurrenceId", "The item is not a recurring master.")
    original = series.occurrence(index)
    if original is None:
        raise OpError(
            "ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange",
            "Occurrence index is out of recurrence range.",
        )
    if index in (master.get("deleted") or ()):
        raise OpError(
            "ErrorCalendarOccurrenceIsDeletedFromRecurrence", "Occurrence with this index was previously deleted."
        )
    return view(master, index, *original)


def resolve_occurrence_id(mb: Mailbox, item_id: str) -> Item | None:
    """The occurrence an occurrence's ItemId names (None: the id names none)."""
    master_id, index = instance_of(item_id)
    master = mb.items.get(master_id) if index else None
    if master is None:
        return None
    return occurrence_by_index(mb, master, index)


def master_of(mb: Mailbox, occurrence: Item) -> Item:
    master = mb.items.get(occurrence.get("master_id"))
    if master is None:
        raise OpError("ErrorItemNotFound")
    return master


def calendar_view(folder: Folder, start: datetime, end: datetime) -> list[Item]:
    """Single items, occurrences and exceptions that overlap [start, end), by start (CalendarView)."""
    found: list[Item] = []
    for item in folder.items.values():
        if item.kind != "CalendarItem" or not item.get("start"):
            continue
        series = series_of(item)
        if series is None:
            if item.get("start") < end and item.get("end", item.get("start")) > start:
                found.append(item)
            continue
        found.extend(_occurrences_between(series, start, end))
    found.sort(key=lambda it: (it.get("start"), it.id))
    return found


def _occurrences_between(series: ItemSeries, start: datetime, end: datetime) -> Iterator[Item]:
    seen = set()
    for index, actual_start, actual_end, original in series.live(until=end):
        seen.add(index)
        if actual_start < end and actual_end > start:
            yield view(series.master, index, original, original + series.series.duration)
    for key in series.master.get("exceptions") or {}:  # an exception moved into the window from later
        index = int(key)
        original_times = series.occurrence(index) if index not in seen else None
        if original_times is None or index in (series.master.get("deleted") or ()):
            continue
        actual_start, actual_end = series.actual(index, *original_times)
        if actual_start < end and actual_end > start:
            yield view(series.master, index, *original_times)


def save_occurrence(mb: Mailbox, occurrence: Item) -> Item:
    """Keep what a changed occurrence view holds as its master's exception; returns the master."""
    master = master_of(mb, occurrence)
    index = occurrence.get("instance")
    bare = copy.copy(master)  # the master without exceptions: what the occurrence would be unchanged
    bare.x = {k: v for k, v in (master.x or {}).items() if k != "exceptions"}
    original = ItemSeries(master).occurrence(index)
    if original is None:
        raise OpError("ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange", "Occurrence index is out of range.")
    plain = view(bare, index, *original)
    slots = {
        name: getattr(occurrence, name)
        for name in _EXCEPTION_SLOTS
        if getattr(occurrence, name) != getattr(plain, name)
    }
    x = {k: v for k, v in (occurrence.x or {}).items() if k not in _VIEW_KEYS and plain.get(k) != v}
    exceptions = dict(master.get("exceptions") or {})
    exceptions[str(index)] = {"slots": slots, "x": x}
    master.set("exceptions", exceptions)
    mb.touch(master)
    occurrence.ck = master.ck
    occurrence.set("is_exception", True)
    return master


def delete_occurrence(mb: Mailbox, occurrence: Item) -> Item:
    """Delete one occurrence from its series (its exception goes with it); returns the master."""
    master = master_of(mb, occurrence)
    index = occurrence.get("instance")
    master.set("deleted", tuple(sorted({*(master.get("deleted") or ()), index})))
    exceptions = dict(master.get("exceptions") or {})
    exceptions.pop(str(index), None)
    master.set("exceptions", exceptions or None)
    mb.touch(master)
    return master


def new_pattern(master: Item) -> None:
    """After the master's pattern changed: the old one's exceptions and deletions go, as on Exchange."""
    master.set("exceptions", None)
    master.set("deleted", None)
    align_master(master)


def align_master(master: Item) -> None:
    """A master starts at its first occurrence (Exchange moves Start/End there); OpError when the
    series has none."""
    series = series_of(master)
    if series is None:
        return
    for _, start, end in series.series.occurrences():
        master.set("start", start)
        master.set("end", end)
        return
    raise OpError("ErrorRecurrenceHasNoOccurrence", "The recurrence pattern has no occurrences.")
