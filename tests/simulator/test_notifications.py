"""Notifications over HTTPS with exchangelib (and raw HTTP for the stream's own shape).

Pull: events in order with their watermarks, StatusEvent when nothing happened, resuming from a
watermark, expiry and Unsubscribe answering ErrorSubscriptionNotFound. Streaming: a new mail
reaches a held GetStreamingEvents connection within a second; keep-alives while idle; the
connection closes (ConnectionStatus Closed) when its ConnectionTimeout is over. The test minute
is short (NotificationHub.minute), so no test waits long.
"""

from __future__ import annotations

import re
import threading
import time

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import DELEGATE, Account, Configuration, Credentials, Message
from exchangelib.errors import ErrorInvalidWatermark, ErrorSubscriptionNotFound
from exchangelib.folders import FolderCollection
from exchangelib.properties import CopiedEvent, CreatedEvent, NewMailEvent, StatusEvent
from exchangelib.services import SubscribeToPull
from exchangelib.version import EXCHANGE_2013_SP1, Version

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


@pytest.fixture(autouse=True)
def trusted(ews):
    with exchangelib_trusts(ews.ca_path):
        yield


@pytest.fixture
def hub(ews):
    hub = ews.server.directory.notifications
    hub.minute = 1.0  # a "minute" of Timeout / ConnectionTimeout lasts a second here
    hub.keepalive = 0.25
    return hub


def connect(ews, account):
    config = Configuration(
        service_endpoint=ews.ews_url,
        credentials=Credentials(account.email, account.password),
        version=Version(build=EXCHANGE_2013_SP1),
    )
    return Account(account.email, config=config, autodiscover=False, access_type=DELEGATE)


def _kinds(notifications) -> list[str]:
    return [type(e).__name__ for n in notifications for e in n.events]


def test_pull_events_of_every_kind_in_order_with_watermarks(ews, hub):
    account = ews.new_account("pull", **NO_SEED)
    lib = connect(ews, account)
    sub_id, watermark = FolderCollection(account=lib, folders=[lib.inbox, lib.drafts]).subscribe_to_pull()
    ews.server.deliver(account.email, "First")  # delivered: Created + NewMail
    draft = Message(account=lib, folder=lib.drafts, subject="Draft")
    draft.save()  # Created
    draft.subject = "Draft 2"
    draft.save(update_fields=["subject"])  # Modified
    draft.move(lib.inbox)  # Moved
    draft.delete()  # hard: Deleted
    [notification] = list(lib.inbox.get_events(sub_id, watermark))
    assert _kinds([notification]) == [
        "CreatedEvent",
        "NewMailEvent",
        "CreatedEvent",
        "ModifiedEvent",
        "MovedEvent",
        "DeletedEvent",
    ]
    assert notification.previous_watermark == watermark and not notification.more_events
    marks = [e.watermark for e in notification.events]
    assert len(set(marks)) == len(marks)
    moved = notification.events[4]
    assert moved.old_parent_folder_id.id == lib.drafts.id and moved.parent_folder_id.id == lib.inbox.id
    # nothing new: a StatusEvent with the watermark to go on from
    [quiet] = list(lib.inbox.get_events(sub_id, marks[-1]))
    assert [type(e) for e in quiet.events] == [StatusEvent]
    # the same watermark again gives the same events again: they stay until a later one is passed
    [again] = list(lib.inbox.get_events(sub_id, marks[2]))
    assert [e.watermark for e in again.events] == marks[3:]


def test_a_folder_subscription_sees_its_folder_and_the_chosen_kinds(ews, hub):
    account = ews.new_account("pullf", **NO_SEED)
    lib = connect(ews, account)
    sub_id, watermark = lib.inbox.subscribe_to_pull(event_types=["NewMailEvent", "MovedEvent", "DeletedEvent"])
    ews.server.deliver(account.email, "Into the Inbox")
    Message(account=lib, folder=lib.drafts, subject="Elsewhere").save()  # another folder: not reported
    [item] = list(lib.inbox.all())
    item.move_to_trash()  # out of the Inbox: a MovedEvent
    [notification] = list(lib.inbox.get_events(sub_id, watermark))
    assert _kinds([notification]) == ["NewMailEvent", "MovedEvent"]


def test_more_events_than_one_answer_holds(ews, hub):
    hub.max_events = 3
    account = ews.new_account("many", **NO_SEED)
    lib = connect(ews, account)
    sub_id, watermark = lib.inbox.subscribe_to_pull(event_types=["NewMailEvent"])
    for n in range(5):
        ews.server.deliver(account.email, f"Mail {n}")
    first = lib.inbox.get_events(sub_id, watermark).__next__()  # one GetEvents
    assert len(first.events) == 3 and first.more_events
    [rest] = list(lib.inbox.get_events(sub_id, first.events[-1].watermark))
    assert len(rest.events) == 2 and not rest.more_events


def test_copied_event(ews, hub):
    account = ews.new_account("copy", **NO_SEED)
    lib = connect(ews, account)
    # SubscribeToAllFolders (exchangelib's folder methods always name folders)
    sub_id, watermark = SubscribeToPull(account=lib).get(
        folders=None, event_types=["CopiedEvent"], watermark=None, timeout=60
    )
    item_id = ews.server.deliver(account.email, "To copy")
    [source] = list(lib.inbox.all())
    source.copy(to_folder=lib.drafts)  # CopyItem
    [notification] = list(lib.root.get_events(sub_id, watermark))
    [event] = notification.events
    assert isinstance(event, CopiedEvent)
    assert event.old_item_id.id == item_id and event.old_parent_folder_id.id == lib.inbox.id
    assert event.parent_folder_id.id == lib.drafts.id
    [copied] = list(lib.drafts.all())
    assert event.item_id.id == copied.id


def test_a_subscription_resumes_from_a_watermark(ews, hub):
    account = ews.new_account("resume", **NO_SEED)
    lib = connect(ews, account)
    _, watermark = lib.inbox.subscribe_to_pull(event_types=["NewMailEvent"])
    ews.server.deliver(account.email, "While away")
    sub_id, start = lib.inbox.subscribe_to_pull(event_types=["NewMailEvent"], watermark=watermark)
    assert start == watermark
    [notification] = list(lib.inbox.get_events(sub_id, start))
    assert [type(e) for e in notification.events] == [NewMailEvent]
    with pytest.raises(ErrorInvalidWatermark):
        lib.inbox.subscribe_to_pull(watermark="bm90IGEgd2F0ZXJtYXJr")


def test_an_expired_or_cancelled_subscription_is_not_found(ews, hub):
    account = ews.new_account("expire", **NO_SEED)
    lib = connect(ews, account)
    hub.minute = 0.2
    sub_id, watermark = lib.inbox.subscribe_to_pull(timeout=1)
    list(lib.inbox.get_events(sub_id, watermark))  # used: the timeout starts again
    time.sleep(0.35)
    with pytest.raises(ErrorSubscriptionNotFound):
        list(lib.inbox.get_events(sub_id, watermark))
    hub.minute = 60.0
    other, mark = lib.inbox.subscribe_to_pull()
    lib.inbox.unsubscribe(other)
    with pytest.raises(ErrorSubscriptionNotFound):
        list(lib.inbox.get_events(other, mark))
    with pytest.raises(ErrorSubscriptionNotFound):
        lib.inbox.unsubscribe(other)


def test_another_account_cannot_use_a_subscription(ews, hub):
    owner, stranger = ews.new_account("own", **NO_SEED), ews.new_account("other", **NO_SEED)
    sub_id, watermark = connect(ews, owner).inbox.subscribe_to_pull()
    with pytest.raises(Exception, match="permission|AccessDenied"):
        list(connect(ews, stranger).inbox.get_events(sub_id, watermark))


def test_streaming_a_new_mail_arrives_within_a_second(ews, hub):
    hub.minute = 1.5
    account = ews.new_account("stream", **NO_SEED)
    lib = connect(ews, account)
    sub_id = lib.inbox.subscribe_to_streaming(event_types=["NewMailEvent", "CreatedEvent"])
    arrived: list[tuple[float, list[str]]] = []
    started = threading.Event()

    def listen():
        started.set()
        for notification in lib.inbox.get_streaming_events(sub_id, connection_timeout=1):
            arrived.append((time.monotonic(), [type(e).__name__ for e in notification.events]))

    reader = threading.Thread(target=listen)
    reader.start()
    started.wait()
    time.sleep(0.4)  # the connection is held open by now
    sent = time.monotonic()
    ews.server.deliver(account.email, "Streamed")
    reader.join(timeout=10)
    assert not reader.is_alive()
    [(when, kinds)] = arrived
    assert kinds == ["CreatedEvent", "NewMailEvent"]
    assert when - sent < 1.0, f"the notification took {when - sent:.3f} s"


def _raw_stream(ews, account, sub_id: str, minutes: int = 1) -> tuple[list[bytes], list[float]]:
    """GetStreamingEvents over raw HTTPS: the SOAP envelopes as they arrive, and when."""
    session = ews.requests_session()
    session.auth = (account.email, account.password)
    body = (
        '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
        'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" '
        'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><s:Header>'
        '<t:RequestServerVersion Version="Exchange2013_SP1"/></s:Header><s:Body><m:GetStreamingEvents>'
        f"<m:SubscriptionIds><t:SubscriptionId>{sub_id}</t:SubscriptionId></m:SubscriptionIds>"
        f"<m:ConnectionTimeout>{minutes}</m:ConnectionTimeout></m:GetStreamingEvents></s:Body></s:Envelope>"
    )
    started = time.monotonic()
    answer = session.post(ews.ews_url, data=body, headers={"Content-Type": "text/xml"}, stream=True)
    assert answer.status_code == 200 and answer.headers["Transfer-Encoding"] == "chunked"
    envelopes, times = [], []
    for chunk in answer.raw.read_chunked(decode_content=True):
        envelopes.append(chunk)
        times.append(time.monotonic() - started)
    return envelopes, times


def test_a_held_stream_sends_keep_alives_and_closes_after_its_timeout(ews, hub):
    hub.minute, hub.keepalive = 1.0, 0.3
    account = ews.new_account("raw", **NO_SEED)
    sub_id = connect(ews, account).inbox.subscribe_to_streaming()
    envelopes, times = _raw_stream(ews, account, sub_id)
    statuses = [re.search(rb"<m:ConnectionStatus>(\w+)<", e).group(1) for e in envelopes]
    assert statuses[-1] == b"Closed" and set(statuses[:-1]) == {b"OK"}
    assert len(statuses) >= 4  # the open, keep-alives about every 0.3 s, the close
    assert 0.9 < times[-1] < 2.0  # ConnectionTimeout 1 "minute"
    assert all(e.startswith(b"<?xml") and e.rstrip().endswith(b"</s:Envelope>") for e in envelopes)


def test_streaming_an_unknown_subscription_answers_at_once(ews, hub):
    account = ews.new_account("bad", **NO_SEED)
    started = time.monotonic()
    envelopes, _ = _raw_stream(ews, account, "bm8tc3VjaC1zdWJzY3JpcHRpb24=")
    assert time.monotonic() - started < 1.0
    [answer] = envelopes
    assert b"ErrorSubscriptionNotFound" in answer and b"<m:ErrorSubscriptionIds>" in answer


def test_the_stream_carries_the_subscriptions_events(ews, hub):
    hub.minute, hub.keepalive = 1.5, 10.0
    account = ews.new_account("evts", **NO_SEED)
    lib = connect(ews, account)
    sub_id = lib.inbox.subscribe_to_streaming(event_types=["CreatedEvent"])
    timer = threading.Timer(0.4, lambda: ews.server.deliver(account.email, "During the stream"))
    timer.start()
    notifications = list(lib.inbox.get_streaming_events(sub_id, connection_timeout=1))
    timer.join()
    assert [type(e) for n in notifications for e in n.events] == [CreatedEvent]
    assert notifications[0].events[0].watermark


def _impersonating(ews, email):
    from exchangelib import IMPERSONATION

    config = Configuration(
        service_endpoint=ews.ews_url,
        credentials=Credentials("svc@contoso.com", "Passw0rd!"),
        version=Version(build=EXCHANGE_2013_SP1),
    )
    return Account(email, config=config, autodiscover=False, access_type=IMPERSONATION)


def test_a_service_account_streams_the_subscriptions_it_made_for_several_mailboxes(ews, hub):
    """Impersonation: the service account subscribes each mailbox (impersonating it) and reads them
    all on one connection while impersonating one of them (the group's anchor), as Exchange allows;
    the mailboxes' own accounts keep their own subscriptions, and a stranger reads none."""
    hub.minute, hub.keepalive = 1.5, 10.0
    first, second = ews.new_account("grp", **NO_SEED), ews.new_account("grp", **NO_SEED)
    anchor = _impersonating(ews, first.email)
    subs = [
        _impersonating(ews, account.email).inbox.subscribe_to_streaming(event_types=["NewMailEvent"])
        for account in (first, second)
    ]
    timer = threading.Timer(0.4, lambda: [ews.server.deliver(a.email, "Grouped") for a in (first, second)])
    timer.start()
    notifications = list(anchor.inbox.get_streaming_events(subs, connection_timeout=1))
    timer.join()
    assert sorted(n.subscription_id for n in notifications) == sorted(subs)
    with pytest.raises(Exception, match="permission|AccessDenied"):
        list(connect(ews, ews.new_account("outsider", **NO_SEED)).inbox.get_streaming_events(subs[1], 1))
