"""``--json`` commands answer in JSON also when nothing could run: an object with the error and a
stable code on stdout, exit code 2 — never plain text a script would choke on."""

from __future__ import annotations

import json

import pytest

from app.cli import main


@pytest.mark.parametrize(
    ("argv", "code", "named"),
    [
        (["test-mailbox", "nobody@contoso.com", "--json"], "UnknownMailbox", "nobody@contoso.com"),
        (["test-profile", "No such profile", "--json"], "UnknownProfile", "No such profile"),
    ],
    ids=["test-mailbox", "test-profile"],
)
def test_json_commands_report_an_unknown_name_as_json(store, capsys, argv, code, named):
    assert main(argv) == 2
    captured = capsys.readouterr()
    answer = json.loads(captured.out)
    assert answer["code"] == code and named in answer["error"]
    assert named not in captured.err, "said once, in JSON"


def test_json_command_reports_a_store_that_cannot_be_opened_as_json(sssm_home, capsys):
    from app import paths

    path = paths.database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is no database at all, just some text " * 100)
    assert main(["test-mailbox", "alice@contoso.com", "--json"]) == 2
    captured = capsys.readouterr()
    answer = json.loads(captured.out)
    assert answer["code"].startswith("Store") and str(path) in answer["error"]
    assert answer["next_step"] and answer["file"] == str(path)
    assert "Traceback" not in captured.err
