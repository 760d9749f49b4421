"""Searching Exchange's address book (EWS ResolveNames) through an email server profile.

The admin picks a profile; the search signs in with the credentials that profile would use: its
own when they are "specified in email server profile", else those of the first of its mailboxes
that allows its credentials to be used and has them stored (an approved one first). The server is
the profile's EWS address, or the one Autodiscover finds for that account's address. Only the
directory is searched (``SearchScope="ActiveDirectory"``), not anybody's personal contacts.

Everything fails as a classified ``Failure`` (``PreconditionFailed`` before any traffic, or an
exception for ``app.exchange.errors.classify``), never as a traceback for the admin.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from app import secrets
from app.domain.cancel import CancelToken
from app.domain.enums import ApprovalStatus, CredentialSource
from app.domain.escalation import Failure
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.exchange import net
from app.exchange.connection import (
    ConnectionPlan,
    PreconditionFailed,
    apply_ssl_and_port,
    check_url_against_ssl,
    integrated_auth_type,
    windows_account,
)
from app.exchange.errors import precondition_failure
from app.store.base import is_set
from app.store.models import Mailbox, ServerProfile

CTX = "Failures"  # the context failure_text translates a Failure's message in

NO_CREDENTIALS = (
    _N(CTX, "The email server profile “{subject}” has no credentials to search the address book with."),
    _N(
        CTX,
        "The profile uses the credentials of each user or queue: enter the user name and password on one "
        "of its mailboxes first (Credentials tab), or choose a profile with its own credentials.",
    ),
)
NO_ADDRESS = (
    _N(
        CTX,
        "The email server profile “{subject}” finds its server with Autodiscover, which needs an email "
        "address, and it has none to use.",
    ),
    _N(CTX, "Enter the profile's user name as an email address, or its Exchange Web Services address."),
)
PROFILE_GONE = (
    _N(CTX, "The email server profile was deleted."),
    _N(CTX, "Choose another email server profile."),
)


@dataclass(frozen=True)
class DirectoryPerson:
    """One entry the address book found."""

    name: str
    email: str


def _failure(code: str, texts: tuple[str, str], subject: str) -> PreconditionFailed:
    message, next_step = texts
    return PreconditionFailed(
        Failure(
            code, False, message.format(subject=subject), next_step, params=(("subject", subject),), template=message
        )
    )


def _mailbox_with_credentials(profile: ServerProfile) -> Mailbox | None:
    candidates = (
        Mailbox.select()
        .where((Mailbox.profile == profile.id) & is_set(Mailbox.allow_credentials) & (Mailbox.username != ""))
        .order_by((Mailbox.approval != ApprovalStatus.APPROVED), Mailbox.id)
    )
    for mailbox in candidates:
        if secrets.get_password(secrets.mailbox_key(mailbox.id)):
            return mailbox
    return None


def address_book_plan(profile_id: int) -> ConnectionPlan:
    """How to reach the address book through the profile; raises PreconditionFailed (no traffic)."""
    profile: ServerProfile | None = ServerProfile.get_or_none(ServerProfile.id == profile_id)
    if profile is None:
        raise _failure("ProfileDeleted", PROFILE_GONE, str(profile_id))
    source = profile.credential_source
    if source is CredentialSource.PROFILE:
        username = profile.username
        password = secrets.get_password(secrets.profile_key(profile.id)) or ""
        if not username or not password:
            raise PreconditionFailed(precondition_failure("ProfileCredentialsMissing", profile.name))
        first: Mailbox | None = Mailbox.select().where(Mailbox.profile == profile.id).order_by(Mailbox.id).first()
        email = username if "@" in username else (first.email if first is not None else "")
    elif source is CredentialSource.USER_OR_QUEUE:
        mailbox = _mailbox_with_credentials(profile)
        if mailbox is None:
            raise _failure("AddressBookNoCredentials", NO_CREDENTIALS, profile.name)
        username, email = mailbox.username, mailbox.email
        password = secrets.get_password(secrets.mailbox_key(mailbox.id)) or ""
    else:  # Windows integrated authentication: the signed-in Windows user asks the directory
        integrated_auth_type(profile.auth_protocol, profile.name)
        username, password = windows_account(), ""
        anyone: Mailbox | None = Mailbox.select().where(Mailbox.profile == profile.id).order_by(Mailbox.id).first()
        email = anyone.email if anyone is not None else ""
    url = "" if profile.auto_discover else profile.incoming_url
    if url:
        check_url_against_ssl(url, profile.use_ssl)
    elif not email:
        raise _failure("AddressBookNoAddress", NO_ADDRESS, profile.name)
    ca_file = profile.trusted_ca_path or None
    if ca_file and not os.path.isfile(ca_file):
        raise PreconditionFailed(precondition_failure("TrustedCaMissing", ca_file))
    return ConnectionPlan(
        email=email,
        username=username,
        password=password,
        auth_protocol=profile.auth_protocol,
        ews_url=apply_ssl_and_port(url, profile.use_ssl, profile.incoming_port) if url else None,
        use_impersonation=False,  # ResolveNames asks the directory, not a mailbox
        timeout_seconds=profile.timeout_seconds,
        max_connections=profile.max_connections,
        ca_file=ca_file,
        use_ssl=profile.use_ssl,
        port=profile.incoming_port,
        credential_source=source,
    )


def search_address_book(profile_id: int, text: str, cancel: CancelToken | None = None) -> list[DirectoryPerson]:
    """The directory entries whose name or address starts with *text* (at most 100, Exchange's
    limit), sorted by name; [] when nothing matches or the search was cancelled."""
    from exchangelib.errors import ErrorNameResolutionNoResults

    from app.exchange.mailbox_connection import connect

    plan = address_book_plan(profile_id)
    if cancel is not None and cancel.cancelled:
        return []
    with net.gated(net.gate_for(profile_id, max(1, plan.max_connections))):
        connection = connect(plan)
        if cancel is not None and cancel.cancelled:
            return []
        protocol = connection.account.protocol
        _ = protocol.version  # learnt from the server first: ResolveNames has no account to take it from
        answers = protocol.resolve_names(names=[text.strip()], search_scope="ActiveDirectory")
    people: dict[str, DirectoryPerson] = {}
    for answer in answers:
        if isinstance(answer, ErrorNameResolutionNoResults):
            continue
        if isinstance(answer, Exception):
            raise answer
        email = (answer.email_address or "").strip()
        if email and answer.mailbox_type in (None, "Mailbox"):
            people.setdefault(email.casefold(), DirectoryPerson((answer.name or email).strip(), email))
    return sorted(people.values(), key=lambda p: (p.name.casefold(), p.email.casefold()))
