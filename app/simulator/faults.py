"""Fault injection: make the next request(s) fail the way Exchange or IIS fail.

A fault matches an account (e-mail address, or ``*``) and an operation (an EWS operation name
such as ``FindItem``, ``autodiscover`` for both Autodiscover endpoints, or ``*``), and fires
for the next ``count`` matching requests (``None``: until cleared). Faults are checked after
authentication, so per-account faults know whom they hit.

What each kind puts on the wire:

``http401``      401 with the usual three WWW-Authenticate offers and an empty body, as when a
                 password was changed or the account was disabled; the connection's NTLM
                 logon is dropped too.
``http403``      IIS "403 - Forbidden: Access is denied." HTML page.
``fault500``     HTTP 500 SOAP fault ``ErrorInternalServerError``.
``http503``      HTTP.sys "Service Unavailable" page (``Server: Microsoft-HTTPAPI/2.0``), as when
                 the MSExchangeServicesAppPool is stopped.
``server_busy``  HTTP 500 SOAP fault ``ErrorServerBusy`` with ``BackOffMilliseconds``.
``delay``        the real answer, ``seconds`` late (past a client's timeout).
``reset``        no answer: the TCP connection is aborted (RST, SO_LINGER 0).
``truncated``    the real status, headers and the first part of the body, then the
                 connection closes before the last chunk.
``malformed``    200 and the real headers, but the body is not well-formed XML.
``refuse``       (CreateItem only) 200 and a well-formed answer in which Exchange refuses each
                 item with the response code ``code`` (e.g. ``ErrorSendAsDenied``,
                 ``ErrorInvalidRecipients``): nothing is created or sent.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field

KINDS = (
    "http401",
    "http403",
    "fault500",
    "http503",
    "server_busy",
    "delay",
    "reset",
    "truncated",
    "malformed",
    "refuse",
)
REFUSABLE = ("CreateItem",)  # the operations a "refuse" fault can answer
AUTODISCOVER = "autodiscover"

_ids = itertools.count(1)


@dataclass
class Fault:
    kind: str
    account: str = "*"
    operation: str = "*"
    remaining: int | None = 1  # None: until cleared
    backoff_ms: int = 5000  # server_busy
    seconds: float = 30.0  # delay
    message: str = "An internal server error occurred. The operation failed."  # fault500
    fraction: float = 0.5  # truncated: share of the body that is sent
    code: str = "ErrorSendAsDenied"  # refuse: the response code of each item
    id: int = field(default_factory=lambda: next(_ids))
    fired: int = 0

    def matches(self, account: str | None, operation: str | None) -> bool:
        if self.account != "*" and (account or "").lower() != self.account.lower():
            return False
        if self.operation == "*":
            return True
        return (operation or "").lower() == self.operation.lower()

    def to_dict(self) -> dict:
        return asdict(self)


class FaultInjector:
    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def inject(
        self,
        kind: str,
        account: str = "*",
        operation: str = "*",
        count: int | None = 1,
        **params,
    ) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(KINDS)}")
        if count is not None and count < 1:
            raise ValueError("count must be at least 1 (or None for 'until cleared')")
        unknown = set(params) - {"backoff_ms", "seconds", "message", "fraction", "code"}
        if unknown:
            raise ValueError(f"unknown fault parameters: {', '.join(sorted(unknown))}")
        if kind == "refuse" and operation not in REFUSABLE:
            raise ValueError(f"a refuse fault answers one of {', '.join(REFUSABLE)}, not {operation!r}")
        fault = Fault(kind=kind, account=account or "*", operation=operation or "*", remaining=count, **params)
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, account: str | None, operation: str | None) -> Fault | None:
        """The first fault matching this request, consuming one of its shots."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(account, operation):
                    fault.fired += 1
                    if fault.remaining is not None:
                        fault.remaining -= 1
                        if fault.remaining <= 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def clear(self, account: str | None = None, operation: str | None = None, id: int | None = None) -> int:
        """Remove faults (all of them without arguments); returns how many were removed."""
        with self._lock:
            keep = []
            for fault in self._faults:
                hit = (
                    (id is None or fault.id == id)
                    and (account is None or fault.account.lower() == account.lower())
                    and (operation is None or fault.operation.lower() == operation.lower())
                )
                if not hit:
                    keep.append(fault)
            removed = len(self._faults) - len(keep)
            self._faults = keep
            return removed

    def active(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)


# -- bodies IIS and HTTP.sys send (their own pages, not Exchange's) ---------------------------

HTTP503_BODY = (
    b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n'
    b"<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n"
    b'<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n'
    b"<BODY><h2>Service Unavailable</h2>\r\n"
    b"<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n"
    b"</BODY></HTML>\r\n"
)
HTTP503_HEADERS = [
    ("Content-Type", "text/html; charset=us-ascii"),
    ("Server", "Microsoft-HTTPAPI/2.0"),
    ("Connection", "close"),
]

HTTP403_BODY = (
    b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\r\n'
    b'<html xmlns="http://www.w3.org/1999/xhtml">\r\n<head>\r\n'
    b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>\r\n'
    b"<title>403 - Forbidden: Access is denied.</title>\r\n</head>\r\n<body>\r\n"
    b'<div id="header"><h1>Server Error</h1></div>\r\n'
    b'<div id="content">\r\n <div class="content-container"><fieldset>\r\n'
    b"  <h2>403 - Forbidden: Access is denied.</h2>\r\n"
    b"  <h3>You do not have permission to view this directory or page using the credentials "
    b"that you supplied.</h3>\r\n"
    b" </fieldset></div>\r\n</div>\r\n</body>\r\n</html>\r\n"
)
HTTP403_HEADERS = [("Content-Type", "text/html")]


def malformed_body(real_body: bytes) -> bytes:
    """A body that starts like the real answer and then stops being XML."""
    head = real_body[: max(64, len(real_body) // 3)]
    return head + b"\x00<<\xff\xfe>&&</s:Envelope"


# -- request statistics and Exchange's per-user concurrency throttle --------------------------


class RequestStats:
    """Counts of requests by (operation, account), by status, of 401s by user, of faults."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._requests: Counter = Counter()  # (operation, account) -> n
            self._statuses: Counter = Counter()
            self._unauthorized: Counter = Counter()  # (operation, user) -> n
            self._faults: Counter = Counter()  # (kind, account) -> n
            self._throttled: Counter = Counter()  # account -> n

    def record(
        self, operation: str | None, account: str, status: int, *, throttled: bool = False, fault: str | None = None
    ) -> None:
        with self._lock:
            self._requests[(operation or "", account.lower())] += 1
            if status:
                self._statuses[status] += 1
            if throttled:
                self._throttled[account.lower()] += 1
            if fault:
                self._faults[(fault, account.lower())] += 1

    def record_unauthorized(self, operation: str | None, user: str | None) -> None:
        with self._lock:
            self._unauthorized[(operation or "", (user or "").lower())] += 1
            self._statuses[401] += 1

    def count(self, operation: str | None = None, account: str | None = None) -> int:
        """Authenticated requests, optionally only of one operation and/or account."""
        with self._lock:
            return sum(
                n
                for (op, acc), n in self._requests.items()
                if (operation is None or op.lower() == operation.lower())
                and (account is None or acc == account.lower())
            )

    def unauthorized(self, user: str | None = None, operation: str | None = None) -> int:
        """401 answers; ``user`` "" counts the anonymous first legs (challenges)."""
        with self._lock:
            return sum(
                n
                for (op, u), n in self._unauthorized.items()
                if (user is None or u == user.lower()) and (operation is None or op.lower() == operation.lower())
            )

    def throttled(self, account: str | None = None) -> int:
        with self._lock:
            return sum(n for acc, n in self._throttled.items() if account is None or acc == account.lower())

    def faults_fired(self, kind: str | None = None, account: str | None = None) -> int:
        with self._lock:
            return sum(
                n
                for (k, acc), n in self._faults.items()
                if (kind is None or k == kind) and (account is None or acc == account.lower())
            )

    def status(self, code: int) -> int:
        with self._lock:
            return self._statuses.get(code, 0)

    def to_dict(self) -> dict:
        with self._lock:
            return {
                "requests": [
                    {"operation": op, "account": acc, "count": n} for (op, acc), n in sorted(self._requests.items())
                ],
                "statuses": {str(k): v for k, v in sorted(self._statuses.items())},
                "unauthorized": [
                    {"operation": op, "user": u, "count": n} for (op, u), n in sorted(self._unauthorized.items())
                ],
                "throttled": dict(self._throttled),
                "faults": [{"kind": k, "account": acc, "count": n} for (k, acc), n in sorted(self._faults.items())],
            }


class Throttle:
    """Exchange 2013's default EWSMaxConcurrency: 27 requests in flight per user."""

    def __init__(self, limit: int = 27) -> None:
        self.limit = limit
        self._in_flight: Counter = Counter()
        self._lock = threading.Lock()

    def acquire(self, account: str) -> bool:
        with self._lock:
            if self._in_flight[account] >= self.limit:
                return False
            self._in_flight[account] += 1
            return True

    def release(self, account: str) -> None:
        with self._lock:
            self._in_flight[account] -= 1
            if self._in_flight[account] <= 0:
                del self._in_flight[account]

    def in_flight(self, account: str) -> int:
        with self._lock:
            return self._in_flight.get(account, 0)
