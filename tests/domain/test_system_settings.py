"""The system settings' rules: every field's message names its rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from app.domain.alert_email import AlertEmailFacts, alert_email_body, alert_email_subject, alert_email_wanted
from app.domain.enums import AlertLevel, AlertScope, Workload
from app.domain.system_settings import (
    SystemSettingsContext,
    SystemSettingsValues,
    check_token_prefix,
    validate_system_settings,
)
from app.domain.tracking import find_tracking_token, make_tracking_token, subject_with_token

CONTEXT = SystemSettingsContext(profile_ids=frozenset({1, 2}), sending_mailbox_ids=frozenset({7}))


def messages(values: SystemSettingsValues, ctx: SystemSettingsContext = CONTEXT) -> dict[str, str]:
    return {issue.field: issue.message() for issue in validate_system_settings(values, ctx)}


def test_the_defaults_are_valid():
    assert validate_system_settings(SystemSettingsValues(), CONTEXT) == []
    assert validate_system_settings(SystemSettingsValues()) == [], "nothing in the store is needed for the defaults"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"transient_failure_limit": 0}, "transient_failure_limit", "Enter a whole number from 1 to 100."),
        ({"transient_failure_limit": 101}, "transient_failure_limit", "Enter a whole number from 1 to 100."),
        ({"default_backoff_minutes": 0}, "default_backoff_minutes", "Enter a whole number from 1 to 1440."),
        ({"default_backoff_minutes": 1441}, "default_backoff_minutes", "Enter a whole number from 1 to 1440."),
        ({"auth_retry_limit": 4}, "auth_retry_limit", "Enter a whole number from 0 to 3."),
        ({"auth_retry_limit": -1}, "auth_retry_limit", "Enter a whole number from 0 to 3."),
        ({"language": "fr"}, "language", "Choose the system default, English or Japanese."),
        ({"default_profile_id": 9}, "default_profile", "This email server profile no longer exists: choose another."),
        (
            {"notify_owner_by_email": True},
            "notify_mailbox",
            "Choose the mailbox through which alert emails are sent.",
        ),
        (
            {"notify_owner_by_email": True, "notify_mailbox_id": 8},
            "notify_mailbox",
            "This mailbox does not send email with server-side synchronization (or it is not active): "
            "choose one that does.",
        ),
        (
            {"record_errors": False},
            "toast_errors",
            "Errors are not recorded, so there is nothing to notify: turn their recording on, or turn this off.",
        ),
        (
            {"record_warnings": False, "toast_warnings": True},
            "toast_warnings",
            "Warnings are not recorded, so there is nothing to notify: turn their recording on, or turn this off.",
        ),
    ],
)
def test_each_rule_names_itself_under_its_field(changes, field, message):
    assert messages(replace(SystemSettingsValues(), **changes)) == {field: message}


def test_the_bounds_themselves_are_allowed():
    for changes in (
        {"transient_failure_limit": 1},
        {"transient_failure_limit": 100},
        {"default_backoff_minutes": 1},
        {"default_backoff_minutes": 1440},
        {"auth_retry_limit": 0},
        {"auth_retry_limit": 3},
        {"language": "ja"},
        {"language": "en"},
        {"default_profile_id": 2},
        {"notify_owner_by_email": True, "notify_mailbox_id": 7},
        {"record_errors": False, "toast_errors": False},
        {"record_warnings": False, "record_information": False},
    ):
        assert messages(replace(SystemSettingsValues(), **changes)) == {}, changes


def test_a_mailbox_kept_while_the_email_is_off_is_not_checked():
    assert messages(SystemSettingsValues(notify_mailbox_id=8)) == {}


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Enter a prefix for tracking tokens, as in CRM:."),
        ("A" * 21, "Use at most 20 characters (now 21)."),
        ("CRM :", "A tracking token prefix cannot contain spaces."),
        ("CRM[", "Use only letters, digits and the signs : - _ # . / in a tracking token prefix."),
        (":CRM", "Start the prefix with a letter, as in CRM:."),
        ("9CRM", "Start the prefix with a letter, as in CRM:."),
        ("CRM2", "The prefix cannot end with a digit: the token's number follows it."),
    ],
)
def test_token_prefix_rules(prefix, message):
    [issue] = check_token_prefix(prefix)
    assert issue.field == "tracking_token_prefix" and issue.message() == message


@pytest.mark.parametrize("prefix", ["CRM:", "SSS-", "Case#", "T", "案件:", "A" * 20, "Ab2c/"])
def test_a_valid_prefix_finds_its_tokens_again(prefix):
    assert check_token_prefix(prefix) == []
    token = make_tracking_token(prefix, 42)
    assert token == f"{prefix}0000042"
    assert find_tracking_token(subject_with_token("RE: Offer", token), prefix) == token


def test_the_token_goes_once_at_the_end_of_the_subject():
    assert subject_with_token("Offer", "CRM:0000042") == "Offer CRM:0000042"
    assert subject_with_token("RE: Offer crm:0000042", "CRM:0000042") == "RE: Offer crm:0000042"
    assert subject_with_token("", "CRM:0000042") == "CRM:0000042"


# --- alert emails -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("notify_on", "notify_mailbox", "alert_mailbox", "scope", "wanted"),
    [
        (True, 7, 3, AlertScope.MAILBOX, True),
        (True, 7, 3, AlertScope.EMAIL, True),
        (False, 7, 3, AlertScope.MAILBOX, False),
        (True, None, 3, AlertScope.MAILBOX, False),
        (True, 7, None, AlertScope.PROFILE, False),
        (True, 7, 7, AlertScope.MAILBOX, False),  # the sending mailbox's own trouble: no loop
        (True, 7, 7, AlertScope.EMAIL, False),
    ],
)
def test_which_alerts_become_an_email(notify_on, notify_mailbox, alert_mailbox, scope, wanted):
    assert (
        alert_email_wanted(
            notify_on=notify_on, notify_mailbox_id=notify_mailbox, alert_mailbox_id=alert_mailbox, scope=scope
        )
        is wanted
    )


def test_the_alert_email_says_what_happened_and_what_to_do():
    facts = AlertEmailFacts(
        level=AlertLevel.WARNING,
        scope=AlertScope.MAILBOX,
        mailbox_name="Alice Wong",
        mailbox_email="alice@contoso.com",
        profile_name="Contoso Exchange",
        workload=Workload.INCOMING,
        code="ErrorServerBusy",
        message="The server is busy. " * 10,
        next_step="Nothing to do.",
        details="HTTP 503",
        when=datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc),
    )
    subject = alert_email_subject(facts)
    assert subject.startswith("[Server-Side Sync Manager] Warning: Alice Wong: The server is busy.")
    assert len(subject) < 160 and subject.endswith("…")
    body = alert_email_body(facts)
    for line in (
        "Level: Warning",
        "Mailbox: Alice Wong <alice@contoso.com>",
        "Email server profile: Contoso Exchange",
        "Concerns: Incoming email",
        "Time (UTC): 2024-05-01 09:30",
        "Error code: ErrorServerBusy",
        "What to do: Nothing to do.",
        "HTTP 503",
    ):
        assert line in body.splitlines(), line
