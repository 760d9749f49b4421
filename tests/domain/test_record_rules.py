"""What the Records page edits, and each field's rule (the message names the rule)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.records import (
    AppointmentValues,
    ComposeKind,
    ComposeValues,
    ContactValues,
    TaskValues,
    check_addresses,
    quoted,
    reply_subject,
    split_addresses,
    validate_appointment,
    validate_compose,
    validate_contact,
    validate_task,
    whole_days,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def fields(issues):
    return [issue.field for issue in issues]


def test_addresses_are_split_on_semicolons_and_commas():
    assert split_addresses(" a@contoso.com; b@fabrikam.com,c@litware.com ;; ") == [
        "a@contoso.com",
        "b@fabrikam.com",
        "c@litware.com",
    ]


def test_an_invalid_address_is_named_with_the_rule_it_breaks():
    issues = check_addresses("ann@fabrikam.com; bob@", "to", required=True)
    assert fields(issues) == ["to", "to"]
    assert issues[0].message() == "Not a valid email address: bob@"
    assert "domain name" in issues[1].message()
    assert check_addresses("", "cc", required=False) == []
    assert [i.message() for i in check_addresses(" ; ", "to", required=True)] == ["Enter at least one email address."]


def test_compose_needs_a_mailbox_and_a_recipient():
    assert fields(validate_compose(ComposeValues(None))) == ["mailbox", "to"]
    assert validate_compose(ComposeValues(1, to="ann@fabrikam.com", cc="")) == []
    assert fields(validate_compose(ComposeValues(1, to="ann@fabrikam.com", subject="x" * 256))) == ["subject"]


def test_answers_get_one_prefix_and_quote_the_answered_text():
    assert reply_subject("RE: Re: Offer CRM:0000001", ComposeKind.REPLY) == "Re: Offer CRM:0000001"
    assert reply_subject("Offer", ComposeKind.FORWARD) == "Fw: Offer"
    assert reply_subject("Fwd: Offer", ComposeKind.REPLY_ALL) == "Re: Offer"
    assert reply_subject(" Offer ", ComposeKind.NEW) == "Offer"
    assert quoted("Hello\n\nAnn", "Ann wrote:") == "\n\nAnn wrote:\n> Hello\n>\n> Ann"


def test_an_appointment_needs_an_owner_a_subject_and_an_end_after_its_start():
    good = AppointmentValues(1, "Review", start=T0, end=T0 + timedelta(hours=1))
    assert validate_appointment(good) == []
    assert validate_appointment(AppointmentValues(1, "Instant", start=T0, end=T0)) == [], "no length is allowed"
    bad = AppointmentValues(None, " ", start=T0, end=T0 - timedelta(minutes=1))
    assert fields(validate_appointment(bad)) == ["owner", "subject", "end"]
    assert fields(validate_appointment(AppointmentValues(1, "x"))) == ["start", "end"]
    day = AppointmentValues(1, "Offsite", start=T0, end=T0, is_all_day=True)
    assert [i.message() for i in validate_appointment(day)] == ["The last day cannot be before the first day."]


def test_all_day_appointments_are_whole_utc_days_with_an_exclusive_end():
    first, end = whole_days(T0 + timedelta(hours=5), T0 + timedelta(days=2, hours=1))
    assert first == datetime(2026, 3, 2, tzinfo=timezone.utc)
    assert end == datetime(2026, 3, 4, tzinfo=timezone.utc)
    assert whole_days(T0, T0) == (first, first + timedelta(days=1)), "at least one day"


def test_a_contact_needs_a_name_and_a_valid_address_if_any():
    assert fields(validate_contact(ContactValues(1))) == ["last_name"]
    assert validate_contact(ContactValues(1, first_name="Ann")) == []
    assert fields(validate_contact(ContactValues(1, last_name="Lee", email="ann@"))) == ["email"]
    assert fields(validate_contact(ContactValues(1, last_name="Lee", business_phone="1" * 51))) == ["business_phone"]


def test_a_task_needs_a_subject_a_percentage_and_a_due_date_after_its_start():
    assert validate_task(TaskValues(1, "Call back", start=T0, due=T0 + timedelta(days=1), percent_complete=100)) == []
    bad = TaskValues(1, "", start=T0, due=T0 - timedelta(days=1), percent_complete=101)
    assert fields(validate_task(bad)) == ["subject", "percent_complete", "due"]
