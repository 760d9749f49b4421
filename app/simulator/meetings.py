"""Meetings between the server's mailboxes: requests, responses, updates and cancellations.

What Exchange (and its Calendar Attendant) does, and this server with it:
- an organizer's calendar item with attendees, saved with SendMeetingInvitations SendOnlyToAll
  or SendToAllAndSaveCopy, sends a ``MeetingRequest`` to each attendee: it lands in the
  attendee's Inbox, and a tentative copy of the meeting (MyResponseType NoResponseReceived,
  free/busy Tentative) appears in the attendee's calendar, which the request names
  (AssociatedCalendarItemId); the organizer's item says MeetingRequestWasSent, and
  SendToAllAndSaveCopy keeps a copy of the request in Sent Items;
- AcceptItem, TentativelyAcceptItem, DeclineItem (on the request or the calendar item) set the
  attendee's response on the calendar item — recreated with a new id, as EWS does — or delete
  it (Decline); the request goes to Deleted Items; unless SaveOnly, a ``MeetingResponse``
  ("Accepted: …") reaches the organizer's Inbox and the organizer's item records the response;
- an update sent by the organizer (UpdateItem with SendMeetingInvitationsOrCancellations)
  raises the sequence number and sends a request of type FullUpdate (times, place or pattern
  changed) or InformationalUpdate to every attendee, updating their copies;
- a cancellation (CancelCalendarItem, or DeleteItem with SendMeetingCancellations) sends a
  ``MeetingCancellation`` ("Canceled: …"); the attendee's copy is marked IsCancelled and stays
  until RemoveItem takes it away.
Attendees without a mailbox here are left alone (no mail leaves the server).
"""

from __future__ import annotations

import copy
import uuid

from .model import Item, Mailbox, utcnow
from .ops import createitem as mail  # a module: createitem imports the calendar operations in turn
from .service import OpError, RequestContext

# the calendar properties a meeting message and an attendee's copy carry from the organizer's item
_MEETING_KEYS = (
    "start",
    "end",
    "is_all_day",
    "location",
    "organizer",
    "required",
    "optional",
    "uid",
    "recurrence",
    "exceptions",
    "deleted",
    "start_tz",
    "end_tz",
    "seq",
)
_TIME_KEYS = ("start", "end", "location", "recurrence", "exceptions", "deleted", "is_all_day")
SEND_MODES = ("SendToNone", "SendOnlyToAll", "SendToAllAndSaveCopy", "SendOnlyToChanged", "SendToChangedAndSaveCopy")
RESPONSES = {  # response object → (ResponseType, subject prefix, item class of the response)
    "AcceptItem": ("Accept", "Accepted: ", "IPM.Schedule.Meeting.Resp.Pos"),
    "TentativelyAcceptItem": ("Tentative", "Tentative: ", "IPM.Schedule.Meeting.Resp.Tent"),
    "DeclineItem": ("Decline", "Declined: ", "IPM.Schedule.Meeting.Resp.Neg"),
}


def attendees(item: Item) -> list[tuple[str | None, str]]:
    return list(item.get("required") or ()) + list(item.get("optional") or ())


def _owner(ctx: RequestContext, mb: Mailbox) -> tuple[str | None, str]:
    account = ctx.directory.get(mb.email)
    return (account.display_name if account else None, mb.email)


def find_by_uid(mb: Mailbox, uid: str) -> Item | None:
    """The meeting with this UID in *mb*'s calendar (None when there is none)."""
    for item in mb.distinguished["calendar"].items.values():
        if item.kind == "CalendarItem" and item.get("uid") == uid:
            return item
    return None


def new_uid() -> str:
    """A meeting's UID as Outlook makes it: the Global Object ID, hex."""
    return "040000008200E00074C5B7101A82E008" + "00000000" + uuid.uuid4().hex.upper()


def _meeting_values(item: Item) -> dict:
    return {k: item.get(k) for k in _MEETING_KEYS if item.get(k) is not None}


def _message(kind: str, source: Item, subject: str, sender, to, cc=()) -> Item:
    """A meeting message about *source* (the organizer's or attendee's calendar item)."""
    message = Item(kind)
    message.subject = subject
    message._body, message.body_spec, message.body_type = source._body, source.body_spec, source.body_type
    message.sender = message.from_ = sender
    message.to, message.cc = tuple(to), tuple(cc)
    message.importance = source.importance
    message.x = _meeting_values(source)
    message.set("stamp", utcnow())
    return message


# ---------------------------------------------------------------------------- organizer
def send_invitations(ctx: RequestContext, mb: Mailbox, item: Item, mode: str | None, *, update: str | None = None):
    """Send the meeting *item* (organized in *mb*) to its attendees when *mode* says so;
    *update*: the request type of an update (FullUpdate, InformationalUpdate)."""
    if mode in (None, "SendToNone") or not attendees(item):
        return
    me = _owner(ctx, mb)
    item.set("request_sent", True)
    item.set("stamp", utcnow())
    responses = dict(item.get("responses") or {})
    now = utcnow()
    for _, email in attendees(item):
        responses.setdefault(email.lower(), "Unknown")
        rmb = ctx.directory.mailbox(email)
        if rmb is None or rmb is mb:
            continue
        copy_ = _attendee_copy(rmb, item, update)
        to, cc = item.get("required") or (), item.get("optional") or ()
        request = _message("MeetingRequest", item, item.subject or "", me, to, cc)
        request.set("request_type", update or "NewMeetingRequest")
        request.set("intended_free_busy", item.get("free_busy") or "Busy")
        request.set("response_type", "NoResponseReceived")
        request.set("my_response", "NoResponseReceived")
        request.set("associated", copy_.id)
        request.msgid = mail.new_message_id(mb.email.split("@", 1)[1])
        mail.deliver_copy(rmb, request, received=now)
        if mode in ("SendToAllAndSaveCopy", "SendToChangedAndSaveCopy"):
            sent = copy.copy(request)
            sent.x = dict(request.x or {})
            sent.set("associated", item.id)
            sent.set("response_type", "Organizer")
            sent.is_read = sent.is_from_me = True
            sent.received = now
            mb.add_item(mb.distinguished["sentitems"], sent)
    item.set("responses", responses)


def _attendee_copy(rmb: Mailbox, item: Item, update: str | None) -> Item:
    """The meeting in the attendee's calendar: created tentative, or brought up to date."""
    existing = find_by_uid(rmb, item.get("uid"))
    if existing is None:
        copy_ = Item("CalendarItem")
        copy_.subject, copy_._body, copy_.body_spec, copy_.body_type = (
            item.subject,
            item._body,
            item.body_spec,
            item.body_type,
        )
        copy_.x = _meeting_values(item)
        copy_.x.update(my_response="NoResponseReceived", free_busy="Tentative", stamp=utcnow())
        copy_.x.update(reminder_is_set=True, reminder_minutes=15)
        return rmb.add_item(rmb.distinguished["calendar"], copy_)
    existing.subject, existing._body, existing.body_spec = item.subject, item._body, item.body_spec
    for key in _MEETING_KEYS:
        existing.set(key, item.get(key))
    if update == "FullUpdate":  # a new time needs a new answer
        existing.set("my_response", "NoResponseReceived")
        existing.set("free_busy", "Tentative")
    existing.set("is_cancelled", None)
    rmb.touch(existing)
    return existing


def update_kind(before: dict, item: Item) -> str:
    """FullUpdate when the time, place or pattern changed, else InformationalUpdate."""
    return "FullUpdate" if any(before.get(k) != item.get(k) for k in _TIME_KEYS) else "InformationalUpdate"


def send_update(ctx: RequestContext, mb: Mailbox, item: Item, before_x: dict, mode: str | None) -> None:
    """After the organizer changed *item*: an update to the attendees (and a cancellation to
    those who are no longer invited) when *mode* says so. The caller records the change."""
    if mode in (None, "SendToNone") or not item.get("request_sent") and not attendees(item):
        return
    item.set("seq", (item.get("seq") or 0) + 1)
    kept = {e.lower() for _, e in attendees(item)}
    invited = list(before_x.get("required") or ()) + list(before_x.get("optional") or ())
    gone = [(n, e) for n, e in invited if e.lower() not in kept]
    if gone:
        _cancel_for(ctx, mb, item, gone, mode)
    send_invitations(ctx, mb, item, mode, update=update_kind(before_x, item))


def cancel(ctx: RequestContext, mb: Mailbox, item: Item, mode: str | None) -> None:
    """The organizer cancels the meeting *item*: a cancellation to every attendee."""
    if mode in (None, "SendToNone") or not attendees(item):
        return
    _cancel_for(ctx, mb, item, attendees(item), mode)


def _cancel_for(ctx: RequestContext, mb: Mailbox, item: Item, who, mode: str) -> None:
    me = _owner(ctx, mb)
    now = utcnow()
    for _, email in who:
        rmb = ctx.directory.mailbox(email)
        if rmb is None or rmb is mb:
            continue
        copy_ = find_by_uid(rmb, item.get("uid"))
        if copy_ is not None:
            copy_.set("is_cancelled", True)
            copy_.set("free_busy", "Free")
            if not (copy_.subject or "").startswith("Canceled: "):
                copy_.subject = "Canceled: " + (copy_.subject or "")
            rmb.touch(copy_)
        notice = _message("MeetingCancellation", item, "Canceled: " + (item.subject or ""), me, who)
        notice.importance = "High"
        notice.set("associated", copy_.id if copy_ is not None else None)
        notice.set("response_type", "NoResponseReceived")
        notice.msgid = mail.new_message_id(mb.email.split("@", 1)[1])
        mail.deliver_copy(rmb, notice, received=now)
    if mode in ("SendToAllAndSaveCopy", "SendToChangedAndSaveCopy"):
        sent = _message("MeetingCancellation", item, "Canceled: " + (item.subject or ""), me, who)
        sent.is_read = sent.is_from_me = True
        sent.received = now
        sent.set("response_type", "Organizer")
        mb.add_item(mb.distinguished["sentitems"], sent)


# ---------------------------------------------------------------------------- attendee
def _calendar_item_of(mb: Mailbox, reference: Item) -> Item:
    """The attendee's calendar item a response refers to (the request's associated item)."""
    if reference.kind == "CalendarItem":
        return reference
    if reference.kind != "MeetingRequest":
        raise OpError("ErrorInvalidOperation", "Only a meeting request or a calendar item can be answered.")
    item = mb.items.get(reference.get("associated")) or find_by_uid(mb, reference.get("uid"))
    if item is None:
        raise OpError("ErrorItemNotFound")
    return item


def respond(ctx: RequestContext, mb: Mailbox, reference: Item, response: str, disposition: str, body=None):
    """AcceptItem / TentativelyAcceptItem / DeclineItem on *reference*; returns the response
    message saved in Drafts (SaveOnly) or None."""
    kind, prefix, item_class = RESPONSES[response]
    item = _calendar_item_of(mb, reference)
    if item.get("organizer") is None or item.get("organizer")[1].lower() == mb.email:
        raise OpError(f"ErrorCalendarIsOrganizerFor{kind}", "The organizer cannot respond to their own meeting.")
    if item.get("is_cancelled"):
        raise OpError(f"ErrorCalendarIsCancelledFor{kind}", "The meeting was cancelled.")
    me = _owner(ctx, mb)
    organizer = item.get("organizer")
    message = _message("MeetingResponse", item, prefix + _plain_subject(item.subject), me, (organizer,))
    message.item_class = item_class
    message.set("response_type", kind)
    if body is not None:
        message.body, message.body_type = body
    calendar = mb.distinguished["calendar"]
    if kind == "Decline":
        mb.move_item(item, mb.distinguished["deleteditems"])
    else:
        item.set("my_response", kind)
        item.set("free_busy", "Busy" if kind == "Accept" else "Tentative")
        item.set("reply_time", utcnow())
        mb.remove_item(item)  # EWS deletes and recreates the calendar item: it gets a new id
        item.modified = utcnow()
        mb.add_item(calendar, item)
    if reference.kind == "MeetingRequest" and reference.folder_id != mb.distinguished["deleteditems"].id:
        mb.move_item(reference, mb.distinguished["deleteditems"])
    if disposition == "SaveOnly":
        message.is_draft = message.is_read = message.is_from_me = True
        return mb.add_item(mb.distinguished["drafts"], message)
    _deliver_response(ctx, mb, item, message, kind)
    if disposition == "SendAndSaveCopy":
        message.is_read = message.is_from_me = True
        message.received = utcnow()
        mb.add_item(mb.distinguished["sentitems"], message)
    return None


def _plain_subject(subject: str | None) -> str:
    return (subject or "").removeprefix("Canceled: ")


def _deliver_response(ctx: RequestContext, mb: Mailbox, item: Item, message: Item, kind: str) -> None:
    organizer = item.get("organizer")
    omb = ctx.directory.mailbox(organizer[1]) if organizer else None
    message.msgid = mail.new_message_id(mb.email.split("@", 1)[1])
    if omb is None:
        return
    meeting = find_by_uid(omb, item.get("uid"))
    delivered = copy.copy(message)
    delivered.x = dict(message.x or {})
    if meeting is not None:
        responses = dict(meeting.get("responses") or {})
        responses[mb.email] = kind
        meeting.set("responses", responses)
        omb.touch(meeting)
        delivered.set("associated", meeting.id)
    mail.deliver_copy(omb, delivered)


def remove(ctx: RequestContext, mb: Mailbox, reference: Item) -> None:
    """RemoveItem: a cancelled meeting leaves the attendee's calendar."""
    uid = reference.get("uid")
    item = find_by_uid(mb, uid) if uid else None
    if item is None or not item.get("is_cancelled"):
        raise OpError("ErrorItemNotFound" if item is None else "ErrorInvalidOperation")
    mb.move_item(item, mb.distinguished["deleteditems"])
    if reference.kind == "MeetingCancellation":
        mb.move_item(reference, mb.distinguished["deleteditems"])
