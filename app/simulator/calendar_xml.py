"""Calendar and meeting properties of items, in types.xsd order.

``extend`` is called once by app.simulator.xmlitems: it adds to the calendar item's fields what
recurring series and meetings need (RecurrenceId, DateTimeStamp, OriginalStart, Recurrence,
FirstOccurrence, LastOccurrence, ModifiedOccurrences, DeletedOccurrences), gives the computed
ones their values (CalendarItemType, IsRecurring, MyResponseType, IsCancelled,
MeetingRequestWasSent, AppointmentSequenceNumber, AppointmentState), and defines the three
meeting message kinds — MeetingRequest, MeetingResponse, MeetingCancellation — as Message plus
their own properties.

What an item keeps for them in ``item.x`` (besides start, end, organizer, attendees …):
``recurrence`` (app.simulator.recurrence), ``exceptions`` (instance index as text → the
properties that differ), ``deleted`` (instance indexes), ``seq``, ``request_sent``,
``my_response``, ``is_cancelled``, ``responses`` (attendee address → ResponseType),
``stamp``; an occurrence (a view, see app.simulator.occurrences) has ``master_id``,
``instance``, ``original_start`` and ``is_exception``; a meeting message ``associated`` (the
calendar item's id), ``response_type``, ``request_type``, ``intended_free_busy``.
"""

from __future__ import annotations

from . import recurrence
from .soap import esc

_CALENDAR_ONLY = ("IsResponseRequested",)  # of CalendarItem, not of MeetingRequest


# ---------------------------------------------------------------------------- computed values
def item_type(item, ctx=None) -> str:
    if item.get("instance"):
        return "Exception" if item.get("is_exception") else "Occurrence"
    return "RecurringMaster" if item.get("recurrence") else "Single"


def is_organizer(item, ctx) -> bool:
    organizer = item.get("organizer")
    return organizer is None or organizer[1].lower() == ctx.mailbox.email


def _my_response(item, ctx) -> str:
    return item.get("my_response") or ("Organizer" if is_organizer(item, ctx) else "Unknown")


def _appointment_state(item, ctx) -> int:
    """1: a meeting, 2: received (not organized here), 4: cancelled (MS-OXOCAL PidLidAppointmentStateFlags)."""
    meeting = bool(item.get("required") or item.get("optional") or item.get("request_sent"))
    received = not is_organizer(item, ctx)
    state = (1 if meeting or received else 0) | (2 if received else 0)
    return state | (4 if item.get("is_cancelled") else 0)


def _item_id_xml(tag: str, item_id: str, ctx, master=None) -> str:
    ck = ctx.mailbox.change_key(master) if master is not None else None
    key = f' ChangeKey="{ck}"' if ck else ""
    return f'<t:{tag} Id="{item_id}"{key}/>'


def _occurrence_xml(tag: str, item, index: int, start, end, original, ctx) -> str:
    from .xmlitems import fmt_dt  # lazy: xmlitems imports this module

    return (
        f"<t:{tag}>{_item_id_xml('ItemId', recurrence.occurrence_id(item.id, index), ctx, item)}"
        f"<t:Start>{fmt_dt(start)}</t:Start><t:End>{fmt_dt(end)}</t:End>"
        f"<t:OriginalStart>{fmt_dt(original)}</t:OriginalStart></t:{tag}>"
    )


def _occurrences(item):
    from .occurrences import series_of  # lazy: occurrences builds on xmlitems

    return series_of(item)


def _first_occurrence(item, ctx):
    series = _occurrences(item)
    if series is None:
        return None
    for index, start, end, original in series.live():
        return _occurrence_xml("FirstOccurrence", item, index, start, end, original, ctx)
    return None


def _last_occurrence(item, ctx):
    series = _occurrences(item)
    if series is None or not series.is_finite():
        return None
    last = None
    for occurrence in series.live():
        last = occurrence
    if last is None:
        return None
    index, start, end, original = last
    return _occurrence_xml("LastOccurrence", item, index, start, end, original, ctx)


def _modified_occurrences(item, ctx):
    series = _occurrences(item)
    if series is None or not item.get("exceptions"):
        return None
    parts = [
        _occurrence_xml("Occurrence", item, index, start, end, original, ctx)
        for index, start, end, original in series.live()
        if str(index) in item.get("exceptions")
    ]
    return f"<t:ModifiedOccurrences>{''.join(parts)}</t:ModifiedOccurrences>" if parts else None


def _deleted_occurrences(item, ctx):
    from .xmlitems import fmt_dt

    series = _occurrences(item)
    if series is None or not item.get("deleted"):
        return None
    parts = []
    for index in sorted(item.get("deleted")):
        found = series.occurrence(index)
        if found is not None:
            parts.append(f"<t:DeletedOccurrence><t:Start>{fmt_dt(found[0])}</t:Start></t:DeletedOccurrence>")
    return f"<t:DeletedOccurrences>{''.join(parts)}</t:DeletedOccurrences>" if parts else None


def _associated(item, ctx):
    associated = item.get("associated")
    if not associated:
        return None
    target = ctx.mailbox.items.get(associated)
    return _item_id_xml("AssociatedCalendarItemId", associated, ctx, target)


def render_recurrence(value) -> str:
    return recurrence.render(value)


def render_attendee_response(item, email: str) -> str:
    return esc((item.get("responses") or {}).get(email.lower(), "Unknown"))


# ---------------------------------------------------------------------------- the field lists
def _insert_after(fields, anchor: str, new) -> None:
    position = next(i for i, f in enumerate(fields) if f.elem == anchor) + 1
    fields[position:position] = new


def _computed(fields, name: str, compute) -> None:
    for f in fields:
        if f.elem == name:
            f.compute = compute
            return
    raise LookupError(name)


def extend(field_class, item_fields, message_fields, calendar_fields) -> tuple[dict[str, list], list]:
    """Complete CalendarItem's fields (in place); returns the meeting message kinds (element →
    fields) and the fields that are new to the index of FieldURIs (xmlitems.BY_URI)."""
    F = field_class  # noqa: N806  (as xmlitems names it)
    _insert_after(
        calendar_fields,
        "UID",
        [
            F("RecurrenceId", "calendar:RecurrenceId", "dt", compute=lambda it, c: it.get("original_start")),
            F("DateTimeStamp", "calendar:DateTimeStamp", "dt", compute=lambda it, c: it.get("stamp") or it.created),
        ],
    )
    _insert_after(
        calendar_fields,
        "End",
        [
            F(
                "OriginalStart",
                "calendar:OriginalStart",
                "dt",
                compute=lambda it, c: it.get("original_start"),
                heavy=True,
            )
        ],
    )
    recurrence_field = F("Recurrence", "calendar:Recurrence", "recurrence", "recurrence", heavy=True)
    _insert_after(
        calendar_fields,
        "AppointmentState",
        [
            recurrence_field,
            F("FirstOccurrence", "calendar:FirstOccurrence", "raw", compute=_first_occurrence, heavy=True),
            F("LastOccurrence", "calendar:LastOccurrence", "raw", compute=_last_occurrence, heavy=True),
            F("ModifiedOccurrences", "calendar:ModifiedOccurrences", "raw", compute=_modified_occurrences, heavy=True),
            F("DeletedOccurrences", "calendar:DeletedOccurrences", "raw", compute=_deleted_occurrences, heavy=True),
        ],
    )
    for name, compute in (
        ("IsCancelled", lambda it, c: bool(it.get("is_cancelled"))),
        ("IsRecurring", lambda it, c: bool(it.get("instance"))),
        ("MeetingRequestWasSent", lambda it, c: bool(it.get("request_sent"))),
        ("CalendarItemType", item_type),
        ("MyResponseType", _my_response),
        ("AppointmentSequenceNumber", lambda it, c: it.get("seq") or 0),
        ("AppointmentState", _appointment_state),
    ):
        _computed(calendar_fields, name, compute)

    by_name = {f.elem: f for f in calendar_fields}
    meeting = [
        F("AssociatedCalendarItemId", "meeting:AssociatedCalendarItemId", "raw", compute=_associated),
        F("IsDelegated", "meeting:IsDelegated", "bool", compute=lambda it, c: False),
        F("IsOutOfDate", "meeting:IsOutOfDate", "bool", compute=lambda it, c: bool(it.get("out_of_date"))),
        F("HasBeenProcessed", "meeting:HasBeenProcessed", "bool", compute=lambda it, c: True),
        F("ResponseType", "meeting:ResponseType", "str", compute=lambda it, c: it.get("response_type") or "Unknown"),
        by_name["UID"],
        by_name["RecurrenceId"],
        by_name["DateTimeStamp"],
    ]
    request = [
        F("MeetingRequestType", "meetingRequest:MeetingRequestType", "str", "request_type"),
        F(
            "IntendedFreeBusyStatus",
            "meetingRequest:IntendedFreeBusyStatus",
            "str",
            compute=lambda it, c: it.get("intended_free_busy") or "Busy",
        ),
    ]
    in_meeting_part = ("UID", "RecurrenceId", "DateTimeStamp")
    request_calendar = [f for f in calendar_fields if f.elem not in (*_CALENDAR_ONLY, *in_meeting_part)]
    short = ("Start", "End", "Location", "Recurrence", "CalendarItemType")
    response_tail = [by_name[name] for name in short]
    kinds = {
        "MeetingRequest": item_fields + message_fields + meeting + request + request_calendar,
        "MeetingResponse": item_fields + message_fields + meeting + response_tail,
        "MeetingCancellation": item_fields + message_fields + meeting + response_tail,
    }
    return kinds, meeting[:5] + request
