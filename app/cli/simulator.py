"""``python -m app simulator``: run the loopback Exchange server until Ctrl+C."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from types import FrameType

from app.cli.common import EXIT_OK

NAME = "simulator"
HELP = "run the built-in loopback Exchange (EWS + Autodiscover) server with demo mailboxes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    parser.add_argument("--mailboxes", type=int, default=3, metavar="N", help="demo mailboxes to create")
    parser.add_argument("--emails", type=int, default=50, metavar="N", help="messages seeded per mailbox")
    parser.add_argument("--state", metavar="FILE", help="keep accounts and mailboxes in this JSON file")
    parser.add_argument("--state-dir", metavar="DIR", help="folder for the CA and certificates")
    parser.add_argument("--http", action="store_true", help="plain HTTP instead of HTTPS")
    parser.add_argument(
        "--version",
        dest="server_version",
        default="2013",
        choices=("2010", "2013", "2016"),
        help="Exchange version to impersonate (default 2013)",
    )
    parser.add_argument(
        "--hostname",
        action="append",
        default=[],
        metavar="NAME",
        help="extra host name for the certificate (repeatable), e.g. mail.contoso.com",
    )


def run(args: argparse.Namespace) -> int:
    from app.paths import simulator_dir
    from app.simulator.demo_accounts import create_demo_accounts, describe
    from app.simulator.server import LoopbackExchange

    state_dir = Path(args.state_dir) if args.state_dir else simulator_dir()
    server = LoopbackExchange(
        state_dir,
        host=args.host,
        port=args.port,
        tls=not args.http,
        server_version=args.server_version,
        hostnames=tuple(args.hostname),
        state_file=args.state,
    )
    if not server.directory.accounts():
        create_demo_accounts(server, args.mailboxes, args.emails)
    server.start()
    server.save_state()
    print(describe(server), flush=True)

    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
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
    return EXIT_OK
