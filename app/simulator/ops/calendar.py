"""The calendar's part of the item operations.

- FindItem with a ``m:CalendarView``: single items and the occurrences and exceptions of
  recurring masters in the window (masters themselves are not listed), by start;
- the item ids of occurrences: ``t:OccurrenceItemId`` (master id + InstanceIndex),
  ``t:RecurringMasterItemId`` (an occurrence's id → its master), and an occurrence's own ItemId;
- CreateItem of a calendar item (a recurring master starts at its first occurrence; meeting
  requests go out as SendMeetingInvitations says) and of the response objects AcceptItem,
  TentativelyAcceptItem, DeclineItem, CancelCalendarItem, RemoveItem (app.simulator.meetings);
- UpdateItem of an occurrence (it becomes an exception of its master) or of a meeting (updates
  sent as SendMeetingInvitationsOrCancellations says); DeleteItem of an occurrence (the master's
  deleted occurrences) or of a meeting (cancellations as SendMeetingCancellations says).
"""

from __future__ import annotations

from datetime import timedelta

from .. import meetings, occurrences
from ..model import Item, Mailbox
from ..service import OpError, RequestContext, T, response_message
from ..xmlitems import parse_dt

ITEM_ID_TAGS = (T + "ItemId", T + "OccurrenceItemId", T + "RecurringMasterItemId")
RESPONSE_OBJECTS = ("AcceptItem", "TentativelyAcceptItem", "DeclineItem", "CancelCalendarItem", "RemoveItem")
MAX_VIEW_SPAN = timedelta(days=2 * 366)  # Exchange refuses a CalendarView longer than two years


# ---------------------------------------------------------------------------- FindItem
def calendar_view(folder, calview) -> list[Item]:
    """The items a ``m:CalendarView`` over *folder* lists."""
    start, end = parse_dt(calview.get("StartDate")), parse_dt(calview.get("EndDate"))
    if end < start:
        raise OpError("ErrorCalendarEndDateIsEarlierThanStartDate", "EndDate is earlier than StartDate")
    if end - start > MAX_VIEW_SPAN:
        raise OpError("ErrorCalendarViewRangeTooBig", "The calendar view range is too big (two years at most).")
    if not (folder.folder_class or "").startswith("IPF.Appointment"):
        raise OpError("ErrorCalendarFolderIsInvalidForCalendarView", "Calendar view needs a calendar folder.")
    return occurrences.calendar_view(folder, start, end)


# ---------------------------------------------------------------------------- item ids
def resolve_special_id(ctx: RequestContext, el) -> tuple[Mailbox, Item]:
    """(mailbox, item) for a ``t:OccurrenceItemId`` or ``t:RecurringMasterItemId``."""
    if el.tag == T + "OccurrenceItemId":
        mb, master = ctx.item_by_id(el.get("RecurringMasterId") or "")
        try:
            index = int(el.get("InstanceIndex") or "")
        except ValueError:
            raise OpError("ErrorInvalidRequest", "InstanceIndex must be a number.") from None
        return mb, occurrences.occurrence_by_index(mb, master, index)
    mb, item = ctx.item_by_id(el.get("OccurrenceId") or "")
    if not occurrences.is_occurrence(item):
        raise OpError(
            "ErrorCalendarCannotUseIdForRecurringMasterId", "The id is not the id of an occurrence or exception."
        )
    return mb, occurrences.master_of(mb, item)


def is_occurrence(item: Item) -> bool:
    return occurrences.is_occurrence(item)


# ---------------------------------------------------------------------------- CreateItem
def prepare_new(item: Item) -> None:
    """Before a new calendar item is saved: a recurring master starts at its first occurrence;
    IsAllDayEvent is always there (false unless said)."""
    item.set("is_all_day", bool(item.get("is_all_day")))
    occurrences.align_master(item)


def after_create(ctx: RequestContext, mb: Mailbox, item: Item, mode: str | None) -> None:
    meetings.send_invitations(ctx, mb, item, mode)


def response_object(ctx: RequestContext, el, tag: str, disposition: str | None) -> str:
    """One ``CreateItemResponseMessage`` for a response object (AcceptItem …) in CreateItem."""
    try:
        if disposition is None and tag != "RemoveItem":
            raise OpError("ErrorMessageDispositionRequired", "MessageDisposition attribute is required.")
        ref = el.find(T + "ReferenceItemId")
        if ref is None:
            raise OpError("ErrorInvalidRequest", f"{tag} needs a ReferenceItemId.")
        mb, item = ctx.item_by_id(ref.get("Id") or "")
        if ref.get("ChangeKey") and ref.get("ChangeKey") != mb.change_key(item):
            raise OpError("ErrorIrresolvableConflict")
        saved = None
        if tag in meetings.RESPONSES:
            saved = meetings.respond(ctx, mb, item, tag, disposition or "SendAndSaveCopy", _body(el))
        elif tag == "CancelCalendarItem":
            _cancel_calendar_item(ctx, mb, item)
        else:
            meetings.remove(ctx, mb, item)
        inner = ""
        if saved is not None:
            inner = f'<t:{saved.kind}><t:ItemId Id="{saved.id}" ChangeKey="{mb.change_key(saved)}"/></t:{saved.kind}>'
        return response_message("CreateItem", f"<m:Items>{inner}</m:Items>")
    except OpError as e:
        return response_message("CreateItem", error=e, error_inner="<m:Items/>")


def _body(el):
    body = el.find(T + "Body")
    return None if body is None else (body.text or "", body.get("BodyType") or "Text")


def _cancel_calendar_item(ctx: RequestContext, mb: Mailbox, item: Item) -> None:
    if occurrences.is_occurrence(item):
        item = occurrences.master_of(mb, item)
    if item.kind != "CalendarItem" or not meetings.attendees(item):
        raise OpError("ErrorInvalidOperation", "Only a meeting can be cancelled.")
    if not _organized_here(mb, item):
        raise OpError("ErrorCalendarIsNotOrganizer", "Only the organizer can cancel a meeting.")
    meetings.cancel(ctx, mb, item, "SendToAllAndSaveCopy")
    mb.move_item(item, mb.distinguished["deleteditems"])


def _organized_here(mb: Mailbox, item: Item) -> bool:
    organizer = item.get("organizer")
    return organizer is None or organizer[1].lower() == mb.email


# ---------------------------------------------------------------------------- UpdateItem
def check_changes(item: Item, changed: set) -> None:
    """Inside the update (an OpError undoes it): a new pattern realigns the series."""
    if item.kind == "CalendarItem" and not occurrences.is_occurrence(item) and "Recurrence" in changed:
        occurrences.new_pattern(item)
    elif item.kind == "CalendarItem" and item.get("recurrence") and {"Start", "End"} & changed:
        occurrences.align_master(item)


def save_changes(ctx: RequestContext, mb: Mailbox, item: Item, before_x: dict | None, mode: str | None) -> bool:
    """Store a changed calendar item's changes when they need more than a plain touch: an
    occurrence's (its master's exception) and a meeting's (updates to the attendees). True when
    the item was stored here."""
    if item.kind != "CalendarItem":
        return False
    if occurrences.is_occurrence(item):
        master = occurrences.save_occurrence(mb, item)
        if _organized_here(mb, master) and mode not in (None, "SendToNone"):
            meetings.send_update(ctx, mb, master, dict(master.x or {}), mode)
            mb.touch(master)
            item.ck = master.ck
        return True
    if not _organized_here(mb, item) or mode in (None, "SendToNone"):
        return False
    meetings.send_update(ctx, mb, item, before_x or {}, mode)
    mb.touch(item)
    return True


# ---------------------------------------------------------------------------- DeleteItem, MoveItem
def delete(ctx: RequestContext, mb: Mailbox, item: Item, mode: str | None) -> bool:
    """The calendar side of DeleteItem; True when the item was dealt with here (an occurrence)."""
    if item.kind != "CalendarItem":
        return False
    if occurrences.is_occurrence(item):
        master = occurrences.delete_occurrence(mb, item)
        if _organized_here(mb, master) and mode not in (None, "SendToNone"):
            meetings.send_update(ctx, mb, master, dict(master.x or {}), mode)
            mb.touch(master)
        return True
    if _organized_here(mb, item):
        meetings.cancel(ctx, mb, item, mode)
    return False


def check_movable(item: Item) -> None:
    if occurrences.is_occurrence(item):
        raise OpError("ErrorCalendarCannotMoveOrCopyOccurrence", "Cannot move or copy an occurrence.")
