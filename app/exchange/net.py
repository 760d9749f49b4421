"""The HTTP layer under exchangelib and our Autodiscover client.

One adapter class (installed as exchangelib's ``BaseProtocol.HTTP_ADAPTER_CLS``) gives every
request, per destination host:
- the trust store: the system CAs plus a profile's trusted CA file — verification is never off;
- the profile's timeout;
- a host map: the resolver seam that lets tests and the demo point ``mail.contoso.com:443``
  at the loopback server without touching the machine's DNS;
- a transcript: when a ``Recorder`` is active in the calling thread, each request and response
  is captured (for the diagnostics report) after redaction;
- the last word on credentials: a request that carries an Authorization header (Basic, NTLM,
  Negotiate — requests_ntlm's handshake comes back through here too) over a connection without
  TLS is not sent unless the system setting allows it at that moment
  (``set_plain_credentials_policy``); it fails with ``CredentialsNotSecure`` instead.
"""

from __future__ import annotations

import hashlib
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import certifi
import requests
from requests.adapters import DEFAULT_POOLBLOCK, HTTPAdapter
from requests.models import PreparedRequest, Response
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from app import paths
from app.exchange.errors import CredentialsNotSecure, FolderNotWritable, TrustedCaMissing
from app.exchange.redact import redact_body, redact_headers

_lock = threading.Lock()
_host_map: dict[tuple[str, int], tuple[str, int]] = {}
_ca_files: dict[tuple[str, int], str] = {}
_mapped_ca_files: dict[tuple[str, int], str] = {}  # a mapped host's own CA (demo mode's server)
_timeouts: dict[tuple[str, int], float] = {}


def _key(host: str, port: int) -> tuple[str, int]:
    return host.lower().strip("[]"), int(port)


def endpoint_of(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return _key(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))


def map_host(host: str, port: int, target_host: str, target_port: int, *, ca_file: str | None = None) -> None:
    """Connections to host:port go to target_host:target_port (TLS still checks *host*).

    *ca_file* is trusted for this mapped host when the profile names no CA of its own: demo mode
    maps contoso.com's names to its loopback server, whose certificate its own CA signs. Only a
    mapped name gets it, so no real host is ever trusted through it."""
    with _lock:
        _host_map[_key(host, port)] = (target_host, int(target_port))
        if ca_file:
            _mapped_ca_files[_key(host, port)] = str(ca_file)
        else:
            _mapped_ca_files.pop(_key(host, port), None)


def unmap_host(host: str, port: int) -> None:
    with _lock:
        _host_map.pop(_key(host, port), None)
        _mapped_ca_files.pop(_key(host, port), None)


def resolve(host: str, port: int) -> tuple[str, int]:
    with _lock:
        return _host_map.get(_key(host, port), (host, port))


def is_mapped(host: str, port: int) -> bool:
    with _lock:
        return _key(host, port) in _host_map


def trust_ca_for(url: str, ca_file: str | None) -> None:
    """Trust *ca_file* (besides the system CAs) for the host of *url*; None forgets it."""
    with _lock:
        if ca_file:
            _ca_files[endpoint_of(url)] = str(ca_file)
        else:
            _ca_files.pop(endpoint_of(url), None)


def set_timeout_for(url: str, seconds: float) -> None:
    with _lock:
        _timeouts[endpoint_of(url)] = float(seconds)


# --- credentials only over TLS (docs/product-rules.md §1, "Use SSL") ----------------------------


def _never() -> bool:
    return False


_plain_credentials_allowed: Callable[[], bool] = _never


def set_plain_credentials_policy(policy: Callable[[], bool] | None) -> None:
    """*policy* answers, each time a request with credentials is about to leave without TLS,
    whether the system setting "allow credentials over non-SSL" allows it (app.exchange.connection
    installs the store's answer). None: never."""
    global _plain_credentials_allowed
    _plain_credentials_allowed = policy or _never


def check_credentials_channel(request: PreparedRequest) -> None:
    """Raise ``CredentialsNotSecure`` when *request* carries an Authorization header (any scheme)
    over a connection without TLS and the policy, asked now, does not allow it."""
    url = request.url or ""
    if urlsplit(url).scheme.lower() == "https" or not request.headers.get("Authorization"):
        return
    if not _plain_credentials_allowed():
        raise CredentialsNotSecure(url)


_bundles: dict[tuple[str, float, int], str] = {}
_bundle_lock = threading.Lock()


def combined_bundle(ca_file: str) -> str:
    """certifi's CAs plus *ca_file*, written once to the cache folder (requests wants a path).

    Many threads open connections at once: the file is built under a lock, written to a
    unique temporary name and renamed, so no reader ever sees a half-written bundle.
    A missing or unreadable *ca_file* raises ``TrustedCaMissing``; a cache folder that cannot
    be written ``FolderNotWritable``."""
    try:
        stat = Path(ca_file).stat()
    except OSError as exc:
        raise TrustedCaMissing(str(ca_file), exc) from exc
    key = (str(ca_file), stat.st_mtime, stat.st_size)
    with _bundle_lock:
        cached = _bundles.get(key)
        if cached is not None and Path(cached).exists():
            return cached
        try:
            extra = Path(ca_file).read_bytes()
        except OSError as exc:
            raise TrustedCaMissing(str(ca_file), exc) from exc
        digest = hashlib.sha256(extra).hexdigest()[:16]
        folder: Path | None = None
        try:
            folder = paths.cache_dir()
            target = folder / f"ca-bundle-{digest}.pem"
            if not target.exists():
                tmp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
                tmp.write_bytes(Path(certifi.where()).read_bytes() + b"\n" + extra)
                os.replace(tmp, target)
        except OSError as exc:
            raise FolderNotWritable(str(folder or exc.filename or "the cache folder"), exc) from exc
        _bundles[key] = str(target)
        return str(target)


# --- transcript ------------------------------------------------------------------------------

MAX_BODY_CHARS = 20_000


@dataclass
class Exchange:
    method: str
    url: str
    request_headers: dict[str, str]
    request_body: str
    status: int | None = None
    reason: str = ""
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str = ""
    error: str = ""
    elapsed_ms: float = 0.0

    def render(self) -> str:
        lines = [f"> {self.method} {self.url}"]
        lines += [f"> {k}: {v}" for k, v in self.request_headers.items()]
        if self.request_body:
            lines += [">", self.request_body]
        if self.status is not None:
            lines.append(f"< HTTP {self.status} {self.reason}  ({self.elapsed_ms:.0f} ms)")
            lines += [f"< {k}: {v}" for k, v in self.response_headers.items()]
            if self.response_body:
                lines += ["<", self.response_body]
        if self.error:
            lines.append(f"! {self.error}  ({self.elapsed_ms:.0f} ms)")
        return "\n".join(lines)


class Recorder:
    """Collects the HTTP exchanges made by the current thread while active."""

    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    def render(self, start: int = 0) -> str:
        return "\n\n".join(e.render() for e in self.exchanges[start:])


_local = threading.local()


@contextmanager
def recording(recorder: Recorder) -> Iterator[Recorder]:
    previous = getattr(_local, "recorder", None)
    _local.recorder = recorder
    try:
        yield recorder
    finally:
        _local.recorder = previous


def answers() -> int:
    """How many answers other than 401 the calling thread has had from servers (its logon was
    accepted when this grew)."""
    count: int = getattr(_local, "answers", 0)
    return count


class RequestCount:
    """How many requests a piece of work made, from however many threads (``counting``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0

    def add(self) -> None:
        with self._lock:
            self._count += 1

    @property
    def count(self) -> int:
        return self._count


@contextmanager
def counting(counter: RequestCount | None) -> Iterator[RequestCount | None]:
    """Requests made by this thread while inside are counted in *counter* (a cycle's figures)."""
    previous = getattr(_local, "counter", None)
    _local.counter = counter
    try:
        yield counter
    finally:
        _local.counter = previous


@contextmanager
def gated(gate: threading.Semaphore | None) -> Iterator[threading.Semaphore | None]:
    """Requests made by this thread while inside wait for a slot of *gate* (a semaphore)."""
    previous = getattr(_local, "gate", None)
    _local.gate = gate
    try:
        yield gate
    finally:
        _local.gate = previous


@contextmanager
def read_timeout(seconds: float | None) -> Iterator[None]:
    """Requests made by this thread while inside wait up to *seconds* for each read, whatever the
    profile's timeout (a held notification stream, quiet between keep-alives). None: the profile's."""
    previous = getattr(_local, "read_timeout", None)
    _local.read_timeout = seconds
    try:
        yield
    finally:
        _local.read_timeout = previous


class _Gate(threading.BoundedSemaphore):
    """A semaphore that remembers the limit it was made with."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


_gates: dict[object, _Gate] = {}


def gate_for(key: object, limit: int) -> threading.BoundedSemaphore:
    """One semaphore per key (a profile id); a changed limit replaces it for new runs."""
    with _lock:
        gate = _gates.get(key)
        if gate is None or gate.limit != limit:
            gate = _Gate(limit)
            _gates[key] = gate
        return gate


def _text(body: object, limit: int = MAX_BODY_CHARS) -> str:
    if body is None:
        return ""
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    text = str(body)
    return text if len(text) <= limit else text[:limit] + f"\n[... {len(text) - limit} more characters]"


# requests' own aliases (requests._types) exist for type checkers only
_Timeout = float | tuple[float | None, float | None] | None
_Cert = str | tuple[str, str] | None


# --- connections honouring the host map --------------------------------------------------------


def _mapped_new_conn(conn: HTTPConnection, new_conn: Callable[[], socket.socket]) -> socket.socket:
    """*new_conn* (the connection class's own ``_new_conn``) towards the host map's target."""
    original = conn._dns_host
    target_host, target_port = resolve(original, conn.port)
    if (target_host, target_port) == (original, conn.port):
        return new_conn()
    saved_port = conn.port
    try:
        conn._dns_host, conn.port = target_host, target_port
        return new_conn()
    finally:
        conn._dns_host, conn.port = original, saved_port


class _MappedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _mapped_new_conn(self, super()._new_conn)


class _MappedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _mapped_new_conn(self, super()._new_conn)


class _MappedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _MappedHTTPConnection


class _MappedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _MappedHTTPSConnection


_contexts: dict[tuple[str, float, int], ssl.SSLContext] = {}
_contexts_by_content: dict[str, ssl.SSLContext] = {}
_context_lock = threading.Lock()


def verifying_context(ca_file: str) -> ssl.SSLContext:
    """A TLS context that verifies against *ca_file* (certificates and host names), made once.

    urllib3 otherwise builds a context and parses the whole CA bundle for every new connection:
    about 70 ms, holding the GIL, so ten connections opened at once by a profile-wide Test &
    Enable stalled every other thread — the window's included — for most of a second. One shared
    context per bundle file (OpenSSL contexts are safe to share between threads)."""
    stat = Path(ca_file).stat()
    key = (ca_file, stat.st_mtime, stat.st_size)
    with _context_lock:
        context = _contexts.get(key)
        if context is None:
            # the same certificates under another name (a bundle written again) share the context
            content = Path(ca_file).read_bytes()
            digest = hashlib.sha256(content).hexdigest()
            context = _contexts_by_content.get(digest)
            if context is None:
                context = ssl.create_default_context(cadata=content.decode("ascii", "replace"))
                _contexts_by_content[digest] = context  # CERT_REQUIRED, host names checked
            _contexts[key] = context
        return context


class SssmHTTPAdapter(HTTPAdapter):
    """requests adapter: per-host trust, timeout and host map, plus transcripts."""

    def build_connection_pool_key_attributes(
        self, request: PreparedRequest, verify: bool | str, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        verifying = pool_kwargs.get("cert_reqs") == "CERT_REQUIRED" and "ca_cert_dir" not in pool_kwargs
        if host_params.get("scheme") == "https" and verifying and "ssl_context" not in pool_kwargs:
            pool_kwargs["ssl_context"] = verifying_context(pool_kwargs.pop("ca_certs", None) or certifi.where())
        return host_params, pool_kwargs

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """As requests does, except that a pool verifying through our shared context is not also
        given the bundle's path: urllib3 would load the whole bundle into that context again for
        every new connection (33-77 ms each, holding the GIL). The context already holds it, with
        certificate and host name checks on."""
        super().cert_verify(conn, url, verify, cert)
        shared = getattr(conn, "conn_kw", {}).get("ssl_context")
        if shared is not None and shared.verify_mode == ssl.CERT_REQUIRED and conn.cert_reqs == "CERT_REQUIRED":
            conn.ca_certs = None
            conn.ca_cert_dir = None

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = DEFAULT_POOLBLOCK, **pool_kwargs: Any
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _MappedHTTPPool, "https": _MappedHTTPSPool}

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:  # pragma: no cover - no proxies yet
        return super().proxy_manager_for(proxy, **proxy_kwargs)

    def send(
        self,
        request: PreparedRequest,
        stream: bool = False,
        timeout: _Timeout = None,
        verify: bool | str = True,
        cert: _Cert = None,
        proxies: dict[str, str] | None = None,
    ) -> Response:
        counter: RequestCount | None = getattr(_local, "counter", None)
        if counter is not None:
            counter.add()
        gate: threading.Semaphore | None = getattr(_local, "gate", None)
        if gate is None:
            return self._send(request, stream, timeout, verify, cert, proxies)
        with gate:  # at most the profile's maximum concurrent connections in flight
            return self._send(request, stream, timeout, verify, cert, proxies)

    def _send(
        self,
        request: PreparedRequest,
        stream: bool,
        timeout: _Timeout,
        verify: bool | str,
        cert: _Cert,
        proxies: dict[str, str] | None,
    ) -> Response:
        response = self._send_recorded(request, stream, timeout, verify, cert, proxies)
        if response.status_code != 401:
            _local.answers = getattr(_local, "answers", 0) + 1
        if not stream:
            # exchangelib parses ``response.iter_content()``, whose default is one byte per chunk:
            # for a body already in memory, hand it over in one piece (a GetItem of 100 messages
            # is ~300,000 chunks otherwise — as much time as the XML parsing itself).
            # (requests types iter_content as an overloaded method: replacing this one response's on
            # purpose is what the ignore is for)
            response.iter_content = _whole_content_iterator(response)  # type: ignore[method-assign,assignment]
        return response

    def _send_recorded(
        self,
        request: PreparedRequest,
        stream: bool,
        timeout: _Timeout,
        verify: bool | str,
        cert: _Cert,
        proxies: dict[str, str] | None,
    ) -> Response:
        key = endpoint_of(request.url or "")
        with _lock:
            ca_file = _ca_files.get(key) or _mapped_ca_files.get(key)
            timeout = getattr(_local, "read_timeout", None) or _timeouts.get(key, timeout)
        if verify is False:
            verify = True  # never silently off, whoever asked
        recorder: Recorder | None = getattr(_local, "recorder", None)
        if recorder is None:
            check_credentials_channel(request)
            if ca_file and _is_tls(request):
                verify = combined_bundle(ca_file)
            return super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies)
        entry = Exchange(
            request.method or "",
            request.url or "",
            redact_headers(dict(request.headers)),
            redact_body(_text(request.body)),
        )
        recorder.exchanges.append(entry)
        started = time.perf_counter()
        try:
            check_credentials_channel(request)
            if ca_file and _is_tls(request):
                verify = combined_bundle(ca_file)
            response = super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies)
        except Exception as exc:
            entry.elapsed_ms = (time.perf_counter() - started) * 1000
            entry.error = f"{type(exc).__name__}: {exc}"
            raise
        entry.elapsed_ms = (time.perf_counter() - started) * 1000
        entry.status, entry.reason = response.status_code, response.reason or ""
        entry.response_headers = redact_headers(dict(response.headers))
        # A 401 is left unread: requests_ntlm takes the TLS channel binding from its socket.
        if not stream and response.status_code != 401:
            entry.response_body = redact_body(_text(response.content))
        return response


def _is_tls(request: PreparedRequest) -> bool:
    return urlsplit(request.url or "").scheme.lower() == "https"


def _whole_content_iterator(response: Response) -> Callable[..., Iterator[str | bytes]]:
    original = type(response).iter_content

    def iter_content(chunk_size: int | None = None, decode_unicode: bool = False) -> Iterator[str | bytes]:
        # requests' own default chunk_size is 1
        if decode_unicode:
            return original(response, chunk_size, decode_unicode=True)
        return original(response, chunk_size)

    return iter_content


def install() -> None:
    """Make exchangelib use our adapter (idempotent)."""
    from exchangelib.protocol import BaseProtocol

    BaseProtocol.HTTP_ADAPTER_CLS = SssmHTTPAdapter


def session() -> requests.Session:
    """A plain requests session with our adapter, for Autodiscover's redirect probes."""
    s = requests.Session()
    adapter = SssmHTTPAdapter()
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    return s
