"""``mailbox``, ``profile`` and ``alerts`` commands, against the loopback Exchange server."""

from __future__ import annotations

import json

from app.cli import main
from app.domain.enums import ApprovalStatus, SyncMethod
from app.store.models import Alert, Mailbox


def _json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


def _ten_tested_mailboxes(setup) -> tuple[object, list[str]]:
    profile = setup.profile("Contoso", max_connections=3)
    emails = []
    for _ in range(10):
        account = setup.ews.new_account("box", emails=1)
        setup.mailbox(profile, account.email)
        emails.append(account.email)
    return profile, emails


def test_failing_lists_exactly_the_mailboxes_whose_server_fails(setup, capsys):
    _profile, emails = _ten_tested_mailboxes(setup)
    assert main(["mailbox", "test", "--all", "--json"]) == 0
    assert {r["status"] for r in _json(capsys)} == {"success"}
    broken = emails[2:5]
    for email in broken:
        setup.ews.faults.inject("fault500", account=email, operation="*", count=None)
    assert main(["sync", "--once"]) == 1  # three cycles failed
    capsys.readouterr()
    assert main(["mailbox", "list", "--failing", "--json"]) == 0
    listed = _json(capsys)
    assert sorted(m["email"] for m in listed) == sorted(broken)
    assert all(m["failing"] and m["open_alerts"] >= 1 for m in listed)

    assert main(["alerts", "list", "--level", "warning", "--level", "error", "--since", "1h", "--json"]) == 0
    alerted = {a["mailbox"] for a in _json(capsys)}
    names = {m.email: m.name for m in Mailbox.select()}
    assert alerted == {names[e] for e in broken}
    assert main(["alerts", "mark-read", "--mailbox", broken[0]]) == 0
    capsys.readouterr()
    assert not Alert.select().join(Mailbox).where((Mailbox.email == broken[0]) & (Alert.is_read == False)).exists()  # noqa: E712


def test_approve_then_test_every_pending_mailbox_of_a_profile(setup, capsys):
    profile = setup.profile("Contoso")
    other = setup.profile("Elsewhere")
    pending = [setup.ews.new_account("p").email for _ in range(3)]
    for email in pending:
        setup.mailbox(profile, email, approved=False)
    elsewhere = setup.ews.new_account("e").email
    setup.mailbox(other, elsewhere, approved=False)

    assert main(["mailbox", "approve", "--profile", "Contoso", "--pending", "--json"]) == 0
    assert _json(capsys) == {"action": "approve", "selected": 3, "changed": 3}
    assert Mailbox.get(Mailbox.email == elsewhere).approval is ApprovalStatus.PENDING
    assert main(["mailbox", "test", "--profile", "Contoso"]) == 0
    assert "3 of 3 passed" in capsys.readouterr().out
    assert all(Mailbox.get(Mailbox.email == e).incoming_enabled for e in pending)


def test_set_enable_disable_and_deactivate(setup, capsys):
    profile = setup.profile("Contoso")
    second = setup.profile("Second")
    email = setup.ews.new_account("s").email
    setup.mailbox(profile, email)
    assert main(["mailbox", "set", email, "--act", "none", "--to-profile", "Second"]) == 0
    mailbox = Mailbox.get(Mailbox.email == email)
    assert mailbox.act_method is SyncMethod.NONE and mailbox.profile_id == second.id
    assert main(["mailbox", "disable", email, "--workload", "incoming"]) == 0
    assert Mailbox.get(Mailbox.email == email).incoming_method is SyncMethod.NONE
    assert main(["mailbox", "enable", email]) == 0
    assert Mailbox.get(Mailbox.email == email).incoming_method is SyncMethod.SERVER_SIDE
    assert main(["mailbox", "deactivate", email]) == 0
    assert not Mailbox.get(Mailbox.email == email).is_active
    capsys.readouterr()
    assert main(["mailbox", "list", "--json"]) == 0
    assert _json(capsys)[0]["active"] is False


def test_a_change_that_would_break_a_mailbox_is_refused_for_all(setup, capsys):
    profile = setup.profile("Contoso")  # each mailbox's own credentials
    first = setup.ews.new_account("a").email
    second = setup.ews.new_account("b").email
    setup.mailbox(profile, first)
    setup.mailbox(
        profile,
        second,
        allow_credentials=False,
        incoming_method=SyncMethod.NONE,
        outgoing_method=SyncMethod.NONE,
        act_method=SyncMethod.NONE,
        password=None,
    )
    assert main(["mailbox", "enable", first, second, "--json"]) == 1
    answer = _json(capsys)
    assert answer["code"] == "ChangeRefused" and [p["mailbox"] for p in answer["problems"]] == [second.split("@")[0]]
    assert Mailbox.get(Mailbox.email == second).incoming_method is SyncMethod.NONE


def test_unknown_addresses_and_no_selection_are_usage_errors_in_json(setup, capsys):
    setup.profile("Contoso")
    assert main(["mailbox", "approve", "--json"]) == 2
    assert _json(capsys)["code"] == "NoSelection"
    assert main(["mailbox", "show", "nobody@contoso.com", "--json"]) == 2
    answer = _json(capsys)
    assert answer["code"] == "UnknownMailbox" and answer["unknown"] == ["nobody@contoso.com"]
    assert main(["profile", "show", "Nowhere", "--json"]) == 2
    assert _json(capsys)["code"] == "UnknownProfile"


def test_profile_list_and_show(setup, capsys):
    profile = setup.profile("Contoso")
    email = setup.ews.new_account("x").email
    setup.mailbox(profile, email)
    assert main(["profile", "list", "--json"]) == 0
    (listed,) = _json(capsys)
    assert listed["name"] == "Contoso" and listed["mailboxes"] == 1
    assert main(["profile", "show", "Contoso", "--json"]) == 0
    (shown,) = _json(capsys)
    assert shown["mailbox_addresses"] == [email] and shown["settings"]["max_connections"] == 10
