"""``python -m app status [--json]``: the engine hosts on the store (name, alive or lost, last
heartbeat, leases held) and every workload (mailbox, workload, state, lease holder and expiry,
next run). On a shared PostgreSQL database it shows the fleet; on SQLite the processes of this
store (a ``run --host-name`` registers there too)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from typing import Any

from app.cli.common import EXIT_OK, EXIT_USAGE, open_store

NAME = "status"
HELP = "show the engine hosts and every workload: state, lease holder, lease expiry, next run"
DEMO = "home"  # with --demo: the demo's store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument(
        "--lease-seconds", type=int, default=90, metavar="N", help="a host silent for longer is shown as lost (90)"
    )


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%dT%H:%M:%SZ")


def run(args: argparse.Namespace) -> int:
    if not open_store(as_json=args.json):
        return EXIT_USAGE
    from app import paths
    from app.store import backends, fleet

    target = paths.database_target()
    hosts = fleet.hosts(timedelta(seconds=args.lease_seconds))
    workloads = fleet.workloads()
    data: dict[str, Any] = {
        "database": backends.redacted(target) if isinstance(target, str) else str(target),
        "hosts": [
            {
                "name": h.name,
                "state": "alive" if h.alive else ("stopped" if h.stopped_on else "lost"),
                "last_beat": _time(h.last_beat_on),
                "started": _time(h.started_on),
                "leases": h.leases,
            }
            for h in hosts
        ],
        "workloads": [
            {
                "mailbox": w.mailbox,
                "workload": w.workload,
                "state": w.state,
                "lease_holder": w.lease_holder,
                "lease_expires": _time(w.lease_expires_on),
                "next_run": _time(w.next_run_on),
            }
            for w in workloads
        ],
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    print(f"Database: {data['database']}")
    print(f"Hosts ({len(hosts)}):")
    for host in data["hosts"]:
        print(f"  {host['name']:<20} {host['state']:<8} last beat {host['last_beat']}  leases {host['leases']}")
    print(f"Workloads ({len(workloads)}):")
    for row in data["workloads"]:
        holder = row["lease_holder"] or "-"
        print(
            f"  {row['mailbox']:<32} {row['workload']:<9} {row['state']:<8} {holder:<20} "
            f"expires {row['lease_expires'] or '-'}  next {row['next_run'] or '-'}"
        )
    return EXIT_OK
