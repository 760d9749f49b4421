"""The HTTP side of the loopback Exchange server: one request handler (IIS-style authentication,
routing to EWS, Autodiscover and the admin API, fault injection, chunked SOAP responses) and the
threading server that owns per-connection state. ``LoopbackExchange`` (server.py) is the facade.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import socket
import ssl
import struct
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from . import soap
from .auth import ConnectionAuth, resolve_user
from .faults import (
    AUTODISCOVER,
    HTTP403_BODY,
    HTTP403_HEADERS,
    HTTP503_BODY,
    HTTP503_HEADERS,
    malformed_body,
)

log = logging.getLogger(__name__)

EWS_PATH = "/EWS/Exchange.asmx"
AUTODISCOVER_SOAP_PATH = "/autodiscover/autodiscover.svc"
AUTODISCOVER_POX_PATH = "/autodiscover/autodiscover.xml"
ADMIN_PREFIX = "/_admin"
FE_SERVER = "LOOPBACK-CAS01"
_IIS = {14: "Microsoft-IIS/7.5", 15: "Microsoft-IIS/8.5"}


class RequestsInFlight:
    """How many requests the server is answering at this moment, and the most at once (``peak``)
    since the last ``reset``: what a client's limit on concurrent connections is checked against.

    A request counts from the moment its handler starts reading it until its answer is about to
    leave (before the body is written), so a client that has its answer never sees it counted;
    admin API calls are not counted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.current = 0
        self.peak = 0

    def begin(self) -> None:
        with self._lock:
            self.current += 1
            self.peak = max(self.peak, self.current)

    def end(self) -> None:
        with self._lock:
            self.current -= 1

    def reset(self) -> None:
        """Start a new measurement: the peak becomes what is in flight now."""
        with self._lock:
            self.peak = self.current

    def to_dict(self) -> dict:
        with self._lock:
            return {"current": self.current, "peak": self.peak}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 120  # idle keep-alive connections end after this
    server: _HttpServer

    # -- plumbing -----------------------------------------------------------------------
    def setup(self) -> None:
        super().setup()
        self.conn_auth = ConnectionAuth()
        self._aborted = False
        self._counted = False  # this request is counted in the server's requests in flight

    def version_string(self) -> str:
        return self.server.owner.iis_version

    def log_message(self, fmt, *args) -> None:  # route http.server's access log to logging
        log.debug("%s %s", self.address_string(), fmt % args)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, ssl.SSLError, TimeoutError, OSError) as exc:
            log.debug("connection ended: %s", exc)
            self.close_connection = True
        except ValueError:  # http.server flushes the streams a "reset" fault closed on purpose
            if not self._aborted:
                raise
            self.close_connection = True

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            parts: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _host(self) -> str:
        host = (self.headers.get("Host") or self.server.owner.host).strip()
        if host.startswith("["):
            return host.split("]")[0] + "]"
        return host.rsplit(":", 1)[0] if host.count(":") == 1 else host

    def _common_headers(self) -> list[tuple[str, str]]:
        return [("request-id", str(uuid.uuid4())), ("X-FEServer", FE_SERVER), ("X-Powered-By", "ASP.NET")]

    def _send(
        self,
        path: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes = b"",
        *,
        chunked: bool = False,
        fault: str | None = None,
        cut_at: int | None = None,
    ) -> None:
        """Write one response; ``cut_at``: send that many body bytes, then drop the connection."""
        self.send_response_only(status)
        if not any(n.lower() == "server" for n, _ in headers):
            self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())
        for name, value in headers:
            self.send_header(name, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(body)))
        if any(n.lower() == "connection" and v.lower() == "close" for n, v in headers):
            self.close_connection = True
        self.end_headers()
        sent = body if cut_at is None else body[:cut_at]
        if chunked:
            payload = (b"%X\r\n" % len(sent) + sent + b"\r\n") if sent else b""
            if cut_at is None:
                payload += b"0\r\n\r\n"
        else:
            payload = sent
        self._end_flight()  # before the body leaves: a client that has its answer is not counted
        # Observers run before the body leaves, so a client that has its answer knows they ran.
        self.server.owner._notify(path, status, headers + ([(":fault", fault)] if fault else []), sent)
        if payload:
            self.wfile.write(payload)
        if cut_at is not None:
            self._abort(linger=False)

    def _stream(self, path: str, headers: list[tuple[str, str]], envelopes) -> None:
        """A held answer (GetStreamingEvents): each envelope one chunk, sent as it comes."""
        self.send_response_only(200)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for envelope in envelopes:
                self.server.owner._notify(path, 200, headers, envelope)
                self.wfile.write(b"%X\r\n" % len(envelope) + envelope + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        except OSError:  # the client went away: the stream ends with it
            self.close_connection = True
        finally:
            envelopes.close()

    def _abort(self, *, linger: bool = True) -> None:
        """Drop the connection: RST (``linger``) or a bare close without TLS close_notify."""
        self._aborted = True
        self.close_connection = True
        try:
            if linger:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.rfile.close()
            self.wfile.close()
            raw = self.connection
            if isinstance(raw, ssl.SSLSocket):
                os.close(raw.detach())  # no close_notify: the peer sees the TCP connection die
            else:
                raw.close()
        except OSError:
            pass

    def _end_flight(self) -> None:
        if self._counted:
            self._counted = False
            self.server.owner.in_flight.end()

    # -- routing ------------------------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        path = urlsplit(self.path).path
        if path.lower().startswith(ADMIN_PREFIX):
            return self._route(method, path)
        self._counted = True
        self.server.owner.in_flight.begin()
        try:
            self._route(method, path)
        finally:
            self._end_flight()  # no answer sent (a reset, an unreadable body)

    def _route(self, method: str, path: str) -> None:
        owner = self.server.owner
        lower = path.lower().rstrip("/")
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        if lower.startswith(ADMIN_PREFIX):
            return self._admin(method, path, body)
        if lower == EWS_PATH.lower():
            kind = "ews"
        elif lower == AUTODISCOVER_SOAP_PATH:
            kind = "soap"
        elif lower == AUTODISCOVER_POX_PATH:
            kind = "pox"
        else:
            return self._not_found(path)
        operation = owner.service.peek_operation(body) if kind == "ews" and body else None
        if kind != "ews":
            operation = AUTODISCOVER
        outcome = owner.authenticator.authenticate(self.conn_auth, self.headers.get("Authorization"), self._host())
        if outcome.account is None:
            failed = outcome.failed_user
            if failed:
                known = resolve_user(owner.directory, failed)
                failed = known.email if known is not None else failed
            owner.stats.record_unauthorized(operation, failed)
            return self._send(path, 401, outcome.headers + self._common_headers())
        account = outcome.account
        if method != "POST":
            return self._get_page(path, kind, outcome.headers)
        if not owner.throttle.acquire(account.email):
            owner.stats.record(operation, account.email, 500, throttled=True)
            busy = soap.server_busy_fault(owner.busy_backoff_ms, owner.server_version)
            return self._send(
                path, 500, self._soap_headers(kind, operation) + self._common_headers(), busy, chunked=True
            )
        try:
            self._serve(path, kind, operation, account, body, outcome.headers)
        finally:
            owner.throttle.release(account.email)

    def _serve(self, path, kind, operation, account, body, auth_headers) -> None:
        owner = self.server.owner
        fault = owner.faults.take(account.email, operation)
        if fault is not None:
            log.info("fault %s for %s %s", fault.kind, account.email, operation)
            if self._apply_fault(path, kind, operation, account, body, fault):
                owner.stats.record(operation, account.email, 0, fault=fault.kind)
                return
        if kind == "ews":
            result = owner.service.handle(body, account)
            status, payload, operation = result.status, result.body, result.operation or operation
            owner.mark_dirty()
            if result.stream is not None:
                owner.stats.record(operation, account.email, status)
                headers = auth_headers + self._soap_headers(kind, operation, account) + self._common_headers()
                return self._stream(path, headers, result.stream.envelopes())
        else:
            reply = owner.autodiscover_reply(kind, body, self._base_url(), self.headers.get("Content-Type"))
            status, payload = reply.status, reply.body
        owner.stats.record(operation, account.email, status)
        headers = auth_headers + self._soap_headers(kind, operation, account) + self._common_headers()
        if fault is not None and fault.kind == "truncated":
            cut = max(1, int(len(payload) * fault.fraction))
            return self._send(path, status, headers, payload, chunked=True, fault="truncated", cut_at=cut)
        if fault is not None and fault.kind == "malformed":
            return self._send(path, status, headers, malformed_body(payload), chunked=True, fault="malformed")
        self._send(path, status, headers, payload, chunked=(kind == "ews"))

    def _apply_fault(self, path, kind, operation, account, body, fault) -> bool:
        """Act out ``fault``; False when the normal answer still follows (delay, truncated, malformed)."""
        owner = self.server.owner
        common = self._common_headers()
        if fault.kind == "http401":
            self.conn_auth.account = self.conn_auth.context = self.conn_auth.scheme = None
            # a failed logon, as a domain controller counts it, is a credential presented and
            # refused: a request on a connection NTLM had already signed in carries none (the
            # client signs in again after this 401, and that attempt is counted)
            presented = bool(self.headers.get("Authorization"))
            owner.stats.record_unauthorized(operation, account.email if presented else "")
            self._send(path, 401, owner.authenticator.challenge(self._host()) + common, fault="http401")
        elif fault.kind == "http403":
            self._send(path, 403, HTTP403_HEADERS + common, HTTP403_BODY, fault="http403")
        elif fault.kind == "http503":
            self._send(path, 503, HTTP503_HEADERS, HTTP503_BODY, fault="http503")
        elif fault.kind == "fault500":
            payload = soap.internal_server_error_fault(fault.message, owner.server_version)
            self._send(path, 500, self._soap_headers(kind, operation) + common, payload, chunked=True, fault="fault500")
        elif fault.kind == "server_busy":
            payload = soap.server_busy_fault(fault.backoff_ms, owner.server_version)
            self._send(
                path, 500, self._soap_headers(kind, operation) + common, payload, chunked=True, fault="server_busy"
            )
        elif fault.kind == "refuse":
            payload = owner.service.refusal(body, operation, fault.code)
            self._send(
                path, 200, self._soap_headers(kind, operation, account) + common, payload, chunked=True, fault="refuse"
            )
        elif fault.kind == "reset":
            self._abort(linger=True)
            owner._notify(path, 0, [(":fault", "reset")], b"")
        elif fault.kind == "delay":
            owner._stopping.wait(fault.seconds)
            return False
        else:  # truncated, malformed: produced from the real answer
            return False
        return True

    def _soap_headers(self, kind, operation, account=None) -> list[tuple[str, str]]:
        owner = self.server.owner
        headers = [("Cache-Control", "private"), ("Content-Type", "text/xml; charset=utf-8")]
        if kind == "ews" and account is not None:
            headers.append(("Set-Cookie", f"exchangecookie={owner.cookie_for(account.email)}; path=/"))
            if operation and owner.server_version == "Exchange2016":
                headers.append(("X-EwsHandler", operation))
        headers.append(("X-AspNet-Version", "4.0.30319"))
        return headers

    def _base_url(self) -> str:
        return self.server.owner.base_url_for(self.headers.get("Host"))

    def _get_page(self, path, kind, auth_headers) -> None:
        if kind == "ews":
            page = (
                b"<html><head><title>Exchange Web Services</title></head><body>"
                b"<p>You have created a service.</p></body></html>"
            )
            return self._send(
                path, 200, auth_headers + [("Content-Type", "text/html; charset=utf-8")] + self._common_headers(), page
            )
        if kind == "pox":  # Exchange answers a GET with the "Invalid Request" error (600)
            reply = self.server.owner.autodiscover.pox(b"", self._base_url(), self.server.owner.server_version)
            return self._send(
                path,
                200,
                auth_headers
                + [("Cache-Control", "private"), ("Content-Type", "text/xml; charset=utf-8")]
                + self._common_headers(),
                reply.body,
            )
        self._send(path, 405, [("Allow", "POST")] + self._common_headers())

    def _not_found(self, path) -> None:
        page = (
            b"<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head>"
            b"<body><h2>404 - File or directory not found.</h2><h3>The resource you are looking "
            b"for might have been removed, had its name changed, or is temporarily unavailable."
            b"</h3></body></html>"
        )
        self._send(path, 404, [("Content-Type", "text/html")] + self._common_headers(), page)

    def _admin(self, method: str, path: str, body: bytes) -> None:
        from .admin import handle_admin

        owner = self.server.owner
        headers = [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")]
        client = self.client_address[0]
        if client not in ("127.0.0.1", "::1") and not client.startswith("127."):
            return self._send(path, 403, headers, b'{"error": "admin API is only served on loopback"}')
        token = self.headers.get("X-Admin-Token") or ""
        bearer = self.headers.get("Authorization") or ""
        if bearer.lower().startswith("bearer "):
            token = token or bearer[7:].strip()
        if not secrets.compare_digest(token.encode(), owner.admin_token.encode()):
            return self._send(path, 401, headers, b'{"error": "missing or wrong admin token"}')
        status, payload = handle_admin(owner, method, self.path, body)
        data = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
        self._send(path, status, headers, data)


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, owner, ssl_context):
        self.owner = owner
        self.ssl_context = ssl_context
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        super().__init__(address, _Handler)

    def finish_request(self, request, client_address) -> None:
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.ssl_context is None:
            return super().finish_request(request, client_address)
        request.settimeout(30)
        try:
            tls = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            log.debug("TLS handshake with %s failed: %s", client_address, exc)
            return
        try:
            super().finish_request(tls, client_address)
        finally:
            with contextlib.suppress(OSError):
                tls.close()

    def handle_error(self, request, client_address) -> None:
        log.exception("error while serving %s", client_address)
