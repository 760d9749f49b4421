from datetime import datetime, timezone

import pytest

from app.domain.enums import AuthProtocol, CredentialSource, OwnerKind, SyncMethod
from app.domain.settings import MailboxSettings, ProfileSettings
from app.domain.validation import (
    MailboxContext,
    ProfileContext,
    ValidationError,
    check_email,
    check_ews_url,
    ensure_valid,
    validate_mailbox,
    validate_profile,
)

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def good_profile(**changes) -> ProfileSettings:
    values = dict(name="Exchange 2013 on-premises", process_email_from=NOW)
    values.update(changes)
    return ProfileSettings(**values)


def fields_of(issues):
    return sorted({i.field for i in issues})


def test_default_profile_with_a_name_is_valid():
    assert validate_profile(good_profile()) == []


@pytest.mark.parametrize("name,ok", [("", False), ("   ", False), ("a", True), ("x" * 100, True), ("x" * 101, False)])
def test_profile_name_required_and_at_most_100(name, ok):
    assert ("name" not in fields_of(validate_profile(good_profile(name=name)))) is ok


def test_profile_name_unique_ignoring_case_and_spaces():
    ctx = ProfileContext(other_profile_names={"Exchange Online"})
    issues = validate_profile(good_profile(name=" exchange online "), ctx)
    assert fields_of(issues) == ["name"]
    assert "already named" in issues[0].message()


@pytest.mark.parametrize("length,ok", [(0, True), (2000, True), (2001, False)])
def test_description_at_most_2000(length, ok):
    assert ("description" not in fields_of(validate_profile(good_profile(description="d" * length)))) is ok


@pytest.mark.parametrize(
    "url,ok",
    [
        ("https://mail.contoso.com/EWS/Exchange.asmx", True),
        ("https://mail.contoso.com:8443/EWS/Exchange.asmx", True),
        ("https://127.0.0.1:1/EWS/Exchange.asmx", True),
        ("", False),
        ("mail.contoso.com/EWS/Exchange.asmx", False),
        ("ftp://mail.contoso.com/EWS/Exchange.asmx", False),
        ("https:///EWS/Exchange.asmx", False),
        ("https://mail contoso.com/EWS", False),
        ("https://user:pw@mail.contoso.com/EWS/Exchange.asmx", False),
        ("https://mail.contoso.com:70000/EWS/Exchange.asmx", False),
        ("https://mail.contoso.com:0/EWS/Exchange.asmx", False),
    ],
)
def test_ews_url_form(url, ok):
    assert (check_ews_url(url, "incoming_url") == []) is ok


def test_url_only_required_without_autodiscover():
    assert validate_profile(good_profile(auto_discover=True, incoming_url="")) == []
    issues = validate_profile(good_profile(auto_discover=False, incoming_url=""))
    assert fields_of(issues) == ["incoming_url"]
    assert "Exchange Web Services address" in issues[0].message()


def test_outgoing_url_required_only_when_not_same_as_incoming():
    base = dict(auto_discover=False, incoming_url="https://mail.contoso.com/EWS/Exchange.asmx")
    assert validate_profile(good_profile(**base, outgoing_same_as_incoming=True)) == []
    issues = validate_profile(good_profile(**base, outgoing_same_as_incoming=False))
    assert fields_of(issues) == ["outgoing_url"]


def test_url_scheme_must_agree_with_ssl():
    issues = validate_profile(
        good_profile(auto_discover=False, incoming_url="http://mail.contoso.com/EWS/Exchange.asmx")
    )
    assert fields_of(issues) == ["incoming_url"]
    assert "http://" in issues[0].message()


def test_no_credentials_over_plain_http_unless_allowed():
    http = dict(auto_discover=False, incoming_url="http://mail.contoso.com/EWS/Exchange.asmx", use_ssl=False)
    refused = validate_profile(good_profile(**http))
    assert fields_of(refused) == ["use_ssl"]
    assert "System Settings" in refused[0].message()
    assert validate_profile(good_profile(**http), ProfileContext(allow_insecure_credentials=True)) == []


def test_profile_credentials_need_user_name_and_password():
    issues = validate_profile(good_profile(credential_source=CredentialSource.PROFILE))
    assert fields_of(issues) == ["password", "username"]
    ok = good_profile(credential_source=CredentialSource.PROFILE, username="svc-crm", has_password=True)
    assert validate_profile(ok) == []


def test_separate_outgoing_credentials_are_checked_too():
    issues = validate_profile(
        good_profile(outgoing_same_as_incoming=False, outgoing_credential_source=CredentialSource.PROFILE)
    )
    assert fields_of(issues) == ["outgoing_password", "outgoing_username"]


def test_windows_integrated_only_on_windows():
    p = good_profile(credential_source=CredentialSource.WINDOWS_INTEGRATED)
    issues = validate_profile(p, ProfileContext(is_windows=False))
    assert fields_of(issues) == ["credential_source"]
    assert "needs Windows" in issues[0].message()
    assert validate_profile(p, ProfileContext(is_windows=True)) == []


@pytest.mark.parametrize("outgoing", [False, True])
def test_windows_integrated_with_basic_is_refused_it_has_no_password_to_send(outgoing):
    if outgoing:
        p = good_profile(
            outgoing_same_as_incoming=False,
            outgoing_credential_source=CredentialSource.WINDOWS_INTEGRATED,
            outgoing_auth_protocol=AuthProtocol.BASIC,
        )
    else:
        p = good_profile(credential_source=CredentialSource.WINDOWS_INTEGRATED, auth_protocol=AuthProtocol.BASIC)
    issues = validate_profile(p, ProfileContext(is_windows=True))
    assert fields_of(issues) == ["outgoing_credential_source" if outgoing else "credential_source"]
    assert "Basic" in issues[0].message()


def test_impersonation_needs_profile_credentials():
    assert fields_of(validate_profile(good_profile(use_impersonation=True))) == ["use_impersonation"]
    ok = good_profile(
        use_impersonation=True, credential_source=CredentialSource.PROFILE, username="svc", has_password=True
    )
    assert validate_profile(ok) == []


@pytest.mark.parametrize(
    "field_name,low,high",
    [
        ("incoming_port", 1, 65535),
        ("max_connections", 1, 300),
        ("min_polling_minutes", 0, 1440),
        ("timeout_seconds", 1, 300),
    ],
)
def test_numeric_ranges_at_their_edges(field_name, low, high):
    for value, ok in [(low - 1, False), (low, True), (high, True), (high + 1, False), ("10", False), (True, False)]:
        issues = validate_profile(good_profile(**{field_name: value}))
        assert (field_name not in fields_of(issues)) is ok, (field_name, value)
        if not ok:
            assert f"{low} to {high}" in issues[0].message()


def test_outgoing_port_checked_only_when_separate():
    assert validate_profile(good_profile(outgoing_port=0)) == []
    assert "outgoing_port" in fields_of(
        validate_profile(good_profile(outgoing_same_as_incoming=False, outgoing_port=0))
    )


def test_trusted_ca_file_must_exist(tmp_path):
    pem = tmp_path / "ca.pem"
    ctx = ProfileContext(file_exists=lambda p: p == str(pem))
    missing = good_profile(trusted_ca_path=str(tmp_path / "missing.pem"))
    assert fields_of(validate_profile(missing, ctx)) == ["trusted_ca_path"]
    assert validate_profile(good_profile(trusted_ca_path=str(pem)), ctx) == []


def test_process_email_from_required():
    assert fields_of(validate_profile(good_profile(process_email_from=None))) == ["process_email_from"]


@pytest.mark.parametrize(
    "address,ok",
    [
        ("alice@contoso.com", True),
        ("alice.o'neil+crm@mail.contoso.co.jp", True),
        ("", False),
        ("alice", False),
        ("alice@@contoso.com", False),
        ("alice@contoso", False),
        ("al ice@contoso.com", False),
        (".alice@contoso.com", False),
        ("alice@-contoso.com", False),
        ("alice@contoso..com", False),
        ("a" * 65 + "@contoso.com", False),
        ("a@" + "b" * 63 + ".com", True),
        ("a@" + "b" * 64 + ".com", False),
        ("a@" + ".".join(["b" * 60] * 5) + ".com", False),
    ],
)
def test_email_form(address, ok):
    issues = check_email(address)
    assert (issues == []) is ok, issues


def good_mailbox(**changes) -> MailboxSettings:
    values = dict(name="Alice", email="alice@contoso.com", owner_id=1, profile_id=1)
    values.update(changes)
    return MailboxSettings(**values)


def test_mailbox_valid_with_profile_credentials():
    assert validate_mailbox(good_mailbox(), MailboxContext(CredentialSource.PROFILE)) == []


def test_mailbox_required_fields():
    issues = validate_mailbox(MailboxSettings())
    assert fields_of(issues) == ["email", "name", "owner", "profile"]
    assert all(i.message() for i in issues)


def test_mailbox_profile_not_needed_without_server_side_sync():
    m = good_mailbox(
        profile_id=None, incoming_method=SyncMethod.OUTLOOK, outgoing_method=SyncMethod.NONE, act_method=SyncMethod.NONE
    )
    assert validate_mailbox(m) == []


def test_user_or_queue_credentials_must_be_allowed_and_present():
    ctx = MailboxContext(CredentialSource.USER_OR_QUEUE)
    assert fields_of(validate_mailbox(good_mailbox(), ctx)) == ["allow_credentials"]
    assert fields_of(validate_mailbox(good_mailbox(allow_credentials=True), ctx)) == ["password", "username"]
    ok = good_mailbox(allow_credentials=True, username="CONTOSO\\alice", has_password=True)
    assert validate_mailbox(ok, ctx) == []


def test_delete_after_processing_only_for_queues():
    ctx = MailboxContext(CredentialSource.PROFILE)
    assert fields_of(validate_mailbox(good_mailbox(delete_after_processing=True), ctx)) == ["delete_after_processing"]
    assert validate_mailbox(good_mailbox(delete_after_processing=True, owner_kind=OwnerKind.QUEUE), ctx) == []


def test_ensure_valid_raises_with_every_issue():
    with pytest.raises(ValidationError) as caught:
        ensure_valid(validate_mailbox(MailboxSettings()))
    assert len(caught.value.issues) == 4
    assert caught.value.for_field("email")[0].message() == "Enter an email address."


def test_messages_are_translated_through_the_given_translator():
    issue = validate_profile(good_profile(max_connections=0))[0]
    translated = issue.message(lambda ctx, text: "[{low}..{high}]" if ctx == "Validation" else text)
    assert translated == "[1..300]"


def test_the_auth_retry_budget_stays_below_a_lockout_threshold():
    from app.domain.validation import check_auth_retry_limit

    assert check_auth_retry_limit(2) == [] and check_auth_retry_limit(0) == [] and check_auth_retry_limit(3) == []
    for bad in (4, -1, "2", True, None):
        [issue] = check_auth_retry_limit(bad)
        assert issue.field == "auth_retry_limit" and issue.message() == "Enter a whole number from 0 to 3."
