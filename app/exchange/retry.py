"""exchangelib's retry policy as we use it: fail fast (retries are ours, docs/product-rules.md §4),
and an HTTP 503 reported as what it is.

exchangelib checks a response's ``Connection: close`` before its status, so the 503 that HTTP.sys
sends when Exchange Web Services is stopped ("Service Unavailable", with ``Connection: close``)
came back as ``ErrorServerBusy`` — throttling, which it is not; and a 503 without that header
becomes an ``ErrorInternalServerTransientError`` that exchangelib's services re-raise as
``ErrorServerBusy`` too. ``ServiceUnavailable`` is neither, so it reaches
app.exchange.errors.classify as itself.
"""

from __future__ import annotations

from exchangelib.errors import TransportError
from exchangelib.protocol import FailFast
from requests.models import Response


class ServiceUnavailable(TransportError):  # type: ignore[misc]  # exchangelib is untyped
    """The server answered HTTP 503 Service Unavailable."""


class FailFastPolicy(FailFast):  # type: ignore[misc]  # exchangelib is untyped
    """exchangelib's FailFast, with HTTP 503 raised as ``ServiceUnavailable``."""

    def raise_response_errors(self, response: Response) -> None:
        if response.status_code == 503:
            raise ServiceUnavailable(f"HTTP 503 {response.reason or 'Service Unavailable'} from {response.url}")
        super().raise_response_errors(response)
