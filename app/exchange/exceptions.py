"""The errors app.exchange hands to its callers instead of exchangelib's, so that no caller needs
exchangelib to react to them: ``ExchangeError`` and its subclasses (raised for a whole request;
``app.exchange.errors.classify`` classifies the exchangelib error they stand for), ``ItemError``
(one item's error answer within a batch request, a plain value) and ``LocalProblem`` (a problem of
this computer, found where a request leaves)."""

from __future__ import annotations

from dataclasses import dataclass

ITEM_NOT_FOUND = "ErrorItemNotFound"
IRRESOLVABLE_CONFLICT = "ErrorIrresolvableConflict"


class ExchangeError(Exception):
    """An error of a request to Exchange that the caller reacts to; ``cause`` is the exchangelib
    error it stands for (what ``classify`` classifies)."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


class SyncStateInvalid(ExchangeError):
    """Exchange refused the stored sync state of a folder (ErrorInvalidSyncStateData)."""


class ServerBusy(ExchangeError):
    """Exchange is throttling this mailbox (ErrorServerBusy): nothing was done."""


class EmailRefused(ExchangeError):
    """Exchange refused one email for a reason of that email (its recipients, its size …)."""

    def __init__(self, code: str, text: str, cause: BaseException | None = None) -> None:
        super().__init__(text, cause)
        self.code = code  # the EWS response code, e.g. ErrorInvalidRecipients
        self.text = text


class SendDenied(ExchangeError):
    """Exchange refused to send as the mailbox (ErrorSendAsDenied): the mailbox's rights, not one
    email, are at fault. Nothing was sent; ``classify`` makes it the mailbox's failure."""

    def __init__(self, code: str, text: str, cause: BaseException | None = None) -> None:
        super().__init__(text, cause)
        self.code = code
        self.text = text


class MalformedAnswer(ExchangeError):
    """Exchange's answer is not what EWS answers: not well-formed XML (cut short, garbled), or a
    well-formed answer whose items our parsing cannot read (a missing ItemId, a bad date …).
    Classified as MalformedResponse, like exchangelib's MalformedResponseError."""


@dataclass(frozen=True, slots=True)
class ItemError:
    """One item's error answer in a batch request (GetItem, UpdateItem, MoveItem …)."""

    code: str  # the EWS response code (the exchangelib error's name), e.g. ErrorItemNotFound
    text: str

    @property
    def item_gone(self) -> bool:
        """The item no longer exists (deleted or moved since it was listed)."""
        return self.code == ITEM_NOT_FOUND

    @property
    def changed_meanwhile(self) -> bool:
        """An update carried a stale ChangeKey: the item changed in Exchange since it was read."""
        return self.code == IRRESOLVABLE_CONFLICT

    def __str__(self) -> str:
        return self.text


def item_error(exc: BaseException) -> ItemError:
    """An exchangelib error answered for one item, as an ``ItemError``."""
    return ItemError(type(exc).__name__, str(exc))


class LocalProblem(Exception):
    """A problem on this computer that no retry fixes, found where a request leaves
    (app.exchange.net): exchangelib and requests pass it through unchanged."""


class CredentialsNotSecure(LocalProblem):
    """A request carried credentials (an Authorization header of any scheme) over a connection
    without TLS, and the system setting "allow credentials over non-SSL" was off: not sent."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(
            f"credentials not sent to {url}: not an SSL (TLS) connection, and the system "
            "settings do not allow credentials over non-SSL connections"
        )


class TrustedCaMissing(LocalProblem):
    """The profile's trusted CA certificate file is gone or unreadable."""

    def __init__(self, path: str, cause: OSError | None = None) -> None:
        self.path = path
        super().__init__(f"trusted CA certificate file {path}: {cause or 'missing'}")


class FolderNotWritable(LocalProblem):
    """A folder of the app (its cache or data folder) cannot be written to."""

    def __init__(self, folder: str, cause: OSError | None = None) -> None:
        self.folder = folder
        super().__init__(f"cannot write to {folder}: {cause or 'not writable'}")
