"""Item monitoring (docs/product-rules.md §6): what the admin reads about one email, appointment,
contact or task that did not synchronize — the error in plain words and the next step — by the
error code Exchange (or the store) answered; and how long entries are kept.
"""

from __future__ import annotations

from app.domain.i18n import QT_TRANSLATE_NOOP as _N

CTX = "ItemFailures"
RETENTION_DAYS_RANGE = (1, 30)  # a setting (Settings page); entries older than it are removed
DEFAULT_RETENTION_DAYS = 3  # as the product behind the seed keeps them

STORE_FAILED = "StoreFailed"  # the item came from Exchange but could not be stored here

# code -> (what happened, what to do next); anything else gets _DEFAULT
_TEXTS: dict[str, tuple[str, str]] = {
    "ErrorCalendarDurationIsTooLong": (
        _N(CTX, "Exchange refuses appointments longer than five years."),
        _N(CTX, "Correct the appointment's start and end in the store, then retry."),
    ),
    "ErrorCalendarEndDateIsEarlierThanStartDate": (
        _N(CTX, "The appointment ends before it starts."),
        _N(CTX, "Correct the appointment's start and end in the store, then retry."),
    ),
    "ErrorInvalidRecipients": (
        _N(CTX, "Exchange refused the email's recipients."),
        _N(CTX, "Correct the email's To and Cc addresses, then retry."),
    ),
    "ErrorMessageSizeExceeded": (
        _N(CTX, "The email is larger than Exchange allows."),
        _N(CTX, "Make the email smaller (fewer or smaller attachments), then retry."),
    ),
    "ErrorQuotaExceeded": (
        _N(CTX, "The mailbox is full."),
        _N(CTX, "Ask the Exchange administrator to raise the mailbox's quota, or free some space, then retry."),
    ),
    "ErrorInvalidPropertySet": (
        _N(CTX, "Exchange refused one of the item's values."),
        _N(CTX, "Check the record's fields against the error, correct them, then retry."),
    ),
    "ErrorInvalidPropertyValue": (
        _N(CTX, "Exchange refused one of the item's values."),
        _N(CTX, "Check the record's fields against the error, correct them, then retry."),
    ),
    STORE_FAILED: (
        _N(CTX, "The item could not be stored on this computer."),
        _N(CTX, "Look at the error and the log; retry once the store can be written."),
    ),
}
_DEFAULT = (
    _N(CTX, "Exchange refused the item."),
    _N(CTX, "Look at the item and the error; retry once the cause is fixed, or ignore the item."),
)


def failure_texts(code: str) -> tuple[str, str]:
    """(what happened, the next step), English templates in context ``ItemFailures``."""
    return _TEXTS.get(code, _DEFAULT)
