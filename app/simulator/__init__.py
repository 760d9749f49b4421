"""The loopback EWS server (demo mode and tests): an Exchange 2013 look-alike on 127.0.0.1.

Import the facade from here::

    from app.simulator import LoopbackExchange
"""

from __future__ import annotations

__all__ = ["LoopbackExchange", "Directory", "FaultInjector", "RequestStats"]


def __getattr__(name):  # lazy: keep ``import app.simulator.soap`` light for the service core
    if name == "LoopbackExchange":
        from .server import LoopbackExchange

        return LoopbackExchange
    if name == "Directory":
        from .directory import Directory

        return Directory
    if name in ("FaultInjector", "RequestStats"):
        from . import faults

        return getattr(faults, name)
    raise AttributeError(name)
