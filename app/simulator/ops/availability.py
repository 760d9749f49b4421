"""GetUserAvailability: the free/busy of the server's mailboxes (FreeBusyViewOptions only).

The request's ``t:TimeZone`` (a bias and its standard/daylight rules) says how to read the
time window and how to write every time of the answer: local times without an offset, as
Exchange does. Per mailbox the answer lists its calendar events in the window (occurrences of
recurring masters expanded; free and cancelled ones left out) and, for the merged views, one
digit per interval (0 free, 1 tentative, 2 busy, 3 away, 4 working elsewhere). Details
(subject, location …) are given for one's own mailbox and those one can open; for another
mailbox a Detailed request is answered as FreeBusy, as the default calendar permission
("free/busy time") does on Exchange. An address without a mailbox here answers
ErrorMailRecipientNotFound; a window over 42 days, ErrorTimeIntervalTooBig.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .. import occurrences
from ..service import M, OpError, RequestContext, T, response_message
from ..soap import M_NS, T_NS, esc
from ..xmlitems import parse_dt

VIEWS = ("None", "MergedOnly", "FreeBusy", "FreeBusyMerged", "Detailed", "DetailedMerged")
MAX_WINDOW = timedelta(days=42)
_DIGITS = {"Free": "0", "Tentative": "1", "Busy": "2", "OOF": "3", "WorkingElsewhere": "4", "NoData": "5"}
_RANK = {"0": 0, "4": 1, "1": 2, "2": 3, "3": 4, "5": -1}  # which status wins an interval
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class SerializableZone:
    """A ``t:SerializableTimeZone``: UTC = local + Bias (+ the standard or daylight bias)."""

    def __init__(self, el):
        self.bias = int(el.findtext(T + "Bias") or 0) if el is not None else 0
        self.standard = self._rule(el, "StandardTime")
        self.daylight = self._rule(el, "DaylightTime")
        self.xml = _zone_xml(el)

    @staticmethod
    def _rule(el, name):
        rule = el.find(T + name) if el is not None else None
        if rule is None or int(rule.findtext(T + "Month") or 0) == 0:
            return None
        hh, mm, *_ = ((rule.findtext(T + "Time") or "00:00:00") + ":0:0").split(":")
        return {
            "bias": int(rule.findtext(T + "Bias") or 0),
            "time": timedelta(hours=int(hh), minutes=int(mm)),
            "order": int(rule.findtext(T + "DayOrder") or 1),
            "month": int(rule.findtext(T + "Month")),
            "weekday": _DAYS.index(rule.findtext(T + "DayOfWeek") or "Sunday"),
        }

    @staticmethod
    def _switch(year: int, rule) -> datetime:
        first = datetime(year, rule["month"], 1)
        day = first + timedelta(days=(rule["weekday"] - first.weekday()) % 7 + 7 * (rule["order"] - 1))
        if day.month != rule["month"]:  # DayOrder 5: the last one of the month
            day -= timedelta(weeks=1)
        return day + rule["time"]

    def _in_daylight(self, local: datetime) -> bool:
        if self.standard is None or self.daylight is None:
            return False
        naive = local.replace(tzinfo=None)
        start, end = self._switch(naive.year, self.daylight), self._switch(naive.year, self.standard)
        return start <= naive < end if start < end else not end <= naive < start

    def local(self, when: datetime) -> datetime:
        """A UTC time in this zone: local by the rules in force at that instant."""
        guess = when.replace(tzinfo=None) - timedelta(minutes=self.bias)
        return (when - timedelta(minutes=self.bias + self._extra(guess))).replace(tzinfo=None)

    def _extra(self, local_guess: datetime) -> int:
        if self.standard is None:
            return 0
        return (self.daylight if self._in_daylight(local_guess) else self.standard)["bias"]

    def to_utc(self, text: str) -> datetime:
        """A request time: local to this zone unless it names its own offset."""
        value = (text or "").strip()
        if value.endswith("Z") or (len(value) > 19 and value[19:20] in "+-"):
            return parse_dt(value)
        naive = parse_dt(value).replace(tzinfo=None)
        return (naive + timedelta(minutes=self.bias + self._extra(naive))).replace(tzinfo=timezone.utc)


def _zone_xml(el) -> str:
    """The request's zone again, for WorkingHours (the same elements, in schema order)."""
    if el is None:
        return "<t:TimeZone><t:Bias>0</t:Bias></t:TimeZone>"
    parts = [f"<t:Bias>{int(el.findtext(T + 'Bias') or 0)}</t:Bias>"]
    for name in ("StandardTime", "DaylightTime"):
        rule = el.find(T + name)
        if rule is None:
            continue
        inner = "".join(
            f"<t:{k}>{esc(rule.findtext(T + k))}</t:{k}>"
            for k in ("Bias", "Time", "DayOrder", "Month", "DayOfWeek", "Year")
            if rule.findtext(T + k) is not None
        )
        parts.append(f"<t:{name}>{inner}</t:{name}>")
    return f"<t:TimeZone>{''.join(parts)}</t:TimeZone>"


def _local(zone: SerializableZone, when: datetime) -> str:
    return zone.local(when).strftime("%Y-%m-%dT%H:%M:%S")


def get_user_availability(ctx: RequestContext, req) -> str:
    zone = SerializableZone(req.find(T + "TimeZone"))
    options = req.find(T + "FreeBusyViewOptions")
    mailboxes = req.findall(f"{M}MailboxDataArray/{T}MailboxData")
    try:
        if options is None:
            raise OpError("ErrorInvalidRequest", "Only FreeBusyViewOptions requests are supported by this server.")
        window = options.find(T + "TimeWindow")
        start = zone.to_utc(window.findtext(T + "StartTime") if window is not None else "")
        end = zone.to_utc(window.findtext(T + "EndTime") if window is not None else "")
        if end <= start:
            raise OpError("ErrorInvalidTimeInterval", "The time interval is invalid.")
        if end - start > MAX_WINDOW:
            raise OpError("ErrorTimeIntervalTooBig", "The time window is too big (42 days at most).")
        interval = int(options.findtext(T + "MergedFreeBusyIntervalInMinutes") or 30)
        if not 5 <= interval <= 1440:
            raise OpError("ErrorInvalidMergedFreeBusyInterval", "The merged free/busy interval must be 5 to 1440.")
        view = (options.findtext(T + "RequestedView") or "Detailed").strip()
        if view not in VIEWS or view == "None":
            raise OpError("ErrorInvalidFreeBusyViewType", "The requested view is not valid.")
        if not mailboxes:
            raise OpError("ErrorMailboxDataArrayEmpty", "The mailbox data array is empty.")
        answers = [_free_busy(ctx, el, zone, start, end, interval, view) for el in mailboxes]
    except (OpError, ValueError) as e:
        error = e if isinstance(e, OpError) else OpError("ErrorInvalidRequest", "The request is invalid.")
        answers = [f"<m:FreeBusyResponse>{response_message('', error=error)}</m:FreeBusyResponse>"] * max(
            len(mailboxes), 1
        )
    return (
        f'<m:GetUserAvailabilityResponse xmlns:m="{M_NS}" xmlns:t="{T_NS}">'
        f"<m:FreeBusyResponseArray>{''.join(answers)}</m:FreeBusyResponseArray></m:GetUserAvailabilityResponse>"
    )


def _free_busy(ctx: RequestContext, el, zone, start, end, interval: int, view: str) -> str:
    address = (el.findtext(f"{T}Email/{T}Address") or "").strip()
    mb = ctx.directory.mailbox(address)
    if mb is None:
        error = OpError("ErrorMailRecipientNotFound", f"No mailbox was found for {address}.")
        return f"<m:FreeBusyResponse>{response_message('', error=error)}</m:FreeBusyResponse>"
    if view.startswith("Detailed") and not (
        mb.email == ctx.account.email or ctx.directory.can_open(ctx.account, mb.email)
    ):
        view = view.replace("Detailed", "FreeBusy")
    events = [
        it
        for it in occurrences.calendar_view(mb.distinguished["calendar"], start, end)
        if (it.get("free_busy") or "Busy") != "Free" and not it.get("is_cancelled")
    ]
    parts = [f"<t:FreeBusyViewType>{view}</t:FreeBusyViewType>"]
    if view.endswith("Merged") or view == "MergedOnly":
        parts.append(f"<t:MergedFreeBusy>{_merged(events, start, end, interval)}</t:MergedFreeBusy>")
    if view != "MergedOnly":
        detailed = view.startswith("Detailed")
        parts.append(
            f"<t:CalendarEventArray>{''.join(_event(it, zone, detailed) for it in events)}</t:CalendarEventArray>"
        )
        parts.append(
            f"<t:WorkingHours>{zone.xml}<t:WorkingPeriodArray><t:WorkingPeriod>"
            "<t:DayOfWeek>Monday Tuesday Wednesday Thursday Friday</t:DayOfWeek>"
            "<t:StartTimeInMinutes>480</t:StartTimeInMinutes><t:EndTimeInMinutes>1020</t:EndTimeInMinutes>"
            "</t:WorkingPeriod></t:WorkingPeriodArray></t:WorkingHours>"
        )
    return (
        f"<m:FreeBusyResponse>{response_message('')}<m:FreeBusyView>{''.join(parts)}</m:FreeBusyView>"
        "</m:FreeBusyResponse>"
    )


def _merged(events, start: datetime, end: datetime, interval: int) -> str:
    step = timedelta(minutes=interval)
    digits = []
    slot = start
    while slot < end:
        best = "0"
        for it in events:
            if it.get("start") < slot + step and it.get("end") > slot:
                digit = _DIGITS.get(it.get("free_busy") or "Busy", "2")
                if _RANK[digit] > _RANK[best]:
                    best = digit
        digits.append(best)
        slot += step
    return "".join(digits)


def _event(item, zone, detailed: bool) -> str:
    busy = item.get("free_busy") or "Busy"
    details = ""
    if detailed:
        details = (
            f"<t:CalendarEventDetails><t:ID>{esc(item.id)}</t:ID><t:Subject>{esc(item.subject or '')}</t:Subject>"
            f"<t:Location>{esc(item.get('location') or '')}</t:Location>"
            f"<t:IsMeeting>{_bool(item.get('required') or item.get('optional'))}</t:IsMeeting>"
            f"<t:IsRecurring>{_bool(occurrences.is_occurrence(item))}</t:IsRecurring>"
            f"<t:IsException>{_bool(item.get('is_exception'))}</t:IsException>"
            f"<t:IsReminderSet>{_bool(item.get('reminder_is_set'))}</t:IsReminderSet>"
            f"<t:IsPrivate>{_bool(item.sensitivity == 'Private')}</t:IsPrivate></t:CalendarEventDetails>"
        )
    return (
        f"<t:CalendarEvent><t:StartTime>{_local(zone, item.get('start'))}</t:StartTime>"
        f"<t:EndTime>{_local(zone, item.get('end'))}</t:EndTime><t:BusyType>{busy}</t:BusyType>{details}"
        "</t:CalendarEvent>"
    )


def _bool(value) -> str:
    return "true" if value else "false"
