"""``python -m app simulator``: run the loopback Exchange server until Ctrl+C."""
from __future__ import annotations

import argparse
import secrets
import signal
import threading
from pathlib import Path

HELP = "run the built-in loopback Exchange (EWS + Autodiscover) server with demo mailboxes"

DEMO_DOMAIN = "contoso.com"
DEMO_USERS = ("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy")
SERVICE_ACCOUNT = "sync.service"  # holds ApplicationImpersonation, like a real sync service account


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    parser.add_argument("--mailboxes", type=int, default=3, metavar="N", help="demo mailboxes to create")
    parser.add_argument("--emails", type=int, default=50, metavar="N", help="messages seeded per mailbox")
    parser.add_argument("--state", metavar="FILE", help="keep accounts and mailboxes in this JSON file")
    parser.add_argument("--state-dir", metavar="DIR", help="folder for the CA and certificates")
    parser.add_argument("--http", action="store_true", help="plain HTTP instead of HTTPS")
    parser.add_argument("--version", dest="server_version", default="2013", choices=("2010", "2013", "2016"),
                        help="Exchange version to impersonate (default 2013)")
    parser.add_argument("--hostname", action="append", default=[], metavar="NAME",
                        help="extra host name for the certificate (repeatable), e.g. mail.contoso.com")


def create_demo_accounts(server, mailboxes: int, emails: int) -> None:
    """Demo users with random passwords and seeded mailboxes, plus an impersonation account."""
    for index in range(max(0, mailboxes)):
        name = DEMO_USERS[index] if index < len(DEMO_USERS) else f"user{index + 1}"
        email = f"{name}@{DEMO_DOMAIN}"
        server.add_account(email, secrets.token_urlsafe(9))
        server.seed(email, emails=emails, seed=index)
    server.add_account(f"{SERVICE_ACCOUNT}@{DEMO_DOMAIN}", secrets.token_urlsafe(12),
                       "Sync Service", roles=("impersonation",), mailbox=True)


def describe(server) -> str:
    lines = [
        f"Loopback Exchange ({server.server_version}) is running.",
        f"  EWS URL:          {server.ews_url}",
        f"  Autodiscover URL: {server.autodiscover_url}",
        f"  Autodiscover POX: {server.autodiscover_pox_url}",
        f"  CA certificate:   {server.ca_path if server.ca_path else '(plain HTTP)'}",
        f"  Admin API:        {server.admin_url}/status",
        f"  Admin token:      {server.admin_token}",
        "Accounts (demo credentials of this local server):",
    ]
    for account in server.directory.accounts():
        roles = f"  [{', '.join(sorted(account.roles))}]" if account.roles else ""
        lines.append(f"  {account.email:<32} {account.password}{roles}")
    lines.append("Press Ctrl+C to stop.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from app.paths import simulator_dir

    from .server import LoopbackExchange

    state_dir = Path(args.state_dir) if args.state_dir else simulator_dir()
    server = LoopbackExchange(
        state_dir, host=args.host, port=args.port, tls=not args.http,
        server_version=args.server_version, hostnames=tuple(args.hostname), state_file=args.state,
    )
    if not server.directory.accounts():
        create_demo_accounts(server, args.mailboxes, args.emails)
    server.start()
    server.save_state()
    print(describe(server), flush=True)

    stop = threading.Event()

    def _stop(signum, frame):  # noqa: ARG001
        stop.set()

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
        print("Loopback Exchange stopped.", flush=True)
    return 0
