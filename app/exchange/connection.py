"""From a profile and a mailbox to exchangelib's Configuration and Account.

``plan_connection`` gathers everything (endpoint, credentials, protocol, impersonation, trust,
timeout, concurrency) and fails with a classified ``Failure`` *before any network traffic* when
something is missing or contradictory (an http:// address with SSL on is refused, not upgraded).
``open_account`` then builds the exchangelib objects. Retries are ours (escalation), so
exchangelib runs with FailFast (app.exchange.retry).

Whether credentials may go over a connection without SSL is decided where the bytes leave
(app.exchange.net), from the system setting as it is at that moment: this module hands the
adapter the store's answer.

Windows integrated authentication logs on as the Windows user the app runs as (the signed-in
admin, or the account of a scheduled ``run``), through SSPI: exchangelib's ``sspi`` auth type,
carried by requests_negotiate_sspi (a Windows-only dependency). No password is stored or sent by
us; Windows answers the server's Negotiate (Kerberos or NTLM) challenge itself. Elsewhere the
plan fails its precondition with the reason (``integrated_auth_type``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from app import secrets
from app.domain.enums import ApprovalStatus, AuthProtocol, CredentialSource
from app.domain.escalation import Failure
from app.exchange import net
from app.exchange.errors import precondition_failure
from app.store.models import Mailbox, ServerProfile, SystemSettings

if sys.platform == "win32":  # exchangelib offers its "sspi" auth type only when this imports
    import requests_negotiate_sspi  # noqa: F401

if TYPE_CHECKING:
    from exchangelib import Account, Credentials, Version

# exchangelib.transport.SSPI, named here so that choosing it needs no exchangelib import
SSPI_AUTH_TYPE = "sspi"


def system_allows_plain_credentials() -> bool:
    """The system setting "allow credentials over non-SSL", read from the store each time the
    adapter is about to send credentials without TLS (rare, and one small read): turning it off
    takes effect at the very next request, for connections already open too."""
    row = SystemSettings.select(SystemSettings.allow_insecure_credentials).order_by(SystemSettings.id).first()
    return bool(row is not None and row.allow_insecure_credentials)


net.install()
net.set_plain_credentials_policy(system_allows_plain_credentials)


class PreconditionFailed(Exception):
    def __init__(self, failure: Failure):
        self.failure = failure
        super().__init__(failure.message)


@dataclass
class ConnectionPlan:
    email: str
    username: str
    password: str = field(repr=False)
    auth_protocol: AuthProtocol
    ews_url: str | None  # None: find it with Autodiscover
    use_impersonation: bool
    timeout_seconds: int
    max_connections: int
    ca_file: str | None
    use_ssl: bool
    port: int
    credential_source: CredentialSource


def apply_ssl_and_port(url: str, use_ssl: bool, port: int) -> str:
    """The profile's SSL and port settings applied to a configured EWS URL."""
    parts = urlsplit(url.strip())
    scheme = "https" if use_ssl else "http"
    default = 443 if use_ssl else 80
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port == default else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/EWS/Exchange.asmx", parts.query, ""))


def check_url_against_ssl(url: str, use_ssl: bool) -> None:
    """Refuse (PreconditionFailed) an EWS address whose scheme contradicts the profile's SSL setting:
    it is never silently upgraded or downgraded."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if use_ssl and scheme == "http":
        raise PreconditionFailed(precondition_failure("HttpAddressWithSsl", url.strip()))
    if not use_ssl and scheme == "https":
        raise PreconditionFailed(precondition_failure("HttpsAddressWithoutSsl", url.strip()))


def plan_connection(mailbox: Mailbox, *, outgoing: bool = False) -> ConnectionPlan:
    """Everything needed to connect; raises PreconditionFailed (no network touched)."""
    if mailbox.approval is not ApprovalStatus.APPROVED:
        raise PreconditionFailed(precondition_failure("AddressNotApproved", mailbox.email))
    profile: ServerProfile | None = mailbox.profile
    if profile is None:
        raise PreconditionFailed(precondition_failure("NoProfile", mailbox.email))

    separate = outgoing and not profile.outgoing_same_as_incoming
    source = profile.outgoing_credential_source if separate else profile.credential_source
    protocol = profile.outgoing_auth_protocol if separate else profile.auth_protocol
    port = profile.outgoing_port if separate else profile.incoming_port
    url = (profile.outgoing_url if separate else profile.incoming_url) if not profile.auto_discover else ""

    if source is CredentialSource.USER_OR_QUEUE:
        if not mailbox.allow_credentials:
            raise PreconditionFailed(precondition_failure("CredentialsNotAllowed", mailbox.email))
        username = mailbox.username
        password = secrets.get_password(secrets.mailbox_key(mailbox.id)) or ""
        if not username or not password:
            raise PreconditionFailed(precondition_failure("MailboxCredentialsMissing", mailbox.email))
    elif source is CredentialSource.PROFILE:
        username = profile.outgoing_username if separate else profile.username
        password = secrets.get_password(secrets.profile_key(profile.id, outgoing=separate)) or ""
        if not username or not password:
            raise PreconditionFailed(precondition_failure("ProfileCredentialsMissing", profile.name))
    else:
        integrated_auth_type(protocol, profile.name)
        username, password = windows_account(), ""
    if url:
        check_url_against_ssl(url, profile.use_ssl)
    ca_file = profile.trusted_ca_path or None
    if ca_file and not os.path.isfile(ca_file):
        raise PreconditionFailed(precondition_failure("TrustedCaMissing", ca_file))

    return ConnectionPlan(
        email=mailbox.email,
        username=username,
        password=password,
        auth_protocol=protocol,
        ews_url=apply_ssl_and_port(url, profile.use_ssl, port) if url else None,
        use_impersonation=profile.use_impersonation and source is CredentialSource.PROFILE,
        timeout_seconds=profile.timeout_seconds,
        max_connections=profile.max_connections,
        ca_file=ca_file,
        use_ssl=profile.use_ssl,
        port=port,
        credential_source=source,
    )


def integrated_auth_type(protocol: AuthProtocol, profile_name: str, platform: str = sys.platform) -> str:
    """exchangelib's auth type for Windows integrated authentication with *protocol*; raises
    PreconditionFailed when it cannot be: not on Windows, or with Basic (which needs a password).
    Negotiate, NTLM and Auto detect all go to SSPI, which answers the server's Negotiate or NTLM
    challenge as the Windows user (Kerberos when the domain allows it, NTLM otherwise)."""
    if platform != "win32":
        raise PreconditionFailed(precondition_failure("IntegratedAuthUnavailable", profile_name))
    if protocol is AuthProtocol.BASIC:
        raise PreconditionFailed(precondition_failure("IntegratedAuthWithBasic", profile_name))
    return SSPI_AUTH_TYPE


def windows_account(environ: Mapping[str, str] = os.environ) -> str:
    """The Windows account SSPI logs on as, for the reports: ``DOMAIN\\user`` of this process
    (the signed-in user, or the account Task Scheduler runs ``run`` as)."""
    user = environ.get("USERNAME", "")
    domain = environ.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain and user else user


def exchangelib_auth(plan: ConnectionPlan) -> tuple[Credentials | None, str | None]:
    """exchangelib's credentials and auth type for *plan*: none and SSPI for Windows integrated
    authentication (the signed-in user's own logon), else the user name and password."""
    from exchangelib import Credentials

    if plan.credential_source is CredentialSource.WINDOWS_INTEGRATED:
        return None, SSPI_AUTH_TYPE
    return Credentials(plan.username, plan.password), exchangelib_auth_type(plan.auth_protocol)


def exchangelib_auth_type(protocol: AuthProtocol) -> str | None:
    """Our protocol names to exchangelib's; None lets exchangelib detect it from the 401."""
    from exchangelib.transport import BASIC, NTLM

    # Negotiate is carried out as NTLM wrapped in Negotiate; Kerberos needs a domain-joined
    # Windows machine and is not offered here.
    auth_types: dict[AuthProtocol, str | None] = {
        AuthProtocol.AUTO: None,
        AuthProtocol.BASIC: BASIC,
        AuthProtocol.NTLM: NTLM,
        AuthProtocol.NEGOTIATE: NTLM,
    }
    return auth_types[protocol]


def prepare_endpoint(plan: ConnectionPlan, url: str) -> None:
    """Register trust and timeout for the host of *url* with our HTTP adapter."""
    net.trust_ca_for(url, plan.ca_file)
    net.set_timeout_for(url, plan.timeout_seconds)


def open_account(plan: ConnectionPlan, ews_url: str, *, version: Version | None = None) -> Account:
    """An exchangelib Account for *plan* at *ews_url* (no request is made yet)."""
    from exchangelib import DELEGATE, IMPERSONATION, Account, Configuration

    from app.exchange.retry import FailFastPolicy

    if plan.use_ssl and urlsplit(ews_url).scheme.lower() == "http":
        # an address from Autodiscover: the profile asks for SSL, so no plain-HTTP endpoint
        raise PreconditionFailed(precondition_failure("HttpAddressWithSsl", ews_url))
    prepare_endpoint(plan, ews_url)
    credentials, auth_type = exchangelib_auth(plan)
    config = Configuration(
        service_endpoint=ews_url,
        credentials=credentials,
        auth_type=auth_type,
        version=version,
        retry_policy=FailFastPolicy(),
        max_connections=plan.max_connections,
    )
    return Account(
        primary_smtp_address=plan.email,
        config=config,
        autodiscover=False,
        access_type=IMPERSONATION if plan.use_impersonation else DELEGATE,
    )
