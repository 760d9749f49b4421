"""The tracking decision (docs/product-rules.md §5): which incoming emails each tracking option keeps."""

from __future__ import annotations

import pytest

from app.domain.enums import TrackingOption
from app.domain.tracking import (
    IncomingMessage,
    SetLookup,
    TrackingReason,
    decide,
    find_tracking_token,
    referenced_message_ids,
)

LOOKUP = SetLookup(
    message_ids={"<tracked.1@contoso.com>"},
    conversations={"AAQkADconversation="},
    known_senders={"Contact@Fabrikam.example", "sales@northwind.example", "lead@tailspin.example"},
    other_records={"admin@contoso.com", "support-queue@contoso.com"},
)

STRANGER = IncomingMessage(subject="Cheap watches", sender="spam@example.org")
TOKEN = IncomingMessage(subject="RE: Your quote CRM:0001234", sender="spam@example.org")
REPLY = IncomingMessage(subject="RE: Quote", sender="x@example.org", in_reply_to="<tracked.1@contoso.com>")
REFERENCES = IncomingMessage(
    subject="RE: RE: Quote",
    sender="x@example.org",
    in_reply_to="<untracked@x.org>",
    references="<tracked.1@contoso.com> <untracked@x.org>",
)
CONVERSATION = IncomingMessage(subject="Quote", sender="x@example.org", conversation_id="AAQkADconversation=")
CONTACT = IncomingMessage(subject="Hello", sender="contact@fabrikam.example")
ACCOUNT = IncomingMessage(subject="Hello", sender="SALES@northwind.example")
LEAD = IncomingMessage(subject="Hello", sender="lead@tailspin.example")
USER = IncomingMessage(subject="Hello", sender="admin@contoso.com")
QUEUE = IncomingMessage(subject="Hello", sender="support-queue@contoso.com")

CASES = {
    "stranger": STRANGER,
    "token": TOKEN,
    "reply": REPLY,
    "references": REFERENCES,
    "conversation": CONVERSATION,
    "contact": CONTACT,
    "account": ACCOUNT,
    "lead": LEAD,
    "user": USER,
    "queue": QUEUE,
}


def tracked(option: TrackingOption) -> dict[str, TrackingReason]:
    decisions = {name: decide(message, option, LOOKUP) for name, message in CASES.items()}
    return {name: d.reason for name, d in decisions.items() if d.tracked}


def test_all_tracks_every_message():
    assert set(tracked(TrackingOption.ALL)) == set(CASES)
    assert set(tracked(TrackingOption.ALL).values()) == {TrackingReason.ALL}


def test_responses_tracks_token_reply_references_and_conversation_only():
    assert tracked(TrackingOption.RESPONSES) == {
        "token": TrackingReason.TOKEN,
        "reply": TrackingReason.REPLY,
        "references": TrackingReason.REPLY,
        "conversation": TrackingReason.CONVERSATION,
    }


def test_known_senders_tracks_contacts_accounts_and_leads_ignoring_case():
    assert tracked(TrackingOption.KNOWN_SENDERS) == {
        "contact": TrackingReason.KNOWN_SENDER,
        "account": TrackingReason.KNOWN_SENDER,
        "lead": TrackingReason.KNOWN_SENDER,
    }


def test_email_enabled_tracks_any_record_with_the_address():
    assert tracked(TrackingOption.EMAIL_ENABLED) == dict.fromkeys(
        ("contact", "account", "lead", "user", "queue"), TrackingReason.EMAIL_ENABLED
    )


def test_the_token_is_reported_whatever_the_option():
    for option in TrackingOption:
        assert decide(TOKEN, option, LOOKUP).token == "CRM:0001234"
    assert decide(STRANGER, TrackingOption.ALL, LOOKUP).token is None


@pytest.mark.parametrize(
    "subject, prefix, token",
    [
        ("Offer CRM:0001234", "CRM:", "CRM:0001234"),
        ("RE: Offer crm:0001234 (urgent)", "CRM:", "CRM:0001234"),
        ("CRM: 0042 follow-up", "CRM:", "CRM:0042"),
        ("[SSS-0077] renewal", "SSS-", "SSS-0077"),
        ("XCRM:0001234", "CRM:", None),  # inside another word
        ("CRM:12ab", "CRM:", None),  # not only digits
        ("CRM:0001234", "", None),  # no prefix configured: no tokens
        ("Offer 0001234", "CRM:", None),
        ("", "CRM:", None),
    ],
)
def test_find_tracking_token(subject, prefix, token):
    assert find_tracking_token(subject, prefix) == token


def test_custom_prefix_is_used_by_the_decision():
    message = IncomingMessage(subject="Renewal [SSS-0077]", sender="x@example.org")
    assert decide(message, TrackingOption.RESPONSES, LOOKUP, token_prefix="SSS-").reason is TrackingReason.TOKEN
    assert not decide(message, TrackingOption.RESPONSES, LOOKUP).tracked


def test_referenced_message_ids_most_recent_first_without_repeats():
    message = IncomingMessage(in_reply_to="<c@x>", references="<a@x>\r\n <b@x> <c@x>")
    assert referenced_message_ids(message) == ["<c@x>", "<b@x>", "<a@x>"]
    assert referenced_message_ids(IncomingMessage(references="bare-id@x")) == ["bare-id@x"]
    assert referenced_message_ids(IncomingMessage()) == []


def test_no_lookup_is_made_when_none_is_needed():
    class Refuse:
        def __getattr__(self, name):
            raise AssertionError(f"unexpected lookup {name}")

    assert decide(STRANGER, TrackingOption.ALL, Refuse()).tracked
    assert decide(TOKEN, TrackingOption.RESPONSES, Refuse()).reason is TrackingReason.TOKEN
    assert not decide(IncomingMessage(subject="x"), TrackingOption.KNOWN_SENDERS, Refuse()).tracked
