"""The console of a fleet's picture: the main window's Hosts page, as it shows on a shared
database, with three engine hosts (two alive and holding leases of the sample mailboxes' work,
one lost). The hosts are registered in the sample store (its tables are a shared database's too)
and the Hosts entry is added to a window of its own, so that the other pictures keep theirs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.gui.screenshots.sample_data import Sample


def add_sample_hosts(sample: Sample) -> None:
    from app.domain.enums import Workload
    from app.store import fleet, leases

    now, ttl = leases.wall_clock(), leases.DEFAULT_TTL
    hosts = (
        ("sync-01", "sync-01@srv-sync01:4312:5f1c2a9e", now - timedelta(seconds=20)),
        ("sync-02", "sync-02@srv-sync02:2208:0b7d44c1", now - timedelta(seconds=6)),
        ("sync-03", "sync-03@srv-sync03:3391:9a02e7f3", now - timedelta(minutes=14)),
    )
    for name, holder, beat in hosts:
        fleet.register(name, holder, ttl, now=beat - timedelta(hours=3))
        fleet.beat(name, holder, ttl, now=beat)
    mailboxes = sorted(sample.mailbox_ids.values())
    for number, mailbox_id in enumerate(mailboxes[:5]):
        holder = hosts[number % 2][1]
        leases.claim(leases.mailbox_lease_name(mailbox_id, Workload.INCOMING.value), holder, ttl, now=now)


def fleet_views(sample: Sample) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    from app.gui.windows.main_window import MainWindow

    add_sample_hosts(sample)
    window = MainWindow()
    window.resize(1200, 720)
    window.add_hosts_page()

    def hosts() -> QWidget:
        assert window.hosts_index is not None
        window.show_page(window.hosts_index)
        window.show()
        return window

    yield "hosts", hosts
