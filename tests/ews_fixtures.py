"""Fixtures for tests that talk to the loopback Exchange server over real HTTPS.

``ews_server`` (session): one ``LoopbackExchange`` for the whole run, with a few accounts:
``alice@contoso.com`` and ``bob@contoso.com`` (password ``Passw0rd!``) and
``svc@contoso.com`` (role ``impersonation``).

``ews`` (function): a clean view of that server for one test. Faults, statistics, the
concurrency limit, Autodiscover redirects and the server version are reset afterwards;
``ews.new_account()`` makes uniquely named accounts so tests never share mailboxes;
``ews.add_observer(cb)`` attaches a response observer for this test only.

``trust_ca_adapter(ca_path)`` builds a requests HTTP adapter that verifies against the
server's CA (never verify=False); ``exchangelib_trusts(ca_path)`` installs one as exchangelib's
``BaseProtocol.HTTP_ADAPTER_CLS`` for the duration of a ``with`` block.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests.adapters

from app.simulator.server import LoopbackExchange

EWS_DOMAIN = "contoso.com"
EWS_PASSWORD = "Passw0rd!"
EWS_HOSTNAMES = ("mail.contoso.com", "autodiscover.contoso.com")

_serial = itertools.count(1)


def trust_ca_adapter(ca_path) -> type[requests.adapters.HTTPAdapter]:
    """An HTTPAdapter class that verifies server certificates against ``ca_path``.

    Whatever bundle requests picked (``True``, or ``REQUESTS_CA_BUNDLE`` from the environment)
    is replaced by the loopback CA; ``verify=False`` is left alone (no test uses it).
    """

    class CATrustingAdapter(requests.adapters.HTTPAdapter):
        def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
            if verify is not False:
                verify = str(ca_path)
            return super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies)

    return CATrustingAdapter


@contextmanager
def exchangelib_trusts(ca_path):
    from exchangelib.protocol import BaseProtocol, close_connections

    previous = BaseProtocol.HTTP_ADAPTER_CLS
    BaseProtocol.HTTP_ADAPTER_CLS = trust_ca_adapter(ca_path)
    try:
        yield
    finally:
        close_connections()
        BaseProtocol.HTTP_ADAPTER_CLS = previous


def _schema_util():
    """tests/simulator/schema_util.py as the module ``schema_util`` (one schema compile per run)."""
    module = sys.modules.get("schema_util")
    if module is None:
        path = Path(__file__).resolve().parent / "simulator" / "schema_util.py"
        spec = importlib.util.spec_from_file_location("schema_util", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["schema_util"] = module
        spec.loader.exec_module(module)
    return module


def check_ews_response(body: bytes) -> str | None:
    """None when *body* is a schema-valid EWS envelope, else ``"<operation>: <first error>"``."""
    from lxml import etree

    operation = "?"
    try:
        root = etree.fromstring(body)
        inner = root.find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
        if inner is not None and len(inner):
            operation = etree.QName(inner[0]).localname
            if operation.endswith("Response"):
                operation = operation[: -len("Response")]
    except Exception as exc:  # noqa: BLE001
        return f"{operation}: not XML ({exc})"
    try:
        _schema_util().validate_response_body(body)
    except Exception as exc:  # noqa: BLE001 - AssertionError or DocumentInvalid
        error = getattr(exc, "error_log", None)
        first = str(error[0]) if error else (str(exc) or type(exc).__name__)
        return f"{operation}: {first}"
    return None


class SchemaGuard:
    """Response observer: validates every EWS SOAP response the server sends."""

    def __init__(self) -> None:
        # The schema is compiled here, once, before any request: lxml holds the interpreter for
        # the whole compile, which on a server thread would stall whatever else this process runs
        # (the GUI tests measure exactly that).
        _schema_util().load_ews_schema()
        self.failures: list[str] = []
        self.checked = 0
        self._busy = 0
        self._lock = threading.Lock()

    def __call__(self, path, status, headers, body) -> None:
        if path.split("?", 1)[0].lower() != "/ews/exchange.asmx" or status not in (200, 500) or not body:
            return
        names = {name.lower(): value for name, value in headers}
        if ":fault" in names or "xml" not in names.get("content-type", ""):
            return
        with self._lock:
            self._busy += 1
        try:
            problem = check_ews_response(body)
            with self._lock:
                self.checked += 1
                if problem:
                    self.failures.append(problem)
        finally:
            with self._lock:
                self._busy -= 1

    def settle(self, timeout: float = 1.0) -> None:
        deadline = time.monotonic() + timeout
        while self._busy and time.monotonic() < deadline:
            time.sleep(0.005)


_schema_guard: SchemaGuard | None = None  # set once ews_server exists


@pytest.fixture(autouse=True, name="_ews_schema_guard")
def ews_schema_guard_fixture():
    """Fail a test during which the loopback server sent a schema-invalid EWS response."""
    start = len(_schema_guard.failures) if _schema_guard is not None else 0
    yield
    guard = _schema_guard
    if guard is None:
        return
    guard.settle()
    new = guard.failures[start:]
    if new:
        pytest.fail(f"{len(new)} schema-invalid EWS response(s); first: {new[0]}", pytrace=False)


class EwsTestView:
    """One test's handle on the shared server."""

    def __init__(self, server: LoopbackExchange) -> None:
        self.server = server
        self._observers: list = []
        self._version = server.server_version
        self._limit = server.concurrency_limit
        self._backoff = server.busy_backoff_ms
        hub = server.directory.notifications  # tests shorten its minute and keep-alive
        self._notification_timing = (hub.minute, hub.keepalive, hub.max_events)

    # passthroughs most tests need
    @property
    def url(self) -> str:
        return self.server.url

    @property
    def ews_url(self) -> str:
        return self.server.ews_url

    @property
    def autodiscover_url(self) -> str:
        return self.server.autodiscover_url

    @property
    def ca_path(self):
        return self.server.ca_path

    @property
    def stats(self):
        return self.server.stats

    @property
    def faults(self):
        return self.server.faults

    def new_account(
        self,
        prefix: str = "user",
        password: str = EWS_PASSWORD,
        roles=(),
        display_name: str | None = None,
        **seed_counts,
    ):
        """A fresh account ``<prefix>.<n>.<random>@contoso.com``; keyword counts seed its mailbox."""
        email = f"{prefix}.{next(_serial)}.{uuid.uuid4().hex[:6]}@{EWS_DOMAIN}"
        account = self.server.add_account(email, password, display_name, roles)
        if seed_counts:
            self.server.seed(email, **seed_counts)
        return account

    def add_observer(self, callback) -> None:
        self._observers.append(callback)
        self.server.add_observer(callback)

    def requests_session(self) -> requests.Session:
        session = requests.Session()
        session.mount("https://", trust_ca_adapter(self.server.ca_path)())
        return session

    def close(self) -> None:
        for callback in self._observers:
            self.server.remove_observer(callback)
        self.server.faults.clear()
        self.server.stats.reset()
        self.server.clear_autodiscover_redirects()
        self.server.concurrency_limit = self._limit
        self.server.busy_backoff_ms = self._backoff
        hub = self.server.directory.notifications
        hub.minute, hub.keepalive, hub.max_events = self._notification_timing
        if self.server.server_version != self._version:
            self.server.set_server_version(self._version)


@pytest.fixture(scope="session")
def ews_server(tmp_path_factory):
    global _schema_guard
    server = LoopbackExchange(tmp_path_factory.mktemp("loopback-exchange"), hostnames=EWS_HOSTNAMES)
    _schema_guard = SchemaGuard()
    server.add_observer(_schema_guard)
    server.add_account(f"alice@{EWS_DOMAIN}", EWS_PASSWORD, "Alice Anderson")
    server.add_account(f"bob@{EWS_DOMAIN}", EWS_PASSWORD, "Bob Brown")
    server.add_account(f"svc@{EWS_DOMAIN}", EWS_PASSWORD, "Sync Service", roles=("impersonation",))
    server.start()
    yield server
    server.stop()
    server.remove_observer(_schema_guard)


@pytest.fixture
def ews(ews_server):
    view = EwsTestView(ews_server)
    yield view
    view.close()
