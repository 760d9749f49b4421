"""Where a failure is put right: the one place a report's or an alert's next step sends the admin
to, so that the window can offer the button that opens it (docs/product-rules.md §3, §4).

A credential problem is fixed where the credentials come from: the mailbox's Credentials tab when
the profile authenticates with the credentials of the user or queue, the email server profile when
it uses its own. Never both: the next step names one place.
"""

from __future__ import annotations

from enum import Enum

from app.domain.enums import CredentialSource


class Place(str, Enum):
    """A place of the app; a mailbox place's value is the name of the mailbox editor's tab."""

    MAILBOX_GENERAL = "general"  # the email address and its approval
    MAILBOX_SYNC = "sync"  # the mailbox's server profile and synchronization methods
    MAILBOX_CREDENTIALS = "credentials"  # the mailbox's own user name and password
    MAILBOX_RESULTS = "results"  # the configuration test results: statuses, next sync, failures
    PROFILE = "profile"  # the email server profile: its location, credentials, SSL, trust

    @property
    def in_mailbox(self) -> bool:
        return self is not Place.PROFILE


# failures of the credentials the mailbox logs on with: their place follows the credential source
CREDENTIAL_CODES = frozenset({"Unauthorized", "AccessDenied"})

_BY_CODE = {
    "AddressNotApproved": Place.MAILBOX_GENERAL,
    "MailboxNotFound": Place.MAILBOX_GENERAL,
    "NoProfile": Place.MAILBOX_SYNC,
    "CredentialsNotAllowed": Place.MAILBOX_CREDENTIALS,
    "MailboxCredentialsMissing": Place.MAILBOX_CREDENTIALS,
    "ProfileCredentialsMissing": Place.PROFILE,
    "ImpersonationDenied": Place.PROFILE,
    "IntegratedAuthUnavailable": Place.PROFILE,
    "HttpAddressWithSsl": Place.PROFILE,
    "HttpsAddressWithoutSsl": Place.PROFILE,
    "TrustedCaMissing": Place.PROFILE,
    "CertificateNotTrusted": Place.PROFILE,
    "AutodiscoverFailed": Place.PROFILE,
    "InsecureCredentialsRefused": Place.PROFILE,
    "MostMailboxesFailing": Place.PROFILE,
}


def credentials_place(source: CredentialSource | None) -> Place | None:
    """Where the credentials a mailbox logs on with are entered (None: Windows' own account)."""
    if source is CredentialSource.USER_OR_QUEUE:
        return Place.MAILBOX_CREDENTIALS
    if source is CredentialSource.PROFILE:
        return Place.PROFILE
    return None


def place_to_fix(code: str, source: CredentialSource | None) -> Place | None:
    """The place that puts right a failure with *code*, for a mailbox whose profile authenticates
    with *source*; None when no setting of ours does (the server, the network: retried)."""
    if code in CREDENTIAL_CODES:
        return credentials_place(source)
    return _BY_CODE.get(code)
