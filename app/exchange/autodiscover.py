"""Autodiscover with a trace of every URL tried and what it answered.

The order follows Microsoft's client guidance for SOAP Autodiscover: https://<domain>/…,
https://autodiscover.<domain>/…, then the unauthenticated http://autodiscover.<domain>/… GET
that may redirect (302) to an https endpoint. RedirectAddress (another address) and RedirectUrl
(another endpoint) answers are followed, at most ``MAX_HOPS`` times. Host names go through the
adapter's host map (app.exchange.net), which is the seam tests and the demo use instead of DNS.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests

from app.exchange import net
from app.exchange.connection import ConnectionPlan, exchangelib_auth
from app.exchange.errors import LocalProblem

if TYPE_CHECKING:
    from exchangelib.properties import UserResponse

SOAP_PATH = "/autodiscover/autodiscover.svc"
MAX_HOPS = 10
SETTINGS = ["external_ews_url", "internal_ews_url", "ews_supported_schemas", "user_display_name"]


@dataclass
class Attempt:
    url: str
    email: str
    outcome: str  # "found", "redirect-address", "redirect-url", "http-redirect", "failed"
    detail: str
    duration_ms: float


@dataclass
class AutodiscoverResult:
    ews_url: str | None
    attempts: list[Attempt] = field(default_factory=list)
    error: BaseException | None = None

    def trace(self) -> str:
        return "\n".join(
            f"{i}. {a.url} [{a.email}] → {a.outcome}: {a.detail} ({a.duration_ms:.0f} ms)"
            for i, a in enumerate(self.attempts, 1)
        )


def candidate_urls(domain: str) -> list[str]:
    return [f"https://{domain}{SOAP_PATH}", f"https://autodiscover.{domain}{SOAP_PATH}"]


def _ask(plan: ConnectionPlan, url: str, email: str) -> UserResponse:
    from exchangelib import Configuration
    from exchangelib.autodiscover.protocol import AutodiscoverProtocol

    from app.exchange.retry import FailFastPolicy

    net.trust_ca_for(url, plan.ca_file)
    net.set_timeout_for(url, plan.timeout_seconds)
    credentials, auth_type = exchangelib_auth(plan)
    protocol = AutodiscoverProtocol(
        config=Configuration(
            service_endpoint=url,
            credentials=credentials,
            auth_type=auth_type,
            retry_policy=FailFastPolicy(),
        )
    )
    try:
        return protocol.get_user_settings(user=email, settings=SETTINGS)
    finally:
        protocol.close()


def discover(plan: ConnectionPlan) -> AutodiscoverResult:
    result = AutodiscoverResult(None)
    email = plan.email
    queue = candidate_urls(email.rsplit("@", 1)[1])
    tried: set[tuple[str, str]] = set()
    last_error: BaseException | None = None
    local_problem: BaseException | None = None
    hops = 0
    while queue and hops <= MAX_HOPS:
        url = queue.pop(0)
        if (url.lower(), email.lower()) in tried:
            continue
        tried.add((url.lower(), email.lower()))
        started = time.perf_counter()

        def record(outcome: str, detail: str, url: str = url, email: str = email, started: float = started) -> None:
            result.attempts.append(Attempt(url, email, outcome, detail, (time.perf_counter() - started) * 1000))

        try:
            response = _ask(plan, url, email)
        except Exception as exc:  # noqa: BLE001 - any failure of one candidate (network, TLS, XML, an EWS
            # error: exchangelib raises all of these) is recorded, and the next candidate tried
            last_error = exc
            local_problem = local_problem or _local_problem(exc)
            record("failed", f"{type(exc).__name__}: {exc}")
            if _is_auth_error(exc):
                # the credentials were refused: asking the next candidate would be one more failed
                # logon of the same account (an AD lockout counts them), so stop here
                break
            continue
        if response.redirect_address:
            hops += 1
            record("redirect-address", f"use the address {response.redirect_address}")
            email = response.redirect_address
            queue = candidate_urls(email.rsplit("@", 1)[1])
            continue
        if response.redirect_url:
            hops += 1
            record("redirect-url", f"ask {response.redirect_url}")
            queue.insert(0, response.redirect_url)
            continue
        ews_url, why_not = _ews_url_of(response)
        if ews_url is None:
            record("failed", why_not)
            continue
        record("found", ews_url)
        result.ews_url = ews_url
        return result

    if result.ews_url is None and hops <= MAX_HOPS and not _is_auth_error(last_error):
        _http_redirect_step(plan, email, result)
        if result.ews_url:
            return result
    from exchangelib.errors import AutoDiscoverFailed

    result.error = local_problem or (
        last_error
        if _is_auth_error(last_error)
        else AutoDiscoverFailed(f"No Autodiscover endpoint answered for {plan.email}")
    )
    return result


def _is_auth_error(exc: BaseException | None) -> bool:
    from exchangelib.errors import UnauthorizedError

    return isinstance(exc, UnauthorizedError)


def _local_problem(exc: BaseException) -> BaseException | None:
    """*exc* when it stands for a problem of this computer (credentials refused over plain HTTP, the
    trusted CA file gone, the cache folder not writable): that, not "Autodiscover failed", is what
    the admin must hear."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, LocalProblem):
            return exc
        seen = seen.__cause__ or seen.__context__
    return None


def _http_redirect_step(plan: ConnectionPlan, email: str, result: AutodiscoverResult) -> None:
    """Unauthenticated GET on http://autodiscover.<domain>/…; only a 302 to https is followed."""
    domain = email.rsplit("@", 1)[1]
    url = f"http://autodiscover.{domain}{SOAP_PATH}"
    started = time.perf_counter()

    def record(outcome: str, detail: str, at: str = url) -> None:
        result.attempts.append(Attempt(at, email, outcome, detail, (time.perf_counter() - started) * 1000))

    try:
        with net.session() as s:
            response = s.get(url, allow_redirects=False, timeout=plan.timeout_seconds)
    except (requests.RequestException, OSError, LocalProblem) as exc:  # requests' errors; OSError, LocalProblem:
        # the CA bundle's file (app.exchange.net)
        record("failed", f"{type(exc).__name__}: {exc}")
        return
    location = response.headers.get("Location", "")
    if response.status_code not in (301, 302) or not location.lower().startswith("https://"):
        record("failed", f"HTTP {response.status_code}, no redirect to an https:// address")
        return
    record("http-redirect", f"redirected to {location}")
    target = location if urlsplit(location).path else location.rstrip("/") + SOAP_PATH
    started = time.perf_counter()
    try:
        response = _ask(plan, target, email)
    except Exception as exc:  # noqa: BLE001 - as in discover: any failure of the candidate is recorded
        record("failed", f"{type(exc).__name__}: {exc}", target)
        return
    ews_url, why_not = _ews_url_of(response)
    if ews_url:
        record("found", ews_url, target)
        result.ews_url = ews_url
    else:
        record("failed", why_not, target)


def _ews_url_of(response: Any) -> tuple[str | None, str]:
    """The EWS URL an Autodiscover answer names, or None and why not. An answer without settings
    (exchangelib leaves ``user_settings`` None when the UserResponse has no ErrorCode) or with a
    setting that is no http(s) URL names none: the next candidate is asked."""
    settings = getattr(response, "user_settings", None)
    if not isinstance(settings, dict):
        return None, "the answer had no user settings"
    for name in ("external_ews_url", "internal_ews_url"):
        value = settings.get(name)
        if not value:
            continue
        parts = urlsplit(str(value).strip())
        if parts.scheme.lower() in ("https", "http") and parts.hostname:
            return str(value).strip(), ""
        return None, f"the answer's {name} is no URL: {str(value)[:80]!r}"
    return None, "the answer named no EWS URL"
