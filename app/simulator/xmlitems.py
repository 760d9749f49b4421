"""Item <-> XML for Message, CalendarItem, Contact and Task, in types.xsd element order.

Each property is a :class:`Field` (element name, FieldURI, value type, where it is stored).
Rendering walks the kind's field list in schema order and writes the fields the
response shape asks for; parsing maps child elements of ``<t:Message>`` etc. back
onto an :class:`~app.simulator.model.Item`.
"""

from __future__ import annotations

import base64
import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from . import attachments, calendar_xml, extended, recurrence
from .model import Item, conversation_id
from .soap import T_NS, attr, esc

T = f"{{{T_NS}}}"


class Field:
    __slots__ = (
        "elem",
        "uri",
        "type",
        "attr",
        "slot",
        "readonly",
        "compute",
        "heavy",
        "min_version",
        "on_request",
        "max_length",
    )

    def __init__(
        self,
        elem,
        uri,
        type_,
        attr_=None,
        *,
        readonly=False,
        compute=None,
        heavy=False,
        min_version=0,
        on_request=False,
        max_length=None,
    ):
        self.elem, self.uri, self.type = elem, uri, type_
        self.attr = attr_
        self.slot = attr_ in Item.__slots__ if attr_ else False
        self.readonly = readonly or compute is not None
        self.compute = compute
        self.heavy = heavy  # not returned by FindItem
        self.min_version = min_version  # 2013 = 15
        self.on_request = on_request  # returned only when AdditionalProperties names it
        self.max_length = max_length  # Exchange truncates a longer text to this many characters

    def value(self, item, ctx):
        if self.compute is not None:
            return self.compute(item, ctx)
        if self.slot:
            return getattr(item, self.attr)
        return item.x.get(self.attr) if item.x else None


def fmt_dt(dt: datetime) -> str:
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


_DT_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?(Z|[+-]\d\d:\d\d)?$")


def parse_dt(text: str) -> datetime:
    """xs:dateTime (or xs:date) -> aware UTC datetime; ValueError when invalid."""
    m = _DT_RE.match((text or "").strip())
    if not m:
        raise ValueError(f"invalid date/time {text!r}")
    y, mo, d, h, mi, s, tz = m.groups()
    dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), tzinfo=timezone.utc)
    if tz and tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        dt -= sign * timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6]))
    return dt


def html_to_text(html: str) -> str:
    text = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", html)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = (
        text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&amp;", "&")
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def text_to_html(text: str) -> str:
    paras = "".join(f"<p>{esc(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return (
        '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n'
        f"</head>\r\n<body>\r\n{paras}\r\n</body>\r\n</html>\r\n"
    )


def body_as(item: Item, wanted: str) -> tuple[str, str]:
    """(body type, text) for BodyType Best/HTML/Text."""
    body = item.body or ""
    have = item.body_type or "Text"
    if wanted in ("Best", None, "") or wanted == have:
        return have, body
    if wanted == "Text":
        return "Text", html_to_text(body)
    return "HTML", text_to_html(body)


# ---------------------------------------------------------------------------- computed
def _display(addrs):
    return "; ".join(n or e for n, e in addrs) if addrs else ""


def _topic(item, ctx):
    s = item.subject or ""
    return re.sub(r"^(?:(?:re|fw|fwd|aw|wg)\s*:\s*)+", "", s, flags=re.I)


def _is_complete(item, ctx):
    return item.get("status") == "Completed"


def _duration(item, ctx):
    start, end = item.get("start"), item.get("end")
    if not start or not end:
        return None
    secs = int((end - start).total_seconds())
    h, rem = divmod(max(secs, 0), 3600)
    m, s = divmod(rem, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") + (f"{s}S" if s or not (h or m) else "")


def _file_as(item, ctx):
    fa = item.get("file_as")
    if fa:
        return fa
    sn, gn = item.get("surname"), item.get("given_name")
    if sn and gn:
        return f"{sn}, {gn}"
    return item.get("display_name") or sn or gn or item.get("company_name")


def _contact_display(item, ctx):
    dn = item.get("display_name")
    if dn:
        return dn
    return " ".join(p for p in (item.get("given_name"), item.get("surname")) if p) or None


def _headers(item, ctx):
    """InternetMessageHeaders: those the message arrived with, else those of its MIME."""
    kept = item.get("headers")
    if kept:
        return tuple(kept)
    if item.kind != "Message":
        return None
    from .mime import header_pairs  # lazy: mime.py builds on this module

    return header_pairs(item, (ctx.owner_name, ctx.mailbox.email))


def _owa_read(item, ctx):
    from urllib.parse import quote

    return f"?ItemID={quote(item.id or '', safe='')}&exvsurl=1&viewmodel=ReadMessageItem"


def _owa_edit(item, ctx):
    if not item.is_draft:
        return None
    from urllib.parse import quote

    return f"?ItemID={quote(item.id or '', safe='')}&exvsurl=1&viewmodel=EditMessageItem"


def _received_by(item, ctx):
    if item.is_from_me or item.is_draft:
        return None
    return (ctx.owner_name, ctx.mailbox.email)


_COMPLETE_NAME = (
    ("Title", "title"),
    ("FirstName", "given_name"),
    ("MiddleName", "middle_name"),
    ("LastName", "surname"),
    ("Suffix", "generation"),
    ("Initials", "initials"),
    ("FullName", None),
    ("Nickname", "nickname"),
)


def _complete_name(item, ctx):
    parts = []
    for tag, name in _COMPLETE_NAME:
        value = _contact_display(item, ctx) if name is None else item.get(name)
        if value:
            parts.append((tag, value))
    return tuple(parts) or None


def _has_picture(item, ctx):
    return any(a.get("is_contact_photo") for a in attachments.attachments(item))


def _notes(item, ctx):
    _, text = body_as(item, "Text")
    return text or None


def _status_description(item, ctx):
    return {
        "NotStarted": "Not Started",
        "InProgress": "In Progress",
        "Completed": "Completed",
        "WaitingOnOthers": "Waiting on someone else",
        "Deferred": "Deferred",
    }.get(item.get("status") or "NotStarted")


_RIGHTS = (
    "<t:EffectiveRights><t:CreateAssociated>false</t:CreateAssociated><t:CreateContents>false"
    "</t:CreateContents><t:CreateHierarchy>false</t:CreateHierarchy><t:Delete>true</t:Delete>"
    "<t:Modify>true</t:Modify><t:Read>true</t:Read><t:ViewPrivateItems>true</t:ViewPrivateItems>"
    "</t:EffectiveRights>"
)


F = Field
ITEM_FIELDS = [
    F("MimeContent", "item:MimeContent", "mime", readonly=True, heavy=True, on_request=True),
    F("ItemId", "item:ItemId", "itemid", readonly=True),
    F("ParentFolderId", "item:ParentFolderId", "parentid", readonly=True),
    F("ItemClass", "item:ItemClass", "str", "item_class"),
    F("Subject", "item:Subject", "str", "subject", max_length=255),
    F("Sensitivity", "item:Sensitivity", "str", "sensitivity"),
    F("Body", "item:Body", "body", heavy=True),
    F("Attachments", "item:Attachments", "attachments", readonly=True, heavy=True),
    F("DateTimeReceived", "item:DateTimeReceived", "dt", "received", readonly=True),
    F("Size", "item:Size", "int", compute=lambda it, c: it.size()),
    F("Categories", "item:Categories", "strlist", "categories"),
    F("Importance", "item:Importance", "str", "importance"),
    F("InReplyTo", "item:InReplyTo", "str", "in_reply_to"),
    F("IsSubmitted", "item:IsSubmitted", "bool", compute=lambda it, c: False),
    F("IsDraft", "item:IsDraft", "bool", "is_draft", readonly=True),
    F("IsFromMe", "item:IsFromMe", "bool", "is_from_me", readonly=True),
    F("IsResend", "item:IsResend", "bool", compute=lambda it, c: False),
    F("IsUnmodified", "item:IsUnmodified", "bool", compute=lambda it, c: it.modified == it.created),
    F("InternetMessageHeaders", "item:InternetMessageHeaders", "headers", compute=_headers, on_request=True),
    F("DateTimeSent", "item:DateTimeSent", "dt", compute=lambda it, c: it.sent or it.created),
    F("DateTimeCreated", "item:DateTimeCreated", "dt", "created", readonly=True),
    F("ReminderDueBy", "item:ReminderDueBy", "dt", "reminder_due_by"),
    F("ReminderIsSet", "item:ReminderIsSet", "bool", "reminder_is_set"),
    F("ReminderMinutesBeforeStart", "item:ReminderMinutesBeforeStart", "int", "reminder_minutes"),
    F("DisplayCc", "item:DisplayCc", "str", compute=lambda it, c: _display(it.cc)),
    F("DisplayTo", "item:DisplayTo", "str", compute=lambda it, c: _display(it.to)),
    F("DisplayBcc", "item:DisplayBcc", "str", compute=lambda it, c: _display(it.bcc), min_version=15, on_request=True),
    F("HasAttachments", "item:HasAttachments", "bool", compute=lambda it, c: attachments.has_attachments(it)),
    F(extended.ELEMENT, None, "ext", readonly=True),  # only the ones AdditionalProperties names
    F("Culture", "item:Culture", "str", "culture"),
    F("EffectiveRights", "item:EffectiveRights", "raw", compute=lambda it, c: _RIGHTS),
    F("LastModifiedName", "item:LastModifiedName", "str", compute=lambda it, c: c.owner_name),
    F("LastModifiedTime", "item:LastModifiedTime", "dt", "modified", readonly=True),
    F("IsAssociated", "item:IsAssociated", "bool", compute=lambda it, c: False),
    F("WebClientReadFormQueryString", "item:WebClientReadFormQueryString", "str", compute=_owa_read, on_request=True),
    F("WebClientEditFormQueryString", "item:WebClientEditFormQueryString", "str", compute=_owa_edit, on_request=True),
    F("ConversationId", "item:ConversationId", "convid", "conv_id", readonly=True),
    F("TextBody", "item:TextBody", "textbody", heavy=True, min_version=15),
]

MESSAGE_FIELDS = [
    F("Sender", "message:Sender", "mailbox", "sender"),
    F("ToRecipients", "message:ToRecipients", "mailboxes", "to", heavy=True),
    F("CcRecipients", "message:CcRecipients", "mailboxes", "cc", heavy=True),
    F("BccRecipients", "message:BccRecipients", "mailboxes", "bcc", heavy=True),
    F("IsReadReceiptRequested", "message:IsReadReceiptRequested", "bool", "read_receipt"),
    F("IsDeliveryReceiptRequested", "message:IsDeliveryReceiptRequested", "bool", "delivery_receipt"),
    F("ConversationIndex", "message:ConversationIndex", "b64", "conv_index", readonly=True),
    F("ConversationTopic", "message:ConversationTopic", "str", compute=_topic),
    F("From", "message:From", "mailbox", "from_"),
    F("InternetMessageId", "message:InternetMessageId", "str", "msgid"),
    F("IsRead", "message:IsRead", "bool", "is_read"),
    F("IsResponseRequested", "message:IsResponseRequested", "bool", "response_requested"),
    F("References", "message:References", "str", "references"),
    F("ReplyTo", "message:ReplyTo", "mailboxes", "reply_to", heavy=True),
    F("ReceivedBy", "message:ReceivedBy", "mailbox", compute=_received_by, on_request=True),
    F("ReceivedRepresenting", "message:ReceivedRepresenting", "mailbox", compute=_received_by, on_request=True),
]

CALENDAR_FIELDS = [
    F("UID", "calendar:UID", "str", "uid"),
    F("Start", "calendar:Start", "dt", "start"),
    F("End", "calendar:End", "dt", "end"),
    F("IsAllDayEvent", "calendar:IsAllDayEvent", "bool", "is_all_day"),
    F("LegacyFreeBusyStatus", "calendar:LegacyFreeBusyStatus", "str", "free_busy"),
    F("Location", "calendar:Location", "str", "location"),
    F("When", "calendar:When", "str", "when"),
    F("IsMeeting", "calendar:IsMeeting", "bool", compute=lambda it, c: bool(it.get("required") or it.get("optional"))),
    F("IsCancelled", "calendar:IsCancelled", "bool", compute=lambda it, c: False),
    F("IsRecurring", "calendar:IsRecurring", "bool", compute=lambda it, c: False),
    F("MeetingRequestWasSent", "calendar:MeetingRequestWasSent", "bool", compute=lambda it, c: False),
    F("IsResponseRequested", "calendar:IsResponseRequested", "bool", "response_requested"),
    F("CalendarItemType", "calendar:CalendarItemType", "str", compute=lambda it, c: "Single"),
    F("MyResponseType", "calendar:MyResponseType", "str", compute=lambda it, c: "Organizer"),
    F("Organizer", "calendar:Organizer", "mailbox", "organizer"),
    F("RequiredAttendees", "calendar:RequiredAttendees", "attendees", "required", heavy=True),
    F("OptionalAttendees", "calendar:OptionalAttendees", "attendees", "optional", heavy=True),
    F("Resources", "calendar:Resources", "attendees", "resources", heavy=True),
    F("ConflictingMeetingCount", "calendar:ConflictingMeetingCount", "int", compute=lambda it, c: 0, on_request=True),
    F("AdjacentMeetingCount", "calendar:AdjacentMeetingCount", "int", compute=lambda it, c: 0, on_request=True),
    F("Duration", "calendar:Duration", "str", compute=_duration),
    F("TimeZone", "calendar:TimeZone", "str", compute=lambda it, c: "UTC"),
    F("AppointmentReplyTime", "calendar:AppointmentReplyTime", "dt", "reply_time"),
    F("AppointmentSequenceNumber", "calendar:AppointmentSequenceNumber", "int", compute=lambda it, c: 0),
    F("AppointmentState", "calendar:AppointmentState", "int", compute=lambda it, c: 0),
    # the zone an all-day event's midnights are in (times are kept in UTC); only when asked for
    F("StartTimeZone", "calendar:StartTimeZone", "tz", "start_tz", on_request=True),
    F("EndTimeZone", "calendar:EndTimeZone", "tz", "end_tz", on_request=True),
    F("ConferenceType", "calendar:ConferenceType", "int", "conference_type"),
    F("AllowNewTimeProposal", "calendar:AllowNewTimeProposal", "bool", "allow_new_time_proposal"),
    F("IsOnlineMeeting", "calendar:IsOnlineMeeting", "bool", "is_online_meeting"),
    F("MeetingWorkspaceUrl", "calendar:MeetingWorkspaceUrl", "str", "meeting_workspace_url"),
    F("NetShowUrl", "calendar:NetShowUrl", "str", "net_show_url"),
]

CONTACT_FIELDS = [
    F("FileAs", "contacts:FileAs", "str", "file_as"),
    F("FileAsMapping", "contacts:FileAsMapping", "str", "file_as_mapping"),
    F("DisplayName", "contacts:DisplayName", "str", "display_name"),
    F("GivenName", "contacts:GivenName", "str", "given_name"),
    F("Initials", "contacts:Initials", "str", "initials"),
    F("MiddleName", "contacts:MiddleName", "str", "middle_name"),
    F("Nickname", "contacts:Nickname", "str", "nickname"),
    F("CompleteName", "contacts:CompleteName", "completename", compute=_complete_name, on_request=True),
    F("CompanyName", "contacts:CompanyName", "str", "company_name"),
    F("EmailAddresses", "contacts:EmailAddresses", "emails", "emails"),
    F("PhysicalAddresses", "contacts:PhysicalAddresses", "addresses", "addresses"),
    F("PhoneNumbers", "contacts:PhoneNumbers", "phones", "phones"),
    F("AssistantName", "contacts:AssistantName", "str", "assistant_name"),
    F("Birthday", "contacts:Birthday", "dt", "birthday"),
    F("BusinessHomePage", "contacts:BusinessHomePage", "str", "business_home_page"),
    F("Children", "contacts:Children", "strlist", "children"),
    F("Companies", "contacts:Companies", "strlist", "companies"),
    F("ContactSource", "contacts:ContactSource", "str", compute=lambda it, c: "Store", on_request=True),
    F("Department", "contacts:Department", "str", "department"),
    F("Generation", "contacts:Generation", "str", "generation"),
    F("ImAddresses", "contacts:ImAddresses", "emails", "im_addresses"),
    F("JobTitle", "contacts:JobTitle", "str", "job_title"),
    F("Manager", "contacts:Manager", "str", "manager"),
    F("Mileage", "contacts:Mileage", "str", "mileage"),
    F("OfficeLocation", "contacts:OfficeLocation", "str", "office_location"),
    F("PostalAddressIndex", "contacts:PostalAddressIndex", "str", "postal_address_index"),
    F("Profession", "contacts:Profession", "str", "profession"),
    F("SpouseName", "contacts:SpouseName", "str", "spouse_name"),
    F("Surname", "contacts:Surname", "str", "surname"),
    F("WeddingAnniversary", "contacts:WeddingAnniversary", "dt", "wedding_anniversary"),
    F("HasPicture", "contacts:HasPicture", "bool", compute=_has_picture, on_request=True),
    F("PhoneticFullName", "contacts:PhoneticFullName", "str", "phonetic_full_name"),
    F("PhoneticFirstName", "contacts:PhoneticFirstName", "str", "phonetic_first_name"),
    F("PhoneticLastName", "contacts:PhoneticLastName", "str", "phonetic_last_name"),
    F("Alias", "contacts:Alias", "str", "alias"),
    F("Notes", "contacts:Notes", "str", compute=_notes, on_request=True),
    F("DirectoryId", "contacts:DirectoryId", "str", "directory_id"),
    F("ManagerMailbox", "contacts:ManagerMailbox", "mailbox", "manager_mailbox"),
    F("DirectReports", "contacts:DirectReports", "mailboxes", "direct_reports"),
]

TASK_FIELDS = [
    F("ActualWork", "task:ActualWork", "int", "actual_work"),
    F("AssignedTime", "task:AssignedTime", "dt", "assigned_time"),
    F("BillingInformation", "task:BillingInformation", "str", "billing_information"),
    F("ChangeCount", "task:ChangeCount", "int", compute=lambda it, c: 1, on_request=True),
    F("Companies", "task:Companies", "strlist", "companies"),
    F("CompleteDate", "task:CompleteDate", "dt", "complete_date"),
    F("Contacts", "task:Contacts", "strlist", "contacts"),
    F("DelegationState", "task:DelegationState", "str", compute=lambda it, c: "NoMatch", on_request=True),
    F("Delegator", "task:Delegator", "str", "delegator"),
    F("DueDate", "task:DueDate", "dt", "due_date"),
    F("IsAssignmentEditable", "task:IsAssignmentEditable", "int", compute=lambda it, c: 0, on_request=True),
    F("IsComplete", "task:IsComplete", "bool", compute=_is_complete),
    F("IsRecurring", "task:IsRecurring", "bool", compute=lambda it, c: False),
    F("IsTeamTask", "task:IsTeamTask", "bool", compute=lambda it, c: False, on_request=True),
    F("Mileage", "task:Mileage", "str", "mileage"),
    F("Owner", "task:Owner", "str", compute=lambda it, c: c.owner_name, on_request=True),
    F("PercentComplete", "task:PercentComplete", "float", "percent_complete"),
    F("StartDate", "task:StartDate", "dt", "start_date"),
    F("Status", "task:Status", "str", "status"),
    F("StatusDescription", "task:StatusDescription", "str", compute=_status_description, on_request=True),
    F("TotalWork", "task:TotalWork", "int", "total_work"),
]
del F

_BY_NAME = {(id(fs), f.elem): f for fs in (ITEM_FIELDS, CALENDAR_FIELDS, CONTACT_FIELDS) for f in fs}

# A calendar item without a zone of its own is in UTC.
for _name in ("StartTimeZone", "EndTimeZone"):
    _f = _BY_NAME[(id(CALENDAR_FIELDS), _name)]
    _f.compute = lambda it, c, name=_f.attr: it.get(name) or "UTC"
    _f.readonly = False
# Settable fields whose reading falls back to a default or to other fields when unset.
for _fields, _name, _compute in (
    (CONTACT_FIELDS, "FileAs", _file_as),
    (CONTACT_FIELDS, "DisplayName", _contact_display),
    (ITEM_FIELDS, "Culture", lambda it, c: it.get("culture") or "en-US"),
    (CALENDAR_FIELDS, "AllowNewTimeProposal", lambda it, c: it.get("allow_new_time_proposal", True)),
):
    _f = _BY_NAME[(id(_fields), _name)]
    _f.compute = _compute
    _f.readonly = False

# recurring series and meetings (calendar_xml.py): more calendar fields, the meeting message kinds
_MEETING_KINDS, _MEETING_FIELDS = calendar_xml.extend(Field, ITEM_FIELDS, MESSAGE_FIELDS, CALENDAR_FIELDS)

KIND_FIELDS = {
    "Message": ITEM_FIELDS + MESSAGE_FIELDS,
    "CalendarItem": ITEM_FIELDS + CALENDAR_FIELDS,
    "Contact": ITEM_FIELDS + CONTACT_FIELDS,
    "Task": ITEM_FIELDS + TASK_FIELDS,
    "Item": list(ITEM_FIELDS),
    **_MEETING_KINDS,
}
BY_URI = {}
for _fields in (ITEM_FIELDS, MESSAGE_FIELDS, CALENDAR_FIELDS, CONTACT_FIELDS, TASK_FIELDS, _MEETING_FIELDS):
    for _f in _fields:
        if _f.uri is not None:
            BY_URI[_f.uri] = _f
BY_ELEM = {kind: {f.elem: f for f in fields} for kind, fields in KIND_FIELDS.items()}
# Indexed properties: IndexedFieldURI -> the dictionary field that holds them
INDEXED = {
    "contacts:EmailAddress": "EmailAddresses",
    "contacts:PhoneNumber": "PhoneNumbers",
    "contacts:PhysicalAddress": "PhysicalAddresses",
    "contacts:ImAddress": "ImAddresses",
}
# Properties Exchange refuses in a restriction or a sort (ErrorUnsupportedPathForQuery /
# ErrorUnsupportedPathForSortGroup): the MIME stream, ids, the recipient tables, …
NOT_SEARCHABLE = frozenset(
    {
        "item:MimeContent",
        "item:ItemId",
        "item:ReminderDueBy",
        "item:Culture",
        "message:ToRecipients",
        "message:CcRecipients",
        "message:BccRecipients",
        "message:ConversationIndex",
        "message:ReplyTo",
        "calendar:UID",
        "calendar:IsResponseRequested",
        "calendar:RequiredAttendees",
        "calendar:OptionalAttendees",
        "calendar:Resources",
        "calendar:StartTimeZone",
        "calendar:EndTimeZone",
        "calendar:AllowNewTimeProposal",
        "contacts:Companies",
        "task:PercentComplete",
        "task:Status",
    }
)
ID_ONLY = frozenset({"ItemId"})
# returned only when AdditionalProperties names them (or IncludeMimeContent asks for MimeContent)
_ON_REQUEST = (extended.ELEMENT, *{f.elem for fs in KIND_FIELDS.values() for f in fs if f.on_request})
DEFAULT_FIND = frozenset(
    f.elem
    for fs in KIND_FIELDS.values()
    for f in fs
    if not f.heavy and f.elem not in ("EffectiveRights", "TextBody", *_ON_REQUEST)
)
DEFAULT_GET = frozenset(f.elem for fs in KIND_FIELDS.values() for f in fs if f.elem not in ("TextBody", *_ON_REQUEST))
ALL_PROPS = DEFAULT_GET
KIND_BY_ELEM = {
    "Message": "Message",
    "CalendarItem": "CalendarItem",
    "Contact": "Contact",
    "Task": "Task",
    "Item": "Item",
}


class RenderContext:
    """What rendering needs besides the item: mailbox (ids, change keys), version, body type."""

    __slots__ = ("mailbox", "owner_name", "major_version", "body_type", "is_local")

    def __init__(self, mailbox, owner_name, major_version=15, body_type="Best", is_local=None):
        self.mailbox = mailbox
        self.owner_name = owner_name
        self.major_version = major_version
        self.body_type = body_type
        self.is_local = is_local or (lambda email: False)


def _mailbox_xml(name, email, ctx) -> str:
    mtype = "Mailbox" if ctx.is_local(email) else "OneOff"
    name = name or email
    return (
        f"<t:Mailbox><t:Name>{esc(name)}</t:Name><t:EmailAddress>{esc(email)}</t:EmailAddress>"
        f"<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>{mtype}</t:MailboxType></t:Mailbox>"
    )


def render_value(f: Field, value, item: Item, ctx) -> str:
    tag = f.elem
    t = f.type
    if t == "str":
        return f"<t:{tag}>{esc(value)}</t:{tag}>" if value != "" else f"<t:{tag}/>"
    if t == "bool":
        return f"<t:{tag}>{'true' if value else 'false'}</t:{tag}>"
    if t == "dt":
        return f"<t:{tag}>{fmt_dt(value)}</t:{tag}>"
    if t in ("int",):
        return f"<t:{tag}>{int(value)}</t:{tag}>"
    if t == "float":
        v = float(value)
        return f"<t:{tag}>{int(v) if v.is_integer() else v}</t:{tag}>"
    if t == "mailbox":
        return f"<t:{tag}>{_mailbox_xml(value[0], value[1], ctx)}</t:{tag}>"
    if t == "mailboxes":
        return f"<t:{tag}>{''.join(_mailbox_xml(n, e, ctx) for n, e in value)}</t:{tag}>"
    if t == "attendees":
        inner = "".join(
            f"<t:Attendee>{_mailbox_xml(n, e, ctx)}"
            f"<t:ResponseType>{calendar_xml.render_attendee_response(item, e)}</t:ResponseType></t:Attendee>"
            for n, e in value
        )
        return f"<t:{tag}>{inner}</t:{tag}>"
    if t == "strlist":
        return f"<t:{tag}>{''.join(f'<t:String>{esc(s)}</t:String>' for s in value)}</t:{tag}>"
    if t == "convid":
        return f'<t:{tag} Id="{conversation_id(ctx.mailbox.guid, value)}"/>'
    if t == "b64":
        return f"<t:{tag}>{base64.b64encode(value).decode()}</t:{tag}>"
    if t in ("emails", "phones"):
        inner = "".join(f'<t:Entry Key="{attr(k)}">{esc(v)}</t:Entry>' for k, v in value.items())
        return f"<t:{tag}>{inner}</t:{tag}>"
    if t == "addresses":
        parts = []
        for key, addr in value.items():
            sub = "".join(
                f"<t:{k}>{esc(addr[k])}</t:{k}>"
                for k in ("Street", "City", "State", "CountryOrRegion", "PostalCode")
                if addr.get(k)
            )
            parts.append(f'<t:Entry Key="{attr(key)}">{sub}</t:Entry>')
        return f"<t:{tag}>{''.join(parts)}</t:{tag}>"
    if t == "tz":
        return f'<t:{tag} Id="{attr(value)}"/>'
    if t == "raw":
        return value
    if t == "headers":
        inner = "".join(
            f'<t:InternetMessageHeader HeaderName="{attr(k)}">{esc(v)}</t:InternetMessageHeader>' for k, v in value
        )
        return f"<t:{tag}>{inner}</t:{tag}>"
    if t == "completename":
        return f"<t:{tag}>{''.join(f'<t:{k}>{esc(v)}</t:{k}>' for k, v in value)}</t:{tag}>"
    if t == "recurrence":
        return calendar_xml.render_recurrence(value)
    raise AssertionError(t)


@lru_cache(maxsize=256)
def _fields_to_render(kind: str, wanted: frozenset, major_version: int) -> tuple[Field, ...]:
    return tuple(f for f in KIND_FIELDS[kind] if f.elem in wanted and f.min_version <= major_version)


def render_item(item: Item, wanted, ctx, *, tag: str | None = None) -> str:
    """``<t:Message>…</t:Message>`` (etc.) with the fields in *wanted* (set of element names)."""
    kind = tag or item.kind
    out = [f"<t:{kind}>"]
    mb = ctx.mailbox
    for f in _fields_to_render(item.kind, wanted, ctx.major_version):
        t = f.type
        if t == "mime":
            from . import mime  # lazy: mime.py builds on this module

            out.append(mime.render(item, (ctx.owner_name, mb.email)))
        elif t == "itemid":
            if item.id is not None:  # an attached item has none
                out.append(f'<t:ItemId Id="{item.id}" ChangeKey="{mb.change_key(item)}"/>')
        elif t == "attachments":
            if item.id is not None:
                out.append(attachments.render_list(item))
        elif t == "parentid":
            folder = mb.folders.get(item.folder_id) if item.folder_id is not None else None
            if folder is None:
                continue
            out.append(f'<t:ParentFolderId Id="{folder.id}" ChangeKey="{mb.folder_change_key(folder)}"/>')
        elif t == "body":
            btype, text = body_as(item, ctx.body_type)
            out.append(f'<t:Body BodyType="{btype}">{esc(text)}</t:Body>' if text else f'<t:Body BodyType="{btype}"/>')
        elif t == "textbody":
            _, text = body_as(item, "Text")
            out.append(
                f'<t:TextBody BodyType="Text">{esc(text)}</t:TextBody>' if text else '<t:TextBody BodyType="Text"/>'
            )
        elif t == "ext":
            out.append(extended.render(item, wanted, ctx))
        else:
            value = f.value(item, ctx)
            if value is None or (
                t in ("mailboxes", "attendees", "strlist", "emails", "phones", "addresses") and not value
            ):
                continue
            out.append(render_value(f, value, item, ctx))
    out.append(f"</t:{kind}>")
    return "".join(out)


# ---------------------------------------------------------------------------- parsing
class PropertyError(ValueError):
    """An item property in a request is invalid: (response code, message)."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _text(el):
    return (el.text or "") if el is not None else ""


def _parse_mailbox(el):
    mb = el.find(T + "Mailbox") if el.tag != T + "Mailbox" else el
    if mb is None:
        raise PropertyError("ErrorInvalidRecipients", "A mailbox element is missing.")
    email = _text(mb.find(T + "EmailAddress")).strip()
    name = _text(mb.find(T + "Name")).strip() or None
    if not email:
        raise PropertyError("ErrorInvalidRecipients", "At least one recipient isn't valid.")
    return (name, email)


def parse_value(f: Field, el):
    t = f.type
    try:
        if t == "str":
            return el.text or ""
        if t == "bool":
            v = (el.text or "").strip()
            if v not in ("true", "false", "1", "0"):
                raise ValueError(v)
            return v in ("true", "1")
        if t == "dt":
            return parse_dt(el.text)
        if t == "int":
            return int((el.text or "").strip())
        if t == "float":
            return float((el.text or "").strip())
    except ValueError:
        raise PropertyError("ErrorInvalidPropertySet", f"The value of {f.uri} is invalid.") from None
    if t == "mailbox":
        return _parse_mailbox(el)
    if t == "mailboxes":
        return tuple(_parse_mailbox(m) for m in el.findall(T + "Mailbox"))
    if t == "attendees":
        return tuple(_parse_mailbox(a) for a in el.findall(T + "Attendee"))
    if t == "strlist":
        return tuple(s.text or "" for s in el.findall(T + "String"))
    if t in ("emails", "phones"):
        return {e.get("Key"): (e.text or "").strip() for e in el.findall(T + "Entry")}
    if t == "addresses":
        return {e.get("Key"): {c.tag[len(T) :]: c.text or "" for c in e} for e in el.findall(T + "Entry")}
    if t == "tz":
        return (el.get("Id") or el.get("Name") or "").strip() or None
    if t == "recurrence":
        try:
            return recurrence.parse(el)
        except recurrence.RecurrenceError as e:
            raise PropertyError(e.code, str(e)) from None
    raise PropertyError("ErrorInvalidPropertySet", f"{f.uri} cannot be set.")


def apply_field(item: Item, f: Field, el, *, append=False):
    """Set field *f* on *item* from element *el* (the child of <t:Message> etc.)."""
    if f.type == "body":
        item.body = el.text or ""
        item.body_type = el.get("BodyType") or "Text"
        return
    if f.readonly and f.compute is None or (f.compute is not None and f.attr is None):
        raise PropertyError("ErrorInvalidPropertySet", f"Property {f.uri} is read-only and can't be set.")
    value = parse_value(f, el)
    if f.max_length is not None and isinstance(value, str) and len(value) > f.max_length:
        value = value[: f.max_length]  # Exchange keeps the first 255 characters of a subject
    current = getattr(item, f.attr) if f.slot else item.get(f.attr)
    if isinstance(value, dict):
        merged = dict(current or {})
        merged.update(value)
        value = merged
    elif append and isinstance(value, tuple):
        value = tuple(current or ()) + value
    elif append and f.type == "str":
        value = (current or "") + value
    if f.slot:
        setattr(item, f.attr, value)
    else:
        item.set(f.attr, value)


def delete_field(item: Item, f: Field, index: str | None = None):
    if f.type == "body":
        item.body = None
        return
    if f.attr is None or (f.readonly and f.compute is None):
        raise PropertyError("ErrorInvalidPropertyDelete", f"Property {f.uri} can't be deleted.")
    if index is not None:
        current = dict(item.get(f.attr) or {})
        current.pop(index, None)
        item.set(f.attr, current or None)
        return
    if f.slot:
        setattr(item, f.attr, () if f.type in ("mailboxes", "strlist") else None)
    else:
        item.set(f.attr, None)


# Value types whose XML element has simple content (xs:string, xs:dateTime... or BodyType, a
# string with attributes): Exchange's schema validation rejects a child element inside them.
TEXT_ONLY_TYPES = frozenset({"body", "str", "bool", "dt", "int", "float"})


def _qname_phrase(tag: str) -> str:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return f"'{local}' in namespace '{ns}'"
    return f"'{tag}'"


def text_only_violation(item_el) -> str | None:
    """The schema violation (in .NET's wording) if a simple-content property of the item element
    ``<t:Message>`` / ``<t:CalendarItem>``... holds child elements, e.g. an unescaped HTML body
    ``<t:Body BodyType="HTML"><b>hi</b></t:Body>``; None if there is none."""
    tag = item_el.tag[len(T) :] if item_el.tag.startswith(T) else None
    kind = KIND_BY_ELEM.get(tag or "")
    fields = BY_ELEM.get(kind, {}) if kind is not None else {}
    for child in item_el:
        name = child.tag[len(T) :] if child.tag.startswith(T) else None
        f = fields.get(name)
        if f is None or f.type not in TEXT_ONLY_TYPES or len(child) == 0:
            continue
        return (
            f"The element {_qname_phrase(child.tag)} cannot contain child element "
            f"{_qname_phrase(child[0].tag)} because the parent element's content model is text only."
        )
    return None


def item_from_xml(el, kind: str, item: Item | None = None) -> Item:
    """A new Item from ``<t:Message>`` / ``<t:CalendarItem>`` / ``<t:Contact>`` / ``<t:Task>`` /
    ``<t:Item>``; with *item* (one read from MimeContent), the element's properties on top of it.
    MimeContent and Attachments are the caller's (ops/createitem.py)."""
    item = item or Item(kind)
    fields = BY_ELEM[kind]
    for child in el:
        name = child.tag[len(T) :] if child.tag.startswith(T) else None
        if name == extended.ELEMENT:
            try:
                extended.set_property(item, *extended.parse_element(child))
            except extended.ExtendedPathError as e:
                raise PropertyError("ErrorInvalidExtendedProperty", str(e)) from None
            continue
        f = fields.get(name)
        if f is None:
            continue  # MimeContent, MeetingTimeZone... not modelled
        if f.readonly and f.compute is None or (f.compute is not None and f.attr is None):
            continue  # Exchange ignores some read-only values on create; we ignore them all
        apply_field(item, f, child)
    if kind == "CalendarItem":
        if item.get("start") and not item.get("end"):
            item.set("end", item.get("start") + timedelta(minutes=30))
        item.set("free_busy", item.get("free_busy") or "Busy")
    if kind == "Task" and not item.get("status"):
        item.set("status", "NotStarted")
    return item
