"""Test & Enable of many mailboxes at once against the loopback Exchange server (loopback only,
bounded). Not a test.

For maximum concurrent connections 1, 3 and 10, in the same run: Test & Enable of the same number
of fresh mailboxes (``app.diagnostics.bulk.run_mailboxes_test``, every workload), in mailboxes/s
and as a ratio against the 1-connection run, with the most requests the server had in flight at
once (counted by the server: never more than the profile allows).

The server runs in a process of its own, as a real Exchange is on another machine, and answers
each EWS request after ``--latency`` ms (a server's own work and the network between; 0 for the
bare loopback), which is what concurrent connections overlap.

    python bench/bulk_test_and_enable.py [--mailboxes 30] [--latency 20] [--connections 1 3 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "Passw0rd!"


def _install_keyring() -> None:
    """Passwords for this benchmark only: an in-process keyring answering with the bench password."""
    import keyring
    from keyring.backend import KeyringBackend

    class BenchKeyring(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return PASSWORD

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass

    keyring.set_keyring(BenchKeyring())


def _serve(conn, state_dir: str) -> None:
    """Child process: the loopback server, driven over a pipe."""
    from app.simulator.server import LoopbackExchange

    server = LoopbackExchange(state_dir)
    while True:
        command, args = conn.recv()
        if command == "stop":
            server.stop()
            conn.send(None)
            return
        if command == "start":
            server.start()
            conn.send((server.ews_url, server.port, str(server.ca_path)))
        elif command == "add_accounts":
            for email in args:
                server.add_account(email, PASSWORD)
            conn.send(None)
        elif command == "latency":
            server.faults.clear()
            if args[0] > 0:
                server.faults.inject("delay", count=None, seconds=args[0] / 1000)
            conn.send(None)
        elif command == "reset_in_flight":
            server.in_flight.reset()
            conn.send(None)
        elif command == "peak_in_flight":
            conn.send(server.in_flight.peak)


class ServerProcess:
    """The loopback server in its own process, with the few controls this bench needs."""

    def __init__(self, state_dir: Path) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, str(state_dir)), daemon=True)
        self._process.start()

    def call(self, command: str, *args):
        self._conn.send((command, args))
        return self._conn.recv()

    def start(self) -> None:
        ews_url, self.port, ca_path = self.call("start")
        self.ews_url, self.ca_path = ews_url, Path(ca_path)

    def stop(self) -> None:
        self.call("stop")
        self._process.join(10)


def _open_store(home: Path) -> None:
    os.environ["SSSM_HOME"] = str(home)
    from app import paths
    from app.store.db import open_database

    open_database(paths.database_path())


def _mailboxes(server: ServerProcess, name: str, max_connections: int, emails: list[str]) -> list[int]:
    """A profile allowing *max_connections*, and an approved mailbox on it for each address."""
    from app.domain.enums import ApprovalStatus, AuthProtocol
    from app.domain.settings import MailboxSettings, ProfileSettings
    from app.store import repo
    from app.store.models import SystemUser

    profile = repo.save_profile(
        ProfileSettings(
            name=name,
            auto_discover=False,
            incoming_url=server.ews_url,
            incoming_port=server.port,
            trusted_ca_path=str(server.ca_path),
            process_email_from=datetime(2020, 1, 1, tzinfo=timezone.utc),
            timeout_seconds=120,
            auth_protocol=AuthProtocol.AUTO,
            max_connections=max_connections,
        )
    )
    owner = SystemUser.get_or_none(SystemUser.email == "bench-admin@contoso.com") or repo.create_user(
        "Bench", "bench-admin@contoso.com", is_current=True
    )
    ids = []
    for email in emails:
        settings = MailboxSettings(
            name=email.split("@")[0],
            email=email,
            owner_id=owner.id,
            profile_id=profile.id,
            approval=ApprovalStatus.APPROVED,
            allow_credentials=True,
            username=email,
        )
        ids.append(repo.save_mailbox(settings, password=PASSWORD).id)
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mailboxes", type=int, default=30, help="mailboxes tested for each limit")
    parser.add_argument("--latency", type=float, default=20, help="ms the server takes for each EWS request")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 3, 10], help="the limits compared")
    args = parser.parse_args()
    _install_keyring()
    from app.diagnostics.bulk import run_mailboxes_test
    from app.domain.enums import RunStatus

    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(Path(tmp) / "server")
        # fresh accounts for each limit: exchangelib keeps what it learnt of a logon (its protocol)
        emails = {limit: [f"c{limit}-{n:03d}@contoso.com" for n in range(args.mailboxes)] for limit in args.connections}
        server.call("add_accounts", "warmup@contoso.com", *(e for group in emails.values() for e in group))
        server.start()
        try:
            _open_store(Path(tmp) / "home")
            warmup = _mailboxes(server, "Warm-up", 1, ["warmup@contoso.com"])
            run_mailboxes_test(warmup)  # imports and first connections out of the figures
            server.call("latency", args.latency)
            print(
                f"Test & Enable of {args.mailboxes} mailboxes (every workload), server latency "
                f"{args.latency:g} ms per EWS request"
            )
            baseline = None
            for limit in args.connections:
                ids = _mailboxes(server, f"{limit} connections", limit, emails[limit])
                server.call("reset_in_flight")
                started = time.perf_counter()
                reports = run_mailboxes_test(ids)
                elapsed = time.perf_counter() - started
                rate = len(reports) / elapsed
                baseline = baseline or rate
                failed = sum(1 for r in reports if r.status is not RunStatus.SUCCESS)
                print(
                    f"max connections {limit:>3}: {rate:6.2f} mailboxes/s ({elapsed:5.2f} s)  "
                    f"ratio {rate / baseline:4.2f}x  peak in flight {server.call('peak_in_flight')}"
                    f"{f'  {failed} FAILED' if failed else ''}"
                )
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
