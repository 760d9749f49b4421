"""Every failure we can meet, classified (docs/product-rules.md §4): transient or permanent, with
a message and a next step a person can act on. Messages are English templates marked for
translation.

The errors app.exchange hands to its callers instead of exchangelib's live in
app.exchange.exceptions and are re-exported here.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import sqlite3
import ssl
from collections.abc import Iterator
from dataclasses import replace

from app.domain.enums import CredentialSource
from app.domain.escalation import Failure
from app.domain.i18n import QT_TRANSLATE_NOOP as _N
from app.exchange.exceptions import (
    IRRESOLVABLE_CONFLICT as IRRESOLVABLE_CONFLICT,
)
from app.exchange.exceptions import (  # re-exported: callers import them from here
    ITEM_NOT_FOUND as ITEM_NOT_FOUND,
)
from app.exchange.exceptions import (
    CredentialsNotSecure as CredentialsNotSecure,
)
from app.exchange.exceptions import (
    EmailRefused as EmailRefused,
)
from app.exchange.exceptions import (
    ExchangeError as ExchangeError,
)
from app.exchange.exceptions import (
    FolderNotWritable as FolderNotWritable,
)
from app.exchange.exceptions import (
    ItemError as ItemError,
)
from app.exchange.exceptions import (
    LocalProblem as LocalProblem,
)
from app.exchange.exceptions import (
    MalformedAnswer as MalformedAnswer,
)
from app.exchange.exceptions import (
    SendDenied as SendDenied,
)
from app.exchange.exceptions import (
    ServerBusy as ServerBusy,
)
from app.exchange.exceptions import (
    SyncStateInvalid as SyncStateInvalid,
)
from app.exchange.exceptions import (
    TrustedCaMissing as TrustedCaMissing,
)
from app.exchange.exceptions import (
    item_error as item_error,
)

CTX = "Failures"
UNEXPECTED = "Unexpected"  # the code of what classify could not foresee

_PRECONDITIONS = {
    "AddressNotApproved": (
        _N(CTX, "The email address {subject} is not approved."),
        _N(CTX, "Open the mailbox and click Approve email, then test again."),
    ),
    "NoProfile": (
        _N(CTX, "The mailbox {subject} has no email server profile."),
        _N(CTX, "Choose a server profile on the mailbox's Synchronization method tab."),
    ),
    "CredentialsNotAllowed": (
        _N(
            CTX,
            "The profile uses each mailbox's own credentials, but {subject} does not allow its "
            "credentials to be used for email processing.",
        ),
        _N(
            CTX,
            "On the mailbox's Credentials tab, select “Allow the use of credentials for email processing” "
            "and enter the user name and password.",
        ),
    ),
    "MailboxCredentialsMissing": (
        _N(CTX, "The user name or password of {subject} is missing."),
        _N(CTX, "Enter the user name and password on the mailbox's Credentials tab."),
    ),
    "ProfileCredentialsMissing": (
        _N(CTX, "The email server profile “{subject}” has no user name or password."),
        _N(CTX, "Enter the user name and password in the profile's credentials."),
    ),
    "IntegratedAuthUnavailable": (
        _N(
            CTX,
            "Windows integrated authentication needs Windows (profile “{subject}”): it logs on as the Windows "
            "user who runs the app, and this computer does not run Windows.",
        ),
        _N(
            CTX,
            "Run the app on Windows, or use credentials specified by the user or queue, or in the email server "
            "profile.",
        ),
    ),
    "IntegratedAuthWithBasic": (
        _N(
            CTX,
            "The email server profile “{subject}” uses Windows integrated authentication, which sends no "
            "password, with Basic authentication, which needs one.",
        ),
        _N(CTX, "Choose Auto detect, Negotiate or NTLM as the profile's authentication protocol."),
    ),
    "HttpAddressWithSsl": (
        _N(
            CTX,
            "The EWS address {subject} starts with http://, but the profile's “Use SSL” setting is on, "
            "so it is not used.",
        ),
        _N(
            CTX,
            "Enter the https:// address in the profile, or turn “Use SSL” off (credentials then also need "
            "“allow credentials over non-SSL” in the system settings).",
        ),
    ),
    "HttpsAddressWithoutSsl": (
        _N(
            CTX,
            "The EWS address {subject} starts with https://, but the profile's “Use SSL” setting is off, "
            "so it is not used.",
        ),
        _N(CTX, "Turn “Use SSL” on in the profile, or enter the http:// address."),
    ),
    "TrustedCaMissing": (
        _N(CTX, "The profile's trusted CA certificate file {subject} is missing or cannot be read."),
        _N(
            CTX,
            "Select the CA's certificate file again in the profile's “Trusted CA certificate” setting "
            "(Advanced), or clear the setting if the server's certificate is from a public CA; then test "
            "again.",
        ),
    ),
}


# The next steps of a failure of the credentials the mailbox logs on with name the one place they
# are entered (app.domain.remedy): ``for_credentials`` picks it once the profile's credential source
# is known; classify's own, for a caller that does not know it, names no place.
UNAUTHORIZED_NEXT_STEP = _N(
    CTX,
    "Check the user name and password this mailbox logs on with and the profile's authentication protocol, "
    "then test again. It is retried only a few times, minutes apart, so the account is not locked out.",
)
ACCESS_DENIED_NEXT_STEP = _N(
    CTX, "Grant the account this mailbox logs on with full access to the mailbox in Exchange, then test again."
)
_CREDENTIAL_NEXT_STEPS = {
    ("Unauthorized", CredentialSource.USER_OR_QUEUE): _N(
        CTX,
        "Check the user name and password on the mailbox's Credentials tab and the profile's authentication "
        "protocol, then test again. It is retried only a few times, minutes apart, so the account is not "
        "locked out.",
    ),
    ("Unauthorized", CredentialSource.PROFILE): _N(
        CTX,
        "Check the user name and password in the email server profile's credentials and its authentication "
        "protocol, then test again. It is retried only a few times, minutes apart, so the account is not "
        "locked out.",
    ),
    ("AccessDenied", CredentialSource.USER_OR_QUEUE): _N(
        CTX,
        "On the mailbox's Credentials tab, enter the user name and password of the mailbox's own account, then "
        "test again.",
    ),
    ("AccessDenied", CredentialSource.PROFILE): _N(
        CTX,
        "Grant the email server profile's account full access to the mailbox in Exchange, then test again.",
    ),
}


def for_credentials(failure: Failure, source: CredentialSource | None) -> Failure:
    """*failure* with the next step that names where the credentials of a mailbox whose profile
    authenticates with *source* are entered: the mailbox's Credentials tab or the profile."""
    next_step = _CREDENTIAL_NEXT_STEPS.get((failure.code, source)) if source is not None else None
    return replace(failure, next_step=next_step) if next_step else failure


def precondition_failure(code: str, subject: str) -> Failure:
    message, next_step = _PRECONDITIONS[code]
    return Failure(
        code, False, message.format(subject=subject), next_step, params=(("subject", subject),), template=message
    )


def unauthorized_failure(text: str) -> Failure:
    """The classified failure of an HTTP 401 whose error text is *text* (what a wrong password
    gives; the GUI's screenshots show it)."""
    from exchangelib.errors import UnauthorizedError

    return classify(UnauthorizedError(text))


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """*exc* and what it stands for: its causes and contexts, an ExchangeError's cause, and urllib3's
    ``reason`` (requests' ConnectionError → MaxRetryError → NameResolutionError → gaierror)."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        reason = getattr(current, "reason", None)
        pending += [
            current.cause if isinstance(current, ExchangeError) else None,
            current.__cause__,
            current.__context__,
            reason if isinstance(reason, BaseException) else None,
        ]
        pending += [arg for arg in current.args if isinstance(arg, BaseException)]


def _find(exc: BaseException, types: type[BaseException] | tuple[type[BaseException], ...]) -> BaseException | None:
    return next((e for e in _chain(exc) if isinstance(e, types)), None)


_STORE_BUSY = ("database is locked", "database table is locked", "database is busy")
_STORE_UNREACHABLE = (
    "unable to open database file",
    "disk i/o error",
    "could not connect",
    "connection refused",
    "server closed the connection",
    "connection to server",
    "network is unreachable",
)
_READ_ONLY_STORE = ("attempt to write a readonly database", "readonly database")
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DNS_MARKERS = (
    "NameResolutionError",
    "Failed to resolve",
    "Name or service not known",
    "getaddrinfo failed",
    "nodename nor servname",
    "Temporary failure in name resolution",
    "No address associated with hostname",
)


def _unresolved_host(exc: BaseException) -> str | None:
    """The host name whose DNS look-up failed, when *exc* is (or stands for) such a failure."""
    text = " ".join(str(e) for e in _chain(exc))
    if _find(exc, socket.gaierror) is None and not any(marker in text for marker in _DNS_MARKERS):
        return None
    found = re.search(r"Failed to resolve '([^']+)'", text) or re.search(r"host='([^']+)'", text)
    return found.group(1) if found else ""


def _folder_of(path: str) -> str:
    return path if os.path.isdir(path) else os.path.dirname(path) or path


def classify(exc: BaseException) -> Failure:
    """Map an exception raised while talking to Exchange to a classified Failure."""
    import requests
    from exchangelib import errors as ews

    from app.exchange.retry import ServiceUnavailable

    if isinstance(exc, ExchangeError) and exc.cause is not None:
        return classify(exc.cause)
    # exchangelib wraps the real cause in a generic TransportError in places (e.g. while guessing
    # the server version); classify the cause instead.
    inner = exc.__cause__ or exc.__context__
    if (
        type(exc) is ews.TransportError
        and inner is not None
        and isinstance(inner, (ews.EWSError, requests.exceptions.RequestException, OSError, LocalProblem))
    ):
        return classify(inner)
    details = f"{type(exc).__name__}: {exc}"

    def failure(
        code: str, transient: bool, message: str, next_step: str, backoff_ms: int | None = None, **params: str
    ) -> Failure:
        if not params:
            return Failure(code, transient, message, next_step, details, backoff_ms)
        return Failure(
            code,
            transient,
            message.format(**params),
            next_step,
            details,
            backoff_ms,
            params=tuple(params.items()),
            template=message,
        )

    # --- this computer: settings, the credential store, folders, the local store ----------------
    local = _find(exc, LocalProblem)
    if isinstance(local, CredentialsNotSecure):
        return failure(
            "InsecureCredentialsRefused",
            False,
            _N(
                CTX,
                "Credentials were not sent to {url}: the connection does not use SSL, and the system settings "
                "do not allow credentials over non-SSL connections.",
            ),
            _N(CTX, "Turn on SSL for the profile, or allow credentials over non-SSL in the system settings."),
            url=local.url,
        )
    if isinstance(local, TrustedCaMissing):
        return replace(precondition_failure("TrustedCaMissing", local.path), details=details)
    if isinstance(local, FolderNotWritable):
        return _folder_failure(local.folder, details)
    from keyring.errors import KeyringError

    from app.secrets import DataKeyMissing, SecretStoreError

    if _find(exc, DataKeyMissing) is not None:  # a shared database's passwords (app.store.secret_vault)
        return failure(
            "DataKeyMissing",
            True,
            _N(CTX, "The password could not be opened: this host does not hold the data key of the shared database."),
            _N(
                CTX,
                "Import the data key on this host (python -m app keys import FILE, made by keys export on a host "
                "that has it). The synchronization retries after the back-off.",
            ),
        )
    if _find(exc, (SecretStoreError, KeyringError)) is not None:
        return failure(
            "CredentialStoreUnavailable",
            False,
            _N(CTX, "The password could not be read: the credential store (keyring) is missing or locked."),
            _N(
                CTX,
                "On Windows, check that Windows Credential Manager is available; on Linux, start and unlock a "
                "Secret Service (GNOME Keyring or KWallet). Then test the mailbox again.",
            ),
        )
    import peewee

    store_error = _find(exc, (peewee.OperationalError, peewee.InterfaceError, sqlite3.OperationalError))
    if store_error is not None:
        text = str(store_error).lower()
        if any(marker in text for marker in _STORE_BUSY):
            return failure(
                "StoreBusy",
                True,
                _N(CTX, "The local store is busy: another program holds its lock (database is locked)."),
                _N(
                    CTX,
                    "It is retried after the back-off. If it keeps happening, close other copies of the app "
                    "and commands that use the same data folder.",
                ),
            )
        if any(marker in text for marker in _READ_ONLY_STORE):
            from app import paths

            return _folder_failure(str(paths.data_dir()), details)
        if any(marker in text for marker in _STORE_UNREACHABLE):
            return failure(
                "StoreUnavailable",
                True,
                _N(CTX, "The local store's database could not be reached."),
                _N(
                    CTX,
                    "It is retried after the back-off. Check that the data folder (or the database server) "
                    "is available, then look at the log.",
                ),
            )
    # a file or folder of this computer, whoever raised it (the OS tells which one); only the error
    # itself or its explicit cause, not one that was merely being handled when it happened
    os_error = next((e for e in (exc, exc.__cause__) if isinstance(e, OSError) and e.filename), None)
    if isinstance(os_error, OSError):
        if os_error.errno in _NOT_WRITABLE:
            return _folder_failure(_folder_of(os.fsdecode(os_error.filename)), details)
        if isinstance(os_error, FileNotFoundError):
            return failure(
                "FileMissing",
                False,
                _N(CTX, "The file {path} does not exist."),
                _N(
                    CTX,
                    "Check the file names in the profile's settings (the trusted CA certificate) and that the "
                    "app's data folder is complete; then test again.",
                ),
                path=os.fsdecode(os_error.filename),
            )

    # --- the network and the server -------------------------------------------------------------
    if isinstance(exc, (requests.exceptions.SSLError, ssl.SSLError)) or ("CERTIFICATE_VERIFY_FAILED" in str(exc)):
        return failure(
            "CertificateNotTrusted",
            False,
            _N(CTX, "The server's certificate is not trusted, so the connection was refused."),
            _N(
                CTX,
                "If the server uses a certificate from your organisation's own CA, select that CA's file "
                "in the profile's “Trusted CA certificate” setting (Advanced). Verification is never "
                "turned off.",
            ),
        )
    if isinstance(exc, ews.AutoDiscoverError):
        return failure(
            "AutodiscoverFailed",
            False,
            _N(CTX, "Autodiscover did not find the Exchange Web Services address."),
            _N(CTX, "Check the DNS records for Autodiscover, or turn Autodiscover off and enter the EWS address."),
        )
    if isinstance(exc, ews.UnauthorizedError):
        # retried on its own small budget, one logon per retry, so an AD lockout is never reached
        return replace(
            failure(
                "Unauthorized",
                False,
                _N(CTX, "The server refused the user name or password (HTTP 401)."),
                UNAUTHORIZED_NEXT_STEP,
            ),
            authentication=True,
        )
    if isinstance(exc, (ews.ErrorImpersonateUserDenied, ews.ErrorImpersonationDenied)):
        return failure(
            "ImpersonationDenied",
            False,
            _N(CTX, "The profile's account is not allowed to impersonate this mailbox."),
            _N(
                CTX,
                "Give the email server profile's account the ApplicationImpersonation role in Exchange, then "
                "test again.",
            ),
        )
    if isinstance(exc, ews.ErrorSendAsDenied):
        return failure(
            "SendAsDenied",
            False,
            _N(CTX, "Exchange does not let this account send email as the mailbox (ErrorSendAsDenied)."),
            _N(
                CTX,
                "Give the account Send As permission on the mailbox in Exchange, or use the mailbox's own "
                "credentials; then test and enable the mailbox again.",
            ),
        )
    if isinstance(exc, ews.ErrorAccessDenied):
        return failure(
            "AccessDenied",
            False,
            _N(CTX, "The account may not open this mailbox (access denied)."),
            ACCESS_DENIED_NEXT_STEP,
        )
    if isinstance(exc, (ews.ErrorNonExistentMailbox, ews.ErrorImpersonationFailed)):
        return failure(
            "MailboxNotFound",
            False,
            _N(CTX, "Exchange has no mailbox with this email address."),
            _N(CTX, "Check the mailbox's email address, or create the mailbox in Exchange."),
        )
    if _find(exc, ServiceUnavailable) is not None or "Caused by HTTP 503 response" in str(exc):
        return failure(
            "ServerUnavailable",
            True,
            _N(CTX, "The server is unavailable (HTTP 503): Exchange Web Services is stopped or restarting."),
            _N(
                CTX,
                "It is retried after the back-off. If it persists, check that the Exchange server and its EWS "
                "application pool (MSExchangeServicesAppPool) are running.",
            ),
        )
    if isinstance(exc, ews.ErrorServerBusy):
        back_off = getattr(exc, "back_off", None)
        return failure(
            "ErrorServerBusy",
            True,
            _N(CTX, "Exchange is busy and asked to wait before the next request (throttling)."),
            _N(
                CTX,
                "Nothing to do: it is retried after the back-off. If it keeps happening, lower the profile's "
                "maximum concurrent connections.",
            ),
            backoff_ms=int(back_off * 1000) if back_off else None,
        )
    text = str(exc)
    if "Code: 403" in text or (isinstance(exc, ews.TransportError) and " 403" in text[:200]):
        return failure(
            "Forbidden",
            False,
            _N(CTX, "The server refused access to Exchange Web Services (HTTP 403)."),
            _N(CTX, "Check that EWS is enabled for this mailbox and that the SSL setting matches the server."),
        )
    host = _unresolved_host(exc)
    if host is not None:
        if host:
            return failure(
                "NameNotResolved",
                True,
                _N(CTX, "The server name {host} could not be found (DNS)."),
                _N(
                    CTX,
                    "It is retried after the back-off. Check the server name in the profile's EWS address (or "
                    "the email domain, with Autodiscover) and this computer's DNS settings.",
                ),
                host=host,
            )
        return failure(
            "NameNotResolved",
            True,
            _N(CTX, "The server name could not be found (DNS)."),
            _N(
                CTX,
                "It is retried after the back-off. Check the server name in the profile's EWS address (or "
                "the email domain, with Autodiscover) and this computer's DNS settings.",
            ),
        )
    # exchangelib's FailFast re-raises connection problems as ErrorTimeoutExpired("Reraised from …")
    if any(
        marker in text
        for marker in (
            "ConnectionError",
            "Connection aborted",
            "ChunkedEncodingError",
            "Response ended prematurely",
            "ConnectionResetError",
        )
    ):
        return failure(
            "ConnectionFailed",
            True,
            _N(CTX, "The connection to the server failed or was reset."),
            _N(CTX, "It is retried after the back-off. Check that the server address is right and reachable."),
        )
    if isinstance(exc, (requests.exceptions.Timeout, socket.timeout, TimeoutError, ews.ErrorTimeoutExpired)):
        return failure(
            "Timeout",
            True,
            _N(CTX, "The server did not answer in time."),
            _N(
                CTX,
                "It is retried after the back-off. If it keeps happening, check the network or raise the "
                "profile's timeout.",
            ),
        )
    if isinstance(
        exc, (ConnectionResetError, requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)
    ):
        return failure(
            "ConnectionFailed",
            True,
            _N(CTX, "The connection to the server failed or was reset."),
            _N(CTX, "It is retried after the back-off. Check that the server address is right and reachable."),
        )
    if isinstance(
        exc,
        (
            ews.ErrorInternalServerError,
            ews.ErrorInternalServerTransientError,
            ews.ErrorMailboxStoreUnavailable,
            ews.ErrorConnectionFailedTransientError,
            ews.ErrorMailboxMoveInProgress,
        ),
    ):
        return failure(
            "ServerError",
            True,
            _N(CTX, "Exchange reported an internal error."),
            _N(CTX, "It is retried after the back-off. If it persists, check the Exchange server's health."),
        )
    if isinstance(exc, (ews.CASError, ews.RateLimitError)):
        return failure(
            "ServerError",
            True,
            _N(CTX, "The Exchange front end reported an error."),
            _N(CTX, "It is retried after the back-off."),
        )
    if isinstance(exc, (MalformedAnswer, ews.MalformedResponseError, ews.SOAPError)):
        return failure(
            "MalformedResponse",
            True,
            _N(CTX, "The server's answer was not valid Exchange Web Services XML."),
            _N(
                CTX,
                "It is retried after the back-off. A proxy or load balancer between here and Exchange may be "
                "altering responses.",
            ),
        )
    if isinstance(exc, ews.TransportError):
        return failure(
            "ServerError",
            True,
            _N(CTX, "The server answered with an HTTP error."),
            _N(CTX, "It is retried after the back-off. If it persists, check the Exchange server's health."),
        )
    return failure(
        UNEXPECTED,
        True,
        _N(CTX, "An unexpected error occurred."),
        _N(
            CTX,
            "It is retried after the back-off. Save the mailbox details and send them to support if it persists.",
        ),
    )


def _folder_failure(folder: str, details: str) -> Failure:
    message = _N(CTX, "The folder {folder} cannot be written to.")
    return Failure(
        "FolderNotWritable",
        False,
        message.format(folder=folder),
        _N(
            CTX,
            "Give your user account write access to the folder and make sure the disk has free "
            "space (or set SSSM_HOME to a writable folder); then test again.",
        ),
        details,
        params=(("folder", folder),),
        template=message,
    )
