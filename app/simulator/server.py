"""The loopback Exchange server: HTTPS, IIS-style authentication, EWS, Autodiscover, faults.

``LoopbackExchange`` is the facade tests, the CLI and the demo use::

    with LoopbackExchange(tmp_path) as server:
        server.add_account("alice@contoso.com", "Secret1!")
        ... point a client at server.ews_url, trusting server.ca_path ...

The wire behaviour copies IIS 8.5 in front of Exchange 2013 (see ``ews-captures/``): a 401
with Negotiate, NTLM and Basic offers and an empty body; NTLM kept per TCP connection;
``Server``, ``X-Powered-By``, ``request-id``, ``X-FEServer`` headers; chunked SOAP responses.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import threading
import uuid
from pathlib import Path

from . import soap
from .auth import Authenticator
from .autodiscover import AutodiscoverResponder
from .directory import Directory
from .faults import FaultInjector, RequestStats, Throttle
from .tls import ensure_certificates, server_context

log = logging.getLogger(__name__)

VERSION_ALIASES = {
    "2010": "Exchange2010_SP2",
    "2013": "Exchange2013_SP1",
    "2016": "Exchange2016",
}
from .http import (  # noqa: E402  (the paths are part of this module's API)
    _IIS,
    ADMIN_PREFIX,
    AUTODISCOVER_POX_PATH,
    AUTODISCOVER_SOAP_PATH,
    EWS_PATH,
    RequestsInFlight,
    _HttpServer,
)


def resolve_version(version: str) -> str:
    version = VERSION_ALIASES.get(str(version), str(version))
    soap.version_info(version)  # ValueError for unknown versions
    return version


class LoopbackExchange:
    """A local Exchange 2013 look-alike: EWS + Autodiscover over HTTPS on loopback.

    ``state_dir`` holds the CA and certificate (reused across starts) and the NTLM credential
    file; ``state_file`` (optional) keeps accounts, mailboxes and items across restarts.
    """

    def __init__(
        self,
        state_dir,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: bool = True,
        server_version: str = "Exchange2013_SP1",
        hostnames=(),
        *,
        state_file=None,
        admin_token: str | None = None,
        concurrency_limit: int = 27,
        directory: Directory | None = None,
        public_url: str | None = None,
    ) -> None:
        from .service import EwsService

        self.state_dir = Path(state_dir)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.host = host
        self._port = port
        self.tls = tls
        self.hostnames = tuple(h.lower() for h in hostnames)
        self.state_file = Path(state_file) if state_file else None
        if directory is None and self.state_file is not None and self.state_file.exists():
            directory = Directory.from_dict(json.loads(self.state_file.read_text(encoding="utf-8")))
        self.directory = directory or Directory()
        self.service = EwsService(self.directory, resolve_version(server_version))
        self.faults = FaultInjector()
        self.stats = RequestStats()
        self.in_flight = RequestsInFlight()  # requests being answered now, and the most at once
        self.throttle = Throttle(concurrency_limit)
        self.busy_backoff_ms = 5000
        self.save_interval = 2.0  # seconds between saves of a changed state file
        self.authenticator = Authenticator(self.directory, self.state_dir)
        self.autodiscover = AutodiscoverResponder(self.directory, (self.hostnames or ("localhost",))[0])
        self.admin_token = admin_token or secrets.token_urlsafe(24)
        self.public_url = public_url.rstrip("/") if public_url else None
        self.ca_path: Path | None = None
        self._observers: list = []
        self._cookies: dict[str, str] = {}
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._saver: threading.Thread | None = None
        self._stopping = threading.Event()
        self._dirty = threading.Event()
        self._save_lock = threading.Lock()

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> LoopbackExchange:
        if self._httpd is not None:
            return self
        context = None
        if self.tls:
            paths = ensure_certificates(self.state_dir / "tls", (self.host, *self.hostnames))
            self.ca_path = paths.ca_path
            context = server_context(paths)
        self._stopping.clear()
        self.directory.notifications.closed = False
        self._httpd = _HttpServer((self.host, self._port), self, context)
        self._port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.2},
            name=f"loopback-exchange:{self._port}",
            daemon=True,
        )
        self._thread.start()
        if self.state_file is not None:
            self._saver = threading.Thread(target=self._save_loop, name="loopback-exchange-state", daemon=True)
            self._saver.start()
        log.info("loopback Exchange listening on %s", self.url)
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()
        with self.directory.notifications.cond:  # held GetStreamingEvents connections end now
            self.directory.notifications.closed = True
            self.directory.notifications.cond.notify_all()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)
        if self._saver is not None:
            self._saver.join(5)
        self._httpd = self._thread = self._saver = None
        self.save_state()

    def __enter__(self) -> LoopbackExchange:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    # -- addresses ----------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if self.tls else 'http'}://{host}:{self._port}"

    @property
    def ews_url(self) -> str:
        return self.url + EWS_PATH

    @property
    def autodiscover_url(self) -> str:
        return self.url + AUTODISCOVER_SOAP_PATH

    @property
    def autodiscover_pox_url(self) -> str:
        return self.url + AUTODISCOVER_POX_PATH

    @property
    def admin_url(self) -> str:
        return self.url + ADMIN_PREFIX

    def url_for_host(self, hostname: str) -> str:
        """The base URL under one of the server's own host names (resolved by the client's seam)."""
        return f"{'https' if self.tls else 'http'}://{hostname}:{self._port}"

    def base_url_for(self, host_header: str | None) -> str:
        """URLs Autodiscover hands out: ``public_url``, else the host the client asked for if it is ours."""
        if self.public_url:
            return self.public_url
        host = (host_header or "").strip().lower()
        name, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
        name = name.strip("[]")
        if name and name in self.hostnames:
            # As Exchange's configured ExternalUrl: the name the client used; a port only when
            # the client named one (a client that reached us on 443 through a host map gets none).
            if port:
                return self.url_for_host(name)
            return f"{'https' if self.tls else 'http'}://{name}"
        return self.url

    # -- server version -----------------------------------------------------------------
    @property
    def server_version(self) -> str:
        return self.service.server_version

    def set_server_version(self, version: str) -> str:
        self.service.server_version = resolve_version(version)
        return self.service.server_version

    @property
    def iis_version(self) -> str:
        major = soap.SERVER_VERSIONS[self.server_version]["MajorVersion"]
        if self.server_version == "Exchange2016":
            return "Microsoft-IIS/10.0"
        return _IIS.get(major, "Microsoft-IIS/8.5")

    # -- accounts and data --------------------------------------------------------------
    def add_account(self, email: str, password: str, display_name: str | None = None, roles=(), mailbox: bool = True):
        account = self.directory.add_account(email, password, display_name, roles, mailbox)
        self.mark_dirty()
        return account

    def set_password(self, email: str, password: str) -> None:
        self.directory.set_password(email, password)
        self.mark_dirty()

    def accept_windows_logon(self, principal: str, email: str) -> None:
        """Windows only: the Windows account *principal* (``DOMAIN\\user``) logs on as *email*'s
        account over Negotiate, checked by Windows itself (SSPI), as Windows authentication in IIS
        does. Windows integrated authentication's test runs against this."""
        self.authenticator.accept_windows_logon(principal, email)

    def seed(self, email: str, **counts) -> None:
        from .seed import seed_mailbox

        seed_mailbox(self.directory, email, **counts)
        self.mark_dirty()

    def deliver(
        self, to_email: str, subject: str, body: str = "", sender: str = "newsletter@example.org", **kwargs
    ) -> str:
        item_id = self.service.deliver(to_email, subject=subject, body=body, sender=sender, **kwargs)
        self.mark_dirty()
        return item_id

    def set_autodiscover_redirect(self, email: str, *, address: str | None = None, url: str | None = None):
        self.autodiscover.set_redirect(email, address=address, url=url)

    def clear_autodiscover_redirects(self, email: str | None = None) -> None:
        self.autodiscover.clear_redirect(email)

    def autodiscover_reply(self, kind: str, body: bytes, base_url: str, content_type: str | None):
        if kind == "soap":
            return self.autodiscover.soap(body, content_type or "", base_url, self.server_version)
        return self.autodiscover.pox(body, base_url, self.server_version)

    def cookie_for(self, email: str) -> str:
        cookie = self._cookies.get(email)
        if cookie is None:
            cookie = self._cookies.setdefault(email, uuid.uuid4().hex)
        return cookie

    @property
    def concurrency_limit(self) -> int:
        return self.throttle.limit

    @concurrency_limit.setter
    def concurrency_limit(self, value: int) -> None:
        self.throttle.limit = int(value)

    # -- observers ----------------------------------------------------------------------
    def add_observer(self, callback) -> None:
        """``callback(path, status, headers, body)`` for every response sent.

        ``headers`` is a list of (name, value) pairs; when a fault shaped the response it ends
        with the pseudo-header ``(":fault", kind)``, which is never sent. ``status`` 0: the
        connection was reset without an answer.
        """
        self._observers.append(callback)

    def remove_observer(self, callback) -> None:
        with contextlib.suppress(ValueError):
            self._observers.remove(callback)

    def _notify(self, path, status, headers, body) -> None:
        for callback in list(self._observers):
            try:
                callback(path, status, headers, body)
            except Exception:
                log.exception("response observer %r failed", callback)

    # -- state file ---------------------------------------------------------------------
    def mark_dirty(self) -> None:
        if self.state_file is not None:
            self._dirty.set()

    def save_state(self) -> None:
        """Write the directory to ``state_file`` atomically (no-op without one)."""
        if self.state_file is None:
            return
        with self._save_lock:
            self._dirty.clear()
            data = json.dumps(self.directory.to_dict(), ensure_ascii=False, separators=(",", ":"), default=str)
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.state_file.with_name(self.state_file.name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.state_file)

    def _save_loop(self) -> None:
        while not self._stopping.wait(self.save_interval):
            if self._dirty.is_set():
                try:
                    self.save_state()
                except (OSError, TypeError, ValueError):
                    log.exception("could not save the simulator state to %s", self.state_file)


__all__ = [
    "LoopbackExchange",
    "resolve_version",
    "EWS_PATH",
    "AUTODISCOVER_SOAP_PATH",
    "AUTODISCOVER_POX_PATH",
    "VERSION_ALIASES",
]
