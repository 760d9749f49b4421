"""What kinds of mail and appointments a seeded mailbox holds, and in what shares (``SeedMix``).

The shares are of the seeded messages (or appointments) and every choice comes from the seed,
so the same seed gives the same mailbox:

- HTML mail (``html``), most of it with an inline image (a ``cid:`` picture, ``inline_images``);
- file attachments (``attachments``): a quote, an order, a price list …;
- Japanese mail (``japanese``), half of it as it arrives from Japanese mail programs, in
  ISO-2022-JP (the message keeps that MIME), half in UTF-8;
- meeting requests from customers (``meeting_requests``), each with the tentative meeting the
  Calendar Attendant puts in the calendar;
- non-delivery reports (``ndrs``) for mail sent to an address that does not exist;
- a few messages of ``large_size`` bytes (``large``, 5 MB);
- recurring appointments (``recurring``, a share of the appointments).

Attachments are kept as app.simulator.attachments keeps them (``item.x["attachments"]``) and
the ISO-2022-JP source as the MIME an item arrived with (``item.x["mime"]``).
"""

from __future__ import annotations

import base64
import random
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from functools import lru_cache

from .model import Address, Item

LARGE_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True)
class SeedMix:
    html: float = 0.2
    inline_images: float = 0.8  # of the HTML mail
    attachments: float = 0.1
    japanese: float = 0.05
    meeting_requests: float = 0.02
    ndrs: float = 0.01
    large: int = 0  # messages of large_size (demo mode has one per mailbox; tests ask for them)
    large_size: int = LARGE_SIZE
    recurring: float = 0.25  # of the appointments


DEMO_MIX = SeedMix(large=1)  # demo mode: a 5 MB message in each mailbox

JAPANESE_SUBJECTS = (
    "お見積りの件",
    "打ち合わせ日程のご相談",
    "請求書送付のご案内",
    "納期についてのご確認",
    "【重要】契約更新のお知らせ",
    "新製品のご紹介",
    "先日のお打ち合わせのお礼",
    "発注書の送付について",
)
JAPANESE_LINES = (
    "いつもお世話になっております。",
    "先日はお忙しいところお時間をいただき、誠にありがとうございました。",
    "ご依頼いただいておりました見積書をお送りいたします。",
    "来週の打ち合わせの日程について、ご都合をお聞かせいただけますでしょうか。",
    "納品予定日は今月末を予定しております。",
    "ご不明な点がございましたら、お気軽にお問い合わせください。",
    "ご確認のほど、よろしくお願いいたします。",
    "引き続きよろしくお願い申し上げます。",
)
ATTACHMENTS = (
    ("Quote-{n}.csv", "text/csv"),
    ("Order-{n}.txt", "text/plain"),
    ("Price list {n}.csv", "text/csv"),
    ("Minutes {n}.txt", "text/plain"),
)


@lru_cache(maxsize=1)
def _price_lists() -> tuple[bytes, ...]:
    """Sixteen price lists (CSV lines) attachments take their content from."""
    rng = random.Random(20270101)
    return tuple(
        "\r\n".join(
            f"Part {k},{rng.randint(1, 50)},{rng.randint(5, 900)}.00" for k in range(rng.randint(20, 80))
        ).encode()
        for _ in range(16)
    )


@lru_cache(maxsize=64)
def _png(seed: int) -> bytes:
    """A small, valid PNG (8×8, one colour from *seed*)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    r, g, b = seed % 256, (seed * 7) % 256, (seed * 13) % 256
    rows = b"".join(b"\x00" + bytes((r, g, b)) * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def file_attachment(name: str, content: bytes, content_type: str, when: datetime, content_id: str | None = None):
    """An attachment as app.simulator.attachments keeps one (``n`` is set by ``attach``)."""
    return {
        "kind": "file",
        "n": 0,
        "name": name,
        "content_type": content_type,
        "content_id": content_id,
        "content_location": None,
        "is_inline": content_id is not None,
        "is_contact_photo": False,
        "modified": when,
        "content": content,
    }


def attach(item: Item, attachment: dict) -> None:
    current = tuple(item.get("attachments") or ())
    attachment = dict(attachment, n=len(current) + 1)
    item.set("attachments", current + (attachment,))


class Decorator:
    """Picks, message by message, what the mix says (its own random stream: the seed's draws
    for subjects, senders and threads stay as they were)."""

    def __init__(self, mix: SeedMix, seed: int, emails: int):
        self.mix = mix
        self.rng = random.Random(seed * 7919 + 17)
        picker = random.Random(seed * 104729 + 3)
        self.large = set(picker.sample(range(emails), min(mix.large, emails))) if emails else set()

    def chance(self, share: float) -> bool:
        return self.rng.random() < share

    def inline_image(self, item: Item, index: int, when: datetime) -> str | None:
        """Give an HTML message its inline picture; returns its content id."""
        if not self.chance(self.mix.inline_images):
            return None
        cid = f"image{index:05d}.{self.rng.getrandbits(32):08x}@seed"
        attach(item, file_attachment(f"image{index:03d}.png", _png(index % 64), "image/png", when, content_id=cid))
        return cid

    def file(self, item: Item, index: int, when: datetime) -> None:
        name, content_type = self.rng.choice(ATTACHMENTS)
        number = self.rng.randrange(1000, 9999)
        content = f"item,quantity,unit price,{number}\r\n".encode() + _price_lists()[self.rng.randrange(16)]
        attach(item, file_attachment(name.format(n=number), content, content_type, when))

    def recurrence(self, day: datetime) -> dict:
        """A pattern for a series that starts on *day* (weekly, daily, monthly …)."""
        weekday = day.strftime("%A")
        start = day.date().isoformat()
        kind = self.rng.choice(("weekly", "weekly", "daily", "monthly", "relative"))
        if kind == "weekly":
            pattern = {
                "type": "Weekly",
                "interval": self.rng.choice((1, 1, 2)),
                "days": (weekday,),
                "first_day": "Monday",
            }
            rng = {"type": "Numbered", "start": start, "count": self.rng.randint(6, 20)}
        elif kind == "daily":
            pattern = {"type": "Daily", "interval": 1}
            rng = {"type": "Numbered", "start": start, "count": self.rng.randint(3, 10)}
        elif kind == "monthly":
            pattern = {"type": "AbsoluteMonthly", "interval": 1, "day_of_month": day.day}
            end = (day + timedelta(days=self.rng.choice((90, 180, 365)))).date().isoformat()
            rng = {"type": "EndDate", "start": start, "end": end}
        else:
            index = ("First", "Second", "Third", "Fourth", "Last")[min((day.day - 1) // 7, 4)]
            pattern = {"type": "RelativeMonthly", "interval": 1, "days": weekday, "index": index}
            rng = {"type": "NoEnd", "start": start}
        return {"pattern": pattern, "range": rng}

    def japanese(self, item: Item, me: Address, when: datetime) -> None:
        """Make *item* a Japanese message; every second one keeps the ISO-2022-JP it came in."""
        subject = self.rng.choice(JAPANESE_SUBJECTS)
        lines = [f"{(me[0] or me[1]).split()[0]} 様", ""] + self.rng.sample(JAPANESE_LINES, 4)
        body = "\n".join(lines)
        item.subject, item.body, item.body_type = subject, body, "Text"
        if self.chance(0.5):
            item.set("mime", iso_2022_jp(item, subject, body, when))


def _encoded_word(text: str) -> str:
    """An RFC 2047 word in ISO-2022-JP, as Japanese mail programs write a header."""
    return "=?ISO-2022-JP?B?" + base64.b64encode(text.encode("iso-2022-jp")).decode("ascii") + "?="


def iso_2022_jp(item: Item, subject: str, body: str, when: datetime) -> bytes:
    """The message as a Japanese mail program sends it: ISO-2022-JP, 7bit, CRLF."""
    assert item.from_ is not None, "a seeded message has a sender"
    name, address = item.from_
    sender = f"{_encoded_word(name)} <{address}>" if name else address
    headers = (
        f"From: {sender}",
        f"To: {', '.join(email for _, email in item.to)}",
        f"Subject: {_encoded_word(subject)}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: {item.msgid or ''}",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="ISO-2022-JP"',
        "Content-Transfer-Encoding: 7bit",
    )
    text = body.replace("\n", "\r\n").encode("iso-2022-jp")
    return "\r\n".join(headers).encode("ascii") + b"\r\n\r\n" + text + b"\r\n"


def non_delivery_report(item: Item, me: Address, bounced: Item, when: datetime) -> None:
    """Make *item* the report that *bounced* (sent by *me*) could not be delivered."""
    address = bounced.to[0][1] if bounced.to else "unknown@example.org"
    domain = me[1].split("@", 1)[1]
    item.item_class = "REPORT.IPM.Note.NDR"
    item.subject = f"Undeliverable: {bounced.subject or ''}"
    item.sender = item.from_ = ("Microsoft Outlook", f"postmaster@{domain}")
    item.to, item.cc = (me,), ()
    item.in_reply_to, item.references = bounced.msgid, bounced.msgid
    item.set("ndr_recipients", (address,))  # as app.simulator.reports marks a report
    item.body_type = "Text"
    item.body = (
        "Your message wasn't delivered to these recipients or groups:\n\n"
        f"{address}\n\n"
        "The address couldn't be found. Check it for typing mistakes and send the message again.\n\n"
        f"Diagnostic information for administrators:\n\nGenerating server: mail.{domain}\n\n"
        f"{address}\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n\n"
        f"Original message headers:\n\nMessage-ID: {bounced.msgid}\nSubject: {bounced.subject}\n"
        f"Date: {format_datetime(when)}\n"
    )


def meeting_request(item: Item, calendar_item: Item, organizer: Address, me: Address, when: datetime) -> None:
    """Make *item* the request for *calendar_item* (the tentative meeting in the calendar)."""
    item.kind, item.item_class = "MeetingRequest", "IPM.Schedule.Meeting.Request"
    item.subject = calendar_item.subject
    item.sender = item.from_ = organizer
    item.to, item.cc = (me,), ()
    item.body, item.body_type = calendar_item.body, "Text"
    keys = ("start", "end", "is_all_day", "location", "organizer", "required", "uid", "recurrence", "start_tz")
    item.x = {k: calendar_item.get(k) for k in keys if calendar_item.get(k) is not None}
    item.x.update(
        request_type="NewMeetingRequest",
        response_type="NoResponseReceived",
        my_response="NoResponseReceived",
        intended_free_busy="Busy",
        associated=calendar_item.id,
        stamp=when,
    )


def meeting_for(rng: random.Random, subject: str, organizer: Address, me: Address, start: datetime, uid: str) -> Item:
    """The tentative meeting a request from *organizer* leaves in the calendar."""
    day = start.replace(hour=0, minute=0, second=0) + timedelta(days=rng.randint(2, 30))
    begin = day + timedelta(hours=rng.randint(8, 16))
    meeting = Item("CalendarItem")
    meeting.subject = subject
    meeting.body = "Agenda:\n1. Introductions\n2. Requirements\n3. Next steps"
    meeting.x = {
        "start": begin,
        "end": begin + timedelta(minutes=rng.choice((30, 60))),
        "is_all_day": False,
        "location": rng.choice(("Teams", "Customer site", "Head office")),
        "organizer": organizer,
        "required": (me,),
        "uid": uid,
        "free_busy": "Tentative",
        "my_response": "NoResponseReceived",
        "reminder_is_set": True,
        "reminder_minutes": 15,
        "stamp": start,
    }
    return meeting
