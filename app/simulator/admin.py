"""The admin API: JSON under ``/_admin/``, loopback only, guarded by the admin token.

Send the token as ``X-Admin-Token: <token>`` or ``Authorization: Bearer <token>``.

=======  ==========================================  ==============================================
method   path                                        does
=======  ==========================================  ==============================================
GET      /_admin/status                              URLs, version, account count
GET      /_admin/accounts                            accounts (with their demo passwords)
POST     /_admin/accounts                            {email, password, display_name?, roles?}
POST     /_admin/accounts/<email>/password           {password}
POST     /_admin/seed                                {email, emails?, appointments?, contacts?,
                                                     tasks?, seed?, mix?: {html?, attachments?, …}}
GET      /_admin/notifications                       subscriptions' timing: minute, keepalive,
                                                     max_events; POST changes them
POST     /_admin/deliver                             {to, subject, body?, sender?}
GET      /_admin/mailboxes/<email>[?folder=inbox]    folders, and the items of one folder
GET      /_admin/stats                               request counts; DELETE resets them
GET      /_admin/in_flight                           requests being answered now and the most at
                                                     once ({current, peak}); DELETE starts a new
                                                     peak
GET      /_admin/faults                              active faults; POST adds {kind, account?,
                                                     operation?, count?, backoff_ms?, seconds?,
                                                     fraction?, message?}; DELETE clears
                                                     (?account=&operation=&id=)
POST     /_admin/version                             {version: 2010|2013|2016|Exchange2013_SP1...}
POST     /_admin/redirects                           {email, address? | url?}; DELETE clears
=======  ==========================================  ==============================================
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, unquote, urlsplit

from .seed_mix import SeedMix

_TIMING = ("minute", "keepalive", "max_events")  # NotificationHub's, in seconds and events


def account_dict(account) -> dict:
    return {
        "email": account.email,
        "password": account.password,  # a demo server's fake credential: showing it is the point
        "display_name": account.display_name,
        "roles": sorted(account.roles),
        "delegates_to": sorted(account.delegates_to),
    }


def _item_dict(item) -> dict:
    sender = item.sender[1] if item.sender else None
    return {
        "id": item.id,
        "kind": item.kind,
        "item_class": item.item_class,
        "subject": item.subject,
        "is_read": item.is_read,
        "sender": sender,
        "received": item.received.isoformat() if item.received else None,
    }


def inspect_mailbox(directory, email: str, folder: str | None = None) -> dict:
    """Folders of ``email``'s mailbox with item counts; with ``folder`` (distinguished name,
    display name or id) also that folder's items, oldest first."""
    with directory.lock:
        mailbox = directory.mailbox(email)
        if mailbox is None:
            raise KeyError(email)
        folders = [
            {
                "id": f.id,
                "parent_id": f.parent_id,
                "name": f.name,
                "distinguished": f.distinguished,
                "folder_class": f.folder_class,
                "total": len(f.items),
                "unread": sum(1 for it in f.items.values() if not it.is_read),
            }
            for f in mailbox.folders.values()
        ]
        result = {"email": mailbox.email, "folders": folders}
        if folder:
            chosen = mailbox.distinguished.get(folder) or mailbox.folders.get(folder)
            if chosen is None:
                matches = [f for f in mailbox.folders.values() if (f.name or "").lower() == folder.lower()]
                chosen = matches[0] if matches else None
            if chosen is None:
                raise KeyError(folder)
            result["folder"] = chosen.id
            result["items"] = [_item_dict(it) for it in chosen.items_by_received()]
        return result


def status(server) -> dict:
    return {
        "url": server.url,
        "ews_url": server.ews_url,
        "autodiscover_url": server.autodiscover_url,
        "autodiscover_pox_url": server.autodiscover_pox_url,
        "ca_path": str(server.ca_path) if server.ca_path else None,
        "server_version": server.server_version,
        "hostnames": list(server.hostnames),
        "accounts": len(server.directory.accounts()),
        "concurrency_limit": server.concurrency_limit,
    }


def handle_admin(server, method: str, raw_path: str, body: bytes) -> tuple[int, object]:
    """Run one admin request; returns (HTTP status, JSON-able payload)."""
    parts = urlsplit(raw_path)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    segments = [unquote(s) for s in parts.path.split("/") if s][1:]  # drop "_admin"
    try:
        data = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (UnicodeDecodeError, ValueError):
        return 400, {"error": "body is not JSON"}
    if not isinstance(data, dict):
        return 400, {"error": "body must be a JSON object"}
    try:
        return _route(server, method, segments, query, data)
    except KeyError as exc:
        return 404, {"error": f"not found: {exc.args[0] if exc.args else ''}"}
    except (TypeError, ValueError) as exc:
        return 400, {"error": str(exc)}


def _route(server, method, seg, query, data) -> tuple[int, object]:
    head = seg[0] if seg else "status"
    if head == "status" and method == "GET":
        return 200, status(server)
    if head == "accounts":
        if len(seg) == 1 and method == "GET":
            return 200, [account_dict(a) for a in server.directory.accounts()]
        if len(seg) == 1 and method == "POST":
            account = server.add_account(
                data["email"],
                data["password"],
                data.get("display_name"),
                data.get("roles", ()),
                data.get("mailbox", True),
            )
            return 201, account_dict(account)
        if len(seg) == 3 and seg[2] == "password" and method == "POST":
            server.set_password(seg[1], data["password"])
            return 200, account_dict(server.directory.get(seg[1]))
    if head == "seed" and method == "POST":
        counts: dict[str, object] = {
            k: int(data[k]) for k in ("emails", "appointments", "contacts", "tasks", "seed") if k in data
        }
        if isinstance(data.get("mix"), dict):  # SeedMix's shares (seed_mix.py)
            counts["mix"] = SeedMix(**{k: v for k, v in data["mix"].items() if k in SeedMix.__dataclass_fields__})
        server.seed(data["email"], **counts)
        return 200, inspect_mailbox(server.directory, data["email"])
    if head == "notifications":
        hub = server.directory.notifications
        if method == "POST":
            for name in _TIMING:
                if name in data:
                    setattr(hub, name, type(getattr(hub, name))(data[name]))
        return 200, {name: getattr(hub, name) for name in _TIMING}
    if head == "deliver" and method == "POST":
        item_id = server.deliver(
            data["to"], data["subject"], data.get("body", ""), data.get("sender", "newsletter@example.org")
        )
        return 201, {"id": item_id}
    if head == "mailboxes" and len(seg) == 2 and method == "GET":
        return 200, inspect_mailbox(server.directory, seg[1], query.get("folder"))
    if head == "stats":
        if method == "DELETE":
            server.stats.reset()
            return 200, server.stats.to_dict()
        if method == "GET":
            return 200, server.stats.to_dict()
    if head == "in_flight":
        if method == "DELETE":
            server.in_flight.reset()
            return 200, server.in_flight.to_dict()
        if method == "GET":
            return 200, server.in_flight.to_dict()
    if head == "faults":
        if method == "GET":
            return 200, [f.to_dict() for f in server.faults.active()]
        if method == "POST":
            params = {k: data[k] for k in ("backoff_ms", "seconds", "message", "fraction") if k in data}
            fault = server.faults.inject(
                data["kind"], data.get("account", "*"), data.get("operation", "*"), data.get("count", 1), **params
            )
            return 201, fault.to_dict()
        if method == "DELETE":
            fid = int(query["id"]) if "id" in query else None
            removed = server.faults.clear(query.get("account"), query.get("operation"), fid)
            return 200, {"removed": removed}
    if head == "version" and method == "POST":
        return 200, {"server_version": server.set_server_version(data["version"])}
    if head == "redirects":
        if method == "POST":
            server.set_autodiscover_redirect(data["email"], address=data.get("address"), url=data.get("url"))
            return 201, {"email": data["email"].lower()}
        if method == "DELETE":
            server.clear_autodiscover_redirects(query.get("email"))
            return 200, {}
    return 404, {"error": f"no admin route {method} /_admin/{'/'.join(seg)}"}
