"""SyncFolderItems: opaque states, Create/Update/Delete/ReadFlagChange, paging, Ignore; persistence."""

from __future__ import annotations

import json
import time

from service_util import NS, Client, codes, make_world

from app.simulator.directory import Directory
from app.simulator.seed import seed_mailbox
from app.simulator.service import EwsService


def sync(client, state=None, max_changes=512, shape="IdOnly", ignore=()):
    st = f"<m:SyncState>{state}</m:SyncState>" if state else ""
    ign = ("<m:Ignore>" + "".join(f'<t:ItemId Id="{i}"/>' for i in ignore) + "</m:Ignore>") if ignore else ""
    resp = client.call(
        f"<m:SyncFolderItems><m:ItemShape><t:BaseShape>{shape}</t:BaseShape></m:ItemShape>"
        f'<m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>{st}{ign}'
        f"<m:MaxChangesReturned>{max_changes}</m:MaxChangesReturned>"
        "<m:SyncScope>NormalItems</m:SyncScope></m:SyncFolderItems>"
    )
    msg = resp.find(".//m:SyncFolderItemsResponseMessage", NS)
    changes = []
    for ch in msg.iterfind("m:Changes/*", NS):
        kind = ch.tag.split("}")[1]
        changes.append((kind, ch.find(".//t:ItemId", NS).get("Id")))
    return (
        msg.findtext("m:SyncState", namespaces=NS),
        msg.findtext("m:IncludesLastItemInRange", namespaces=NS),
        changes,
    )


def full_sync(client, state=None, max_changes=100):
    all_changes = []
    while True:
        state, last, changes = sync(client, state, max_changes)
        all_changes += changes
        if last == "true":
            return state, all_changes


def test_initial_sync_pages_through_everything(monkeypatch):
    directory, service, alice, _, _ = make_world()
    for i in range(250):
        service.deliver("alice@contoso.example", subject=f"m{i}", body="b", sender="x@ext.example")
    state, last, changes = sync(alice, max_changes=100)
    assert last == "false" and len(changes) == 100 and {k for k, _ in changes} == {"Create"}
    state, changes = full_sync(alice, state)
    assert len(changes) == 150
    state2, last, changes = sync(alice, state)
    assert (last, changes) == ("true", [])
    assert state2


def test_incremental_changes(monkeypatch):
    directory, service, alice, _, _ = make_world()
    ids = [
        service.deliver("alice@contoso.example", subject=f"m{i}", body="b", sender="x@ext.example") for i in range(5)
    ]
    state, _ = full_sync(alice)
    mb = directory.mailbox("alice@contoso.example")
    # read flag only
    read = mb.items[ids[0]]
    read.is_read = True
    mb.touch(read, read_flag_only=True)
    # content change
    upd = mb.items[ids[1]]
    upd.subject = "changed"
    mb.touch(upd)
    # delete, move away, and a new message that is then deleted again (never reported)
    mb.remove_item(mb.items[ids[2]])
    mb.move_item(mb.items[ids[3]], mb.distinguished["deleteditems"])
    transient = service.deliver("alice@contoso.example", subject="t", body="b", sender="x@ext.example")
    mb.remove_item(mb.items[transient])
    new = service.deliver("alice@contoso.example", subject="new", body="b", sender="x@ext.example")
    state2, last, changes = sync(alice, state)
    assert last == "true"
    assert sorted(changes) == sorted(
        [("ReadFlagChange", ids[0]), ("Update", ids[1]), ("Delete", ids[2]), ("Delete", ids[3]), ("Create", new)]
    )
    # an old state stays valid and replays the same changes
    assert sorted(sync(alice, state)[2]) == sorted(changes)
    # Ignore suppresses the echo of the client's own change
    upd.subject = "again"
    mb.touch(upd)
    assert sync(alice, state2, ignore=[ids[1]])[2] == []


def test_paged_incremental_sync_reports_create_before_update():
    directory, service, alice, _, _ = make_world()
    state, _ = full_sync(alice)
    mb = directory.mailbox("alice@contoso.example")
    ids = [
        service.deliver("alice@contoso.example", subject=f"m{i}", body="b", sender="x@ext.example") for i in range(4)
    ]
    for item_id in ids:  # every item updated after all were created
        mb.items[item_id].subject += "!"
        mb.touch(mb.items[item_id])
    kinds = {}
    while True:
        state, last, changes = sync(alice, state, max_changes=1)
        for kind, item_id in changes:
            kinds.setdefault(item_id, []).append(kind)
        if last == "true":
            break
    assert set(kinds) == set(ids)
    assert all(k[0] == "Create" for k in kinds.values())


def test_invalid_sync_state_and_max_changes():
    _, _, alice, _, _ = make_world()
    resp = alice.call(
        "<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
        '<m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>'
        "<m:SyncState>bm9wZQ==</m:SyncState><m:MaxChangesReturned>10</m:MaxChangesReturned>"
        "</m:SyncFolderItems>"
    )
    assert codes(resp) == ["ErrorInvalidSyncStateData"]
    fault = alice.call(
        "<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
        '<m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>'
        "<m:MaxChangesReturned>1000</m:MaxChangesReturned></m:SyncFolderItems>",
        expect_status=500,
    )
    assert fault.findtext("faultcode") == "a:ErrorSchemaValidation"


def test_sync_cost_follows_changes_not_folder_size():
    directory, service, alice, _, _ = make_world()
    seed_mailbox(directory, "alice@contoso.example", emails=20000, appointments=0, contacts=0, tasks=0)
    state, _ = full_sync(alice, max_changes=512)
    service.deliver("alice@contoso.example", subject="one", body="b", sender="x@ext.example")
    t0 = time.perf_counter()
    state, last, changes = sync(alice, state)
    assert time.perf_counter() - t0 < 0.02
    assert [k for k, _ in changes] == ["Create"]


def test_state_round_trip_keeps_sync_states_and_items():
    directory, service, alice, _, _ = make_world()
    seed_mailbox(directory, "alice@contoso.example", emails=30, appointments=3, contacts=3, tasks=3)
    state, _ = full_sync(alice)
    restored = Directory.from_dict(json.loads(json.dumps(directory.to_dict())))
    service2 = EwsService(restored)
    alice2 = Client(service2, restored.get("alice@contoso.example"))
    assert sync(alice2, state)[2] == []
    new = service2.deliver("alice@contoso.example", subject="after restore", body="b", sender="x@ext.example")
    assert sync(alice2, state)[2] == [("Create", new)]
    old_mb, new_mb = directory.mailbox("alice@contoso.example"), restored.mailbox("alice@contoso.example")
    some = next(iter(old_mb.distinguished["inbox"].items))
    assert new_mb.items[some].body == old_mb.items[some].body
    assert restored.authenticate("alice@contoso.example", "pw-a") is not None
