"""GetUserOofSettings, SetUserOofSettings and GetServerTimeZones.

Out of Office settings are kept per mailbox in the directory (``Directory.oof``): state
(Disabled, Enabled, Scheduled), external audience (None, Known, All), the scheduled duration and
the internal and external replies. A mailbox that never set them reads Disabled, audience All,
empty replies, as a new Exchange mailbox does. Another mailbox's settings can be read and set
only with full access to it (ErrorAccessDenied otherwise); an unknown address is
ErrorMailRecipientNotFound. A Scheduled state without a duration, or with an end before its
start, is ErrorInvalidScheduledOofDuration.

GetServerTimeZones answers the Windows time zones below, with their periods and their daylight
saving rules (``ReturnFullTimeZoneData``, the default) or names only; ``Ids`` picks some.
"""

from __future__ import annotations

from ..service import M, OpError, RequestContext, T
from ..soap import M_NS, T_NS, attr, esc
from ..xmlitems import fmt_dt, parse_dt

_STATES = ("Disabled", "Enabled", "Scheduled")
_AUDIENCES = ("None", "Known", "All")


def _address(req) -> str:
    box = req.find(T + "Mailbox")
    return ((box.findtext(T + "Address") if box is not None else "") or "").strip().lower()


def _mailbox_for(ctx: RequestContext, address: str) -> str:
    account = ctx.directory.get(address) if "@" in address else None
    if account is None or ctx.directory.mailbox(account.email) is None:
        raise OpError("ErrorMailRecipientNotFound", "The mail recipient could not be found.")
    if not ctx.directory.can_open(ctx.account, account.email):
        raise OpError("ErrorAccessDenied")
    return account.email


def _message(error: OpError | None) -> str:
    if error is None:
        return '<m:ResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:ResponseMessage>'
    return (
        f'<m:ResponseMessage ResponseClass="Error"><m:MessageText>{esc(error.text)}</m:MessageText>'
        f"<m:ResponseCode>{error.code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>"
        "</m:ResponseMessage>"
    )


def _reply(tag: str, text: str) -> str:
    return f"<t:{tag}><t:Message>{esc(text)}</t:Message></t:{tag}>" if text else f"<t:{tag}><t:Message/></t:{tag}>"


def get_user_oof_settings(ctx: RequestContext, req) -> str:
    head = f'<m:GetUserOofSettingsResponse xmlns:m="{M_NS}" xmlns:t="{T_NS}">'
    try:
        email = _mailbox_for(ctx, _address(req))
    except OpError as e:
        return head + _message(e) + "</m:GetUserOofSettingsResponse>"
    s = ctx.directory.oof.get(email) or {}
    duration = ""
    if s.get("start") and s.get("end"):
        duration = f"<t:Duration><t:StartTime>{s['start']}</t:StartTime><t:EndTime>{s['end']}</t:EndTime></t:Duration>"
    return (
        head + _message(None) + f"<t:OofSettings><t:OofState>{s.get('state', 'Disabled')}</t:OofState>"
        f"<t:ExternalAudience>{s.get('audience', 'All')}</t:ExternalAudience>{duration}"
        + _reply("InternalReply", s.get("internal", ""))
        + _reply("ExternalReply", s.get("external", ""))
        + "</t:OofSettings><m:AllowExternalOof>All</m:AllowExternalOof></m:GetUserOofSettingsResponse>"
    )


def set_user_oof_settings(ctx: RequestContext, req) -> str:
    head = f'<m:SetUserOofSettingsResponse xmlns:m="{M_NS}" xmlns:t="{T_NS}">'
    try:
        email = _mailbox_for(ctx, _address(req))
        settings = req.find(T + "UserOofSettings")
        if settings is None:
            raise OpError("ErrorInvalidRequest")
        state = (settings.findtext(T + "OofState") or "").strip()
        audience = (settings.findtext(T + "ExternalAudience") or "").strip()
        if state not in _STATES or audience not in _AUDIENCES:
            raise OpError("ErrorInvalidOofParameter", "The OOF parameters are invalid.")
        new = {"state": state, "audience": audience}
        duration = settings.find(T + "Duration")
        if duration is not None:
            try:
                start = parse_dt(duration.findtext(T + "StartTime") or "")
                end = parse_dt(duration.findtext(T + "EndTime") or "")
            except ValueError:
                raise OpError("ErrorInvalidScheduledOofDuration", "The scheduled OOF duration is invalid.") from None
            if end <= start:
                raise OpError("ErrorInvalidScheduledOofDuration", "The scheduled OOF duration is invalid.")
            new["start"], new["end"] = fmt_dt(start), fmt_dt(end)
        elif state == "Scheduled":
            raise OpError("ErrorInvalidScheduledOofDuration", "The scheduled OOF duration is invalid.")
        for key, tag in (("internal", "InternalReply"), ("external", "ExternalReply")):
            reply = settings.find(T + tag)
            new[key] = (reply.findtext(T + "Message") or "") if reply is not None else ""
        ctx.directory.oof[email] = new
    except OpError as e:
        return head + _message(e) + "</m:SetUserOofSettingsResponse>"
    return head + _message(None) + "</m:SetUserOofSettingsResponse>"


# --------------------------------------------------------------------------- time zones
# (Id, display name, standard bias in minutes (UTC = local + bias), daylight rule or None)
# rule: (daylight bias, (month, weekday, occurrence, "HH:MM") to daylight, (…) back to standard)
_ZONES = (
    ("Dateline Standard Time", "(UTC-12:00) International Date Line West", 720, None),
    ("Hawaiian Standard Time", "(UTC-10:00) Hawaii", 600, None),
    ("Alaskan Standard Time", "(UTC-09:00) Alaska", 540, (-60, (3, "Sunday", 2, "02:00"), (11, "Sunday", 1, "02:00"))),
    (
        "Pacific Standard Time",
        "(UTC-08:00) Pacific Time (US & Canada)",
        480,
        (-60, (3, "Sunday", 2, "02:00"), (11, "Sunday", 1, "02:00")),
    ),
    (
        "Mountain Standard Time",
        "(UTC-07:00) Mountain Time (US & Canada)",
        420,
        (-60, (3, "Sunday", 2, "02:00"), (11, "Sunday", 1, "02:00")),
    ),
    (
        "Central Standard Time",
        "(UTC-06:00) Central Time (US & Canada)",
        360,
        (-60, (3, "Sunday", 2, "02:00"), (11, "Sunday", 1, "02:00")),
    ),
    (
        "Eastern Standard Time",
        "(UTC-05:00) Eastern Time (US & Canada)",
        300,
        (-60, (3, "Sunday", 2, "02:00"), (11, "Sunday", 1, "02:00")),
    ),
    ("SA Western Standard Time", "(UTC-04:00) Georgetown, La Paz, Manaus, San Juan", 240, None),
    ("E. South America Standard Time", "(UTC-03:00) Brasilia", 180, None),
    ("UTC", "(UTC) Coordinated Universal Time", 0, None),
    (
        "GMT Standard Time",
        "(UTC+00:00) Dublin, Edinburgh, Lisbon, London",
        0,
        (-60, (3, "Sunday", 5, "01:00"), (10, "Sunday", 5, "02:00")),
    ),
    (
        "W. Europe Standard Time",
        "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
        -60,
        (-60, (3, "Sunday", 5, "02:00"), (10, "Sunday", 5, "03:00")),
    ),
    (
        "Romance Standard Time",
        "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris",
        -60,
        (-60, (3, "Sunday", 5, "02:00"), (10, "Sunday", 5, "03:00")),
    ),
    (
        "FLE Standard Time",
        "(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius",
        -120,
        (-60, (3, "Sunday", 5, "03:00"), (10, "Sunday", 5, "04:00")),
    ),
    ("Russian Standard Time", "(UTC+03:00) Moscow, St. Petersburg", -180, None),
    ("Arabian Standard Time", "(UTC+04:00) Abu Dhabi, Muscat", -240, None),
    ("India Standard Time", "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", -330, None),
    ("SE Asia Standard Time", "(UTC+07:00) Bangkok, Hanoi, Jakarta", -420, None),
    ("China Standard Time", "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", -480, None),
    ("Singapore Standard Time", "(UTC+08:00) Kuala Lumpur, Singapore", -480, None),
    ("Tokyo Standard Time", "(UTC+09:00) Osaka, Sapporo, Tokyo", -540, None),
    ("Korea Standard Time", "(UTC+09:00) Seoul", -540, None),
    (
        "AUS Eastern Standard Time",
        "(UTC+10:00) Canberra, Melbourne, Sydney",
        -600,
        (-60, (10, "Sunday", 1, "02:00"), (4, "Sunday", 1, "03:00")),
    ),
    (
        "New Zealand Standard Time",
        "(UTC+12:00) Auckland, Wellington",
        -720,
        (-60, (9, "Sunday", 5, "02:00"), (4, "Sunday", 1, "03:00")),
    ),
)
ZONE_IDS = frozenset(z[0] for z in _ZONES)


def _duration(minutes: int) -> str:
    sign = "-" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    return f"{sign}PT{h}H{m}M" if m else f"{sign}PT{h}H"


def _offset(hhmm: str) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    return f"PT{h}H{m}M" if m else f"PT{h}H"


def _definition(zone, full: bool) -> str:
    zid, name, bias, rule = zone
    head = f'<t:TimeZoneDefinition Id="{attr(zid)}" Name="{attr(name)}"'
    if not full:
        return head + "/>"
    std = f"trule:Microsoft/Registry/{zid}/1-Standard"
    periods = f'<t:Period Bias="{_duration(bias)}" Name="Standard" Id="{attr(std)}"/>'
    if rule is None:
        groups = (
            f'<t:TransitionsGroup Id="0"><t:Transition><t:To Kind="Period">{esc(std)}</t:To></t:Transition>'
            "</t:TransitionsGroup>"
        )
    else:
        dst_bias, to_dst, to_std = rule
        dst = f"trule:Microsoft/Registry/{zid}/1-Daylight"
        periods += f'<t:Period Bias="{_duration(bias + dst_bias)}" Name="Daylight" Id="{attr(dst)}"/>'
        transitions = []
        for target, (month, weekday, occurrence, at) in ((dst, to_dst), (std, to_std)):
            transitions.append(
                f'<t:RecurringDayTransition><t:To Kind="Period">{esc(target)}</t:To>'
                f"<t:TimeOffset>{_offset(at)}</t:TimeOffset><t:Month>{month}</t:Month>"
                f"<t:DayOfWeek>{weekday}</t:DayOfWeek>"
                f"<t:Occurrence>{occurrence if occurrence < 5 else -1}</t:Occurrence>"
                "</t:RecurringDayTransition>"
            )
        groups = f'<t:TransitionsGroup Id="0">{"".join(transitions)}</t:TransitionsGroup>'
    return (
        head
        + f"><t:Periods>{periods}</t:Periods><t:TransitionsGroups>{groups}</t:TransitionsGroups>"
        + '<t:Transitions><t:Transition><t:To Kind="Group">0</t:To></t:Transition></t:Transitions>'
        + "</t:TimeZoneDefinition>"
    )


def get_server_time_zones(ctx: RequestContext, req) -> str:
    from ..service import response, response_message

    full = (req.get("ReturnFullTimeZoneData") or "true").strip() in ("true", "1")
    ids_el = req.find(M + "Ids")
    wanted = [(i.text or "").strip() for i in ids_el.findall(T + "Id")] if ids_el is not None else None
    if wanted is not None:
        known = {z[0]: z for z in _ZONES}
        missing = [w for w in wanted if w not in known]
        if missing:
            error = OpError("ErrorTimeZone", f"The time zone '{missing[0]}' is not valid.")
            return response("GetServerTimeZones", [response_message("GetServerTimeZones", error=error)])
        zones = [known[w] for w in wanted]
    else:
        zones = list(_ZONES)
    inner = "".join(_definition(z, full) for z in zones)
    return response(
        "GetServerTimeZones",
        [response_message("GetServerTimeZones", f"<m:TimeZoneDefinitions>{inner}</m:TimeZoneDefinitions>")],
    )
