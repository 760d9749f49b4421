"""exchangelib 5.6 over HTTPS against the loopback server, one test per EWS operation family.

Auth (Basic, NTLM, auto-detect) is parametrized on the connect/GetFolder/FindItem test only;
the others use auto-detection. Every response is also schema-checked by the session guard.
"""

from __future__ import annotations

import datetime

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import (
    BASIC,
    DELEGATE,
    IMPERSONATION,
    NTLM,
    Account,
    CalendarItem,
    Configuration,
    Contact,
    Credentials,
    EWSDateTime,
    Folder,
    Mailbox,
    Message,
    Task,
)
from exchangelib.errors import ErrorImpersonateUserDenied, ErrorIrresolvableConflict, ErrorItemNotFound
from exchangelib.indexed_properties import EmailAddress
from exchangelib.items import NEVER_OVERWRITE, SEND_TO_NONE
from exchangelib.properties import EWS_ID, HEX_ENTRY_ID, AlternateId
from exchangelib.version import EXCHANGE_2013_SP1, Version

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


@pytest.fixture(autouse=True)
def trusted(ews):
    with exchangelib_trusts(ews.ca_path):
        yield


def connect(ews, account, auth_type=None, *, as_user=None, access_type=DELEGATE, version=True):
    config = Configuration(
        service_endpoint=ews.ews_url,
        credentials=Credentials(account.email, account.password),
        auth_type=auth_type,
        version=Version(build=EXCHANGE_2013_SP1) if version else None,
    )
    return Account(as_user or account.email, config=config, autodiscover=False, access_type=access_type)


def mailbox(ews, account):
    return ews.server.directory.mailbox(account.email)


@pytest.mark.parametrize("auth_type", [BASIC, NTLM, None], ids=["basic", "ntlm", "auto"])
def test_getfolder_finditem_paging(ews, auth_type):
    account = ews.new_account("page", emails=120, appointments=0, contacts=0, tasks=0)
    lib = connect(ews, account, auth_type, version=auth_type is not None)
    inbox_count = len(mailbox(ews, account).distinguished["inbox"].items)
    lib.inbox.refresh()  # GetFolder
    assert lib.inbox.total_count == inbox_count > 50
    before = ews.stats.count(account=account.email)
    qs = lib.inbox.all().order_by("-datetime_received").only("subject", "datetime_received")
    qs.page_size = 25
    items = list(qs)
    assert len(items) == inbox_count
    received = [i.datetime_received for i in items]
    assert received == sorted(received, reverse=True)
    assert len({i.id for i in items}) == inbox_count
    assert ews.stats.count(account=account.email) - before >= inbox_count // 25  # really paged


def test_findfolder_and_createfolder(ews):
    account = ews.new_account("fold", **NO_SEED)
    lib = connect(ews, account)
    names = {f.name for f in lib.root.walk()}  # FindFolder (deep)
    assert {"Inbox", "Sent Items", "Drafts", "Calendar", "Contacts", "Tasks"} <= names
    created = Folder(parent=lib.inbox, name="Undeliverable")
    created.save()  # CreateFolder
    assert created.id
    lib.inbox.refresh()
    children = {f.name: f for f in lib.inbox.children}  # FindFolder (shallow)
    assert "Undeliverable" in children and children["Undeliverable"].id == created.id
    assert any(f.name == "Undeliverable" for f in mailbox(ews, account).folders.values())


def test_finditem_restrictions(ews):
    account = ews.new_account("restr", emails=60, appointments=0, contacts=0, tasks=0)
    ews.server.deliver(account.email, "Newest note", "body")
    lib = connect(ews, account)
    inbox = mailbox(ews, account).distinguished["inbox"]
    all_items = list(lib.inbox.all().only("datetime_received", "item_class"))
    cutoff = sorted(i.datetime_received for i in all_items)[len(all_items) // 2]
    newer = list(lib.inbox.filter(datetime_received__gt=cutoff).only("datetime_received"))
    assert newer and all(i.datetime_received > cutoff for i in newer)
    assert len(newer) == sum(1 for i in all_items if i.datetime_received > cutoff)
    notes = lib.inbox.filter(item_class="IPM.Note").count()
    assert notes == sum(1 for i in inbox.items.values() if i.item_class == "IPM.Note")
    both = lib.inbox.filter(datetime_received__gt=cutoff, item_class="IPM.Note").count()
    assert both == sum(1 for i in all_items if i.datetime_received > cutoff and i.item_class == "IPM.Note")
    assert lib.inbox.filter(item_class="IPM.Appointment").count() == 0


def test_getitem_only_fields_and_body(ews):
    account = ews.new_account("get", emails=10, appointments=0, contacts=0, tasks=0)
    lib = connect(ews, account)
    ews.server.deliver(account.email, "Body check", "The quick brown fox")
    ids = [(i.id, i.changekey) for i in lib.inbox.all().only("id", "changekey")]
    fetched = list(lib.fetch(ids, only_fields=["subject", "body", "sender", "datetime_received"]))
    assert len(fetched) == len(ids) and all(f.subject and f.body is not None for f in fetched)
    target = next(f for f in fetched if f.subject == "Body check")
    assert "quick brown fox" in target.body
    assert target.sender.email_address == "newsletter@example.org"
    full = lib.inbox.get(subject="Body check")
    assert full.message_id and full.datetime_received and full.is_read is False
    lib.inbox.get(id=ids[0][0]).delete()
    missing = list(lib.fetch([ids[0], ids[1]], only_fields=["subject"]))
    assert isinstance(missing[0], ErrorItemNotFound) and missing[1].subject


def test_createitem_save_send_and_reply(ews):
    alice = ews.new_account("alice", **NO_SEED)
    bob = ews.new_account("bob", **NO_SEED)
    la, lb = connect(ews, alice), connect(ews, bob)
    draft = Message(
        account=la, folder=la.drafts, subject="Draft only", body="d", to_recipients=[Mailbox(email_address=bob.email)]
    )
    draft.save()  # SaveOnly
    assert la.drafts.filter(subject="Draft only").count() == 1
    assert lb.inbox.total_count == 0
    Message(account=la, subject="Fire and forget", body="x", to_recipients=[Mailbox(email_address=bob.email)]).send(
        save_copy=False
    )  # SendOnly
    original = Message(
        account=la, subject="Kept copy", body="hello bob", to_recipients=[Mailbox(email_address=bob.email)]
    )
    original.send_and_save()  # SendAndSaveCopy
    assert la.sent.filter(subject="Fire and forget").count() == 0
    sent = la.sent.get(subject="Kept copy")
    received = lb.inbox.get(subject="Kept copy")
    assert received.message_id and received.message_id == sent.message_id
    assert lb.inbox.filter(subject="Fire and forget").count() == 1
    reply = Message(
        account=lb,
        subject="Re: Kept copy",
        body="hi alice",
        to_recipients=[Mailbox(email_address=alice.email)],
        in_reply_to=received.message_id,
        references=received.message_id,
    )
    reply.send_and_save()
    got = la.inbox.get(subject="Re: Kept copy")
    assert got.in_reply_to == sent.message_id
    assert sent.message_id in got.references
    assert got.conversation_id is not None and got.conversation_id.id == sent.conversation_id.id


def test_updateitem_and_conflict(ews):
    account = ews.new_account("upd", **NO_SEED)
    ews.server.deliver(account.email, "Before", "b")
    one, two = connect(ews, account), connect(ews, account)
    item = one.inbox.get(subject="Before")
    stale = two.inbox.get(subject="Before")
    item.subject = "After"
    item.save(update_fields=["subject"])  # UpdateItem, fresh changekey
    assert item.changekey != stale.changekey
    assert two.inbox.get(id=item.id).subject == "After"
    stale.subject = "Lost update"
    with pytest.raises(ErrorIrresolvableConflict):
        stale.save(update_fields=["subject"], conflict_resolution=NEVER_OVERWRITE)
    assert one.inbox.get(id=item.id).subject == "After"
    item.refresh()
    item.is_read = True
    item.save(update_fields=["is_read"])
    assert two.inbox.get(id=item.id).is_read is True


def test_delete_and_move(ews):
    account = ews.new_account("delmove", **NO_SEED)
    for subject in ("keep", "move me", "delete me"):
        ews.server.deliver(account.email, subject, "x")
    lib = connect(ews, account)
    target = Folder(parent=lib.inbox, name="Archive")
    target.save()
    lib.inbox.get(subject="move me").move(target)  # MoveItem
    lib.inbox.get(subject="delete me").delete()  # DeleteItem (HardDelete)
    assert sorted(i.subject for i in lib.inbox.all().only("subject")) == ["keep"]
    assert [i.subject for i in target.all().only("subject")] == ["move me"]
    lib.inbox.get(subject="keep").move_to_trash()
    assert lib.trash.filter(subject="keep").count() == 1


def test_sync_folder_items(ews):
    account = ews.new_account("sync", emails=12, appointments=0, contacts=0, tasks=0)
    lib = connect(ews, account)
    created = [
        item
        for change, item in lib.inbox.sync_items(max_changes_returned=5, only_fields=["subject"])
        if change == "create"
    ]
    assert len(created) == len(mailbox(ews, account).distinguished["inbox"].items)
    state = lib.inbox.item_sync_state
    assert state and list(lib.inbox.sync_items(sync_state=state)) == []
    ews.server.deliver(account.email, "New arrival", "n")
    victim, changed, flagged = created[0], created[1], created[2]
    lib.inbox.get(id=victim.id).delete()
    item = lib.inbox.get(id=changed.id)
    item.subject = "Changed subject"
    item.save(update_fields=["subject"])
    item = lib.inbox.get(id=flagged.id)
    item.is_read = not item.is_read
    item.save(update_fields=["is_read"])
    changes = list(lib.inbox.sync_items(sync_state=state, max_changes_returned=2, only_fields=["subject"]))
    kinds = {}
    for change, payload in changes:
        kinds.setdefault(change, []).append(payload)
    assert [i.subject for i in kinds["create"]] == ["New arrival"]
    assert [i.id for i in kinds["delete"]] == [victim.id]
    assert any(i.id == changed.id and i.subject == "Changed subject" for i in kinds["update"])
    assert any(entry[0].id == flagged.id for entry in kinds.get("read_flag_change", [])) or any(
        i.id == flagged.id for i in kinds["update"]
    )
    assert list(lib.inbox.sync_items(sync_state=lib.inbox.item_sync_state)) == []


def test_resolvenames_and_convertid(ews):
    account = ews.new_account("resolve", display_name="Resolve Rita", **NO_SEED)
    ews.server.deliver(account.email, "Id me", "x")
    lib = connect(ews, account)
    found = lib.protocol.resolve_names(names=[account.email])
    assert [m.email_address for m in found] == [account.email]
    found = lib.protocol.resolve_names(names=["Resolve Rita"], return_full_contact_data=True)
    assert found and found[0][0].email_address == account.email
    item = lib.inbox.get(subject="Id me")
    hexed = list(
        lib.protocol.convert_ids(
            [AlternateId(id=item.id, format=EWS_ID, mailbox=account.email)], destination_format=HEX_ENTRY_ID
        )
    )
    assert hexed[0].format == HEX_ENTRY_ID and hexed[0].id != item.id and hexed[0].mailbox == account.email
    int(hexed[0].id, 16)
    back = list(
        lib.protocol.convert_ids(
            [AlternateId(id=hexed[0].id, format=HEX_ENTRY_ID, mailbox=account.email)], destination_format=EWS_ID
        )
    )
    assert back[0].id == item.id


def test_calendar_contact_task(ews):
    account = ews.new_account("pim", **NO_SEED)
    lib = connect(ews, account)
    tz = lib.default_timezone
    start = EWSDateTime(2026, 3, 2, 9, 0, tzinfo=tz)
    appointment = CalendarItem(
        account=lib,
        folder=lib.calendar,
        subject="Standup",
        start=start,
        end=start + datetime.timedelta(minutes=15),
        location="Room 1",
    )
    appointment.save(send_meeting_invitations=SEND_TO_NONE)
    got = lib.calendar.get(id=appointment.id)
    assert (got.subject, got.start, got.location) == ("Standup", start, "Room 1")
    got.location = "Room 2"
    got.save(update_fields=["location"], send_meeting_invitations=SEND_TO_NONE)
    assert lib.calendar.get(id=appointment.id).location == "Room 2"

    contact = Contact(
        account=lib,
        folder=lib.contacts,
        display_name="Carla Contact",
        given_name="Carla",
        surname="Contact",
        email_addresses=[EmailAddress(email="carla@example.org", label="EmailAddress1")],
    )
    contact.save()
    got = lib.contacts.get(id=contact.id)
    assert got.given_name == "Carla" and got.email_addresses[0].email == "carla@example.org"
    got.surname = "Changed"
    got.save(update_fields=["surname"])
    assert lib.contacts.get(id=contact.id).surname == "Changed"

    task = Task(account=lib, folder=lib.tasks, subject="File report", status="NotStarted")
    task.save()
    got = lib.tasks.get(id=task.id)
    assert got.subject == "File report" and got.status == "NotStarted"
    got.status = "InProgress"
    got.save(update_fields=["status"])
    assert lib.tasks.get(id=task.id).status == "InProgress"


def test_impersonation(ews):
    target = ews.new_account("target", **NO_SEED)
    ews.server.deliver(target.email, "For the service", "x")
    service = ews.new_account("svc", roles=("impersonation",), **NO_SEED)
    plain = ews.new_account("plain", **NO_SEED)
    lib = connect(ews, service, as_user=target.email, access_type=IMPERSONATION)
    assert [i.subject for i in lib.inbox.all().only("subject")] == ["For the service"]
    denied = connect(ews, plain, as_user=target.email, access_type=IMPERSONATION)
    with pytest.raises(ErrorImpersonateUserDenied):
        denied.inbox.refresh()
