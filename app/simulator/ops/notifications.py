"""Subscribe, GetEvents, GetStreamingEvents and Unsubscribe (app.simulator.notifications).

GetStreamingEvents does not answer at once: its handler returns a ``StreamingAnswer``, which the
HTTP layer writes out envelope by envelope (chunked) without holding the server's lock.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from .. import soap
from ..notifications import EVENT_TYPES, NotificationHub, Subscription, notification_xml
from ..service import Fault, M, OpError, RequestContext, T, response, response_message
from ..soap import esc

_REQUESTS = {"PullSubscriptionRequest": "pull", "StreamingSubscriptionRequest": "streaming"}


def _hub(ctx: RequestContext) -> NotificationHub:
    return ctx.directory.notifications


def _int_in(el, name: str, low: int, high: int) -> int:
    text = (el.findtext(T + name) or el.findtext(M + name) or "").strip() if el is not None else ""
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise Fault(soap.schema_validation_fault(f"The '{name}' element is invalid - The value '{text}' is invalid."))
    return value


# ---------------------------------------------------------------------------- Subscribe
def subscribe(ctx: RequestContext, req) -> str:
    request = req[0] if len(req) else None
    name = request.tag[len(M) :] if request is not None and request.tag.startswith(M) else ""
    try:
        if name == "PushSubscriptionRequest":
            raise OpError("ErrorInvalidSubscriptionRequest", "Push subscriptions are not supported by this server.")
        kind = _REQUESTS.get(name)
        if kind is None or request is None:
            raise Fault(soap.schema_validation_fault("The element 'Subscribe' has invalid child element."))
        types = [(e.text or "").strip() for e in request.iterfind(f"{T}EventTypes/{T}EventType")]
        if not types or any(t not in EVENT_TYPES for t in types):
            raise Fault(soap.schema_validation_fault("The 'EventType' element is invalid."))
        mb, folders = _folders(ctx, request)
        timeout = _int_in(request, "Timeout", 1, 1440) if kind == "pull" else None
        watermark = None
        if kind == "pull":
            watermark = (request.findtext(T + "Watermark") or request.findtext(M + "Watermark") or "").strip()
        creator = ctx.caller.email if ctx.caller.email != ctx.account.email else None  # impersonating
        sub, mark = _hub(ctx).subscribe(kind, ctx.account.email, mb, folders, types, watermark, timeout, creator)
        inner = f"<m:SubscriptionId>{esc(sub.id)}</m:SubscriptionId>"
        if kind == "pull":
            inner += f"<m:Watermark>{mark}</m:Watermark>"
        return response("Subscribe", [response_message("Subscribe", inner)])
    except OpError as e:
        return response("Subscribe", [response_message("Subscribe", error=e)])


def _folders(ctx: RequestContext, request):
    """(mailbox, folder ids or None for all folders) of a subscription request."""
    if (request.get("SubscribeToAllFolders") or "").strip() in ("true", "1"):
        return ctx.own_mailbox(), None
    ids = request.find(T + "FolderIds")
    if ids is None or len(ids) == 0:
        raise OpError("ErrorInvalidSubscriptionRequest", "A subscription needs FolderIds or SubscribeToAllFolders.")
    mailbox, found = None, set()
    for el in ids:
        mb, folder = ctx.resolve_folder(el)
        if mailbox is not None and mb is not mailbox:
            raise OpError("ErrorInvalidSubscriptionRequest", "The folders of a subscription are in one mailbox.")
        mailbox = mb
        found.add(folder.id)
    return mailbox, frozenset(found)


# ---------------------------------------------------------------------------- GetEvents, Unsubscribe
def get_events(ctx: RequestContext, req) -> str:
    try:
        hub = _hub(ctx)
        sub = hub.find(req.findtext(M + "SubscriptionId") or "", ctx.account.email, "pull", ctx.caller.email)
        previous, events, more, _ = hub.pull(sub, req.findtext(M + "Watermark") or "")
        inner = notification_xml("m:Notification", sub, previous, events, more)
        return response("GetEvents", [response_message("GetEvents", inner)])
    except OpError as e:
        return response("GetEvents", [response_message("GetEvents", error=e)])


def unsubscribe(ctx: RequestContext, req) -> str:
    try:
        hub = _hub(ctx)
        hub.unsubscribe(hub.find(req.findtext(M + "SubscriptionId") or "", ctx.account.email, caller=ctx.caller.email))
        return response("Unsubscribe", [response_message("Unsubscribe")])
    except OpError as e:
        return response("Unsubscribe", [response_message("Unsubscribe", error=e)])


# ---------------------------------------------------------------------------- GetStreamingEvents
def get_streaming_events(ctx: RequestContext, req):
    """A ``StreamingAnswer``, or the error answer when a subscription cannot be streamed."""
    hub = _hub(ctx)
    ids = [(e.text or "").strip() for e in req.iterfind(f"{M}SubscriptionIds/{T}SubscriptionId")]
    minutes = _int_in(req, "ConnectionTimeout", 1, 30)
    subs, bad, error = [], [], None
    for sub_id in ids:
        try:
            subs.append(hub.find(sub_id, ctx.account.email, "streaming", ctx.caller.email))
        except OpError as e:
            bad.append(sub_id)
            error = error or e
    if error is not None or not subs:
        error = error or OpError("ErrorInvalidSubscription", "No subscription to stream.")
        ids_xml = "".join(f"<t:SubscriptionId>{esc(i)}</t:SubscriptionId>" for i in bad)
        tail = f"<m:ErrorSubscriptionIds>{ids_xml}</m:ErrorSubscriptionIds>" if bad else ""
        return response("GetStreamingEvents", [response_message("GetStreamingEvents", error=error, error_inner=tail)])
    return StreamingAnswer(hub, subs, minutes * hub.minute, ctx.server_version)


class StreamingAnswer:
    """A held GetStreamingEvents connection: ``envelopes()`` yields each SOAP envelope to write."""

    def __init__(self, hub: NotificationHub, subs: list[Subscription], seconds: float, server_version: str):
        self.hub, self.subs, self.seconds, self.server_version = hub, subs, seconds, server_version

    def _envelope(self, inner: str) -> bytes:
        message = response_message("GetStreamingEvents", inner)
        return soap.envelope(response("GetStreamingEvents", [message]), self.server_version)

    def _status(self, status: str) -> bytes:
        return self._envelope(f"<m:ConnectionStatus>{status}</m:ConnectionStatus>")

    def envelopes(self) -> Iterator[bytes]:
        hub = self.hub
        deadline = time.monotonic() + self.seconds
        with hub.cond:
            for sub in self.subs:
                sub.streams += 1
        try:
            yield self._status("OK")  # the connection is open
            next_keepalive = time.monotonic() + hub.keepalive
            while True:
                found, ended = self._wait(deadline, next_keepalive)
                if found:
                    parts = "".join(notification_xml("t:Notification", s, prev, ev, None) for s, prev, ev in found)
                    yield self._envelope(f"<m:Notifications>{parts}</m:Notifications>")
                elif ended:
                    break
                else:
                    yield self._status("OK")  # keep-alive
                next_keepalive = time.monotonic() + hub.keepalive
            yield self._status("Closed")
        finally:
            with hub.cond:
                for sub in self.subs:
                    sub.streams -= 1
                    sub.last_used = time.monotonic()

    def _wait(self, deadline: float, next_keepalive: float):
        """(new events, the connection ends): waits for events, the keep-alive time or the end."""
        hub = self.hub
        with hub.cond:
            while True:
                live = [s for s in self.subs if hub.is_live(s)]
                found = hub.take(live)
                now = time.monotonic()
                if found:
                    return found, False
                if hub.closed or not live or now >= deadline:
                    return [], True
                if now >= next_keepalive:
                    return [], False
                hub.cond.wait(min(deadline, next_keepalive) - now)
