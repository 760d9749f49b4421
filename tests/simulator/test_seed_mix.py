"""The seeded mailbox is realistic and deterministic: its shares of HTML (inline images),
attached, Japanese, meeting-request, non-delivery and large mail and of recurring appointments,
as SeedMix says, and the same seed gives the same mailbox."""

from __future__ import annotations

import base64
import email
import json
from datetime import datetime, timezone
from email.header import decode_header, make_header

import pytest
from service_util import NS, find_items, get_items, make_world, text

from app.simulator.directory import Directory
from app.simulator.occurrences import calendar_view, series_of
from app.simulator.seed import seed_mailbox
from app.simulator.seed_mix import SeedMix

START = datetime(2027, 5, 1, 12, 0, tzinfo=timezone.utc)
EMAILS = 3000


def _mailbox(mix=None, seed=4, emails=EMAILS, appointments=60):
    directory = Directory()
    directory.add_account("owner@contoso.example", "pw", "Owen Owner")
    counts = seed_mailbox(
        directory, "owner@contoso.example", emails=emails, appointments=appointments, seed=seed, start=START, mix=mix
    )
    return directory.mailbox("owner@contoso.example"), counts


@pytest.fixture(scope="module")
def seeded():
    return _mailbox()


def test_the_shares_are_about_what_the_mix_says(seeded):
    mb, counts = seeded
    mix = SeedMix()
    messages = [it for it in mb.items.values() if it.kind in ("Message", "MeetingRequest")]
    assert len(messages) == EMAILS
    html = [it for it in messages if it.body_type == "HTML"]
    assert abs(len(html) / EMAILS - mix.html) < 0.03
    inline = [it for it in html if any(a["is_inline"] for a in it.get("attachments") or ())]
    assert abs(len(inline) / len(html) - mix.inline_images) < 0.08
    attached = [it for it in messages if any(not a["is_inline"] for a in it.get("attachments") or ())]
    assert abs(len(attached) / EMAILS - mix.attachments) < 0.03
    for name, share in (("japanese", mix.japanese), ("meeting_requests", mix.meeting_requests), ("ndrs", mix.ndrs)):
        assert abs(counts[name] / EMAILS - share) < share * 0.5, (name, counts[name])
    assert counts["large"] == 0  # large mail only when asked for
    recurring = [it for it in mb.distinguished["calendar"].items.values() if it.get("recurrence")]
    assert len(recurring) == counts["recurring"] > 5


def test_the_same_seed_gives_the_same_mailbox():
    first, _ = _mailbox(seed=9, emails=400)
    second, _ = _mailbox(seed=9, emails=400)
    other, _ = _mailbox(seed=10, emails=400)
    as_json = lambda mb: json.dumps(mb.to_dict(), default=str, sort_keys=True)  # noqa: E731
    assert as_json(first) == as_json(second)
    assert as_json(first) != as_json(other)


def test_html_mail_shows_its_inline_image(seeded):
    mb, _ = seeded
    item = next(it for it in mb.items.values() if it.body_type == "HTML" and it.get("attachments"))
    [picture] = [a for a in item.get("attachments") if a["is_inline"]]
    assert f'src="cid:{picture["content_id"]}"' in item.body
    assert picture["content"].startswith(b"\x89PNG") and picture["content_type"] == "image/png"


def test_japanese_mail_in_iso_2022_jp_and_utf8(seeded):
    mb, _ = seeded
    japanese = [it for it in mb.items.values() if it.subject and not it.subject.isascii() and it.kind == "Message"]
    with_mime = [it for it in japanese if it.get("mime")]
    assert with_mime and len(with_mime) < len(japanese)  # some arrived as ISO-2022-JP, the others in UTF-8
    item = with_mime[0]
    raw = item.get("mime")
    assert raw.isascii() and b'charset="iso-2022-jp"' in raw.lower() and b"\x1b$B" in raw  # JIS escapes
    parsed = email.message_from_bytes(raw)
    assert str(make_header(decode_header(parsed["Subject"]))) == item.subject
    assert parsed.get_payload(decode=True).decode("iso-2022-jp").replace("\r\n", "\n") == item.body + "\n"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # lines end as mail's do


def test_seeded_mime_and_attachments_read_over_ews():
    directory, _, alice, _, _ = make_world()
    seed_mailbox(directory, "alice@contoso.example", emails=400, appointments=0, contacts=0, tasks=0, seed=2)
    mb = directory.mailbox("alice@contoso.example")
    japanese = next(it for it in mb.items.values() if it.get("mime"))
    attached = next(it for it in mb.items.values() if any(not a["is_inline"] for a in it.get("attachments") or ()))
    answer = alice.call(
        "<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent>"
        f'</m:ItemShape><m:ItemIds><t:ItemId Id="{japanese.id}"/><t:ItemId Id="{attached.id}"/></m:ItemIds></m:GetItem>'
    )
    first, second = answer.findall(".//t:Message", NS)
    assert base64.b64decode(text(first, "t:MimeContent")) == japanese.get("mime")  # as it arrived
    assert text(second, "t:HasAttachments") == "true"
    names = [text(a, "t:Name") for a in second.iterfind("t:Attachments/t:FileAttachment", NS)]
    assert names == [a["name"] for a in attached.get("attachments")]


def test_meeting_requests_and_reports_in_the_inbox_read_over_ews():
    directory, _, alice, _, _ = make_world()
    seed_mailbox(directory, "alice@contoso.example", emails=400, appointments=0, contacts=0, tasks=0, seed=2)
    ids = [e.get("Id") for e in find_items(alice).iterfind(".//t:ItemId", NS)]
    answer = get_items(alice, ids)
    requests = answer.findall(".//t:MeetingRequest", NS)
    reports = [m for m in answer.iterfind(".//t:Message", NS) if text(m, "t:ItemClass") == "REPORT.IPM.Note.NDR"]
    assert requests and reports
    associated = requests[0].find("t:AssociatedCalendarItemId", NS).get("Id")
    meeting = get_items(alice, [associated]).find(".//t:CalendarItem", NS)
    assert text(meeting, "t:MyResponseType") == "NoResponseReceived"
    assert text(meeting, "t:UID") == text(requests[0], "t:UID")
    assert text(reports[0], "t:Subject").startswith("Undeliverable: ")


def test_recurring_appointments_expand_from_their_first_occurrence(seeded):
    mb, _ = seeded
    calendar = mb.distinguished["calendar"]
    for master in (it for it in calendar.items.values() if it.get("recurrence")):
        first = next(iter(series_of(master).live()))
        assert first[1] == master.get("start")
    window = calendar_view(calendar, START, START.replace(month=8))
    assert any(it.get("instance") for it in window)


def test_a_few_messages_of_five_megabytes_when_asked_for():
    mb, counts = _mailbox(SeedMix(large=2), emails=50, appointments=0)
    large = [it for it in mb.items.values() if it.size() >= 5 * 1024 * 1024]
    assert counts["large"] == 2 and len(large) == 2
    assert len(large[0].body) >= 5 * 1024 * 1024 - 64
