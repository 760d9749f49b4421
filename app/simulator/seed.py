"""Deterministic demo/test data for a mailbox: mail threads, appointments, contacts, tasks.

Bodies are not stored: each seeded message keeps ``(seed, size, html)`` and the text is
rebuilt from a shared paragraph pool when a client asks for it, so 50,000 messages fit
in memory and seed in well under a few seconds.
"""

from __future__ import annotations

import os
import random
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from . import recurrence
from .directory import Directory
from .model import Address, Item, utcnow
from .seed_mix import Decorator, SeedMix, meeting_for, meeting_request, non_delivery_report

FIRST = [
    "Akira",
    "Yuki",
    "Hana",
    "Kenji",
    "Sakura",
    "Taro",
    "Emma",
    "Liam",
    "Olivia",
    "Noah",
    "Ava",
    "Lucas",
    "Mia",
    "Ethan",
    "Sofia",
    "Mateo",
    "Chloe",
    "Leo",
    "Isabel",
    "Hugo",
    "Nora",
    "Felix",
    "Clara",
    "Oscar",
    "Elena",
    "Jonas",
    "Lea",
    "Milan",
    "Anna",
    "Omar",
]
LAST = [
    "Tanaka",
    "Suzuki",
    "Sato",
    "Watanabe",
    "Ito",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Martin",
    "Bernard",
    "Dubois",
    "Weber",
    "Schneider",
    "Rossi",
    "Bianchi",
    "Novak",
    "Kowalski",
    "Jensen",
    "Larsen",
    "Silva",
]
COMPANIES = [
    ("Contoso Ltd", "contoso.example"),
    ("Fabrikam Inc", "fabrikam.example"),
    ("Northwind Traders", "northwind.example"),
    ("Tailspin Toys", "tailspin.example"),
    ("Adventure Works", "adventure-works.example"),
    ("Litware Inc", "litware.example"),
    ("Proseware", "proseware.example"),
    ("Wide World Importers", "wideworld.example"),
]
TITLES = (
    "Account Manager",
    "Purchasing Lead",
    "CFO",
    "Project Manager",
    "Sales Director",
    "Engineer",
    "Office Manager",
    "Consultant",
    "Support Specialist",
    "Operations Analyst",
)
TOPICS = (
    "quarterly order",
    "renewal quote",
    "delivery schedule",
    "invoice 4471",
    "service contract",
    "onboarding plan",
    "site visit",
    "pricing update",
    "support case",
    "warehouse inventory",
    "product demo",
    "budget review",
    "shipping delay",
    "training session",
    "partner meeting",
    "license audit",
    "marketing campaign",
    "contract amendment",
    "payment terms",
    "kick-off",
)
SUBJECT_FORMS = (
    "Question about the {t}",
    "{T} - next steps",
    "Re-scheduling the {t}",
    "Update on {t}",
    "{T}: draft for review",
    "Follow-up: {t}",
    "Can we talk about the {t}?",
    "{T} (urgent)",
    "Notes from the {t}",
    "Proposal for the {t}",
)
_WORDS = [
    "we",
    "the",
    "order",
    "team",
    "schedule",
    "delivery",
    "customer",
    "invoice",
    "please",
    "review",
    "attached",
    "updated",
    "draft",
    "numbers",
    "quarter",
    "meeting",
    "agreed",
    "budget",
    "proposal",
    "account",
    "contract",
    "timeline",
    "next",
    "week",
    "friday",
    "confirm",
    "questions",
    "support",
    "service",
    "price",
    "discount",
    "volume",
    "shipment",
    "warehouse",
    "signed",
    "legal",
    "approval",
    "regards",
    "project",
    "plan",
    "status",
    "risk",
    "issue",
    "resolved",
    "pending",
    "follow",
    "call",
    "thanks",
]
APPOINTMENT_TOPICS = (
    "Weekly sync",
    "Customer call",
    "Quarterly business review",
    "Lunch with partner",
    "Product demo",
    "Planning session",
    "1:1",
    "Training",
    "Site visit",
    "Budget review",
)
LOCATIONS = ("Room 301", "Teams", "Head office", "Customer site", "Cafe Lumiere", "Room 12B", "")
TASK_TOPICS = (
    "Send the revised quote",
    "Call back about the invoice",
    "Prepare QBR slides",
    "Review the contract draft",
    "Update the CRM record",
    "Book the site visit",
    "Chase the signed order",
    "Draft the renewal offer",
    "Check delivery status",
)


@lru_cache(maxsize=1)
def _paragraph_pool() -> tuple[str, ...]:
    rng = random.Random(20240601)
    pool = []
    for _ in range(64):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 18))]
            sentences.append(" ".join(words).capitalize() + ".")
        pool.append(" ".join(sentences))
    return tuple(pool)


def generate_body(seed: int, size: int, html: bool, image: str | None = None) -> str:
    """Deterministic body of about *size* characters (greeting, paragraphs, signature); an HTML
    one shows the inline picture *image* (its content id) after the greeting."""
    pool = _paragraph_pool()
    rng = random.Random(seed)
    parts = ["Hello,"]
    length = 6
    while length < size - 40:
        p = pool[rng.randrange(len(pool))]
        parts.append(p)
        length += len(p) + 2
    parts.append("Best regards,\n" + FIRST[seed % len(FIRST)])
    if not html:
        return "\n\n".join(parts)
    paras = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in parts)
    if image:
        picture = f'<p><img src="cid:{image}" alt="" width="8" height="8"></p>'
        paras = paras.replace("</p>", "</p>" + picture, 1)
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        f"<body>{paras}</body></html>"
    )


def _people(rng: random.Random, n: int) -> list[dict[str, str]]:
    people: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(people) < n:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        company, domain = rng.choice(COMPANIES)
        email = f"{first}.{last}@{domain}".lower()
        if email in seen:
            continue
        seen.add(email)
        people.append(
            {
                "first": first,
                "last": last,
                "name": f"{first} {last}",
                "email": email,
                "company": company,
                "title": rng.choice(TITLES),
                "phone": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            }
        )
    return people


def _conv_index(rng: random.Random, when: datetime) -> bytes:
    ft = int((when.timestamp() + 11644473600) * 10_000_000)
    return b"\x01" + ft.to_bytes(8, "big")[1:6] + rng.randbytes(16)


def seed_mailbox(
    directory: Directory,
    email: str,
    *,
    emails: int = 200,
    appointments: int = 20,
    contacts: int = 30,
    tasks: int = 15,
    seed: int = 0,
    start: datetime | None = None,
    body_size: int = 2048,
    html_ratio: float | None = None,
    days: int = 60,
    token_prefix: str = "CRM:",
    mix: SeedMix | None = None,
) -> dict[str, int]:
    """Fill *email*'s mailbox with deterministic data; returns counts.

    Received times are spread over *days* before *start* (default now); about a third of the
    messages are replies in earlier threads (In-Reply-To, References, ConversationIndex/Id),
    one in twenty carries a tracking token (``CRM:0001234``) in its subject, and the first
    senders of the pool are also saved as contacts. *mix* says the shares of HTML, attached,
    Japanese, meeting-request, non-delivery and large mail and of recurring appointments
    (seed_mix.py; *html_ratio* overrides its HTML share).
    """
    mix = mix or SeedMix()
    html_share = mix.html if html_ratio is None else html_ratio
    decorate = Decorator(mix, seed, emails)
    counts = dict.fromkeys(("html", "inline_images", "attachments", "japanese", "meeting_requests", "ndrs"), 0)
    counts.update(large=0, recurring=0)
    large_due = 0
    rng = random.Random(seed)
    with directory.lock:
        mb = directory.mailbox(email)
        if mb is None:
            raise KeyError(f"no mailbox for {email!r}")
        owner = directory.get(email)
        me = (owner.display_name if owner else email, mb.email)
        start = (start or utcnow()).astimezone(timezone.utc).replace(microsecond=0)
        people = _people(rng, max(40, contacts))
        others = [(a.display_name, a.email) for a in directory.accounts() if a.email != mb.email]
        senders = [(p["name"], p["email"]) for p in people] + others
        inbox, sent = mb.distinguished["inbox"], mb.distinguished["sentitems"]
        span = days * 86400
        messages: list[Item] = []
        for i in range(emails):
            when = start - timedelta(seconds=span * (emails - i) // max(emails, 1) + rng.randrange(0, 300))
            item = Item("Message")
            parent = messages[rng.randrange(len(messages))] if messages and rng.random() < 0.33 else None
            outgoing = rng.random() < 0.1
            other: Address = senders[rng.randrange(len(senders))]
            if parent is not None:
                # every seeded message has these (set below); the asserts tell the type checker
                assert parent.subject is not None and parent.msgid is not None
                assert parent.conv_index is not None and parent.from_ is not None
                base = parent.subject[4:] if parent.subject.startswith("RE: ") else parent.subject
                item.subject = "RE: " + base
                item.in_reply_to = parent.msgid
                item.references = ((parent.references + " ") if parent.references else "") + parent.msgid
                item.conv_id = parent.conv_id
                item.conv_index = parent.conv_index + rng.randbytes(5)
                other = parent.from_ if parent.from_ != me else other
            else:
                topic = TOPICS[rng.randrange(len(TOPICS))]
                form = SUBJECT_FORMS[rng.randrange(len(SUBJECT_FORMS))]
                item.subject = form.format(t=topic, T=topic[0].upper() + topic[1:])
                if rng.random() < 0.05:
                    item.subject += f" {token_prefix}{rng.randrange(1, 10**7):07d}"
                item.conv_index = _conv_index(rng, when)
                item.conv_id = item.conv_index[6:22]
            host = (mb.email if outgoing else other[1]).split("@")[1]
            item.msgid = f"<{seed:x}.{i:x}.{rng.getrandbits(40):010x}@{host}>"
            if outgoing:
                item.sender = item.from_ = me
                item.to = (other,)
                item.is_read = True
                item.is_from_me = True
                folder = sent
            else:
                item.sender = item.from_ = other
                item.to = (me,)
                if rng.random() < 0.15:
                    item.cc = (senders[rng.randrange(len(senders))],)
                item.is_read = rng.random() < 0.7
                folder = inbox
            size = max(200, int(rng.gauss(body_size, body_size / 4)))
            html = rng.random() < html_share
            item.received = item.sent = item.created = item.modified = when
            if rng.random() < 0.05:
                item.importance = "High"
            special = _special(decorate, mix, mb, item, parent, outgoing, messages, me, other, start, when, counts)
            large_due += i in decorate.large  # a special message passes its turn to the next ordinary one
            if not special:
                if large_due:
                    size, html, large_due, counts["large"] = mix.large_size, False, large_due - 1, counts["large"] + 1
                image = decorate.inline_image(item, i, when) if html else None
                item.body_spec = (
                    (seed * 1_000_003 + i, size, html, image) if image else (seed * 1_000_003 + i, size, html)
                )
                item.body_type = "HTML" if html else "Text"
                counts["html"] += html
                counts["inline_images"] += image is not None
            if special != "ndr" and decorate.chance(mix.attachments):
                decorate.file(item, i, when)
                counts["attachments"] += 1
            mb.add_item(folder, item)
            messages.append(item)

        calendar = mb.distinguished["calendar"]
        for i in range(appointments):
            day = start.replace(hour=0, minute=0, second=0) + timedelta(days=rng.randint(-30, 60))
            item = Item("CalendarItem")
            item.subject = rng.choice(APPOINTMENT_TOPICS) + (
                f" with {rng.choice(people)['company']}" if rng.random() < 0.5 else ""
            )
            item.body = f"Agenda:\n1. Status\n2. {rng.choice(TOPICS).capitalize()}\n3. Next steps"
            if rng.random() < 0.1:
                s, e, all_day = day, day + timedelta(days=1), True
            else:
                s = day + timedelta(hours=rng.randint(8, 16), minutes=rng.choice((0, 30)))
                e, all_day = s + timedelta(minutes=rng.choice((30, 60, 90, 120))), False
            attendees = tuple(rng.sample(senders, k=rng.randint(0, 3)))
            series = zone_id = None
            if not all_day and decorate.chance(mix.recurring):
                zone_id = decorate.rng.choice(SERIES_ZONES)
                series = decorate.recurrence(s.astimezone(recurrence.zone(zone_id)))  # its days are local days
            item.x = {
                "start": s,
                "end": e,
                "is_all_day": all_day,
                "location": rng.choice(LOCATIONS) or None,
                "organizer": me,
                "uid": f"{seed:08X}{i:08X}{rng.getrandbits(64):016X}",
                "free_busy": "Busy",
                "reminder_is_set": True,
                "reminder_minutes": 15,
            }
            if attendees:
                item.x["required"] = attendees
            if series is not None:
                item.x.update(recurrence=series, start_tz=zone_id, end_tz=zone_id)
                counts["recurring"] += 1
            item.is_read = item.is_from_me = True
            item.received = item.created = item.modified = start - timedelta(days=rng.randint(1, days))
            mb.add_item(calendar, item)

        contacts_folder = mb.distinguished["contacts"]
        for p in people[:contacts]:
            item = Item("Contact")
            item.subject = p["name"]
            item.x = {
                "given_name": p["first"],
                "surname": p["last"],
                "display_name": p["name"],
                "company_name": p["company"],
                "job_title": p["title"],
                "emails": {"EmailAddress1": p["email"]},
                "phones": {"BusinessPhone": p["phone"]},
            }
            item.is_read = True
            item.received = item.created = item.modified = start - timedelta(days=rng.randint(1, 400))
            mb.add_item(contacts_folder, item)

        tasks_folder = mb.distinguished["tasks"]
        for _ in range(tasks):
            item = Item("Task")
            item.subject = rng.choice(TASK_TOPICS) + f" ({rng.choice(people)['company']})"
            status = rng.choice(("NotStarted", "NotStarted", "InProgress", "Completed", "WaitingOnOthers"))
            pct = {"NotStarted": 0.0, "Completed": 100.0}.get(status, float(rng.choice((25, 50, 75))))
            item.x = {
                "status": status,
                "percent_complete": pct,
                "start_date": start - timedelta(days=rng.randint(0, 10)),
                "due_date": start + timedelta(days=rng.randint(-3, 21)),
            }
            if status == "Completed":
                item.x["complete_date"] = start - timedelta(days=rng.randint(0, 3))
            item.is_read = item.is_from_me = True
            item.received = item.created = item.modified = start - timedelta(days=rng.randint(1, 20))
            mb.add_item(tasks_folder, item)
    return {
        "emails": emails,
        "appointments": appointments,
        "contacts": min(contacts, len(people)),
        "tasks": tasks,
        **counts,
    }


# the share of seeded messages that start a thread from outside (not replies, not sent): the mix's
# shares of meeting requests, reports and Japanese mail are of all messages
NEW_INCOMING = 0.6
SERIES_ZONES = ("UTC", "W. Europe Standard Time", "Tokyo Standard Time", "Eastern Standard Time")


def _special(decorate, mix, mb, item, parent, outgoing, messages, me, other, start, when, counts) -> str | None:
    """Make a new incoming message a meeting request, a non-delivery report or a Japanese
    message when the mix says so; returns which (None: an ordinary message)."""
    if outgoing or parent is not None:
        return None
    if decorate.chance(mix.meeting_requests / NEW_INCOMING):
        uid = f"040000008200E00074C5B7101A82E00800000000{decorate.rng.getrandbits(96):024X}"
        meeting = meeting_for(decorate.rng, item.subject or "Meeting", other, me, start, uid)
        meeting.is_read = True
        meeting.received = meeting.created = meeting.modified = when
        mb.add_item(mb.distinguished["calendar"], meeting)
        meeting_request(item, meeting, other, me, when)
        counts["meeting_requests"] += 1
        return "meeting"
    sent = [m for m in messages[-50:] if m.is_from_me]
    if sent and decorate.chance(mix.ndrs / NEW_INCOMING):
        non_delivery_report(item, me, sent[-1], when)
        counts["ndrs"] += 1
        return "ndr"
    if decorate.chance(mix.japanese / NEW_INCOMING):
        decorate.japanese(item, me, when)
        counts["japanese"] += 1
        return "japanese"
    return None


def demo_directory(domain: str = "contoso.example", *, emails: int = 200, seed: int = 0) -> Directory:
    """A small directory for demos: two users, a delegate, and an impersonation service account."""
    directory = Directory()
    directory.add_account(f"alice@{domain}", os.environ.get("SSSM_DEMO_PASSWORD", "Passw0rd!"), "Alice Adams")
    directory.add_account(f"bob@{domain}", os.environ.get("SSSM_DEMO_PASSWORD", "Passw0rd!"), "Bob Baker")
    svc = directory.add_account(
        f"crmservice@{domain}",
        os.environ.get("SSSM_DEMO_PASSWORD", "Passw0rd!"),
        "CRM Service",
        roles={"impersonation"},
    )
    svc.delegates_to = set()
    for i, email in enumerate((f"alice@{domain}", f"bob@{domain}")):
        seed_mailbox(directory, email, emails=emails, seed=seed + i)
    return directory
