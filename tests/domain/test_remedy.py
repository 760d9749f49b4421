from app.domain.enums import CredentialSource
from app.domain.remedy import Place, credentials_place, place_to_fix


def test_a_credential_failure_is_fixed_where_the_credentials_come_from():
    assert place_to_fix("Unauthorized", CredentialSource.USER_OR_QUEUE) is Place.MAILBOX_CREDENTIALS
    assert place_to_fix("Unauthorized", CredentialSource.PROFILE) is Place.PROFILE
    assert place_to_fix("AccessDenied", CredentialSource.PROFILE) is Place.PROFILE
    assert place_to_fix("Unauthorized", CredentialSource.WINDOWS_INTEGRATED) is None, "Windows' own account"
    assert place_to_fix("Unauthorized", None) is None


def test_other_failures_have_their_own_place_or_none():
    assert place_to_fix("AddressNotApproved", CredentialSource.PROFILE) is Place.MAILBOX_GENERAL
    assert place_to_fix("NoProfile", None) is Place.MAILBOX_SYNC
    assert place_to_fix("MailboxCredentialsMissing", CredentialSource.USER_OR_QUEUE) is Place.MAILBOX_CREDENTIALS
    assert place_to_fix("ProfileCredentialsMissing", CredentialSource.PROFILE) is Place.PROFILE
    assert place_to_fix("CertificateNotTrusted", CredentialSource.USER_OR_QUEUE) is Place.PROFILE
    assert place_to_fix("ErrorServerBusy", CredentialSource.USER_OR_QUEUE) is None, "retried: nothing to change"
    assert credentials_place(CredentialSource.PROFILE) is Place.PROFILE
    assert Place.MAILBOX_CREDENTIALS.in_mailbox and not Place.PROFILE.in_mailbox
    assert Place.MAILBOX_CREDENTIALS.value == "credentials", "the mailbox editor's tab"
